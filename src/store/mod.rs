//! The local SQLite cache: the only module that uses rusqlite.
//!
//! One file holds what imports read. It is disposable: the list of imported
//! files and folders is kept beside it (see [`sources`]), so a damaged or
//! foreign cache is moved aside and rebuilt from that list.

mod apart;
mod bulk;
mod changes;
pub mod coverage;
mod create;
mod dossier;
mod graph;
pub mod identify;
mod identity_key;
mod import;
mod index_tail;
mod keys;
mod known;
mod lists;
pub mod notes;
mod open;
mod org_query;
pub mod organisations;
mod other_funds;
mod overlaps;
mod pages;
mod patch;
pub mod profile;
mod project_rows;
mod query;
mod refresh;
pub mod schema;
mod search_index;
mod short_keys;
mod similar;
mod sqlite_words;
mod stored_record;
mod text_query;
pub use apart::TextRowsApart;
pub use search_index::{counted, BuiltIndex, IndexBuilder, NewIndex, Snapshot};
pub use sqlite_words::said as sqlite_said;
pub mod sources;
mod sources_key;
mod summaries;
mod touched;
pub(crate) mod user;
mod write;

pub use import::{DocMeta, Finish, ImportTx, Known, KnownDoc, Start};
pub use keys::{key_of_id, key_typed, name_key, normalise_id, owner_key, project_key};
pub use notes::{Notes, NotesError};
pub use open::{Access, Opened, Place, Rebuild};
pub use overlaps::Found as OverlapsFound;

use crate::dates::now;
use crate::i18n::{t, tf};
use crate::model::ImportReport;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Marks a SQLite file as an esf-browser cache ("ESFB").
pub const APPLICATION_ID: i32 = 0x4553_4642;

/// What the write-ahead log shrinks back to after a checkpoint.
const WAL_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

/// How long a statement waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Said once in words: the SQLite error is not a source of its own, so
    /// its text is not repeated after ours.
    #[error("{}", sqlite_words::said(.0))]
    Sqlite(rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", tf("the cache at {} is read-only and {}", &[path, why]))]
    ReadOnly { path: String, why: String },
    #[error("{}", tf("no project with ID {}", &[&crate::present::format::quoted(.0)]))]
    NotFound(String),
    #[error("{}", tf("the folder {} does not exist; create it first, or give --db a file in a folder that exists", &[.0]))]
    NoFolder(String),
    #[error("{}", tf("{} {}; it was left untouched", &[path, why]))]
    Refused { path: String, why: String },
    #[error("{}", tf("the cache at {} is {}; `esf import --rebuild` sets it aside and rebuilds it from the files and folders you imported", &[path, why]))]
    Damaged { path: String, why: String },
    #[error("{}", t("no document could be imported; nothing was changed"))]
    NothingImported(Box<ImportReport>),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The page cache of a connection that only reads, in KiB (negative).
const READER_CACHE_KB: i64 = -8_192;

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(err)
    }
}

/// An open cache.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
}

impl Store {
    /// A cache in memory, for tests and one-off use.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            read_only: false,
        };
        store.configure()?;
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Opens (creating, migrating or rebuilding as needed) the cache at
    /// `path`, in a folder that exists.
    pub fn open(path: &Path) -> Result<Opened> {
        open::open(open::place(path, false)?, Access::Import)
    }

    /// Opens the cache at a place [`Store::place`] accepted, for reading
    /// (a damaged cache is an error) or for an import (it is set aside).
    pub fn open_at(place: Place, access: Access) -> Result<Opened> {
        open::open(place, access)
    }

    /// Decides, without writing anything, whether a cache may be opened at
    /// `path` (see [`open::place`]); `is_default` lets esf create its own
    /// default folder.
    pub fn place(path: &Path, is_default: bool) -> Result<Place> {
        open::place(path, is_default)
    }

    /// A second, read-only connection to the same file, for reading on
    /// another thread; `None` for a cache in memory.
    pub fn reopen(&self) -> Result<Option<Store>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let mut store = Store {
            conn: open::read_only(path)?,
            path: Some(path.clone()),
            read_only: true,
        };
        store.configure()?;
        store.small_cache()?;
        Ok(Some(store))
    }

    /// A page cache for reading (8 MB), not the import's 64 MB: a reader
    /// goes through a million projects once, and the browser holds a
    /// connection for each of its threads (with 64 MB each, a quarter
    /// gigabyte of pages read once). It also bounds a sort's memory.
    pub fn small_cache(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", READER_CACHE_KB)?;
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        // One plan whatever is bound: otherwise a statement over the text
        // view was prepared again for every project it was run for.
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // A larger page cache spares rewriting hot index pages during a
        // long import (64 MB; SQLite's default is 2 MB).
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        if !self.read_only {
            let _mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
            self.conn.pragma_update(None, "synchronous", "normal")?;
            // The WAL is emptied by checkpoints but keeps its size; this
            // bounds it over a long session of repeated imports.
            self.conn
                .pragma_update(None, "journal_size_limit", WAL_LIMIT_BYTES)?;
            self.keep_wal_files()?;
        }
        Ok(())
    }

    /// Keeps the `-wal` and `-shm` files when the last writer closes: users
    /// who may only read the cache (a shared server, a read-only disk)
    /// cannot create them, and SQLite cannot read a WAL cache without them.
    fn keep_wal_files(&self) -> Result<()> {
        let mut on: std::ffi::c_int = 1;
        // SAFETY: the handle is this open connection's; the call reads and
        // writes one int that lives across it.
        let code = unsafe {
            rusqlite::ffi::sqlite3_file_control(
                self.conn.handle(),
                c"main".as_ptr(),
                rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
                (&raw mut on).cast(),
            )
        };
        // NOTFOUND: a cache in memory, which has no files to keep.
        if code != rusqlite::ffi::SQLITE_OK && code != rusqlite::ffi::SQLITE_NOTFOUND {
            return Err(
                rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None).into(),
            );
        }
        Ok(())
    }

    /// Copies the log into the cache and empties it, so that repeated
    /// imports during a long session do not leave a log the size of the
    /// largest one. Readers in the middle of a read make it a no-op (the
    /// size limit still holds); that is not an error.
    /// A log that could not be emptied (a full disk) is said in words.
    pub fn shrink_wal(&self) -> Option<String> {
        // Never wait for readers: a reader holding a snapshot would make
        // the finished import sit there for the whole busy timeout.
        let _ = self.conn.busy_timeout(Duration::ZERO);
        let done = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 1000);
        let err = done.err()?;
        let busy = matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        (!busy).then(|| {
            tf(
                "the import is saved, but its log beside the cache could not be copied into it ({}); the cache reads right, and the next import tries again",
                &[&sqlite_words::said(&err)],
            )
        })
    }

    /// True when no import has ever filled this cache.
    pub fn never_imported(&self) -> Result<bool> {
        // EXISTS, not count(*): a count reads a million documents.
        let any: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM documents)",
            [],
            |r| r.get(0),
        )?;
        Ok(!any)
    }

    pub fn ensure_writable(&self, why: &str) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.display_path(),
                why: why.to_string(),
            });
        }
        Ok(())
    }

    fn display_path(&self) -> String {
        self.path
            .as_ref()
            .map_or(":memory:".to_string(), |p| p.display().to_string())
    }
}

/// The default cache file: `<user cache dir>/esf-browser/cache.sqlite`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "esf-browser")
        .map(|dirs| dirs.cache_dir().join("cache.sqlite"))
}
