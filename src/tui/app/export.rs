//! The export's file: the list as it is filtered, written to the file the
//! user named in the prompt, with the user's notes if asked. Contact
//! persons are left out (`esf export --with-contacts` has them).
//!
//! The default folder is the user's documents folder where there is one,
//! else the home folder: on a shared server the folder esf was started in
//! may be shared or not the user's to write in, and the home folder is
//! where `scp host:file` looks. A file that exists is never written over
//! unless the user said so for that name; a replaced file is replaced
//! whole (a symbolic link by the file, never the file it points to).

use crate::i18n::tf;
use crate::present::export::Format;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder the prompt's default name is in.
pub fn default_dir() -> PathBuf {
    let dirs = directories::UserDirs::new();
    let documents = dirs.as_ref().and_then(|d| d.document_dir());
    let home = dirs.as_ref().map(|d| d.home_dir());
    match documents.filter(|d| d.is_dir()).or(home) {
        Some(dir) => dir.to_path_buf(),
        None => current_dir(),
    }
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// `esf-export-2026-12-05.csv` in `dir`, or `-2`, `-3`… where that is taken.
pub fn free_name(dir: &Path, format: Format, now: i64) -> PathBuf {
    let day = crate::dates::iso_from_days(now.div_euclid(86_400));
    let ext = format.extension();
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("esf-export-{day}.{ext}")),
            n => dir.join(format!("esf-export-{day}-{n}.{ext}")),
        })
        .find(|path| std::fs::symlink_metadata(path).is_err())
        .unwrap_or_else(|| dir.join(format!("esf-export.{ext}")))
}

/// The file the user named: as typed, where it is, and whether they said
/// to replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub typed: String,
    pub path: PathBuf,
    pub replace: bool,
}

impl Target {
    /// `~/…` is in the home folder; a relative name is from the current
    /// folder, as in a shell.
    pub fn named(typed: &str, replace: bool) -> Target {
        let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
        let path = resolve(typed, home.as_deref(), &current_dir());
        Target {
            typed: typed.to_string(),
            path,
            replace,
        }
    }
}

/// The absolute path of a typed name.
pub fn resolve(typed: &str, home: Option<&Path>, current: &Path) -> PathBuf {
    let in_home = match typed {
        "~" => Some(""),
        _ => typed.strip_prefix("~/"),
    };
    match (in_home, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => current.join(typed),
    }
}

/// Why nothing was written.
#[derive(Debug)]
pub enum Refusal {
    /// The file exists and the user has not said to replace it.
    Taken(PathBuf),
    Failed(String),
}

/// What the prompt says of a name that is taken.
pub fn taken_text(path: &Path) -> String {
    let path = path.display().to_string();
    tf("{} exists: Enter again replaces it", &[&path])
}

/// Writes `text` to the target; one holding the user's notes is readable
/// by them only. The absolute path written, or why not.
pub fn write(to: &Target, text: &str, private: bool) -> Result<PathBuf, Refusal> {
    let path = &to.path;
    if path.is_dir() {
        let shown = path.display().to_string();
        return Err(Refusal::Failed(tf(
            "{} is a folder: add a file name",
            &[&shown],
        )));
    }
    let written = match to.replace {
        false => write_new(path, text, private),
        true => replace(path, text, private),
    };
    match written {
        Ok(()) => Ok(path.clone()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Refusal::Taken(path.clone()))
        }
        Err(e) => {
            let shown = path.display().to_string();
            Err(Refusal::Failed(tf("cannot write {}: {}", &[&shown, &e])))
        }
    }
}

/// A new file, never one that exists (nor a link's target).
fn write_new(path: &Path, text: &str, private: bool) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

/// The file replaced whole: written beside it, then renamed over it.
fn replace(path: &Path, text: &str, private: bool) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".esf-export-")
        .tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    file.persist(path).map(|_| ()).map_err(|e| e.error)
}

/// Writes `<stem>.<ext>` in `dir`, or `<stem>-2.<ext>` and so on when a
/// file has the name: never over an existing file (the dossier's file).
pub(super) fn write_named(
    dir: &Path,
    stem: &str,
    ext: &str,
    text: &str,
    private: bool,
) -> std::io::Result<PathBuf> {
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("{stem}{suffix}.{ext}"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        match options.open(&path) {
            Ok(mut file) => return file.write_all(text.as_bytes()).map(|_| path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_is_made_absolute_as_a_shell_would() {
        let home = Path::new("/home/anna");
        let here = Path::new("/srv/esf");
        assert_eq!(resolve("~/x.csv", Some(home), here), home.join("x.csv"));
        assert_eq!(resolve("x.csv", Some(home), here), here.join("x.csv"));
        assert_eq!(
            resolve("/tmp/x.csv", Some(home), here),
            Path::new("/tmp/x.csv")
        );
        assert_eq!(resolve("~x.csv", Some(home), here), here.join("~x.csv"));
    }

    #[test]
    fn the_default_name_is_free_and_dated() {
        let dir = tempfile::tempdir().unwrap();
        let day = 20_000 * 86_400; // 2024-10-04
        let first = free_name(dir.path(), Format::Csv, day);
        assert_eq!(first, dir.path().join("esf-export-2024-10-04.csv"));
        std::fs::write(&first, "x").unwrap();
        let second = free_name(dir.path(), Format::Csv, day);
        assert_eq!(second, dir.path().join("esf-export-2024-10-04-2.csv"));
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_asked_and_a_link_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let theirs = dir.path().join("theirs.txt");
        std::fs::write(&theirs, "keep").unwrap();
        let named = |name: &str, replace| Target {
            typed: name.into(),
            path: dir.path().join(name),
            replace,
        };
        let refused = write(&named("theirs.txt", false), "new", false);
        assert!(matches!(refused, Err(Refusal::Taken(_))));
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "keep");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.csv");
            std::os::unix::fs::symlink(&theirs, &link).unwrap();
            let refused = write(&named("link.csv", false), "new", false);
            assert!(matches!(refused, Err(Refusal::Taken(_))));
            write(&named("link.csv", true), "new", false).unwrap();
            assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "keep");
            assert_eq!(std::fs::read_to_string(&link).unwrap(), "new");
        }
        let folder = write(&named("", false), "new", false);
        assert!(matches!(folder, Err(Refusal::Failed(_))));
    }
}
