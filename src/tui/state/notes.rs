//! The notes part of the state: the user's notes, bookmarks and review
//! states by project key, as the notes file held them at the start and
//! kept in step with every write. The shell writes (one transaction per
//! change); what it wrote comes back here.

use super::status::Notice;
use crate::model::{Annotation, Change};
use crate::tui::effect::Effect;
use crate::tui::effect::Mark;
use crate::tui::msg::NoteWritten;
use std::collections::HashMap;

/// The user's annotations by project key: what the views and filters read.
#[derive(Debug, Default)]
pub struct Annotations {
    by_key: HashMap<String, Annotation>,
    /// Why notes cannot be used (a damaged notes file, no data folder).
    pub unavailable: Option<String>,
}

/// What imports changed that the user has not seen yet, by project key
/// (per cache: a shared cache has one list per user).
#[derive(Debug, Default)]
pub struct Unseen {
    cache_id: Option<String>,
    by_key: HashMap<String, Change>,
}

impl Unseen {
    pub fn of(cache_id: String, changes: Vec<Change>) -> Unseen {
        Unseen {
            cache_id: Some(cache_id),
            by_key: changes.into_iter().map(|c| (c.key.clone(), c)).collect(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Change> {
        self.by_key.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// A project opened: its change is seen, to be noted by the shell.
    pub fn seen(&mut self, key: &str) -> Option<Effect> {
        let cache = self.cache_id.clone()?;
        let change = self.by_key.remove(key)?;
        Some(Effect::MarkSeen { cache, change })
    }

    /// A change that could not be noted as seen stays, to be seen later.
    pub fn not_noted(&mut self, change: Change) {
        self.by_key.insert(change.key.clone(), change);
    }
}

/// What the shell wrote.
pub enum NotesMsg {
    /// A bookmark or review state, or why it was not written.
    Marked {
        mark: Mark,
        written: Result<Annotation, String>,
    },
    /// A note.
    NoteWritten(NoteWritten),
}

impl Annotations {
    pub fn of(all: Vec<Annotation>) -> Annotations {
        Annotations {
            by_key: all.into_iter().map(|a| (a.key.clone(), a)).collect(),
            unavailable: None,
        }
    }

    pub fn unavailable(why: String) -> Annotations {
        Annotations {
            unavailable: Some(why),
            ..Annotations::default()
        }
    }

    /// The notes part's update: what was written is taken in; what to say.
    pub fn update(&mut self, msg: NotesMsg) -> Notice {
        match msg {
            NotesMsg::Marked { mark, written } => match written {
                Ok(a) => {
                    self.written(&a);
                    match mark {
                        Mark::Bookmark if a.bookmarked => Notice::Bookmarked,
                        Mark::Bookmark => Notice::BookmarkRemoved,
                        Mark::Review => Notice::Review(a.review),
                    }
                }
                Err(e) => Notice::Said(e),
            },
            NotesMsg::NoteWritten(w) => {
                self.written(&w.stored);
                match w.kept_theirs {
                    true => Notice::NoteSavedAfterTheirs,
                    false if w.stored.note.is_empty() => Notice::NoteRemoved,
                    false => Notice::NoteSaved,
                }
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Annotation> {
        self.by_key.get(key)
    }

    /// How many annotations are for projects this cache held and lost
    /// (`removed`) and none of `keys` names: kept, and listed by `esf
    /// notes`. A note for a project never in this cache is another
    /// cache's, not lost.
    pub fn orphans<'a>(
        &self,
        keys: impl Iterator<Item = &'a str>,
        removed: &std::collections::HashSet<String>,
    ) -> usize {
        let mut missing: std::collections::HashSet<&str> = self
            .by_key
            .keys()
            .filter(|k| removed.contains(*k))
            .map(String::as_str)
            .collect();
        for key in keys {
            if missing.is_empty() {
                break;
            }
            missing.remove(key);
        }
        missing.len()
    }

    /// Takes in an annotation as written (a blank one is gone).
    fn written(&mut self, stored: &Annotation) {
        if stored.is_blank() {
            self.by_key.remove(&stored.key);
        } else {
            self.by_key.insert(stored.key.clone(), stored.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewState;

    fn annotation(key: &str) -> Annotation {
        Annotation {
            key: key.into(),
            ..Annotation::default()
        }
    }

    #[test]
    fn a_change_opened_is_noted_once_and_kept_when_it_could_not_be() {
        let change = Change {
            key: "p1".into(),
            kind: crate::model::ChangeKind::Changed,
            import_id: 7,
            name: None,
            fields: Vec::new(),
        };
        let mut unseen = Unseen::default();
        unseen.not_noted(change.clone());
        assert!(unseen.seen("p1").is_none(), "no cache to note it in");
        let mut unseen = Unseen::of("cache-1".into(), vec![change]);
        let noted = unseen.seen("p1");
        assert!(matches!(noted, Some(Effect::MarkSeen { ref cache, .. }) if cache == "cache-1"));
        assert!(!unseen.contains_key("p1"));
        assert!(unseen.seen("p1").is_none(), "once");
        if let Some(Effect::MarkSeen { change, .. }) = noted {
            unseen.not_noted(change);
        }
        assert!(unseen.get("p1").is_some_and(|c| c.import_id == 7));
    }

    #[test]
    fn a_mark_written_is_kept_and_said() {
        let mut notes = Annotations::default();
        let mut a = annotation("p1");
        a.bookmarked = true;
        let said = notes.update(NotesMsg::Marked {
            mark: Mark::Bookmark,
            written: Ok(a),
        });
        assert_eq!(said, Notice::Bookmarked);
        assert!(notes.get("p1").is_some_and(|a| a.bookmarked));
        let mut done = annotation("p1");
        done.review = ReviewState::Done;
        let said = notes.update(NotesMsg::Marked {
            mark: Mark::Review,
            written: Ok(done),
        });
        assert_eq!(said, Notice::Review(ReviewState::Done));
        let failed = notes.update(NotesMsg::Marked {
            mark: Mark::Review,
            written: Err("notes are not available".into()),
        });
        assert_eq!(failed, Notice::Said("notes are not available".into()));
    }

    #[test]
    fn a_blank_note_is_gone_and_one_kept_beside_theirs_says_so() {
        let mut notes = Annotations::of(vec![Annotation {
            note: "Ring".into(),
            ..annotation("p1")
        }]);
        let blank = NoteWritten {
            stored: annotation("p1"),
            kept_theirs: false,
        };
        assert_eq!(
            notes.update(NotesMsg::NoteWritten(blank)),
            Notice::NoteRemoved
        );
        assert!(notes.get("p1").is_none());
        let both = NoteWritten {
            stored: Annotation {
                note: "Theirs\n\nMine".into(),
                ..annotation("p1")
            },
            kept_theirs: true,
        };
        let said = notes.update(NotesMsg::NoteWritten(both));
        assert_eq!(said, Notice::NoteSavedAfterTheirs);
        let removed: std::collections::HashSet<String> = ["p1".to_string()].into();
        assert_eq!(notes.orphans(["p2"].into_iter(), &removed), 1);
        assert_eq!(notes.orphans(["p2"].into_iter(), &Default::default()), 0);
    }
}
