//! The search box as the state runs it: on the browse and stats screens
//! it edits the projects' search, on the organisations screen theirs;
//! every search left (kept or cleared) goes into the session's history,
//! which `Ctrl-p` / `Ctrl-n` walk.

use super::search::{edit_text, filter_update, Edit, FilterStep};
use super::{Screen, State};
use crate::tui::keymap::{Action, Context};
use crate::tui::line_edit::LineEdit;

impl State {
    /// What the search box holds on this screen, with its cursor.
    pub fn search_box(&self) -> &LineEdit {
        match &self.screen {
            Screen::Organisations(orgs) => &orgs.query,
            _ => &self.search.query,
        }
    }

    /// Keys while typing a filter (on the browse or organisations screen).
    pub(super) fn on_filter_action(&mut self, action: Action) -> bool {
        match filter_update(action, self.list_height()) {
            FilterStep::Keep => {
                self.search.history.record(&self.search_box().to_string());
                self.overlay.enter(Context::Normal)
            }
            FilterStep::Clear => {
                self.clear_query();
                self.overlay.enter(Context::Normal)
            }
            FilterStep::Step(delta) => self.step(delta),
            FilterStep::Edit(edit) => {
                self.search.history.stop_walking();
                self.edit_query(edit)
            }
            FilterStep::Recall(older) => self.recall(older),
            FilterStep::Ignored => false,
        }
    }

    /// An earlier (or later) search into the box, filtered at once.
    fn recall(&mut self, older: bool) -> bool {
        let current = self.search_box().to_string();
        let recalled = match older {
            true => self.search.history.older(&current),
            false => self.search.history.newer(),
        };
        match recalled {
            Some(search) => self.edit_query(Edit::Set(search)),
            None => false,
        }
    }

    pub(super) fn type_in_filter(&mut self, c: char) -> bool {
        self.search.history.stop_walking();
        self.edit_query(Edit::Type(c))
    }

    /// An edit of the search box: the organisations' on their screen,
    /// else the projects' (filtered now, or when the loop says). A move of
    /// the cursor alone filters nothing again.
    pub(super) fn edit_query(&mut self, edit: Edit) -> bool {
        let (changed, cut) = match &mut self.screen {
            Screen::Organisations(orgs) => orgs.edit_query(|q| edit_text(q, edit)),
            _ => edit_text(&mut self.search.query, edit),
        };
        if let Some(notice) = cut {
            self.status.say(notice);
        }
        if !changed || self.screen.orgs().is_some() {
            return true;
        }
        self.list.ranked = !self.search.query.trim().is_empty();
        if self.list.defer_filtering {
            self.list.filter_pending = true;
        } else {
            self.refilter();
        }
        true
    }
}
