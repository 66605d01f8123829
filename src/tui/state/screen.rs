//! The screen part of the state: what fills the screen (the browse
//! screen, the graph, the organisations, the stats) with that screen's
//! state, and what is kept of screens not shown. Each screen's own update
//! decides; this part follows it, and asks for what must be read.

use super::answers::coverage::CoverageView;
use super::answers::overlaps::OverlapsView;
use super::answers::timeline::TimelineView;
use super::status::{Notice, Reply};
use crate::catalogue::stats::{self, Stats};
use crate::graph::{Ego, Focus};
use crate::tui::effect::Effect;
use crate::tui::graph_state::{Arrival, GraphLoad, GraphStep, GraphView, Origin};
use crate::tui::keymap::Action;
use crate::tui::org_list::{OrgList, OrgStep};
use crate::tui::stats_screen::{StatsStep, StatsView};

/// What fills the screen, with the state of that screen.
pub enum Screen {
    /// The project list and the detail pane (their state is the list's).
    Browse,
    /// The partner graph around a project or an organisation.
    Graph(Box<GraphView>),
    /// Every organisation.
    Organisations(OrgList),
    /// Charts of the filtered projects.
    Stats(StatsView),
    /// Projects of one organisation that ran at one time.
    Overlaps(Box<OverlapsView>),
    /// Projects per municipality and programme area, objective or year.
    Coverage(Box<CoverageView>),
    /// Projects as bars over the years.
    Timeline(Box<TimelineView>),
    /// A project's detail opened from the graph, which back returns to.
    GraphProject { graph: Box<GraphView>, key: String },
}

impl Screen {
    pub fn is_browse(&self) -> bool {
        matches!(self, Screen::Browse)
    }
    /// The graph, when it is shown.
    pub fn graph(&self) -> Option<&GraphView> {
        match self {
            Screen::Graph(graph) => Some(graph),
            _ => None,
        }
    }
    /// The organisations list, when it is shown.
    pub fn orgs(&self) -> Option<&OrgList> {
        match self {
            Screen::Organisations(orgs) => Some(orgs),
            _ => None,
        }
    }
    /// The stats, when they are shown.
    pub fn stats(&self) -> Option<&StatsView> {
        match self {
            Screen::Stats(view) => Some(view),
            _ => None,
        }
    }
}

/// What the browser keeps of screens that are not shown.
pub struct Shelf {
    /// The organisations list as it was left (read once per session).
    pub orgs: Option<OrgList>,
    /// The graph last rolled branches up into their parents (or not).
    pub rollup: bool,
}

impl Default for Shelf {
    fn default() -> Shelf {
        Shelf {
            orgs: None,
            rollup: true,
        }
    }
}

/// What an action did on a screen, for the state to follow.
#[derive(Debug)]
pub enum ScreenStep {
    Ignored,
    Changed,
    /// Something to read first (a neighbourhood, the organisations).
    Ask(Effect),
    /// Type a filter for the organisations' names.
    FilterOrganisations,
    /// Type a filter for the projects (the stats follow it).
    FilterProjects,
    /// An action on the list the stats follow (facets).
    List(Action),
    /// Not a screen's own: the browse screen's.
    NotMine(Action),
    /// Open the detail of the project `key` over the graph.
    OpenProject(String),
    /// An action on the detail shown over the graph (scroll, copy).
    Detail(Action),
}

impl Screen {
    /// The screen's update: an action, `page` rows a page.
    pub fn update(&mut self, shelf: &mut Shelf, action: Action, page: usize) -> ScreenStep {
        match self {
            Screen::Browse => ScreenStep::NotMine(action),
            Screen::Graph(graph) => match graph.update(action, page) {
                GraphStep::Ignored => ScreenStep::Ignored,
                GraphStep::Moved => ScreenStep::Changed,
                GraphStep::Load(load) => ScreenStep::Ask(Effect::Graph(load)),
                GraphStep::OpenProject(key) => ScreenStep::OpenProject(key),
                GraphStep::Leave => self.leave_graph(shelf),
                GraphStep::Organisations => self.open_organisations(shelf),
            },
            Screen::Organisations(orgs) => match orgs.update(action, page) {
                OrgStep::Ignored => ScreenStep::Ignored,
                OrgStep::Changed => ScreenStep::Changed,
                OrgStep::Filter => ScreenStep::FilterOrganisations,
                OrgStep::Graph(name) => {
                    let focus = Focus::Organisation(name);
                    ScreenStep::Ask(open_graph(shelf, focus, Origin::Organisations))
                }
                OrgStep::Leave => self.show(shelf, Screen::Browse),
            },
            Screen::Stats(view) => match view.update(action) {
                StatsStep::Ignored => ScreenStep::Ignored,
                StatsStep::Scrolled => ScreenStep::Changed,
                StatsStep::Leave => self.show(shelf, Screen::Browse),
                StatsStep::List(Action::Filter) => ScreenStep::FilterProjects,
                StatsStep::List(action) => ScreenStep::List(action),
            },
            // Their own update, from the state (see `answers`).
            Screen::Overlaps(_) | Screen::Coverage(_) | Screen::Timeline(_) => ScreenStep::Ignored,
            Screen::GraphProject { .. } => self.graph_project_update(action),
        }
    }

