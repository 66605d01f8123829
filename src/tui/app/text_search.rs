//! The search box's text matches, found on a thread of its own: at a
//! million projects a common word takes the full-text index a while, and
//! typing must not wait for it. Only the latest query is answered, in two
//! steps: the best matches with their snippets first, then every match.

use super::worker::Latest;
use crate::search::query::Query;
use crate::store::Store;
pub use crate::tui::msg::{TermMatches, TextAnswer};

/// Projects per term given a snippet (more than a screen shows).
const SNIPPETS: usize = 60;
/// Projects per term in the first step, the best by BM25.
const FIRST_PAGE: usize = crate::catalogue::RANKED_TEXTS;

/// The best matches of each term, with snippets. Of several terms, the
/// texts holding them all (one search, ranked once); the rest follow.
pub fn first_page(store: &Store, query: &str) -> TextAnswer {
    let parsed = Query::parse(query);
    let terms = parsed.text_terms();
    let mut page = match terms.len() {
        0 | 1 => matches(store, query, false),
        _ => together(store, query, &terms),
    };
    page.complete &= page.found.iter().all(|f| f.keys.len() < FIRST_PAGE);
    for (group, term, words) in terms {
        let found = page
            .found
            .iter()
            .find(|f| (f.group, f.term) == (group, term));
        let keys = found.map(|f| &f.keys[..]).unwrap_or_default();
        for key in keys.iter().take(SNIPPETS) {
            if page.snippets.contains_key(key) {
                continue;
            }
            if let Some(reason) = crate::catalogue::snippet_reason(store, key, words) {
                page.snippets.insert(key.clone(), reason);
            }
        }
    }
    page
}

/// The best texts holding every text term, as each term's first page
/// (texts holding one but not another are still to come).
fn together(store: &Store, query: &str, terms: &[(usize, usize, &str)]) -> TextAnswer {
    let words: Vec<&str> = terms.iter().map(|t| t.2).collect();
    let mut answer = TextAnswer {
        query: query.to_string(),
        ..TextAnswer::default()
    };
    match store.text_matches(&words.join(" "), FIRST_PAGE, false) {
        Ok(keys) => {
            let found = terms.iter().map(|&(group, term, _)| TermMatches {
                group,
                term,
                keys: keys.clone(),
            });
            answer.found.extend(found);
        }
        Err(e) => answer.problem = Some(e.to_string()),
    }
    answer
}

/// Every match, with the snippets of the first page.
pub fn answer(store: &Store, query: &str) -> TextAnswer {
    let page = first_page(store, query);
    if page.complete {
        return page;
    }
    every_match(store, page)
}

fn every_match(store: &Store, page: TextAnswer) -> TextAnswer {
    TextAnswer {
        snippets: page.snippets,
        complete: true,
        ..matches(store, &page.query, true)
    }
}

/// The first page, then (unless a newer query came meanwhile) the rest.
fn in_steps(store: &Store, query: &str, reply: &mut dyn FnMut(TextAnswer) -> bool) {
    let page = first_page(store, query);
    if page.complete {
        reply(page);
        return;
    }
    let snippets = page.snippets.clone();
    if reply(page) {
        let page = TextAnswer {
            query: query.to_string(),
            snippets,
            ..TextAnswer::default()
        };
        reply(every_match(store, page));
    }
}

/// The keys each text term finds: the first page, or (`every`) all.
fn matches(store: &Store, query: &str, every: bool) -> TextAnswer {
    let mut answer = TextAnswer {
        query: query.to_string(),
        complete: true,
        ..TextAnswer::default()
    };
    for (group, term, words) in Query::parse(query).text_terms() {
        match store.text_matches(words, FIRST_PAGE, every) {
            Ok(keys) => answer.found.push(TermMatches { group, term, keys }),
            Err(e) => answer.problem = Some(e.to_string()),
        }
    }
    answer
}

/// Starts the thread that searches the texts (see [`Latest`]); its
/// answers are handed to `deliver` (false once nobody listens).
pub fn start(reader: Store, deliver: impl Fn(TextAnswer) -> bool + Send + 'static) -> Latest {
    Latest::start_in_steps(reader, in_steps, deliver)
}
