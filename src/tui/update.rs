//! How a key changes the state: it is read in the context the state is in
//! (normal, filter, picker, note, export, help), through that context's key
//! map, and becomes an action on the screen or overlay that has the keys.

use super::effect::Effect;
use super::keymap::{Action, Context, Key};
use super::msg::Msg;
use super::overlay::{help_update, HelpStep, Overlay};
use super::state::{Exit, Screen, State};
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
            Msg::Loaded(loaded) => self.loaded(loaded),
            Msg::Related { key, found } => self.related_found(&key, found),
            Msg::Texts(answer) => {
                self.texts_arrived(answer);
                true
            }
        };
        (changed, std::mem::take(&mut self.asked))
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
        let had_message = self.message.take().is_some();
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

    /// An action in the context it was read in.
    fn perform_in(&mut self, context: Context, action: Action) -> bool {
        match context {
            Context::Normal => self.perform(action),
            Context::Filter => self.on_filter_action(action),
            Context::Help => self.on_help_action(action),
            Context::Note => self.on_note_action(action),
            Context::Picker => self.on_picker_action(action),
            Context::Export => self.on_export_action(action),
        }
    }

    /// A printable character in a context that takes text.
    fn type_char(&mut self, context: Context, key: Key, c: char) -> bool {
        match context {
            Context::Filter => self.type_in_filter(c),
            Context::Note => self.type_in_note(c),
            Context::Picker => self.type_in_picker(key, c),
            _ => false,
        }
    }

    /// Does what an action means on the current screen.
    pub fn perform(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => {
                self.exit = Some(Exit::Quit);
                true
            }
            Action::Help => self.enter(Context::Help),
            _ => match self.screen {
                Screen::Browse => self.perform_browse(action),
                Screen::Graph(_) => self.perform_graph(action),
                Screen::Organisations(_) => self.perform_orgs(action),
                Screen::Stats(_) => self.perform_stats(action),
            },
        }
    }

    /// Where a project is in the visible list.
    pub(super) fn row_of(&self, key: &str) -> Option<usize> {
        self.list
            .rows
            .iter()
            .position(|&i| self.catalogue.projects[i].key == key)
    }

    /// Help scrolls with the moving keys and closes with its own.
    fn on_help_action(&mut self, action: Action) -> bool {
        let page = self.list_height().max(1);
        match help_update(self.help_scroll(), action, page, self.help_len()) {
            HelpStep::Scroll(scroll) => self.overlay = Some(Overlay::Help { scroll }),
            HelpStep::Close => return self.enter(Context::Normal),
            HelpStep::Quit => return self.perform(Action::Quit),
            HelpStep::Ignored => return false,
        }
        true
    }
}
