//! The search index kept in the cache: built by the import that changed
//! the projects, in its transaction, and read by commands in one piece.
//! It names the import it was built for; an older one is never used, so a
//! shared cache refreshed by a scheduled import never answers from the
//! projects of the day before.

use super::summaries::each_summary_in;
use super::{Result, Store};
use crate::search::index::SearchIndex;
use rusqlite::{Connection, OptionalExtension, MAIN_DB};
use std::io::BufReader;

/// The newest import's id: what a fresh index was built for.
fn newest_import(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM imports", [], |r| r.get(0))?)
}

/// The import the stored index was built for, if there is one.
fn built_for(conn: &Connection) -> Result<Option<i64>> {
    let row = conn.query_row("SELECT import FROM search_index WHERE id = 1", [], |r| {
        r.get(0)
    });
    Ok(row.optional()?)
}

/// Whether the stored index is that of the newest import.
pub(super) fn is_fresh(conn: &Connection) -> Result<bool> {
    Ok(built_for(conn)? == Some(newest_import(conn)?))
}

/// After an import that changed nothing: the index stands for it too.
pub(super) fn carry_over(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE search_index SET import = (SELECT coalesce(max(id), 0) FROM imports)",
        [],
    )?;
    Ok(())
}

/// Builds the index of every project and stores it for the newest import.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    let mut index = SearchIndex::default();
    each_summary_in(conn, false, |rowid, summary, fields, _| {
        let name = summary.name.as_deref().unwrap_or_default();
        index.push(rowid, &summary.key, name, fields);
    })?;
    index.fields.shrink_to_fit();
    let data = index
        .write_to(Vec::new())
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    drop(index);
    conn.execute(
        "INSERT OR REPLACE INTO search_index (id, import, data)
         VALUES (1, (SELECT coalesce(max(id), 0) FROM imports), ?1)",
        [data],
    )?;
    Ok(())
}

/// One consistent view of the cache while it lasts: what a command reads
/// in many statements (the index, then its rows) comes from one import,
/// and the locks are taken once instead of for every statement.
pub struct Snapshot<'a>(#[allow(dead_code)] rusqlite::Transaction<'a>);

impl Store {
    /// A read transaction, ended when the snapshot is dropped.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        Ok(Snapshot(self.conn.unchecked_transaction()?))
    }

    /// The stored search index, when it is that of the newest import and
    /// reads whole; None otherwise (the caller loads every project).
    pub fn search_index(&self) -> Result<Option<SearchIndex>> {
        // A cache of an older schema, not yet migrated, has none.
        let Ok(true) = is_fresh(&self.conn) else {
            return Ok(None);
        };
        let blob = self
            .conn
            .blob_open(MAIN_DB, c"search_index", c"data", 1, true)?;
        let size = blob.len() as u64;
        let reader = BufReader::with_capacity(1 << 20, blob);
        Ok(SearchIndex::read_from(reader, size).ok())
    }
}
