//! The graph screen's state: the path walked (a breadcrumb), the ego
//! network of its last step, and a cursor over that network's neighbours.
//! Its update never reads the cache: it asks for a neighbourhood
//! ([`GraphLoad`]), which the shell reads; it arrives through
//! [`GraphView::arrive`].

use super::keymap::Action;
use super::selection::{motion, Selection};
use crate::graph::{self, Ego, Focus};

/// Neighbours shown per organisation on the outer ring and in the list.
pub const PER_GROUP: usize = 4;
/// Projects shown around an organisation.
pub const ORG_LIMIT: usize = 200;

pub struct GraphView {
    /// Every focus visited, the current one last.
    pub path: Vec<Focus>,
    pub ego: Ego,
    pub selection: Selection,
    /// Branch offices and units counted as their parent.
    pub rollup: bool,
    /// The screen that opened the graph, where leaving it returns.
    pub opened_from: Origin,
}

/// Where the graph was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Browse,
    Organisations,
}

/// A neighbourhood to read, and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphLoad {
    pub focus: Focus,
    pub rollup: bool,
    pub arrival: Arrival,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// A new graph, opened from this screen.
    Open(Origin),
    /// One step further, to the selected neighbour.
    Enter,
    /// One step back along the path.
    Back,
    /// The same focus with branches rolled up or apart.
    Rollup,
}

/// What an action on the graph asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphStep {
    Ignored,
    Moved,
    Load(GraphLoad),
    /// Open the selected project's detail (back returns to the graph).
    OpenProject(String),
    /// Back at the start of the path: leave the graph.
    Leave,
    /// The organisations screen.
    Organisations,
}

impl GraphView {
    pub fn new(focus: Focus, ego: Ego, rollup: bool, opened_from: Origin) -> GraphView {
        GraphView {
            path: vec![focus],
            ego,
            selection: Selection::default(),
            rollup,
            opened_from,
        }
    }

    pub fn focus(&self) -> &Focus {
        self.path.last().expect("a graph always has a focus")
    }

    /// An action on the graph; `page` is the rows its list shows.
    pub fn update(&mut self, action: Action, page: usize) -> GraphStep {
        if let Some(delta) = motion(action, page) {
            return match self.move_by(delta, page) {
                true => GraphStep::Moved,
                false => GraphStep::Ignored,
            };
        }
        match action {
            Action::Open => match self.selected_focus() {
                Some(Focus::Project(key)) => GraphStep::OpenProject(key),
                Some(focus) => self.load(focus, self.rollup, Arrival::Enter),
                None => GraphStep::Ignored,
            },
            // `p` on a project walks the graph to it.
            Action::OpenGraph => match self.selected_focus() {
                Some(focus) => self.load(focus, self.rollup, Arrival::Enter),
                None => GraphStep::Ignored,
            },
            Action::Back if self.path.len() < 2 => GraphStep::Leave,
            Action::Back => {
                let previous = self.path[self.path.len() - 2].clone();
                self.load(previous, self.rollup, Arrival::Back)
            }
            Action::ToggleBranches => {
                self.load(self.focus().clone(), !self.rollup, Arrival::Rollup)
            }
            Action::Organisations => GraphStep::Organisations,
            _ => GraphStep::Ignored,
        }
    }

    pub fn move_by(&mut self, delta: isize, height: usize) -> bool {
        self.selection.move_by(delta, self.ego.groups.len(), height)
    }

    fn load(&self, focus: Focus, rollup: bool, arrival: Arrival) -> GraphStep {
        GraphStep::Load(GraphLoad {
            focus,
            rollup,
            arrival,
        })
    }

    /// The neighbour under the cursor, as a focus to walk to.
    fn selected_focus(&self) -> Option<Focus> {
        let group = self.ego.groups.get(self.selection.index)?;
        Some(match group.node.is_project() {
            true => Focus::Project(group.node.id.clone()),
            false => Focus::Organisation(group.node.id.clone()),
        })
    }

    /// A step to the project `key` (from its detail).
    pub fn walk_to(&self, key: String) -> GraphStep {
        self.load(Focus::Project(key), self.rollup, Arrival::Enter)
    }

    /// The neighbourhood read for a step of this graph (not an opening).
    pub fn arrive(&mut self, load: GraphLoad, ego: Ego) {
        self.ego = ego;
        self.rollup = load.rollup;
        match load.arrival {
            Arrival::Enter => {
                self.path.push(load.focus);
                self.selection.reset();
            }
            Arrival::Back => {
                let left = self.path.pop().expect("a step back has somewhere to go");
                let index = self
                    .ego
                    .groups
                    .iter()
                    .position(|g| matches_focus(&g.node, &left));
                self.selection.index = index.unwrap_or(0);
            }
            Arrival::Rollup | Arrival::Open(_) => self.selection.reset(),
        }
    }

