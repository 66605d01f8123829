//! Writing documents and what they give into the cache (inside the
//! import's transaction).

use super::keys::{name_key, owner_key, project_key};
use super::refresh::{insert_project, record_change, Candidate};
pub use super::touched::{NamePair, Touched};
use super::{now, Result};
use crate::model::ImportReport;
use crate::model::{ChangeKind, Format, ParsedDocument, Project};
use rusqlite::{params, OptionalExtension, Transaction};

/// A file's identity as read.
#[derive(Debug, Clone)]
pub struct DocMeta {
    pub path: String,
    pub hash: String,
    pub size: i64,
    pub modified_at: Option<i64>,
    /// When the file was read (seconds, taken before its size and time).
    pub read_at: i64,
}

/// Stores a parsed document, replacing what an earlier version of the same
/// file gave. Returns true when the file is new to the cache.
pub fn save_document(
    tx: &Transaction,
    meta: &DocMeta,
    doc: &ParsedDocument,
    touched: &mut Touched,
) -> Result<bool> {
    let existing = document_id(tx, &meta.path)?;
    save_document_at(tx, meta, doc, existing, None, None, touched)?;
    Ok(existing.is_none())
}

/// The document a path is, if the cache has it.
pub fn document_id(tx: &Transaction, path: &str) -> Result<Option<i64>> {
    let mut stmt = tx.prepare_cached("SELECT id FROM documents WHERE path = ?1")?;
    Ok(stmt.query_row([path], |r| r.get(0)).optional()?)
}

/// [`save_document`] where the caller knows the id the path has already
/// (`existing`), the list a row belongs to (`list`) and maybe what its
/// record is stored as (`parts`, of `doc.project`); returns its id.
pub fn save_document_at(
    tx: &Transaction,
    meta: &DocMeta,
    doc: &ParsedDocument,
    existing: Option<i64>,
    list: Option<i64>,
    parts: Option<RecordParts>,
    touched: &mut Touched,
) -> Result<i64> {
    if let Some(id) = existing {
        forget_content(tx, id, touched)?;
    }
    let id = upsert_document(tx, meta, doc, list)?;
    save_content(tx, id, meta, doc, parts, touched)?;
    Ok(id)
}

/// What a record is stored as, worked out from the project alone: on
/// any thread, ahead of the writing.
pub struct RecordParts {
    key: String,
    /// Organisationsnummer, name and start date, when all are given.
    identity: Option<String>,
    names: NamePair,
    json: String,
    fingerprint: Option<i64>,
}

impl RecordParts {
    /// `fingerprint`: worked out now too (else when it is needed).
    pub fn of(p: &Project, fingerprint: bool) -> RecordParts {
        RecordParts {
            key: project_key(p),
            identity: super::identity_key::identity_of(p),
            names: (name_key(p.name.as_deref()), owner_key(p.owner.as_deref())),
            json: super::stored_record::write(p),
            fingerprint: fingerprint.then(|| super::stored_record::fingerprint(p)),
        }
    }
}

/// Inserts the document, or updates the row its path already has (a row
/// of a list gets its list; any other document keeps what it had).
fn upsert_document(
    tx: &Transaction,
    meta: &DocMeta,
    doc: &ParsedDocument,
    list: Option<i64>,
) -> Result<i64> {
    let id = tx
        .prepare_cached(
            "INSERT INTO documents (path, content_hash, format, size, modified_at, imported_at,
                                    title, skipped_reason, warnings, list_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (path) DO UPDATE SET
                 content_hash = excluded.content_hash, format = excluded.format,
                 size = excluded.size, modified_at = excluded.modified_at,
                 imported_at = excluded.imported_at, title = excluded.title,
                 skipped_reason = excluded.skipped_reason, warnings = excluded.warnings,
                 list_id = coalesce(excluded.list_id, list_id)
             RETURNING id",
        )?
        .query_row(
            params![
                meta.path,
                meta.hash,
                doc.format.as_str(),
                meta.size,
                meta.modified_at,
                meta.read_at,
                doc.title,
                doc.skipped_reason,
                warnings_json(doc),
                list,
            ],
            |r| r.get(0),
        )?;
    Ok(id)
}

fn warnings_json(doc: &ParsedDocument) -> String {
    serde_json::to_string(&doc.warnings).unwrap_or_else(|_| "[]".into())
}

fn save_content(
    tx: &Transaction,
    id: i64,
    meta: &DocMeta,
    doc: &ParsedDocument,
    parts: Option<RecordParts>,
    touched: &mut Touched,
) -> Result<()> {
    let parts = |p: &Project| parts.unwrap_or_else(|| RecordParts::of(p, false));
    match (doc.format, &doc.project) {
        (Format::Unknown, _) => {
            tx.execute(
                "INSERT INTO unclassified (document_id, title, text) VALUES (?1, ?2, ?3)",
                params![id, doc.title, doc.text],
            )?;
        }
        (Format::Call, _) => super::pages::save_call(tx, id, doc)?,
        (Format::LinkedPage, _) => super::pages::save_linked(tx, id, doc)?,
        // A Kohesio page stands for its project only where no record does.
        (Format::Kohesio, Some(p)) => save_record(tx, id, meta, p, parts(p), true, touched)?,
        (Format::Article, project) => {
            save_article(tx, id, doc, project.as_ref())?;
            if let Some(p) = project.as_ref().filter(|p| p.name.is_some()) {
                save_record(tx, id, meta, p, parts(p), true, touched)?;
            }
        }
        (_, Some(p)) => save_record(tx, id, meta, p, parts(p), false, touched)?,
        (_, None) => {}
    }
    Ok(())
}

