//! A new cache is made whole beside its place and then given its name,
//! never over a file that is there: two first commands at once both go on
//! (one makes it, the other opens it), and a first run killed while making
//! it leaves nothing at the cache's path.

use super::schema;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Makes an empty cache of the latest schema at `path`, unless a file is
/// there by then (another esf was quicker: that one is opened instead).
/// The file gets the mode the umask gives (a team may share it).
pub fn create(path: &Path) -> super::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let io = |source| super::StoreError::Io {
        path: path.display().to_string(),
        source,
    };
    // Made in a folder of its own that only this user may enter: in a
    // team's folder no one else can swap the file for a link meanwhile.
    let aside = tempfile::Builder::new()
        .prefix(".esf-new-")
        .tempdir_in(dir.unwrap_or(Path::new(".")))
        .map_err(io)?;
    let made = aside.path().join("cache.sqlite");
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(&made)
        .map_err(io)?;
    // A plain rollback journal while it is made: nothing is left beside
    // it when it closes (the cache switches to WAL when first opened).
    let mut conn = rusqlite::Connection::open(&made)?;
    schema::migrate(&mut conn)?;
    conn.close().map_err(|(_, e)| e)?;
    std::fs::File::open(&made)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    match put_in_place(&made, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(io(e)),
        _ => Ok(()),
    }
}

/// Gives `made` the name `path` unless a file has it already (then
/// `AlreadyExists`: another esf made the cache first).
fn put_in_place(made: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(made, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            // No hard links on this file system: a rename after a look.
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            std::fs::rename(made, path)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_maker_leaves_the_first_ones_cache_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        create(&db).unwrap();
        let first = std::fs::read(&db).unwrap();
        create(&db).unwrap();
        assert_eq!(std::fs::read(&db).unwrap(), first);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
        let conn = rusqlite::Connection::open(&db).unwrap();
        assert_eq!(schema::version(&conn).unwrap(), schema::LATEST);
    }
}
