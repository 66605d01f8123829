//! The texts' answer to a query, for the commands and the browser alike:
//! each text term's matches (the best by BM25 first), the best ones'
//! snippets, and whether every match is in. The browser asks for it in
//! two steps on a thread of its own; a command takes every match at once.

use crate::search::fields::Reason;
use crate::search::query::Query;
use crate::store::Store;
use std::collections::HashMap;

/// One text term's matches: which term of the query, and the keys of the
/// projects whose texts hold it, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatches {
    /// The group of alternatives the term is in (`a | b` is one group).
    pub group: usize,
    /// The term within its group.
    pub term: usize,
    pub keys: Vec<String>,
}

/// What the texts hold for a query.
#[derive(Debug, Default)]
pub struct TextAnswer {
    pub query: String,
    /// The matches of each term looked for in texts.
    pub found: Vec<TermMatches>,
    /// A few words around the match, by project key.
    pub snippets: HashMap<String, Reason>,
    /// Why the texts could not be searched, if they could not.
    pub problem: Option<String>,
    /// Every match is here (not only the first page).
    pub complete: bool,
}

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

pub fn every_match(store: &Store, page: TextAnswer) -> TextAnswer {
    TextAnswer {
        snippets: page.snippets,
        complete: true,
        ..matches(store, &page.query, true)
    }
}

/// The keys each text term finds: the first page, or (`every`) all; a
/// term the texts cannot be searched for says why in `problem`.
pub fn matches(store: &Store, query: &str, every: bool) -> TextAnswer {
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