    /// Labels of the path, for the breadcrumb.
    pub fn breadcrumb(&self) -> Vec<String> {
        self.path
            .iter()
            .map(|f| match f {
                Focus::Project(key) => key.clone(),
                Focus::Organisation(name) => name.clone(),
            })
            .collect()
    }
}

fn matches_focus(node: &graph::Member, focus: &Focus) -> bool {
    match focus {
        Focus::Project(key) => node.is_project() && node.id == *key,
        Focus::Organisation(name) => !node.is_project() && node.id == *name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EgoGroup, Member, MemberKind, Role};

    fn member(id: &str, kind: MemberKind) -> Member {
        Member {
            id: id.into(),
            label: id.into(),
            kind,
            role: Role::Partner,
            weight: 1.0,
        }
    }

    fn ego(center: &str, neighbours: &[&str]) -> Ego {
        let group = |id: &&str| EgoGroup {
            node: member(id, MemberKind::Organisation("municipality".into())),
            size: 1,
            others: Vec::new(),
            more: 0,
        };
        Ego {
            center: member(center, MemberKind::Project),
            groups: neighbours.iter().map(group).collect(),
            more: 0,
        }
    }

    /// The neighbourhood a step asks for.
    fn asked(step: GraphStep) -> GraphLoad {
        match step {
            GraphStep::Load(load) => load,
            other => panic!("a neighbourhood is asked for, not {other:?}"),
        }
    }

    fn graph() -> GraphView {
        let focus = Focus::Project("p1".into());
        GraphView::new(focus, ego("p1", &["Umeå", "Luleå"]), true, Origin::Browse)
    }

    #[test]
    fn moving_stays_on_the_neighbours() {
        let mut g = graph();
        assert_eq!(g.update(Action::MoveDown, 10), GraphStep::Moved);
        assert_eq!(
            g.update(Action::MoveDown, 10),
            GraphStep::Ignored,
            "at the last"
        );
        assert_eq!(g.update(Action::First, 10), GraphStep::Moved);
        assert_eq!(g.selection.index, 0);
    }

    #[test]
    fn enter_asks_for_the_selected_neighbour_and_walks_there_when_it_arrives() {
        let mut g = graph();
        g.update(Action::MoveDown, 10);
        let load = asked(g.update(Action::Open, 10));
        assert_eq!(load.focus, Focus::Organisation("Luleå".into()));
        assert_eq!(load.arrival, Arrival::Enter);
        assert_eq!(g.path.len(), 1, "nothing moves before it is read");
        g.arrive(load, ego("Luleå", &["p1", "p2"]));
        assert_eq!(g.breadcrumb(), ["p1", "Luleå"]);
        assert_eq!(g.selection.index, 0);
    }

    #[test]
    fn back_returns_to_the_neighbour_it_came_from_then_leaves() {
        let mut g = graph();
        g.update(Action::MoveDown, 10);
        let load = asked(g.update(Action::Open, 10));
        g.arrive(load, ego("Luleå", &["p2", "p1"]));
        let back = asked(g.update(Action::Back, 10));
        assert_eq!(back.focus, Focus::Project("p1".into()));
        g.arrive(back, ego("p1", &["Umeå", "Luleå"]));
        assert_eq!(g.path.len(), 1);
        assert_eq!(
            g.selection.index, 1,
            "Luleå, where the walk went, is selected"
        );
        assert_eq!(g.update(Action::Back, 10), GraphStep::Leave);
    }

    #[test]
    fn enter_on_a_project_opens_its_detail_and_p_walks_there() {
        let focus = Focus::Organisation("Umeå".into());
        let mut neighbours = ego("Umeå", &[]);
        neighbours.groups.push(EgoGroup {
            node: member("p2", MemberKind::Project),
            size: 1,
            others: Vec::new(),
            more: 0,
        });
        let mut g = GraphView::new(focus, neighbours, true, Origin::Browse);
        assert_eq!(
            g.update(Action::Open, 10),
            GraphStep::OpenProject("p2".into())
        );
        let walk = asked(g.update(Action::OpenGraph, 10));
        assert_eq!(walk.focus, Focus::Project("p2".into()));
        assert_eq!(asked(g.walk_to("p2".into())), walk, "as from its detail");
    }

    #[test]
    fn branches_toggle_on_the_same_focus() {
        let mut g = graph();
        let load = asked(g.update(Action::ToggleBranches, 10));
        assert_eq!((load.rollup, load.arrival), (false, Arrival::Rollup));
        assert!(g.rollup, "unchanged until read");
        g.arrive(load, ego("p1", &["Umeå"]));
        assert!(!g.rollup);
        assert_eq!(g.path.len(), 1);
    }

    #[test]
    fn other_screens_are_asked_for_not_opened() {
        let mut g = graph();
        assert_eq!(
            g.update(Action::Organisations, 10),
            GraphStep::Organisations
        );
        assert_eq!(g.update(Action::Sort, 10), GraphStep::Ignored);
    }
}
