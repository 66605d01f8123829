//! The stats screen in the browser: opened over the filtered projects,
//! recomputed whenever they change.

use super::{Notice, Screen, State};
use crate::stats;
use crate::tui::keymap::Action;
use crate::tui::stats_screen::{StatsStep, StatsView};

impl State {
    pub(super) fn open_stats(&mut self) -> bool {
        if self.is_loading() {
            self.status.say(Notice::StatsWait);
            return true;
        }
        let stats = stats::compute(&self.catalogue, &self.list.rows);
        self.show(Screen::Stats(StatsView { stats, scroll: 0 }));
        true
    }

    /// Fresh figures for the rows the list shows now.
    pub(super) fn recompute_stats(&mut self) {
        if let Screen::Stats(view) = &mut self.screen {
            view.stats = stats::compute(&self.catalogue, &self.list.rows);
            view.scroll = 0;
        }
    }

    pub(super) fn perform_stats(&mut self, action: Action) -> bool {
        let Screen::Stats(view) = &mut self.screen else {
            return false;
        };
        match view.update(action) {
            StatsStep::Ignored => false,
            StatsStep::Scrolled => true,
            StatsStep::Leave => {
                self.show(Screen::Browse);
                true
            }
            StatsStep::List(Action::Filter) => self.start_filter_here(),
            StatsStep::List(Action::Facets) => self.open_facets(),
            StatsStep::List(Action::ClearFacets) => self.clear_facets(),
            StatsStep::List(_) => false,
        }
    }
}
