//! The list of imported files and folders, kept beside the cache file
//! (`cache.sqlite.sources`) so a damaged cache can be rebuilt from it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The bundled sample corpus, recorded like a folder.
pub const SAMPLE: &str = "sample:";

/// Where the list for the cache at `db` lives.
pub fn list_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".sources");
    db.with_file_name(name)
}

/// The recorded sources, one per line; none when there is no list yet.
pub fn read(db: &Path) -> Vec<String> {
    std::fs::read_to_string(list_path(db))
        .map(|text| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Adds sources to the list (written atomically: a new file, then rename).
pub fn record(db: &Path, new: &[String]) -> std::io::Result<()> {
    let mut all = read(db);
    let before = all.len();
    for source in new {
        if !all.contains(source) {
            all.push(source.clone());
        }
    }
    if all.len() == before && list_path(db).exists() {
        return Ok(());
    }
    write_all(db, &all)
}

/// Replaces the list (`--rebuild` starts a new one).
pub fn replace(db: &Path, sources: &[String]) -> std::io::Result<()> {
    write_all(db, sources)
}

fn write_all(db: &Path, sources: &[String]) -> std::io::Result<()> {
    let path = list_path(db);
    let tmp = path.with_extension("sources.tmp");
    let mut file = std::fs::File::create(&tmp)?;
    for s in sources {
        writeln!(file, "{s}")?;
    }
    file.sync_all()?;
    std::fs::rename(&tmp, &path)
}

/// The form a path is recorded in: absolute, so the list works from any
/// directory.
pub fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        assert!(read(&db).is_empty());
        record(&db, &["/a".into(), SAMPLE.into()]).unwrap();
        record(&db, &["/a".into(), "/b".into()]).unwrap();
        assert_eq!(read(&db), vec!["/a", SAMPLE, "/b"]);
        assert_eq!(list_path(&db), dir.path().join("cache.sqlite.sources"));
    }
}
