//! `esf list --filter Q` without facets or a sort: the matches found in the
//! cache's search index and written as they are read, best first, without
//! loading every project (a million would take seconds and a gigabyte).

use super::below;
use super::match_rows::{self, Made};
use super::{styled, terminal_width};
use crate::catalogue::{Catalogue, Searchable};
use crate::i18n::t;
use crate::model::{KeyedProject, ProjectSummary};
use crate::present::table::{Aligned, Table};
use crate::search::fields::{Explainer, Reason};
use crate::search::index::SearchIndex;
use crate::search::query::Query;
use crate::search::similar;
use crate::search::Match;
use crate::store::Store;
use serde::ser::{Error as _, Serialize, SerializeSeq, Serializer};
use std::cell::RefCell;
use std::io::Write;
use std::process::ExitCode;

/// A project of `list --json`, with why it matched the filter.
#[derive(serde::Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub record: KeyedProject,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Vec<Reason>>,
}

/// The keys and names of up to `limit` projects whose key or name look
/// like `text`, for "did you mean": the keys a few typing mistakes from
/// it, nearest first (see [`crate::search::near_keys`]), then the
/// projects whose name starts with it or holds its words.
pub fn similar(
    store: &Store,
    text: &str,
    limit: usize,
) -> anyhow::Result<Vec<(String, Option<String>)>> {
    let _snapshot = store.snapshot()?;
    let tail = similar::tolerance(text) - 1;
    let candidates = crate::search::near_keys::candidates(store, text, tail)?;
    let candidates = store.in_list_order(&candidates)?;
    let found = similar::similar_keys(text, limit, candidates.len(), &|i| &candidates[i]);
    // An ID with a number's leading zeros left out means that one first.
    let mut keys = crate::search::near_keys::zeros_left_out(store, text)?;
    for key in found.into_iter().map(|i| &candidates[i]) {
        if keys.len() < limit && !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    keys.truncate(limit);
    let mut named = Vec::new();
    for key in &keys {
        let name = store.summary_of(key)?.and_then(|s| s.name);
        named.push((key.clone(), name));
    }
    if named.len() < limit {
        let found = store.named_like(text, NAMES_RANKED)?;
        let names: Vec<&str> = found
            .iter()
            .map(|(_, n)| n.as_deref().unwrap_or(""))
            .collect();
        for i in similar::by_name(text, &names) {
            let (key, name) = &found[i];
            if named.len() < limit && !keys.contains(key) {
                keys.push(key.clone());
                named.push((key.clone(), name.clone()));
            }
        }
    }
    Ok(named)
}

/// How many of the projects whose name has what was typed are ranked by
/// how well the name matches it (the first found, when more have it).
const NAMES_RANKED: usize = 256;

/// A record as `--json` gives it: the contact person only when asked for.
pub fn with_contacts(mut record: KeyedProject, contacts: bool) -> KeyedProject {
    if !contacts {
        crate::ingest::fields::forget_contacts(&mut record.project);
    }
    record
}

/// Projects only texts match, in the order listed, that are given the
/// words around the match (each read from its text): the best the
/// full-text index ranks. The rest say which terms their texts hold,
/// unless every snippet is asked for.
pub const SNIPPETS: usize = crate::catalogue::RANKED_TEXTS;

/// Whether a row gets its snippet: while fewer than [`SNIPPETS`] have had
/// one, or always when `every`.
struct Snippets {
    every: bool,
    given: std::cell::Cell<usize>,
}

impl Snippets {
    fn new(every: bool) -> Snippets {
        Snippets {
            every,
            given: std::cell::Cell::new(0),
        }
    }

    fn take(&self) -> bool {
        let given = self.given.get();
        self.given.set(given + 1);
        self.every || given < SNIPPETS
    }
}

/// What a filter found, made ready to be written: the index it was
/// found in, the query made ready to explain each row, the snippets left.
struct Found<'a> {
    store: &'a Store,
    index: &'a dyn Searchable,
    /// The same index when it is the one stored in the cache: its rows
    /// are made on two threads.
    stored: Option<&'a SearchIndex>,
    query: &'a Query,
    explainer: Explainer<'a, 'a>,
    snippets: Snippets,
}

