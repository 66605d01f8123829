//! The import transaction: everything one `esf import` writes goes into
//! one `IMMEDIATE` transaction, with the list of sources written beside
//! the cache in the same commit. The pipeline above (`crate::import`)
//! reads and parses files and hands each outcome to it.

use super::write::{self, Touched};
use super::{refresh, search_index, sources, Result, Store, StoreError};
use crate::ingest::lists::{ListEnd, ListHead, ListPart, ParsedList};
use crate::model::{Format, ImportReport, ParsedDocument, SkippedFile};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};
use std::path::PathBuf;

pub use super::known::{Known, KnownDoc};
pub use super::write::DocMeta;

/// How an import treats what the cache holds already.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Start {
    /// Add to it: changed files replace what they gave.
    #[default]
    Add,
    /// Empty it and read everything again, recording what changed.
    Rebuild,
    /// Empty it and record no changes (the sample corpus replaced).
    Replace,
}

/// An import in progress.
pub struct ImportTx<'a> {
    tx: Transaction<'a>,
    touched: Touched,
    report: ImportReport,
    start: Start,
    /// The documents before a rebuild, to report what it changed.
    before: Known,
    db: Option<PathBuf>,
    started: i64,
    /// Indexes dropped while an empty cache fills, to build again at the end.
    deferred: Vec<String>,
    /// The page cache's size before a large list made it larger.
    cache_before: Option<i64>,
    /// What the run changes, noted to patch the counts and the index
    /// (when it adds to a filled cache kept in a file).
    tracked: Option<super::patch::Tracked>,
}

/// What to do when the documents are in.
#[derive(Debug, Clone, Default)]
pub struct Finish {
    /// Remove documents whose files are gone.
    pub prune: bool,
    /// What builds the search index of the projects (none: it is left
    /// out of date, and commands read the projects themselves).
    pub index: Option<super::search_index::NewIndex>,
    /// The documents this run was given (a rebuild counts the others gone).
    pub given: Vec<String>,
    /// The whole list of sources to keep beside the cache.
    pub sources: Option<Vec<sources::Source>>,
    /// Commit nothing unless at least one document was read.
    pub require_documents: bool,
}

impl Store {
    /// Begins an import of `seen` inputs.
    pub fn begin_import(&mut self, start: Start, seen: usize) -> Result<ImportTx<'_>> {
        self.ensure_writable(crate::i18n::t("cannot be imported into"))?;
        let before = match start {
            Start::Rebuild => self.known_documents()?,
            _ => Known::new(),
        };
        let db = self.path.clone();
        let reader = match start {
            Start::Add if !rebuild_index_if_asked() => self.reopen()?,
            _ => None,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut touched = Touched {
            import_id: next_import_id(&tx)?.filter(|_| start != Start::Replace),
            ..Touched::default()
        };
        if start == Start::Rebuild {
            touched.before = refresh::every_project(&tx)?;
        }
        if start != Start::Add {
            write::clear(&tx, start == Start::Replace)?;
        }
        touched.defer_fts = refresh::fts_is_empty(&tx)?;
        let deferred = match touched.defer_fts {
            true => defer_indexes(&tx)?,
            false => Vec::new(),
        };
        let tracked = match reader.filter(|_| !touched.defer_fts) {
            Some(reader) => Some(super::patch::track(&tx, reader)?),
            None => None,
        };
        let report = ImportReport {
            seen,
            ..ImportReport::default()
        };
        let started = super::now();
        Ok(ImportTx {
            tx,
            touched,
            report,
            start,
            before,
            db,
            started,
            deferred,
            cache_before: None,
            tracked,
        })
    }
}

