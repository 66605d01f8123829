//! The search index kept in the cache: built by the import that changed
//! the projects, in its transaction, and read by commands in one piece.
//! It names the import it was built for; an older one is never used, so a
//! shared cache refreshed by a scheduled import never answers from the
//! projects of the day before.

use super::index_tail::{built_for, newest_import};
use super::summaries::each_summary_in;
use super::{Result, Store};
use crate::catalogue::facets::Facet;
use crate::model::{FacetRow, ProjectSummary};
use crate::search::field::Field;
use crate::search::index::SearchIndex;
use rusqlite::{Connection, OptionalExtension, MAIN_DB};
use std::io::BufReader;

/// Whether the stored index is that of the newest import, alone or with
/// its tail.
pub(super) fn is_fresh(conn: &Connection) -> Result<bool> {
    Ok(built_for(conn)? == Some(newest_import(conn)?) || super::index_tail::is_fresh(conn)?)
}

/// Whether the stored index has this version's layout: one of an older
/// version is made anew by the next import, whether it changed anything
/// or not (until then commands search every project instead).
pub(super) fn is_current(conn: &Connection) -> Result<bool> {
    let Ok(blob) = conn.blob_open(MAIN_DB, c"search_index", c"data", 1, true) else {
        return Ok(false);
    };
    let mut head = [0u8; 8];
    Ok(blob.read_at_exact(&mut head, 0).is_ok() && head == crate::search::index::VERSION)
}

/// After an import that changed nothing: the index stands for it too.
pub(super) fn carry_over(tx: &rusqlite::Transaction) -> Result<()> {
    super::index_tail::carry_over(tx)
}

/// What an import hands the store to index its projects with: it is
/// given every project in list order (its row, summary, searchable fields
/// and facet values) and makes the index and the facet counts. The
/// import builds them; the store only keeps them.
pub trait IndexBuilder {
    fn add(
        &mut self,
        rowid: i64,
        summary: ProjectSummary,
        fields: &[(Field, &str)],
        facets: &FacetRow,
    );
    fn build(self: Box<Self>) -> std::io::Result<BuiltIndex>;
    /// Each counted facet's values over the projects added, no filter set.
    fn counts(&self) -> Vec<(Facet, String, usize)>;
}

/// Makes an empty [`IndexBuilder`] for a run.
pub type NewIndex = fn() -> Box<dyn IndexBuilder>;

/// A built search index and each facet's counts over every project.
pub struct BuiltIndex {
    pub data: Vec<u8>,
    pub projects: usize,
    /// (facet, value, projects), the user's own marks not among them.
    pub facet_counts: Vec<(Facet, String, usize)>,
}

/// Whether a facet's unfiltered counts are kept (the user's own marks
/// live in their notes, not in the cache).
pub fn counted(facet: Facet) -> bool {
    !matches!(facet, Facet::Bookmark | Facet::Review)
}

/// Indexes every project with a builder of `new` and stores the index
/// and the facet counts for the newest import.
pub(super) fn rebuild(conn: &Connection, new: NewIndex) -> Result<()> {
    let mut builder = new();
    each_summary_in(conn, true, |rowid, summary, fields, facets| {
        builder.add(rowid, summary, fields, facets);
    })?;
    let built = builder
        .build()
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    save_facet_counts(conn, &built)?;
    conn.execute(
        "INSERT OR REPLACE INTO search_index (id, import, data)
         VALUES (1, (SELECT coalesce(max(id), 0) FROM imports), ?1)",
        [built.data],
    )?;
    super::index_tail::remove(conn)
}

/// The row of the facet counts that holds the number of every project (no
/// facet has this name).
pub(super) const EVERY_PROJECT: &str = "projects";

fn save_facet_counts(conn: &Connection, built: &BuiltIndex) -> Result<()> {
    conn.execute("DELETE FROM facet_counts", [])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO facet_counts (facet, value, projects) VALUES (?1, ?2, ?3)")?;
    insert.execute(rusqlite::params![EVERY_PROJECT, "", built.projects as i64])?;
    for (facet, value, projects) in &built.facet_counts {
        insert.execute(rusqlite::params![facet.name(), value, *projects as i64])?;
    }
    Ok(())
}

/// One consistent view of the cache while it lasts: what a command reads
/// in many statements (the index, then its rows) comes from one import,
/// and the locks are taken once instead of for every statement.
pub struct Snapshot<'a>(#[allow(dead_code)] rusqlite::Transaction<'a>);

impl Store {
    /// A read transaction, ended when the snapshot is dropped. Its rows
    /// are read once each: a small page cache does (the import's 64 MB
    /// would only add to the memory a million-project list takes).
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        self.small_cache()?;
        Ok(Snapshot(self.conn.unchecked_transaction()?))
    }

    /// A facet's values with their numbers of projects, as the newest
    /// import counted them (most first); None when they were not counted.
    pub fn facet_counts(&self, facet: Facet) -> Result<Option<Vec<(String, usize)>>> {
        let Ok(true) = is_fresh(&self.conn) else {
            return Ok(None);
        };
        if !counted(facet) {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT value, projects FROM facet_counts WHERE facet = ?1
             ORDER BY projects DESC, value",
        )?;
        let rows = stmt.query_map([facet.name()], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as usize))
        })?;
        Ok(Some(rows.collect::<rusqlite::Result<_>>()?))
    }

    /// The stored search index, with its tail put in, when it is that of
    /// the newest import and reads whole; None otherwise (the caller loads
    /// every project).
    /// Read inside one snapshot: a tail read before another process's
    /// import and an index read after it would put projects in twice.
    pub fn search_index(&self, _within: &Snapshot) -> Result<Option<SearchIndex>> {
        let conn = &self.conn;
        if built_for(conn)? == Some(newest_import(conn)?) {
            return self.stored_index();
        }
        let Some(tail) = super::index_tail::read(conn)? else {
            return Ok(None);
        };
        let Some(index) = self.stored_index()? else {
            return Ok(None);
        };
        super::profile::mark("stored index and its tail read");
        Ok(index.with_tail(tail))
    }

    /// The number of projects the newest import counted, when kept.
    pub fn counted_projects(&self) -> Result<Option<usize>> {
        let Ok(true) = is_fresh(&self.conn) else {
            return Ok(None);
        };
        let count: Option<i64> = self
            .conn
            .prepare_cached("SELECT projects FROM facet_counts WHERE facet = ?1")?
            .query_row([EVERY_PROJECT], |r| r.get(0))
            .optional()?;
        Ok(count.map(|n| n as usize))
    }

    /// The index as stored, without its tail; None when it does not read
    /// whole (or there is none).
    fn stored_index(&self) -> Result<Option<SearchIndex>> {
        let Ok(blob) = self
            .conn
            .blob_open(MAIN_DB, c"search_index", c"data", 1, true)
        else {
            return Ok(None);
        };
        let size = blob.len() as u64;
        let input = BufReader::with_capacity(1 << 20, blob);
        Ok(SearchIndex::read_from(input, size).ok())
    }
}