impl Found<'_> {
    /// Why row `i` matched, with a snippet while there are snippets left
    /// (or when `snippet` says so, the row's text terms known missing).
    fn why(&self, i: usize, name: &str, snippet: Option<bool>) -> Vec<Reason> {
        let key = self.index.key_at(i);
        let (reasons, missing) = self.explainer.explain(i, name, key);
        let snippet = !missing.is_empty() && snippet.unwrap_or_else(|| self.snippets.take());
        crate::catalogue::with_texts(reasons, &missing, self.store, key, snippet)
    }

    /// The records as JSON, each with why it matched.
    fn json(&self, found: &[Match], contacts: bool, out: &mut dyn Write) -> anyhow::Result<()> {
        let (store, index) = (self.store, self.index);
        let read = |i: usize| match index.rowid_at(i) {
            Some(rowid) => store.record_at(rowid),
            None => store.record_of(index.key_at(i)),
        };
        let records = in_row_order(found, index, read);
        let listed = records.map(|(i, record)| -> anyhow::Result<Option<Listed>> {
            let Some(record) = record? else {
                return Ok(None);
            };
            let name = record.project.name.as_deref().unwrap_or_default();
            let matched = Some(self.why(i, name, None));
            let record = with_contacts(record, contacts);
            Ok(Some(Listed { record, matched }))
        });
        let listed = listed.filter_map(Result::transpose);
        crate::present::safe_json::to_writer(&mut *out, &Lazy(RefCell::new(Some(listed))))?;
        Ok(writeln!(out)?)
    }

    /// The table of the matches above every text match (see
    /// [`below::split`]) and then, once the texts are searched, of the
    /// other matches.
    fn table_then_texts(
        &self,
        split: below::Split,
        apart: Option<crate::store::TextRowsApart>,
        filter: &str,
    ) -> anyhow::Result<()> {
        let below::Split { above, rest } = split;
        let rest = std::iter::once_with(|| -> anyhow::Result<Vec<Match>> {
            crate::store::profile::mark("rows above the texts made");
            let rows = apart.and_then(|a| a.join(self.store));
            let all = below::after_above(self.index, self.store, self.query, filter, rest, rows)?;
            crate::store::profile::mark("searched with the texts");
            Ok(all)
        });
        let rest = rest.flat_map(|r| match r {
            Ok(all) => all.into_iter().map(Ok).collect(),
            Err(e) => vec![Err(e)],
        });
        self.table(above.into_iter().map(Ok).chain(rest))
    }

    /// A row's cells, with why it matched: its columns from the index, or
    /// read from the cache where the index does not give them; None for
    /// a project no longer there.
    fn cells(&self, i: usize, snippet: Option<bool>) -> anyhow::Result<Option<Vec<String>>> {
        let (store, index) = (self.store, self.index);
        let summary = match (index.listed_at(i), index.rowid_at(i)) {
            (Some(listed), _) => Some(listed),
            (None, Some(rowid)) => store.summary_at(rowid)?,
            (None, None) => store.summary_of(index.key_at(i))?,
        };
        let Some(summary) = summary else {
            return Ok(None);
        };
        let name = summary.name.as_deref().unwrap_or_default();
        let reasons = crate::present::format::reasons(&self.why(i, name, snippet));
        let mut cells = row_of(summary);
        cells.push(reasons);
        Ok(Some(cells))
    }

    /// The rows as a table, each with why it matched, in the order found;
    /// after the first, made on two threads when the index is the
    /// cache's.
    fn table(&self, found: impl Iterator<Item = anyhow::Result<Match>>) -> anyhow::Result<()> {
        let mut found = found;
        let mut rows = found.by_ref().filter_map(|m| match m {
            Ok(m) => self.cells(m.index, None).transpose(),
            Err(e) => Some(Err(e)),
        });
        let headers = ["ID", "NAME", "OWNER", "REGION", "PERIOD", "MATCHED"].map(t);
        // Left out from the last when the name needs the room: the region,
        // the owner, why it matched.
        let table = Table::new(&headers).flexible(&[1, 5, 2, 3]);
        let Some(stored) = self.stored else {
            super::streamed::stream(table, rows)?;
            return Ok(());
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let (width, bold) = (terminal_width(), styled());
        let (aligned, _) = table.aligned_to_first(width, bold, &mut rows, &mut out)?;
        drop(rows);
        let mut write = |made: &Made| self.write_made(made, &aligned, &mut out);
        match_rows::each_chunk(stored, self.query, &aligned, found, &mut write)?;
        out.flush()?;
        Ok(())
    }

    /// A chunk's lines, and in their places the rows left to this thread:
    /// a row the index does not give, read from the cache, and a row only
    /// texts match, given its snippet while there are snippets left.
    fn write_made(
        &self,
        made: &Made,
        aligned: &Aligned,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let mut at = 0;
        let mut line = String::new();
        for left in &made.left {
            out.write_all(&made.text.as_bytes()[at..left.start])?;
            at = left.end;
            if left.made && !self.snippets.take() {
                out.write_all(&made.text.as_bytes()[left.start..left.end])?;
                continue;
            }
            let snippet = left.made.then_some(true);
            if let Some(cells) = self.cells(left.index, snippet)? {
                line.clear();
                aligned.push_line(&mut line, &cells);
                out.write_all(line.as_bytes())?;
            }
        }
        out.write_all(&made.text.as_bytes()[at..])?;
        Ok(())
    }
}

