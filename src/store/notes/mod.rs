//! The caseworker's notes, bookmarks and review states: user data, kept in
//! a file of its own in the user's data folder, never in the cache.
//!
//! Unlike the cache this file is never rebuilt, moved or deleted by the
//! program: a damaged one is refused with its path and latest backup, a
//! backup is made before every migration and every bulk import, and each
//! write is one durable transaction (`synchronous=FULL`). A file that does
//! not exist yet is created on the first write, so reading never leaves
//! files behind.

mod backup;
mod open;
mod private;
mod seen;

pub use backup::latest_backup;
pub use open::{migrate_to, LATEST};

use crate::dates::now;
use crate::i18n::{t, tf};
use crate::model::{Annotation, ReviewState};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};

/// Marks a SQLite file as esf-browser notes ("ESFN").
pub const APPLICATION_ID: i32 = 0x4553_464E;

#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    #[error("{}", tf("the notes file {} {}; it was left as it is. {}", &[&.path.display(), reason, &backup_hint(.backup)]))]
    Refused {
        path: PathBuf,
        reason: String,
        backup: Option<PathBuf>,
    },
    #[error("{}", tf("the notes file {} is read-only; nothing was changed", &[&.0.display()]))]
    ReadOnly(PathBuf),
    #[error("{}: {}", t("notes"), crate::store::sqlite_said(.0))]
    Sqlite(rusqlite::Error),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn backup_hint(backup: &Option<PathBuf>) -> String {
    match backup {
        Some(b) => tf(
            "Latest backup: {} (copy it over the file to go back to it).",
            &[&b.display()],
        ),
        None => t("There is no backup of it.").to_string(),
    }
}

pub type Result<T> = std::result::Result<T, NotesError>;

impl From<rusqlite::Error> for NotesError {
    fn from(err: rusqlite::Error) -> NotesError {
        NotesError::Sqlite(err)
    }
}

/// How `esf notes import` merged a file into the notes.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    /// Already the same here.
    pub unchanged: usize,
    /// Changed here after the file's version was written: kept.
    pub kept_newer: usize,
    /// The backup made before merging, if the file held notes.
    pub backup: Option<PathBuf>,
}

/// The open notes (possibly not created yet).
pub struct Notes {
    path: Option<PathBuf>,
    conn: Option<Connection>,
    read_only: bool,
    /// The folder is esf's own: it may be created, and kept private.
    own_folder: bool,
}

impl Notes {
    /// Notes in memory, for tests.
    pub fn in_memory() -> Result<Notes> {
        let mut conn = Connection::open_in_memory()?;
        open::migrate(&mut conn)?;
        Ok(Notes {
            path: None,
            conn: Some(conn),
            read_only: false,
            own_folder: false,
        })
    }

    /// Opens the notes at `path`; refuses a damaged, newer or foreign file.
    /// The folder must exist by the first write.
    pub fn open(path: &Path) -> Result<Notes> {
        open::open(path, false)
    }

    /// Opens the notes in esf's own default folder, which is created (for
    /// its owner only) on the first write.
    pub fn open_default(path: &Path) -> Result<Notes> {
        open::open(path, true)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every annotation, by key.
    pub fn all(&self) -> Result<Vec<Annotation>> {
        let Some(conn) = &self.conn else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY key"))?;
        let rows = stmt.query_map([], annotation_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get(&self, key: &str) -> Result<Option<Annotation>> {
        let Some(conn) = &self.conn else {
            return Ok(None);
        };
        Ok(get(conn, key)?)
    }

    /// Changes one project's annotation in one transaction; an annotation
    /// left blank is removed. Returns what is stored now.
    pub fn update(
        &mut self,
        key: &str,
        name: Option<&str>,
        change: impl FnOnce(&mut Annotation),
    ) -> Result<Annotation> {
        let conn = self.writable()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut annotation = get(&tx, key)?.unwrap_or_else(|| Annotation {
            key: key.to_string(),
            ..Annotation::default()
        });
        change(&mut annotation);
        if let Some(name) = name {
            annotation.name = Some(name.to_string());
        }
        annotation.updated = now();
        if annotation.is_blank() {
            tx.execute("DELETE FROM annotations WHERE key = ?1", [key])?;
        } else {
            put(&tx, &annotation)?;
        }
        tx.commit()?;
        Ok(annotation)
    }

    /// Reads annotations back from an export: new ones are added, and one
    /// already here is replaced only by a version changed later.
    pub fn merge(&mut self, incoming: &[Annotation]) -> Result<MergeReport> {
        self.writable()?;
        let mut report = MergeReport {
            backup: self.backup("before-import")?,
            ..MergeReport::default()
        };
        let conn = self.writable()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for theirs in incoming {
            match get(&tx, &theirs.key)? {
                None => report.added += 1,
                Some(ours) if same_content(&ours, theirs) => {
                    report.unchanged += 1;
                    continue;
                }
                Some(ours) if ours.updated >= theirs.updated => {
                    report.kept_newer += 1;
                    continue;
                }
                Some(_) => report.updated += 1,
            }
            put(&tx, theirs)?;
        }
        tx.commit()?;
        Ok(report)
    }

    /// The connection for a write, creating the file on first use.
    fn writable(&mut self) -> Result<&mut Connection> {
        if self.read_only {
            let path = self.path.clone().unwrap_or_default();
            return Err(NotesError::ReadOnly(path));
        }
        if self.conn.is_none() {
            let path = self.path.clone().unwrap_or_default();
            self.conn = Some(open::create(&path, self.own_folder)?);
        }
        Ok(self.conn.as_mut().expect("opened above"))
    }
}

fn same_content(a: &Annotation, b: &Annotation) -> bool {
    a.note == b.note && a.bookmarked == b.bookmarked && a.review == b.review
}

const SELECT: &str = "SELECT key, name, note, bookmarked, review, updated FROM annotations";

fn annotation_row(r: &rusqlite::Row) -> rusqlite::Result<Annotation> {
    let review: String = r.get(4)?;
    Ok(Annotation {
        key: r.get(0)?,
        name: r.get(1)?,
        note: r.get(2)?,
        bookmarked: r.get(3)?,
        review: ReviewState::parse(&review).unwrap_or_default(),
        updated: r.get(5)?,
    })
}

fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<Annotation>> {
    conn.query_row(&format!("{SELECT} WHERE key = ?1"), [key], annotation_row)
        .optional()
}

fn put(conn: &Connection, a: &Annotation) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO annotations (key, name, note, bookmarked, review, updated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (key) DO UPDATE SET name = coalesce(excluded.name, name),
           note = excluded.note, bookmarked = excluded.bookmarked,
           review = excluded.review, updated = excluded.updated",
        params![
            a.key,
            a.name,
            a.note,
            a.bookmarked,
            a.review.as_str(),
            a.updated
        ],
    )?;
    Ok(())
}

/// The default notes file: `<user data dir>/esf-browser/notes.sqlite`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "esf-browser")
        .map(|dirs| dirs.data_dir().join("notes.sqlite"))
}
