//! Moving between screens, and the actions of the graph and organisations
//! screens: their own updates decide, the browser follows.

use super::{Notice, Screen, State};
use crate::graph::{Ego, Focus};
use crate::tui::effect::Effect;
use crate::tui::graph_state::{Arrival, GraphLoad, GraphStep, GraphView, Origin};
use crate::tui::keymap::Action;
use crate::tui::keymap::Context;
use crate::tui::org_list::{OrgList, OrgStep};

impl State {
    /// Puts a screen up. The organisations list is kept while it is not
    /// shown, so coming back to it finds it as it was left.
    pub(super) fn show(&mut self, next: Screen) {
        if let Screen::Organisations(orgs) = std::mem::replace(&mut self.screen, next) {
            self.shelf.orgs = Some(orgs);
        }
    }

    /// Moves the cursor of the current screen's list.
    pub(super) fn step(&mut self, delta: isize) -> bool {
        let height = self.list_height();
        match &mut self.screen {
            Screen::Browse => self.move_by(delta),
            Screen::Graph(g) => g.move_by(delta, height),
            Screen::Organisations(o) => o.move_by(delta, height),
            Screen::Stats(_) => false,
        }
    }

    pub(super) fn perform_graph(&mut self, action: Action) -> bool {
        let page = self.list_height();
        let Screen::Graph(graph) = &mut self.screen else {
            return false;
        };
        match graph.update(action, page) {
            GraphStep::Ignored => false,
            GraphStep::Moved => true,
            GraphStep::Load(load) => {
                self.ask(Effect::Graph(load));
                true
            }
            GraphStep::Leave => self.leave_graph(),
            GraphStep::Organisations => self.open_organisations(),
        }
    }

    pub(super) fn perform_orgs(&mut self, action: Action) -> bool {
        let page = self.list_height();
        let Screen::Organisations(orgs) = &mut self.screen else {
            return false;
        };
        match orgs.update(action, page) {
            OrgStep::Ignored => false,
            OrgStep::Changed => true,
            OrgStep::Filter => self.overlay.enter(Context::Filter),
            OrgStep::Graph(name) => {
                self.open_graph(Focus::Organisation(name), Origin::Organisations)
            }
            OrgStep::Leave => {
                self.show(Screen::Browse);
                true
            }
        }
    }

    /// `p` on the browse screen: the graph around the selected project.
    pub(super) fn open_graph_for_selected(&mut self) -> bool {
        let Some(key) = self.selected_key().map(str::to_string) else {
            return false;
        };
        self.open_graph(Focus::Project(key), Origin::Browse)
    }

    fn open_graph(&mut self, focus: Focus, from: Origin) -> bool {
        let rollup = self.shelf.rollup;
        self.ask(Effect::Graph(GraphLoad {
            focus,
            rollup,
            arrival: Arrival::Open(from),
        }));
        true
    }

    /// What was read for the graph: a new graph, or a step in this one.
    fn graph_arrived(&mut self, load: GraphLoad, ego: Ego) {
        self.shelf.rollup = load.rollup;
        if load.arrival == Arrival::Rollup {
            self.status.say(match load.rollup {
                true => Notice::RolledUp,
                false => Notice::ShownApart,
            });
        }
        match (load.arrival, &mut self.screen) {
            (Arrival::Open(from), _) => {
                let view = GraphView::new(load.focus, ego, load.rollup, from);
                self.show(Screen::Graph(Box::new(view)));
            }
            (_, Screen::Graph(graph)) => graph.arrive(load, ego),
            // The graph was left before its step was read.
            _ => {}
        }
    }

    /// Back from the graph to where it was opened from.
    fn leave_graph(&mut self) -> bool {
        let from = match &self.screen {
            Screen::Graph(g) => g.opened_from,
            _ => Origin::Browse,
        };
        let next = match (from, self.shelf.orgs.take()) {
            (Origin::Organisations, Some(orgs)) => Screen::Organisations(orgs),
            (_, orgs) => {
                self.shelf.orgs = orgs;
                Screen::Browse
            }
        };
        self.show(next);
        true
    }

    /// `o`: the organisations screen (read from the cache the first time).
    pub(super) fn open_organisations(&mut self) -> bool {
        match self.shelf.orgs.take() {
            Some(orgs) => self.show(Screen::Organisations(orgs)),
            None => self.ask(Effect::LoadOrganisations),
        }
        true
    }

    /// Every organisation, read from the cache.
    pub(super) fn organisations_arrived(&mut self, orgs: OrgList) -> bool {
        self.show(Screen::Organisations(orgs));
        true
    }

    /// A neighbourhood read for the graph; `None` when its focus is gone.
    pub(super) fn graph_read(
        &mut self,
        load: GraphLoad,
        read: Result<Option<Ego>, String>,
    ) -> bool {
        match read {
            Ok(Some(ego)) => self.graph_arrived(load, ego),
            Ok(None) => self.status.say(Notice::NotInCache),
            Err(e) => self.status.say(Notice::CannotReadGraph(e)),
        }
        true
    }
}
