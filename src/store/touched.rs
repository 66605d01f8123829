//! What one import run has touched so far: shared by the writing of
//! documents and the recomputing of projects at the end of the run.

use std::collections::{HashMap, HashSet};

/// What a project was before this run: fingerprint and name.
pub type Before = (Option<i64>, Option<String>);

/// (name key, owner key) of a record: how articles find their project.
pub type NamePair = (Option<String>, Option<String>);

/// Project keys and name pairs an import changed; their projects are
/// recomputed at the end.
#[derive(Debug, Default)]
pub struct Touched {
    pub keys: HashSet<String>,
    pub names: HashSet<NamePair>,
    /// The full-text index was empty when the run began: it is built once
    /// at the end instead of row by row.
    pub defer_fts: bool,
    /// The number this run will have in the import log, when it records
    /// what it changes.
    pub import_id: Option<i64>,
    /// Projects dropped during the run (their file changed or went), as
    /// they were: by key.
    pub before: HashMap<String, Before>,
    /// The compared fields of those projects' records, to say which
    /// fields a change changed.
    pub before_fields: HashMap<String, crate::model::Project>,
    /// Keys whose project this run put in at once (their first record):
    /// what the cache had before is in `before`, not in that row.
    pub inserted: HashSet<String>,
    /// Made keys whose records joined a numbered project this run: the
    /// project goes on under its number, so its old key is no removal.
    pub joined: HashSet<String>,
}