impl ImportTx<'_> {
    pub fn unchanged(&mut self) {
        self.report.unchanged += 1;
    }

    /// A file read again and found as it was: its size, time and the
    /// moment it was read are kept, so the next import trusts them.
    pub fn confirmed(&mut self, meta: &DocMeta) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE documents SET size = ?2, modified_at = ?3, imported_at = ?4
                 WHERE path = ?1",
            )?
            .execute(rusqlite::params![
                meta.path,
                meta.size,
                meta.modified_at,
                meta.read_at
            ])?;
        self.report.unchanged += 1;
        Ok(())
    }

    /// A file that gives nothing, with the reason (reported on every import).
    pub fn skip(&mut self, path: String, reason: String) {
        self.report.skipped += 1;
        self.report.skipped_files.push(SkippedFile { path, reason });
    }

    fn document_id(&self, path: &str) -> Result<Option<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id FROM documents WHERE path = ?1")?;
        Ok(stmt.query_row([path], |r| r.get(0)).optional()?)
    }

    /// Stores a project list and its rows, replacing what its file gave.
    pub fn save_list(&mut self, meta: &DocMeta, list: &ParsedList) -> Result<()> {
        let head = ListHead {
            format: list.format,
            title: list.title.clone(),
            warnings: list.warnings.clone(),
        };
        let parts = [
            ListPart::Rows(list.rows.clone()),
            ListPart::End(ListEnd {
                skipped: list.skipped.clone(),
                other_funds: list.other_funds.clone(),
            }),
        ];
        self.save_list_parts(meta, &head, &mut parts.into_iter())
    }

    /// [`ImportTx::save_list`] with the rows as they are read: each chunk
    /// is written while the next is read.
    pub fn save_list_parts(
        &mut self,
        meta: &DocMeta,
        head: &ListHead,
        parts: &mut dyn Iterator<Item = ListPart>,
    ) -> Result<()> {
        let earlier = self.before.get(&meta.path).map(|k| k.hash == meta.hash);
        self.cache_for_list(meta.size)?;
        let (tx, touched, rows) = (&self.tx, &mut self.touched, &mut self.report.rows);
        let fresh = super::lists::save_list(tx, meta, head, parts, touched, rows)?;
        self.count_document(earlier, fresh);
        Ok(())
    }

    /// Counts a file saved: unchanged or updated against what a rebuild
    /// emptied (`earlier`: its content the same), else new or updated.
    fn count_document(&mut self, earlier: Option<bool>, fresh: bool) {
        let report = &mut self.report;
        match earlier {
            Some(true) => report.unchanged += 1,
            Some(false) => report.updated += 1,
            None if fresh => report.new += 1,
            None => report.updated += 1,
        }
    }

    /// A list's rows take about five times its bytes in the cache: a page
    /// cache that holds them spares the run writing pages out to the log
    /// and reading them back (at most 512 MB, and only for this run).
    fn cache_for_list(&mut self, bytes: i64) -> Result<()> {
        let wanted = (bytes.saturating_mul(5) / 1024).min(512 * 1024);
        let now: i64 = self
            .tx
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        // Negative: KiB; positive: pages (taken as SQLite's 4 KiB ones).
        let now_kib = if now < 0 { -now } else { now * 4 };
        if wanted > now_kib {
            self.cache_before.get_or_insert(now);
            self.tx.pragma_update(None, "cache_size", -wanted)?;
        }
        Ok(())
    }

    /// Stores a parsed document, replacing what its file gave before.
    pub fn save(&mut self, meta: &DocMeta, doc: &ParsedDocument) -> Result<()> {
        if doc.format == Format::Skipped {
            let reason = doc.skipped_reason.clone().unwrap_or_default();
            self.skip(meta.path.clone(), reason);
            return Ok(());
        }
        let earlier = self.before.get(&meta.path).map(|k| k.hash == meta.hash);
        // A file that was a list and is one no more takes its rows along.
        if let Some(id) = self.document_id(&meta.path)? {
            super::lists::forget_rows_of(&self.tx, id, &mut self.touched)?;
        }
        let fresh = write::save_document(&self.tx, meta, doc, &mut self.touched)?;
        self.count_document(earlier, fresh);
        let report = &mut self.report;
        if doc.format == Format::Unknown {
            report.unclassified += 1;
        }
        Ok(())
    }

    /// Recomputes the projects the run touched and commits it all.
    pub fn finish(mut self, finish: &Finish) -> Result<ImportReport> {
        for sql in std::mem::take(&mut self.deferred) {
            self.tx.execute_batch(&sql)?;
        }
        super::profile::mark("indexes built");
        let changed = self.reconcile(finish)?;
        if finish.require_documents && self.report.read() == 0 {
            return Err(StoreError::NothingImported(Box::new(self.report)));
        }
        let index_fresh = search_index::is_fresh(&self.tx)? && search_index::is_current(&self.tx)?;
        write::log_import(&self.tx, self.started, &self.report)?;
        match (changed || !index_fresh, finish.index) {
            (true, Some(new)) => self.index(new, index_fresh)?,
            // Left as it was, for an older import: never read.
            (true, None) => {}
            (false, _) => search_index::carry_over(&self.tx)?,
        }
        let list = match (&finish.sources, &self.db) {
            (Some(list), Some(db)) => {
                Some(sources::prepare(db, list).map_err(|source| StoreError::Io {
                    path: sources::list_path(db).display().to_string(),
                    source,
                })?)
            }
            _ => None,
        };
        super::profile::mark("search index built");
        if self.tracked.take().is_some() {
            super::patch::untrack(&self.tx)?;
        }
        hold_before_commit_if_asked();
        // The import empties the log itself right after (`shrink_wal`,
        // which turns this back on), and says so if it cannot: no
        // checkpoint of SQLite's own at the commit, whose failure goes unsaid.
        self.tx.pragma_update(None, "wal_autocheckpoint", 0)?;
        if let Some(size) = self.cache_before {
            // Its pages in use stay until the commit writes them.
            self.tx.pragma_update(None, "cache_size", size)?;
        }
        self.tx.commit()?;
        if let Some(Err(e)) = list.map(sources::Pending::put_in_place) {
            let warning = format!("the list of sources was not updated: {e}");
            self.report.warnings.push(warning);
        }
        Ok(self.report)
    }

    /// Patches the stored index and facet counts for what the run touched
    /// when it can (the index was that of the run before), else makes
    /// them again from every project.
    fn index(&self, new: super::search_index::NewIndex, fresh: bool) -> Result<()> {
        if let (Some(tracked), true) = (&self.tracked, fresh) {
            if super::patch::patch_index(&self.tx, tracked, new)? {
                return Ok(());
            }
        }
        search_index::rebuild(&self.tx, new)
    }

    /// Returns whether any project changed.
    fn reconcile(&mut self, finish: &Finish) -> Result<bool> {
        let (tx, touched, report) = (&self.tx, &mut self.touched, &mut self.report);
        if finish.prune {
            report.removed = super::lists::prune(tx, touched)?;
        }
        refresh::refresh(tx, touched, &mut report.warnings)?;
        super::profile::mark("projects reconciled");
        if self.start == Start::Rebuild {
            refresh::note_removed(tx, touched)?;
            let given: std::collections::HashSet<&String> = finish.given.iter().collect();
            report.removed = self.before.keys().filter(|p| !given.contains(p)).count();
        }
        if touched.defer_fts {
            refresh::rebuild_fts(tx)?;
        }
        super::profile::mark("full-text index built");
        // New projects went in as they came (`inserted`), changed ones here (`keys`).
        let changed = !touched.keys.is_empty() || !touched.inserted.is_empty();
        let changed = changed || report.removed > 0 || self.start != Start::Add;
        match (changed, &self.tracked) {
            (true, Some(tracked)) => super::patch::count_organisations(tx, tracked)?,
            (true, None) => refresh::count_organisation_projects(tx)?,
            (false, _) => {}
        }
        super::profile::mark("organisations counted");
        let projects: i64 = tx.query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
        report.projects = projects as usize;
        Ok(changed)
    }
}

