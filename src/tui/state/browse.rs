//! Actions on the browse screen: the project list and its detail pane.

use super::list::{ListStep, Rows};
use super::screen::stats_of;
use super::search::{edit_text, filter_update, pasted, Edit, FilterStep};
use super::{ListKind, Notice, Pane, Screen, State};
use crate::tui::clipboard;
use crate::tui::effect::{Copied, Effect};
use crate::tui::keymap::Action;
use crate::tui::keymap::Context;
use crossterm::event::MouseEvent;

impl State {
    /// An action on the browse screen: the list's update first, then
    /// what is not the list's.
    pub(super) fn perform_browse(&mut self, action: Action) -> bool {
        let rows = Rows {
            len: self.row_count(),
            height: self.list_height(),
            page: self.page(),
        };
        let step = self.list.update(action, rows);
        self.list_step(step)
    }

    /// Follows what the list's update did.
    fn list_step(&mut self, step: ListStep) -> bool {
        match step {
            ListStep::Ignored => false,
            ListStep::Changed => true,
            ListStep::Opened => {
                self.mark_selected_seen();
                true
            }
            ListStep::Resorted => {
                self.refilter();
                true
            }
            ListStep::NotMine(action) => self.perform_beside_list(action),
        }
    }

    fn perform_beside_list(&mut self, action: Action) -> bool {
        match action {
            Action::Back => self.back(),
            Action::Filter => self.start_filter(),
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
        match self.list.focus {
            Pane::List => self.list_height().max(1),
            Pane::Detail => self.areas().detail.height.saturating_sub(2).max(1) as usize,
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) -> bool {
        let (len, height) = (self.row_count(), self.list_height());
        self.list.move_by(delta, len, height)
    }

    /// Back from the list: the search is cleared, if there is one.
    fn back(&mut self) -> bool {
        if !self.search.query.is_empty() {
            self.clear_query();
            return true;
        }
        false
    }

    pub(super) fn clear_query(&mut self) {
        if let Screen::Organisations(orgs) = &mut self.screen {
            return orgs.edit_query(String::clear);
        }
        self.search.query.clear();
        self.list.ranked = false;
        self.refilter();
    }

    pub(super) fn start_filter(&mut self) -> bool {
        self.list.kind = ListKind::Projects;
        self.list.focus = Pane::List;
        self.overlay.enter(Context::Filter)
    }

    /// Filtering from another screen (stats), which then follows the list.
    pub(super) fn start_filter_here(&mut self) -> bool {
        self.list.kind = ListKind::Projects;
        self.overlay.enter(Context::Filter)
    }

    /// Keys while typing a filter (on the browse or organisations screen).
    pub(super) fn on_filter_action(&mut self, action: Action) -> bool {
        match filter_update(action, self.list_height()) {
            FilterStep::Keep => self.overlay.enter(Context::Normal),
            FilterStep::Clear => {
                self.clear_query();
                self.overlay.enter(Context::Normal)
            }
            FilterStep::Step(delta) => self.step(delta),
            FilterStep::Edit(edit) => self.edit_query(edit),
            FilterStep::Ignored => false,
        }
    }

    pub(super) fn type_in_filter(&mut self, c: char) -> bool {
        self.edit_query(Edit::Type(c))
    }

    /// A paste is text, never keys: it goes into the search box or the
    /// note being written (control characters dropped), and elsewhere it
    /// is set aside with a word on how to use it.
    pub(super) fn on_paste(&mut self, text: &str) -> bool {
        match self.context() {
            Context::Filter => self.edit_query(Edit::Paste(pasted(text, false))),
            Context::Note => match self.overlay.note_editor_mut() {
                Some(editor) => {
                    editor.text.push_str(&pasted(text, true));
                    true
                }
                None => false,
            },
            _ => {
                self.status.say(Notice::PasteWhere);
                true
            }
        }
    }

    /// An edit of the search box: the organisations' on their screen,
    /// else the projects' (filtered now, or when the loop says).
    fn edit_query(&mut self, edit: Edit) -> bool {
        let cut = match &mut self.screen {
            Screen::Organisations(orgs) => {
                let mut cut = None;
                orgs.edit_query(|q| cut = edit_text(q, edit));
                cut
            }
            _ => edit_text(&mut self.search.query, edit),
        };
        if let Some(notice) = cut {
            self.status.say(notice);
        }
        if self.screen.orgs().is_some() {
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

    /// Recomputes the visible rows from the query and sort.
    pub fn refilter(&mut self) {
        self.refilter_until(&|| false);
    }

    /// [`refilter`](Self::refilter), given up when `stop` says so (a key
    /// is waiting); false then, and nothing changed.
    pub fn refilter_until(&mut self, stop: &dyn Fn() -> bool) -> bool {
        let query = crate::search::query::Query::parse(&self.search.query);
        let empty = Default::default();
        let texts = self.search.hits().unwrap_or(&empty);
        let Some(matches) = self.catalogue.fields.filter_until(&query, texts, stop) else {
            return false;
        };
        if let Some(search) = self.search.texts_wanted(&query) {
            self.ask(search);
        }
        let mut rows: Vec<usize> = matches.into_iter().map(|m| m.index).collect();
        let annotations = &self.annotations;
        let notes = |key: &str| annotations.get(key);
        let facets = &self.search.facets;
        self.list.undated_left_out = self.catalogue.apply_facets(&mut rows, facets, &notes);
        if !self.list.ranked || self.search.query.trim().is_empty() {
            self.catalogue.sort(&mut rows, self.list.sort);
        }
        self.list.rows = rows;
        self.list.selection.reset();
        self.list.detail_scroll = 0;
        let (catalogue, rows) = (&self.catalogue, &self.list.rows);
        self.screen.follow_rows(|| stats_of(catalogue, rows));
        true
    }

    /// Filters again after a facet changed, keeping the selected project
    /// selected when it is still listed.
    pub(super) fn refilter_keeping_selection(&mut self) {
        let selected = self.selected_key().map(str::to_string);
        self.refilter();
        if let Some(at) = selected.and_then(|k| self.row_of(&k)) {
            let (len, height) = (self.row_count(), self.list_height());
            self.list.selection.select(at, len, height);
        }
    }

    fn copy(&mut self, summary: bool) -> bool {
        let Some(stored) = &self.detail.shown else {
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
        let what = if summary { Copied::Summary } else { Copied::Id };
        self.ask(Effect::Copy { text, what });
        true
    }

    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        use crossterm::event::MouseEventKind;
        if !self.screen.is_browse() {
            return match mouse.kind {
                MouseEventKind::ScrollDown => self.step(3),
                MouseEventKind::ScrollUp => self.step(-3),
                _ => false,
            };
        }
        let rows = Rows {
            len: self.row_count(),
            height: self.list_height(),
            page: self.page(),
        };
        let step = self.list.mouse(mouse, &self.areas(), rows);
        self.list_step(step)
    }
}
