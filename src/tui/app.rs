//! The browser's state and how events change it. Drawing only reads this
//! state (see `view`), so key sequences can be tested without a terminal.
//! Actions per screen live in `browse.rs` and `screens.rs`.

use super::keymap::KeyMap;
use super::related::Finder;
use super::review::Reviews;
pub use super::state::{Exit, ListKind, Mode, Pane, Screen, State};
use super::theme::Theme;
use super::view;
use crate::catalogue::Catalogue;
use crate::facets::Filters;
use crate::store::Store;
use crossterm::event::{Event, KeyEventKind};
use ratatui::symbols::Marker;
use std::sync::mpsc::Receiver;

/// The browser: its state, the cache it reads and the workers that read
/// for it. Everything the views draw is in [`State`].
pub struct App {
    pub state: State,
    pub(super) store: Store,
    /// Finds related projects on a thread of its own.
    pub(super) finder: Option<Finder>,
    /// Searches the texts on a thread of its own.
    /// Named apart from the state's `texts` (what they found), which a
    /// field of the same name here would hide.
    pub(super) text_searcher: Option<super::text_search::TextSearcher>,
    /// The whole catalogue, arriving from a background thread while the
    /// first screen of projects shows.
    pub(super) loading: Option<Receiver<crate::store::Result<Catalogue>>>,
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
        let finder = store
            .reopen()?
            .map(|r| Finder::start(r, super::related::find_for));
        let texts = store.reopen()?.map(super::text_search::start);
        let mut app = App::with(store, keys, first)?;
        app.loading = Some(receiver);
        app.state.loading = true;
        app.finder = finder;
        app.text_searcher = texts;
        Ok(app)
    }

    fn with(store: Store, keys: KeyMap, catalogue: Catalogue) -> crate::store::Result<App> {
        let unclassified = store.unclassified()?;
        let state = State {
            catalogue,
            unclassified,
            keys,
            screen: Screen::Browse,
            list: Default::default(),
            filtering: false,
            overlay: None,
            detail: None,
            related: Vec::new(),
            related_pending: false,
            detail_lines: Default::default(),
            detail_built_for: None,
            shelf: Default::default(),
            markers: Marker::Braille,
            theme: Theme::from_env(),
            size: (80, 24),
            message: None,
            outbox: Vec::new(),
            exit: None,
            suspend: false,
            reviews: Reviews::unavailable("no notes file was opened".into()),
            facets: Filters::default(),
            export_notes: false,
            export_dir: std::path::PathBuf::from("."),
            changes: Default::default(),
            cache_id: None,
            config_problems: Vec::new(),
            loading: false,
            texts: Default::default(),
            asked: Vec::new(),
        };
        let mut app = App {
            state,
            store,
            finder: None,
            text_searcher: None,
            loading: None,
        };
        app.refilter();
        app.settle();
        Ok(app)
    }

    /// Handles one event; true when the screen must be redrawn. What the
    /// event asked of the outside (the cache, notes, files) runs after it.
    pub fn handle(&mut self, event: Event) -> bool {
        let changed = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.state.on_key(key),
            Event::Mouse(mouse) => self.state.on_mouse(mouse),
            Event::Paste(text) => self.state.on_paste(&text),
            Event::Resize(w, h) => {
                let drawn = super::terminal::drawn_area(w, h);
                self.size = (drawn.width, drawn.height);
                let height = self.list_height();
                self.list.selection.follow(height);
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

    /// Filters for the query typed so far, if a filter edit is waiting
    /// (and every project is in: filtering waits for the loading). Given
    /// up, still waiting, when `stop` says a key came meanwhile.
    pub fn run_pending_filter(&mut self, stop: &dyn Fn() -> bool) -> bool {
        if self.is_loading() || !self.list.filter_pending {
            return false;
        }
        if !self.refilter_until(stop) {
            return false;
        }
        self.list.filter_pending = false;
        self.settle();
        true
    }

    /// Loads and lays out the selected item's details when they are not
    /// ready yet (called before each frame; drawing never reads the cache).
    pub fn prepare_frame(&mut self) {
        let width = self.areas().detail.width.saturating_sub(2);
        let id = match self.list.kind {
            ListKind::Projects => self
                .detail
                .as_ref()
                .map_or(String::new(), |d| d.key.clone()),
            ListKind::Unclassified => self.list.selection.index.to_string(),
        };
        let built_for = Some((self.list.kind, id, width));
        if width == 0 || self.detail_built_for == built_for {
            return;
        }
        self.detail_lines = match self.list.kind {
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
                .get(self.list.selection.index)
                .map(|d| view::build_unclassified(d, width, self.theme))
                .unwrap_or_default(),
        };
        self.detail_built_for = built_for;
    }
}
