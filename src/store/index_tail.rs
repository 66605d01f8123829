//! The stored search index's tail (see [`crate::search::tail`]): an import
//! that touched few projects writes what it changed beside the index, not
//! the whole index again; readers put the two together. The tail is folded
//! into the index when it has grown past a part of it.
//!
//! Its table is made by the first import that writes a tail, not by a
//! migration: a version of esf that knows no tail finds the index older
//! than the newest import and reads every project instead, as it does
//! after any import it did not index.

use super::Result;
use crate::search::index::SearchIndex;
use crate::search::tail::Tail;
use rusqlite::{Connection, OptionalExtension, Transaction, MAIN_DB};
use std::io::Write;

const TABLE: &str = "CREATE TABLE IF NOT EXISTS search_index_tail (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- The newest import it stands for, and the import the index it
    -- patches was built for.
    import INTEGER NOT NULL,
    base INTEGER NOT NULL,
    data BLOB NOT NULL
)";

/// The tail is folded into the index when it holds more projects than
/// this part of the index's, and never under [`FOLDED_FROM`]: at a million
/// projects, past some 62,000 (a tail of 66,000 costs `esf list --filter`
/// 0.2 s and 44 MB more; an import of 100 documents into the generated
/// million adds 100 to 9,000, those of organisations given a first number).
const FOLD_PART: usize = 16;
const FOLDED_FROM: usize = 1024;

/// The newest import's id: what a fresh index was built for.
pub(super) fn newest_import(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM imports", [], |r| r.get(0))?)
}

/// The import the stored index was built for, if there is one.
pub(super) fn built_for(conn: &Connection) -> Result<Option<i64>> {
    let row = conn.query_row("SELECT import FROM search_index WHERE id = 1", [], |r| {
        r.get(0)
    });
    Ok(row.optional()?)
}

fn has_table(conn: &Connection) -> Result<bool> {
    let found = conn
        .prepare_cached(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index_tail'",
        )?
        .exists([])?;
    Ok(found)
}

/// Whether the cache has a tail for import `import` that patches the
/// stored index as it is.
fn is_for(conn: &Connection, import: i64) -> Result<bool> {
    if !has_table(conn)? {
        return Ok(false);
    }
    let row: Option<(i64, i64)> = conn
        .query_row(
            "SELECT import, base FROM search_index_tail WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((its, base)) = row else {
        return Ok(false);
    };
    Ok(its == import && Some(base) == built_for(conn)?)
}

/// Whether the cache has a tail for the newest import.
pub(super) fn is_fresh(conn: &Connection) -> Result<bool> {
    is_for(conn, newest_import(conn)?)
}

/// The tail for the newest import; None when there is none or it does
/// not read whole.
pub(super) fn read(conn: &Connection) -> Result<Option<Tail>> {
    Ok(read_for(conn, newest_import(conn)?)?.and_then(|tail| tail.ok()))
}

/// The import before this run (which is in the import log already).
fn before_run(tx: &Transaction) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT coalesce(max(id), 0) FROM imports WHERE id < (SELECT max(id) FROM imports)",
        [],
        |r| r.get(0),
    )?)
}

/// The tail for `import`, as it reads; None when there is none.
fn read_for(conn: &Connection, import: i64) -> Result<Option<std::io::Result<Tail>>> {
    if !is_for(conn, import)? {
        return Ok(None);
    }
    let blob = conn.blob_open(MAIN_DB, c"search_index_tail", c"data", 1, true)?;
    let size = blob.len() as u64;
    let reader = std::io::BufReader::with_capacity(1 << 16, blob);
    Ok(Some(Tail::read_from(reader, size)))
}

/// After a run that changed nothing, when the index stood for the import
/// before it: the tail stands for this one too, or an empty tail is
/// written when there was none (the index's own row, some 200 MB at a
/// million projects, is not written again).
pub(super) fn carry_over(tx: &Transaction) -> Result<()> {
    if is_for(tx, before_run(tx)?)? {
        tx.execute(
            "UPDATE search_index_tail SET import = (SELECT max(id) FROM imports)",
            [],
        )?;
        return Ok(());
    }
    write(tx, &Tail::default())
}

