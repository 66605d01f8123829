//! The browser's state and how events change it. Drawing only reads this
//! state (see `view`), so key sequences can be tested without a terminal.

use super::clipboard;
use super::keymap::{Action, Key, KeyMap};
use super::layout::{self, Areas};
use super::selection::Selection;
use super::theme::Theme;
use super::view;
use crate::catalogue::{Catalogue, SortKey};
use crate::store::{Store, StoredProject, UnclassifiedDoc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::text::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filtering,
    Help,
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

pub struct App {
    store: Store,
    pub catalogue: Catalogue,
    pub unclassified: Vec<UnclassifiedDoc>,
    pub keys: KeyMap,
    pub kind: ListKind,
    /// Visible project indices, in display order, with matched positions.
    pub rows: Vec<(usize, Vec<usize>)>,
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
    /// The detail pane's text, wrapped for its width (built before a frame).
    pub detail_lines: Vec<Line<'static>>,
    detail_built_for: Option<(ListKind, String, u16)>,
    pub theme: Theme,
    pub size: (u16, u16),
    /// A short message for the status bar (cleared by the next key).
    pub message: Option<String>,
    /// Bytes for the terminal itself (OSC 52 clipboard), written by the loop.
    pub outbox: Vec<String>,
    pub exit: Option<Exit>,
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
            detail_lines: Vec::new(),
            detail_built_for: None,
            theme: Theme::from_env(),
            size: (80, 24),
            message: None,
            outbox: Vec::new(),
            exit: None,
        };
        app.refilter();
        Ok(app)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size, self)
    }

    /// Rows of the list window (for paging and scrolling).
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

    /// Does what an action means in normal mode.
    pub fn perform(&mut self, action: Action) -> bool {
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::First => self.jump(false),
            Action::Last => self.jump(true),
            Action::NextPane | Action::PreviousPane => self.switch_pane(),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Filter => self.start_filter(),
            Action::Sort => self.cycle_sort(),
            Action::ToggleUnclassified => self.toggle_kind(),
            Action::CopyId => self.copy(false),
            Action::CopySummary => self.copy(true),
            Action::Help => self.set_mode(Mode::Help),
            Action::Quit => {
                self.exit = Some(Exit::Quit);
                true
            }
        }
    }

    fn page(&self) -> usize {
        match self.focus {
            Pane::List => self.list_height().max(1),
            Pane::Detail => self.areas().detail.height.saturating_sub(2).max(1) as usize,
        }
    }

    fn move_by(&mut self, delta: isize) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.detail_scroll = (self.detail_scroll as isize + delta).max(0) as usize;
            return before != self.detail_scroll;
        }
        let (len, height) = (self.row_count(), self.list_height());
        self.selection.move_by(delta, len, height) && self.selection_changed()
    }

    fn jump(&mut self, last: bool) -> bool {
        if self.focus == Pane::Detail {
            let before = self.detail_scroll;
            self.detail_scroll = if last { usize::MAX / 2 } else { 0 };
            return before != self.detail_scroll;
        }
        let (len, height) = (self.row_count(), self.list_height());
        let moved = if last {
            self.selection.to_last(len, height)
        } else {
            self.selection.to_first(height)
        };
        moved && self.selection_changed()
    }

    fn selection_changed(&mut self) -> bool {
        self.detail_scroll = 0;
        true
    }

    fn switch_pane(&mut self) -> bool {
        self.focus = match self.focus {
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::List,
        };
        true
    }

    fn open(&mut self) -> bool {
        if self.row_count() == 0 || self.focus == Pane::Detail {
            return false;
        }
        self.focus = Pane::Detail;
        self.detail_scroll = 0;
        true
    }

    fn back(&mut self) -> bool {
        if self.focus == Pane::Detail {
            self.focus = Pane::List;
            return true;
        }
        if !self.query.is_empty() {
            self.clear_query();
            return true;
        }
        false
    }

    fn clear_query(&mut self) {
        self.query.clear();
        self.ranked = false;
        self.refilter();
    }

    fn set_mode(&mut self, mode: Mode) -> bool {
        self.mode = mode;
        self.help_scroll = 0;
        true
    }

    fn start_filter(&mut self) -> bool {
        self.kind = ListKind::Projects;
        self.focus = Pane::List;
        self.set_mode(Mode::Filtering)
    }

    fn on_filter_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => self.set_mode(Mode::Normal),
            KeyCode::Esc => {
                self.clear_query();
                self.set_mode(Mode::Normal)
            }
            KeyCode::Down => self.move_by(1),
            KeyCode::Up => self.move_by(-1),
            KeyCode::PageDown => self.move_by(self.page() as isize),
            KeyCode::PageUp => self.move_by(-(self.page() as isize)),
            KeyCode::Backspace => self.edit_query(|q| {
                q.pop();
            }),
            KeyCode::Char('u') if ctrl => self.edit_query(String::clear),
            KeyCode::Char(c) if !ctrl => self.edit_query(|q| q.push(c)),
            _ => false,
        }
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) -> bool {
        edit(&mut self.query);
        self.ranked = !self.query.trim().is_empty();
        self.refilter();
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

    /// Recomputes the visible rows from the query and sort.
    pub fn refilter(&mut self) {
        let matches = self.catalogue.filter(&self.query);
        let mut rows: Vec<(usize, Vec<usize>)> = matches
            .into_iter()
            .map(|m| (m.index, m.positions))
            .collect();
        if !self.ranked || self.query.trim().is_empty() {
            let mut order: Vec<usize> = rows.iter().map(|(i, _)| *i).collect();
            self.catalogue.sort(&mut order, self.sort);
            let mut by_index: std::collections::HashMap<usize, Vec<usize>> =
                rows.drain(..).collect();
            rows = order
                .into_iter()
                .map(|i| (i, by_index.remove(&i).unwrap_or_default()))
                .collect();
        }
        self.rows = rows;
        self.selection.reset();
        self.detail_scroll = 0;
    }

    fn cycle_sort(&mut self) -> bool {
        if self.ranked {
            self.ranked = false;
        } else {
            let all = SortKey::ALL;
            let at = all.iter().position(|k| *k == self.sort).unwrap_or(0);
            self.sort = all[(at + 1) % all.len()];
        }
        self.refilter();
        true
    }

    fn toggle_kind(&mut self) -> bool {
        self.kind = match self.kind {
            ListKind::Projects => ListKind::Unclassified,
            ListKind::Unclassified => ListKind::Projects,
        };
        self.selection.reset();
        self.focus = Pane::List;
        true
    }

    /// The selected project's key, if a project is selected.
    pub fn selected_key(&self) -> Option<&str> {
        if self.kind != ListKind::Projects {
            return None;
        }
        let (index, _) = self.rows.get(self.selection.index)?;
        Some(self.catalogue.projects[*index].key.as_str())
    }

    /// Loads and lays out the selected item's details when they are not
    /// ready yet (called before each frame; drawing never reads the cache).
    pub fn prepare_frame(&mut self) {
        let wanted = self.selected_key().map(str::to_string);
        let loaded = self.detail.as_ref().map(|d| d.key.clone());
        if wanted != loaded {
            self.detail = wanted.and_then(|k| self.store.project(&k).ok());
        }
        let width = self.areas().detail.width.saturating_sub(2);
        let id = match self.kind {
            ListKind::Projects => loaded_key(&self.detail),
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
                .map(|d| view::build_detail(d, width, self.theme))
                .unwrap_or_default(),
            ListKind::Unclassified => self
                .unclassified
                .get(self.selection.index)
                .map(|d| view::build_unclassified(d, width, self.theme))
                .unwrap_or_default(),
        };
        self.detail_built_for = built_for;
    }

    fn copy(&mut self, summary: bool) -> bool {
        self.prepare_frame();
        let Some(stored) = &self.detail else {
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
        self.outbox.push(clipboard::osc52(&text));
        let what = if summary { "summary" } else { "ID" };
        self.message = Some(format!("copied {what}: {}", first_line(&text)));
        true
    }

    fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        use crossterm::event::{MouseButton, MouseEventKind};
        let areas = self.areas();
        let over_detail = areas.detail.contains((mouse.column, mouse.row).into());
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if mouse.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                self.focus = if over_detail {
                    Pane::Detail
                } else {
                    Pane::List
                };
                self.move_by(delta)
            }
            MouseEventKind::Down(MouseButton::Left) => self.click(mouse.column, mouse.row, &areas),
            _ => false,
        }
    }

    fn click(&mut self, column: u16, row: u16, areas: &Areas) -> bool {
        let rows = areas.list_rows;
        if !rows.contains((column, row).into()) {
            let in_detail = areas.detail.contains((column, row).into());
            if in_detail && self.focus != Pane::Detail {
                self.focus = Pane::Detail;
                return true;
            }
            return false;
        }
        self.focus = Pane::List;
        let index = self.selection.offset + (row - rows.y) as usize;
        if index >= self.row_count() {
            return true;
        }
        self.selection
            .select(index, self.row_count(), self.list_height());
        self.selection_changed()
    }
}

fn loaded_key(detail: &Option<StoredProject>) -> String {
    detail.as_ref().map_or(String::new(), |d| d.key.clone())
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}
