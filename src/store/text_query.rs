//! A user's words as a query of the full-text index (FTS5): each word's
//! stem as the start of words, or, where the matches are too many to rank,
//! as the words of the index that start with it.

use super::{Result, Store};
use rusqlite::params;

/// Words as FTS5 phrases (quotes doubled), so no user input is syntax.
/// Every word's stem as a quoted prefix (`"metod"*`): quoted, no input is
/// FTS5 syntax; one token each, no phrase (the index keeps no positions).
pub(super) fn fts_query(words: &str) -> String {
    let stems = crate::search::stem::stems(words);
    stems
        .iter()
        .map(|s| fts_phrase(s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stem as FTS5 looks for it: a word of one or two letters whole, a
/// longer one as the start of words.
fn fts_phrase(stem: &str) -> String {
    match stem.chars().count() {
        1 | 2 => format!("\"{stem}\""),
        _ => format!("\"{stem}\"*"),
    }
}

/// A prefix is given as its words when it starts at most this many.
const WORDS_OF_A_PREFIX: usize = 64;

impl Store {
    /// [`fts_query`] with each prefix given as the words of the index that
    /// start with it (`"arbetar" OR "arbete" OR …`, at most
    /// [`WORDS_OF_A_PREFIX`]): the same texts in the same order, found in a
    /// fifth of the time, for FTS5 merges the positions of a prefix's every
    /// word before it gives the first text. Only where nothing is ranked:
    /// BM25 weighs a prefix and its words differently.
    pub(super) fn words_of_prefixes(&self, words: &str) -> Result<String> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT term FROM project_fts_words WHERE term >= ?1 AND term < ?2 LIMIT ?3",
        )?;
        let mut parts = Vec::new();
        for stem in crate::search::stem::stems(words) {
            // One token as the index writes it (a letter outside ASCII is
            // folded by FTS5's own rules), and a prefix (see fts_phrase).
            let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
            if stem.len() < 3 || !stem.bytes().all(plain) {
                parts.push(fts_phrase(&stem));
                continue;
            }
            let end = format!("{stem}\u{10FFFF}");
            let most = WORDS_OF_A_PREFIX as i64 + 1;
            let terms = stmt.query_map(params![stem, end, most], |r| r.get::<_, String>(0))?;
            let terms = terms.collect::<rusqlite::Result<Vec<_>>>()?;
            match terms.len() {
                1..=WORDS_OF_A_PREFIX => {
                    let quoted: Vec<String> = terms.iter().map(|t| quoted(t)).collect();
                    parts.push(format!("({})", quoted.join(" OR ")));
                }
                _ => parts.push(fts_phrase(&stem)),
            }
        }
        // A group in brackets is joined to the next by AND said aloud.
        Ok(parts.join(" AND "))
    }
}

/// A word in FTS5's quotation marks.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows a query finds in the sample corpus's texts.
    fn rows(store: &Store, query: &str) -> Vec<i64> {
        let mut stmt = store
            .conn
            .prepare("SELECT rowid FROM project_fts WHERE project_fts MATCH ?1")
            .unwrap();
        let rows = stmt.query_map([query], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn a_prefix_given_as_its_words_finds_the_same_texts_in_the_same_order() {
        let mut store = Store::in_memory().unwrap();
        let inputs = crate::import::Input::sample();
        let options = crate::import::ImportOptions::default();
        crate::import::import(&mut store, &inputs, &options, &mut |_, _| {}).unwrap();
        for words in [
            "arbete",
            "samordning rehab",
            "ips",
            "göteborg",
            "2015/00730",
            "qxzjv",
        ] {
            let expanded = store.words_of_prefixes(words).unwrap();
            assert_eq!(
                rows(&store, &expanded),
                rows(&store, &fts_query(words)),
                "{words}"
            );
        }
        assert!(!rows(&store, &store.words_of_prefixes("samordning").unwrap()).is_empty());
        let arbete = store.words_of_prefixes("arbete").unwrap();
        assert!(
            arbete.starts_with("(\"arbet") && arbete.contains(" OR "),
            "{arbete}"
        );
        assert_eq!(
            store.words_of_prefixes("göteborg").unwrap(),
            "\"göteborg\"*"
        );
    }

    #[test]
    fn fts_queries_are_quoted() {
        assert_eq!(fts_query("IPS  unga"), "\"ips\"* \"ung\"*");
        assert_eq!(fts_query("a\"b OR"), "\"a\" \"b\" \"or\"");
        assert_eq!(fts_query("  \" * "), "");
    }
}
