//! The detail pane's part of the state: the project shown, the projects
//! related to it (found on another thread, arriving later) and its text
//! laid out for the pane's width. Its update reads nothing: it asks.

use super::list::ListKind;
use super::status::{Notice, Reply};
use crate::graph::Related;
use crate::model::StoredProject;
use crate::tui::detail_lines::DetailLines;
use crate::tui::effect::Effect;
use crate::tui::msg::Found;

/// The detail pane.
#[derive(Default)]
pub struct Detail {
    /// The project shown, read in full.
    pub shown: Option<StoredProject>,
    pub related: Vec<Related>,
    /// Related projects are being found for the project shown.
    pub related_pending: bool,
    /// The pane's text, wrapped for its width (built before a frame).
    pub lines: DetailLines,
    /// What `lines` were built for; `None` when they must be built again.
    pub built_for: Option<BuiltFor>,
    /// The project asked for (the one selected), read or being read.
    pub asked: Option<String>,
}

/// What the detail's lines were laid out for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFor {
    pub kind: ListKind,
    /// The project's key, or the other document's row.
    pub id: String,
    pub width: u16,
    /// The search whose words were found in them.
    pub query: String,
}

/// What happens to the detail pane.
pub enum DetailMsg {
    /// The project of `key` was read (or why not).
    Read {
        key: String,
        read: Result<Box<StoredProject>, String>,
    },
    /// Related projects found for the project of `key`.
    Related { key: String, found: Found },
    /// No project is selected.
    Clear,
    /// What the lines show changed (the user's note, bookmark, review).
    Stale,
}

impl Detail {
    /// The key of the project shown.
    pub fn key(&self) -> Option<&str> {
        self.shown.as_ref().map(|d| d.key.as_str())
    }

    pub fn update(&mut self, msg: DetailMsg) -> Reply {
        match msg {
            DetailMsg::Read { key, read } => self.read(key, read),
            DetailMsg::Related { key, found } => self.related_found(&key, found),
            DetailMsg::Clear => {
                *self = Detail::default();
                Reply::changed()
            }
            DetailMsg::Stale => {
                self.built_for = None;
                Reply::changed()
            }
        }
    }

    fn read(&mut self, key: String, read: Result<Box<StoredProject>, String>) -> Reply {
        self.related = Vec::new();
        self.built_for = None;
        match read {
            Ok(project) => {
                self.shown = Some(*project);
                self.related_pending = true;
                Reply::changed().ask(Effect::FindRelated(key))
            }
            Err(e) => {
                self.shown = None;
                self.related_pending = false;
                Reply::changed().say(Notice::CannotReadProject(e))
            }
        }
    }

    /// Related projects: taken when they are for the project shown.
    fn related_found(&mut self, key: &str, found: Found) -> Reply {
        if self.key() != Some(key) {
            return Reply::default();
        }
        self.related_pending = false;
        self.built_for = None;
        match found {
            Ok(related) => {
                self.related = related;
                Reply::changed()
            }
            Err(e) => {
                self.related = Vec::new();
                Reply::changed().say(Notice::CannotFindRelated(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(key: &str) -> Box<StoredProject> {
        Box::new(StoredProject {
            key: key.into(),
            ..Default::default()
        })
    }

    fn read(key: &str) -> DetailMsg {
        DetailMsg::Read {
            key: key.into(),
            read: Ok(project(key)),
        }
    }

    #[test]
    fn a_project_read_asks_for_its_related_projects() {
        let mut detail = Detail::default();
        let reply = detail.update(read("p1"));
        assert_eq!(detail.key(), Some("p1"));
        assert!(detail.related_pending);
        assert!(matches!(&reply.effects[..], [Effect::FindRelated(k)] if k == "p1"));
    }

    #[test]
    fn related_projects_for_another_project_are_passed_over() {
        let mut detail = Detail::default();
        detail.update(read("p2"));
        let late = DetailMsg::Related {
            key: "p1".into(),
            found: Ok(Vec::new()),
        };
        assert!(!detail.update(late).changed, "for the project left");
        assert!(detail.related_pending, "still waiting for p2's");
        let found = DetailMsg::Related {
            key: "p2".into(),
            found: Err("locked".into()),
        };
        let reply = detail.update(found);
        assert!(!detail.related_pending);
        assert_eq!(
            reply.notice,
            Some(Notice::CannotFindRelated("locked".into()))
        );
    }

    #[test]
    fn a_project_that_cannot_be_read_says_why_and_shows_nothing() {
        let mut detail = Detail::default();
        detail.update(read("p1"));
        let failed = DetailMsg::Read {
            key: "p2".into(),
            read: Err("gone".into()),
        };
        let reply = detail.update(failed);
        assert_eq!(detail.key(), None);
        assert!(reply.effects.is_empty());
        assert_eq!(reply.notice, Some(Notice::CannotReadProject("gone".into())));
    }
}
