//! The search box's text matches, found on a thread of its own: at a
//! million projects a common word takes the full-text index a while, and
//! typing must not wait for it. Only the latest query is answered.

use super::worker::Latest;
use crate::search::fields::Reason;
use crate::search::query::Query;
use crate::store::Store;
use std::collections::HashMap;

/// Projects per term given a snippet (more than a screen shows).
const SNIPPETS: usize = 60;

/// What the texts hold for a query.
#[derive(Debug, Default)]
pub struct TextAnswer {
    pub query: String,
    /// (group, term, keys best first) for each term looked for in texts.
    pub found: Vec<(usize, usize, Vec<String>)>,
    /// A few words around the match, by project key.
    pub snippets: HashMap<String, Reason>,
    /// Why the texts could not be searched, if they could not.
    pub problem: Option<String>,
}

/// Searches the texts for the query's terms.
pub fn answer(store: &Store, query: &str) -> TextAnswer {
    let mut answer = TextAnswer {
        query: query.to_string(),
        ..TextAnswer::default()
    };
    let parsed = Query::parse(query);
    for (group, term, words) in parsed.text_terms() {
        let keys = match store.text_matches(words) {
            Ok(keys) => keys,
            Err(e) => {
                answer.problem = Some(e.to_string());
                continue;
            }
        };
        for key in keys.iter().take(SNIPPETS) {
            if answer.snippets.contains_key(key) {
                continue;
            }
            if let Some(reason) = crate::catalogue::snippet_reason(store, key, words) {
                answer.snippets.insert(key.clone(), reason);
            }
        }
        answer.found.push((group, term, keys));
    }
    answer
}

/// Searches the texts on a thread of its own (see [`Latest`]).
pub type TextSearcher = Latest<TextAnswer>;
