//! Related projects for the detail pane, found on another thread: around a
//! project of the big agencies that takes a few hundred milliseconds at a
//! million projects, which moving the selection must not wait for.

use super::worker::Latest;
use crate::store::Store;
pub use crate::tui::msg::Found;

/// Related projects shown in the detail pane.
const SHOWN: usize = 5;

/// The projects related to `key`, best first.
pub fn find(store: &Store, key: &str) -> Found {
    store
        .neighbourhood_of_project(key, true)
        .map(|(key, nb)| crate::graph::related(&nb, &key, SHOWN))
        .map_err(|e| e.to_string())
}

/// Starts the thread that finds related projects (see [`Latest`]); each
/// answer, with the key it is for, is handed to `deliver`.
pub fn start(reader: Store, deliver: impl Fn(String, Found) -> bool + Send + 'static) -> Latest {
    let answer = |store: &Store, key: &str| (key.to_string(), find(store, key));
    Latest::start(reader, answer, move |(key, found)| deliver(key, found))
}
