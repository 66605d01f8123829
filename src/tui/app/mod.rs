//! The shell: it alone owns the cache, the notes' connection, the workers
//! and every reader of the cache. Messages (keys, resizes, what workers
//! found) go to the state's update; the effects the update returns run
//! here, and what they read comes back into the state.
//!
//! message → `State::update` → effects → shell → messages.

mod answers;
mod effects;
mod export;
pub mod first_frame;
mod graph;
mod notes;
pub mod related;
pub mod text_search;
mod worker;

use super::keymap::KeyMap;
use super::msg::Msg;
use super::review::Reviews;
use super::state::BuiltFor;
pub use super::state::{Exit, ListKind, Pane, Screen, State};
use super::view;
use crate::catalogue::Catalogue;
use crate::store::Store;
use crossterm::event::{Event, KeyEventKind};
use std::sync::mpsc::{channel, Receiver, Sender};
use worker::Latest;

/// The browser: its state, the cache it reads and the workers that read
/// for it. Everything the views draw is in [`State`].
pub struct App {
    pub state: State,
    store: Store,
    /// Finds related projects on a thread of its own.
    finder: Option<Latest>,
    /// Searches the texts on a thread of its own.
    text_searcher: Option<Latest>,
    /// The notes file: only the shell reads or writes it.
    notes: notes::NotesFile,
    /// Bytes for the terminal itself (OSC 52 clipboard), written by the loop.
    pub outbox: Vec<String>,
    /// What the workers send: one channel for every arrival.
    inbox: Receiver<Msg>,
    /// Where a thread started for one answer sends it (none over an
    /// in-memory cache: answered at once).
    outlet: Option<Sender<Msg>>,
}

/// Projects read for the first screen while the rest load (more than any
/// terminal shows).
const FIRST_SCREEN: usize = 300;

impl App {
    /// The browser over every project, read before it returns.
    pub fn new(store: Store, keys: KeyMap) -> crate::store::Result<App> {
        let catalogue = Catalogue::load(&store)?;
        let (_, inbox) = channel();
        App::with(store, keys, catalogue, (None, inbox), false)
    }

    /// The browser over the first screen of projects, the rest loading on
    /// another thread (arriving as [`Msg::Loaded`]): a million projects
    /// take seconds to read, the first screen milliseconds.
    pub fn starting(store: Store, keys: KeyMap) -> crate::store::Result<App> {
        store.small_cache()?;
        let Some(reader) = store.reopen()? else {
            return App::new(store, keys);
        };
        let mut first = Catalogue::default();
        for summary in store.first_summaries(FIRST_SCREEN)? {
            first.push(summary, "");
        }
        crate::store::profile::mark("browser: first summaries read");
        let (outlet, inbox) = channel();
        load_every_project(reader, outlet.clone());
        let finder = store.reopen()?.map(|r| {
            let outlet = outlet.clone();
            related::start(r, move |key, found| {
                outlet.send(Msg::Related { key, found }).is_ok()
            })
        });
        let texts = store.reopen()?.map(|r| {
            let outlet = outlet.clone();
            text_search::start(r, move |answer| outlet.send(Msg::Texts(answer)).is_ok())
        });
        crate::store::profile::mark("browser: readers started");
        let mut app = App::with(store, keys, first, (Some(outlet), inbox), true)?;
        app.finder = finder;
        app.text_searcher = texts;
        Ok(app)
    }

    fn with(
        store: Store,
        keys: KeyMap,
        catalogue: Catalogue,
        (outlet, inbox): (Option<Sender<Msg>>, Receiver<Msg>),
        loading: bool,
    ) -> crate::store::Result<App> {
        let unclassified = store.unclassified()?;
        let mut state = State::new(catalogue, unclassified, keys);
        state.loading = loading;
        state.export_dir = export::default_dir();
        let mut app = App {
            state,
            store,
            finder: None,
            text_searcher: None,
            notes: notes::NotesFile {
                notes: None,
                unavailable: None,
            },
            outbox: Vec::new(),
            inbox,
            outlet,
        };
        app.set_reviews(Reviews::unavailable("no notes file was opened".into()));
        let effects = app.state.start();
        app.run_effects(effects);
        Ok(app)
    }

