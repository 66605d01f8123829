//! The search index a command reads in one piece: the field index and each
//! project's key, in list order. An import writes it into the cache, so
//! `esf list --filter` at a million projects reads a few hundred megabytes
//! once instead of every project.

use super::columns::Columns;
use super::fields::stored::{read_texts, write_texts};
use super::fields::FieldIndex;
use super::wire::{damaged, Reader, Writer};
use super::Texts;
use std::io::{self, Read, Write};
use std::sync::OnceLock;

/// Written first, so an index of another layout is never taken for one.
pub const VERSION: [u8; 8] = *b"esfidx04";
const MAGIC: u64 = u64::from_le_bytes(VERSION);

#[derive(Debug, Default)]
pub struct SearchIndex {
    pub fields: FieldIndex,
    pub keys: Keys,
    /// What a list shows of each project, last in the stored index.
    pub columns: Columns,
    by_key: KeyTable,
    by_rowid: OnceLock<RowTable>,
}

/// Each project's key and its row in the cache (read by it: quicker than
/// by key), in list order.
#[derive(Debug, Default)]
pub struct Keys {
    pub(super) keys: Texts,
    pub(super) rowids: Vec<i64>,
}

impl Keys {
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

    fn read<R: Read>(r: &mut Reader<R>) -> io::Result<Keys> {
        check_version(r)?;
        let keys = read_texts(r)?;
        let rowids: Vec<i64> = r.u64s()?.into_iter().map(|r| r as i64).collect();
        match rowids.len() == keys.len() {
            true => Ok(Keys { keys, rowids }),
            false => Err(damaged("keys and rows of different lengths")),
        }
    }
}

impl SearchIndex {
    pub fn index_of_key(&self, key: &str) -> Option<usize> {
        let keys = &self.keys;
        self.by_key.find(key, keys.len(), &|i| keys.key(i))
    }

    /// An index of these parts (their lengths checked by the caller).
    pub(super) fn from_parts(fields: FieldIndex, keys: Keys, columns: Columns) -> SearchIndex {
        SearchIndex {
            fields,
            keys,
            columns,
            by_key: KeyTable::default(),
            by_rowid: OnceLock::new(),
        }
    }

    pub(super) fn into_parts(self) -> (FieldIndex, Keys, Columns) {
        (self.fields, self.keys, self.columns)
    }

    /// Where the project of row `rowid` in the cache is in the list.
    pub fn index_of_rowid(&self, rowid: i64) -> Option<usize> {
        let table = self
            .by_rowid
            .get_or_init(|| RowTable::of(&self.keys.rowids));
        table.find(rowid)
    }

    /// Writes an index of `fields`, the projects' keys, rows and columns
    /// in the same order, as [`SearchIndex::read_from`] reads it.
    pub fn write_parts<W: Write>(
        fields: &FieldIndex,
        keys: &[&str],
        rowids: &[i64],
        columns: &Columns,
        out: W,
    ) -> io::Result<W> {
        let mut w = Writer::new(out);
        w.u64(MAGIC)?;
        let mut texts = Texts::default();
        for key in keys {
            texts.push(key);
        }
        write_texts(&mut w, &texts)?;
        w.numbers(8, rowids.iter().map(|&r| r as u64))?;
        fields.write_to(&mut w)?;
        columns.write_to(&mut w)?;
        Ok(w.into_inner())
    }

    /// Writes the index as [`SearchIndex::read_from`] reads it.
    pub fn write_to<W: Write>(&self, out: W) -> io::Result<W> {
        let mut w = Writer::new(out);
        w.u64(MAGIC)?;
        write_texts(&mut w, &self.keys.keys)?;
        w.numbers(8, self.keys.rowids.iter().map(|&r| r as u64))?;
        self.fields.write_to(&mut w)?;
        self.columns.write_to(&mut w)?;
        Ok(w.into_inner())
    }

    /// This index without the projects of rows `gone`, with those of
    /// `added` (an index of the projects an import added or changed) put
    /// in list order: what a rebuild would give. None when their order
    /// cannot be told (see [`super::patch::plan`]).
    pub fn patched(&self, gone: &dyn Fn(i64) -> bool, added: &SearchIndex) -> Option<SearchIndex> {
        use super::patch::{plan, Side, Source};
        let base_gone = |i: usize| gone(self.keys.rowid(i));
        let (base_name, base_key) = (|i| self.columns.name(i), |i| self.keys.key(i));
        let (added_name, added_key) = (|i| added.columns.name(i), |i| added.keys.key(i));
        let never = |_: usize| false;
        let base = Side {
            len: self.keys.len(),
            name: &base_name,
            key: &base_key,
            gone: &base_gone,
        };
        let new = Side {
            len: added.keys.len(),
            name: &added_name,
            key: &added_key,
            gone: &never,
        };
        let plan = plan(&base, &new)?;
        let (fields, numbers) = FieldIndex::merged(&self.fields, &added.fields, &plan);
        let columns = Columns::merged(&self.columns, &added.columns, &plan, &numbers);
        let mut keys = Keys::default();
        for source in plan {
            let (from, i) = match source {
                Source::Base(i) => (&self.keys, i),
                Source::Added(i) => (&added.keys, i),
            };
            keys.keys.push(from.key(i));
            keys.rowids.push(from.rowid(i));
        }
        Some(SearchIndex {
            fields,
            keys,
            columns,
            by_key: KeyTable::default(),
            by_rowid: OnceLock::new(),
        })
    }

