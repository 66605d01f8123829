//! Copies of the notes file, kept in `notes-backups/` beside it.

use super::{private, Notes, NotesError, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The folder the backups of `notes` go to.
fn folder(notes: &Path) -> PathBuf {
    let dir = notes.parent().unwrap_or(Path::new("."));
    dir.join("notes-backups")
}

/// The newest backup of the notes at `notes`, if any.
pub fn latest_backup(notes: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(folder(notes)).ok()?;
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .max()
        .map(|(_, p)| p)
}

/// Writes a consistent copy of the open notes; returns where it went.
fn write(conn: &Connection, notes: &Path, label: &str) -> Result<PathBuf> {
    let dir = folder(notes);
    private::folder(&dir, true)?;
    let stamp = crate::dates::timestamp(crate::dates::now()).replace([' ', ':'], "-");
    let mut target = dir.join(format!("notes-{stamp}-{label}.sqlite"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("notes-{stamp}-{label}-{n}.sqlite"));
        n += 1;
    }
    // VACUUM INTO fills an empty file: made first, for its owner only.
    private::new_file(&target)?;
    let name = target.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [name])?;
    // SQLite does not sync what VACUUM INTO writes: a backup must be on
    // disk before the change it guards against is.
    let io = |source| NotesError::Io {
        path: target.clone(),
        source,
    };
    std::fs::File::open(&target)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(target)
}

pub fn before_migration(conn: &Connection, notes: &Path, version: i64) -> Result<PathBuf> {
    write(conn, notes, &format!("schema-{version}"))
}

impl Notes {
    /// Backs up the notes if the file holds any; returns where to.
    pub fn backup(&self, label: &str) -> Result<Option<PathBuf>> {
        match (&self.conn, &self.path) {
            (Some(conn), Some(path)) => write(conn, path, label).map(Some),
            _ => Ok(None),
        }
    }
}
