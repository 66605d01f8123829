//! The router: a message goes to the part it concerns. A key is read in
//! the context that has the keys (normal, filter, picker, note, export,
//! help), through that context's key map, and its action goes to that
//! context's part (the screen, the list, the search box, the overlay);
//! what the part's update says, the state follows here.

use super::list::{ListStep, Panes, Rows};
use super::notes::NotesMsg;
use super::overlay::{HelpSize, OverlayStep};
use super::screen::{open_graph, stats_of};
use super::search::{pasted, Edit};
use super::{DetailMsg, Exit, Notice, Screen, ScreenStep, State};
use super::{ListKind, Pane};
use crate::catalogue::Catalogue;
use crate::model::UnclassifiedDoc;
use crate::tui::effect::Effect;
use crate::tui::graph_state::Origin;
use crate::tui::keymap::KeyMap;
use crate::tui::keymap::{Action, Context, Key};
use crate::tui::msg::Msg;
use crate::tui::org_list::OrgList;
use crate::tui::stats_screen::StatsView;
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui::symbols::Marker;

impl State {
    /// The state over a catalogue: the browse screen, nothing typed, no
    /// notes (the shell gives them), the terminal's own colours.
    pub fn new(catalogue: Catalogue, unclassified: Vec<UnclassifiedDoc>, keys: KeyMap) -> State {
        State {
            catalogue,
            unclassified,
            keys,
            screen: Screen::Browse,
            list: Default::default(),
            overlay: Default::default(),
            detail: Default::default(),
            shelf: Default::default(),
            markers: Marker::Braille,
            theme: Theme::from_env(),
            size: (80, 24),
            status: Default::default(),
            exit: None,
            suspend: false,
            annotations: Default::default(),
            export_notes: false,
            export_dir: std::path::PathBuf::from("."),
            changes: Default::default(),
            config_problems: Vec::new(),
            loading: false,
            search: Default::default(),
            overlapping: Default::default(),
            asked: Vec::new(),
        }
    }

