//! The stats screen (`S`): charts of the projects the filter and facets
//! leave, recomputed whenever they change; j/k scroll the timeline.

use super::keymap::Action;
use super::selection::motion;
use super::state::{Notice, Screen, State};
use crate::stats::{self, Stats};

/// Timeline rows a page key scrolls.
const PAGE: usize = 10;

/// The stats on screen and how far the timeline is scrolled.
pub struct StatsView {
    pub stats: Stats,
    pub scroll: usize,
}

/// What an action on the stats screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsStep {
    Ignored,
    Scrolled,
    Leave,
    /// An action on the list the stats follow (filter, facets).
    List(Action),
}

impl StatsView {
    pub fn update(&mut self, action: Action) -> StatsStep {
        if let Some(delta) = motion(action, PAGE) {
            let last = self.stats.timeline.len().saturating_sub(1) as isize;
            let to = (self.scroll as isize).saturating_add(delta).clamp(0, last) as usize;
            let moved = to != self.scroll;
            self.scroll = to;
            return match moved {
                true => StatsStep::Scrolled,
                false => StatsStep::Ignored,
            };
        }
        match action {
            Action::Back | Action::Stats => StatsStep::Leave,
            Action::Filter | Action::Facets | Action::ClearFacets => StatsStep::List(action),
            _ => StatsStep::Ignored,
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Period;

    fn view(periods: usize) -> StatsView {
        let timeline = (0..periods)
            .map(|index| Period {
                index,
                start: 0,
                end: 1,
            })
            .collect();
        let stats = Stats {
            timeline,
            ..Stats::default()
        };
        StatsView { stats, scroll: 0 }
    }

    #[test]
    fn the_timeline_scrolls_within_its_rows() {
        let mut v = view(25);
        assert_eq!(v.update(Action::MoveUp), StatsStep::Ignored, "at the top");
        assert_eq!(v.update(Action::PageDown), StatsStep::Scrolled);
        assert_eq!(v.scroll, 10);
        assert_eq!(v.update(Action::Last), StatsStep::Scrolled);
        assert_eq!(v.scroll, 24);
        assert_eq!(v.update(Action::MoveDown), StatsStep::Ignored, "at the end");
    }

    #[test]
    fn list_actions_go_to_the_list_and_back_leaves() {
        let mut v = view(0);
        assert_eq!(v.update(Action::Facets), StatsStep::List(Action::Facets));
        assert_eq!(v.update(Action::Filter), StatsStep::List(Action::Filter));
        assert_eq!(v.update(Action::Stats), StatsStep::Leave);
        assert_eq!(v.update(Action::Back), StatsStep::Leave);
        assert_eq!(v.update(Action::Open), StatsStep::Ignored);
    }
}