fn save_article(
    tx: &Transaction,
    id: i64,
    doc: &ParsedDocument,
    p: Option<&Project>,
) -> Result<()> {
    let Some(article) = &doc.article else {
        return Ok(());
    };
    let owner = p.and_then(|p| p.owner.as_deref());
    tx.execute(
        "INSERT INTO articles (document_id, title, body, project_name, name_key, owner_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            article.title,
            article.body,
            article.project_name,
            name_key(article.project_name.as_deref()),
            owner_key(owner),
        ],
    )?;
    Ok(())
}

fn save_record(
    tx: &Transaction,
    id: i64,
    meta: &DocMeta,
    p: &Project,
    parts: RecordParts,
    from_article: bool,
    touched: &mut Touched,
) -> Result<()> {
    let RecordParts {
        key,
        identity,
        names,
        json,
        fingerprint,
    } = parts;
    // An article's project is matched by name and owner, not by identity.
    let identity = identity.filter(|_| !from_article);
    let key = super::identity_key::key_for(tx, p, identity.as_deref(), key, touched)?;
    let row = RecordRow {
        key: &key,
        names: &names,
        json: &json,
        identity: identity.as_deref(),
    };
    insert_record(tx, id, meta, p, &row, from_article)?;
    let first_of_its_key = !from_article && !touched.keys.contains(&key) && only_record(tx, &key)?;
    if first_of_its_key {
        // Nothing to reconcile: the project goes in now, while the workers
        // go on parsing, instead of in the single-threaded pass at the end.
        let candidate = Candidate {
            document_id: id,
            path: meta.path.clone(),
            from_article,
            from_list: false,
            names: names.clone(),
            project: p.clone(),
            fingerprint: fingerprint.unwrap_or_else(|| super::stored_record::fingerprint(p)),
        };
        insert_project(tx, &key, &candidate, touched.defer_fts)?;
        touched.inserted.insert(key.clone());
        // A rebuild knows what the project was before it emptied the cache.
        let change = match touched.before.get(&key) {
            None => Some(ChangeKind::New),
            Some((before, _)) if *before != Some(candidate.fingerprint) => {
                Some(ChangeKind::Changed)
            }
            Some(_) => None,
        };
        if let Some(kind) = change {
            record_change(tx, touched, &key, kind, p.name.as_deref())?;
        }
    } else {
        touched.keys.insert(key);
    }
    touched.names.insert(names);
    Ok(())
}

/// What a record's row holds besides the project's own fields.
struct RecordRow<'a> {
    key: &'a str,
    names: &'a NamePair,
    json: &'a str,
    identity: Option<&'a str>,
}

fn insert_record(
    tx: &Transaction,
    id: i64,
    meta: &DocMeta,
    p: &Project,
    row: &RecordRow,
    from_article: bool,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO records (document_id, project_key, name_key, owner_key, from_article,
                              modified_at, record, description, identity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id,
        row.key,
        row.names.0,
        row.names.1,
        from_article,
        meta.modified_at,
        row.json,
        p.description,
        row.identity,
    ])?;
    Ok(())
}

/// No project and no other record has this key yet.
fn only_record(tx: &Transaction, key: &str) -> Result<bool> {
    let others: i64 = tx
        .prepare_cached(
            "SELECT (SELECT count(*) FROM records WHERE project_key = ?1)
                  + (SELECT count(*) FROM projects WHERE key = ?1)",
        )?
        .query_row([key], |r| r.get(0))?;
    Ok(others == 1)
}

/// Drops what a document gave before it is replaced or removed.
pub(super) fn forget_content(tx: &Transaction, id: i64, touched: &mut Touched) -> Result<()> {
    {
        let mut stmt = tx.prepare(
            "SELECT project_key, name_key, owner_key FROM records WHERE document_id = ?1",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        for row in rows {
            let (key, names): (String, NamePair) = row?;
            touched.keys.insert(key);
            touched.names.insert(names);
        }
    }
    super::refresh::drop_projects_of_document(tx, id, touched)?;
    for table in [
        "records",
        "articles",
        "unclassified",
        "calls",
        "linked_documents",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE document_id = ?1"), [id])?;
    }
    Ok(())
}

/// Empties every table of documents and projects; the record of what
/// earlier imports changed goes too when `forget_changes`.
pub fn clear(tx: &Transaction, forget_changes: bool) -> Result<()> {
    if forget_changes {
        tx.execute("DELETE FROM changes", [])?;
    }
    tx.execute_batch(
        "DELETE FROM project_text; INSERT INTO project_fts (project_fts) VALUES ('delete-all');
         DELETE FROM project_orgs; DELETE FROM projects;
         DELETE FROM organisation_names; DELETE FROM organisation_numbers;
         DELETE FROM organisations; DELETE FROM records; DELETE FROM articles;
         DELETE FROM unclassified; DELETE FROM calls; DELETE FROM linked_documents;
         DELETE FROM other_fund_projects; DELETE FROM documents;",
    )?;
    Ok(())
}

pub fn log_import(tx: &Transaction, started: i64, r: &ImportReport) -> Result<()> {
    tx.execute(
        "INSERT INTO imports (started_at, finished_at, seen, new, updated, unchanged,
                              unclassified, skipped, removed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            started,
            now(),
            r.seen as i64,
            r.new as i64,
            r.updated as i64,
            r.unchanged as i64,
            r.unclassified as i64,
            r.skipped as i64,
            r.removed as i64,
        ],
    )?;
    Ok(())
}
