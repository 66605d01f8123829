//! Related projects for the detail pane, found on another thread: around a
//! project of the big agencies that takes a few hundred milliseconds at a
//! million projects, which moving the selection must not wait for.

use super::worker::Latest;
use crate::graph::Related;
use crate::store::Store;

/// Related projects shown in the detail pane.
const SHOWN: usize = 5;

/// What finding related projects gives: them, or why they could not be read.
pub type Found = Result<Vec<Related>, String>;

/// The projects related to `key`, best first.
pub fn find(store: &Store, key: &str) -> Found {
    store
        .neighbourhood_of_project(key, true)
        .map(|(key, nb)| crate::graph::related(&nb, &key, SHOWN))
        .map_err(|e| e.to_string())
}

/// Finds related projects on a thread of its own (see [`Latest`]).
pub type Finder = Latest<(String, Found)>;

/// A project's key with its related projects, as the finder answers.
pub fn find_for(store: &Store, key: &str) -> (String, Found) {
    (key.to_string(), find(store, key))
}
