//! Which organisation a name or an organisationsnummer is. Names that
//! differ only in case or spacing are one organisation; names a document
//! gives the same organisationsnummer are one organisation, every name kept.

use crate::ingest::gazetteer::{gazetteer, ActorKind};
use crate::ingest::orgs::is_upper_case;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

/// The key a name is found by: lower case, spaces folded.
pub fn name_key(name: &str) -> String {
    crate::ingest::text::fold_spaces(name).to_lowercase()
}

/// The organisation `name` is, made if new: its id and the name it goes by.
pub fn organisation_of(
    tx: &Transaction,
    name: &str,
    parent: Option<&str>,
) -> rusqlite::Result<(i64, String)> {
    let key = name_key(name);
    let found: Option<(i64, String)> = tx
        .prepare_cached(
            "SELECT o.id, o.name FROM organisation_names n JOIN organisations o ON o.id = n.org
             WHERE n.key = ?1",
        )?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, known)) = found {
        // A name in capitals only ("VELLINGE KOMMUN") gives way to any other.
        if is_upper_case(&known) && !is_upper_case(name) {
            rename(tx, id, &known, name)?;
            tx.prepare_cached("UPDATE organisation_names SET name = ?2 WHERE key = ?1")?
                .execute(params![key, name])?;
            return Ok((id, name.to_string()));
        }
        return Ok((id, known));
    }
    tx.prepare_cached("INSERT INTO organisations (name, parent, kind) VALUES (?1, ?2, ?3)")?
        .execute(params![name, parent, kind_of(name, parent)])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO organisation_names (key, org, name) VALUES (?1, ?2, ?3)")?
        .execute(params![key, id, name])?;
    Ok((id, name.to_string()))
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

/// Ties the organisationsnummer `number` (`NNNNNN-NNNN`) to `org`; a number
/// already another organisation's makes the two one. Returns the id of
/// the organisation that holds it.
pub fn give_number(tx: &Transaction, org: i64, number: &str) -> rusqlite::Result<i64> {
    let holder: Option<i64> = tx
        .prepare_cached("SELECT org FROM organisation_numbers WHERE number = ?1")?
        .query_row([number], |r| r.get(0))
        .optional()?;
    match holder {
        Some(holder) if holder == org => Ok(org),
        Some(holder) => merge(tx, holder, org),
        None => {
            tx.prepare_cached("INSERT INTO organisation_numbers (number, org) VALUES (?1, ?2)")?
                .execute(params![number, org])?;
            Ok(org)
        }
    }
}

/// A link's `as_written`: the name as the document wrote it, or empty
/// where that is the name the link was made by (nine links in ten). Only
/// the record's JSON is read back for it, so the link keeps it for
/// nothing but a record of what the document wrote; empty saves about
/// 1.5 % of the cache. A link moved to another organisation takes its
/// old name along (`move_links`); after a rename, the record's JSON is
/// what still says how the document wrote it.
pub fn written_unless<'a>(written: &'a str, name: &str) -> &'a str {
    if written == name {
        ""
    } else {
        written
    }
}

/// Links project to organisation in a role; linked twice (two names of one
/// organisation), the stronger role stands: owner, partner, municipality,
/// mentioned.
pub const LINK: &str = "INSERT INTO project_orgs (project, org, role, as_written)
    VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT (project, org) DO UPDATE SET role = excluded.role, as_written = excluded.as_written
    WHERE (CASE excluded.role WHEN 'owner' THEN 0 WHEN 'partner' THEN 1 WHEN 'municipality' THEN 2 ELSE 3 END)
        < (CASE project_orgs.role WHEN 'owner' THEN 0 WHEN 'partner' THEN 1 WHEN 'municipality' THEN 2 ELSE 3 END)";

