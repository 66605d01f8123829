//! Overlaps in the browser: the overlaps screen's state (the pairs read,
//! a cursor over their projects), and what the list and the detail know
//! of overlaps (the keys of projects in some pair, the shown project's
//! pairs). The pairs come from the cache through the shell (`esf
//! overlaps`' own search); nothing here reads it.

use super::{Return, ViewStep};
use crate::catalogue::key_set::KeySet;
use crate::overlaps::{OfProject, Pair};
use crate::store::OverlapsFound;
use crate::tui::effect::{Effect, OverlapScope};
use crate::tui::keymap::Action;
use crate::tui::selection::{motion, Selection};

/// The overlaps screen: the pairs of one organisation or of every one.
pub struct OverlapsView {
    pub scope: OverlapScope,
    /// The organisation to go back to from every organisation's pairs.
    pub organisation: Option<String>,
    pub found: OverlapsFound,
    /// Over the projects of the pairs: two rows a pair.
    pub selection: Selection,
    pub back: Return,
}

impl OverlapsView {
    pub fn new(scope: OverlapScope, found: OverlapsFound, back: Return) -> OverlapsView {
        let organisation = match &scope {
            OverlapScope::Organisation(name) => Some(name.clone()),
            OverlapScope::Every => None,
        };
        OverlapsView {
            scope,
            organisation,
            found,
            selection: Selection::default(),
            back,
        }
    }

    /// The project under the cursor: the pair and which of its two.
    pub fn selected(&self) -> Option<(&Pair, usize)> {
        let i = self.selection.index;
        self.found.pairs.get(i / 2).map(|pair| (pair, i % 2))
    }

    pub fn update(&mut self, action: Action, page: usize) -> ViewStep {
        if let Some(delta) = motion(action, page) {
            let rows = self.found.pairs.len() * 2;
            return ViewStep::moved(self.selection.move_by(delta, rows, page));
        }
        match action {
            Action::Open => match self.selected() {
                Some((pair, side)) => ViewStep::Open(pair.projects[side].key.clone()),
                None => ViewStep::Ignored,
            },
            Action::Back => ViewStep::Leave,
            // Between the organisation's pairs and every organisation's.
            Action::Overlaps => {
                let scope = match (&self.scope, &self.organisation) {
                    (OverlapScope::Every, Some(name)) => OverlapScope::Organisation(name.clone()),
                    _ => OverlapScope::Every,
                };
                ViewStep::Ask(Effect::LoadOverlaps(scope))
            }
            Action::Timeline => match self.selected() {
                Some((pair, _)) => ViewStep::Ask(Effect::LoadTimeline(pair.organisation.clone())),
                None => ViewStep::Ignored,
            },
            _ => ViewStep::Ignored,
        }
    }

    /// The same screen with other pairs (the scope toggled).
    pub fn arrive(&mut self, scope: OverlapScope, found: OverlapsFound) {
        let keep = self.organisation.clone();
        self.scope = scope;
        self.found = found;
        self.selection.reset();
        if let OverlapScope::Organisation(name) = &self.scope {
            self.organisation = Some(name.clone());
        } else {
            self.organisation = keep;
        }
    }
}

/// What the list and the detail know of overlaps.
#[derive(Default)]
pub struct Overlapping {
    /// Keys of the projects in some pair, once found (on a thread of its
    /// own: every organisation's projects are compared).
    pub marks: Option<KeySet>,
    /// The pairs of the project the detail shows (with other ESF projects
    /// and with other funds' projects), by its key.
    pub shown: Option<(String, OfProject)>,
    /// A screen's pairs, matrix or projects are being read.
    pub pending: bool,
}

impl Overlapping {
    /// Something is being read for these screens, or the marks are not
    /// found yet (the loop then looks for their arrival without a key).
    pub fn waiting(&self) -> bool {
        self.pending || self.marks.is_none()
    }

    /// Is the project in some pair (as far as is known yet)?
    pub fn marked(&self, key: &str) -> bool {
        self.marks.as_ref().is_some_and(|m| m.contains(key))
    }

    /// The detail shows `key`: its pairs are read when it is in one,
    /// known to be none otherwise.
    pub fn wanted(&mut self, key: &str) -> Option<Effect> {
        match &self.marks {
            Some(marks) if marks.contains(key) => Some(Effect::ProjectOverlaps(key.to_string())),
            Some(_) => {
                self.shown = Some((key.to_string(), OfProject::default()));
                None
            }
            None => None,
        }
    }

    /// The pairs of the project shown, if read.
    pub fn of(&self, key: &str) -> Option<&OfProject> {
        match &self.shown {
            Some((k, found)) if k == key => Some(found),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlaps::{Shared, Side};

    fn side(key: &str) -> Side {
        Side {
            key: key.into(),
            id: None,
            name: None,
            owner: None,
            start_date: None,
            end_date: None,
        }
    }

    fn pair(a: &str, b: &str) -> Pair {
        Pair {
            organisation: "Stiftelsen Brobyggarna".into(),
            org_numbers: std::sync::Arc::from([]),
            projects: [side(a).into(), side(b).into()],
            shared: vec![Shared {
                what: "programme_area",
                value: "A".into(),
            }],
            days: 30,
            from: "2023-12-02".into(),
            to: "2023-12-31".into(),
        }
    }

    fn view() -> OverlapsView {
        let found = OverlapsFound {
            pairs: vec![pair("a", "b"), pair("c", "d")],
            ..OverlapsFound::default()
        };
        let scope = OverlapScope::Organisation("Stiftelsen Brobyggarna".into());
        OverlapsView::new(scope, found, Return::Browse)
    }

    #[test]
    fn the_cursor_walks_both_projects_of_each_pair_and_enter_opens_one() {
        let mut v = view();
        assert!(matches!(v.update(Action::MoveDown, 10), ViewStep::Changed));
        assert!(matches!(v.update(Action::Open, 10), ViewStep::Open(k) if k == "b"));
        v.update(Action::Last, 10);
        assert!(matches!(v.update(Action::Open, 10), ViewStep::Open(k) if k == "d"));
        assert!(matches!(v.update(Action::MoveDown, 10), ViewStep::Ignored));
    }

    #[test]
    fn the_scope_toggles_between_the_organisation_and_every_one() {
        let mut v = view();
        let every = v.update(Action::Overlaps, 10);
        assert!(matches!(
            every,
            ViewStep::Ask(Effect::LoadOverlaps(OverlapScope::Every))
        ));
        v.arrive(OverlapScope::Every, OverlapsFound::default());
        let back = v.update(Action::Overlaps, 10);
        let name = "Stiftelsen Brobyggarna".to_string();
        assert!(matches!(
            back,
            ViewStep::Ask(Effect::LoadOverlaps(OverlapScope::Organisation(n))) if n == name
        ));
    }

    #[test]
    fn a_project_in_no_pair_is_not_asked_about() {
        let mut o = Overlapping::default();
        assert!(o.wanted("a").is_none(), "the marks are not found yet");
        o.marks = Some(KeySet::from_iter(["a"]));
        assert!(matches!(o.wanted("a"), Some(Effect::ProjectOverlaps(k)) if k == "a"));
        assert!(o.wanted("z").is_none());
        assert!(o.of("z").is_some_and(OfProject::is_empty));
        assert!(o.of("a").is_none() && o.marked("a") && !o.marked("z"));
    }
}