/// `json` is `Some(with contacts)` for JSON, `None` for the table;
/// `every_snippet` gives each project only texts match its snippet.
pub fn run(
    store: &Store,
    filter: &str,
    json: Option<bool>,
    every_snippet: bool,
) -> anyhow::Result<ExitCode> {
    let snapshot = store.snapshot()?;
    crate::store::profile::mark("opened");
    let query = Query::parse(filter);
    let terms = query.text_terms().iter().map(|t| t.2.to_string()).collect();
    let apart = store.text_rows_apart(terms, crate::catalogue::RANKED_TEXTS);
    let stored = store.search_index(&snapshot)?;
    // Every project when the cache has no index yet (a cache of an older
    // version, before its next import).
    let catalogue;
    let index: &dyn Searchable = match &stored {
        Some(stored) => stored,
        None => {
            catalogue = Catalogue::load_with(store, false)?;
            &catalogue
        }
    };
    crate::store::profile::mark("search index read");
    let found = Found {
        store,
        index,
        stored: stored.as_ref(),
        query: &query,
        explainer: Explainer::new(index.fields(), &query),
        snippets: Snippets::new(every_snippet),
    };
    let split = match json {
        None => below::split(index, &query).filter(|s| !s.above.is_empty()),
        Some(_) => None,
    };
    if let Some(split) = split {
        found.table_then_texts(split, apart, filter)?;
        crate::store::profile::mark("written");
        return Ok(ExitCode::SUCCESS);
    }
    let rows = apart.and_then(|a| a.join(store));
    let matches = index.search_with(filter, store, rows)?;
    crate::store::profile::mark("searched");
    if matches.is_empty() && json.is_none() {
        let what = crate::present::format::quoted(filter);
        crate::say!("esf: {} {what}", t("no project matches"));
        return Ok(super::found(false));
    }
    match json {
        Some(contacts) => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            found.json(&matches, contacts, &mut out)?;
            out.flush()?;
        }
        None => found.table(matches.iter().copied().map(Ok))?,
    }
    crate::store::profile::mark("written");
    Ok(super::found(!matches.is_empty()))
}

