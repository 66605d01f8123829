//! The stats screen (`S`): charts of the projects the filter and facets
//! leave, recomputed whenever they change; j/k scroll the timeline.

use super::keymap::Action;
use super::selection::motion;
use crate::catalogue::stats::Stats;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::stats::Period;

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
