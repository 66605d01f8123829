//! The columns a list shows of each project (ID, name, owner, region,
//! period), kept in the stored search index so `esf list --filter` writes
//! a matching row without reading its record: the name as written, the
//! owner and region as numbers into the index's shared values (each kept
//! there once already), the dates as numbers. A project whose columns
//! these cannot give exactly (an ID written otherwise than its key, a
//! date in another form) is marked, and its row is read from the cache.

use super::fields::FieldIndex;
use super::wire::{damaged, Reader, Writer};
use super::Texts;
use crate::model::ProjectSummary;
use std::io::{self, Read, Write};

/// No owner, region or date.
const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct Columns {
    names: Texts,
    owners: Vec<u32>,
    regions: Vec<u32>,
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Projects (in list order) whose row is read from the cache.
    unusual: Vec<u32>,
}

/// A row's columns as a list shows them, borrowed from the index.
#[derive(Debug, PartialEq, Eq)]
pub struct Row<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub owner: Option<&'a str>,
    pub region: Option<&'a str>,
    pub start: Option<String>,
    pub end: Option<String>,
}

impl Row<'_> {
    /// The project summary these columns stand for (its other fields empty).
    pub fn summary(&self) -> ProjectSummary {
        ProjectSummary {
            key: self.key.to_string(),
            name: Some(self.name.to_string()),
            owner: self.owner.map(str::to_string),
            region: self.region.map(str::to_string),
            start_date: self.start.clone(),
            end_date: self.end.clone(),
            ..ProjectSummary::default()
        }
    }
}

impl Columns {
    /// The columns of `projects`, in the order `fields` holds them.
    pub fn of<P: std::borrow::Borrow<ProjectSummary>>(
        projects: impl IntoIterator<Item = P>,
        fields: &FieldIndex,
    ) -> Columns {
        let mut columns = Columns::default();
        for (index, p) in projects.into_iter().enumerate() {
            let p = p.borrow();
            let owner = shared(fields, p.owner.as_deref());
            let region = shared(fields, p.region.as_deref());
            let (start, end) = (date(p.start_date.as_deref()), date(p.end_date.as_deref()));
            let usual = p.name.is_some() && p.shown_id() == p.key;
            let found = [owner, region, start, end];
            let kept = found.map(|c| c.unwrap_or(NONE));
            if !usual || found.contains(&None) {
                columns.unusual.push(index as u32);
            }
            columns.names.push(p.name.as_deref().unwrap_or_default());
            columns.owners.push(kept[0]);
            columns.regions.push(kept[1]);
            columns.starts.push(kept[2]);
            columns.ends.push(kept[3]);
        }
        columns
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Project `index`'s name as written (empty when it has none).
    pub fn name(&self, index: usize) -> &str {
        self.names.get(index)
    }

    /// The columns of `plan`'s projects, each from `base` or `added`;
    /// `numbers` gives the new number of each shared value of `added`.
    pub(in crate::search) fn merged(
        base: &Columns,
        added: &Columns,
        plan: &[super::patch::Source],
        numbers: &[u32],
    ) -> Columns {
        use super::patch::Source;
        let mut merged = Columns::default();
        let renumber = |n: u32| if n == NONE { NONE } else { numbers[n as usize] };
        for (at, &source) in plan.iter().enumerate() {
            let (from, i, added_row) = match source {
                Source::Base(i) => (base, i, false),
                Source::Added(i) => (added, i, true),
            };
            let (owner, region) = match added_row {
                true => (renumber(from.owners[i]), renumber(from.regions[i])),
                false => (from.owners[i], from.regions[i]),
            };
            merged.names.push(from.names.get(i));
            merged.owners.push(owner);
            merged.regions.push(region);
            merged.starts.push(from.starts[i]);
            merged.ends.push(from.ends[i]);
            if from.unusual.binary_search(&(i as u32)).is_ok() {
                merged.unusual.push(at as u32);
            }
        }
        merged
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The columns of a tail's projects put in where `layout` says, those
    /// it leaves out taken out, in place; `numbers` gives the number here
    /// of each shared value of the tail.
    pub(in crate::search) fn take_tail(
        &mut self,
        tail: Columns,
        layout: &super::layout::Layout,
        numbers: &[u32],
    ) -> Option<()> {
        let before = self.len();
        let renumber = |n: &u32| match *n {
            NONE => Some(NONE),
            n => numbers.get(n as usize).copied(),
        };
        let owners: Vec<u32> = tail.owners.iter().map(renumber).collect::<Option<_>>()?;
        let regions: Vec<u32> = tail.regions.iter().map(renumber).collect::<Option<_>>()?;
        layout.merge_texts(&mut self.names, tail.names)?;
        layout.merge_each(&mut self.owners, &owners);
        layout.merge_each(&mut self.regions, &regions);
        layout.merge_each(&mut self.starts, &tail.starts);
        layout.merge_each(&mut self.ends, &tail.ends);
        let kept = self
            .unusual
            .iter()
            .filter_map(|&i| layout.place_of_kept(i as usize));
        let added = tail
            .unusual
            .iter()
            .map(|&j| layout.place_of_added(j as usize));
        let added: Vec<usize> = added.collect::<Option<_>>()?;
        let mut unusual: Vec<u32> = kept.chain(added).map(|i| i as u32).collect();
        unusual.sort_unstable();
        self.unusual = unusual;
        (self.len() == layout.len(before)).then_some(())
    }

    /// Project `index`'s columns, or None when its row is to be read from
    /// the cache (or there is no such project).
    pub fn row<'a>(
        &'a self,
        index: usize,
        key: &'a str,
        fields: &'a FieldIndex,
    ) -> Option<Row<'a>> {
        if index >= self.len() || self.unusual.binary_search(&(index as u32)).is_ok() {
            return None;
        }
        let value = |v: u32| (v != NONE).then(|| fields.shared_value_text(v)).flatten();
        Some(Row {
            key,
            name: self.names.get(index),
            owner: value(self.owners[index]),
            region: value(self.regions[index]),
            start: iso(self.starts[index]),
            end: iso(self.ends[index]),
        })
    }

