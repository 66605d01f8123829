//! Finding the files under the paths a user gives: folders are read
//! recursively down to [`DEEPEST`] levels, hidden entries skipped, symlink
//! loops visited once, and links that lead outside the folders given
//! skipped unless asked for (another user's private file must not end up
//! in a shared cache). FIFOs, devices and sockets are skipped with a
//! reason, never opened.
//!
//! Another user who may write a folder being read may swap a part of it
//! for a link meanwhile: each folder is listed through an open handle that
//! is checked to be the folder its parent listed (and, for a link, to lie
//! inside the folders given), and each file is noted with its identity, so
//! the import refuses a different file found at its path later.

pub mod corpus;
pub mod read_bounded;

use crate::i18n::{t, tf};
use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};

/// How many folders deep a folder given is read: deeper ones are named
/// as skipped with the reason, and nothing below them is read.
pub const DEEPEST: usize = 64;

/// A file or folder whatever path leads to it: device and inode.
pub type FileId = (u64, u64);

/// A file to read, or a path that is not read (with the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file, with its identity when its folder was read.
    File(PathBuf, Option<FileId>),
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
            walker.walk(path, None, 0, &mut found, &mut seen);
            found.sort_by(|a, b| found_path(a).cmp(found_path(b)));
            out.extend(found);
        } else if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            out.push(not_regular(path.to_path_buf()));
        } else {
            let id = std::fs::metadata(path).ok().map(|m| id_of(&m));
            out.push(Found::File(followed(path), id));
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
    Found::Unlistable(path, t("not a regular file").into())
}

fn id_of(meta: &std::fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

fn found_path(f: &Found) -> &Path {
    match f {
        Found::File(p, _) | Found::Unlistable(p, _) => p,
    }
}

/// A folder held open while it is listed.
struct OpenFolder {
    handle: File,
    id: FileId,
}

impl OpenFolder {
    fn open(dir: &Path) -> std::io::Result<OpenFolder> {
        use std::os::unix::fs::OpenOptionsExt;
        let handle = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY | libc::O_CLOEXEC)
            .open(dir)?;
        let id = id_of(&handle.metadata()?);
        Ok(OpenFolder { handle, id })
    }

    /// A path that names this very folder whatever happens to `dir`
    /// meanwhile (Linux's `/proc/self/fd`), else `dir` itself.
    fn listing_path(&self, dir: &Path) -> PathBuf {
        handle_path(&self.handle).unwrap_or_else(|| dir.to_path_buf())
    }
}

/// `/proc/self/fd/N` for an open handle, where there is one.
fn handle_path(handle: &File) -> Option<PathBuf> {
    use std::os::fd::AsRawFd;
    let path = PathBuf::from(format!("/proc/self/fd/{}", handle.as_raw_fd()));
    std::fs::symlink_metadata(&path).is_ok().then_some(path)
}

/// Where an open handle really is (the link `/proc` keeps for it), else
/// where `path` leads now.
fn real_path(handle: &File, path: &Path) -> Option<PathBuf> {
    match handle_path(handle) {
        Some(proc_path) => std::fs::read_link(proc_path).ok(),
        None => std::fs::canonicalize(path).ok(),
    }
}

/// What a link leads to, looked at through one handle: its real path and
/// identity belong together, however the link changes meanwhile.
struct LinkTarget {
    real: PathBuf,
    id: FileId,
    is_dir: bool,
    is_file: bool,
}

fn link_target(link: &Path) -> std::io::Result<LinkTarget> {
    use std::os::unix::fs::OpenOptionsExt;
    #[cfg(target_os = "linux")]
    let flags = libc::O_PATH | libc::O_CLOEXEC;
    #[cfg(not(target_os = "linux"))]
    let flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
    let handle = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(link)?;
    let meta = handle.metadata()?;
    let real = real_path(&handle, link).ok_or(std::io::ErrorKind::NotFound)?;
    Ok(LinkTarget {
        real,
        id: id_of(&meta),
        is_dir: meta.is_dir(),
        is_file: meta.is_file(),
    })
}

struct Walker {
    roots: Vec<PathBuf>,
    links: Links,
}

impl Walker {
    /// Lists `dir`, which its parent listed as `expect` (a root: `None`).
    fn walk(
        &self,
        dir: &Path,
        expect: Option<FileId>,
        depth: usize,
        found: &mut Vec<Found>,
        seen: &mut HashSet<FileId>,
    ) {
        if depth > DEEPEST {
            let why = tf(
                "a folder more than {} folders deep; nothing below it is read",
                &[&DEEPEST],
            );
            found.push(Found::Unlistable(dir.to_path_buf(), why));
            return;
        }
        let folder = match OpenFolder::open(dir) {
            Ok(folder) => folder,
            Err(err) => {
                let why = format!("cannot read folder: {err}");
                found.push(Found::Unlistable(dir.to_path_buf(), why));
                return;
            }
        };
        if expect.is_some_and(|id| id != folder.id) {
            let why = t("was replaced while its folder was read; import again").to_string();
            found.push(Found::Unlistable(dir.to_path_buf(), why));
            return;
        }
        if !seen.insert(folder.id) {
            return; // a symlink back to a folder already read
        }
        self.list(dir, &folder, depth, found, seen);
    }

    fn list(
        &self,
        dir: &Path,
        folder: &OpenFolder,
        depth: usize,
        found: &mut Vec<Found>,
        seen: &mut HashSet<FileId>,
    ) {
        let entries = match std::fs::read_dir(folder.listing_path(dir)) {
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
            let path = dir.join(entry.file_name());
            // The entry as this very folder holds it (not through `path`).
            let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                self.follow(path, &entry.path(), depth, found, seen);
            } else if meta.is_dir() {
                self.walk(&path, Some(id_of(&meta)), depth + 1, found, seen);
            } else if meta.is_file() {
                found.push(Found::File(path, Some(id_of(&meta))));
            } else {
                found.push(not_regular(path));
            }
        }
    }

    /// A link in a folder: followed to a folder or file inside the folders
    /// given (or anywhere, when asked), looked at through one handle.
    fn follow(
        &self,
        path: PathBuf,
        held: &Path,
        depth: usize,
        found: &mut Vec<Found>,
        seen: &mut HashSet<FileId>,
    ) {
        let Ok(target) = link_target(held) else {
            found.push(Found::Unlistable(
                path,
                t("a symbolic link to nothing").into(),
            ));
            return;
        };
        let inside = self.roots.iter().any(|r| target.real.starts_with(r));
        if self.links == Links::Inside && !inside {
            let why = tf(
                "a symbolic link to {}, outside the folders imported; --follow-symlinks imports it",
                &[&target.real.display()],
            );
            found.push(Found::Unlistable(path, why));
        } else if target.is_dir {
            self.walk(&path, Some(target.id), depth + 1, found, seen);
        } else if target.is_file {
            found.push(Found::File(target.real, Some(target.id)));
        } else {
            found.push(not_regular(path));
        }
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
        assert!(matches!(&found[0], Found::File(p, Some(_)) if *p == docs.join("a.txt")));
        assert!(matches!(&found[1], Found::Unlistable(p, why)
            if p.ends_with("b.txt") && why.contains("outside the folders imported")));
        assert_eq!(
            found.len(),
            2,
            "a link to a file inside is that file, read once"
        );
        let followed = expand(&[docs], Links::Follow);
        assert!(followed.iter().all(|f| matches!(f, Found::File(..))));
    }
}
