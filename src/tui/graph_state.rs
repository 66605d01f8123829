//! The graph screen's state: the path walked (a breadcrumb), the ego
//! network of its last step, and a cursor over that network's neighbours.

use super::selection::Selection;
use crate::graph::{self, Ego, Focus};
use crate::store::{Store, StoreError};

/// Neighbours shown per organisation on the outer ring and in the list.
pub const PER_GROUP: usize = 4;
/// Projects shown around an organisation.
pub const ORG_LIMIT: usize = 200;

pub struct GraphView {
    /// Every focus visited, the current one last.
    pub path: Vec<Focus>,
    pub ego: Ego,
    pub selection: Selection,
    /// Branch offices and units counted as their parent.
    pub rollup: bool,
}

impl GraphView {
    /// The graph centred on `focus`, or None when it is not in the cache.
    pub fn open(
        store: &Store,
        focus: Focus,
        rollup: bool,
    ) -> Result<Option<GraphView>, StoreError> {
        let Some(ego) = load(store, &focus, rollup)? else {
            return Ok(None);
        };
        Ok(Some(GraphView {
            path: vec![focus],
            ego,
            selection: Selection::default(),
            rollup,
        }))
    }

    pub fn focus(&self) -> &Focus {
        self.path.last().expect("a graph always has a focus")
    }

    /// Moves the focus to the selected neighbour (an organisation or a
    /// project). Returns false when there is nothing selected.
    pub fn enter(&mut self, store: &Store) -> Result<bool, StoreError> {
        let Some(group) = self.ego.groups.get(self.selection.index) else {
            return Ok(false);
        };
        let next = if group.node.is_project() {
            Focus::Project(group.node.id.clone())
        } else {
            Focus::Organisation(group.node.id.clone())
        };
        let Some(ego) = load(store, &next, self.rollup)? else {
            return Ok(false);
        };
        self.path.push(next);
        self.ego = ego;
        self.selection.reset();
        Ok(true)
    }

    /// One step back along the path; false at its start.
    pub fn back(&mut self, store: &Store) -> Result<bool, StoreError> {
        if self.path.len() < 2 {
            return Ok(false);
        }
        let left = self.path.pop().expect("checked length");
        self.reload(store)?;
        let index = self
            .ego
            .groups
            .iter()
            .position(|g| matches_focus(&g.node, &left));
        self.selection.index = index.unwrap_or(0);
        Ok(true)
    }

    /// Rolls branches up into their parents, or keeps them apart.
    pub fn toggle_rollup(&mut self, store: &Store) -> Result<(), StoreError> {
        self.rollup = !self.rollup;
        self.reload(store)?;
        self.selection.reset();
        Ok(())
    }

    fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        if let Some(ego) = load(store, self.focus(), self.rollup)? {
            self.ego = ego;
        }
        Ok(())
    }

    /// Labels of the path, for the breadcrumb.
    pub fn breadcrumb(&self) -> Vec<String> {
        self.path
            .iter()
            .map(|f| match f {
                Focus::Project(key) => key.clone(),
                Focus::Organisation(name) => name.clone(),
            })
            .collect()
    }
}

fn matches_focus(node: &graph::Member, focus: &Focus) -> bool {
    match focus {
        Focus::Project(key) => node.is_project() && node.id == *key,
        Focus::Organisation(name) => !node.is_project() && node.id == *name,
    }
}

fn load(store: &Store, focus: &Focus, rollup: bool) -> Result<Option<Ego>, StoreError> {
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