    /// The detail over the graph: back to the graph, `p` walks the graph
    /// to the project, the rest is the detail's.
    fn graph_project_update(&mut self, action: Action) -> ScreenStep {
        if !matches!(action, Action::Back | Action::OpenGraph) {
            return ScreenStep::Detail(action);
        }
        let Screen::GraphProject { graph, key } = std::mem::replace(self, Screen::Browse) else {
            return ScreenStep::Ignored;
        };
        let step = match (action, graph.walk_to(key)) {
            (Action::OpenGraph, GraphStep::Load(load)) => ScreenStep::Ask(Effect::Graph(load)),
            _ => ScreenStep::Changed,
        };
        *self = Screen::Graph(graph);
        step
    }

    /// The detail of `key` over the graph shown (nothing else has one).
    pub fn open_project(&mut self, key: String) -> bool {
        match std::mem::replace(self, Screen::Browse) {
            Screen::Graph(graph) => {
                *self = Screen::GraphProject { graph, key };
                true
            }
            other => {
                *self = other;
                false
            }
        }
    }

    /// The project whose detail is over the graph, if one is.
    pub fn graph_project(&self) -> Option<&str> {
        match self {
            Screen::GraphProject { key, .. } => Some(key),
            _ => None,
        }
    }

    /// Puts a screen up. The organisations list is kept while it is not
    /// shown, so coming back to it finds it as it was left.
    pub fn show(&mut self, shelf: &mut Shelf, next: Screen) -> ScreenStep {
        if let Screen::Organisations(orgs) = std::mem::replace(self, next) {
            shelf.orgs = Some(orgs);
        }
        ScreenStep::Changed
    }

    /// Moves the cursor of the screen's own list (not the browse list's).
    pub fn step(&mut self, delta: isize, height: usize) -> bool {
        match self {
            Screen::Graph(g) => g.move_by(delta, height),
            Screen::Organisations(o) => o.move_by(delta, height),
            Screen::GraphProject { .. } => false,
            _ => self.answer_step(delta, height),
        }
    }

    /// Back from the graph to where it was opened from.
    fn leave_graph(&mut self, shelf: &mut Shelf) -> ScreenStep {
        let from = match self {
            Screen::Graph(g) => g.opened_from,
            _ => Origin::Browse,
        };
        let next = match (from, shelf.orgs.take()) {
            (Origin::Organisations, Some(orgs)) => Screen::Organisations(orgs),
            (_, orgs) => {
                shelf.orgs = orgs;
                Screen::Browse
            }
        };
        self.show(shelf, next)
    }

    /// The organisations screen (read from the cache the first time).
    pub fn open_organisations(&mut self, shelf: &mut Shelf) -> ScreenStep {
        match shelf.orgs.take() {
            Some(orgs) => self.show(shelf, Screen::Organisations(orgs)),
            None => ScreenStep::Ask(Effect::LoadOrganisations),
        }
    }

    /// A neighbourhood read for the graph (`None`: its focus is gone): a
    /// new graph, or a step in the one shown.
    pub fn graph_read(
        &mut self,
        shelf: &mut Shelf,
        load: GraphLoad,
        read: Result<Option<Ego>, String>,
    ) -> Reply {
        let ego = match read {
            Ok(Some(ego)) => ego,
            Ok(None) => return Reply::changed().say(Notice::NotInCache),
            Err(e) => return Reply::changed().say(Notice::CannotReadGraph(e)),
        };
        shelf.rollup = load.rollup;
        let mut reply = Reply::changed();
        if load.arrival == Arrival::Rollup {
            reply.notice = Some(match load.rollup {
                true => Notice::RolledUp,
                false => Notice::ShownApart,
            });
        }
        match (load.arrival, &mut *self) {
            (Arrival::Open(from), _) => {
                let view = GraphView::new(load.focus, ego, load.rollup, from);
                self.show(shelf, Screen::Graph(Box::new(view)));
            }
            (_, Screen::Graph(graph)) => graph.arrive(load, ego),
            // The graph was left before its step was read.
            _ => {}
        }
        reply
    }

    /// Fresh figures for the rows the list shows now, when the stats are
    /// shown.
    pub fn follow_rows(&mut self, compute: impl FnOnce() -> Stats) {
        if let Screen::Stats(view) = self {
            view.stats = compute();
            view.scroll = 0;
        }
    }
}

/// The neighbourhood to read to open the graph around a focus.
pub fn open_graph(shelf: &Shelf, focus: Focus, from: Origin) -> Effect {
    Effect::Graph(GraphLoad {
        focus,
        rollup: shelf.rollup,
        arrival: Arrival::Open(from),
    })
}

