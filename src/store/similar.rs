//! What "did you mean" reads from the cache: keys through the index of
//! keys (case aside), a few ranges of it rather than every key, and the
//! projects whose name starts with what was typed or holds its words,
//! found through the list's index and the full-text index's name column
//! rather than by comparing every name.

use super::{Result, Store, StoreError};
use crate::search::near_keys::SortedKeys;
use rusqlite::{params, OptionalExtension};
use std::cmp::Ordering;

/// The cache's index of keys, case aside, for "did you mean".
impl SortedKeys for Store {
    type Error = StoreError;

    fn first_from(&self, from: &str) -> Result<Option<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key FROM projects WHERE key >= ?1 COLLATE NOCASE
             ORDER BY key COLLATE NOCASE LIMIT 1",
        )?;
        Ok(stmt.query_row([from], |r| r.get(0)).optional()?)
    }

    fn starting_with(&self, prefix: &str, most: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key FROM projects WHERE key >= ?1 COLLATE NOCASE AND key < ?2 COLLATE NOCASE
             ORDER BY key COLLATE NOCASE LIMIT ?3",
        )?;
        let end = format!("{prefix}\u{10FFFF}");
        let keys = stmt.query_map(params![prefix, end, most as i64], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// `keys` in list order (name, then key), those of no project left
    /// out.
    pub fn in_list_order(&self, keys: &[String]) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key FROM projects WHERE key IN (SELECT value FROM json_each(?1))
             ORDER BY name COLLATE NOCASE, key",
        )?;
        let keys = serde_json::to_string(keys).unwrap_or_default();
        let keys = stmt.query_map([keys], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// Up to `most` projects (key, name) whose name starts with `text`
    /// (case aside, through the list's index), and up to `most` whose name
    /// holds every word of it (through the full-text index, each word
    /// whole: the start of a word would merge every word it starts, in
    /// every text): each in list order, those whose name starts with it
    /// first, each once.
    pub fn named_like(&self, text: &str, most: usize) -> Result<Vec<(String, Option<String>)>> {
        let text = text.trim();
        let mut found = Vec::new();
        if !text.is_empty() {
            let mut stmt = self.conn.prepare_cached(
                "SELECT key, name FROM projects
                 WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE
                 ORDER BY name COLLATE NOCASE, key LIMIT ?3",
            )?;
            let end = format!("{text}\u{10FFFF}");
            let rows = stmt.query_map(params![text, end, most as i64], named)?;
            found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        }
        if let Some(query) = name_query(text) {
            // Sorted here: SQLite would sort before the limit (a quarter
            // of a second at a million projects).
            let mut stmt = self.conn.prepare_cached(
                "SELECT p.key, p.name FROM project_fts
                 JOIN projects p ON p.rowid_ = project_fts.rowid
                 WHERE project_fts MATCH ?1 LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, most as i64], named)?;
            let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.sort_by(in_list_order);
            for row in rows {
                if !found.iter().any(|(key, _)| *key == row.0) {
                    found.push(row);
                }
            }
        }
        Ok(found)
    }
}

/// The list's order: by name as SQLite's NOCASE sorts it (ASCII letters
/// alike in either case, no name first), then by key.
fn in_list_order(a: &(String, Option<String>), b: &(String, Option<String>)) -> Ordering {
    let nocase = |name: &Option<String>| {
        name.as_ref().map(|n| {
            n.bytes()
                .map(|c| c.to_ascii_lowercase())
                .collect::<Vec<u8>>()
        })
    };
    nocase(&a.1).cmp(&nocase(&b.1)).then_with(|| a.0.cmp(&b.0))
}

fn named(r: &rusqlite::Row) -> rusqlite::Result<(String, Option<String>)> {
    Ok((r.get(0)?, r.get(1)?))
}

/// The words of `text` as a query of the full-text index's name column,
/// each whole and quoted (no input is FTS5 syntax). None without a word.
fn name_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.to_lowercase()))
        .collect();
    // FTS5's column filter: a query, not a message.
    let column_query = |words: &[String]| format!("name : ({})", words.join(" AND "));
    (!words.is_empty()).then(|| column_query(&words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_a_query_of_the_name_column() {
        assert_eq!(
            name_query("Nya vägar i"),
            Some("name : (\"nya\" AND \"vägar\" AND \"i\")".into())
        );
        assert_eq!(
            name_query("22-002-S07\"*"),
            Some("name : (\"22\" AND \"002\" AND \"s07\")".into())
        );
        assert_eq!(name_query(" -/ "), None);
    }
}
