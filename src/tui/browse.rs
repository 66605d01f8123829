//! Actions on the browse screen: the project list and its detail pane.

use super::app::{App, ListKind, Mode, Pane, Screen};
use super::clipboard;
use super::effects::Effect;
use super::keymap::Action;
use super::layout::Areas;
use crate::catalogue::SortKey;
use crate::i18n::t;
use crossterm::event::MouseEvent;

impl App {
    pub(super) fn perform_browse(&mut self, action: Action) -> bool {
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::First => self.jump(false),
            Action::Last => self.jump(true),
            Action::NextPane | Action::PreviousPane => self.switch_pane(),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Filter => self.start_filter(),
            Action::Sort => self.cycle_sort(),
            Action::ToggleUnclassified => self.toggle_kind(),
            Action::CopyId => self.copy(false),
            Action::CopySummary => self.copy(true),
            Action::OpenGraph => self.open_graph_for_selected(),
            Action::Organisations => self.open_organisations(),
            Action::EditNote => self.start_note(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::CycleReview => self.cycle_review(),
            Action::Facets => self.open_facets(),
            Action::ClearFacets => self.clear_facets(),
            Action::Export => self.start_export(),
            Action::Stats => self.open_stats(),
            _ => false,
        }
    }

    fn page(&self) -> usize {
        match self.focus {
            Pane::List => self.list_height().max(1),
            Pane::Detail => self.areas().detail.height.saturating_sub(2).max(1) as usize,
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.detail_scroll = (self.detail_scroll as isize + delta).max(0) as usize;
            return before != self.detail_scroll;
        }
        let (len, height) = (self.row_count(), self.list_height());
        self.selection.move_by(delta, len, height) && self.selection_changed()
    }

