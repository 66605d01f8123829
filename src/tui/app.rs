//! The browser's state and how events change it. Drawing only reads this
//! state (see `view`), so key sequences can be tested without a terminal.
//! Actions per screen live in `browse.rs` and `screens.rs`.

use super::graph_state::GraphView;
use super::keymap::{Action, Key, KeyMap};
use super::layout::{self, Areas};
use super::org_list::OrgList;
use super::selection::Selection;
use super::theme::Theme;
use super::view;
use crate::catalogue::{Catalogue, SortKey};
use crate::graph::Related;
use crate::store::{Store, StoredProject, UnclassifiedDoc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::symbols::Marker;
use ratatui::text::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filtering,
    Help,
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The project list and the detail pane.
    Browse,
    /// The partner graph around a project or an organisation.
    Graph,
    /// Every organisation.
    Organisations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Projects,
    Unclassified,
}

/// How the browser ends: the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Interrupted,
}

/// Related projects shown in the detail pane.
const RELATED_IN_DETAIL: usize = 5;

pub struct App {
    pub(super) store: Store,
    pub catalogue: Catalogue,
    pub unclassified: Vec<UnclassifiedDoc>,
    pub keys: KeyMap,
    pub screen: Screen,
    pub kind: ListKind,
    /// Visible project indices, in display order.
    pub rows: Vec<usize>,
    pub selection: Selection,
    pub sort: SortKey,
    /// Rows are in best-match order (a filter is active and no sort chosen since).
    pub ranked: bool,
    pub query: String,
    pub mode: Mode,
    pub focus: Pane,
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub detail: Option<StoredProject>,
    pub related: Vec<Related>,
    /// The detail pane's text, wrapped for its width (built before a frame).
    pub detail_lines: Vec<Line<'static>>,
    pub(super) detail_built_for: Option<(ListKind, String, u16)>,
    pub graph: Option<GraphView>,
    pub orgs: Option<OrgList>,
    pub markers: Marker,
    pub theme: Theme,
    pub size: (u16, u16),
    /// A short message for the status bar (cleared by the next key).
    pub message: Option<String>,
    /// Bytes for the terminal itself (OSC 52 clipboard), written by the loop.
    pub outbox: Vec<String>,
    pub exit: Option<Exit>,
    /// Filter edits wait for `run_pending_filter` (the event loop draws the
    /// keystroke first); off, every edit filters at once (tests, scripts).
    pub defer_filtering: bool,
    pub(super) filter_pending: bool,
}

impl App {
    pub fn new(store: Store, keys: KeyMap) -> crate::store::Result<App> {
        let catalogue = Catalogue::new(store.summaries()?);
        let unclassified = store.unclassified()?;
        let mut app = App {
            store,
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
            mode: Mode::Normal,
            focus: Pane::List,
            detail_scroll: 0,
            help_scroll: 0,
            detail: None,
            related: Vec::new(),
            detail_lines: Vec::new(),
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
        };
        app.refilter();
        Ok(app)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size, self)
    }

    /// Rows of the current list window (for paging and scrolling).
    pub fn list_height(&self) -> usize {
        self.areas().list_rows.height as usize
    }

    pub fn row_count(&self) -> usize {
        match self.kind {
            ListKind::Projects => self.rows.len(),
            ListKind::Unclassified => self.unclassified.len(),
        }
    }

    /// Handles one event; true when the screen must be redrawn.
    pub fn handle(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key),
            Event::Mouse(mouse) => self.on_mouse(mouse),
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.selection.follow(self.list_height());
                true
            }
            _ => false,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> bool {
        let had_message = self.message.take().is_some();
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.exit = Some(Exit::Interrupted);
            return true;
        }
        let changed = match self.mode {
            Mode::Filtering => self.on_filter_key(key),
            Mode::Help => self.on_help_key(key),
            Mode::Normal => match self.keys.action(Key::from_event(&key)) {
                Some(action) => self.perform(action),
                None => false,
            },
        };
        changed || had_message
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
            },
        }
    }

    /// Filters for the query typed so far, if a filter edit is waiting.
    pub fn run_pending_filter(&mut self) -> bool {
        if !std::mem::take(&mut self.filter_pending) {
            return false;
        }
        self.refilter();
        true
    }

    pub(super) fn set_mode(&mut self, mode: Mode) -> bool {
        self.mode = mode;
        self.help_scroll = 0;
        true
    }

    fn on_help_key(&mut self, key: KeyEvent) -> bool {
        match self.keys.action(Key::from_event(&key)) {
            Some(Action::Quit) => self.perform(Action::Quit),
            Some(Action::MoveDown) => {
                self.help_scroll += 1;
                true
            }
            Some(Action::MoveUp) => {
                self.help_scroll = self.help_scroll.saturating_sub(1);
                true
            }
            _ => self.set_mode(Mode::Normal),
        }
    }

    /// The selected project's key, if a project is selected.
    pub fn selected_key(&self) -> Option<&str> {
        if self.kind != ListKind::Projects {
            return None;
        }
        let index = self.rows.get(self.selection.index)?;
        Some(self.catalogue.projects[*index].key.as_str())
    }

    /// Loads and lays out the selected item's details when they are not
    /// ready yet (called before each frame; drawing never reads the cache).
    pub fn prepare_frame(&mut self) {
        self.load_detail();
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
                .map(|d| view::build_detail(d, &self.related, width, self.theme))
                .unwrap_or_default(),
            ListKind::Unclassified => self
                .unclassified
                .get(self.selection.index)
                .map(|d| view::build_unclassified(d, width, self.theme))
                .unwrap_or_default(),
        };
        self.detail_built_for = built_for;
    }

    /// The selected project from the cache, with its related projects.
    pub(super) fn load_detail(&mut self) {
        let wanted = self.selected_key().map(str::to_string);
        let loaded = self.detail.as_ref().map(|d| d.key.clone());
        if wanted == loaded {
            return;
        }
        self.detail = wanted.as_deref().and_then(|k| self.store.project(k).ok());
        self.related = match &self.detail {
            Some(d) => self
                .store
                .neighbourhood_of_project(&d.key, true)
                .map(|(key, nb)| crate::graph::related(&nb, &key, RELATED_IN_DETAIL))
                .unwrap_or_default(),
            None => Vec::new(),
        };
    }
}
