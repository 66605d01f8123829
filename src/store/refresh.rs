//! Recomputing projects from records: for each key the newest record wins;
//! an article's project stands alone only when no record names it.

use super::project_rows::drop_project;
pub use super::project_rows::{
    count_organisation_projects, fts_is_empty, insert_project, rebuild_fts, Candidate,
};
use super::touched::{Before, NamePair, Touched};
use super::Result;
use crate::model::{ChangeKind, Project};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeSet, HashMap};

pub fn refresh(tx: &Transaction, touched: &Touched, warnings: &mut Vec<String>) -> Result<()> {
    let mut keys: BTreeSet<String> = touched.keys.iter().cloned().collect();
    for names in &touched.names {
        keys.extend(article_keys_named(tx, names)?);
    }
    for key in keys {
        refresh_key(tx, &key, touched, warnings)?;
    }
    Ok(())
}

/// Keys of article-made projects with these names: a record with the same
/// name and owner takes them over (or, removed, gives them back).
fn article_keys_named(tx: &Transaction, names: &NamePair) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT project_key FROM records
         WHERE from_article = 1 AND name_key IS ?1 AND owner_key IS ?2",
    )?;
    let keys = stmt.query_map(params![names.0, names.1], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// The project as it was before this run: row, fingerprint, name.
type OldProject = (i64, Option<i64>, Option<String>);

fn refresh_key(
    tx: &Transaction,
    key: &str,
    touched: &Touched,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let old_record = old_record(tx, key, touched)?;
    let old = take_old(tx, key, touched)?;
    let candidates = candidates(tx, key)?;
    let winner = match candidates.first() {
        Some(w) if w.from_article && claimed_by_record(tx, w)? => None,
        w => w,
    };
    note_change(tx, touched, key, old, winner)?;
    if let (Some(before), Some(w)) = (old_record, winner) {
        note_fields(tx, touched, key, &before, &w.project)?;
    }
    let Some(winner) = winner else {
        return Ok(());
    };
    warn_duplicates(key, &candidates, warnings);
    insert_project(tx, key, winner, touched.defer_fts)
}

/// The record a project had before this run: in its row, or kept when an
/// earlier step of the run dropped the row (a row this run made itself
/// says nothing of before).
fn old_record(tx: &Transaction, key: &str, touched: &Touched) -> Result<Option<Project>> {
    if touched.inserted.contains(key) {
        return Ok(touched.before_fields.get(key).cloned());
    }
    let json: Option<String> = tx
        .prepare_cached(
            "SELECT r.record FROM projects p JOIN records r ON r.document_id = p.document_id
             WHERE p.key = ?1",
        )?
        .query_row([key], |r| r.get(0))
        .optional()?;
    let kept = || touched.before_fields.get(key).cloned();
    Ok(json
        .map(|j| super::stored_record::read(&j, None))
        .or_else(kept))
}

/// A record with only what [`crate::model::field_sources::COMPARED`]
/// looks at: what a run keeps of each project it drops.
fn compared_only(p: Project) -> Project {
    Project {
        description: None,
        organisations: Vec::new(),
        partners: Vec::new(),
        municipalities: Vec::new(),
        municipality_sources: Vec::new(),
        extra: Default::default(),
        ..p
    }
}

/// Which fields a change of this run changed: kept with the change.
fn note_fields(
    tx: &Transaction,
    touched: &Touched,
    key: &str,
    before: &Project,
    after: &Project,
) -> Result<()> {
    let Some(import_id) = touched.import_id else {
        return Ok(());
    };
    let changed = crate::model::field_sources::changed_values(before, after);
    let fields = serde_json::to_string(&changed).unwrap_or_default();
    tx.prepare_cached(
        "UPDATE changes SET fields = ?3 WHERE key = ?1 AND import_id = ?2 AND kind = 'changed'",
    )?
    .execute(params![key, import_id, fields])?;
    Ok(())
}

/// Drops the project's row; returns what it was before this run (also
/// when an earlier step of the run dropped it: its file changed or went).
fn take_old(tx: &Transaction, key: &str, touched: &Touched) -> Result<Option<Before>> {
    let old: Option<OldProject> = tx
        .query_row(
            "SELECT rowid_, fingerprint, name FROM projects WHERE key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((rowid, _, _)) = old {
        drop_project(tx, rowid, touched.defer_fts)?;
    }
    if touched.inserted.contains(key) {
        // The row was this run's own: compare with what came before it.
        return Ok(touched.before.get(key).cloned());
    }
    Ok(old
        .map(|(_, f, n)| (f, n))
        .or_else(|| touched.before.get(key).cloned()))
}

/// Every project as it is now, by key: what a rebuild compares with.
pub fn every_project(tx: &Transaction) -> Result<HashMap<String, Before>> {
    let mut stmt = tx.prepare("SELECT key, fingerprint, name FROM projects")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records as removed the projects a rebuild did not find again.
pub fn note_removed(tx: &Transaction, touched: &Touched) -> Result<()> {
    let mut exists = tx.prepare_cached("SELECT 1 FROM projects WHERE key = ?1")?;
    for (key, (_, name)) in &touched.before {
        if !exists.exists([key])? && !touched.joined.contains(key) {
            record_change(tx, touched, key, ChangeKind::Removed, name.as_deref())?;
        }
    }
    Ok(())
}

/// New, changed (another fingerprint) or removed, if any of them.
fn note_change(
    tx: &Transaction,
    touched: &Touched,
    key: &str,
    old: Option<Before>,
    winner: Option<&Candidate>,
) -> Result<()> {
    let (kind, name) = match (old, winner) {
        (None, None) => return Ok(()),
        (Some(_), None) if touched.joined.contains(key) => return Ok(()),
        (Some((_, name)), None) => (ChangeKind::Removed, name),
        (None, Some(w)) => (ChangeKind::New, w.project.name.clone()),
        (Some((before, _)), Some(w)) if before != Some(w.fingerprint) => {
            (ChangeKind::Changed, w.project.name.clone())
        }
        (Some(_), Some(_)) => return forget_change_of_this_run(tx, touched, key),
    };
    record_change(tx, touched, key, kind, name.as_deref())
}

/// The project is as it was after all (its first record of this run said
/// otherwise, and was noted then): no change to record.
fn forget_change_of_this_run(tx: &Transaction, touched: &Touched, key: &str) -> Result<()> {
    if let (Some(run), true) = (touched.import_id, touched.inserted.contains(key)) {
        tx.execute(
            "DELETE FROM changes WHERE key = ?1 AND import_id = ?2",
            params![key, run],
        )?;
    }
    Ok(())
}

/// Several records with one key: a page before a list's row (it says
/// more), the newest file first, and a warning names the pages when two
/// give one project (a list's row beside a page is one more source).
fn warn_duplicates(key: &str, candidates: &[Candidate], warnings: &mut Vec<String>) {
    let records: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| !c.from_article && !c.from_list)
        .collect();
    if records.len() < 2 {
        return;
    }
    let others: Vec<&str> = records[1..].iter().map(|c| c.path.as_str()).collect();
    let what = if records[0].project.id.is_some() {
        "the same diarienummer"
    } else {
        "the same project (name, owner and start date)"
    };
    warnings.push(format!(
        "{key}: {what} in {} and {}; using {} (the newer file)",
        records[0].path,
        others.join(", "),
        records[0].path
    ));
}

fn candidates(tx: &Transaction, key: &str) -> Result<Vec<Candidate>> {
    let mut stmt = tx.prepare_cached(
        "SELECT r.document_id, d.path, r.from_article, r.name_key, r.owner_key, r.record,
                r.description, d.list_id IS NOT NULL
         FROM records r JOIN documents d ON d.id = r.document_id
         WHERE r.project_key = ?1
         ORDER BY r.from_article, d.list_id IS NOT NULL, r.modified_at DESC, d.path DESC",
    )?;
    let rows = stmt.query_map([key], |r| {
        let project = super::stored_record::from_row(r, 5)?;
        Ok(Candidate {
            document_id: r.get(0)?,
            path: r.get(1)?,
            from_article: r.get(2)?,
            from_list: r.get(7)?,
            names: (r.get(3)?, r.get(4)?),
            fingerprint: super::stored_record::fingerprint(&project),
            project,
        })
    })?;
    let mut candidates: Vec<Candidate> = rows.collect::<rusqlite::Result<_>>()?;
    // A numberless row that joined a numbered project never stands for it.
    candidates.sort_by_key(|c| (c.from_article, c.from_list, c.project.id.is_none()));
    Ok(candidates)
}

/// An article's project is a record's when one has its name and owner; a
/// Kohesio page's when one also shares days of its period (the same name
/// may run again, years later).
fn claimed_by_record(tx: &Transaction, w: &Candidate) -> Result<bool> {
    let format: String = tx
        .prepare_cached("SELECT format FROM documents WHERE id = ?1")?
        .query_row([w.document_id], |r| r.get(0))?;
    if format != crate::model::Format::Kohesio.as_str() {
        return named_by_record(tx, &w.names);
    }
    let mut stmt = tx.prepare_cached(
        "SELECT record FROM records WHERE from_article = 0 AND name_key IS ?1 AND owner_key IS ?2",
    )?;
    let records = stmt.query_map(params![w.names.0, w.names.1], |r| r.get::<_, String>(0))?;
    for json in records {
        // Only the period is wanted: the description is not read.
        let record = super::stored_record::read(&json?, None);
        if super::pages::periods_overlap(&record, &w.project) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn named_by_record(tx: &Transaction, names: &NamePair) -> Result<bool> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM records WHERE from_article = 0 AND name_key IS ?1 AND owner_key IS ?2
             LIMIT 1",
            params![names.0, names.1],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// Notes what this run did to a project, when the run keeps a record
/// (not when it fills an empty cache: everything would be "new").
pub fn record_change(
    tx: &Transaction,
    touched: &Touched,
    key: &str,
    kind: ChangeKind,
    name: Option<&str>,
) -> Result<()> {
    let Some(import_id) = touched.import_id else {
        return Ok(());
    };
    tx.prepare_cached(
        "INSERT INTO changes (key, kind, import_id, name) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind,
           import_id = excluded.import_id, name = excluded.name",
    )?
    .execute(params![key, kind.as_str(), import_id, name])?;
    Ok(())
}

/// Removes the projects a document is the winning record of, before the
/// document itself goes (they are recomputed from the other records).
/// Drops the projects a document gave, keeping what they were (for
/// telling changed projects from new ones when they are made again).
pub fn drop_projects_of_document(
    tx: &Transaction,
    document_id: i64,
    touched: &mut Touched,
) -> Result<()> {
    type Dropped = (i64, String, Option<i64>, Option<String>, String);
    let dropped: Vec<Dropped> = {
        let mut stmt = tx.prepare_cached(
            "SELECT p.rowid_, p.key, p.fingerprint, p.name, coalesce(r.record, '{}')
             FROM projects p LEFT JOIN records r ON r.document_id = p.document_id
             WHERE p.document_id = ?1
               -- by key, which is indexed: a project's document is not
               AND p.key IN (SELECT project_key FROM records WHERE document_id = ?1)",
        )?;
        let rows = stmt.query_map([document_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (rowid, key, fingerprint, name, record) in dropped {
        drop_project(tx, rowid, touched.defer_fts)?;
        if !touched.before.contains_key(&key) {
            let fields = compared_only(super::stored_record::read(&record, None));
            touched.before_fields.insert(key.clone(), fields);
        }
        touched.before.entry(key).or_insert((fingerprint, name));
    }
    Ok(())
}
