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

/// The first line of every list esf writes.
const HEADER: &str = "# esf-browser: files and folders imported into the cache beside this file";

/// The recorded sources, one per line; none when there is no list yet.
pub fn read(db: &Path) -> Vec<String> {
    std::fs::read_to_string(list_path(db))
        .map(|text| parse(&text))
        .unwrap_or_default()
}

fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// True when a list esf wrote lies beside `db`: what makes a damaged file
/// there esf's own cache (lists from before the header line are
/// recognised by their lines: absolute paths and bundled samples).
pub fn is_list(db: &Path) -> bool {
    let path = list_path(db);
    let small = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() < 1 << 20);
    let Some(text) = small.then(|| std::fs::read_to_string(&path).ok()).flatten() else {
        return false;
    };
    if text.starts_with(HEADER) {
        return true;
    }
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).peekable();
    lines.peek().is_some() && lines.all(|l| l.starts_with('/') || l.starts_with(SAMPLE))
}

/// `list` with `new` added (in order, once each).
pub fn with_added(list: &[String], new: &[String]) -> Vec<String> {
    let mut all = list.to_vec();
    for source in new {
        if !all.contains(source) {
            all.push(source.clone());
        }
    }
    all
}

/// A new list written and synced beside the cache under an unguessable
/// name (created exclusively, never through a link); it replaces the list
/// only when [`Pending::put_in_place`] is called, after the import commits.
pub struct Pending {
    file: tempfile::NamedTempFile,
    target: PathBuf,
}

pub fn prepare(db: &Path, sources: &[String]) -> std::io::Result<Pending> {
    let target = list_path(db);
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    let mut file = tempfile::Builder::new()
        .prefix(".esf-sources-")
        .tempfile_in(dir.unwrap_or(Path::new(".")))?;
    writeln!(file, "{HEADER}")?;
    for s in sources {
        writeln!(file, "{s}")?;
    }
    // The list is as shareable as the cache it belongs to.
    if let Ok(meta) = std::fs::metadata(db) {
        file.as_file().set_permissions(meta.permissions())?;
    }
    file.as_file().sync_all()?;
    Ok(Pending { file, target })
}

impl Pending {
    pub fn put_in_place(self) -> std::io::Result<()> {
        self.file.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Adds sources to the list at once (outside an import).
pub fn record(db: &Path, new: &[String]) -> std::io::Result<()> {
    let recorded = read(db);
    let all = with_added(&recorded, new);
    if all.len() == recorded.len() && list_path(db).exists() {
        return Ok(());
    }
    prepare(db, &all)?.put_in_place()
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
        assert!(is_list(&db));
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
        assert_eq!(list_path(&db), dir.path().join("cache.sqlite.sources"));
    }
}

#[cfg(test)]
mod recognising {
    use super::*;

    #[test]
    fn only_lists_esf_wrote_make_a_file_esfs() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("thesis.md");
        assert!(!is_list(&db));
        std::fs::write(list_path(&db), "/home/a/docs\nsample:\n").unwrap();
        assert!(is_list(&db), "a list from before the header");
        std::fs::write(list_path(&db), "chapter one\n").unwrap();
        assert!(!is_list(&db));
        std::fs::write(list_path(&db), "\n  \n").unwrap();
        assert!(!is_list(&db), "an empty file says nothing");
    }
}