/// What `read` gives for each of `found`, in `found`'s order, read a chunk
/// at a time in the cache's order: neighbouring rows share pages, where
/// reading them as found costs a read of the file for nearly every row.
fn in_row_order<'a, T: 'a>(
    found: &'a [Match],
    index: &'a dyn Searchable,
    read: impl Fn(usize) -> crate::store::Result<T> + 'a,
) -> impl Iterator<Item = (usize, crate::store::Result<T>)> + 'a {
    // Small enough that the first rows are out at once.
    const CHUNK: usize = 1024;
    found.chunks(CHUNK).flat_map(move |chunk| {
        let mut order: Vec<usize> = (0..chunk.len()).collect();
        order.sort_by_key(|&at| index.rowid_at(chunk[at].index));
        let mut read_at: Vec<Option<crate::store::Result<T>>> =
            std::iter::repeat_with(|| None).take(chunk.len()).collect();
        for at in order {
            read_at[at] = Some(read(chunk[at].index));
        }
        let read_at = read_at.into_iter().flatten();
        chunk
            .iter()
            .map(|m| m.index)
            .zip(read_at)
            .collect::<Vec<_>>()
    })
}

/// `esf list` with neither filter, facets nor another sort: every project
/// in name order, written as the cache gives them.
pub fn run_all(store: &Store, json: Option<bool>) -> anyhow::Result<ExitCode> {
    let _snapshot = store.snapshot()?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = std::cell::Cell::new(0usize);
    if let Some(contacts) = json {
        store.with_records(|records| -> anyhow::Result<()> {
            let listed = records.map(|r| {
                written.set(written.get() + 1);
                Ok(Listed {
                    record: with_contacts(r?, contacts),
                    matched: None,
                })
            });
            crate::present::safe_json::to_writer(&mut out, &Lazy(RefCell::new(Some(listed))))?;
            Ok(writeln!(out)?)
        })??;
    } else {
        store.with_summaries(|summaries| -> anyhow::Result<()> {
            let rows = summaries.map(|s| anyhow::Ok(row(&s?)));
            let headers = ["ID", "NAME", "OWNER", "REGION", "PERIOD"].map(t);
            let table = Table::new(&headers).flexible(&[1, 2, 3]);
            written.set(table.stream(terminal_width(), styled(), rows, &mut out)?);
            Ok(())
        })??;
    }
    out.flush()?;
    Ok(super::found(written.get() > 0))
}

/// A JSON array written from an iterator as it goes, so the first matches
/// are out before the last are read.
struct Lazy<I>(RefCell<Option<I>>);

impl<I: Iterator<Item = anyhow::Result<Listed>>> Serialize for Lazy<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for item in self.0.borrow_mut().take().into_iter().flatten() {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// [`row`] of a summary no longer needed: its texts move into the cells.
fn row_of(p: ProjectSummary) -> Vec<String> {
    let text = |v: Option<String>| v.unwrap_or_else(|| crate::present::format::MISSING.into());
    let period =
        crate::present::format::period_text(p.start_date.as_deref(), p.end_date.as_deref());
    let id = match p.shown_id() == p.key {
        true => None,
        false => Some(p.shown_id().to_string()),
    };
    vec![
        id.unwrap_or(p.key),
        text(p.name),
        text(p.owner),
        text(p.region),
        text(period),
    ]
}

/// A project's cells in a listing: ID, name, owner, region, period.
pub(super) fn row(p: &ProjectSummary) -> Vec<String> {
    let text = |v: &Option<String>| {
        v.clone()
            .unwrap_or_else(|| crate::present::format::MISSING.into())
    };
    vec![
        p.shown_id().to_string(),
        text(&p.name),
        text(&p.owner),
        text(&p.region),
        crate::present::format::period_text(p.start_date.as_deref(), p.end_date.as_deref())
            .unwrap_or_else(|| crate::present::format::MISSING.into()),
    ]
}
