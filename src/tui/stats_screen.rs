//! The stats screen (`S`): charts of the projects the filter and facets
//! leave, recomputed whenever they change; j/k scroll the timeline.

use super::app::{App, Screen};
use super::keymap::Action;
use crate::i18n::t;
use crate::stats::{self, Stats};

/// The stats on screen and how far the timeline is scrolled.
pub struct StatsView {
    pub stats: Stats,
    pub scroll: usize,
}

impl App {
    pub(super) fn open_stats(&mut self) -> bool {
        if self.is_loading() {
            self.message = Some(t("the stats wait until every project is in").into());
            return true;
        }
        self.screen = Screen::Stats;
        self.recompute_stats();
        true
    }

    /// Fresh figures for the rows the list shows now.
    pub(super) fn recompute_stats(&mut self) {
        if self.screen == Screen::Stats {
            let stats = stats::compute(&self.catalogue, &self.rows);
            self.stats = Some(StatsView { stats, scroll: 0 });
        }
    }

    pub(super) fn perform_stats(&mut self, action: Action) -> bool {
        let Some(view) = self.stats.as_mut() else {
            return false;
        };
        let last = view.stats.timeline.len().saturating_sub(1);
        let scroll = |by: isize| (view.scroll as isize + by).clamp(0, last as isize) as usize;
        let page = 10;
        let to = match action {
            Action::MoveDown => scroll(1),
            Action::MoveUp => scroll(-1),
            Action::PageDown => scroll(page),
            Action::PageUp => scroll(-page),
            Action::First => 0,
            Action::Last => last,
            Action::Back | Action::Stats => {
                self.screen = Screen::Browse;
                self.stats = None;
                return true;
            }
            Action::Filter => return self.start_filter_here(),
            Action::Facets => return self.open_facets(),
            Action::ClearFacets => return self.clear_facets(),
            _ => return false,
        };
        let moved = to != view.scroll;
        view.scroll = to;
        moved
    }
}
