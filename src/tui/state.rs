//! The browser's state: everything the views draw from, apart from the
//! cache and the workers (see `App`). Drawing only reads it.

use super::graph_state::GraphView;
use super::keymap::Context;
use super::keymap::KeyMap;
use super::layout::{self, Areas};
use super::org_list::OrgList;
use super::overlay::Overlay;
use super::review::Reviews;
use super::selection::Selection;
use super::stats_screen::StatsView;
use super::theme::Theme;
use crate::catalogue::{Catalogue, SortKey};
use crate::facets::Filters;
use crate::graph::Related;
use crate::model::{StoredProject, UnclassifiedDoc};
use ratatui::symbols::Marker;
use strum::IntoEnumIterator;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filtering,
    Help,
    /// Writing the selected project's note.
    Note,
    /// Choosing facets.
    Facets,
    /// Choosing an export format.
    Export,
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
    /// Charts of the filtered projects.
    Stats,
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

pub struct State {
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
    /// Typing in the search box.
    pub filtering: bool,
    /// The box over the screen that has the keys, if one is open.
    pub overlay: Option<Overlay>,
    pub focus: Pane,
    pub detail_scroll: usize,
    pub detail: Option<StoredProject>,
    pub related: Vec<Related>,
    /// Related projects are being found for the detail shown.
    pub related_pending: bool,
    /// The detail pane's text, wrapped for its width (built before a frame).
    pub detail_lines: super::detail_lines::DetailLines,
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
    /// The user's notes, bookmarks and review states.
    pub reviews: Reviews,
    /// The facet filters in force.
    pub facets: Filters,
    /// Exports include the user's notes.
    pub export_notes: bool,
    /// Where `e` writes (the current folder).
    pub export_dir: std::path::PathBuf,
    /// Changes by imports the user has not seen yet, by project key.
    pub changes: std::collections::HashMap<String, crate::model::Change>,
    pub(super) cache_id: Option<String>,
    /// The stats screen's figures, while it is open.
    pub stats: Option<StatsView>,
    /// What the config file had that could not be applied (shown in help).
    pub config_problems: Vec<String>,
    /// Every project is not in yet (the catalogue is still loading).
    pub loading: bool,
}

impl State {
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
    /// Where keys are read now: each context has its own key map.
    pub fn context(&self) -> Context {
        match self.mode() {
            Mode::Normal => Context::Normal,
            Mode::Filtering => Context::Filter,
            Mode::Help => Context::Help,
            Mode::Note => Context::Note,
            Mode::Facets => Context::Picker,
            Mode::Export => Context::Export,
        }
    }
    /// The rows of the help screen (one per key binding, a title per context).
    pub fn help_len(&self) -> usize {
        let problems = self.config_problems.len() + usize::from(!self.config_problems.is_empty());
        problems
            + Context::iter()
                .map(|c| self.keys.help_rows(c).len() + 1)
                .sum::<usize>()
    }
    /// The selected project's key, if a project is selected.
    pub fn selected_key(&self) -> Option<&str> {
        if self.kind != ListKind::Projects {
            return None;
        }
        let index = self.rows.get(self.selection.index)?;
        Some(self.catalogue.projects[*index].key.as_str())
    }
}