    /// One message: true when the screen must be redrawn, with what the
    /// update asks of the world outside.
    pub fn update(&mut self, msg: Msg) -> (bool, Vec<Effect>) {
        let changed = match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Mouse(mouse) => self.on_mouse(mouse),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Resize(width, height) => self.resized(width, height),
            other => self.arrived(other),
        };
        self.follow_selection();
        (changed, std::mem::take(&mut self.asked))
    }

    /// What a worker or an effect gives.
    fn arrived(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Loaded(loaded) => self.loaded(loaded),
            Msg::Related { key, found } => {
                let reply = self.detail.update(DetailMsg::Related { key, found });
                self.apply(reply)
            }
            Msg::DetailRead { key, read } => {
                let reply = self.detail.update(DetailMsg::Read { key, read });
                self.apply(reply)
            }
            Msg::Texts(answer) => self.texts_arrived(answer),
            Msg::GraphRead { load, read } => {
                let reply = self.screen.graph_read(&mut self.shelf, load, read);
                self.apply(reply)
            }
            Msg::OrganisationsRead(Ok(all)) => {
                let orgs = Screen::Organisations(OrgList::new(all));
                let step = self.screen.show(&mut self.shelf, orgs);
                self.screen_step(step)
            }
            Msg::OrganisationsRead(Err(e)) => self.say(Notice::CannotReadOrganisations(e)),
            Msg::Notice(notice) => self.say(notice),
            Msg::ExportSuggested { format, file } => self.export_suggested(format, file),
            Msg::ExportRefused {
                format,
                file,
                taken,
                why,
            } => self.export_refused(format, file, taken, why),
            Msg::Annotated { mark, written } => {
                self.notes_written(NotesMsg::Marked { mark, written })
            }
            Msg::NoteRead { key, name, text } => self.note_read(key, name, text),
            Msg::NoteWritten(Ok(written)) => self.notes_written(NotesMsg::NoteWritten(written)),
            Msg::NoteWritten(Err(editor)) => self.note_not_written(*editor),
            Msg::SeenNotNoted { change, why } => {
                // Not written: the mark stays, to be marked seen later.
                self.changes.not_noted(change);
                self.say(Notice::Said(why))
            }
            Msg::OverlapsRead { scope, read } => self.overlaps_read(scope, read),
            Msg::OverlapMarks(found) => self.marks_found(found),
            Msg::ProjectOverlaps { key, found } => self.project_overlaps(key, found),
            Msg::CoverageRead(read) => self.coverage_read(read),
            Msg::TimelineRead { organisation, read } => self.timeline_read(organisation, read),
            Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) | Msg::Resize(..) => false,
        }
    }

    /// The browser's first state: filtered, its first project asked for.
    pub fn start(&mut self) -> Vec<Effect> {
        // While every project loads, the marks wait for them: read at the
        // same time, the two held their working memory at once.
        if !self.is_loading() {
            self.ask(Effect::FindOverlapMarks);
        }
        self.refilter();
        self.follow_selection();
        std::mem::take(&mut self.asked)
    }

    /// Filters for the query typed so far if a filter edit is waiting and
    /// every project is in; what the filtering asks, when it ran. Given
    /// up, still waiting, when `stop` says a key came meanwhile.
    pub fn run_pending_filter(&mut self, stop: &dyn Fn() -> bool) -> Option<Vec<Effect>> {
        if self.is_loading() || !self.list.filter_pending || !self.refilter_until(stop) {
            return None;
        }
        self.list.filter_pending = false;
        self.follow_selection();
        Some(std::mem::take(&mut self.asked))
    }

    /// The detail follows the selection: the selected project is asked
    /// for once; no selection clears it.
    fn follow_selection(&mut self) {
        if self.screen.graph_project().is_some() {
            return;
        }
        let wanted = self.selected_key().map(str::to_string);
        if wanted == self.detail.asked {
            return;
        }
        match wanted {
            Some(key) => {
                self.at_first_hit();
                self.detail.asked = Some(key.clone());
                if let Some(overlaps) = self.overlapping.wanted(&key) {
                    self.ask(overlaps);
                }
                self.ask(Effect::LoadDetail(key));
            }
            None => {
                let reply = self.detail.update(DetailMsg::Clear);
                self.apply(reply);
            }
        }
    }

    fn resized(&mut self, width: u16, height: u16) -> bool {
        self.size = (width, height);
        let height = self.list_height();
        self.list.selection.follow(height);
        true
    }

    /// One key; true when the screen must be redrawn.
    fn on_key(&mut self, event: KeyEvent) -> bool {
        let had_message = self.status.clear();
        if event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL) {
            self.exit = Some(Exit::Interrupted);
            return true;
        }
        let key = Key::from_event(&event);
        let context = self.context();
        let changed = match (self.keys.action(context, key), key.typed()) {
            (Some(Action::Suspend), _) => {
                self.suspend = true;
                false
            }
            (Some(action), _) => self.perform_in(context, action),
            (None, Some(c)) if context.takes_text() => self.type_char(context, key, c),
            (None, _) => false,
        };
        changed || had_message
    }

    /// An action in the context it was read in: the screen's, the search
    /// box's or the overlay's.
    fn perform_in(&mut self, context: Context, action: Action) -> bool {
        if action == Action::Help && context != Context::Help {
            return self.open_help(context);
        }
        match context {
            Context::Normal | Context::Reading => self.perform(action),
            Context::Filter => self.on_filter_action(action),
            Context::Help
            | Context::Note
            | Context::Picker
            | Context::Export
            | Context::Dossier
            | Context::ExportFile => {
                let page = self.list_height().max(1);
                let help = HelpSize {
                    page,
                    len: self.help_lines().len(),
                };
                let step = self.overlay.update(action, help);
                self.overlay_step(step)
            }
        }
    }

    /// A printable character in a context that takes text.
    fn type_char(&mut self, context: Context, key: Key, c: char) -> bool {
        match context {
            Context::Filter => self.type_in_filter(c),
            _ => {
                let as_in_list = self.keys.action(Context::Normal, key);
                let step = self.overlay.type_char(c, as_in_list);
                self.overlay_step(step)
            }
        }
    }

    /// Follows what the overlay's update did.
    fn overlay_step(&mut self, step: OverlayStep) -> bool {
        match step {
            OverlayStep::Ignored => false,
            OverlayStep::Done(reply) => self.apply(reply),
            OverlayStep::Quit => self.perform(Action::Quit),
            OverlayStep::Export(format) => self.export(format),
            OverlayStep::WriteExport {
                format,
                file,
                replace,
            } => self.write_export(format, file, replace),
            OverlayStep::ToggleExportNotes => {
                self.export_notes = !self.export_notes;
                true
            }
            OverlayStep::Picker(step) => self.picker_asks(step),
            OverlayStep::Dossier(to, contacts) => self.write_dossier(to, contacts),
        }
    }

    /// Does what an action means on the current screen.
    pub fn perform(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => {
                self.exit = Some(Exit::Quit);
                true
            }
            Action::Help => self.overlay.enter(Context::Help),
            Action::SwitchLanguage => self.switch_language(),
            _ if self.screen.is_answer() => self.answer_update(action),
            _ => {
                if let Some(changed) = self.open_answer(action) {
                    return changed;
                }
                let page = self.list_height();
                let step = self.screen.update(&mut self.shelf, action, page);
                self.screen_step(step)
            }
        }
    }

    /// Follows what a screen's update did.
    fn screen_step(&mut self, step: ScreenStep) -> bool {
        match step {
            ScreenStep::Ignored => false,
            ScreenStep::Changed => true,
            ScreenStep::Ask(effect) => {
                self.ask(effect);
                true
            }
            ScreenStep::FilterOrganisations => self.overlay.enter(Context::Filter),
            ScreenStep::FilterProjects => self.start_filter_here(),
            ScreenStep::List(Action::Facets) => self.open_facets(),
            ScreenStep::List(Action::ClearFacets) => self.clear_facets(),
            ScreenStep::List(_) => false,
            ScreenStep::NotMine(action) => self.perform_browse(action),
            ScreenStep::OpenProject(key) => self.open_graph_project(key),
            ScreenStep::Detail(action) => self.graph_project_action(action),
        }
    }

    /// `o`: the organisations screen.
    pub(super) fn open_organisations(&mut self) -> bool {
        let step = self.screen.open_organisations(&mut self.shelf);
        self.screen_step(step)
    }

    /// `p` on the browse screen: the graph around the selected project.
    pub(super) fn open_graph_for_selected(&mut self) -> bool {
        let Some(key) = self.selected_key().map(str::to_string) else {
            return false;
        };
        let focus = crate::graph::Focus::Project(key);
        self.ask(open_graph(&self.shelf, focus, Origin::Browse));
        true
    }

    /// `S`: the stats of the projects listed.
    pub(super) fn open_stats(&mut self) -> bool {
        if self.is_loading() {
            return self.say(Notice::StatsWait);
        }
        let stats = stats_of(&self.catalogue, &self.list.rows);
        let view = Screen::Stats(StatsView { stats, scroll: 0 });
        let step = self.screen.show(&mut self.shelf, view);
        self.screen_step(step)
    }

    /// Moves the cursor of the current screen's list.
    pub(super) fn step(&mut self, delta: isize) -> bool {
        let height = self.list_height();
        match self.screen {
            Screen::Browse => self.move_by(delta),
            _ => self.screen.step(delta, height),
        }
    }

    /// Where a project is in the visible list.
    pub(super) fn row_of(&self, key: &str) -> Option<usize> {
        self.list
            .rows
            .iter()
            .position(|&i| self.catalogue.projects.key(i) == key)
    }

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
                self.at_first_hit();
                self.mark_selected_seen();
                true
            }
            ListStep::Resorted => {
                self.refilter_keeping_selection();
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
            Action::NextHit => self.next_hit(true),
            Action::PreviousHit => self.next_hit(false),
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

    /// A paste is text, never keys: it goes into the search box or the
    /// note being written (control characters dropped), and elsewhere it
    /// is set aside with a word on how to use it.
    pub(super) fn on_paste(&mut self, text: &str) -> bool {
        match self.context() {
            Context::Filter => self.edit_query(Edit::Paste(pasted(text, false))),
            Context::Note => match self.overlay.note_editor_mut() {
                Some(editor) => {
                    editor.text.insert_str(&pasted(text, true));
                    true
                }
                None => false,
            },
            Context::ExportFile => match self.overlay.export_prompt_mut() {
                Some(prompt) => {
                    prompt.paste(text);
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
        let areas = self.areas();
        let panes = Panes {
            list_rows: areas.list_rows,
            detail: areas.detail,
        };
        let step = self.list.mouse(mouse, &panes, rows);
        self.list_step(step)
    }
}
