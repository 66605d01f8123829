//! An import into a filled cache notes, as it writes, which projects and
//! organisations it changes (temporary triggers, seen by its own
//! connection only), so that at the end the organisations' counts, the
//! facet counts and the search index are patched for those alone instead
//! of made again from every project. What the touched projects were before
//! is read through a second connection that still sees the cache as the
//! run found it (the log keeps that view while the run writes).

use super::index_tail::io_error;
use super::search_index::{NewIndex, EVERY_PROJECT};
use super::summaries::each_summary_at;
use super::{Result, Store};
use crate::catalogue::facets::Facet;
use crate::search::index::SearchIndex;
use rusqlite::{params, Connection, Transaction};
use std::collections::{HashMap, HashSet};

/// A run that touches more projects than this, or than a quarter of the
/// cache, makes the index again: each touched project is read alone.
const PATCHED_AT_MOST: usize = 20_000;

/// The tables and triggers that note what a run changes. A project is
/// `new` when the run made or changed its row, `gone` when a row the cache
/// had before was removed or changed (a changed one is both).
const TRACK: &str = "
CREATE TEMP TABLE IF NOT EXISTS patch_new (row INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS patch_gone (row INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS patch_shared (org INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS patch_renamed (org INTEGER PRIMARY KEY);
DELETE FROM temp.patch_new; DELETE FROM temp.patch_gone;
DELETE FROM temp.patch_shared; DELETE FROM temp.patch_renamed;
CREATE TEMP TRIGGER IF NOT EXISTS patch_project_in AFTER INSERT ON main.projects BEGIN
  {new(new.rowid_)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_project_out AFTER DELETE ON main.projects BEGIN
  {gone(old.rowid_)}
  DELETE FROM patch_new WHERE row = old.rowid_;
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_project_changed AFTER UPDATE ON main.projects BEGIN
  {gone(old.rowid_)} {new(new.rowid_)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_link_in AFTER INSERT ON main.project_orgs BEGIN
  {gone(new.project)} {new(new.project)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_link_out AFTER DELETE ON main.project_orgs BEGIN
  {gone(old.project)} {new(old.project)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_link_changed AFTER UPDATE ON main.project_orgs BEGIN
  {gone(old.project)} {new(old.project)} {new(new.project)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_org_changed
AFTER UPDATE OF name, parent ON main.organisations BEGIN
  {shared(new.id)} {renamed(new.id)}
  INSERT INTO patch_renamed SELECT id FROM main.organisations
    WHERE name IN (old.parent, new.parent) AND id NOT IN (SELECT org FROM patch_renamed);
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_org_out AFTER DELETE ON main.organisations BEGIN
  {shared(old.id)}
  INSERT INTO patch_renamed SELECT id FROM main.organisations
    WHERE name = old.parent AND id NOT IN (SELECT org FROM patch_renamed);
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_org_in AFTER INSERT ON main.organisations
WHEN EXISTS (SELECT 1 FROM main.organisations c WHERE c.parent = new.name) BEGIN
  {renamed(new.id)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_number_in AFTER INSERT ON main.organisation_numbers BEGIN
  {shared(new.org)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_number_changed
AFTER UPDATE ON main.organisation_numbers BEGIN
  {shared(old.org)} {shared(new.org)}
END;
CREATE TEMP TRIGGER IF NOT EXISTS patch_number_out AFTER DELETE ON main.organisation_numbers BEGIN
  {shared(old.org)}
END;";

/// [`TRACK`] with its notes written out. A note is added only when it is
/// not there: `INSERT OR IGNORE` would not do, as a trigger takes the
/// conflict handling of the statement that fired it (an upsert's).
fn track_sql() -> String {
    let note = |table: &str, column: &str, value: &str| {
        format!(
            "INSERT INTO {table} SELECT {value}
             WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {column} = {value});"
        )
    };
    let mut sql = TRACK.to_string();
    let kinds = [
        ("new", "patch_new", "row"),
        ("gone", "patch_gone", "row"),
        ("shared", "patch_shared", "org"),
        ("renamed", "patch_renamed", "org"),
    ];
    for value in [
        "new.rowid_",
        "old.rowid_",
        "new.project",
        "old.project",
        "new.org",
        "old.org",
        "new.id",
        "old.id",
    ] {
        for (kind, table, column) in kinds {
            let written = match kind {
                // A row this run made was not there before it.
                "gone" => format!(
                    "INSERT INTO patch_gone SELECT {value}
                     WHERE NOT EXISTS (SELECT 1 FROM patch_new WHERE row = {value})
                       AND NOT EXISTS (SELECT 1 FROM patch_gone WHERE row = {value});"
                ),
                _ => note(table, column, value),
            };
            sql = sql.replace(&format!("{{{kind}({value})}}"), &written);
        }
    }
    sql
}

const UNTRACK: &str = "
DROP TRIGGER IF EXISTS temp.patch_project_in; DROP TRIGGER IF EXISTS temp.patch_project_out;
DROP TRIGGER IF EXISTS temp.patch_project_changed; DROP TRIGGER IF EXISTS temp.patch_link_in;
DROP TRIGGER IF EXISTS temp.patch_link_out; DROP TRIGGER IF EXISTS temp.patch_link_changed;
DROP TRIGGER IF EXISTS temp.patch_org_changed; DROP TRIGGER IF EXISTS temp.patch_org_out;
DROP TRIGGER IF EXISTS temp.patch_org_in; DROP TABLE IF EXISTS temp.patch_renamed;
DROP TRIGGER IF EXISTS temp.patch_number_in; DROP TRIGGER IF EXISTS temp.patch_number_changed;
DROP TRIGGER IF EXISTS temp.patch_number_out;
DROP TABLE IF EXISTS temp.patch_new; DROP TABLE IF EXISTS temp.patch_gone;
DROP TABLE IF EXISTS temp.patch_shared;";

/// The cache as a run found it, and the run's notes of what it changes.
pub(super) struct Tracked {
    before: Store,
}

/// Starts noting what the run in `tx` changes; `before` is a second
/// connection to the cache, which is made to keep the view it has now.
pub(super) fn track(tx: &Transaction, before: Store) -> Result<Tracked> {
    tx.execute_batch(&track_sql())?;
    before.conn.execute_batch("BEGIN")?;
    let _: i64 = before
        .conn
        .query_row("SELECT count(*) FROM imports", [], |r| r.get(0))?;
    Ok(Tracked { before })
}

/// Stops noting (the triggers and notes go before the commit).
pub(super) fn untrack(tx: &Transaction) -> Result<()> {
    tx.execute_batch(UNTRACK)?;
    Ok(())
}

/// Each organisation's numbers of projects after the run: the projects it
/// touched taken off as they were and added as they are (a project counts
/// for each organisation it is linked to and each one those belong to).
/// Those the run renamed, moved or merged, those they belonged to, and
/// one it made that others already named as theirs, are counted again.
pub(super) fn count_organisations(tx: &Transaction, tracked: &Tracked) -> Result<()> {
    let renamed: HashSet<i64> = rows(tx, "SELECT org FROM temp.patch_renamed")?
        .into_iter()
        .collect();
    let gone = rows(tx, "SELECT row FROM temp.patch_gone")?;
    let new = rows(tx, "SELECT row FROM temp.patch_new")?;
    let mut delta: HashMap<i64, (i64, i64)> = HashMap::new();
    count_links(&tracked.before.conn, &gone, -1, &mut delta)?;
    count_links(tx, &new, 1, &mut delta)?;
    let mut update = tx.prepare_cached(
        "UPDATE organisations SET projects = projects + ?2, family_projects = family_projects + ?3
         WHERE id = ?1",
    )?;
    for (org, (own, family)) in delta {
        if (own != 0 || family != 0) && !renamed.contains(&org) {
            update.execute(params![org, own, family])?;
        }
    }
    if !renamed.is_empty() {
        tx.execute_batch(super::organisations::COUNT_PROJECTS_OF)?;
    }
    Ok(())
}

/// Adds `sign` to the counts in `delta` of each organisation the projects
/// of `rows` are linked to (own) and of each one those belong to (family).
fn count_links(
    conn: &Connection,
    rows: &[i64],
    sign: i64,
    delta: &mut HashMap<i64, (i64, i64)>,
) -> Result<()> {
    let mut links = conn.prepare_cached(
        "SELECT po.org, p.id FROM project_orgs po JOIN organisations o ON o.id = po.org
         LEFT JOIN organisations p ON p.name = o.parent WHERE po.project = ?1",
    )?;
    for &row in rows {
        let mut families = Vec::new();
        let found = links.query_map([row], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?)))?;
        for link in found {
            let (org, parent) = link?;
            delta.entry(org).or_default().0 += sign;
            families.push(org);
            families.extend(parent);
        }
        families.sort_unstable();
        families.dedup();
        for org in families {
            delta.entry(org).or_default().1 += sign;
        }
    }
    Ok(())
}

/// Patches the facet counts and the stored index for the projects the run
/// touched. False, and nothing written, when it cannot: they are then made
/// again from every project.
pub(super) fn patch_index(tx: &Transaction, tracked: &Tracked, new: NewIndex) -> Result<bool> {
    let before = &tracked.before.conn;
    let projects: i64 = tx.query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
    let most = PATCHED_AT_MOST.max(projects as usize / 4);
    let Some(refreshed) = mark_shared(tx, before, most)? else {
        return Ok(false);
    };
    let gone = rows(tx, "SELECT row FROM temp.patch_gone ORDER BY row")?;
    let changed = rows(tx, "SELECT row FROM temp.patch_new ORDER BY row")?;
    if gone.len() + changed.len() + refreshed.len() > most {
        return Ok(false);
    }
    let (mut old, mut old_count) = (new(), 0i64);
    each_summary_at(before, &gone, |rowid, summary, fields, facets| {
        old.add(rowid, summary, fields, facets);
        old_count += 1;
    })?;
    // Every project indexed again; the facets counted of those changed.
    let indexed = union(&changed, &refreshed);
    let (mut fresh, mut counted, mut new_count) = (new(), new(), 0i64);
    each_summary_at(tx, &indexed, |rowid, summary, fields, facets| {
        if changed.binary_search(&rowid).is_ok() {
            counted.add(rowid, summary.clone(), fields, facets);
            new_count += 1;
        }
        fresh.add(rowid, summary, fields, facets)
    })?;
    let read = format!(
        "touched projects read ({} before, {} after, {} of them for an organisation's number)",
        gone.len(),
        indexed.len(),
        refreshed.len()
    );
    super::profile::mark(&read);
    let (removed, put) = (old.counts(), counted.counts());
    let built = fresh.build().map_err(io_error)?;
    let size = built.data.len() as u64;
    let fresh = SearchIndex::read_from(&built.data[..], size).map_err(io_error)?;
    let left_out = union(&gone, &refreshed);
    if !super::index_tail::put(tx, &left_out, &fresh, projects as usize)? {
        return Ok(false);
    }
    add_facet_counts(tx, &removed, &put, new_count - old_count)?;
    Ok(true)
}

/// The numbers of two rising lists, rising, each once.
fn union(a: &[i64], b: &[i64]) -> Vec<i64> {
    let mut all = [a, b].concat();
    all.sort_unstable();
    all.dedup();
    all
}

/// The projects linked before the run to an organisation whose name,
/// parent or first number it changed (their fields change too). Those of
/// an organisation renamed, moved or removed are noted as changed; those
/// of one whose first number alone changed are given back (rising), to be
/// indexed again: their facets are as they were, so they are not read as
/// they were nor counted. None when they are more than `most`.
fn mark_shared(tx: &Transaction, before: &Connection, most: usize) -> Result<Option<Vec<i64>>> {
    let shared = rows(tx, "SELECT org FROM temp.patch_shared")?;
    let mut linked = before.prepare_cached("SELECT project FROM project_orgs WHERE org = ?1")?;
    let mut gone = tx.prepare_cached("INSERT OR IGNORE INTO temp.patch_gone VALUES (?1)")?;
    let mut new = tx.prepare_cached("INSERT OR IGNORE INTO temp.patch_new VALUES (?1)")?;
    let (mut marked, mut refreshed) = (0, Vec::new());
    for org in shared {
        let change = org_change(tx, before, org)?;
        if change == OrgChange::None {
            continue;
        }
        let projects = linked.query_map([org], |r| r.get::<_, i64>(0))?;
        for project in projects {
            let project = project?;
            match change {
                OrgChange::Number => refreshed.push(project),
                _ => {
                    gone.execute([project])?;
                    new.execute([project])?;
                }
            }
            marked += 1;
            if marked > most {
                return Ok(None);
            }
        }
    }
    refreshed.sort_unstable();
    refreshed.dedup();
    Ok(Some(refreshed))
}

/// How the run changed an organisation, as its projects' index entries
/// and facets see it.
#[derive(PartialEq, Eq)]
enum OrgChange {
    /// Its name, parent and first number are as they were: nothing.
    None,
    /// Its first number alone: their index entries, not their facets.
    Number,
    /// Renamed, moved or removed.
    Other,
}

/// What the run changed of organisation `org` that its projects show:
/// its name and parent (their facets) and its first number (the one the
/// index holds; a further number changes nothing there).
fn org_change(tx: &Transaction, before: &Connection, org: i64) -> Result<OrgChange> {
    type Shown = (String, Option<String>, Option<String>);
    let sql = "SELECT name, parent,
                      (SELECT min(number) FROM organisation_numbers WHERE org = ?1)
               FROM organisations WHERE id = ?1";
    let read = |conn: &Connection| -> Result<Option<Shown>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let row = stmt.query_row([org], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)));
        Ok(rusqlite::OptionalExtension::optional(row)?)
    };
    let (now, was) = (read(tx)?, read(before)?);
    Ok(match (now, was) {
        (Some(now), Some(was)) if now == was => OrgChange::None,
        (Some(now), Some(was)) if (&now.0, &now.1) == (&was.0, &was.1) => OrgChange::Number,
        _ => OrgChange::Other,
    })
}

fn rows(conn: &Connection, sql: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Takes the counts of the projects as they were off the stored facet
/// counts and adds those of the projects as they are; a value no project
/// has any more goes.
fn add_facet_counts(
    tx: &Transaction,
    removed: &[(Facet, String, usize)],
    put: &[(Facet, String, usize)],
    projects: i64,
) -> Result<()> {
    let mut delta: HashMap<(&str, &str), i64> = HashMap::new();
    for (facet, value, n) in removed {
        *delta.entry((facet.name(), value.as_str())).or_default() -= *n as i64;
    }
    for (facet, value, n) in put {
        *delta.entry((facet.name(), value.as_str())).or_default() += *n as i64;
    }
    *delta.entry((EVERY_PROJECT, "")).or_default() += projects;
    delta.retain(|_, n| *n != 0);
    let mut stmt = tx.prepare("SELECT rowid, facet, value, projects FROM facet_counts")?;
    let mut stored: HashMap<(String, String), (i64, i64)> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        let key: (String, String) = (r.get(1)?, r.get(2)?);
        let value: (i64, i64) = (r.get(0)?, r.get(3)?);
        Ok((key, value))
    })?;
    for row in rows {
        let (key, value) = row?;
        if delta.contains_key(&(key.0.as_str(), key.1.as_str())) {
            stored.insert(key, value);
        }
    }
    for ((facet, value), n) in delta {
        let now = stored.get(&(facet.to_string(), value.to_string()));
        match now {
            Some(&(rowid, was)) if was + n <= 0 => {
                tx.execute("DELETE FROM facet_counts WHERE rowid = ?1", [rowid])?
            }
            Some(&(rowid, was)) => tx.execute(
                "UPDATE facet_counts SET projects = ?2 WHERE rowid = ?1",
                params![rowid, was + n],
            )?,
            None if n > 0 => tx.execute(
                "INSERT INTO facet_counts (facet, value, projects) VALUES (?1, ?2, ?3)",
                params![facet, value, n],
            )?,
            None => 0,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_note_of_the_triggers_is_written_out() {
        let sql = super::track_sql();
        assert!(!sql.contains('{'), "{sql}");
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE projects (rowid_ INTEGER PRIMARY KEY);
             CREATE TABLE project_orgs (project, org, PRIMARY KEY (project, org));
             CREATE TABLE organisations (id INTEGER PRIMARY KEY, name, parent);
             CREATE TABLE organisation_numbers (number PRIMARY KEY, org);",
        )
        .unwrap();
        conn.execute_batch(&sql).unwrap();
    }
}
