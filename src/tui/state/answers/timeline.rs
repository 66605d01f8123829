//! The timeline screen's state: the projects of an organisation or of the
//! list as bars over the years (`esf timeline`'s timeline: the dated by
//! start, the gaps, the undated apart), with a cursor over the projects.

use super::{Return, ViewStep};
use crate::catalogue::timeline::{Bar, Timeline};
use crate::tui::keymap::Action;
use crate::tui::selection::{motion, Selection};

pub struct TimelineView {
    /// Whose projects: "organisation X", "the list (…)".
    pub title: String,
    pub timeline: Timeline,
    /// Over the dated projects, then the undated.
    pub selection: Selection,
    pub back: Return,
}

impl TimelineView {
    pub fn new(title: String, timeline: Timeline, back: Return) -> TimelineView {
        TimelineView {
            title,
            timeline,
            selection: Selection::default(),
            back,
        }
    }

    /// Every project in the order shown: the dated, then the undated.
    pub fn rows(&self) -> impl Iterator<Item = &Bar> {
        self.timeline.projects.iter().chain(&self.timeline.undated)
    }

    pub fn len(&self) -> usize {
        self.timeline.projects.len() + self.timeline.undated.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn update(&mut self, action: Action, page: usize) -> ViewStep {
        if let Some(delta) = motion(action, page) {
            let len = self.len();
            return ViewStep::moved(self.selection.move_by(delta, len, page));
        }
        match action {
            Action::Open => match self.rows().nth(self.selection.index) {
                Some(bar) => ViewStep::Open(bar.key.clone()),
                None => ViewStep::Ignored,
            },
            Action::Back | Action::Timeline => ViewStep::Leave,
            _ => ViewStep::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::timeline::build;

    fn bar(key: &str, start: Option<&str>, end: Option<&str>) -> Bar {
        Bar {
            key: key.into(),
            id: None,
            name: None,
            start: start.map(str::to_string),
            end: end.map(str::to_string),
            esf_grant_sek: None,
        }
    }

    #[test]
    fn the_cursor_goes_over_the_dated_then_the_undated() {
        let tl = build(vec![
            bar("undated", Some("2016-01-01"), None),
            bar("late", Some("2019-01-01"), Some("2019-12-31")),
            bar("early", Some("2015-01-01"), Some("2015-12-31")),
        ]);
        let mut v = TimelineView::new("x".into(), tl, Return::Browse);
        assert!(matches!(v.update(Action::Open, 10), ViewStep::Open(k) if k == "early"));
        v.update(Action::Last, 10);
        assert!(matches!(v.update(Action::Open, 10), ViewStep::Open(k) if k == "undated"));
        assert!(matches!(v.update(Action::MoveDown, 10), ViewStep::Ignored));
        assert!(matches!(v.update(Action::Back, 10), ViewStep::Leave));
    }
}
