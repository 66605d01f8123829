//! A project's rows in the cache: the project, its links to organisations
//! and municipalities, its full-text row; put in from the record that
//! stands for it, and taken out again.

use super::organisations::{self, organisation_of};
use super::touched::NamePair;
use super::Result;
use crate::ingest::gazetteer::gazetteer;
use crate::ingest::orgs::is_generic;
use crate::model::{OrgLink, Project, Role};
use rusqlite::{params, Transaction};

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
        organisations::written_unless(written, &name)
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
        organisations::written_unless(&link.as_written, &link.name)
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

pub(super) fn drop_project(tx: &Transaction, rowid: i64, defer: bool) -> Result<()> {
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
