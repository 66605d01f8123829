//! The browser's state and how events change it. Drawing only reads this
//! state (see `view`), so key sequences can be tested without a terminal.
//! Actions per screen live in `browse.rs` and `screens.rs`.

use super::keymap::{Action, Context, Key, KeyMap};
use super::overlay::{help_update, HelpStep, Overlay};
use super::related::Finder;
use super::review::Reviews;
use super::selection::Selection;
pub use super::state::{Exit, ListKind, Mode, Pane, Screen, State};
use super::theme::Theme;
use super::view;
use crate::catalogue::{Catalogue, SortKey};
use crate::facets::Filters;
use crate::store::Store;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::symbols::Marker;
use std::sync::mpsc::Receiver;

/// The browser: its state, the cache it reads and the workers that read
/// for it. Everything the views draw is in [`State`].
pub struct App {
    pub state: State,
    pub(super) store: Store,
    /// Finds related projects on a thread of its own.
    pub(super) finder: Option<Finder>,
    /// The whole catalogue, arriving from a background thread while the
    /// first screen of projects shows.
    pub(super) loading: Option<Receiver<crate::store::Result<Catalogue>>>,
    /// What updates asked of the world outside, run after each event.
    pub(super) effects: Vec<super::effects::Effect>,
}

impl std::ops::Deref for App {
    type Target = State;
    fn deref(&self) -> &State {
        &self.state
    }
}

impl std::ops::DerefMut for App {
    fn deref_mut(&mut self) -> &mut State {
        &mut self.state
    }
}

/// Projects read for the first screen while the rest load (more than any
/// terminal shows).
const FIRST_SCREEN: usize = 300;

impl App {
    /// The browser over every project, read before it returns.
    pub fn new(store: Store, keys: KeyMap) -> crate::store::Result<App> {
        let catalogue = Catalogue::load(&store)?;
        App::with(store, keys, catalogue)
    }

