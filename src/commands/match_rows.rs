//! The rows of `esf list --filter` after the first, made from the stored
//! index on two threads a chunk at a time and written in their order: the
//! same lines as a row made cell by cell, but each shared value's cells
//! (an owner, a region, "mentioned: Arbetsförmedlingen") made once, not
//! once per row. A row the index cannot give, and a row only texts match
//! (it may be given a snippet, read from the cache), is left to the
//! caller, in its place.

use crate::present::format::MISSING;
use crate::present::table::Aligned;
use crate::search::fields::{Explainer, Field};
use crate::search::index::SearchIndex;
use crate::search::query::{Query, Term};
use crate::search::Match;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::mpsc;

/// A hasher for the small keys of the cells kept (numbers and
/// addresses): a multiply a word, where the default hasher weighs on a
/// million rows. Not for keys anyone else chooses.
#[derive(Default)]
struct Quick(u64);

impl Hasher for Quick {
    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed: brought down to
        // the bits a table's place is taken from.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

type Kept<K> = HashMap<K, Box<str>, BuildHasherDefault<Quick>>;

/// Rows made at a time.
const CHUNK: usize = 2048;

/// Chunks handed out and not yet written: enough to keep both threads
/// busy while the caller writes, few enough to keep the memory small.
const AHEAD: usize = 16;

/// The column of why a row matched.
const MATCHED: usize = 5;

/// A row left to the caller: its place in a chunk's text (the line made
/// there, if any) and what to do.
pub struct Left {
    pub start: usize,
    pub end: usize,
    pub index: usize,
    /// Its line is there, written as made unless the caller gives it a
    /// snippet; otherwise the index does not give its columns (none made).
    pub made: bool,
}

/// A chunk's lines and the rows left to the caller.
#[derive(Default)]
pub struct Made {
    pub text: String,
    pub left: Vec<Left>,
}

/// Makes the lines of rows from the index, keeping each shared value's
/// cells once made.
struct Maker<'a> {
    index: &'a SearchIndex,
    explainer: Explainer<'a, 'a>,
    aligned: &'a Aligned,
    /// A cell of a shared text (owner, region), by column and text.
    shared: Kept<(usize, usize)>,
    /// The reason cell of a row found in one shared value only.
    reasons: Kept<(Field, u32)>,
    places: Vec<(Field, Option<u32>)>,
    missing: Vec<&'a Term>,
    cell: String,
}