/// The tail after this run: the old one without the projects of rows
/// `gone` (rising) and with those of `added`; folded into the stored index
/// when it has grown too large. False, and nothing written, when it
/// cannot be done (the index is then made again from every project).
pub(super) fn put(
    tx: &Transaction,
    gone: &[i64],
    added: &SearchIndex,
    projects: usize,
) -> Result<bool> {
    let old = match read_for(tx, before_run(tx)?)? {
        Some(Ok(tail)) => tail,
        Some(Err(_)) => return Ok(false),
        None => Tail::default(),
    };
    let Some(tail) = old.patched(gone, added) else {
        return Ok(false);
    };
    drop(old);
    if tail.len() + tail.gone.len() <= at_most(projects) {
        write(tx, &tail)?;
        let said = format!(
            "index tail written ({} projects, {} rows left out)",
            tail.len(),
            tail.gone.len()
        );
        super::profile::mark(&said);
        return Ok(true);
    }
    fold(tx, tail)
}

/// The largest tail kept for an index of `projects` projects (the tests
/// set another with `ESF_TEST_TAIL_AT_MOST`).
fn at_most(projects: usize) -> usize {
    let asked = std::env::var("ESF_TEST_TAIL_AT_MOST").ok();
    match asked.and_then(|n| n.parse().ok()) {
        Some(n) => n,
        None => (projects / FOLD_PART).max(FOLDED_FROM),
    }
}

fn write(tx: &Transaction, tail: &Tail) -> Result<()> {
    tx.execute_batch(TABLE)?;
    let data = tail.write_to(Vec::new()).map_err(io_error)?;
    tx.execute(
        "INSERT OR REPLACE INTO search_index_tail (id, import, base, data)
         VALUES (1, ?1, ?2, ?3)",
        rusqlite::params![newest_import(tx)?, built_for(tx)?.unwrap_or(0), data],
    )?;
    Ok(())
}

/// Removes the tail: the index was written again.
pub(super) fn remove(tx: &Connection) -> Result<()> {
    if has_table(tx)? {
        tx.execute("DELETE FROM search_index_tail", [])?;
    }
    Ok(())
}

/// The stored index with `tail` put in, written as the index of the newest
/// import, and the tail removed.
fn fold(tx: &Transaction, tail: Tail) -> Result<bool> {
    let blob = tx.blob_open(MAIN_DB, c"search_index", c"data", 1, true)?;
    let size = blob.len() as u64;
    let base = std::io::BufReader::with_capacity(1 << 20, blob);
    let base = SearchIndex::read_from(base, size).map_err(io_error)?;
    super::profile::mark("stored index read");
    let Some(folded) = base.with_tail(tail) else {
        return Ok(false);
    };
    super::profile::mark("stored index patched");
    write_index(tx, &folded)?;
    remove(tx)?;
    Ok(true)
}

/// Writes the index into the cache's row for it, for the newest import:
/// counted first, then written into a blob of that size as it is made.
fn write_index(tx: &Transaction, index: &SearchIndex) -> Result<()> {
    let mut counted = Counted(0);
    index.write_to(&mut counted).map_err(io_error)?;
    tx.execute(
        "UPDATE search_index SET import = (SELECT coalesce(max(id), 0) FROM imports),
             data = zeroblob(?1)
         WHERE id = 1",
        [counted.0 as i64],
    )?;
    let blob = tx.blob_open(MAIN_DB, c"search_index", c"data", 1, false)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, blob);
    index.write_to(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    super::profile::mark("stored index written");
    Ok(())
}

/// Counts the bytes written to it.
struct Counted(u64);

impl Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(super) fn io_error(e: std::io::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}
