//! The browser's state: everything the views draw from, apart from the
//! cache and the workers (see `App`). Drawing only reads it.
//!
//! A tree of owned parts, each in its own file with its own update:
//! `list`, `detail`, `search` (query, texts, facets), `screen`, `overlay`
//! (who has the keys), `status`, and the user's `notes`. Every method of
//! the state that moves between parts is here; the router from (context,
//! action) to the part is `route`. A part never reads the cache or the
//! notes file: it gives back effects, which the shell runs.

pub mod answers;
mod detail;
mod export;
mod graph_detail;
mod language;
pub mod list;
mod marks;
mod notes;
pub mod overlay;
pub mod place;
mod reading;
mod route;
mod screen;
mod search;
mod search_box;
mod status;
#[cfg(test)]
mod tests;

use super::keymap::Context;
use super::keymap::KeyMap;
use super::layout::{self, Areas, ScreenKind, Shape};
use super::theme::Theme;
use crate::catalogue::facets::{Active, Facet};
use crate::catalogue::Catalogue;
use crate::model::UnclassifiedDoc;
use crate::tui::clipboard;
use crate::tui::effect::{Copied, Effect};
use crate::tui::facet_picker::{FacetPicker, PickerStep};
pub use detail::{BuiltFor, Detail, DetailMsg};
pub use list::{ListKind, ListState, Pane};
pub use notes::{Annotations, Unseen};
use overlay::Overlay;
use ratatui::symbols::Marker;
use screen::stats_of;
pub use screen::{Screen, ScreenStep, Shelf};
pub use search::{Search, Texts};
pub use status::{Notice, Reply, Status};

/// A project by its key, with its name.
struct Selected {
    key: String,
    name: Option<String>,
}

/// How the browser ends: the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Interrupted,
}

pub struct State {
    pub catalogue: Catalogue,
    pub unclassified: Vec<UnclassifiedDoc>,
    pub keys: KeyMap,
    pub screen: Screen,
    /// The project list: its rows, cursor, filter and sort.
    pub list: ListState,
    /// Who has the keys besides the screen: the search box, or a box
    /// over the screen.
    pub overlay: Overlay,
    /// The detail pane: the project shown and its related projects.
    pub detail: Detail,
    /// Screens not shown now, kept for when they come back.
    pub shelf: Shelf,
    pub markers: Marker,
    pub theme: Theme,
    pub size: (u16, u16),
    /// What the status bar says (cleared by the next key).
    pub status: Status,
    pub exit: Option<Exit>,
    /// The user asked to suspend (`Ctrl-z`): the loop stops the process.
    pub suspend: bool,
    /// The user's notes, bookmarks and review states.
    pub annotations: Annotations,
    /// Exports include the user's notes.
    pub export_notes: bool,
    /// The folder of the export prompt's default name.
    pub export_dir: std::path::PathBuf,
    /// Changes by imports the user has not seen yet, by project key.
    pub changes: Unseen,
    /// What the config file had that could not be applied (shown in help).
    pub config_problems: Vec<String>,
    /// Every project is not in yet (the catalogue is still loading).
    pub loading: bool,
    /// The search box, what the texts hold for it, the facets.
    pub search: Search,
    /// Which projects overlap, and the shown project's pairs.
    pub overlapping: answers::overlaps::Overlapping,
    /// What updates asked of the world outside, run after each event.
    pub(super) asked: Vec<super::effect::Effect>,
}

impl State {
    /// Takes what a part's update gave back; true when the screen changed.
    fn apply(&mut self, reply: Reply) -> bool {
        self.asked.extend(reply.effects);
        if let Some(notice) = reply.notice {
            self.status.say(notice);
        }
        reply.changed
    }

    /// Says a notice; the screen changed.
    fn say(&mut self, notice: Notice) -> bool {
        self.status.say(notice);
        true
    }

    /// Queues an effect; [`update`](Self::update) hands it to the shell.
    fn ask(&mut self, effect: Effect) {
        self.asked.push(effect);
    }

    pub fn areas(&self) -> Areas {
        let screen = match self.screen {
            Screen::Browse => ScreenKind::Browse,
            Screen::Organisations(_) => ScreenKind::Organisations,
            Screen::Graph(_) => ScreenKind::Graph,
            Screen::Stats(_) => ScreenKind::Stats,
            Screen::GraphProject { .. } => ScreenKind::Detail,
            _ => ScreenKind::Organisations,
        };
        let filter_shown = self.context() == Context::Filter || !self.search_box().is_empty();
        let focus = self.list.focus;
        layout::areas(
            self.size,
            Shape {
                screen,
                filter_shown,
                focus,
            },
        )
    }
    /// Rows of the current list window (for paging and scrolling).
    pub fn list_height(&self) -> usize {
        self.areas().list_rows.height as usize
    }
    pub fn row_count(&self) -> usize {
        match self.list.kind {
            ListKind::Projects => self.list.rows.len(),
            ListKind::Unclassified => self.unclassified.len(),
        }
    }
    /// Where keys are read now: each context has its own key map.
    pub fn context(&self) -> Context {
        match self.overlay.context() {
            Context::Normal if self.reading() => Context::Reading,
            context => context,
        }
    }
    /// The selected project's key, if a project is selected.
    pub fn selected_key(&self) -> Option<&str> {
        if self.list.kind != ListKind::Projects {
            return None;
        }
        let index = self.list.rows.get(self.list.selection.index)?;
        Some(self.catalogue.projects.key(*index))
    }

