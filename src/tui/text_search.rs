//! The search box's text matches, found on a thread of its own: at a
//! million projects a common word takes the full-text index a while, and
//! typing must not wait for it. Only the latest query is answered.

use crate::search::fields::Reason;
use crate::search::query::Query;
use crate::store::Store;
use std::collections::HashMap;
use std::sync::mpsc::{channel, Receiver, Sender};

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

/// A thread with its own connection that answers the latest query only.
pub struct TextSearcher {
    questions: Sender<String>,
    answers: Receiver<TextAnswer>,
}

impl TextSearcher {
    pub fn start(reader: Store) -> TextSearcher {
        let (questions, asked) = channel::<String>();
        let (reply, answers) = channel();
        std::thread::spawn(move || {
            while let Ok(mut query) = asked.recv() {
                // Queries typed over while this one was searched.
                while let Ok(newer) = asked.try_recv() {
                    query = newer;
                }
                if reply.send(answer(&reader, &query)).is_err() {
                    break;
                }
            }
        });
        TextSearcher { questions, answers }
    }

    pub fn ask(&self, query: &str) {
        let _ = self.questions.send(query.to_string());
    }

    /// The latest answer that has come, if any.
    pub fn latest(&self) -> Option<TextAnswer> {
        self.answers.try_iter().last()
    }
}