    /// Reads `size` bytes of `input`; a damaged index is an error.
    pub fn read_from<R: Read>(input: R, size: u64) -> io::Result<SearchIndex> {
        let mut r = Reader::new(input, size);
        let keys = Keys::read(&mut r)?;
        let fields = FieldIndex::read_from(&mut r)?;
        if keys.len() != fields.len() {
            return Err(damaged("keys and projects of different lengths"));
        }
        let columns = Columns::read_from(&mut r, keys.len())?;
        Ok(SearchIndex {
            fields,
            keys,
            columns,
            by_key: KeyTable::default(),
            by_rowid: OnceLock::new(),
        })
    }
}

/// The first bytes of an index name its version: one of another layout
/// is never read.
fn check_version<R: Read>(r: &mut Reader<R>) -> io::Result<()> {
    match r.u64()? == MAGIC {
        true => Ok(()),
        false => Err(damaged("not an index of this version")),
    }
}

/// Where a key is in a list, through a table sorted by 32 bits of the
/// key's hash, each found key compared (built on first use: 8 bytes a
/// project).
#[derive(Debug, Default)]
pub struct KeyTable(OnceLock<Vec<(u32, u32)>>);

impl KeyTable {
    /// The index of `key` among `count` keys, `key_at` giving each.
    pub fn find<'a>(
        &self,
        key: &str,
        count: usize,
        key_at: &dyn Fn(usize) -> &'a str,
    ) -> Option<usize> {
        let table = self.0.get_or_init(|| {
            let mut table: Vec<(u32, u32)> = (0..count)
                .map(|i| (short_hash(key_at(i)), i as u32))
                .collect();
            table.sort_unstable();
            table
        });
        let hash = short_hash(key);
        let from = table.partition_point(|&(h, _)| h < hash);
        table[from..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, i)| i as usize)
            .find(|&i| key_at(i) == key)
    }
}

/// Each row's place in the list. Row ids are nearly dense (a project
/// changed by an import gets the next one), so mostly one number per row,
/// by row: built in one pass, where sorting would take longer than a query.
#[derive(Debug)]
enum RowTable {
    Dense(Vec<u32>),
    Sorted(Vec<(i64, u32)>),
}

impl RowTable {
    const NONE: u32 = u32::MAX;

    fn of(rowids: &[i64]) -> RowTable {
        let largest = rowids.iter().copied().max().unwrap_or(0);
        let smallest = rowids.iter().copied().min().unwrap_or(0);
        let dense_enough = smallest >= 0 && (largest as u64) < 4 * rowids.len() as u64 + 1024;
        if dense_enough {
            let mut table = vec![Self::NONE; largest as usize + 1];
            for (index, &rowid) in rowids.iter().enumerate() {
                table[rowid as usize] = index as u32;
            }
            return RowTable::Dense(table);
        }
        let mut table: Vec<(i64, u32)> = (rowids.iter().copied()).zip(0..).collect();
        table.sort_unstable();
        RowTable::Sorted(table)
    }

    fn find(&self, rowid: i64) -> Option<usize> {
        match self {
            RowTable::Dense(table) => {
                let at = usize::try_from(rowid).ok()?;
                table
                    .get(at)
                    .filter(|&&i| i != Self::NONE)
                    .map(|&i| i as usize)
            }
            RowTable::Sorted(table) => {
                let at = table.binary_search_by_key(&rowid, |&(r, _)| r).ok()?;
                Some(table[at].1 as usize)
            }
        }
    }
}

fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// The high half of [`key_hash`].
fn short_hash(key: &str) -> u32 {
    (key_hash(key) >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fields::Field;

    #[test]
    fn rows_are_found_in_a_dense_and_in_a_sparse_table() {
        for rowids in [vec![3, 1, 2], vec![3, 1_000_000_000, -5]] {
            let table = RowTable::of(&rowids);
            for (index, &rowid) in rowids.iter().enumerate() {
                assert_eq!(table.find(rowid), Some(index), "{rowids:?}");
            }
            assert_eq!(table.find(4), None);
            assert_eq!(table.find(0), None);
            assert_eq!(table.find(-1), None);
        }
        assert!(matches!(RowTable::of(&[3, 1, 2]), RowTable::Dense(_)));
        assert!(matches!(RowTable::of(&[3, 1 << 40]), RowTable::Sorted(_)));
    }

    #[test]
    fn keys_are_found_after_a_round_trip() {
        let mut fields = FieldIndex::default();
        fields.push(
            "Nya Vägar i Vellinge +",
            "22-002-S07",
            &[(Field::Owner, "Vellinge kommun")],
        );
        fields.push("Inkluderande rehabilitering", "x-552c407c19", &[]);
        let keys = ["22-002-S07", "x-552c407c19"];
        let summary = |key: &str| crate::model::ProjectSummary {
            key: key.into(),
            ..Default::default()
        };
        let columns = Columns::of(keys.map(summary), &fields);
        let data = SearchIndex::write_parts(&fields, &keys, &[7, 9], &columns, Vec::new());
        let data = data.unwrap();
        let read = SearchIndex::read_from(&data[..], data.len() as u64).unwrap();
        assert_eq!(read.keys.len(), 2);
        assert_eq!(read.index_of_key("x-552c407c19"), Some(1));
        assert_eq!((read.keys.key(0), read.keys.rowid(0)), ("22-002-S07", 7));
        assert_eq!(read.index_of_key("2015/00730"), None);
        assert_eq!(
            (
                read.index_of_rowid(9),
                read.index_of_rowid(7),
                read.index_of_rowid(8)
            ),
            (Some(1), Some(0), None)
        );
        let wrong = SearchIndex::read_from(&data[1..], data.len() as u64 - 1);
        assert!(wrong.is_err(), "a shifted index is not read");
    }
}
