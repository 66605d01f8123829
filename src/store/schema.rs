//! Schema migrations: SQL files under `assets/sql/`, applied in order by
//! `PRAGMA user_version`.

use super::APPLICATION_ID;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Migration N (1-based) takes the schema from version N-1 to N.
const MIGRATIONS: &[&str] = &[
    include_str!("../../assets/sql/001_initial.sql"),
    include_str!("../../assets/sql/002_import_log.sql"),
    include_str!("../../assets/sql/003_organisation_parents.sql"),
    include_str!("../../assets/sql/004_external_full_text.sql"),
    include_str!("../../assets/sql/005_projects_by_start.sql"),
    include_str!("../../assets/sql/006_project_list.sql"),
    include_str!("../../assets/sql/007_project_facets.sql"),
    include_str!("../../assets/sql/008_changes.sql"),
    include_str!("../../assets/sql/009_ranked_full_text.sql"),
    include_str!("../../assets/sql/010_organisation_identity.sql"),
    include_str!("../../assets/sql/011_calls_and_linked_documents.sql"),
    include_str!("../../assets/sql/012_search_index.sql"),
    include_str!("../../assets/sql/013_description_once.sql"),
    include_str!("../../assets/sql/014_read_again.sql"),
    include_str!("../../assets/sql/015_project_lists.sql"),
    include_str!("../../assets/sql/016_changed_fields.sql"),
    include_str!("../../assets/sql/017_project_identity.sql"),
    include_str!("../../assets/sql/018_other_fund_projects.sql"),
    include_str!("../../assets/sql/019_short_field_names.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The oldest schema a read-only esf reads as it is, so a team's shared
/// cache stays readable between a new esf and its owner's next import:
/// the migrations after it change only how new rows are written, which
/// this build reads in both forms. A migration that changes a table
/// raises this to its own number (a test holds the later ones to that).
pub const READ_AS_IS_FROM: i64 = 18;

pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies every migration newer than the file's version, each in its own
/// transaction together with the version bump.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, LATEST)
}

/// Migrates up to `target` only (tests build older caches with it).
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    apply(conn, MIGRATIONS, APPLICATION_ID, target, &after_migration)
}

/// What SQL alone cannot do after a migration, in its transaction.
fn after_migration(to: i64, tx: &Transaction) -> rusqlite::Result<()> {
    match to {
        10 => super::organisations::unify_all(tx),
        _ => Ok(()),
    }
}

/// After a migration of a file that needs nothing more.
pub fn nothing_after(_: i64, _: &Transaction) -> rusqlite::Result<()> {
    Ok(())
}

/// Applies `migrations` (N takes the file from version N-1 to N) up to
/// `target`, each in its own IMMEDIATE transaction with the version bump
/// and the file's `application_id`: shared by the cache and the notes.
pub fn apply(
    conn: &mut Connection,
    migrations: &[&str],
    application_id: i32,
    target: i64,
    after: &dyn Fn(i64, &Transaction) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    for (index, sql) in migrations.iter().enumerate() {
        let to = index as i64 + 1;
        if to <= version(conn)? || to > target {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while this one waited.
        if to <= version(&tx)? {
            continue;
        }
        tx.execute_batch(sql)?;
        after(to, &tx)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.pragma_update(None, "application_id", application_id)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_a_read_only_esf_passes_over_change_no_table() {
        for sql in &MIGRATIONS[READ_AS_IS_FROM as usize..] {
            let mut lines = sql.lines().map(str::trim);
            assert!(lines.all(|l| l.is_empty() || l.starts_with("--")), "{sql}");
        }
    }
}