/// Makes `a` and `b` one organisation. The one known by its name (an
/// agency, region or municipality), else the one in more projects, keeps its
/// row and, unless it is written in capitals only, its name.
fn merge(tx: &Transaction, a: i64, b: i64) -> rusqlite::Result<i64> {
    let (keep, gone) = if standing(tx, a)? >= standing(tx, b)? {
        (a, b)
    } else {
        (b, a)
    };
    move_links(tx, gone, keep)?;
    for table in ["organisation_names", "organisation_numbers"] {
        tx.execute(
            &format!("UPDATE {table} SET org = ?1 WHERE org = ?2"),
            [keep, gone],
        )?;
    }
    let (gone_name, gone_parent, gone_kind): (String, Option<String>, String) = tx.query_row(
        "SELECT name, parent, kind FROM organisations WHERE id = ?1",
        [gone],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    tx.execute("DELETE FROM organisations WHERE id = ?1", [gone])?;
    tx.execute(
        "UPDATE organisations SET parent = coalesce(parent, ?2),
             kind = CASE WHEN kind IN ('organisation', 'unit') THEN ?3 ELSE kind END
         WHERE id = ?1",
        params![keep, gone_parent, gone_kind],
    )?;
    let keep_name: String = tx.query_row(
        "SELECT name FROM organisations WHERE id = ?1",
        [keep],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE organisations SET parent = ?1 WHERE parent = ?2",
        params![keep_name, gone_name],
    )?;
    if is_upper_case(&keep_name) && !is_upper_case(&gone_name) {
        rename(tx, keep, &keep_name, &gone_name)?;
    }
    // One cannot be a unit of itself.
    tx.execute(
        "UPDATE organisations SET parent = NULL WHERE id = ?1 AND parent = name",
        [keep],
    )?;
    Ok(keep)
}

/// Whether the organisation is one the reference data knows, and its
/// number of projects: which of two keeps its name.
fn standing(tx: &Transaction, org: i64) -> rusqlite::Result<(bool, i64)> {
    tx.query_row(
        "SELECT kind IN ('agency', 'region', 'municipality'),
                (SELECT count(*) FROM project_orgs WHERE org = ?1)
         FROM organisations WHERE id = ?1",
        [org],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// The projects of `from` become `to`'s, each in its stronger role; a link
/// written by `from`'s own name keeps that name, not `to`'s.
fn move_links(tx: &Transaction, from: i64, to: i64) -> rusqlite::Result<()> {
    let moved: Vec<(i64, String, String)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT l.project, l.role, CASE l.as_written WHEN '' THEN o.name ELSE l.as_written END
             FROM project_orgs l JOIN organisations o ON o.id = l.org WHERE l.org = ?1",
        )?;
        let rows = stmt.query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.execute("DELETE FROM project_orgs WHERE org = ?1", [from])?;
    let mut link = tx.prepare_cached(LINK)?;
    for (project, role, as_written) in moved {
        link.execute(params![project, to, role, as_written])?;
    }
    Ok(())
}

/// The organisation goes by `new` from now on; its units say so too.
fn rename(tx: &Transaction, org: i64, old: &str, new: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE organisations SET name = ?2 WHERE id = ?1",
        params![org, new],
    )?;
    tx.execute(
        "UPDATE organisations SET parent = ?2 WHERE parent = ?1",
        params![old, new],
    )?;
    Ok(())
}

/// Gives every organisation already in a cache its name key, makes one of
/// those whose names differ only in case, and ties each owner to the
/// organisationsnummer its project's record gives (schema version 10).
pub fn unify_all(tx: &Transaction) -> rusqlite::Result<()> {
    let orgs: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, name FROM organisations ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut by_key: HashMap<String, i64> = HashMap::new();
    for (id, name) in orgs {
        let key = name_key(&name);
        if let Some(&other) = by_key.get(&key) {
            by_key.insert(key, merge(tx, other, id)?);
            continue;
        }
        tx.execute(
            "INSERT INTO organisation_names (key, org, name) VALUES (?1, ?2, ?3)",
            params![key, id, name],
        )?;
        by_key.insert(key, id);
    }
    number_owners(tx)?;
    tx.execute_batch(COUNT_PROJECTS)
}

/// Each project's owner gets the organisationsnummer of its record.
fn number_owners(tx: &Transaction) -> rusqlite::Result<()> {
    let numbered: Vec<(i64, String)> = {
        let mut stmt = tx.prepare(
            "SELECT p.rowid_, json_extract(r.record, '$.owner_org_number')
             FROM projects p JOIN records r ON r.document_id = p.document_id
             WHERE json_extract(r.record, '$.owner_org_number') IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (project, written) in numbered {
        let Some(number) = crate::model::org_number::normalise(&written) else {
            continue;
        };
        let owner: Option<i64> = tx
            .query_row(
                "SELECT org FROM project_orgs WHERE project = ?1 AND role = 'owner' LIMIT 1",
                [project],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(owner) = owner {
            give_number(tx, owner, &number)?;
        }
    }
    Ok(())
}

/// Each organisation's number of projects, its own and with its units
/// (the graph's weights).
pub const COUNT_PROJECTS: &str = "UPDATE organisations SET projects = (SELECT count(*) FROM project_orgs WHERE org = organisations.id);
UPDATE organisations SET family_projects = CASE
    WHEN NOT EXISTS (SELECT 1 FROM organisations c WHERE c.parent = organisations.name)
    THEN projects
    ELSE (SELECT count(DISTINCT po.project) FROM project_orgs po
          WHERE po.org = organisations.id
             OR po.org IN (SELECT c.id FROM organisations c WHERE c.parent = organisations.name))
END;";

/// [`COUNT_PROJECTS`] for the organisations of `temp.patch_renamed` (the
/// same numbers; each project of an organisation and its units is found
/// through the index by organisation).
pub const COUNT_PROJECTS_OF: &str = "UPDATE organisations SET projects = (SELECT count(*) FROM project_orgs WHERE org = organisations.id)
WHERE id IN (SELECT org FROM temp.patch_renamed);
UPDATE organisations SET family_projects = CASE
    WHEN NOT EXISTS (SELECT 1 FROM organisations c WHERE c.parent = organisations.name)
    THEN projects
    ELSE (SELECT count(DISTINCT po.project) FROM project_orgs po
          WHERE po.org IN (SELECT organisations.id
                           UNION ALL SELECT c.id FROM organisations c WHERE c.parent = organisations.name))
END
WHERE id IN (SELECT org FROM temp.patch_renamed);";