    pub fn write_to<W: Write>(&self, w: &mut Writer<W>) -> io::Result<()> {
        super::fields::stored::write_texts(w, &self.names)?;
        for run in [
            &self.owners,
            &self.regions,
            &self.starts,
            &self.ends,
            &self.unusual,
        ] {
            w.numbers(4, run.iter().map(|&n| n as u64))?;
        }
        Ok(())
    }

    /// Reads columns of `count` projects.
    pub fn read_from<R: Read>(r: &mut Reader<R>, count: usize) -> io::Result<Columns> {
        let names = super::fields::stored::read_texts(r)?;
        let mut runs = Vec::new();
        for _ in 0..5 {
            runs.push(r.u32s()?);
        }
        let unusual = runs.pop().unwrap_or_default();
        let rising = unusual.windows(2).all(|w| w[0] < w[1]);
        if names.len() != count || runs.iter().any(|r| r.len() != count) || !rising {
            return Err(damaged("columns of different lengths"));
        }
        let mut runs = runs.into_iter();
        let mut next = || runs.next().unwrap_or_default();
        Ok(Columns {
            names,
            owners: next(),
            regions: next(),
            starts: next(),
            ends: next(),
            unusual,
        })
    }
}

/// The number of a shared value that is exactly `text`; Some(NONE) for no
/// text; None when the index keeps no such value.
fn shared(fields: &FieldIndex, text: Option<&str>) -> Option<u32> {
    let Some(text) = text else {
        return Some(NONE);
    };
    let at = fields.shared_number(text)?;
    (fields.shared_value_text(at) == Some(text)).then_some(at)
}

/// An ISO date (`2016-02-01`) as the number 20160201; Some(NONE) for no
/// date; None for a date written otherwise.
fn date(text: Option<&str>) -> Option<u32> {
    let Some(text) = text else {
        return Some(NONE);
    };
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let iso = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if !(iso && digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    Some(number(0..4)? * 10_000 + number(5..7)? * 100 + number(8..10)?)
}

/// 20160201 as `2016-02-01` (digit by digit: a million rows are written).
fn iso(n: u32) -> Option<String> {
    if n == NONE {
        return None;
    }
    let mut text = String::with_capacity(10);
    for (at, power) in [10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]
        .into_iter()
        .enumerate()
    {
        if at == 4 || at == 6 {
            text.push('-');
        }
        text.push(char::from(b'0' + (n / power % 10) as u8));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::field::Field;

    fn project(
        key: &str,
        id: Option<&str>,
        name: Option<&str>,
        start: Option<&str>,
    ) -> ProjectSummary {
        ProjectSummary {
            key: key.into(),
            id: id.map(Into::into),
            name: name.map(Into::into),
            owner: Some("Vellinge kommun".into()),
            region: None,
            start_date: start.map(Into::into),
            end_date: Some("2019-01-31".into()),
            ..ProjectSummary::default()
        }
    }

    #[test]
    fn usual_rows_come_back_and_the_others_are_read_from_the_cache() {
        let projects = [
            project(
                "22-002-S07",
                Some("22-002-S07"),
                Some("Nya Vägar"),
                Some("2016-02-01"),
            ),
            project(
                "22-002-S08",
                Some("22-002-s08"),
                Some("Written otherwise"),
                None,
            ),
            project("x-1", None, None, None),
            project("x-2", None, Some("A date"), Some("1 februari 2016")),
        ];
        let mut fields = FieldIndex::default();
        for p in &projects {
            fields.push(
                p.name.as_deref().unwrap_or_default(),
                &p.key,
                &[(Field::Owner, "Vellinge kommun")],
            );
        }
        let columns = Columns::of(&projects, &fields);
        let mut w = Writer::new(Vec::new());
        columns.write_to(&mut w).unwrap();
        let data = w.into_inner();
        let read = Columns::read_from(&mut Reader::new(&data[..], data.len() as u64), 4).unwrap();
        let row = read.row(0, "22-002-S07", &fields).unwrap();
        assert_eq!(
            row.summary(),
            ProjectSummary {
                id: None,
                ..projects[0].clone()
            }
        );
        assert_eq!(row.start.as_deref(), Some("2016-02-01"));
        assert_eq!(row.region, None);
        for unusual in 1..4 {
            assert_eq!(read.row(unusual, "k", &fields), None, "{unusual}");
        }
        assert_eq!(read.row(4, "k", &fields), None, "beyond the end");
        assert!(Columns::read_from(&mut Reader::new(&data[..], data.len() as u64), 3).is_err());
    }
}
