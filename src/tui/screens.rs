//! Actions on the graph and organisations screens.

use super::app::{App, Mode, Screen};
use super::effects::{Effect, GraphStep};
use super::keymap::Action;
use crate::graph::Focus;

impl App {
    /// Moves the cursor of the current screen's list.
    pub(super) fn step(&mut self, delta: isize) -> bool {
        let height = self.list_height();
        match self.screen {
            Screen::Browse => self.move_by(delta),
            Screen::Graph => match self.graph.as_mut() {
                Some(g) => g.selection.move_by(delta, g.ego.groups.len(), height),
                None => false,
            },
            Screen::Organisations => match self.orgs.as_mut() {
                Some(o) => o.selection.move_by(delta, o.rows.len(), height),
                None => false,
            },
            Screen::Stats => false,
        }
    }

    fn page_step(&mut self, down: bool) -> bool {
        let page = self.list_height().max(1) as isize;
        self.step(if down { page } else { -page })
    }

    /// Cursor movement on a list screen; None for other actions.
    fn list_motion(&mut self, action: Action) -> Option<bool> {
        Some(match action {
            Action::MoveDown => self.step(1),
            Action::MoveUp => self.step(-1),
            Action::PageDown => self.page_step(true),
            Action::PageUp => self.page_step(false),
            Action::First => self.step(isize::MIN / 2),
            Action::Last => self.step(isize::MAX / 2),
            _ => return None,
        })
    }

    pub(super) fn perform_graph(&mut self, action: Action) -> bool {
        if let Some(moved) = self.list_motion(action) {
            return moved;
        }
        match action {
            Action::Open => self.graph_enter(),
            Action::Back => self.graph_back(),
            Action::ToggleBranches => self.graph_rollup(),
            Action::Organisations => self.open_organisations(),
            _ => false,
        }
    }

    pub(super) fn perform_orgs(&mut self, action: Action) -> bool {
        if let Some(moved) = self.list_motion(action) {
            return moved;
        }
        match action {
            Action::Filter => self.set_mode(Mode::Filtering),
            Action::Open => self.graph_of_selected_org(),
            Action::Back => self.orgs_back(),
            _ => false,
        }
    }

    /// `p` on the browse screen: the graph around the selected project.
    pub(super) fn open_graph_for_selected(&mut self) -> bool {
        let Some(key) = self.selected_key().map(str::to_string) else {
            return false;
        };
        self.open_graph(Focus::Project(key))
    }

    fn open_graph(&mut self, focus: Focus) -> bool {
        self.ask(Effect::OpenGraph(focus));
        true
    }

    fn graph_enter(&mut self) -> bool {
        self.ask(Effect::Graph(GraphStep::Enter));
        true
    }

    /// Backspace walks back along the path; at its start it leaves.
    fn graph_back(&mut self) -> bool {
        self.ask(Effect::Graph(GraphStep::Back));
        true
    }

    /// Back from the graph to where it was opened from.
    pub(super) fn leave_graph(&mut self) {
        self.screen = if self.orgs_opened_graph() {
            Screen::Organisations
        } else {
            Screen::Browse
        };
    }

    fn orgs_opened_graph(&self) -> bool {
        matches!(
            self.graph.as_ref().map(|g| &g.path[0]),
            Some(Focus::Organisation(_))
        ) && self.orgs.is_some()
    }

    fn graph_rollup(&mut self) -> bool {
        self.ask(Effect::Graph(GraphStep::ToggleRollup));
        true
    }

    /// `o`: the organisations screen (read from the cache the first time).
    pub(super) fn open_organisations(&mut self) -> bool {
        match self.orgs {
            Some(_) => self.screen = Screen::Organisations,
            None => self.ask(Effect::LoadOrganisations),
        }
        true
    }

    fn graph_of_selected_org(&mut self) -> bool {
        let Some(name) = self
            .orgs
            .as_ref()
            .and_then(|o| o.selected())
            .map(|o| o.name.clone())
        else {
            return false;
        };
        self.open_graph(Focus::Organisation(name))
    }

    fn orgs_back(&mut self) -> bool {
        let has_query = self.orgs.as_ref().is_some_and(|o| !o.query.is_empty());
        if has_query {
            self.clear_query();
        } else {
            self.screen = Screen::Browse;
        }
        true
    }
}