    fn jump(&mut self, last: bool) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.detail_scroll = if last { usize::MAX / 2 } else { 0 };
            return before != self.detail_scroll;
        }
        let (len, height) = (self.row_count(), self.list_height());
        let moved = if last {
            self.selection.to_last(len, height)
        } else {
            self.selection.to_first(height)
        };
        moved && self.selection_changed()
    }

    fn selection_changed(&mut self) -> bool {
        self.detail_scroll = 0;
        true
    }

    fn switch_pane(&mut self) -> bool {
        self.focus = match self.focus {
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::List,
        };
        true
    }

    fn open(&mut self) -> bool {
        if self.row_count() == 0 || self.focus == Pane::Detail {
            return false;
        }
        self.focus = Pane::Detail;
        self.detail_scroll = 0;
        self.mark_selected_seen();
        true
    }

    fn back(&mut self) -> bool {
        if self.focus == Pane::Detail {
            self.focus = Pane::List;
            return true;
        }
        if !self.query.is_empty() {
            self.clear_query();
            return true;
        }
        false
    }

    pub(super) fn clear_query(&mut self) {
        if let (Screen::Organisations, Some(orgs)) = (self.screen, self.orgs.as_mut()) {
            orgs.query.clear();
            orgs.refilter();
            return;
        }
        self.query.clear();
        self.ranked = false;
        self.refilter();
    }

    pub(super) fn start_filter(&mut self) -> bool {
        self.kind = ListKind::Projects;
        self.focus = Pane::List;
        self.set_mode(Mode::Filtering)
    }

    /// Filtering from another screen (stats), which then follows the list.
    pub(super) fn start_filter_here(&mut self) -> bool {
        self.kind = ListKind::Projects;
        self.set_mode(Mode::Filtering)
    }

    /// Keys while typing a filter (on the browse or organisations screen).
    pub(super) fn on_filter_action(&mut self, action: Action) -> bool {
        let page = self.list_height().max(1) as isize;
        match action {
            Action::Confirm => self.set_mode(Mode::Normal),
            Action::Cancel => {
                self.clear_query();
                self.set_mode(Mode::Normal)
            }
            Action::MoveDown => self.step(1),
            Action::MoveUp => self.step(-1),
            Action::PageDown => self.step(page),
            Action::PageUp => self.step(-page),
            Action::DeleteBack => self.edit_query(|q| {
                q.pop();
            }),
            Action::ClearText => self.edit_query(String::clear),
            _ => false,
        }
    }

    pub(super) fn type_in_filter(&mut self, c: char) -> bool {
        self.edit_query(|q| q.push(c))
    }

    /// A paste is text, never keys: it goes into the search box or the
    /// note being written (control characters dropped), and elsewhere it
    /// is set aside with a word on how to use it.
    pub(super) fn on_paste(&mut self, text: &str) -> bool {
        match self.mode() {
            Mode::Filtering => {
                let line = pasted(text, false);
                self.edit_query(|q| q.push_str(&line))
            }
            Mode::Note => match self.note_editor_open() {
                Some(editor) => {
                    editor.text.push_str(&pasted(text, true));
                    true
                }
                None => false,
            },
            _ => {
                self.message = Some(t("a paste goes into the search box (/) or a note (n)").into());
                true
            }
        }
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) -> bool {
        if let (Screen::Organisations, Some(orgs)) = (self.screen, self.orgs.as_mut()) {
            edit(&mut orgs.query);
            orgs.refilter();
            return true;
        }
        edit(&mut self.query);
        self.ranked = !self.query.trim().is_empty();
        if self.defer_filtering {
            self.filter_pending = true;
        } else {
            self.refilter();
        }
        true
    }

    /// Recomputes the visible rows from the query and sort.
    pub fn refilter(&mut self) {
        let matches = self.catalogue.filter(&self.query);
        let mut rows: Vec<usize> = matches.into_iter().map(|m| m.index).collect();
        let reviews = &self.reviews;
        let notes = |key: &str| reviews.get(key);
        self.catalogue.apply_facets(&mut rows, &self.facets, &notes);
        if !self.ranked || self.query.trim().is_empty() {
            self.catalogue.sort(&mut rows, self.sort);
        }
        self.rows = rows;
        self.selection.reset();
        self.detail_scroll = 0;
        self.recompute_stats();
    }

    /// Filters again after a facet changed, keeping the selected project
    /// selected when it is still listed.
    pub(super) fn refilter_keeping_selection(&mut self) {
        let selected = self.selected_key().map(str::to_string);
        self.refilter();
        if let Some(at) = selected.and_then(|k| self.row_of(&k)) {
            let (len, height) = (self.row_count(), self.list_height());
            self.selection.select(at, len, height);
        }
    }

    fn cycle_sort(&mut self) -> bool {
        if self.ranked {
            self.ranked = false;
        } else {
            let all = SortKey::ALL;
            let at = all.iter().position(|k| *k == self.sort).unwrap_or(0);
            self.sort = all[(at + 1) % all.len()];
        }
        self.refilter();
        true
    }

    fn toggle_kind(&mut self) -> bool {
        self.kind = match self.kind {
            ListKind::Projects => ListKind::Unclassified,
            ListKind::Unclassified => ListKind::Projects,
        };
        self.selection.reset();
        self.focus = Pane::List;
        true
    }

    fn copy(&mut self, summary: bool) -> bool {
        let Some(stored) = &self.detail else {
            return false;
        };
        let text = if summary {
            clipboard::summary(stored)
        } else {
            stored
                .project
                .id
                .clone()
                .unwrap_or_else(|| stored.key.clone())
        };
        let what = if summary { "summary" } else { "ID" };
        self.ask(Effect::Copy { text, what });
        true
    }

    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        use crossterm::event::{MouseButton, MouseEventKind};
        if self.screen != Screen::Browse {
            return match mouse.kind {
                MouseEventKind::ScrollDown => self.step(3),
                MouseEventKind::ScrollUp => self.step(-3),
                _ => false,
            };
        }
        let areas = self.areas();
        let over_detail = areas.detail.contains((mouse.column, mouse.row).into());
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if mouse.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                self.focus = if over_detail {
                    Pane::Detail
                } else {
                    Pane::List
                };
                self.move_by(delta)
            }
            MouseEventKind::Down(MouseButton::Left) => self.click(mouse.column, mouse.row, &areas),
            _ => false,
        }
    }

    fn click(&mut self, column: u16, row: u16, areas: &Areas) -> bool {
        let rows = areas.list_rows;
        if !rows.contains((column, row).into()) {
            let in_detail = areas.detail.contains((column, row).into());
            if in_detail && self.focus != Pane::Detail {
                self.focus = Pane::Detail;
                return true;
            }
            return false;
        }
        self.focus = Pane::List;
        let index = self.selection.offset + (row - rows.y) as usize;
        if index >= self.row_count() {
            return true;
        }
        let (len, height) = (self.row_count(), self.list_height());
        self.selection.select(index, len, height);
        self.selection_changed()
    }
}

/// Pasted text as it may be typed: line breaks kept only where a note
/// can hold them (else spaces), tabs as spaces, other controls dropped.
fn pasted(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' if multiline => Some('\n'),
            '\n' | '\r' | '\t' => Some(' '),
            c if crate::sanitize::is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}
