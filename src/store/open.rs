//! Opening a cache: create, migrate, or detect damage, set the damaged file
//! aside and start a new one (the import pipeline fills it from the
//! recorded sources). A damaged cache is never shown half-read.

use super::identify::{self, Found};
use super::{schema, sources, Result, Store, StoreError, APPLICATION_ID};
use crate::i18n::{t, tf};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};

/// An open cache and, when it had to be started anew, what to fill it from.
pub struct Opened {
    pub store: Store,
    pub rebuild: Option<Rebuild>,
}

/// A damaged cache set aside: the new one is to be filled from `sources`.
pub struct Rebuild {
    pub path: PathBuf,
    pub reason: String,
    pub aside: PathBuf,
    pub sources: sources::Recorded,
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
        Some(ErrorCode::NotADatabase) => Some(t("not a database file").into()),
        Some(ErrorCode::DatabaseCorrupt) => Some(t("damaged").into()),
        _ => None,
    }
}

/// Where the cache may be opened, decided before anything is written:
/// links are followed only to a file that is there, a file esf did not
/// make is refused (it is never moved, written or switched to another
/// journal), and only esf's own default folder is created on demand.
pub struct Place {
    pub path: PathBuf,
    found: Found,
}

pub fn place(path: &Path, is_default: bool) -> Result<Place> {
    let refuse = |why: String| StoreError::Refused {
        path: path.display().to_string(),
        why,
    };
    let (real, found) = identify::resolve(path).map_err(|u| refuse(u.to_string()))?;
    // A list beside a file makes it esf's only when the file itself does
    // not say it belongs to another program (an application id of its own).
    // A file in esf's own default place that SQLite or an earlier esf left
    // unfinished (a first run killed early) is esf's: it is finished.
    let unfinished = match found {
        Found::Empty => true,
        Found::Database(0) => identify::is_blank_database(&real),
        _ => false,
    };
    let ours = match found {
        Found::Missing | Found::Database(APPLICATION_ID) => true,
        Found::Database(id) if id != 0 => false,
        _ => (unfinished && is_default) || sources::is_list(&real),
    };
    if !ours {
        let mut why = foreign(&found);
        if let sources::Recorded::Distrusted { why: list, .. } = sources::read(&real) {
            why = tf("{} (the list of sources beside it {})", &[&why, &list]);
        }
        return Err(refuse(why));
    }
    folder_for(&real, is_default)?;
    Ok(Place { path: real, found })
}

/// Why a file is not taken for a cache.
fn foreign(found: &Found) -> String {
    let what = match found {
        Found::Database(super::notes::APPLICATION_ID) => t("holds esf notes, not a cache"),
        Found::Database(_) => t("is another program's database, not an esf cache"),
        Found::Empty => t("is an empty file esf did not make"),
        _ => t("is not an esf cache (esf did not make it)"),
    };
    tf("{}; give --db a new file name or an esf cache", &[&what])
}

/// The cache's folder: created only when it is esf's default one.
fn folder_for(path: &Path, is_default: bool) -> Result<()> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    if !is_default {
        return Err(StoreError::NoFolder(dir.display().to_string()));
    }
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.display().to_string(),
        source,
    })
}

/// What a command does with the cache: only an import may set a damaged
/// one aside and rebuild it; a command that reads never writes for that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Import,
}

pub fn open(place: Place, access: Access) -> Result<Opened> {
    let path = place.path.as_path();
    let writable = is_writable(path);
    if place.found == Found::Missing && writable {
        super::create::create(path)?;
    }
    // An empty file with a list beside it had a cache in it; one without
    // is a first run's that never got as far (finished here).
    let emptied = matches!(place.found, Found::Empty) && sources::is_list(path);
    let damaged = match place.found {
        Found::Empty if emptied => Some("empty (zero bytes)"),
        Found::Missing | Found::Empty | Found::Database(APPLICATION_ID | 0) => None,
        Found::Database(_) => Some("not an esf-browser cache"),
        Found::Other => Some("not a database file"),
    };
    if let Some(reason) = damaged {
        return rebuild_if_allowed(path, writable, access, t(reason).to_string());
    }
    match check(path, writable) {
        Ok(store) => Ok(Opened {
            store,
            rebuild: None,
        }),
        Err(Problem::Damaged(reason)) => rebuild_if_allowed(path, writable, access, reason),
        Err(Problem::Failed(err)) => Err(err),
    }
}

fn rebuild_if_allowed(
    path: &Path,
    writable: bool,
    access: Access,
    reason: String,
) -> Result<Opened> {
    if access == Access::Read {
        return Err(StoreError::Damaged {
            path: path.display().to_string(),
            why: reason,
        });
    }
    if writable {
        return rebuild(path, &reason);
    }
    Err(StoreError::ReadOnly {
        path: path.display().to_string(),
        why: tf(
            "{}; it can only be rebuilt by someone who may write to it",
            &[&reason],
        ),
    })
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
    let conn = if writable {
        Connection::open_with_flags(path, OpenFlags::default())?
    } else {
        read_only(path)?
    };
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
        return Err(Problem::Damaged(t("not an esf-browser cache").into()));
    }
    if version > schema::LATEST {
        return Err(Problem::Damaged(tf(
            "written by a newer esf (schema {}; this one knows {})",
            &[&version, &schema::LATEST],
        )));
    }
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size <= QUICK_CHECK_LIMIT {
        let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(Problem::Damaged(t("damaged").into()));
        }
    }
    Ok(())
}

