//! The full-text search of a query's terms on a connection and a thread of
//! its own, started before the caller reads the search index: at a million
//! projects each takes a good part of a second, and two cores do both at
//! once. Its answer is used only when it read the cache as of the same
//! import as the caller's snapshot.

use super::{Result, Store};
use rusqlite::{Connection, OpenFlags};

/// The rows each term's texts are found in, being worked out.
pub struct TextRowsApart {
    job: std::thread::JoinHandle<Result<(i64, Vec<Vec<i64>>)>>,
}

impl Store {
    /// [`Store::text_match_rows`] of each of `terms` on a thread; None for a
    /// cache in memory.
    pub fn text_rows_apart(&self, terms: Vec<String>, ranked: usize) -> Option<TextRowsApart> {
        let path = self.path.clone()?;
        let job = std::thread::spawn(move || -> Result<(i64, Vec<Vec<i64>>)> {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&path, flags)?;
            conn.busy_timeout(super::BUSY_TIMEOUT)?;
            let store = Store {
                conn,
                path: Some(path),
                read_only: true,
            };
            let _snapshot = store.conn.unchecked_transaction()?;
            let newest = super::index_tail::newest_import(&store.conn)?;
            let rows = terms.iter().map(|t| store.text_match_rows(t, ranked, true));
            Ok((newest, rows.collect::<Result<_>>()?))
        });
        Some(TextRowsApart { job })
    }
}

impl TextRowsApart {
    /// Each term's rows, when they were read as of the newest import of
    /// `store`'s snapshot; None otherwise (or if the thread failed): the
    /// caller searches on its own connection then.
    pub fn join(self, store: &Store) -> Option<Vec<Vec<i64>>> {
        let (newest, rows) = self.job.join().ok()?.ok()?;
        let ours = super::index_tail::newest_import(&store.conn).ok()?;
        (newest == ours).then_some(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, ImportOptions, Input};

    fn imported(store: &mut Store, inputs: &[Input]) {
        import(store, inputs, &ImportOptions::default(), &mut |_, _| {}).unwrap();
    }

    #[test]
    fn rows_found_apart_are_those_found_here_and_only_of_the_same_import() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("cache.sqlite")).unwrap().store;
        let sample = Input::sample();
        imported(&mut store, &sample[..3]);
        let terms: Vec<String> = ["arbete", "samordning", "ips", "qxzjv"]
            .map(String::from)
            .into();
        let here: Vec<Vec<i64>> = terms
            .iter()
            .map(|t| store.text_match_rows(t, 2, true).unwrap())
            .collect();
        assert!(
            here.iter().filter(|r| !r.is_empty()).count() >= 2,
            "{here:?}"
        );
        let apart = store.text_rows_apart(terms.clone(), 2).unwrap();
        assert_eq!(apart.join(&store), Some(here));
        // The other connection reads a later import than this snapshot.
        let snapshot = store.snapshot().unwrap();
        let _ = store.search_index(&snapshot).unwrap();
        let mut other = Store::open(&dir.path().join("cache.sqlite")).unwrap().store;
        imported(&mut other, &sample[3..]);
        let apart = store.text_rows_apart(terms, 2).unwrap();
        assert_eq!(apart.join(&store), None, "another import's rows");
        drop(snapshot);
        assert!(Store::in_memory()
            .unwrap()
            .text_rows_apart(Vec::new(), 2)
            .is_none());
    }
}
