//! The graph's reader: a focus's neighbourhood, from the cache.

use crate::graph::{self, Ego, Focus};
use crate::store::{Store, StoreError};
use crate::tui::graph_state::{ORG_LIMIT, PER_GROUP};

/// Reads the neighbourhood of a focus; None when it is not in the cache.
pub fn load(store: &Store, focus: &Focus, rollup: bool) -> Result<Option<Ego>, StoreError> {
    let found = match focus {
        Focus::Project(key) => store
            .neighbourhood_of_project(key, rollup)
            .map(|(key, nb)| graph::ego_of_project(&nb, &key, PER_GROUP)),
        Focus::Organisation(name) => store
            .neighbourhood_of_org(name, rollup, ORG_LIMIT)
            .map(|(node, nb)| graph::ego_of_org(&nb, &node, ORG_LIMIT, PER_GROUP)),
    };
    match found {
        Ok(ego) => Ok(Some(ego)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}
