//! The browser's state: everything the views draw from, apart from the
//! cache and the workers (see `App`). Drawing only reads it.

mod browse;
mod detail;
mod export;
mod facets;
pub mod list;
mod loading;
mod notes;
pub mod overlay;
mod route;
mod screen;
mod search;
mod status;

use super::keymap::Context;
use super::keymap::KeyMap;
use super::layout::{self, Areas, ScreenKind, Shape};
use super::review::Annotations;
use super::theme::Theme;
use crate::catalogue::Catalogue;
use crate::model::UnclassifiedDoc;
pub use detail::{BuiltFor, Detail, DetailMsg};
pub use list::{ListKind, ListState, Pane};
use overlay::Overlay;
use ratatui::symbols::Marker;
pub use screen::{Screen, ScreenStep, Shelf};
pub use search::{Search, Texts};
pub use status::{Notice, Reply, Status};
use strum::IntoEnumIterator;

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
    pub changes: std::collections::HashMap<String, crate::model::Change>,
    pub(super) cache_id: Option<String>,
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
        self.overlay.context()
    }
    /// The rows of the help screen (one per key binding, a title per context).
    pub fn help_len(&self) -> usize {
        let problems = self.config_problems.len() + usize::from(!self.config_problems.is_empty());
        let search = crate::search::query::SYNTAX.len() + 1;
        problems
            + search
            + Context::iter()
                .map(|c| self.keys.help_rows(c).len() + 1)
                .sum::<usize>()
    }
    /// The selected project's key, if a project is selected.
    pub fn selected_key(&self) -> Option<&str> {
        if self.list.kind != ListKind::Projects {
            return None;
        }
        let index = self.list.rows.get(self.list.selection.index)?;
        Some(self.catalogue.projects[*index].key.as_str())
    }
}
