//! The list of imported files and folders, kept beside the cache file
//! (`cache.sqlite.sources`) so the cache can be rebuilt from it.
//!
//! A list is followed only when it is this user's own: their file, which
//! no one else may write, or signed with their key (a team's umask may
//! let others write it). Anything else (another user's file, a link, a
//! FIFO, a device, a list changed by someone else) is never followed
//! without asking: following it would copy whatever it names, another
//! user's private files included, into a cache the team reads.

use super::sources_key;
use crate::i18n::{t, tf};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The bundled sample corpus, recorded like a folder.
pub const SAMPLE: &str = "sample:";

/// The first line of every list esf writes, and of those an older esf wrote.
const HEADER: &str =
    "# esf-browser sources 2: files and folders imported into the cache beside this file";
const HEADER_1: &str = "# esf-browser: files and folders imported into the cache beside this file";
/// The last line of a signed list: a keyed hash of every line before it.
const SIGNATURE: &str = "# signature ";
/// Far more than any list of folders; a list past it is not read.
const MAX_BYTES: u64 = 16 << 20;

/// Where the list for the cache at `db` lives.
pub fn list_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".sources");
    db.with_file_name(name)
}

/// One recorded file or folder, with what it was when it was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    /// Who owned it (the file a link leads to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<u32>,
    /// Whether the path itself was a symbolic link.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub link: bool,
    /// Where that link led.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl Source {
    /// A path as it is now.
    pub fn now(path: String) -> Source {
        let p = Path::new(&path);
        let link = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        let owner = std::fs::metadata(p).ok().map(|m| m.uid());
        let target = link.then(|| target_of(p)).flatten();
        Source {
            path,
            owner,
            link,
            target,
        }
    }

    /// Why this source is no longer what was imported, if it is not: it has
    /// become a link, or belongs to someone else now. A source that is gone
    /// is not changed (the import says what is missing).
    pub fn changed(&self) -> Option<String> {
        if self.path == SAMPLE {
            return None;
        }
        let p = Path::new(&self.path);
        let is_link = std::fs::symlink_metadata(p).ok()?.file_type().is_symlink();
        let owner = std::fs::metadata(p).ok().map(|m| m.uid());
        if is_link && !self.link {
            return Some(t("has become a symbolic link since it was imported; import it by name if it should be followed").into());
        }
        let now_at = is_link.then(|| target_of(p)).flatten();
        if self.link && self.target.is_some() && now_at != self.target {
            return Some(tf(
                "is a symbolic link that now leads to {} (to {} when it was imported); import it by name if it should be followed",
                &[&now_at.unwrap_or_default(), &self.target.clone().unwrap_or_default()],
            ));
        }
        match (self.owner, owner) {
            (Some(was), Some(now)) if was != now => Some(tf(
                "now belongs to another user (uid {}; uid {} when it was imported); import it by name if it should be read",
                &[&now, &was],
            )),
            // An older list says nothing of owners: a link to someone
            // else's files is not followed on its word alone.
            (None, Some(now)) if is_link && now != current_user() => Some(tf(
                "is a symbolic link to another user's files (uid {}); import it by name if it should be read",
                &[&now],
            )),
            _ => None,
        }
    }
}

/// Where a link leads, as a real path.
fn target_of(link: &Path) -> Option<String> {
    let real = std::fs::canonicalize(link).ok()?;
    Some(real.to_string_lossy().into_owned())
}

/// What lies beside a cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// No list (a cache never imported into, or only in memory).
    None,
    /// This user's own list.
    Trusted(Vec<Source>),
    /// A list that is not followed without asking, and why.
    Distrusted { sources: Vec<Source>, why: String },
}

impl Recorded {
    /// The sources, whoever wrote them.
    pub fn sources(&self) -> &[Source] {
        match self {
            Recorded::None => &[],
            Recorded::Trusted(s) | Recorded::Distrusted { sources: s, .. } => s,
        }
    }
}

/// The list beside `db`, and whether it may be followed.
pub fn read(db: &Path) -> Recorded {
    let path = list_path(db);
    let file = match read_list_file(&path) {
        Ok(None) => return Recorded::None,
        Ok(Some(file)) => file,
        Err(why) => {
            return Recorded::Distrusted {
                sources: Vec::new(),
                why,
            }
        }
    };
    let Some((sources, signed)) = parse(&file.text) else {
        let why = t("is not a list esf wrote").to_string();
        return Recorded::Distrusted {
            sources: Vec::new(),
            why,
        };
    };
    // The bundled sample names nothing on disk: following it reads no one's files.
    let only_sample = sources.iter().all(|s| s.path == SAMPLE);
    let why = if file.owner != current_user() {
        tf("belongs to another user (uid {})", &[&file.owner])
    } else if file.links > 1 {
        t("has other names (hard links), so it may be another list of yours").into()
    } else if only_sample
        || !file.others_may_write
        || signed.is_some_and(|(body, sig)| sources_key::verify(&signed_text(&path, body), sig))
    {
        return Recorded::Trusted(sources);
    } else {
        t("may be written by others and does not carry your signature (someone else may have changed it)").into()
    };
    Recorded::Distrusted { sources, why }
}

/// True when a list of this user's lies beside `db`: what makes a damaged
/// file there esf's own cache.
pub fn is_list(db: &Path) -> bool {
    matches!(read(db), Recorded::Trusted(_))
}

