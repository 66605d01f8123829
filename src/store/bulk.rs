//! Filling a cache quickly with records that need little reconciling (no
//! articles; a repeated key keeps its first record): the benchmark corpora
//! of `esf gen --db`.

use super::keys::{name_key, owner_key, project_key};
use super::refresh::{self, Candidate};
use super::{now, Result, Store};
use crate::model::{Format, Project};
use rusqlite::{params, TransactionBehavior};

impl Store {
    /// Adds each (path, format, project) as a document and its project, in
    /// one transaction. Returns the number of projects in the cache.
    pub fn bulk_load(
        &mut self,
        records: impl Iterator<Item = (String, Format, Project)>,
        index: super::search_index::NewIndex,
        progress: &mut dyn FnMut(usize),
    ) -> Result<usize> {
        self.ensure_writable(crate::i18n::t("cannot be filled"))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let started = now();
        let defer = refresh::fts_is_empty(&tx)?;
        for (done, (path, format, project)) in records.enumerate() {
            load_one(&tx, started, defer, (path, format, project))?;
            progress(done + 1);
        }
        if defer {
            refresh::rebuild_fts(&tx)?;
        }
        refresh::count_organisation_projects(&tx)?;
        tx.execute(
            "INSERT INTO imports (started_at, finished_at, seen, new, updated, unchanged, unclassified, skipped, removed)
             SELECT ?1, ?2, count(*), count(*), 0, 0, 0, 0, 0 FROM documents",
            params![started, now()],
        )?;
        super::search_index::rebuild(&tx, index)?;
        let projects: i64 = tx.query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(projects as usize)
    }
}

/// One generated document and, when its key is new, its project (two
/// documents of one project: the first one stands).
fn load_one(
    tx: &rusqlite::Transaction,
    started: i64,
    defer: bool,
    (path, format, project): (String, Format, Project),
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO documents (path, content_hash, format, size, imported_at, title)
         VALUES (?1, 'generated', ?2, 0, ?3, ?4)",
    )?
    .execute(params![path, format.as_str(), started, project.name])?;
    let document_id = tx.last_insert_rowid();
    let key = project_key(&project);
    let names = (
        name_key(project.name.as_deref()),
        owner_key(project.owner.as_deref()),
    );
    let json = super::stored_record::write(&project);
    tx.prepare_cached(
        "INSERT INTO records (document_id, project_key, name_key, owner_key, record, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        document_id,
        key,
        names.0,
        names.1,
        json,
        project.description
    ])?;
    let taken: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM projects WHERE key = ?1)")?
        .query_row([&key], |r| r.get(0))?;
    if !taken {
        let candidate = Candidate {
            document_id,
            path,
            from_article: false,
            from_list: false,
            names,
            fingerprint: super::stored_record::fingerprint(&project),
            project,
        };
        refresh::insert_project(tx, &key, &candidate, defer)?;
    }
    Ok(())
}
