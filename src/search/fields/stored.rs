//! The field index written out and read back as it is in memory, so a
//! command can search a million projects without reading them all.

use super::super::wire::{damaged, Reader, Writer};
use super::super::{Haystacks, Texts};
use super::{FieldIndex, Link, FIELDS, VALUE_BITS};
use std::io::{self, Read, Write};

pub(in crate::search) fn write_texts<W: Write>(w: &mut Writer<W>, t: &Texts) -> io::Result<()> {
    w.bytes(t.bytes.as_bytes())?;
    w.numbers(8, t.ends.iter().map(|&e| e as u64))
}

pub(in crate::search) fn read_texts<R: Read>(r: &mut Reader<R>) -> io::Result<Texts> {
    let bytes = r.text()?;
    let ends = r.ends(bytes.len())?;
    if !ends.iter().all(|&e| bytes.is_char_boundary(e as usize)) {
        return Err(damaged("a text cut inside a letter"));
    }
    Ok(Texts { bytes, ends })
}

fn write_haystacks<W: Write>(w: &mut Writer<W>, h: &Haystacks) -> io::Result<()> {
    write_texts(w, &h.folded)?;
    w.numbers(4, h.unfolded.iter().map(|&(at, _)| at as u64))?;
    w.numbers(4, h.unfolded.iter().map(|&(_, c)| c as u64))?;
    w.numbers(8, h.unfolded_ends.iter().map(|&e| e as u64))
}

pub(in crate::search) fn read_haystacks<R: Read>(r: &mut Reader<R>) -> io::Result<Haystacks> {
    let folded = read_texts(r)?;
    let at = r.u32s()?;
    let letters = r.u32s()?;
    let unfolded_ends = r.ends(at.len())?;
    if letters.len() != at.len() || unfolded_ends.len() != folded.len() {
        return Err(damaged("haystacks of different lengths"));
    }
    let mut unfolded = Vec::with_capacity(at.len());
    for (&a, &c) in at.iter().zip(&letters) {
        let letter = char::from_u32(c);
        unfolded.push((a, letter.ok_or_else(|| damaged("a letter"))?));
    }
    let haystacks = Haystacks {
        folded,
        unfolded,
        unfolded_ends,
        last: Default::default(),
    };
    check_unfolded(&haystacks)?;
    Ok(haystacks)
}

/// Each noted letter stands on a one-byte letter inside its own text,
/// after the one noted before it.
fn check_unfolded(h: &Haystacks) -> io::Result<()> {
    let mut from = 0;
    for (index, &end) in h.unfolded_ends.iter().enumerate() {
        let end = end as usize;
        let text = h.folded.get(index).as_bytes();
        let run = &h.unfolded[from..end];
        let inside = run
            .iter()
            .all(|&(at, _)| text.get(at as usize).is_some_and(u8::is_ascii));
        let rising = run.windows(2).all(|w| w[0].0 < w[1].0);
        if !inside || !rising {
            return Err(damaged("a letter outside its text"));
        }
        from = end;
    }
    Ok(())
}

impl FieldIndex {
    pub fn write_to<W: Write>(&self, w: &mut Writer<W>) -> io::Result<()> {
        write_haystacks(w, &self.names)?;
        write_haystacks(w, &self.ids)?;
        write_haystacks(w, &self.shared)?;
        w.u64(self.shared_text.len() as u64)?;
        for value in &self.shared_text {
            w.bytes(value.as_bytes())?;
        }
        w.numbers(4, self.links.iter().map(|l| l.0 as u64))?;
        w.numbers(4, self.link_ends.iter().map(|&e| e as u64))
    }

    pub fn read_from<R: Read>(r: &mut Reader<R>) -> io::Result<FieldIndex> {
        let names = read_haystacks(r)?;
        let ids = read_haystacks(r)?;
        let shared = read_haystacks(r)?;
        let count = r.u64()? as usize;
        if count != shared.len() {
            return Err(damaged("shared values of different lengths"));
        }
        let mut shared_text = Vec::with_capacity(count);
        for _ in 0..count {
            shared_text.push(r.text()?.into_boxed_str());
        }
        let links: Vec<Link> = r.u32s()?.into_iter().map(Link).collect();
        let known = |l: &Link| ((l.0 >> VALUE_BITS) as usize) < FIELDS.len();
        if !links
            .iter()
            .all(|l| known(l) && (l.value() as usize) < count)
        {
            return Err(damaged("a link to no value"));
        }
        let link_ends = r.u32s()?;
        let rising = link_ends.windows(2).all(|w| w[0] <= w[1]);
        let fits = link_ends.last().is_none_or(|&e| e as usize <= links.len());
        if !rising || !fits || link_ends.len() != names.len() {
            return Err(damaged("links out of order"));
        }
        if ids.len() != names.len() {
            return Err(damaged("names and ids of different lengths"));
        }
        let shared_at = shared_text
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), i as u32))
            .collect();
        Ok(FieldIndex {
            names,
            ids,
            shared,
            shared_text,
            shared_at,
            links,
            link_ends,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fields::Field;
    use crate::search::fields::TextHits;
    use crate::search::query::Query;

    fn sample() -> FieldIndex {
        let mut index = FieldIndex::default();
        index.push(
            "Nya Vägar i Vellinge +",
            "22-002-S07",
            &[(Field::Owner, "VELLINGE KOMMUN")],
        );
        index.push(
            "effektbutiken",
            "2015/00730",
            &[(Field::Partner, "Försäkringskassan")],
        );
        index
    }

    fn round_trip(index: &FieldIndex) -> io::Result<FieldIndex> {
        let mut w = Writer::new(Vec::new());
        index.write_to(&mut w)?;
        let data = w.into_inner();
        FieldIndex::read_from(&mut Reader::new(&data[..], data.len() as u64))
    }

    #[test]
    fn a_read_index_finds_what_the_written_one_did() {
        let index = sample();
        let read = round_trip(&index).unwrap();
        for q in [
            "vägar",
            "vagar",
            "försäkr",
            "00730",
            "vellinge kommun",
            "zzz",
        ] {
            let q = Query::parse(q);
            let hits = TextHits::default();
            assert_eq!(read.filter(&q, &hits), index.filter(&q, &hits), "{q:?}");
        }
    }

    #[test]
    fn every_cut_or_flipped_byte_is_an_error_or_an_index() {
        let mut w = Writer::new(Vec::new());
        sample().write_to(&mut w).unwrap();
        let data = w.into_inner();
        for cut in 0..data.len() {
            let part = &data[..cut];
            assert!(FieldIndex::read_from(&mut Reader::new(part, cut as u64)).is_err());
        }
        for at in 0..data.len() {
            let mut bad = data.clone();
            bad[at] ^= 0xa5;
            // May read as another index; must not panic, and must search.
            if let Ok(index) = FieldIndex::read_from(&mut Reader::new(&bad[..], bad.len() as u64)) {
                index.filter(&Query::parse("a"), &TextHits::default());
            }
        }
    }
}
