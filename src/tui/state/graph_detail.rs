//! A project's detail opened from the graph (`Enter` on a project): the
//! detail pane over the whole screen, the graph kept underneath for `Esc`
//! to return to. The list's selection does not move meanwhile.

use super::{ListKind, State};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::selection::motion;

impl State {
    /// `Enter` on a project in the graph: its detail, read for it.
    pub(super) fn open_graph_project(&mut self, key: String) -> bool {
        if !self.screen.open_project(key.clone()) {
            return false;
        }
        self.list.detail_scroll = 0;
        self.detail.asked = Some(key.clone());
        self.ask(Effect::LoadDetail(key));
        true
    }

    /// What the detail over the graph does with an action: it scrolls and
    /// copies; the rest waits for the graph.
    pub(super) fn graph_project_action(&mut self, action: Action) -> bool {
        match action {
            Action::CopyId => return self.copy(false),
            Action::CopySummary => return self.copy(true),
            _ => {}
        }
        let page = self.areas().detail.height.saturating_sub(2).max(1) as usize;
        let Some(delta) = motion(action, page) else {
            return false;
        };
        let last = self.detail.lines.len().saturating_sub(page) as isize;
        let to = (self.list.detail_scroll as isize).saturating_add(delta);
        let to = to.clamp(0, last.max(0)) as usize;
        let moved = to != self.list.detail_scroll;
        self.list.detail_scroll = to;
        moved
    }

    /// What kind of item the detail pane shows: a project over the graph,
    /// else what the list lists.
    pub fn detail_kind(&self) -> ListKind {
        match self.screen.graph_project() {
            Some(_) => ListKind::Projects,
            None => self.list.kind,
        }
    }
}
