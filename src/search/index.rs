//! The search index a command reads in one piece: the field index and each
//! project's key, in list order. An import writes it into the cache, so
//! `esf list --filter` and "did you mean" at a million projects read a
//! few hundred megabytes once instead of every project.

use super::fields::stored::{read_texts, write_texts};
use super::fields::{Field, FieldIndex};
use super::wire::{damaged, Reader, Writer};
use super::Texts;
use std::io::{self, Read, Write};
use std::sync::OnceLock;

/// Written first, so an index of another layout is never taken for one.
const MAGIC: u64 = u64::from_le_bytes(*b"esfidx02");

#[derive(Debug, Default)]
pub struct SearchIndex {
    pub fields: FieldIndex,
    keys: Texts,
    /// Each project's row in the cache, read by it (quicker than by key).
    rowids: Vec<i64>,
    by_key: KeyTable,
}

impl SearchIndex {
    /// Adds a project after those already in (callers keep list order).
    pub fn push(&mut self, rowid: i64, key: &str, name: &str, shared: &[(Field, &str)]) {
        self.fields.push(name, key, shared);
        self.rowids.push(rowid);
        self.keys.bytes.push_str(key);
        self.keys.ends.push(self.keys.bytes.len());
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn key(&self, index: usize) -> &str {
        self.keys.get(index)
    }

    pub fn rowid(&self, index: usize) -> i64 {
        self.rowids[index]
    }

    pub fn index_of_key(&self, key: &str) -> Option<usize> {
        self.by_key.find(key, self.len(), &|i| self.key(i))
    }

    pub fn write_to<W: Write>(&self, out: W) -> io::Result<W> {
        let mut w = Writer::new(out);
        w.u64(MAGIC)?;
        self.fields.write_to(&mut w)?;
        write_texts(&mut w, &self.keys)?;
        w.numbers(8, self.rowids.iter().map(|&r| r as u64))?;
        Ok(w.into_inner())
    }

    /// Reads `size` bytes of `input`; a damaged index is an error.
    pub fn read_from<R: Read>(input: R, size: u64) -> io::Result<SearchIndex> {
        let mut r = Reader::new(input, size);
        if r.u64()? != MAGIC {
            return Err(damaged("not an index of this version"));
        }
        let fields = FieldIndex::read_from(&mut r)?;
        let keys = read_texts(&mut r)?;
        let rowids: Vec<i64> = r.u64s()?.into_iter().map(|r| r as i64).collect();
        if keys.len() != fields.len() || rowids.len() != keys.len() {
            return Err(damaged("keys and projects of different lengths"));
        }
        Ok(SearchIndex {
            fields,
            keys,
            rowids,
            by_key: KeyTable::default(),
        })
    }
}

/// Where a key is in a list, through a table sorted by the key's hash
/// (built on first use: 12 bytes a project).
#[derive(Debug, Default)]
pub struct KeyTable(OnceLock<Vec<(u64, u32)>>);

impl KeyTable {
    /// The index of `key` among `count` keys, `key_at` giving each.
    pub fn find<'a>(
        &self,
        key: &str,
        count: usize,
        key_at: &dyn Fn(usize) -> &'a str,
    ) -> Option<usize> {
        let table = self.0.get_or_init(|| {
            let mut table: Vec<(u64, u32)> = (0..count)
                .map(|i| (key_hash(key_at(i)), i as u32))
                .collect();
            table.sort_unstable();
            table
        });
        let hash = key_hash(key);
        let from = table.partition_point(|&(h, _)| h < hash);
        table[from..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, i)| i as usize)
            .find(|&i| key_at(i) == key)
    }
}

fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_after_a_round_trip() {
        let mut index = SearchIndex::default();
        index.push(
            7,
            "22-002-S07",
            "Nya Vägar i Vellinge +",
            &[(Field::Owner, "Vellinge kommun")],
        );
        index.push(9, "x-552c407c19", "Inkluderande rehabilitering", &[]);
        let data = index.write_to(Vec::new()).unwrap();
        let read = SearchIndex::read_from(&data[..], data.len() as u64).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read.index_of_key("x-552c407c19"), Some(1));
        assert_eq!((read.key(0), read.rowid(0)), ("22-002-S07", 7));
        assert_eq!(read.index_of_key("2015/00730"), None);
        let wrong = SearchIndex::read_from(&data[1..], data.len() as u64 - 1);
        assert!(wrong.is_err(), "a shifted index is not read");
    }
}