    /// The browser over the first screen of projects, the rest loading on
    /// another thread (see [`App::poll_loading`]): a million projects take
    /// seconds to read, the first screen milliseconds.
    pub fn starting(store: Store, keys: KeyMap) -> crate::store::Result<App> {
        let Some(reader) = store.reopen()? else {
            return App::new(store, keys);
        };
        let mut first = Catalogue::default();
        for summary in store.first_summaries(FIRST_SCREEN)? {
            first.push(summary, "");
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // The browser may have quit meanwhile; then nobody is waiting.
            let _ = sender.send(Catalogue::load(&reader));
        });
        let finder = store.reopen()?.map(Finder::start);
        let mut app = App::with(store, keys, first)?;
        app.loading = Some(receiver);
        app.state.loading = true;
        app.finder = finder;
        Ok(app)
    }

    fn with(store: Store, keys: KeyMap, catalogue: Catalogue) -> crate::store::Result<App> {
        let unclassified = store.unclassified()?;
        let state = State {
            catalogue,
            unclassified,
            keys,
            screen: Screen::Browse,
            kind: ListKind::Projects,
            rows: Vec::new(),
            selection: Selection::default(),
            sort: SortKey::Name,
            ranked: false,
            query: String::new(),
            filtering: false,
            overlay: None,
            focus: Pane::List,
            detail_scroll: 0,
            detail: None,
            related: Vec::new(),
            related_pending: false,
            detail_lines: Default::default(),
            detail_built_for: None,
            graph: None,
            orgs: None,
            markers: Marker::Braille,
            theme: Theme::from_env(),
            size: (80, 24),
            message: None,
            outbox: Vec::new(),
            exit: None,
            defer_filtering: false,
            filter_pending: false,
            reviews: Reviews::unavailable("no notes file was opened".into()),
            facets: Filters::default(),
            export_notes: false,
            export_dir: std::path::PathBuf::from("."),
            changes: Default::default(),
            cache_id: None,
            stats: None,
            config_problems: Vec::new(),
            loading: false,
        };
        let mut app = App {
            state,
            store,
            finder: None,
            loading: None,
            effects: Vec::new(),
        };
        app.refilter();
        app.settle();
        Ok(app)
    }

    /// Handles one event; true when the screen must be redrawn. What the
    /// event asked of the outside (the cache, notes, files) runs after it.
    pub fn handle(&mut self, event: Event) -> bool {
        let changed = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key),
            Event::Mouse(mouse) => self.on_mouse(mouse),
            Event::Paste(text) => self.on_paste(&text),
            Event::Resize(w, h) => {
                let drawn = super::terminal::drawn_area(w, h);
                self.size = (drawn.width, drawn.height);
                let height = self.list_height();
                self.selection.follow(height);
                true
            }
            _ => false,
        };
        self.settle();
        changed
    }

    /// After a change: the detail of the selected project is asked for if
    /// it is not the one shown, and every queued effect runs.
    pub fn settle(&mut self) {
        let wanted = self.selected_key().map(str::to_string);
        let loaded = self.detail.as_ref().map(|d| d.key.clone());
        if wanted != loaded {
            match wanted {
                Some(key) => self.ask(super::effects::Effect::LoadDetail(key)),
                None => {
                    self.detail = None;
                    self.related = Vec::new();
                    self.related_pending = false;
                }
            }
        }
        self.run_effects();
    }

    fn on_key(&mut self, event: KeyEvent) -> bool {
        let had_message = self.message.take().is_some();
        if event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL) {
            self.exit = Some(Exit::Interrupted);
            return true;
        }
        let key = Key::from_event(&event);
        let context = self.context();
        let changed = match (self.keys.action(context, key), key.typed()) {
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
            Action::Help => self.set_mode(Mode::Help),
            _ => match self.screen {
                Screen::Browse => self.perform_browse(action),
                Screen::Graph => self.perform_graph(action),
                Screen::Organisations => self.perform_orgs(action),
                Screen::Stats => self.perform_stats(action),
            },
        }
    }

    /// Filters for the query typed so far, if a filter edit is waiting
    /// (and every project is in: filtering waits for the loading).
    pub fn run_pending_filter(&mut self) -> bool {
        if self.is_loading() || !std::mem::take(&mut self.filter_pending) {
            return false;
        }
        self.refilter();
        self.settle();
        true
    }

    /// Where a project is in the visible list.
    pub(super) fn row_of(&self, key: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|&i| self.catalogue.projects[i].key == key)
    }

    /// Help scrolls with the moving keys and closes with its own.
    fn on_help_action(&mut self, action: Action) -> bool {
        let page = self.list_height().max(1);
        match help_update(self.help_scroll(), action, page, self.help_len()) {
            HelpStep::Scroll(scroll) => self.overlay = Some(Overlay::Help { scroll }),
            HelpStep::Close => return self.set_mode(Mode::Normal),
            HelpStep::Quit => return self.perform(Action::Quit),
            HelpStep::Ignored => return false,
        }
        true
    }

    /// Loads and lays out the selected item's details when they are not
    /// ready yet (called before each frame; drawing never reads the cache).
    pub fn prepare_frame(&mut self) {
        let width = self.areas().detail.width.saturating_sub(2);
        let id = match self.kind {
            ListKind::Projects => self
                .detail
                .as_ref()
                .map_or(String::new(), |d| d.key.clone()),
            ListKind::Unclassified => self.selection.index.to_string(),
        };
        let built_for = Some((self.kind, id, width));
        if width == 0 || self.detail_built_for == built_for {
            return;
        }
        self.detail_lines = match self.kind {
            ListKind::Projects => self
                .detail
                .as_ref()
                .map(|d| {
                    let related = (!self.related_pending).then_some(&self.related[..]);
                    let yours = self.reviews.get(&d.key);
                    view::build_detail(d, yours, related, width, self.theme)
                })
                .unwrap_or_default(),
            ListKind::Unclassified => self
                .unclassified
                .get(self.selection.index)
                .map(|d| view::build_unclassified(d, width, self.theme))
                .unwrap_or_default(),
        };
        self.detail_built_for = built_for;
    }
}
