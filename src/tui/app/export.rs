//! The export's file: the list as it is filtered, written to a new file
//! in the current folder as CSV, JSON or Markdown, with the user's notes
//! if asked. Contact persons are left out (`esf export --with-contacts`
//! has them).

use std::path::PathBuf;

/// Writes `esf-export-<time>.<ext>` in `dir`, never over an existing file;
/// one holding the user's notes is readable by them only.
pub(super) fn write_new(
    dir: &std::path::Path,
    ext: &str,
    text: &str,
    private: bool,
) -> std::io::Result<PathBuf> {
    let stamp = crate::dates::timestamp_seconds(crate::dates::now()).replace([' ', ':'], "-");
    write_named(dir, &format!("esf-export-{stamp}"), ext, text, private)
}

/// Writes `<stem>.<ext>` in `dir`, or `<stem>-2.<ext>` and so on when a
/// file has the name: never over an existing file.
pub(super) fn write_named(
    dir: &std::path::Path,
    stem: &str,
    ext: &str,
    text: &str,
    private: bool,
) -> std::io::Result<PathBuf> {
    use std::io::Write;
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
