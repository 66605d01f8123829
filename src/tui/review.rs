//! The user's notes, bookmarks and review states as the browser holds
//! them: the notes file's connection (the shell's) and what it holds (the
//! state's).

use crate::model::Annotation;
use crate::store::Notes;
use std::collections::HashMap;

/// The user's notes as the browser is given them: the notes file's
/// connection (which only the shell uses) and every annotation in it,
/// read once (which the state keeps in step with every write).
#[derive(Default)]
pub struct Reviews {
    notes: Option<Notes>,
    annotations: Annotations,
}

impl Reviews {
    pub fn over(notes: Notes) -> Reviews {
        match notes.all() {
            Ok(all) => Reviews {
                annotations: Annotations {
                    by_key: all.into_iter().map(|a| (a.key.clone(), a)).collect(),
                    unavailable: None,
                },
                notes: Some(notes),
            },
            Err(e) => Reviews::unavailable(e.to_string()),
        }
    }

    pub fn unavailable(why: String) -> Reviews {
        Reviews {
            notes: None,
            annotations: Annotations {
                unavailable: Some(why),
                ..Annotations::default()
            },
        }
    }

    /// The connection for the shell, the annotations for the state.
    pub fn split(self) -> (Option<Notes>, Annotations) {
        (self.notes, self.annotations)
    }
}

/// The user's annotations by project key: what the views and filters read.
#[derive(Debug, Default)]
pub struct Annotations {
    by_key: HashMap<String, Annotation>,
    /// Why notes cannot be used (a damaged notes file, no data folder).
    pub unavailable: Option<String>,
}

impl Annotations {
    pub fn get(&self, key: &str) -> Option<&Annotation> {
        self.by_key.get(key)
    }

    /// How many annotations are for projects none of `keys` names: kept,
    /// and listed by `esf notes`.
    pub fn orphans<'a>(&self, keys: impl Iterator<Item = &'a str>) -> usize {
        let mut missing: std::collections::HashSet<&str> =
            self.by_key.keys().map(String::as_str).collect();
        for key in keys {
            if missing.is_empty() {
                break;
            }
            missing.remove(key);
        }
        missing.len()
    }

    /// Takes in an annotation as written (a blank one is gone).
    pub fn written(&mut self, stored: &Annotation) {
        if stored.is_blank() {
            self.by_key.remove(&stored.key);
        } else {
            self.by_key.insert(stored.key.clone(), stored.clone());
        }
    }
}
