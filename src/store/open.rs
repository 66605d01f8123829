//! Opening a cache: create, migrate, or detect damage and rebuild from the
//! recorded sources. A damaged cache is never shown half-read.

use super::{schema, sources, Result, Store, StoreError, APPLICATION_ID};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};

/// An open cache and, when it had to be rebuilt, the one line saying so.
pub struct Opened {
    pub store: Store,
    pub notice: Option<String>,
}

/// Files up to this size get a `quick_check` on every open; it costs about
/// a second per gigabyte, so larger caches rely on SQLite's own errors.
const QUICK_CHECK_LIMIT: u64 = 256 * 1024 * 1024;

enum Problem {
    Damaged(String),
    Failed(StoreError),
}

impl From<StoreError> for Problem {
    fn from(err: StoreError) -> Problem {
        match err {
            StoreError::Sqlite(e) => e.into(),
            other => Problem::Failed(other),
        }
    }
}

impl From<rusqlite::Error> for Problem {
    fn from(err: rusqlite::Error) -> Problem {
        match damage(&err) {
            Some(reason) => Problem::Damaged(reason),
            None => Problem::Failed(err.into()),
        }
    }
}

/// The reason, when an SQLite error means the file is not a sound cache.
fn damage(err: &rusqlite::Error) -> Option<String> {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Some("not a database file".into()),
        Some(ErrorCode::DatabaseCorrupt) => Some("damaged".into()),
        _ => None,
    }
}

pub fn open(path: &Path) -> Result<Opened> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    let writable = is_writable(path);
    // SQLite takes an empty file for a new database; with sources on
    // record it is a cache that lost its contents.
    let emptied = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
    if emptied && writable && !sources::read(path).is_empty() {
        return rebuild(path, "empty (zero bytes)");
    }
    match check(path, writable) {
        Ok(store) => Ok(Opened {
            store,
            notice: None,
        }),
        Err(Problem::Damaged(reason)) if writable => rebuild(path, &reason),
        Err(Problem::Damaged(reason)) => Err(StoreError::ReadOnly {
            path: path.display().to_string(),
            why: format!("{reason}; it can only be rebuilt by someone who may write to it"),
        }),
        Err(Problem::Failed(err)) => Err(err),
    }
}

/// Can this process write the cache file (or create it)?
fn is_writable(path: &Path) -> bool {
    if path.exists() {
        return std::fs::OpenOptions::new().append(true).open(path).is_ok();
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    !std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
}

fn check(path: &Path, writable: bool) -> std::result::Result<Store, Problem> {
    let flags = if writable {
        OpenFlags::default()
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    inspect(&conn, path)?;
    let mut store = Store {
        conn,
        path: Some(path.to_path_buf()),
        read_only: !writable,
    };
    store.configure()?;
    bring_up_to_date(&mut store)?;
    Ok(store)
}

/// Foreign files, newer schemas and damage that SQLite reports on reading.
fn inspect(conn: &Connection, path: &Path) -> std::result::Result<(), Problem> {
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version = schema::version(conn)?;
    if tables > 0 && app_id != APPLICATION_ID {
        return Err(Problem::Damaged("not an esf-browser cache".into()));
    }
    if version > schema::LATEST {
        return Err(Problem::Damaged(format!(
            "written by a newer esf (schema {version}; this one knows {})",
            schema::LATEST
        )));
    }
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size <= QUICK_CHECK_LIMIT {
        let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(Problem::Damaged("damaged".into()));
        }
    }
    Ok(())
}

fn bring_up_to_date(store: &mut Store) -> std::result::Result<(), Problem> {
    let version = schema::version(&store.conn)?;
    if version == schema::LATEST {
        return Ok(());
    }
    if store.read_only {
        return Err(Problem::Failed(StoreError::ReadOnly {
            path: store.display_path(),
            why: format!(
                "has schema {version}; this esf needs {} (run `esf import` as its owner)",
                schema::LATEST
            ),
        }));
    }
    schema::migrate(&mut store.conn)?;
    Ok(())
}

/// Moves the damaged file aside, creates a new cache and imports every
/// recorded source into it.
fn rebuild(path: &Path, reason: &str) -> Result<Opened> {
    let aside = path.with_extension("damaged");
    let io = |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    };
    std::fs::rename(path, &aside).map_err(io)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    let mut store = match check(path, true) {
        Ok(store) => store,
        Err(Problem::Failed(e)) => return Err(e),
        Err(Problem::Damaged(r)) => {
            return Err(StoreError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(r),
            })
        }
    };
    let recorded = sources::read(path);
    let report = super::import::import_sources(&mut store, &recorded)?;
    let notice = format!(
        "the cache at {} was {reason}; moved it to {} and rebuilt it from {} recorded source(s) ({} projects)",
        path.display(),
        aside.display(),
        recorded.len(),
        report.projects
    );
    Ok(Opened {
        store,
        notice: Some(notice),
    })
}
