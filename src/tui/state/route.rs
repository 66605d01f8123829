//! How a key changes the state: it is read in the context the state is in
//! (normal, filter, picker, note, export, help), through that context's key
//! map, and becomes an action on the screen or overlay that has the keys.

use super::overlay::{HelpSize, OverlayStep};
use super::screen::{open_graph, stats_of};
use super::{DetailMsg, Exit, Notice, Reply, Screen, ScreenStep, State};
use crate::tui::effect::Effect;
use crate::tui::graph_state::Origin;
use crate::tui::keymap::{Action, Context, Key};
use crate::tui::msg::Msg;
use crate::tui::org_list::OrgList;
use crate::tui::stats_screen::StatsView;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl State {
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
            Msg::Annotated { mark, written } => self.annotated(mark, written),
            Msg::NoteRead { key, name, text } => self.note_read(key, name, text),
            Msg::NoteWritten(written) => self.note_written(written),
            Msg::SeenNotNoted { change, why } => {
                // Not written: the mark stays, to be marked seen later.
                self.changes.insert(change.key.clone(), change);
                self.say(Notice::Said(why))
            }
            Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) | Msg::Resize(..) => false,
        }
    }

    /// The browser's first state: filtered, its first project asked for.
    pub fn start(&mut self) -> Vec<Effect> {
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
        let wanted = self.selected_key().map(str::to_string);
        if wanted == self.detail.asked {
            return;
        }
        match wanted {
            Some(key) => {
                self.detail.asked = Some(key.clone());
                self.ask(Effect::LoadDetail(key));
            }
            None => {
                let reply = self.detail.update(DetailMsg::Clear);
                self.apply(reply);
            }
        }
    }

    /// Takes what a part's update gave back; true when the screen changed.
    pub(super) fn apply(&mut self, reply: Reply) -> bool {
        self.asked.extend(reply.effects);
        if let Some(notice) = reply.notice {
            self.status.say(notice);
        }
        reply.changed
    }

    fn say(&mut self, notice: Notice) -> bool {
        self.status.say(notice);
        true
    }

    /// Queues an effect; [`update`](Self::update) hands it to the shell.
    pub(super) fn ask(&mut self, effect: Effect) {
        self.asked.push(effect);
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
        match context {
            Context::Normal => self.perform(action),
            Context::Filter => self.on_filter_action(action),
            Context::Help | Context::Note | Context::Picker | Context::Export => {
                let page = self.list_height().max(1);
                let help = HelpSize {
                    page,
                    len: self.help_len(),
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
            OverlayStep::ToggleExportNotes => {
                self.export_notes = !self.export_notes;
                true
            }
            OverlayStep::Picker(step) => self.picker_asks(step),
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
            _ => {
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
            .position(|&i| self.catalogue.projects[i].key == key)
    }
}
