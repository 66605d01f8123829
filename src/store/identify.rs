//! Telling esf's own files from everybody else's before SQLite touches
//! them: opening a file with SQLite may switch its journal mode, write its
//! header or checkpoint its log, so the decision is made from the bytes.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// What is at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing: esf may create it.
    Missing,
    /// A file of zero bytes.
    Empty,
    /// An SQLite database with this application id (in its header, or in
    /// its log when the header was not written back yet).
    Database(i32),
    /// Anything else: text, another format, a damaged header.
    Other,
}

/// Why a path cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    Folder,
    DanglingLink(PathBuf),
    LinkedSidecar(PathBuf),
    Unreadable(String),
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{t, tf};
        let said = match self {
            Unusable::Folder => t("is a folder, not a file").to_string(),
            Unusable::DanglingLink(to) => tf(
                "is a symbolic link to {}, which does not exist; esf does not create files through links",
                &[&to.display()],
            ),
            Unusable::LinkedSidecar(side) => tf(
                "has a symbolic link beside it ({}); esf does not write through links",
                &[&side.display()],
            ),
            Unusable::Unreadable(why) => tf("cannot be read: {}", &[why]),
        };
        f.write_str(&said)
    }
}

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const APPLICATION_ID_AT: usize = 68;

/// The file a path leads to (links followed only to something that is
/// there) and what it holds.
pub fn resolve(path: &Path) -> Result<(PathBuf, Found), Unusable> {
    let (real, exists) = match std::fs::symlink_metadata(path) {
        Err(_) => (path.to_path_buf(), false),
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Ok(real) => (real, true),
            Err(_) => {
                let to = std::fs::read_link(path).unwrap_or_default();
                return Err(Unusable::DanglingLink(to));
            }
        },
        Ok(_) => (path.to_path_buf(), true),
    };
    for side in sidecars(&real) {
        if std::fs::symlink_metadata(&side).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Unusable::LinkedSidecar(side));
        }
    }
    let found = if exists {
        inspect(&real)?
    } else {
        Found::Missing
    };
    Ok((real, found))
}

/// The `-wal`, `-shm` and `-journal` files SQLite keeps beside a database.
pub fn sidecars(db: &Path) -> [PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

fn inspect(path: &Path) -> Result<Found, Unusable> {
    let meta = std::fs::metadata(path).map_err(|e| Unusable::Unreadable(e.to_string()))?;
    if meta.is_dir() {
        return Err(Unusable::Folder);
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut header = [0u8; 100];
    let read = File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut header))
        .map_err(|e| Unusable::Unreadable(e.to_string()))?;
    if read < header.len() || &header[..16] != MAGIC {
        return Ok(Found::Other);
    }
    let in_header = be_i32(&header[APPLICATION_ID_AT..]);
    let in_log = application_id_in_log(&sidecars(path)[0]);
    Ok(Found::Database(
        in_log.filter(|_| in_header == 0).unwrap_or(in_header),
    ))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// True for an SQLite file that holds nothing at all: its header says one
/// page (no table can have a page of its own) and no log holds more. Such
/// a file is what a first run killed before its schema was written leaves.
pub fn is_blank_database(path: &Path) -> bool {
    let mut header = [0u8; 100];
    let read = File::open(path).and_then(|mut f| read_up_to(&mut f, &mut header));
    let log_empty = std::fs::metadata(&sidecars(path)[0]).map_or(true, |m| m.len() == 0);
    read.is_ok_and(|n| n == header.len())
        && &header[..16] == MAGIC
        && be_i32(&header[APPLICATION_ID_AT..]) == 0
        && be_i32(&header[28..]) <= 1
        && log_empty
}

fn be_i32(bytes: &[u8]) -> i32 {
    i32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// The application id in the newest copy of page 1 in a write-ahead log:
/// a database just created keeps its header there until a checkpoint.
fn application_id_in_log(wal: &Path) -> Option<i32> {
    let mut file = File::open(wal).ok()?;
    let mut header = [0u8; 32];
    if read_up_to(&mut file, &mut header).ok()? < 32 {
        return None;
    }
    let magic = be_i32(&header[..4]) as u32;
    if magic & !1 != 0x377f_0682 {
        return None;
    }
    let page_size = u64::from(be_i32(&header[8..]) as u32);
    let salts = &header[16..24];
    let len = file.metadata().ok()?.len();
    let mut newest = None;
    let mut at = 32u64;
    while page_size > 0 && at + 24 + page_size <= len {
        let mut frame = [0u8; 24];
        file.seek(SeekFrom::Start(at)).ok()?;
        if read_up_to(&mut file, &mut frame).ok()? < 24 || &frame[8..16] != salts {
            break; // the rest belongs to an earlier use of the log
        }
        if be_i32(&frame[..4]) == 1 {
            let mut id = [0u8; 4];
            file.seek(SeekFrom::Start(at + 24 + APPLICATION_ID_AT as u64))
                .ok()?;
            file.read_exact(&mut id).ok()?;
            newest = Some(be_i32(&id));
        }
        at += 24 + page_size;
    }
    newest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(path: &Path) -> Found {
        resolve(path).unwrap().1
    }

    #[test]
    fn files_are_told_apart_by_their_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        assert_eq!(found(&p), Found::Missing);
        std::fs::write(&p, "").unwrap();
        assert_eq!(found(&p), Found::Empty);
        std::fs::write(&p, "my thesis\n").unwrap();
        assert_eq!(found(&p), Found::Other);
        let db = dir.path().join("db");
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "application_id", 7).unwrap();
        conn.execute("CREATE TABLE t (x)", []).unwrap();
        drop(conn);
        assert_eq!(found(&db), Found::Database(7));
        assert_eq!(resolve(dir.path()).unwrap_err(), Unusable::Folder);
    }

    #[test]
    fn a_new_database_is_recognised_from_its_log() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let conn = rusqlite::Connection::open(&db).unwrap();
        let _: String = conn
            .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.pragma_update(None, "application_id", 42).unwrap();
        conn.execute("CREATE TABLE t (x)", []).unwrap();
        assert_eq!(found(&db), Found::Database(42));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_to_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("cache.sqlite");
        std::os::unix::fs::symlink(dir.path().join("gone"), &link).unwrap();
        assert!(matches!(resolve(&link), Err(Unusable::DanglingLink(_))));
        let db = dir.path().join("real.sqlite");
        std::fs::write(&db, "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), sidecars(&db)[0].clone()).unwrap();
        assert!(matches!(resolve(&db), Err(Unusable::LinkedSidecar(_))));
    }
}
