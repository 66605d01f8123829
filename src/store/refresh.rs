//! Recomputing projects from records: for each key the newest record wins;
//! an article's project stands alone only when no record names it.

use super::write::{NamePair, Touched};
use super::Result;
use crate::ingest::gazetteer::{gazetteer, ActorKind};
use crate::model::{OrgLink, Project};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::BTreeSet;

/// One record that gives a project.
pub struct Candidate {
    pub document_id: i64,
    pub path: String,
    pub from_article: bool,
    pub names: NamePair,
    pub project: Project,
}

pub fn refresh(tx: &Transaction, touched: &Touched, warnings: &mut Vec<String>) -> Result<()> {
    let defer = touched.defer_fts;
    let mut keys: BTreeSet<String> = touched.keys.iter().cloned().collect();
    for names in &touched.names {
        keys.extend(article_keys_named(tx, names)?);
    }
    for key in keys {
        refresh_key(tx, &key, warnings, defer)?;
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

fn refresh_key(tx: &Transaction, key: &str, warnings: &mut Vec<String>, defer: bool) -> Result<()> {
    let old: Option<i64> = tx
        .query_row("SELECT rowid_ FROM projects WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(rowid) = old {
        drop_project(tx, rowid, defer)?;
    }
    let candidates = candidates(tx, key)?;
    let Some(winner) = candidates.first() else {
        return Ok(());
    };
    if winner.from_article && named_by_record(tx, &winner.names)? {
        return Ok(());
    }
    let records: Vec<&Candidate> = candidates.iter().filter(|c| !c.from_article).collect();
    if records.len() > 1 {
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
    insert_project(tx, key, winner, defer)
}

fn candidates(tx: &Transaction, key: &str) -> Result<Vec<Candidate>> {
    let mut stmt = tx.prepare_cached(
        "SELECT r.document_id, d.path, r.from_article, r.name_key, r.owner_key, r.record
         FROM records r JOIN documents d ON d.id = r.document_id
         WHERE r.project_key = ?1
         ORDER BY r.from_article, r.modified_at DESC, d.path DESC",
    )?;
    let rows = stmt.query_map([key], |r| {
        let json: String = r.get(5)?;
        Ok(Candidate {
            document_id: r.get(0)?,
            path: r.get(1)?,
            from_article: r.get(2)?,
            names: (r.get(3)?, r.get(4)?),
            project: serde_json::from_str(&json).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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

/// Inserts a project with its links and text; `defer_fts` leaves the
/// full-text index to a rebuild at the end of the run.
pub fn insert_project(tx: &Transaction, key: &str, c: &Candidate, defer_fts: bool) -> Result<()> {
    let p = &c.project;
    tx.prepare_cached(
        "INSERT INTO projects (key, id, document_id, name, owner, region, fund, programme_period,
             start_date, end_date, total_budget_sek, esf_grant_sek, municipalities,
             name_key, owner_key, record, programme_area, programme_area_name,
             specific_objective, phase)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        key,
        p.id,
        c.document_id,
        p.name,
        p.owner,
        p.region,
        p.fund,
        p.programme_period,
        p.start_date,
        p.end_date,
        p.total_budget_sek,
        p.esf_grant_sek,
        p.municipalities.join("; "),
        c.names.0,
        c.names.1,
        // The record itself is kept once, in `records` (its document's row).
        "",
        p.programme_area,
        p.programme_area_name,
        p.specific_objective,
        p.phase,
    ])?;
    let rowid = tx.last_insert_rowid();
    for link in &p.organisations {
        link_organisation(tx, rowid, link)?;
    }
    for municipality in &p.municipalities {
        link_municipality(tx, rowid, municipality)?;
    }
    index_text(tx, rowid, c, defer_fts)
}

/// A municipality the project works in, as the municipality's own
/// organisation (`Göteborg` → Göteborgs Stad), so the graph joins it with
/// projects that name the municipality as owner or partner.
fn link_municipality(tx: &Transaction, project: i64, written: &str) -> Result<()> {
    let g = gazetteer();
    let name = g
        .municipality(written)
        .map(|m| m.org_name.clone())
        .or_else(|| g.actor_named(written).map(|a| a.canonical.clone()))
        .unwrap_or_else(|| crate::ingest::text::fold_spaces(written));
    let org = organisation_id(tx, &name, None)?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO project_orgs (project, org, role, as_written) VALUES (?1, ?2, 'municipality', ?3)",
    )?
    .execute(params![project, org, written])?;
    Ok(())
}

fn link_organisation(tx: &Transaction, project: i64, link: &OrgLink) -> Result<()> {
    let org = organisation_id(tx, &link.name, link.parent.as_deref())?;
    if let Some(parent) = &link.parent {
        organisation_id(tx, parent, None)?;
    }
    tx.prepare_cached(
        "INSERT OR IGNORE INTO project_orgs (project, org, role, as_written) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![project, org, link.role.as_str(), link.as_written])?;
    Ok(())
}

fn organisation_id(tx: &Transaction, name: &str, parent: Option<&str>) -> Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM organisations WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO organisations (name, parent, kind) VALUES (?1, ?2, ?3)")?
        .execute(params![name, parent, kind_of(name, parent)])?;
    Ok(tx.last_insert_rowid())
}

/// `agency`, `region`, `municipality`, `generic`, `unit` or `organisation`.
fn kind_of(name: &str, parent: Option<&str>) -> &'static str {
    match gazetteer().actor_named(name).map(|a| a.kind) {
        Some(ActorKind::Agency) => "agency",
        Some(ActorKind::Region) => "region",
        Some(ActorKind::Municipality) => "municipality",
        Some(ActorKind::Generic) => "generic",
        None if parent.is_some() => "unit",
        None => "organisation",
    }
}

/// Full text: name, owner, organisation names, and the description (for a
/// project known only from an article, the article's text).
fn index_text(tx: &Transaction, rowid: i64, c: &Candidate, defer: bool) -> Result<()> {
    let p = &c.project;
    let orgs: Vec<&str> = p.organisations.iter().map(|o| o.name.as_str()).collect();
    let description = match (&p.description, c.from_article) {
        (Some(d), _) => Some(d.clone()),
        (None, true) => tx
            .query_row(
                "SELECT body FROM articles WHERE document_id = ?1",
                [c.document_id],
                |r| r.get(0),
            )
            .optional()?,
        (None, false) => None,
    };
    let values = params![rowid, p.name, p.owner, orgs.join("; "), description];
    tx.prepare_cached(
        "INSERT INTO project_text (id, name, owner, organisations, description)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(values)?;
    if !defer {
        tx.prepare_cached(
            "INSERT INTO project_fts (rowid, name, owner, organisations, description)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(values)?;
    }
    Ok(())
}

fn drop_project(tx: &Transaction, rowid: i64, defer: bool) -> Result<()> {
    if !defer {
        tx.prepare_cached(
            "INSERT INTO project_fts (project_fts, rowid, name, owner, organisations, description)
             SELECT 'delete', id, name, owner, organisations, description FROM project_text WHERE id = ?1",
        )?
        .execute([rowid])?;
    }
    tx.execute("DELETE FROM project_text WHERE id = ?1", [rowid])?;
    tx.execute("DELETE FROM projects WHERE rowid_ = ?1", [rowid])?;
    Ok(())
}

/// True when the full-text index holds nothing yet: an import may then
/// fill the text table and build the index once at the end.
pub fn fts_is_empty(tx: &Transaction) -> Result<bool> {
    Ok(
        tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM project_text)", [], |r| {
            r.get(0)
        })?,
    )
}

/// Builds the full-text index from the text table in one pass.
pub fn rebuild_fts(tx: &Transaction) -> Result<()> {
    tx.execute(
        "INSERT INTO project_fts (project_fts) VALUES ('rebuild')",
        [],
    )?;
    Ok(())
}

/// Each organisation's number of projects (the graph's weights).
pub fn count_organisation_projects(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "UPDATE organisations SET projects = (SELECT count(*) FROM project_orgs WHERE org = organisations.id);
         UPDATE organisations SET family_projects = CASE
             WHEN NOT EXISTS (SELECT 1 FROM organisations c WHERE c.parent = organisations.name)
             THEN projects
             ELSE (SELECT count(DISTINCT po.project) FROM project_orgs po
                   WHERE po.org = organisations.id
                      OR po.org IN (SELECT c.id FROM organisations c WHERE c.parent = organisations.name))
         END;",
    )?;
    Ok(())
}

/// Removes the projects a document is the winning record of, before the
/// document itself goes (they are recomputed from the other records).
pub fn drop_projects_of_document(tx: &Transaction, document_id: i64, defer: bool) -> Result<()> {
    let rowids: Vec<i64> = {
        let mut stmt = tx.prepare_cached("SELECT rowid_ FROM projects WHERE document_id = ?1")?;
        let rows = stmt.query_map([document_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for rowid in rowids {
        drop_project(tx, rowid, defer)?;
    }
    Ok(())
}
