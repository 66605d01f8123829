//! Opening the notes: refuse what is damaged or newer, back up before
//! migrating, and make every write durable.

use super::{backup, private, Notes, NotesError, Result, APPLICATION_ID};
use crate::i18n::t;
use crate::store::identify::{self, Found};
use crate::store::schema::version;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// Migration N (1-based) takes the notes from version N-1 to N.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../assets/sql/notes/001_annotations.sql"),
    include_str!("../../../assets/sql/notes/002_seen.sql"),
];

/// The notes schema this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn open(path: &Path, own_folder: bool) -> Result<Notes> {
    let refuse = |reason: String| NotesError::Refused {
        path: path.to_path_buf(),
        reason,
        backup: backup::latest_backup(path),
    };
    // Decided from the bytes first: SQLite must never switch another
    // program's database to another journal, or write into it.
    let (real, found) = identify::resolve(path).map_err(|u| refuse(u.to_string()))?;
    let path = real.as_path();
    // An empty file of the user's is notes another esf is making this
    // moment, or one killed while making them left: finished on the first
    // write, as a missing file is made (under SQLite's lock, once).
    if let Some(why) = not_notes(path, &found) {
        return Err(refuse(why.into()));
    }
    if matches!(found, Found::Missing | Found::Empty) {
        return Ok(Notes {
            path: Some(path.to_path_buf()),
            conn: None,
            read_only: false,
            own_folder,
        });
    }
    let read_only = std::fs::OpenOptions::new().append(true).open(path).is_err();
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| damage(e, &refuse))?;
    if let Err(reason) = inspect(&conn).map_err(|e| damage(e, &refuse))? {
        return Err(refuse(reason));
    }
    // Made the owner's only once it is known to be esf notes: another
    // program's database given as --notes keeps its mode.
    if !read_only {
        private::tighten(path, own_folder);
    }
    configure(&conn, read_only).map_err(|e| damage(e, &refuse))?;
    if version(&conn)? < LATEST {
        if read_only {
            let why = t("is from an older esf and read-only, so it cannot be updated");
            return Err(refuse(why.into()));
        }
        backup::before_migration(&conn, path, version(&conn)?)?;
        migrate(&mut conn)?;
    }
    Ok(Notes {
        path: Some(path.to_path_buf()),
        conn: Some(conn),
        read_only,
        own_folder,
    })
}

/// Why what is at `path` is not the user's notes, if it is not.
fn not_notes(path: &Path, found: &Found) -> Option<&'static str> {
    let made_by_esf = *found == Found::Empty && private::is_own_file(path);
    match found {
        Found::Missing => None,
        Found::Empty if made_by_esf => None,
        Found::Database(APPLICATION_ID) => None,
        // SQLite's header and nothing else: the same, a moment later.
        Found::Database(0) if identify::is_blank_database(path) => None,
        Found::Database(crate::store::APPLICATION_ID) => {
            Some(t("is an esf cache, not a notes file"))
        }
        _ => Some(t("is not an esf-browser notes file")),
    }
}

/// Creates the notes file on the first write, readable by its owner only;
/// of the folders, only esf's own default one is created.
pub fn create(path: &Path, own_folder: bool) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private::folder(dir, own_folder)?;
    }
    private::new_file(path)?;
    let mut conn = Connection::open(path)?;
    configure(&conn, false)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// An SQLite error that means the file is not sound notes becomes a refusal.
fn damage(err: rusqlite::Error, refuse: &dyn Fn(String) -> NotesError) -> NotesError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => refuse(t("is not a database file").into()),
        Some(ErrorCode::DatabaseCorrupt) => refuse(t("is damaged").into()),
        _ => err.into(),
    }
}

/// A single file with a rollback journal (no `-wal` beside it to lose when
/// the file is copied to another machine), synced on every commit.
fn configure(conn: &Connection, read_only: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(30))?;
    if !read_only {
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "delete", |r| r.get(0))?;
    }
    conn.pragma_update(None, "synchronous", "full")?;
    Ok(())
}

/// Foreign files, newer schemas and damage only a check notices.
fn inspect(conn: &Connection) -> rusqlite::Result<std::result::Result<(), String>> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version = version(conn)?;
    if tables > 0 && app_id != APPLICATION_ID {
        return Ok(Err(t("is not an esf-browser notes file").into()));
    }
    if version > LATEST {
        return Ok(Err(crate::i18n::tf(
            "is from a newer esf (notes schema {}; this one knows {})",
            &[&version, &LATEST],
        )));
    }
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Ok(Err(t("is damaged").into()));
    }
    Ok(Ok(()))
}

pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, LATEST)
}

/// Migrates up to `target` only (tests build older notes with it).
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    crate::store::schema::apply(
        conn,
        MIGRATIONS,
        APPLICATION_ID,
        target,
        &crate::store::schema::nothing_after,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pragma(conn: &Connection, name: &str) -> String {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| {
            Ok(r.get_ref(0)?
                .as_str()
                .map_or_else(|_| r.get::<_, i64>(0).unwrap().to_string(), str::to_string))
        })
        .unwrap()
    }

    #[test]
    fn every_write_is_synced_and_the_file_stands_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite");
        let created = create(&path, false).unwrap();
        for conn in [&created, open(&path, false).unwrap().conn.as_ref().unwrap()] {
            assert_eq!(pragma(conn, "synchronous"), "2", "FULL");
            assert_eq!(pragma(conn, "journal_mode"), "delete");
        }
    }
}