/// The stats of the listed projects.
pub fn stats_of(catalogue: &crate::catalogue::Catalogue, rows: &[usize]) -> Stats {
    stats::compute(catalogue, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Member, MemberKind, Role};

    fn ego(center: &str) -> Ego {
        Ego {
            center: Member {
                id: center.into(),
                label: center.into(),
                kind: MemberKind::Project,
                role: Role::Owner,
                weight: 1.0,
            },
            groups: Vec::new(),
            more: 0,
        }
    }

    fn opened(from: Origin) -> GraphLoad {
        GraphLoad {
            focus: Focus::Project("p1".into()),
            rollup: true,
            arrival: Arrival::Open(from),
        }
    }

    #[test]
    fn the_organisations_are_read_once_and_kept_while_not_shown() {
        let (mut screen, mut shelf) = (Screen::Browse, Shelf::default());
        let first = screen.open_organisations(&mut shelf);
        assert!(matches!(first, ScreenStep::Ask(Effect::LoadOrganisations)));
        screen.show(&mut shelf, Screen::Organisations(OrgList::new(Vec::new())));
        let back = screen.update(&mut shelf, Action::Back, 10);
        assert!(matches!(back, ScreenStep::Changed));
        assert!(screen.is_browse() && shelf.orgs.is_some(), "kept");
        let again = screen.open_organisations(&mut shelf);
        assert!(matches!(again, ScreenStep::Changed), "not read again");
        assert!(screen.orgs().is_some() && shelf.orgs.is_none());
    }

    #[test]
    fn a_graph_opened_from_the_organisations_goes_back_there() {
        let mut shelf = Shelf::default();
        let mut screen = Screen::Organisations(OrgList::new(Vec::new()));
        let reply = screen.graph_read(
            &mut shelf,
            opened(Origin::Organisations),
            Ok(Some(ego("p1"))),
        );
        assert!(reply.changed && reply.notice.is_none());
        assert!(screen.graph().is_some());
        screen.update(&mut shelf, Action::Back, 10);
        assert!(screen.orgs().is_some(), "back where it was opened");
    }

    #[test]
    fn a_graph_step_says_what_it_could_not_read() {
        let (mut screen, mut shelf) = (Screen::Browse, Shelf::default());
        let gone = screen.graph_read(&mut shelf, opened(Origin::Browse), Ok(None));
        assert_eq!(gone.notice, Some(Notice::NotInCache));
        assert!(screen.is_browse(), "nothing opened");
        let rolled = GraphLoad {
            rollup: false,
            arrival: Arrival::Rollup,
            ..opened(Origin::Browse)
        };
        let reply = screen.graph_read(&mut shelf, rolled, Ok(Some(ego("p1"))));
        assert_eq!(reply.notice, Some(Notice::ShownApart));
        assert!(!shelf.rollup, "the next graph opens the same way");
    }

    #[test]
    fn a_project_opened_from_the_graph_goes_back_to_the_graph() {
        let mut shelf = Shelf::default();
        let mut screen = Screen::Browse;
        screen.graph_read(&mut shelf, opened(Origin::Browse), Ok(Some(ego("p1"))));
        assert!(screen.open_project("p2".into()));
        assert_eq!(screen.graph_project(), Some("p2"));
        let scrolled = screen.update(&mut shelf, Action::PageDown, 10);
        assert!(matches!(scrolled, ScreenStep::Detail(Action::PageDown)));
        let back = screen.update(&mut shelf, Action::Back, 10);
        assert!(matches!(back, ScreenStep::Changed));
        let graph = screen.graph().expect("the graph, as it was");
        assert_eq!(graph.breadcrumb(), ["p1"]);
        screen.open_project("p2".into());
        let walk = screen.update(&mut shelf, Action::OpenGraph, 10);
        assert!(
            matches!(&walk, ScreenStep::Ask(Effect::Graph(load)) if load.focus == Focus::Project("p2".into())),
            "p walks the graph to it: {walk:?}"
        );
        assert!(screen.graph().is_some());
        assert!(
            !Screen::Browse.open_project("p2".into()),
            "only over a graph"
        );
    }

    #[test]
    fn the_stats_hand_the_list_its_actions() {
        let mut shelf = Shelf::default();
        let view = StatsView {
            stats: Stats::default(),
            scroll: 0,
        };
        let mut screen = Screen::Stats(view);
        let step = screen.update(&mut shelf, Action::Facets, 10);
        assert!(matches!(step, ScreenStep::List(Action::Facets)));
        let step = screen.update(&mut shelf, Action::Filter, 10);
        assert!(matches!(step, ScreenStep::FilterProjects));
        let step = Screen::Browse.update(&mut shelf, Action::Sort, 10);
        assert!(matches!(step, ScreenStep::NotMine(Action::Sort)));
    }
}