impl<'a> Maker<'a> {
    fn new(index: &'a SearchIndex, query: &'a Query, aligned: &'a Aligned) -> Maker<'a> {
        Maker {
            index,
            explainer: Explainer::new(&index.fields, query),
            aligned,
            shared: Kept::default(),
            reasons: Kept::default(),
            places: Vec::new(),
            missing: Vec::new(),
            cell: String::new(),
        }
    }

    /// The lines of `chunk` into `made` (emptied first: its memory is
    /// used again, where new memory for each chunk costs a fault a page).
    fn make(&mut self, chunk: &[Match], made: &mut Made) {
        made.text.clear();
        made.left.clear();
        made.text.reserve(chunk.len() * 256);
        for m in chunk {
            let start = made.text.len();
            let texts = self.line(&mut made.text, m.index);
            if texts.is_some_and(|t| !t) {
                continue;
            }
            made.left.push(Left {
                start,
                end: made.text.len(),
                index: m.index,
                made: texts.is_some(),
            });
        }
    }

    /// Appends project `i`'s line; whether only its texts hold some
    /// terms, or None when the index does not give its columns.
    fn line(&mut self, text: &mut String, i: usize) -> Option<bool> {
        let (index, aligned) = (self.index, self.aligned);
        let key = index.keys.key(i);
        let row = index.columns.row(i, key, &index.fields)?;
        aligned.push_cell(text, 0, key);
        aligned.push_cell(text, 1, row.name);
        self.push_shared(text, 2, row.owner);
        self.push_shared(text, 3, row.region);
        self.cell.clear();
        match (&row.start, &row.end) {
            (None, None) => self.cell.push_str(MISSING),
            (s, e) => {
                self.cell.push_str(s.as_deref().unwrap_or("?"));
                self.cell.push_str(" – ");
                self.cell.push_str(e.as_deref().unwrap_or("?"));
            }
        }
        aligned.push_cell(text, 4, &self.cell);
        let texts = self.push_reasons(text, i, row.name, key);
        text.push('\n');
        Some(texts)
    }

    /// An owner's or region's cell, made once per text.
    fn push_shared(&mut self, text: &mut String, column: usize, value: Option<&str>) {
        let value = value.unwrap_or(MISSING);
        let aligned = self.aligned;
        let cell = self
            .shared
            .entry((column, value.as_ptr() as usize))
            .or_insert_with(|| {
                let mut cell = String::new();
                aligned.push_cell(&mut cell, column, value);
                cell.into()
            });
        text.push_str(cell);
    }

    /// Why the row matched, as [`crate::present::format::reasons`] writes
    /// it; whether only its texts hold some terms.
    fn push_reasons(&mut self, text: &mut String, i: usize, name: &str, key: &str) -> bool {
        self.explainer
            .places(i, &mut self.places, &mut self.missing);
        if let ([(field, Some(value))], true) = (&self.places[..], self.missing.is_empty()) {
            let (explainer, aligned) = (&self.explainer, self.aligned);
            let place = (*field, Some(*value));
            let cell = self.reasons.entry((*field, *value)).or_insert_with(|| {
                let mut cell = String::new();
                let reason = format!(
                    "{}: {}",
                    crate::i18n::t(field.as_str()),
                    explainer.place_text(place, name, key)
                );
                aligned.push_cell(&mut cell, MATCHED, &reason);
                cell.into()
            });
            text.push_str(cell);
            return false;
        }
        self.cell.clear();
        let mut shown: Vec<(Field, &str)> = Vec::with_capacity(self.places.len());
        for &place in &self.places {
            let said = (place.0, self.explainer.place_text(place, name, key));
            if !shown.contains(&said) {
                shown.push(said);
            }
        }
        let wanted = self.missing.iter().filter(|t| !t.negated);
        let words: Vec<&str> = wanted.clone().map(|t| t.text.as_str()).collect();
        let words = words.join(" ");
        let in_texts = (wanted.count() > 0).then_some((Field::Text, words.as_str()));
        for (n, (field, said)) in shown.into_iter().chain(in_texts).enumerate() {
            if n > 0 {
                self.cell.push_str("; ");
            }
            self.cell.push_str(crate::i18n::t(field.as_str()));
            self.cell.push_str(": ");
            self.cell.push_str(said);
        }
        self.aligned.push_cell(text, MATCHED, &self.cell);
        !self.missing.is_empty()
    }
}

/// Two threads making the lines of chunks: each takes chunks, gives their
/// lines, and takes back the memory of lines written.
struct Workers {
    chunks: Vec<mpsc::SyncSender<Vec<Match>>>,
    lines: Vec<mpsc::Receiver<Made>>,
    spares: Vec<mpsc::Sender<Made>>,
}

impl Workers {
    fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        index: &'scope SearchIndex,
        query: &'scope Query,
        aligned: &'scope Aligned,
    ) -> Workers {
        let (mut chunks, mut lines, mut spares) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..2 {
            let (give, take) = mpsc::sync_channel::<Vec<Match>>(AHEAD);
            let (send, receive) = mpsc::channel::<Made>();
            let (spare, used) = mpsc::channel::<Made>();
            scope.spawn(move || {
                let mut maker = Maker::new(index, query, aligned);
                for chunk in take {
                    let mut made = used.try_recv().unwrap_or_default();
                    maker.make(&chunk, &mut made);
                    if send.send(made).is_err() {
                        break;
                    }
                }
            });
            chunks.push(give);
            lines.push(receive);
            spares.push(spare);
        }
        Workers {
            chunks,
            lines,
            spares,
        }
    }
}

/// Makes the lines of `found`'s rows on two threads, a chunk at a time,
/// and gives each chunk to `write` in their order; stops at the first
/// error (of `found` or of `write`).
pub fn each_chunk(
    index: &SearchIndex,
    query: &Query,
    aligned: &Aligned,
    found: impl Iterator<Item = anyhow::Result<Match>>,
    write: &mut dyn FnMut(&Made) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    std::thread::scope(|scope| {
        let Workers {
            chunks,
            lines,
            spares,
        } = Workers::start(scope, index, query, aligned);
        let (mut given, mut written) = (0, 0);
        let mut next = |written: &mut usize| -> anyhow::Result<()> {
            let made = lines[*written % 2].recv()?;
            write(&made)?;
            // The thread gone, its memory is not needed.
            let _ = spares[*written % 2].send(made);
            *written += 1;
            Ok(())
        };
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut found = found.peekable();
        let mut failed = None;
        while let Some(m) = found.next() {
            match m {
                Ok(m) => chunk.push(m),
                Err(e) => failed = Some(e),
            }
            if failed.is_none() && chunk.len() < CHUNK && found.peek().is_some() {
                continue;
            }
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
            chunks[given % 2].send(full)?;
            given += 1;
            while given - written >= AHEAD {
                next(&mut written)?;
            }
            if failed.is_some() {
                break;
            }
        }
        drop(chunks);
        while written < given {
            next(&mut written)?;
        }
        failed.map_or(Ok(()), Err)
    })
}
