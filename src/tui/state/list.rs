//! The list part of the state: the browse screen's rows, cursor and sort,
//! and which pane has the keys. Its update needs no cache and no terminal.

use crate::catalogue::SortKey;
use crate::tui::keymap::Action;
use crate::tui::selection::Selection;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// The rows an action moves over: how many, and how many a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub len: usize,
    /// Rows of the list's window.
    pub height: usize,
    /// What a page key moves: the list's height, or the detail's.
    pub page: usize,
}

/// What an action did to the list, for the state to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStep {
    /// Nothing changed.
    Ignored,
    Changed,
    /// The detail was opened on the selected project (its change is seen).
    Opened,
    /// The sort changed: the rows are to be sorted again.
    Resorted,
    /// Not the list's to do (the search box, a screen, an overlay).
    NotMine(Action),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Projects,
    Unclassified,
}

/// The browse screen's list and the pane that has the keys.
pub struct ListState {
    pub kind: ListKind,
    /// Visible project indices, in display order.
    pub rows: Vec<usize>,
    pub selection: Selection,
    pub sort: SortKey,
    /// The sort turned round (`R`): smallest first, latest first, Ö to A.
    pub reversed: bool,
    /// Rows are in best-match order (a filter is active and no sort chosen since).
    pub ranked: bool,
    pub query: String,
    pub focus: Pane,
    pub detail_scroll: usize,
    /// The search's hit the detail is kept at (its place among the hits),
    /// until the detail is scrolled by hand.
    pub hit: Option<usize>,
    /// Projects "active during" left out for want of a start date.
    pub undated_left_out: usize,
    /// Where the rows name the place searched for, when the query is one
    /// municipality's name.
    pub place: Option<super::place::PlaceCount>,
    /// Filter edits wait for `run_pending_filter` (the event loop draws the
    /// keystroke first); off, every edit filters at once (tests, scripts).
    pub defer_filtering: bool,
    pub(super) filter_pending: bool,
}

impl Default for ListState {
    fn default() -> ListState {
        ListState {
            kind: ListKind::Projects,
            rows: Vec::new(),
            selection: Selection::default(),
            sort: SortKey::Name,
            reversed: false,
            ranked: false,
            query: String::new(),
            undated_left_out: 0,
            place: None,
            focus: Pane::List,
            detail_scroll: 0,
            hit: None,
            defer_filtering: false,
            filter_pending: false,
        }
    }
}

impl ListState {
    /// The list's update: an action over `rows`.
    pub fn update(&mut self, action: Action, rows: Rows) -> ListStep {
        let page = rows.page as isize;
        let moved = match action {
            Action::MoveDown => self.move_by(1, rows.len, rows.height),
            Action::MoveUp => self.move_by(-1, rows.len, rows.height),
            Action::PageDown => self.move_by(page, rows.len, rows.height),
            Action::PageUp => self.move_by(-page, rows.len, rows.height),
            Action::First => self.jump(false, rows.len, rows.height),
            Action::Last => self.jump(true, rows.len, rows.height),
            Action::NextPane | Action::PreviousPane => {
                self.switch_pane();
                true
            }
            Action::ToggleUnclassified => {
                self.toggle_kind();
                true
            }
            Action::Open => return self.open(rows.len),
            Action::Back if self.focus == Pane::Detail => {
                self.focus = Pane::List;
                true
            }
            Action::Sort => {
                self.next_sort();
                return ListStep::Resorted;
            }
            Action::ReverseSort => {
                self.reverse_sort();
                return ListStep::Resorted;
            }
            other => return ListStep::NotMine(other),
        };
        match moved {
            true => ListStep::Changed,
            false => ListStep::Ignored,
        }
    }
}

/// Where the list's rows and the detail pane are on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list_rows: Rect,
    pub detail: Rect,
}

