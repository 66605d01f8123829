//! A project without a diarienummer in one source (a Kohesio row with no
//! local identifier, a page) is the numbered project of another source
//! when organisationsnummer, name and start date all agree, and only one
//! numbered project has them: its records then take that project's key.

use super::keys::name_key;
use super::touched::Touched;
use super::Result;
use crate::model::{org_number, Project};
use rusqlite::{params, Transaction};

/// `NNNNNN-NNNN|name|start`: what must agree; none without all three.
pub fn identity_of(p: &Project) -> Option<String> {
    let number = org_number::normalise(p.owner_org_number.as_deref()?)?;
    let name = name_key(p.name.as_deref())?;
    let start = p.start_date.as_deref().filter(|s| !s.is_empty())?;
    Some(format!("{number}|{name}|{start}"))
}

/// The key a record of `p` is kept under: its own, or, when it has no
/// diarienummer, the one numbered project that shares its identity.
/// A numbered record takes over the records that waited for it.
pub fn key_for(
    tx: &Transaction,
    p: &Project,
    identity: Option<&str>,
    own_key: String,
    touched: &mut Touched,
) -> Result<String> {
    let Some(identity) = identity else {
        return Ok(own_key);
    };
    let numbered = numbered_keys(tx, identity)?;
    if p.id.is_none() {
        return Ok(match numbered.as_slice() {
            [only] => only.clone(),
            _ => own_key,
        });
    }
    // Another numbered project with the same identity: which one the
    // unnumbered records are is not known, so they stay apart.
    if numbered.iter().all(|k| *k == own_key) {
        take_over_unnumbered(tx, identity, &own_key, touched)?;
    }
    Ok(own_key)
}

/// The keys of numbered projects with this identity (two at most).
fn numbered_keys(tx: &Transaction, identity: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT DISTINCT project_key FROM records
         WHERE identity = ?1 AND substr(project_key, 1, 2) <> 'x-' LIMIT 2",
    )?;
    let keys = stmt.query_map([identity], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// Moves the unnumbered records of this identity to `key`; the keys they
/// leave are recomputed (their project goes) with `key`'s.
fn take_over_unnumbered(
    tx: &Transaction,
    identity: &str,
    key: &str,
    touched: &mut Touched,
) -> Result<()> {
    let mut left = tx.prepare_cached(
        "SELECT DISTINCT project_key FROM records
         WHERE identity = ?1 AND substr(project_key, 1, 2) = 'x-'",
    )?;
    let old: Vec<String> = left
        .query_map([identity], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if old.is_empty() {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE records SET project_key = ?2
         WHERE identity = ?1 AND substr(project_key, 1, 2) = 'x-'",
    )?
    .execute(params![identity, key])?;
    touched.keys.extend(old.iter().cloned());
    touched.joined.extend(old);
    touched.keys.insert(key.to_string());
    Ok(())
}
