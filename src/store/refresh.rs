//! Recomputing projects from records: for each key the newest record wins;
//! an article's project stands alone only when no record names it.

use super::organisations::{self, organisation_of};
use super::touched::{Before, NamePair, Touched};
use super::Result;
use crate::ingest::gazetteer::gazetteer;
use crate::ingest::orgs::is_generic;
use crate::model::{ChangeKind, OrgLink, Project, Role};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeSet, HashMap};

/// One record that gives a project.
pub struct Candidate {
    pub document_id: i64,
    pub path: String,
    pub from_article: bool,
    /// A row of a project list (one source among others, not a rival).
    pub from_list: bool,
    pub names: NamePair,
    pub project: Project,
    /// A hash of the record: equal fingerprints, equal projects.
    pub fingerprint: i64,
}

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
    let fields = crate::model::field_sources::changed_fields(before, after).join(",");
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

/// Inserts a project with its links and text; `defer_fts` leaves the
/// full-text index to a rebuild at the end of the run.
pub fn insert_project(tx: &Transaction, key: &str, c: &Candidate, defer_fts: bool) -> Result<()> {
    let p = &c.project;
    let (named, in_text) = municipality_columns(p);
    tx.prepare_cached(
        "INSERT INTO projects (key, id, document_id, name, owner, region, fund, programme_period,
             start_date, end_date, total_budget_sek, esf_grant_sek, municipalities,
             name_key, owner_key, record, programme_area, programme_area_name,
             specific_objective, phase, fingerprint, municipalities_in_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             ?17, ?18, ?19, ?20, ?21, ?22)",
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
        named,
        c.names.0,
        c.names.1,
        // The record itself is kept once, in `records` (its document's row).
        "",
        p.programme_area,
        p.programme_area_name,
        p.specific_objective,
        p.phase,
        c.fingerprint,
        in_text,
    ])?;
    let rowid = tx.last_insert_rowid();
    let numbered = numbered_owner(p);
    for (at, link) in p.organisations.iter().enumerate() {
        // A kind of actor named in passing links nothing (the record keeps it).
        if link.role != Role::Owner && is_generic(gazetteer(), &link.name) {
            continue;
        }
        let number = numbered
            .as_ref()
            .filter(|(owner, _)| *owner == at)
            .map(|(_, n)| n.as_str());
        link_organisation(tx, rowid, link, number)?;
    }
    for municipality in linked_municipalities(p) {
        link_municipality(tx, rowid, municipality)?;
    }
    index_text(tx, rowid, c, defer_fts)
}

/// Which owner link the organisationsnummer is of, and the number: the
/// organisation itself, not its unit (an owner written "Socialförvaltning
/// Hisingen, Göteborgs Stad" is also linked to Göteborgs Stad, whose number
/// the document gives).
fn numbered_owner(p: &Project) -> Option<(usize, String)> {
    let number = crate::model::org_number::normalise(p.owner_org_number.as_deref()?)?;
    let owners = || {
        p.organisations
            .iter()
            .enumerate()
            .filter(|(_, l)| l.role == Role::Owner)
    };
    let (at, _) = owners()
        .find(|(_, l)| l.parent.is_none())
        .or_else(|| owners().next())?;
    Some((at, number))
}

/// The project's municipalities, joined: those the document gives as such
/// (list, owner, partner, place), and those only its text names.
fn municipality_columns(p: &Project) -> (String, String) {
    let only_text = |name: &String| {
        p.municipality_sources
            .iter()
            .any(|s| &s.name == name && s.from.iter().all(|f| f == "text"))
    };
    let (in_text, named): (Vec<&String>, Vec<&String>) =
        p.municipalities.iter().partition(|m| only_text(m));
    let join = |names: Vec<&String>| {
        names
            .into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("; ")
    };
    (join(named), join(in_text))
}

/// The municipalities that tie the project to the municipality's own
/// organisation in the graph: those a list or the beneficiary's town give
/// (an owner or partner is linked as itself; a name in the text links
/// nothing). Records from before sources were kept: every one.
fn linked_municipalities(p: &Project) -> Vec<&str> {
    if p.municipality_sources.is_empty() {
        return p.municipalities.iter().map(String::as_str).collect();
    }
    let linking = |from: &String| from == "list" || from == "place";
    p.municipality_sources
        .iter()
        .filter(|s| s.from.iter().any(linking))
        .map(|s| s.name.as_str())
        .collect()
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
    let (org, _) = organisation_of(tx, &name, None)?;
    tx.prepare_cached(organisations::LINK)?.execute(params![
        project,
        org,
        "municipality",
        written
    ])?;
    Ok(())
}

/// Links the organisation (its parent first, so the link names the
/// parent as the cache knows it); the owner gets its organisationsnummer.
fn link_organisation(
    tx: &Transaction,
    project: i64,
    link: &OrgLink,
    number: Option<&str>,
) -> Result<()> {
    let parent = match &link.parent {
        Some(parent) => Some(organisation_of(tx, parent, None)?.1),
        None => None,
    };
    let (mut org, _) = organisation_of(tx, &link.name, parent.as_deref())?;
    if let Some(number) = number {
        org = organisations::give_number(tx, org, number)?;
    }
    tx.prepare_cached(organisations::LINK)?.execute(params![
        project,
        org,
        link.role.as_str(),
        link.as_written
    ])?;
    Ok(())
}

/// Full text: name, owner and organisation names in the text table; the
/// description is read from beside the project's record through the
/// index's view.
fn index_text(tx: &Transaction, rowid: i64, c: &Candidate, defer: bool) -> Result<()> {
    let p = &c.project;
    let orgs: Vec<&str> = p.organisations.iter().map(|o| o.name.as_str()).collect();
    tx.prepare_cached(
        "INSERT INTO project_text (id, name, owner, organisations) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![rowid, p.name, p.owner, orgs.join("; ")])?;
    if !defer {
        tx.prepare_cached(&format!(
            "INSERT INTO project_fts (rowid, {FTS_COLUMNS}) SELECT id, {FTS_COLUMNS} {FTS_ROW}"
        ))?
        .execute([rowid])?;
    }
    Ok(())
}

/// The index's columns, and one project's row of its view: what goes in
/// is read where what comes out is, so a removal takes out exactly the
/// words its insertion put in. The record must still be there.
const FTS_COLUMNS: &str = "name, owner, organisations, description";
const FTS_ROW: &str = "FROM project_fts_content WHERE id = ?1";

fn drop_project(tx: &Transaction, rowid: i64, defer: bool) -> Result<()> {
    if !defer {
        tx.prepare_cached(&format!(
            "INSERT INTO project_fts (project_fts, rowid, {FTS_COLUMNS})
             SELECT 'delete', id, {FTS_COLUMNS} {FTS_ROW}"
        ))?
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
    tx.execute_batch(organisations::COUNT_PROJECTS)?;
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
