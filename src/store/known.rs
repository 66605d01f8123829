//! What the cache knows of the documents an import is given: their hash,
//! size and time as last read, so a file as it was is not parsed again.

use super::{Result, Store};
use std::collections::HashMap;

/// What the cache knows of each document, by path.
pub type Known = HashMap<String, KnownDoc>;

/// How far a file server's clock may be behind this machine's: a file
/// whose time is that close to its last read is compared by content.
const CLOCK_MARGIN_SECS: i64 = 2;

/// A document as the cache last saw its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownDoc {
    pub hash: String,
    pub size: i64,
    /// The file's modification time, in seconds.
    pub modified: Option<i64>,
    /// When the file was last read (seconds, taken before its size and
    /// time were): a time not older than this may hide an edit made in
    /// the same second, so such a file's content is compared again.
    pub checked: i64,
}

impl KnownDoc {
    /// True when size and time alone show the file as it was: they are
    /// the same, and the time is older than the last read, so an edit
    /// since would have given it a later one ("racy git").
    pub fn unchanged_by_stat(&self, size: i64, modified: Option<i64>) -> bool {
        let settled = |m: i64| m < self.checked - CLOCK_MARGIN_SECS;
        self.size == size && modified.is_some_and(|m| self.modified == Some(m) && settled(m))
    }
}

impl Store {
    /// Every document the cache holds, by path.
    pub fn known_documents(&self) -> Result<Known> {
        let mut stmt = self.conn.prepare(
            "SELECT path, content_hash, size, modified_at, imported_at FROM documents
                 WHERE list_id IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            let doc = KnownDoc {
                hash: r.get(1)?,
                size: r.get(2)?,
                modified: r.get(3)?,
                checked: r.get(4)?,
            };
            Ok((r.get(0)?, doc))
        })?;
        Ok(rows.collect::<rusqlite::Result<Known>>()?)
    }

    /// What the cache knows of the documents at `paths` only, a lookup
    /// each: an import of a few files into a cache of a million documents
    /// does not list them all (over a second).
    pub fn known_documents_of(&self, paths: impl Iterator<Item = String>) -> Result<Known> {
        let mut stmt = self.conn.prepare(
            "SELECT content_hash, size, modified_at, imported_at FROM documents
                 WHERE path = ?1 AND list_id IS NULL",
        )?;
        let mut known = Known::new();
        for path in paths {
            let found = stmt.query_row([&path], |r| {
                Ok(KnownDoc {
                    hash: r.get(0)?,
                    size: r.get(1)?,
                    modified: r.get(2)?,
                    checked: r.get(3)?,
                })
            });
            if let Some(doc) = rusqlite::OptionalExtension::optional(found)? {
                known.insert(path, doc);
            }
        }
        Ok(known)
    }

    /// About how many documents the cache holds (the largest number one
    /// was given: no count of a million rows).
    pub fn documents_about(&self) -> Result<usize> {
        let most: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM documents", [], |r| {
                    r.get(0)
                })?;
        Ok(most.max(0) as usize)
    }
}
