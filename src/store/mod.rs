//! The local SQLite cache: the only module that uses rusqlite.
//!
//! One file holds what imports read. It is disposable: the list of imported
//! files and folders is kept beside it (see [`sources`]), so a damaged or
//! foreign cache is moved aside and rebuilt from that list.

mod bulk;
mod graph;
mod import;
mod keys;
mod open;
mod query;
mod refresh;
pub mod schema;
pub mod sources;
mod write;

pub use import::{ImportOptions, ImportReport, Input, SkippedFile};
pub use keys::{name_key, owner_key, project_key};
pub use open::Opened;
pub use query::{
    ArticleRef, KeyedProject, OrgSummary, ProjectSummary, SearchHit, StoredProject, UnclassifiedDoc,
};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Marks a SQLite file as an esf-browser cache ("ESFB").
pub const APPLICATION_ID: i32 = 0x4553_4642;

/// How long a statement waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the cache at {path} is read-only and {why}")]
    ReadOnly { path: String, why: String },
    #[error("no project with ID \"{0}\"")]
    NotFound(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

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

    /// Opens (creating, migrating or rebuilding as needed) the cache at `path`.
    pub fn open(path: &Path) -> Result<Opened> {
        open::open(path)
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
        // A larger page cache spares rewriting hot index pages during a
        // long import (64 MB; SQLite's default is 2 MB).
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        if !self.read_only {
            let _mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
            self.conn.pragma_update(None, "synchronous", "normal")?;
        }
        Ok(())
    }

    /// Imports inputs in one transaction; see [`import::import`].
    pub fn import(
        &mut self,
        inputs: &[Input],
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        import::import(self, inputs, options, progress)
    }

    /// True when no import has ever filled this cache.
    pub fn never_imported(&self) -> Result<bool> {
        let imports: i64 = self
            .conn
            .query_row("SELECT count(*) FROM imports", [], |r| r.get(0))?;
        let documents: i64 = self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        Ok(imports == 0 && documents == 0)
    }

    fn ensure_writable(&self, why: &str) -> Result<()> {
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

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
