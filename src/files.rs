//! Finding the files under the paths a user gives: folders are read
//! recursively, hidden entries skipped, symlink loops visited once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file to read, or a path that could not be listed (with the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    Unlistable(PathBuf, String),
}

/// Files as given, folders expanded to the files below them (sorted).
pub fn expand(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut seen = HashSet::new();
            let mut found = Vec::new();
            walk(path, &mut found, &mut seen);
            found.sort_by(|a, b| found_path(a).cmp(found_path(b)));
            out.extend(found);
        } else {
            out.push(Found::File(path.clone()));
        }
    }
    out
}

fn found_path(f: &Found) -> &Path {
    match f {
        Found::File(p) | Found::Unlistable(p, _) => p,
    }
}

fn walk(dir: &Path, found: &mut Vec<Found>, seen: &mut HashSet<PathBuf>) {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(real) {
        return; // a symlink back to a folder already read
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            found.push(Found::Unlistable(dir.to_path_buf(), err.to_string()));
            return;
        }
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, seen);
        } else {
            found.push(Found::File(path));
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
        let found = expand(&[dir.path().to_path_buf()]);
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
}