struct ListFile {
    text: String,
    owner: u32,
    links: u64,
    others_may_write: bool,
}

/// The list's text, read only from a regular file of a sane size; opened without following links and without blocking (a
/// FIFO would hang the read forever).
fn read_list_file(path: &Path) -> Result<Option<ListFile>, String> {
    let mut options = std::fs::OpenOptions::new();
    options
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(t("is a symbolic link").into())
        }
        Err(e) => return Err(tf("cannot be read: {}", &[&e])),
    };
    let meta = file
        .metadata()
        .map_err(|e| tf("cannot be read: {}", &[&e]))?;
    if !meta.is_file() {
        return Err(t("is not a regular file").into());
    }
    if meta.len() > MAX_BYTES {
        return Err(tf("is larger than {} MB", &[&(MAX_BYTES >> 20)]));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| tf("cannot be read: {}", &[&e]))?;
    let text = String::from_utf8(bytes).map_err(|_| t("is not a list esf wrote").to_string())?;
    Ok(Some(ListFile {
        text,
        owner: meta.uid(),
        links: meta.nlink(),
        others_may_write: meta.mode() & 0o022 != 0,
    }))
}

/// The signed part of a list and its signature.
type Signed<'a> = Option<(&'a str, &'a str)>;

/// The sources of a list esf wrote, and its signature; `None` for text
/// that is no such list.
fn parse(text: &str) -> Option<(Vec<Source>, Signed<'_>)> {
    if let Some(rest) = text.strip_prefix(HEADER) {
        return parse_lines(text, rest);
    }
    // Older lists: one absolute path (or sample) a line, header or not.
    let rest = text.strip_prefix(HEADER_1).unwrap_or(text);
    let lines: Vec<&str> = rest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let paths = lines.iter().all(|l| l.starts_with('/') || *l == SAMPLE);
    let recognised = text.starts_with(HEADER_1) || (!lines.is_empty() && paths);
    let sources = lines.iter().map(|l| Source {
        path: l.to_string(),
        owner: None,
        link: false,
        target: None,
    });
    (recognised && paths).then(|| (sources.collect(), None))
}

fn parse_lines<'a>(text: &'a str, rest: &'a str) -> Option<(Vec<Source>, Signed<'a>)> {
    let mut sources = Vec::new();
    let mut signed = None;
    let mut at = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(sig) = trimmed.strip_prefix(SIGNATURE) {
            signed = Some((&text[..at], sig));
            break;
        }
        at += line.len();
        if !trimmed.is_empty() {
            let source: Source = serde_json::from_str(trimmed).ok()?;
            let kept = source.path.starts_with('/') || source.path == SAMPLE;
            sources.push(kept.then_some(source)?);
        }
    }
    Some((sources, signed))
}

/// `list` with `new` added (in order, once each by path).
pub fn with_added(list: &[Source], new: &[Source]) -> Vec<Source> {
    let mut all = list.to_vec();
    for source in new {
        if !all.iter().any(|s| s.path == source.path) {
            all.push(source.clone());
        }
    }
    all
}

/// What a signature covers: the list's own place (so a list of the user's
/// copied beside another cache does not pass for that cache's) and its text.
fn signed_text(list: &Path, text: &str) -> String {
    let name = list.file_name().unwrap_or_default();
    let dir = list.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir
        .and_then(|d| std::fs::canonicalize(d).ok())
        .unwrap_or_default();
    format!("{}\n{text}", dir.join(name).display())
}

/// The text of the list at `at`: header, one source a line, and the
/// user's signature where they have a key.
fn text_of(at: &Path, sources: &[Source]) -> String {
    let mut text = format!("{HEADER}\n");
    for s in sources {
        let line = serde_json::to_string(s).unwrap_or_default();
        text.push_str(&line);
        text.push('\n');
    }
    // The sample alone needs no signature (and no key made for it).
    let only_sample = sources.iter().all(|s| s.path == SAMPLE);
    let signed = |text: &str| sources_key::sign(&signed_text(at, text));
    if let Some(sig) = (!only_sample).then(|| signed(&text)).flatten() {
        text.push_str(&format!("{SIGNATURE}{sig}\n"));
    }
    text
}

/// A new list written and synced beside the cache under an unguessable
/// name (created exclusively, never through a link); it replaces the list
/// only when [`Pending::put_in_place`] is called, after the import commits.
pub struct Pending {
    file: tempfile::NamedTempFile,
    target: PathBuf,
}

pub fn prepare(db: &Path, sources: &[Source]) -> std::io::Result<Pending> {
    let target = list_path(db);
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    let mut file = tempfile::Builder::new()
        .prefix(".esf-sources-")
        .tempfile_in(dir.unwrap_or(Path::new(".")))?;
    file.write_all(text_of(&target, sources).as_bytes())?;
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

/// Adds sources to the list at once (outside an import); a list that is
/// not this user's is replaced, not added to.
pub fn record(db: &Path, new: &[String]) -> std::io::Result<()> {
    let recorded = match read(db) {
        Recorded::Trusted(s) => s,
        _ => Vec::new(),
    };
    let new: Vec<Source> = new.iter().cloned().map(Source::now).collect();
    let all = with_added(&recorded, &new);
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

pub use super::user::current_user;

#[cfg(test)]
mod tests;