    /// The whole catalogue has arrived (or why it could not be read): the
    /// list is filtered and sorted again, the selected project kept.
    pub(super) fn loaded(&mut self, loaded: Result<Box<Catalogue>, String>) -> bool {
        self.loading = false;
        self.ask(Effect::FindOverlapMarks);
        match loaded {
            Ok(catalogue) => {
                self.say_orphans(&catalogue);
                // A filter typed meanwhile starts at its best match.
                let selected = self
                    .selected_key()
                    .filter(|_| !self.list.filter_pending)
                    .map(str::to_string);
                let before = (self.list.selection.clone(), self.list.detail_scroll);
                self.catalogue = *catalogue;
                // Text matches point into the list they were found for.
                self.search.texts = Default::default();
                self.refilter();
                self.list.filter_pending = false;
                match selected.and_then(|k| self.row_of(&k)) {
                    Some(at) if at == before.0.index => {
                        (self.list.selection, self.list.detail_scroll) = before;
                    }
                    Some(at) => {
                        let height = self.list_height();
                        self.list.selection.index = at;
                        self.list.selection.follow(height);
                    }
                    None => {}
                }
            }
            Err(e) => {
                self.status.say(Notice::CannotReadEveryProject(e));
            }
        }
        true
    }

    /// Says, if nothing else is said, how many notes have lost their project.
    fn say_orphans(&mut self, catalogue: &Catalogue) {
        let orphans = self
            .annotations
            .orphans(catalogue.projects.keys(), &catalogue.removed);
        if orphans > 0 {
            self.status.say_if_quiet(Notice::Orphans(orphans));
        }
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// Something is coming from another thread that the screen will show.
    pub fn is_waiting(&self) -> bool {
        let found = self.detail.related_pending || self.overlapping.waiting();
        self.is_loading() || found || self.search.texts.asked.is_some()
    }

    /// Text matches for a query: the list takes them in if the query is
    /// still the one typed (a newer one has been asked for otherwise).
    pub(super) fn texts_arrived(&mut self, answer: crate::tui::msg::TextAnswer) -> bool {
        let catalogue = &self.catalogue;
        let indices_of = |keys: &[String]| catalogue.indices_of(keys);
        let (taken, notice) = self.search.texts_arrived(answer, indices_of);
        if let Some(notice) = notice {
            self.status.say(notice);
        }
        if taken {
            self.refilter_keeping_selection();
        }
        true
    }

    /// Clears the search (kept in the history, to come back).
    pub(super) fn clear_query(&mut self) {
        self.search.history.record(&self.search_box().to_string());
        if let Screen::Organisations(orgs) = &mut self.screen {
            return orgs.edit_query(crate::tui::line_edit::LineEdit::clear);
        }
        self.search.query.clear();
        self.list.ranked = false;
        self.refilter();
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
            let (sort, reversed) = (self.list.sort, self.list.reversed);
            self.catalogue.sort_in(&mut rows, sort, reversed);
        }
        self.list.place = place::count(&self.catalogue, &self.search.query, &rows);
        // Collected in the matches' place, twice the room the rows need.
        rows.shrink_to_fit();
        self.list.rows = rows;
        self.list.selection.reset();
        self.at_first_hit();
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

    pub(super) fn open_facets(&mut self) -> bool {
        if self.is_loading() {
            self.status.say(Notice::FacetsWait);
            return true;
        }
        self.overlay = Overlay::Facets(FacetPicker::default());
        true
    }

    pub(super) fn clear_facets(&mut self) -> bool {
        if self.search.facets.is_empty() {
            return false;
        }
        self.search.facets = Default::default();
        self.status.say(Notice::FacetsCleared);
        self.refilter_keeping_selection();
        true
    }

    /// Does what the picker asked for.
    pub(super) fn picker_asks(&mut self, step: PickerStep) -> bool {
        match step {
            PickerStep::Changed => true,
            PickerStep::Ignored => false,
            PickerStep::Close => self.overlay.enter(Context::Normal),
            PickerStep::WantValues(facet) => {
                let values = self.facet_values(facet);
                if let Some(picker) = self.overlay.picker_mut() {
                    picker.show_values(facet, values);
                }
                true
            }
            PickerStep::WantActive => {
                let text = self
                    .search
                    .facets
                    .active
                    .as_ref()
                    .map_or(String::new(), |a| a.text.clone());
                if let Some(picker) = self.overlay.picker_mut() {
                    picker.show_active(text);
                }
                true
            }
            PickerStep::Pick(facet, value) => {
                match value {
                    Some(value) => self.search.facets.chosen.insert(facet, value),
                    None => self.search.facets.chosen.remove(&facet),
                };
                self.refilter_keeping_selection();
                self.overlay.enter(Context::Normal)
            }
            PickerStep::SetActive(text) => self.set_active(&text),
        }
    }

    /// The facet's values with their counts among the fuzzy filter's
    /// matches, under the other facets.
    fn facet_values(&self, facet: Facet) -> Vec<(String, usize)> {
        let matched: Vec<usize> = self
            .catalogue
            .filter(&self.search.query)
            .into_iter()
            .map(|m| m.index)
            .collect();
        let annotations = &self.annotations;
        let notes = |key: &str| annotations.get(key);
        self.catalogue
            .facet_counts(facet, &matched, &self.search.facets, &notes)
    }

    /// "Active during" from what was typed; a mistake is said and the
    /// prompt stays.
    fn set_active(&mut self, text: &str) -> bool {
        let active = match text {
            "" => None,
            text => match Active::parse(text) {
                Ok(active) => Some(active),
                Err(e) => {
                    self.status.say(Notice::Said(e));
                    return true;
                }
            },
        };
        self.search.facets.active = active;
        self.refilter_keeping_selection();
        self.overlay.enter(Context::Normal)
    }
}
