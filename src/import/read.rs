//! Reading one input on a worker thread: unchanged files are recognised
//! by size and time, else by content hash, and are not parsed again; a
//! file rewritten while it is read is read again.

use super::Input;
use crate::files::FileId;
use crate::ingest;
use crate::ingest::lists::{ListHead, ListPart, ListReader};
use crate::model::ParsedDocument;
use crate::store::{DocMeta, Known};
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
#[cfg(test)]
use std::path::PathBuf;
use xxhash_rust::xxh3::xxh3_128;

/// What a worker made of one input.
pub enum Outcome {
    Unreadable(String),
    /// Size and time show the file as the cache has it.
    Unchanged,
    /// Read again and found as the cache has it.
    Confirmed(DocMeta),
    Read(Box<(DocMeta, ParsedDocument)>),
    /// A spreadsheet of projects whose rows are still to be read: one
    /// record per row it keeps.
    List(Box<(DocMeta, ListReader)>),
    /// The same, its rows coming as they are read.
    ListRows(
        Box<(DocMeta, ListHead)>,
        std::sync::mpsc::Receiver<ListPart>,
    ),
}

pub fn read_input(input: &Input, known: &Known) -> Outcome {
    let path = input.recorded_path();
    // Taken before the file's size and time: see `KnownDoc::checked`.
    let read_at = crate::dates::now();
    let stamp = |size, modified| Stamp {
        size,
        modified,
        read_at,
    };
    match input {
        Input::Unlistable(_, why) => Outcome::Unreadable(why.clone()),
        Input::Embedded { bytes, .. } => {
            read_bytes(path, bytes, stamp(bytes.len() as i64, None), known)
        }
        Input::File(file, seen) => {
            let meta = match std::fs::symlink_metadata(file) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Outcome::Unreadable(
                        "became a symbolic link after its folder was read; import again".into(),
                    )
                }
                Ok(meta) if seen.is_some_and(|id| id != (meta.dev(), meta.ino())) => {
                    return Outcome::Unreadable(replaced().into())
                }
                Ok(meta) if meta.is_file() => meta,
                Ok(_) => return Outcome::Unreadable("not a regular file".into()),
                Err(err) => return Outcome::Unreadable(format!("cannot read: {err}")),
            };
            let size = meta.len() as i64;
            let modified = modified_secs(&meta);
            if known
                .get(&path)
                .is_some_and(|k| k.unchanged_by_stat(size, modified))
            {
                return Outcome::Unchanged;
            }
            match read_steady(file, &meta, *seen) {
                Ok((bytes, size, modified)) => {
                    read_bytes(path, &bytes, stamp(size, modified), known)
                }
                Err(reason) => Outcome::Unreadable(reason),
            }
        }
    }
}

/// The file's bytes with the size and time they belong to. A file being
/// rewritten while it is read is read again, and skipped if it keeps
/// changing, so a half-written file is never stored as unchanged-looking.
fn read_steady(
    file: &Path,
    before: &Metadata,
    seen: Option<FileId>,
) -> std::result::Result<Steady, String> {
    read_steady_with(file, before, &mut |f| read_no_follow(f, seen))
}

/// Said of a file another one has taken the place of (a folder on its
/// path swapped for a link, say) since its folder was read.
fn replaced() -> &'static str {
    crate::i18n::t("another file has taken its place since its folder was read; import again")
}

/// The file's bytes, refused if it is a link by now (never followed), no
/// regular file by now (never waited on), larger than a document is, or
/// another file than its folder held.
fn read_no_follow(file: &Path, seen: Option<FileId>) -> std::io::Result<Vec<u8>> {
    use crate::files::read_bounded::{read_checked, Links, Refused};
    let same = |meta: &Metadata| seen.is_none_or(|id| id == (meta.dev(), meta.ino()));
    // A project list may be larger than a document; one that is no list
    // is held to the document's bound after it is read (`read_bytes`).
    let bytes = read_checked(file, ingest::lists::LIST_LIMIT, Links::Refuse, &same);
    bytes.map_err(|refused| match refused {
        Refused::Io(err) => err,
        Refused::Other => std::io::Error::other(replaced()),
        other => std::io::Error::other(other.to_string()),
    })
}

/// Bytes, size and modification time (seconds) that belong together.
type Steady = (Vec<u8>, i64, Option<i64>);