impl ListState {
    /// The wheel scrolls the pane under it; a click selects a row or
    /// gives the detail the keys.
    pub fn mouse(&mut self, mouse: MouseEvent, areas: &Panes, rows: Rows) -> ListStep {
        let at = (mouse.column, mouse.row).into();
        let delta = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::Down(MouseButton::Left) => return self.click(at, areas, rows),
            _ => return ListStep::Ignored,
        };
        self.focus = match areas.detail.contains(at) {
            true => Pane::Detail,
            false => Pane::List,
        };
        match self.move_by(delta, rows.len, rows.height) {
            true => ListStep::Changed,
            false => ListStep::Ignored,
        }
    }

    fn click(&mut self, at: Position, areas: &Panes, rows: Rows) -> ListStep {
        let list = areas.list_rows;
        if !list.contains(at) {
            if areas.detail.contains(at) && self.focus != Pane::Detail {
                self.focus = Pane::Detail;
                return ListStep::Changed;
            }
            return ListStep::Ignored;
        }
        self.focus = Pane::List;
        let index = self.selection.offset + (at.y - list.y) as usize;
        if index < rows.len {
            self.selection.select(index, rows.len, rows.height);
            self.selection_changed();
        }
        ListStep::Changed
    }

    /// The detail of the selected row, from its top.
    fn open(&mut self, len: usize) -> ListStep {
        if len == 0 || self.focus == Pane::Detail {
            return ListStep::Ignored;
        }
        self.focus = Pane::Detail;
        self.detail_scroll = 0;
        ListStep::Opened
    }

    /// Moves the cursor, or scrolls the detail when it has the keys, by
    /// `delta` rows of `len` shown `height` at a time.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.hit = None;
            self.detail_scroll = self.detail_scroll.saturating_add_signed(delta);
            return before != self.detail_scroll;
        }
        self.selection.move_by(delta, len, height) && self.selection_changed()
    }

    /// To the first or last row (or the detail's top or end).
    pub fn jump(&mut self, last: bool, len: usize, height: usize) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.hit = None;
            self.detail_scroll = if last { usize::MAX / 2 } else { 0 };
            return before != self.detail_scroll;
        }
        let moved = match last {
            true => self.selection.to_last(len, height),
            false => self.selection.to_first(height),
        };
        moved && self.selection_changed()
    }

    /// Another row is selected: its detail starts at the top.
    pub fn selection_changed(&mut self) -> bool {
        self.detail_scroll = 0;
        true
    }

    pub fn switch_pane(&mut self) {
        self.focus = match self.focus {
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::List,
        };
    }

    /// Best match gives way to the sort last chosen; after that, the next sort.
    pub fn next_sort(&mut self) {
        if self.ranked {
            self.ranked = false;
            return;
        }
        let all = SortKey::ALL;
        let at = all.iter().position(|k| *k == self.sort).unwrap_or(0);
        self.sort = all[(at + 1) % all.len()];
    }

    /// The order turned round; from best match, the sort last chosen
    /// turned round (best match has no other way round worth reading).
    pub fn reverse_sort(&mut self) {
        self.ranked = false;
        self.reversed = !self.reversed;
    }

    /// Projects or the documents no project was found in.
    pub fn toggle_kind(&mut self) {
        self.kind = match self.kind {
            ListKind::Projects => ListKind::Unclassified,
            ListKind::Unclassified => ListKind::Projects,
        };
        self.selection.reset();
        self.focus = Pane::List;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_the_pane_that_has_them() {
        let mut list = ListState::default();
        assert!(list.move_by(3, 10, 5));
        assert_eq!(list.selection.index, 3);
        list.switch_pane();
        assert!(list.move_by(4, 10, 5));
        assert_eq!((list.selection.index, list.detail_scroll), (3, 4));
        assert!(list.move_by(-9, 10, 5));
        assert_eq!(list.detail_scroll, 0, "the detail stops at its top");
        list.switch_pane();
        list.detail_scroll = 7;
        assert!(list.jump(true, 10, 5));
        assert_eq!(
            (list.selection.index, list.detail_scroll),
            (9, 0),
            "a new row starts at its top"
        );
    }

    const TEN: Rows = Rows {
        len: 10,
        height: 5,
        page: 5,
    };

    #[test]
    fn a_page_moves_the_page_and_open_goes_to_the_detail_once() {
        let mut list = ListState::default();
        assert_eq!(list.update(Action::PageDown, TEN), ListStep::Changed);
        assert_eq!(list.selection.index, 5);
        assert_eq!(list.update(Action::Open, TEN), ListStep::Opened);
        assert_eq!(list.focus, Pane::Detail);
        assert_eq!(list.update(Action::Open, TEN), ListStep::Ignored);
        assert_eq!(list.update(Action::Back, TEN), ListStep::Changed);
        assert_eq!(list.focus, Pane::List);
        assert_eq!(
            list.update(Action::Back, TEN),
            ListStep::NotMine(Action::Back),
            "back from the list is the search box's (it clears)"
        );
    }

    #[test]
    fn an_empty_list_opens_nothing_and_other_actions_are_not_its() {
        let mut list = ListState::default();
        let none = Rows { len: 0, ..TEN };
        assert_eq!(list.update(Action::Open, none), ListStep::Ignored);
        assert_eq!(list.update(Action::MoveDown, none), ListStep::Ignored);
        assert_eq!(list.update(Action::Sort, none), ListStep::Resorted);
        assert_eq!(
            list.update(Action::Export, none),
            ListStep::NotMine(Action::Export)
        );
    }

    #[test]
    fn a_click_selects_its_row_and_the_wheel_scrolls_the_pane_under_it() {
        use crossterm::event::KeyModifiers;
        let areas = Panes {
            list_rows: Rect::new(1, 2, 40, 5),
            detail: Rect::new(50, 0, 40, 10),
        };
        let event = |kind, column, row| MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        let mut list = ListState::default();
        let click = event(MouseEventKind::Down(MouseButton::Left), 3, 4);
        assert_eq!(list.mouse(click, &areas, TEN), ListStep::Changed);
        assert_eq!(list.selection.index, 2, "the third row shown");
        let wheel = event(MouseEventKind::ScrollDown, 60, 3);
        assert_eq!(list.mouse(wheel, &areas, TEN), ListStep::Changed);
        assert_eq!((list.focus, list.detail_scroll), (Pane::Detail, 3));
        let past = event(MouseEventKind::Down(MouseButton::Left), 3, 6);
        let two = Rows { len: 2, ..TEN };
        assert_eq!(list.mouse(past, &areas, two), ListStep::Changed);
        assert_eq!(
            (list.focus, list.selection.index),
            (Pane::List, 2),
            "no row there"
        );
    }

    #[test]
    fn sort_leaves_best_match_first_then_cycles() {
        let mut list = ListState {
            ranked: true,
            ..ListState::default()
        };
        list.next_sort();
        assert_eq!((list.ranked, list.sort), (false, SortKey::Name));
        for _ in 0..SortKey::ALL.len() {
            list.next_sort();
        }
        assert_eq!(list.sort, SortKey::Name, "round to the first again");
    }

    #[test]
    fn the_other_list_starts_at_its_top_with_the_keys() {
        let mut list = ListState::default();
        list.move_by(2, 5, 5);
        list.switch_pane();
        list.toggle_kind();
        assert_eq!(
            (list.kind, list.focus, list.selection.index),
            (ListKind::Unclassified, Pane::List, 0)
        );
    }
}
