//! Reading a project found by a search: the detail is kept at the search's
//! first hit, and `n` / `N` go to the next and previous hit, round at the
//! ends as `less` does, saying so. And help, opened on where it was asked
//! for, its lines laid out for the screen.

use super::{ListKind, Notice, Pane, Screen, State};
use crate::i18n::tf;
use crate::tui::help::{Place, Topic};
use crate::tui::keymap::Context;
use ratatui::layout::Rect;

/// Help's box is at most this wide.
pub const HELP_WIDTH: u16 = 100;

/// The width inside help's box on a screen of `size`.
pub fn help_width(size: (u16, u16)) -> u16 {
    let screen = Rect::new(0, 0, size.0, size.1);
    crate::tui::layout::centred(screen, HELP_WIDTH, size.1)
        .width
        .saturating_sub(2)
}

/// Lines shown above a hit, for what it is in (a heading, a label).
pub const ABOVE_HIT: usize = 2;

impl State {
    /// The detail pane has the keys while a search is on: `n` and `N`
    /// are read as its (the `reading` key map), other keys as in the list.
    pub(super) fn reading(&self) -> bool {
        matches!(self.screen, Screen::Browse)
            && self.list.focus == Pane::Detail
            && self.list.kind == ListKind::Projects
            && !self.search.query.trim().is_empty()
    }

    /// The detail from its top, or at the search's first hit when a
    /// search is on (found when its lines are laid out).
    pub(super) fn at_first_hit(&mut self) {
        self.list.detail_scroll = 0;
        self.list.hit = match self.search.query.trim().is_empty() {
            true => None,
            false => Some(0),
        };
    }

    /// Scrolls the detail to the hit it is kept at, once its lines are
    /// laid out (before each frame).
    pub fn seek_hit(&mut self) {
        let hits = self.detail.lines.hits();
        if let Some(&line) = self.list.hit.and_then(|k| hits.get(k)) {
            self.list.detail_scroll = line.saturating_sub(ABOVE_HIT);
        }
    }

    /// `n` (`forward`) or `N`: the next or previous hit after the one shown
    /// (or after the top of the detail, scrolled by hand); past the last,
    /// the first again, and the status bar says so.
    pub(super) fn next_hit(&mut self, forward: bool) -> bool {
        let hits = self.detail.lines.hits();
        let n = hits.len();
        if n == 0 {
            return self.say(Notice::Said(
                crate::i18n::t("the search's words are not in this project's text").into(),
            ));
        }
        let anchor = self.list.detail_scroll + ABOVE_HIT;
        let next = match (self.list.hit, forward) {
            (Some(k), true) => Some(k + 1).filter(|&k| k < n),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => hits.iter().position(|&l| l > anchor),
            (None, false) => hits.iter().rposition(|&l| l < anchor),
        };
        let k = match (next, forward) {
            (Some(k), _) => k,
            (None, true) => {
                self.status.say(Notice::Said(tf(
                    "past the last hit: back to the first of {}",
                    &[&n],
                )));
                0
            }
            (None, false) => {
                self.status.say(Notice::Said(tf(
                    "before the first hit: on to the last of {}",
                    &[&n],
                )));
                n - 1
            }
        };
        self.list.detail_scroll = hits[k].saturating_sub(ABOVE_HIT);
        self.list.hit = Some(k);
        true
    }

    /// Help, on where it was asked for: the context that has the keys, and
    /// on the normal one the screen and pane.
    pub(super) fn open_help(&mut self, context: Context) -> bool {
        let place = match &self.screen {
            Screen::Graph(_) => Place::Graph,
            Screen::Organisations(_) => Place::Organisations,
            Screen::Stats(_) => Place::Stats,
            Screen::Browse if self.list.focus == Pane::Detail => Place::Detail,
            Screen::GraphProject { .. } => Place::Detail,
            // The answers' screens: rows to move over and open.
            _ => Place::List,
        };
        self.overlay.open_help(Topic { context, place })
    }

    /// The lines of help as it is open now (wrapped to its box).
    pub fn help_lines(&self) -> Vec<crate::tui::help::HelpLine> {
        let Some(view) = self.overlay.help() else {
            return Vec::new();
        };
        let width = help_width(self.size);
        let problems = &self.config_problems;
        crate::tui::help::lines(&self.keys, view.topic, problems, &view.filter, width)
    }
}