/// [`read_steady`] with the reading handed in, so tests can rewrite the
/// file in the middle of a read.
fn read_steady_with(
    file: &Path,
    before: &Metadata,
    read: &mut dyn FnMut(&Path) -> std::io::Result<Vec<u8>>,
) -> std::result::Result<Steady, String> {
    let stamp = |m: &std::fs::Metadata| (m.len() as i64, modified_secs(m), m.modified().ok());
    let mut expected = stamp(before);
    for _ in 0..3 {
        let bytes = read(file).map_err(|err| format!("cannot read: {err}"))?;
        let after = std::fs::metadata(file).map_err(|err| format!("cannot read: {err}"))?;
        let now = stamp(&after);
        if now == expected && bytes.len() as i64 == now.0 {
            return Ok((bytes, now.0, now.1));
        }
        expected = now;
    }
    Err("changed while it was being read; import again when it is written".into())
}

fn modified_secs(meta: &Metadata) -> Option<i64> {
    let time = meta.modified().ok()?;
    let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(since.as_secs() as i64)
}

/// A file's size and time, and when it was read.
struct Stamp {
    size: i64,
    modified: Option<i64>,
    read_at: i64,
}

fn read_bytes(path: String, bytes: &[u8], stamp: Stamp, known: &Known) -> Outcome {
    let hash = format!("{:032x}", xxh3_128(bytes));
    let same = known.get(&path).is_some_and(|k| k.hash == hash);
    let meta = DocMeta {
        path,
        hash,
        size: stamp.size,
        modified_at: stamp.modified,
        read_at: stamp.read_at,
    };
    if same {
        return Outcome::Confirmed(meta);
    }
    match ingest::lists::open_list(&meta.path, bytes) {
        Some(Ok(list)) => return Outcome::List(Box::new((meta, list))),
        Some(Err(why)) => {
            let doc = ParsedDocument::skipped(&meta.path, why);
            return Outcome::Read(Box::new((meta, doc)));
        }
        None => {}
    }
    let limit = crate::files::read_bounded::DOCUMENT_LIMIT;
    if bytes.len() as u64 > limit {
        let why = crate::files::read_bounded::Refused::TooLarge(limit).to_string();
        let doc = ParsedDocument::skipped(&meta.path, why);
        return Outcome::Read(Box::new((meta, doc)));
    }
    let doc = ingest::parse_bytes(&meta.path, bytes);
    Outcome::Read(Box::new((meta, doc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file and a reader that rewrites it (longer each time) after the
    /// first `rewrites` reads, as an editor saving during an import would.
    fn rewriting_reader(
        rewrites: usize,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        impl FnMut(&Path) -> std::io::Result<Vec<u8>>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("doc.txt");
        std::fs::write(&file, "first version").unwrap();
        let mut reads = 0;
        let reader = move |f: &Path| {
            let bytes = std::fs::read(f)?;
            reads += 1;
            if reads <= rewrites {
                std::fs::write(f, format!("version {reads} written during the read"))?;
            }
            Ok(bytes)
        };
        (dir, file, reader)
    }

    #[cfg(unix)]
    #[test]
    fn a_file_swapped_for_a_link_after_the_walk_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "private").unwrap();
        let doc = dir.path().join("doc.txt");
        std::os::unix::fs::symlink(&secret, &doc).unwrap();
        match read_input(&Input::File(doc.clone(), None), &Known::new()) {
            Outcome::Unreadable(why) => assert!(why.contains("symbolic link"), "{why}"),
            _ => panic!("a link read where a file was found"),
        }
        assert!(read_no_follow(&doc, None).is_err(), "never followed");
    }

    #[test]
    fn a_file_rewritten_during_its_read_is_read_again() {
        let (_dir, file, mut reader) = rewriting_reader(1);
        let before = std::fs::metadata(&file).unwrap();
        let (bytes, size, _) = read_steady_with(&file, &before, &mut reader).unwrap();
        assert_eq!(bytes, b"version 1 written during the read");
        assert_eq!(size, bytes.len() as i64);
    }

    #[test]
    fn a_file_that_keeps_changing_is_skipped_with_a_reason() {
        let (_dir, file, mut reader) = rewriting_reader(usize::MAX);
        let before = std::fs::metadata(&file).unwrap();
        let reason = read_steady_with(&file, &before, &mut reader).unwrap_err();
        assert!(
            reason.contains("changed while it was being read"),
            "{reason}"
        );
    }
}