fn bring_up_to_date(store: &mut Store) -> std::result::Result<(), Problem> {
    let version = schema::version(&store.conn)?;
    if version == schema::LATEST || (store.read_only && version >= schema::READ_AS_IS_FROM) {
        return Ok(());
    }
    if store.read_only {
        return Err(Problem::Failed(StoreError::ReadOnly {
            path: store.display_path(),
            why: tf(
                "has schema {}; this esf needs {} (run `esf import` as its owner)",
                &[&version, &schema::LATEST],
            ),
        }));
    }
    schema::migrate(&mut store.conn)?;
    Ok(())
}

/// A read-only connection. A cache whose log files are gone (copied, or
/// closed by another program) cannot be opened read-only by SQLite, which
/// would have to create them: with no log there is nothing but the file
/// to read, so it is opened as unchanging.
pub(super) fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    let readable = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    let log = &identify::sidecars(path)[0];
    match readable {
        Err(e) if damage(&e).is_none() && !log.exists() => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let flags = flags | OpenFlags::SQLITE_OPEN_URI;
            Connection::open_with_flags(uri, flags)
        }
        _ => Ok(conn),
    }
}

/// A path as an SQLite URI path: absolute, one leading slash, and every
/// byte but letters, digits and `/-._~` percent-encoded (spaces, `?`, `#`,
/// `%` and bytes that are not UTF-8 alike).
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let bytes = absolute.as_os_str().as_bytes();
    let start = bytes
        .iter()
        .take_while(|&&b| b == b'/')
        .count()
        .saturating_sub(1);
    let mut out = String::new();
    for &b in &bytes[start..] {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Moves the damaged file aside, creates a new cache and imports every
/// recorded source into it.
fn rebuild(path: &Path, reason: &str) -> Result<Opened> {
    let aside = move_aside(path).map_err(|source| StoreError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let store = match check(path, true) {
        Ok(store) => store,
        Err(Problem::Failed(e)) => return Err(e),
        Err(Problem::Damaged(r)) => {
            return Err(StoreError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(r),
            })
        }
    };
    let rebuild = Rebuild {
        path: path.to_path_buf(),
        reason: reason.to_string(),
        aside,
        sources: sources::read(path),
    };
    Ok(Opened {
        store,
        rebuild: Some(rebuild),
    })
}

/// Moves a damaged cache and its log files to `<name>.damaged`, or
/// `<name>.damaged-2`, … : never over an earlier copy, and never leaving a
/// log behind that SQLite would then delete. Every file gets its new name
/// before any old one goes.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    for n in 1.. {
        let mut name = path.as_os_str().to_owned();
        name.push(if n == 1 {
            ".damaged".to_string()
        } else {
            format!(".damaged-{n}")
        });
        let aside = PathBuf::from(name);
        let taken = std::iter::once(aside.clone())
            .chain(identify::sidecars(&aside))
            .any(|p| std::fs::symlink_metadata(p).is_ok());
        if taken || !link_new(path, &aside)? {
            continue;
        }
        let pairs: Vec<(PathBuf, PathBuf)> = identify::sidecars(path)
            .into_iter()
            .zip(identify::sidecars(&aside))
            .filter(|(side, _)| side.exists())
            .collect();
        for (side, side_aside) in &pairs {
            link_new(side, side_aside)?;
        }
        for (side, _) in &pairs {
            remove_if_there(side)?;
        }
        remove_if_there(path)?;
        return Ok(aside);
    }
    unreachable!("some name is free")
}

/// Gives `from` the new name `to` as well, unless `to` is taken (false).
fn link_new(from: &Path, to: &Path) -> std::io::Result<bool> {
    match std::fs::hard_link(from, to) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        // No hard links on this file system: a rename after a look.
        Err(_) if std::fs::symlink_metadata(to).is_err() => {
            std::fs::rename(from, to).map(|()| true)
        }
        Err(_) => Ok(false),
    }
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_sqlite_would_misread() {
        assert_eq!(
            uri_path(Path::new("//tmp/a b?#%.sqlite")),
            "/tmp/a%20b%3F%23%25.sqlite"
        );
        assert_eq!(
            uri_path(Path::new("/srv/esf/cache.sqlite")),
            "/srv/esf/cache.sqlite"
        );
    }

    #[test]
    fn a_read_only_cache_a_comment_behind_is_read_as_it_is_and_an_older_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        drop(check(&db, true).map_err(|_| "made").unwrap());
        let set_version = |v: i64| {
            let conn = Connection::open(&db).unwrap();
            conn.pragma_update(None, "user_version", v).unwrap();
        };
        set_version(schema::READ_AS_IS_FROM);
        let store = check(&db, false).map_err(|_| "read").unwrap();
        assert_eq!(
            schema::version(&store.conn).unwrap(),
            schema::READ_AS_IS_FROM
        );
        drop(store);
        set_version(schema::READ_AS_IS_FROM - 1);
        assert!(matches!(
            check(&db, false),
            Err(Problem::Failed(StoreError::ReadOnly { .. }))
        ));
    }

    #[test]
    fn a_damaged_cache_goes_aside_with_its_log_and_never_over_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        std::fs::write(&db, "one").unwrap();
        std::fs::write(dir.path().join("cache.sqlite-wal"), "log one").unwrap();
        // A log left from an earlier copy whose main file was removed.
        std::fs::write(dir.path().join("cache.sqlite.damaged-wal"), "old log").unwrap();
        let aside = move_aside(&db).unwrap();
        assert_eq!(aside, dir.path().join("cache.sqlite.damaged-2"));
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "one");
        let log = dir.path().join("cache.sqlite.damaged-2-wal");
        assert_eq!(std::fs::read_to_string(log).unwrap(), "log one");
        let old = dir.path().join("cache.sqlite.damaged-wal");
        assert_eq!(std::fs::read_to_string(old).unwrap(), "old log");
        assert!(!db.exists() && !dir.path().join("cache.sqlite-wal").exists());
    }
}
