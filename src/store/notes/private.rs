//! The notes are the user's own: their folder is readable by its owner
//! only (0700) and every file in it (notes, backups) too (0600), whatever
//! the umask says. Folders the user chose are never changed.

use super::{NotesError, Result};
use crate::i18n::t;
use crate::store::identify::Found;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};

/// Makes sure `dir` is there: esf's own folder is created and kept
/// private; a folder the user named must already exist.
pub fn folder(dir: &Path, own: bool) -> Result<()> {
    let io = |source| NotesError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !own {
        if dir.is_dir() {
            return Ok(());
        }
        let missing = std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the folder does not exist (create it first)",
        );
        return Err(io(missing));
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(dir).map_err(io)?;
    #[cfg(unix)]
    if std::fs::symlink_metadata(dir).map_err(io)?.uid() != current_user() {
        let theirs = std::io::Error::other("the folder belongs to another user");
        return Err(io(theirs));
    }
    owner_only(dir, 0o700);
    Ok(())
}

/// Creates an empty file only its owner may read (kept if it is there).
pub fn new_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    let io = |source| NotesError::Io {
        path: path.to_path_buf(),
        source,
    };
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => already_there(path).map_err(io),
        Err(source) => Err(io(source)),
    }
}

/// A regular file (not a link) that belongs to the user running esf.
pub fn is_own_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.uid() == current_user())
}

/// A file that appeared where the notes are to be made is used only when
/// it is this user's own, not a link, and empty or esf notes already.
fn already_there(path: &Path) -> std::io::Result<()> {
    let refuse = |why: &str| Err(std::io::Error::other(why.to_string()));
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return refuse(t(
            "a symbolic link is in the way; esf does not write through links",
        ));
    }
    #[cfg(unix)]
    if meta.uid() != current_user() {
        return refuse(t("another user's file is in the way"));
    }
    match crate::store::identify::resolve(path) {
        Ok((_, Found::Empty | Found::Database(super::APPLICATION_ID))) => Ok(()),
        _ => refuse(t("a file that is not esf notes is in the way")),
    }
}

#[cfg(unix)]
fn current_user() -> u32 {
    crate::store::user::current_user()
}

/// Takes back what an older esf (or a umask) left readable by others.
pub fn tighten(notes: &Path, own_folder: bool) {
    owner_only(notes, 0o600);
    if let Some(dir) = notes.parent().filter(|_| own_folder) {
        owner_only(dir, 0o700);
    }
}

/// Sets `mode` on a file or folder of this user's that others could read.
fn owner_only(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mine = meta.uid() == current_user();
        if mine && meta.mode() & 0o077 != 0 {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().mode() & 0o777
    }

    #[test]
    fn own_folders_and_files_are_private_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("esf-browser");
        folder(&own, true).unwrap();
        assert_eq!(mode(&own), 0o700);
        let notes = own.join("notes.sqlite");
        new_file(&notes).unwrap();
        assert_eq!(mode(&notes), 0o600);
        std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(&own, std::fs::Permissions::from_mode(0o755)).unwrap();
        tighten(&notes, true);
        assert_eq!((mode(&notes), mode(&own)), (0o600, 0o700));
    }

    #[test]
    fn a_link_planted_where_the_notes_go_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "theirs").unwrap();
        let notes = dir.path().join("notes.sqlite");
        std::os::unix::fs::symlink(&target, &notes).unwrap();
        let err = new_file(&notes).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");
        std::fs::remove_file(&notes).unwrap();
        std::fs::write(&notes, "text").unwrap();
        assert!(new_file(&notes).is_err(), "a file that is not notes");
    }

    #[test]
    fn a_folder_the_user_named_is_never_made() {
        let dir = tempfile::tempdir().unwrap();
        let err = folder(&dir.path().join("no/such"), false).unwrap_err();
        assert!(err.to_string().contains("no/such"), "{err}");
        assert!(!dir.path().join("no").exists());
    }
}
