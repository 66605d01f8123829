//! A new cache is made whole beside its place and then given its name,
//! never over a file that is there: two first commands at once both go on
//! (one makes it, the other opens it), and a first run killed while making
//! it leaves nothing at the cache's path.

use super::schema;
use std::os::unix::fs::PermissionsExt;
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
    let temp = tempfile::Builder::new()
        .prefix(".esf-new-")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir.unwrap_or(Path::new(".")))
        .map_err(io)?;
    // A plain rollback journal while it is made: nothing is left beside
    // it when it closes (the cache switches to WAL when first opened).
    let mut conn = rusqlite::Connection::open(temp.path())?;
    schema::migrate(&mut conn)?;
    conn.close().map_err(|(_, e)| e)?;
    temp.as_file().sync_all().map_err(io)?;
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io(e.error)),
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