    /// The user's notes: the file for the shell, what it holds for the
    /// state (the list is filtered again: facets may read them).
    pub fn set_reviews(&mut self, reviews: Reviews) {
        let (notes, annotations) = reviews.split();
        self.notes = notes::NotesFile {
            notes,
            unavailable: annotations.unavailable.clone(),
        };
        self.state.annotations = annotations;
    }

    /// Handles one terminal event; true when the screen must be redrawn.
    pub fn handle(&mut self, event: Event) -> bool {
        match message_of(event) {
            Some(msg) => self.update(msg),
            None => false,
        }
    }

    /// One message through the state's update; what it asked of the
    /// outside (the cache, notes, files) runs after it. True when the
    /// screen must be redrawn.
    pub fn update(&mut self, msg: Msg) -> bool {
        let (changed, effects) = self.state.update(msg);
        self.run_effects(effects);
        changed
    }

    /// Takes in what the workers have sent; true when the screen must be
    /// redrawn. Of several text answers waiting, the newest counts.
    pub fn receive(&mut self) -> bool {
        let mut waiting: Vec<Msg> = self.inbox.try_iter().collect();
        let last_texts = waiting.iter().rposition(|m| matches!(m, Msg::Texts(_)));
        let mut changed = false;
        for (at, msg) in waiting.drain(..).enumerate() {
            if matches!(msg, Msg::Texts(_)) && Some(at) != last_texts {
                continue;
            }
            changed |= self.update(msg);
        }
        changed
    }

    /// Filters for the query typed so far, if a filter edit is waiting
    /// (and every project is in: filtering waits for the loading). Given
    /// up, still waiting, when `stop` says a key came meanwhile.
    pub fn run_pending_filter(&mut self, stop: &dyn Fn() -> bool) -> bool {
        match self.state.run_pending_filter(stop) {
            Some(effects) => {
                self.run_effects(effects);
                true
            }
            None => false,
        }
    }

    /// Loads and lays out the selected item's details when they are not
    /// ready yet (called before each frame; drawing never reads the cache).
    pub fn prepare_frame(&mut self) {
        let state = &mut self.state;
        let width = state.areas().detail.width.saturating_sub(2);
        let kind = state.detail_kind();
        let id = match kind {
            ListKind::Projects => state.detail.key().unwrap_or_default().to_string(),
            ListKind::Unclassified => state.list.selection.index.to_string(),
        };
        let query = state.search.query.trim().to_string();
        let built_for = Some(BuiltFor {
            kind,
            id,
            width,
            query,
        });
        if width == 0 || state.detail.built_for == built_for {
            state.seek_hit();
            return;
        }
        let detail = &state.detail;
        state.detail.lines = match kind {
            ListKind::Projects => detail
                .shown
                .as_ref()
                .map(|d| {
                    let related = (!detail.related_pending).then_some(&detail.related[..]);
                    let yours = state.annotations.get(&d.key);
                    let overlaps = state.overlapping.of(&d.key);
                    view::build_detail(d, yours, related, overlaps, width, state.theme)
                })
                .unwrap_or_default(),
            ListKind::Unclassified => state
                .unclassified
                .get(state.list.selection.index)
                .map(|d| view::build_unclassified(d, width, state.theme))
                .unwrap_or_default(),
        };
        let needles = crate::tui::hits::Needles::of(&state.search.query);
        state.detail.lines.find_hits(&needles);
        state.detail.built_for = built_for;
        state.seek_hit();
    }
}

/// The message a terminal event is, if the browser takes it.
fn message_of(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => {
            let drawn = super::terminal::drawn_area(w, h);
            Some(Msg::Resize(drawn.width, drawn.height))
        }
        _ => None,
    }
}

/// Reads every project on a thread of its own; the catalogue (or why it
/// could not be read) arrives as [`Msg::Loaded`].
fn load_every_project(reader: Store, outlet: Sender<Msg>) {
    std::thread::spawn(move || {
        first_frame::wait();
        let read =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Catalogue::load(&reader)));
        let loaded = match read {
            Ok(loaded) => loaded.map(Box::new).map_err(|e| e.to_string()),
            Err(_) => Err("reading stopped".to_string()),
        };
        // The browser may have quit meanwhile; then nobody is waiting.
        let _ = outlet.send(Msg::Loaded(loaded));
    });
}
