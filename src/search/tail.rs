//! The tail of a stored index: the projects imports added or changed since
//! the index was written, and the rows of its projects they removed or
//! changed. An import into a large cache writes only the tail (kilobytes
//! where the whole index is some 200 MB at a million projects); a reader
//! puts the tail's projects where a rebuild would have them, moving the
//! index's own in place (no second copy of the index in memory).

use super::index::{Keys, SearchIndex};
use super::layout::Layout;
use super::wire::{damaged, Reader, Writer};
use std::cmp::Ordering;
use std::io::{self, Read, Write};

/// Written first, so a tail of another layout is never taken for one.
const VERSION: [u8; 8] = *b"esftail1";
const MAGIC: u64 = u64::from_le_bytes(VERSION);

/// What imports changed since the index was written.
#[derive(Debug, Default)]
pub struct Tail {
    /// Rows of the index's projects removed or changed since, rising.
    pub gone: Vec<i64>,
    /// The projects added or changed since, in list order.
    pub index: SearchIndex,
}

impl Tail {
    /// The number of its projects.
    pub fn len(&self) -> usize {
        self.index.keys.len()
    }

    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0 && self.gone.is_empty()
    }

    pub fn write_to<W: Write>(&self, out: W) -> io::Result<W> {
        let mut w = Writer::new(out);
        w.u64(MAGIC)?;
        w.numbers(8, self.gone.iter().map(|&r| r as u64))?;
        self.index.write_to(w.into_inner())
    }

    /// Reads `size` bytes of `input`; a damaged tail is an error.
    pub fn read_from<R: Read>(input: R, size: u64) -> io::Result<Tail> {
        let mut r = Reader::new(input, size);
        if r.u64()? != MAGIC {
            return Err(damaged("not a tail of this version"));
        }
        let gone: Vec<i64> = r.u64s()?.into_iter().map(|r| r as i64).collect();
        if !gone.windows(2).all(|w| w[0] < w[1]) {
            return Err(damaged("rows out of order"));
        }
        let (input, left) = r.rest();
        let index = SearchIndex::read_from(input, left)?;
        Ok(Tail { gone, index })
    }

    /// This tail after one more import: without the projects of rows
    /// `gone` (rising), which the index leaves out too, and with the
    /// projects of `added` (in list order). None when the order of its
    /// projects cannot be told (two without a name).
    pub fn patched(&self, gone: &[i64], added: &SearchIndex) -> Option<Tail> {
        let index = self
            .index
            .patched(&|row| gone.binary_search(&row).is_ok(), added)?;
        let names = &index.columns;
        if (0..index.keys.len()).any(|i| names.name(i).is_empty()) {
            return None;
        }
        let mut all = self.gone.clone();
        all.extend_from_slice(gone);
        all.sort_unstable();
        all.dedup();
        Some(Tail { gone: all, index })
    }
}

impl SearchIndex {
    /// This index with `tail` put in: what an index written after the
    /// imports of the tail would be. None when the tail's projects cannot
    /// be placed (one without a name; an import never writes such a tail).
    pub fn with_tail(mut self, tail: Tail) -> Option<SearchIndex> {
        if tail.is_empty() {
            return Some(self);
        }
        let layout = layout_of(&self, &tail)?;
        let Tail { index: added, .. } = tail;
        let (fields, keys, columns) = added.into_parts();
        let numbers = self.fields.take_tail(fields, &layout)?;
        self.columns.take_tail(columns, &layout, &numbers)?;
        self.keys.take_tail(keys, &layout)?;
        let (fields, keys, columns) = self.into_parts();
        Some(SearchIndex::from_parts(fields, keys, columns))
    }
}

impl Keys {
    fn take_tail(&mut self, tail: Keys, layout: &Layout) -> Option<()> {
        layout.merge_texts(&mut self.keys, tail.keys)?;
        layout.merge_each(&mut self.rowids, &tail.rowids);
        Some(())
    }
}

/// Works out where `tail` goes in `index`; None when a project of the
/// tail has no name (SQLite orders a missing name apart from an empty
/// one, and the index keeps both empty).
fn layout_of(index: &SearchIndex, tail: &Tail) -> Option<Layout> {
    let gone = gone_places(index, &tail.gone);
    let (names, keys) = (&index.columns, &index.keys);
    let (tail_names, tail_keys) = (&tail.index.columns, &tail.index.keys);
    let mut at = Vec::with_capacity(tail_keys.len());
    for j in 0..tail_keys.len() {
        let (name, key) = (tail_names.name(j), tail_keys.key(j));
        if name.is_empty() {
            return None;
        }
        let before = |i: usize| list_order(names.name(i), keys.key(i), name, key).is_lt();
        let place = partition_point(keys.len(), before);
        // Counted among the kept: those left out before it are not.
        at.push(place - gone.partition_point(|&g| g < place));
    }
    Some(Layout::new(gone, at))
}

/// The places of the index's projects whose rows are `gone` (rising).
fn gone_places(index: &SearchIndex, gone: &[i64]) -> Vec<usize> {
    if gone.is_empty() {
        return Vec::new();
    }
    let rows = index.keys.len();
    let largest = gone.last().copied().unwrap_or(0);
    // Rows are nearly dense: one bit a row up to the largest gone.
    let dense = gone[0] >= 0 && (largest as u64) < 16 * rows as u64 + 65_536;
    let is_gone: Box<dyn Fn(i64) -> bool> = match dense {
        true => {
            let mut bits = vec![0u64; largest as usize / 64 + 1];
            for &row in gone {
                bits[row as usize / 64] |= 1 << (row % 64);
            }
            Box::new(move |row| {
                (0..=largest).contains(&row) && bits[row as usize / 64] & (1 << (row % 64)) != 0
            })
        }
        false => Box::new(|row| gone.binary_search(&row).is_ok()),
    };
    (0..rows)
        .filter(|&i| is_gone(index.keys.rowid(i)))
        .collect()
}

/// The first of `0..len` for which `before` is false (it is true of a
/// first part of them and false of the rest).
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        match before(middle) {
            true => low = middle + 1,
            false => high = middle,
        }
    }
    low
}

/// List order: the name as SQLite's NOCASE compares it (ASCII letters in
/// lower case), then the key's bytes.
fn list_order(name: &str, key: &str, other_name: &str, other_key: &str) -> Ordering {
    name.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(other_name.bytes().map(|b| b.to_ascii_lowercase()))
        .then_with(|| key.as_bytes().cmp(other_key.as_bytes()))
}
