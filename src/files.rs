//! Finding the files under the paths a user gives: folders are read
//! recursively down to [`DEEPEST`] levels, hidden entries skipped, symlink
//! loops visited once, and links that lead outside the folders given
//! skipped unless asked for (another user's private file must not end up
//! in a shared cache). FIFOs, devices and sockets are skipped with a
//! reason, never opened.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many folders deep a folder given is read: deeper ones are named
/// as skipped with the reason, and nothing below them is read.
pub const DEEPEST: usize = 64;

/// A file to read, or a path that is not read (with the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    Unlistable(PathBuf, String),
}

/// How to treat symbolic links inside the folders given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// Follow a link only to a file or folder inside the folders given.
    #[default]
    Inside,
    /// Follow every link.
    Follow,
}

/// Files as given, folders expanded to the files below them (sorted).
pub fn expand(paths: &[PathBuf], links: Links) -> Vec<Found> {
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let walker = Walker { roots, links };
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut seen = HashSet::new();
            let mut found = Vec::new();
            walker.walk(path, 0, &mut found, &mut seen);
            found.sort_by(|a, b| found_path(a).cmp(found_path(b)));
            out.extend(found);
        } else if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            out.push(not_regular(path.to_path_buf()));
        } else {
            out.push(Found::File(followed(path)));
        }
    }
    // A file reached twice (directly and through a link) is read once.
    let mut once = HashSet::new();
    out.retain(|f| once.insert(found_path(f).to_path_buf()));
    out
}

/// A link as the file it leads to: files are then read without following
/// links, so one swapped for a link after the folder was read is refused.
fn followed(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// A FIFO, a device or a socket: skipped, never opened (reading a FIFO
/// waits for a writer that may never come).
fn not_regular(path: PathBuf) -> Found {
    Found::Unlistable(path, crate::i18n::t("not a regular file").into())
}

/// What a folder is, whatever path leads to it: a loop through a link is
/// seen without resolving every folder's path (which costs its depth).
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(unix)]
fn identity(dir: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(dir: &Path) -> Option<Identity> {
    std::fs::canonicalize(dir).ok()
}

fn found_path(f: &Found) -> &Path {
    match f {
        Found::File(p) | Found::Unlistable(p, _) => p,
    }
}

struct Walker {
    roots: Vec<PathBuf>,
    links: Links,
}

impl Walker {
    fn walk(&self, dir: &Path, depth: usize, found: &mut Vec<Found>, seen: &mut HashSet<Identity>) {
        if depth > DEEPEST {
            let why = crate::i18n::tf(
                "a folder more than {} folders deep; nothing below it is read",
                &[&DEEPEST],
            );
            found.push(Found::Unlistable(dir.to_path_buf(), why));
            return;
        }
        if identity(dir).is_some_and(|id| !seen.insert(id)) {
            return; // a symlink back to a folder already read
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                let why = format!("cannot read folder: {err}");
                found.push(Found::Unlistable(dir.to_path_buf(), why));
                return;
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if is_link {
                if let Err(why) = self.may_follow(&path) {
                    found.push(Found::Unlistable(path, why));
                    continue;
                }
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.walk(&path, depth + 1, found, seen),
                Ok(m) if !m.is_file() => found.push(not_regular(path)),
                _ => found.push(Found::File(followed(&path))),
            }
        }
    }

    fn may_follow(&self, link: &Path) -> Result<(), String> {
        let Ok(target) = std::fs::canonicalize(link) else {
            return Err(crate::i18n::t("a symbolic link to nothing").into());
        };
        if self.links == Links::Follow || self.roots.iter().any(|r| target.starts_with(r)) {
            return Ok(());
        }
        Err(crate::i18n::tf(
            "a symbolic link to {}, outside the folders imported; --follow-symlinks imports it",
            &[&target.display()],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_recurse_and_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("x.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "h").unwrap();
        std::fs::write(dir.path().join("y.txt"), "y").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
        let found = expand(&[dir.path().to_path_buf()], Links::Inside);
        let names: Vec<String> = found
            .iter()
            .map(|f| {
                found_path(f)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, vec!["x.txt", "y.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_outside_the_folders_are_skipped_unless_followed() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let private = dir.path().join("private.txt");
        std::fs::write(&private, "secret").unwrap();
        std::fs::write(docs.join("a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(&private, docs.join("b.txt")).unwrap();
        std::os::unix::fs::symlink(docs.join("a.txt"), docs.join("c.txt")).unwrap();
        let found = expand(std::slice::from_ref(&docs), Links::Inside);
        assert_eq!(found[0], Found::File(docs.join("a.txt")));
        assert!(matches!(&found[1], Found::Unlistable(p, why)
            if p.ends_with("b.txt") && why.contains("outside the folders imported")));
        assert_eq!(
            found.len(),
            2,
            "a link to a file inside is that file, read once"
        );
        let followed = expand(&[docs], Links::Follow);
        assert!(followed.iter().all(|f| matches!(f, Found::File(_))));
    }
}
