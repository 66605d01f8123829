//! The user's key for signing the lists of sources they write: a file of
//! their own (0600) in their data folder. A list whose
//! signature matches was written by them, whoever may write the file now.

use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const KEY_FILE: &str = "sources.key";

static KEY: OnceLock<Option<[u8; 32]>> = OnceLock::new();

/// The signature of `text`, where the user has (or can make) a key.
pub fn sign(text: &str) -> Option<String> {
    let key = key()?;
    Some(
        blake3::keyed_hash(&key, text.as_bytes())
            .to_hex()
            .to_string(),
    )
}

/// True when `signature` is the user's for `text`.
pub fn verify(text: &str, signature: &str) -> bool {
    let Some(key) = key() else {
        return false;
    };
    let Ok(wanted) = blake3::Hash::from_hex(signature.trim()) else {
        return false;
    };
    // `Hash` compares in constant time.
    blake3::keyed_hash(&key, text.as_bytes()) == wanted
}

fn key() -> Option<[u8; 32]> {
    *KEY.get_or_init(|| {
        // One place whatever `--notes` says: a scheduled import and the
        // user at a prompt sign with the same key.
        let folder = default_folder()?;
        let path = folder.join(KEY_FILE);
        read_key(&path).or_else(|| make_key(&folder, &path))
    })
}

fn default_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "esf-browser")?;
    let folder = dirs.data_dir().to_path_buf();
    let mut builder = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(builder.recursive(true), 0o700);
    builder.create(&folder).ok()?;
    Some(folder)
}

/// The key, only from a regular file of this user's that no one else may
/// read; anything else is no key (and is left alone).
fn read_key(path: &Path) -> Option<[u8; 32]> {
    let mut options = std::fs::OpenOptions::new();
    options
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    let meta = file.metadata().ok()?;
    let private = meta.mode() & 0o077 == 0;
    if !meta.is_file() || meta.uid() != super::user::current_user() || !private {
        return None;
    }
    let mut hex = String::new();
    file.take(65).read_to_string(&mut hex).ok()?;
    let hash = blake3::Hash::from_hex(hex.trim()).ok()?;
    Some(*hash.as_bytes())
}

/// A new random key, written whole under its name (never over a file
/// that is there: another esf may have made one a moment before).
fn make_key(folder: &Path, path: &Path) -> Option<[u8; 32]> {
    let mut key = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .ok()?
        .read_exact(&mut key)
        .ok()?;
    let mut file = tempfile::Builder::new()
        .prefix(".esf-key-")
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(folder)
        .ok()?;
    writeln!(file, "{}", blake3::Hash::from_bytes(key).to_hex()).ok()?;
    file.as_file().sync_all().ok()?;
    match file.persist_noclobber(path) {
        Ok(_) => Some(key),
        Err(_) => read_key(path),
    }
}
