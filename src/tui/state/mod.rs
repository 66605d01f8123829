//! The browser's state: everything the views draw from, apart from the
//! cache and the workers (see `App`). Drawing only reads it.
//!
//! A tree of owned parts, each in its own file with its own update:
//! `list`, `detail`, `search` (query, texts, facets), `screen`, `overlay`
//! (who has the keys), `status`, and the user's `notes`. Every method of
//! the state that moves between parts is here; the router from (context,
//! action) to the part is `route`. A part never reads the cache or the
//! notes file: it gives back effects, which the shell runs.

mod detail;
pub mod list;
mod notes;
pub mod overlay;
mod reading;
mod route;
mod screen;
mod search;
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
use crate::present::export::Format;
use crate::tui::clipboard;
use crate::tui::effect::{Copied, Effect, Mark};
use crate::tui::facet_picker::{FacetPicker, PickerStep};
use crate::tui::note_editor::NoteEditor;
pub use detail::{BuiltFor, Detail, DetailMsg};
pub use list::{ListKind, ListState, Pane};
use notes::NotesMsg;
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
    /// Where `e` writes (the current folder).
    pub export_dir: std::path::PathBuf,
    /// Changes by imports the user has not seen yet, by project key.
    pub changes: Unseen,
    /// What the config file had that could not be applied (shown in help).
    pub config_problems: Vec<String>,
    /// Every project is not in yet (the catalogue is still loading).
    pub loading: bool,
    /// The search box, what the texts hold for it, the facets.
    pub search: Search,
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
        };
        let filter_shown = self.context() == Context::Filter || !self.search.query.is_empty();
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
        Some(self.catalogue.projects[*index].key.as_str())
    }

    /// The whole catalogue has arrived (or why it could not be read): the
    /// list is filtered and sorted again, the selected project kept.
    pub(super) fn loaded(&mut self, loaded: Result<Box<Catalogue>, String>) -> bool {
        self.loading = false;
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
        let orphans = self.annotations.orphans(
            catalogue.projects.iter().map(|p| p.key.as_str()),
            &catalogue.removed,
        );
        if orphans > 0 {
            self.status.say_if_quiet(Notice::Orphans(orphans));
        }
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// Something is coming from another thread that the screen will show.
    pub fn is_waiting(&self) -> bool {
        self.is_loading() || self.detail.related_pending || self.search.texts.asked.is_some()
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

    pub(super) fn clear_query(&mut self) {
        if let Screen::Organisations(orgs) = &mut self.screen {
            return orgs.edit_query(String::clear);
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

    pub(super) fn start_export(&mut self) -> bool {
        if self.row_count() == 0 || self.is_loading() {
            self.status.say(Notice::NothingToExport);
            return true;
        }
        self.overlay.enter(Context::Export)
    }

    /// The listed projects to a file in `format`, by the shell.
    pub(super) fn export(&mut self, format: Format) -> bool {
        let projects = &self.catalogue.projects;
        let keys = self.list.rows.iter().map(|&i| projects[i].key.clone());
        self.ask(Effect::Export {
            format,
            keys: keys.collect(),
            with_notes: self.export_notes,
            dir: self.export_dir.clone(),
        });
        true
    }

    /// The selected project's key and name (a note keeps the name).
    fn selected_project(&self) -> Option<Selected> {
        let key = self.selected_key()?.to_string();
        let index = self.list.rows[self.list.selection.index];
        let name = self.catalogue.projects[index].name.clone();
        Some(Selected { key, name })
    }

    /// Changes the selected project's bookmark or review state; the status
    /// bar says what happened, or why it could not.
    fn annotate(&mut self, mark: Mark) -> bool {
        let Some(Selected { key, name }) = self.selected_project() else {
            return false;
        };
        self.ask(Effect::Annotate { key, name, mark });
        true
    }

    pub(super) fn toggle_bookmark(&mut self) -> bool {
        self.annotate(Mark::Bookmark)
    }

    pub(super) fn cycle_review(&mut self) -> bool {
        self.annotate(Mark::Review)
    }

    /// `n`: the note is read as the notes file has it now (another `esf`
    /// may have written it); the editor opens when it arrives.
    pub(super) fn start_note(&mut self) -> bool {
        let Some(Selected { key, name }) = self.selected_project() else {
            return false;
        };
        self.ask(Effect::ReadNote { key, name });
        true
    }

    /// The note read: the editor opens on it.
    pub(super) fn note_read(&mut self, key: String, name: Option<String>, text: String) -> bool {
        self.overlay = Overlay::Note(NoteEditor::new(key, name, text));
        true
    }

    /// What the shell wrote to the notes file: taken in and said; the
    /// detail shows it.
    pub(super) fn notes_written(&mut self, msg: NotesMsg) -> bool {
        let notice = self.annotations.update(msg);
        self.detail.built_for = None;
        self.say(notice)
    }

    /// A note that could not be written: the editor back with the text
    /// (the user's: it stays until a save succeeds or they cancel).
    pub(super) fn note_not_written(&mut self, editor: NoteEditor) -> bool {
        self.overlay = Overlay::Note(editor);
        self.detail.built_for = None;
        self.say(Notice::NoteNotSaved)
    }

    /// The changes the user has not seen, from the last imports.
    pub fn set_changes(&mut self, cache_id: String, changes: Vec<crate::model::Change>) {
        self.changes = Unseen::of(cache_id, changes);
    }

    /// Opening a project marks its change as seen.
    pub(super) fn mark_selected_seen(&mut self) {
        let key = self.selected_key().map(str::to_string);
        if let Some(seen) = key.and_then(|key| self.changes.seen(&key)) {
            self.ask(seen);
        }
    }
}
