//! Reading a file whose kind and size are not trusted: regular files only
//! (a FIFO, a device or a socket is refused, never waited on: the file is
//! looked at before it is opened, opened non-blocking, and looked at again
//! through the open file), and never more than a bound.

use crate::i18n::{t, tf};
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// The largest document read (a saved page is a few hundred KB; one of
/// 32 MB takes about 160 MB to parse).
pub const DOCUMENT_LIMIT: u64 = 32 << 20;

/// The largest config file read (one that binds every key is 5 KB).
pub const CONFIG_LIMIT: u64 = 1 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// A FIFO, a device, a socket or a folder.
    NotRegular,
    /// Larger than the bound (in bytes).
    TooLarge(u64),
    /// Not the file the caller expected (it says why itself).
    Other,
    Io(std::io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotRegular => f.write_str(t("not a regular file")),
            Refused::TooLarge(limit) => f.write_str(&tf(
                "larger than {} MB, the most that is read",
                &[&(limit >> 20)],
            )),
            Refused::Io(err) => err.fmt(f),
            Refused::Other => f.write_str(t("not the file that was expected")),
        }
    }
}

impl From<std::io::Error> for Refused {
    fn from(err: std::io::Error) -> Refused {
        Refused::Io(err)
    }
}

/// How a path is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Follow,
    /// A symbolic link is refused (the open fails), never followed.
    Refuse,
}

/// The file's bytes, if it is a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64, links: Links) -> Result<Vec<u8>, Refused> {
    read_checked(path, limit, links, &|_| true)
}

/// [`read`], refusing an opened file that `expected` says is not the one
/// meant ([`Refused::Other`]).
pub fn read_checked(
    path: &Path,
    limit: u64,
    links: Links,
    expected: &dyn Fn(&std::fs::Metadata) -> bool,
) -> Result<Vec<u8>, Refused> {
    let meta = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    if !meta.is_file() && !meta.file_type().is_symlink() {
        return Err(Refused::NotRegular);
    }
    let file = open(path, links)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Refused::NotRegular);
    }
    if !expected(&meta) {
        return Err(Refused::Other);
    }
    if meta.len() > limit {
        return Err(Refused::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    match bytes.len() as u64 > limit {
        true => Err(Refused::TooLarge(limit)), // it grew while read
        false => Ok(bytes),
    }
}

/// Opened for reading without waiting: opening a FIFO for reading would
/// otherwise wait for a writer, forever.
fn open(path: &Path, links: Links) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        let nofollow = match links {
            Links::Follow => 0,
            Links::Refuse => libc::O_NOFOLLOW,
        };
        std::os::unix::fs::OpenOptionsExt::custom_flags(
            &mut options,
            libc::O_NONBLOCK | libc::O_CLOEXEC | nofollow,
        );
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_bound_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read(&file, 5, Links::Refuse).unwrap(), b"12345");
        assert!(matches!(
            read(&file, 4, Links::Refuse),
            Err(Refused::TooLarge(4))
        ));
        assert!(matches!(
            read(dir.path(), 5, Links::Follow),
            Err(Refused::NotRegular)
        ));
        #[cfg(unix)]
        {
            assert!(matches!(
                read(Path::new("/dev/zero"), 5, Links::Follow),
                Err(Refused::NotRegular)
            ));
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(read(&link, 5, Links::Follow).unwrap(), b"12345");
            assert!(matches!(read(&link, 5, Links::Refuse), Err(Refused::Io(_))));
        }
    }
}