/// Indexes that nothing reads while an import writes (the projects'
/// listing orders, the records by name, read when the run reconciles):
/// filling an empty cache, they are dropped and built once before it
/// reconciles (a sort, instead of a B-tree insert a row).
const DEFERRABLE_INDEXES: &[&str] = &[
    "project_list",
    "projects_by_start",
    "projects_by_key_nocase",
    "records_by_name",
];

/// Drops the deferrable indexes; returns the SQL that builds them again,
/// as the schema has it.
fn defer_indexes(tx: &Transaction) -> Result<Vec<String>> {
    let mut deferred = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1 AND sql IS NOT NULL",
    )?;
    for name in DEFERRABLE_INDEXES {
        let Some(sql) = stmt
            .query_row([name], |r| r.get::<_, String>(0))
            .optional()?
        else {
            continue;
        };
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
        deferred.push(sql);
    }
    Ok(deferred)
}

/// The reliability tests interrupt an import at its last moment, every
/// write done and the commit not: with `ESF_TEST_HOLD_BEFORE_COMMIT` set
/// to a path, the import creates that file and waits there a while.
fn hold_before_commit_if_asked() {
    if let Some(marker) = std::env::var_os("ESF_TEST_HOLD_BEFORE_COMMIT") {
        let _ = std::fs::write(marker, b"");
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

/// The tests compare a patched index with one made from every project:
/// with `ESF_TEST_REBUILD_INDEX` set, an import counts and indexes every
/// project, whatever it touched.
fn rebuild_index_if_asked() -> bool {
    std::env::var_os("ESF_TEST_REBUILD_INDEX").is_some()
}

/// The number this run gets in the import log, if it is to record what
/// it changes: not when it fills an empty cache.
fn next_import_id(tx: &Transaction) -> Result<Option<i64>> {
    let projects: i64 = tx.query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
    if projects == 0 {
        return Ok(None);
    }
    let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM imports", [], |r| r.get(0))?;
    Ok(Some(last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexes(store: &Store) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .unwrap();
        let rows = stmt
            .query_map([], |r| r.get::<_, Option<String>>(0))
            .unwrap();
        rows.map(|r| r.unwrap().unwrap_or_default()).collect()
    }

    #[test]
    fn an_empty_cache_filled_has_every_index_it_had() {
        let mut store = Store::in_memory().unwrap();
        let before = indexes(&store);
        assert!(before.iter().any(|sql| sql.contains("project_list")));
        let mut doc = ParsedDocument::skipped("/p/a.txt", "");
        doc.skipped_reason = None;
        doc.format = Format::Esf2014;
        doc.project = Some(crate::model::Project {
            id: Some("2015/00730".into()),
            name: Some("effektbutiken".into()),
            ..Default::default()
        });
        let meta = DocMeta {
            path: "/p/a.txt".into(),
            hash: "a".into(),
            size: 1,
            modified_at: Some(1),
            read_at: 2,
        };
        let mut tx = store.begin_import(Start::Add, 1).unwrap();
        assert!(!tx.deferred.is_empty(), "the cache was empty");
        tx.save(&meta, &doc).unwrap();
        tx.finish(&Finish::default()).unwrap();
        assert_eq!(indexes(&store), before);
        assert!(store.project("2015/00730").is_ok());
    }
}
