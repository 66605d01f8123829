//! The screens that answer a case's questions (overlaps, coverage,
//! timelines) and the dossier: opening them from the list, the
//! organisations or the graph, taking in what the cache gave for them,
//! and opening what they point to (a project, a cell's projects).

pub mod coverage;
pub mod overlaps;
pub mod timeline;

use super::{ListKind, Notice, Pane, Screen, State};
use crate::catalogue::coverage::Coverage;
use crate::catalogue::facets::{Facet, Filters};
use crate::catalogue::timeline::{build as build_timeline, Bar};
use crate::graph::Focus;
use crate::i18n::{t, tf};
use crate::model::ProjectSummary;
use crate::store::coverage::CoverageBy;
use crate::store::OverlapsFound;
use crate::tui::effect::{DossierTo, Effect, OverlapScope};
use crate::tui::graph_state::GraphView;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::overlay::Overlay;
use coverage::{CellFilter, CoverageView};
use overlaps::OverlapsView;
use timeline::TimelineView;

/// What an action did on one of these screens.
#[derive(Debug)]
pub enum ViewStep {
    Ignored,
    Changed,
    Leave,
    /// Open this project in the list.
    Open(String),
    Ask(Effect),
    /// List a coverage cell's projects.
    Cell(CellFilter),
}

impl ViewStep {
    pub fn moved(moved: bool) -> ViewStep {
        match moved {
            true => ViewStep::Changed,
            false => ViewStep::Ignored,
        }
    }
}

/// Where leaving one of these screens goes: where it was opened.
pub enum Return {
    Browse,
    Organisations,
    Graph(Box<GraphView>),
}

impl Screen {
    /// Is this one of the overlaps, coverage and timeline screens?
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            Screen::Overlaps(_) | Screen::Coverage(_) | Screen::Timeline(_)
        )
    }

    /// Takes the screen shown down, keeping what leaving the next one
    /// goes back to (the organisations on the shelf, the graph inside).
    fn take_return(&mut self, shelf: &mut super::Shelf) -> Return {
        match std::mem::replace(self, Screen::Browse) {
            Screen::Organisations(orgs) => {
                shelf.orgs = Some(orgs);
                Return::Organisations
            }
            Screen::Graph(graph) | Screen::GraphProject { graph, .. } => Return::Graph(graph),
            Screen::Overlaps(v) => v.back,
            Screen::Coverage(v) => v.back,
            Screen::Timeline(v) => v.back,
            Screen::Browse | Screen::Stats(_) => Return::Browse,
        }
    }

    /// Moves the cursor of one of these screens (the mouse wheel).
    pub(super) fn answer_step(&mut self, delta: isize, height: usize) -> bool {
        match self {
            Screen::Overlaps(v) => {
                let rows = v.found.pairs.len() * 2;
                v.selection.move_by(delta, rows, height)
            }
            Screen::Coverage(v) => {
                let rows = v.coverage.rows.len();
                v.selection.move_by(delta, rows, height)
            }
            Screen::Timeline(v) => {
                let rows = v.len();
                v.selection.move_by(delta, rows, height)
            }
            _ => false,
        }
    }

    /// Back where the screen was opened.
    fn go_back(&mut self, shelf: &mut super::Shelf) {
        *self = match self.take_return(shelf) {
            Return::Graph(graph) => Screen::Graph(graph),
            Return::Organisations => match shelf.orgs.take() {
                Some(orgs) => Screen::Organisations(orgs),
                None => Screen::Browse,
            },
            Return::Browse => Screen::Browse,
        };
    }

    /// Puts `make(back)` up, `back` being where leaving it goes.
    fn open_answer(&mut self, shelf: &mut super::Shelf, make: impl FnOnce(Return) -> Screen) {
        let back = self.take_return(shelf);
        *self = make(back);
    }

    /// The organisation the screen points at: the selected organisation,
    /// the graph's organisation under the cursor or in focus.
    fn organisation_in_view(&self) -> Option<String> {
        match self {
            Screen::Organisations(orgs) => orgs.selected().map(|o| o.name.clone()),
            Screen::Graph(graph) => {
                let selected = graph.ego.groups.get(graph.selection.index);
                match (selected, graph.focus()) {
                    (Some(g), _) if !g.node.is_project() => Some(g.node.id.clone()),
                    (_, Focus::Organisation(name)) => Some(name.clone()),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl State {
    /// An action that opens one of these screens or the dossier prompt,
    /// from a screen that is not one of them; `None` when it is not one.
    pub(super) fn open_answer(&mut self, action: Action) -> Option<bool> {
        if self.screen.is_answer() {
            return None;
        }
        let org = self.screen.organisation_in_view();
        let effect = match action {
            Action::Overlaps => Effect::LoadOverlaps(match org {
                Some(name) => OverlapScope::Organisation(name),
                None => OverlapScope::Every,
            }),
            Action::Coverage if self.is_loading() => return Some(self.say(Notice::StatsWait)),
            Action::Coverage => Effect::LoadCoverage {
                by: CoverageBy::ProgrammeArea,
                region: None,
            },
            Action::Timeline => match org {
                Some(name) => Effect::LoadTimeline(name),
                None if matches!(self.screen, Screen::Browse | Screen::Stats(_)) => {
                    return Some(self.timeline_of_list());
                }
                None => return Some(false),
            },
            Action::Dossier if self.screen.is_browse() && self.selected_key().is_some() => {
                self.overlay = Overlay::Dossier { contacts: false };
                return Some(true);
            }
            _ => return None,
        };
        self.overlapping.pending = true;
        self.ask(effect);
        Some(true)
    }

    /// The timeline of the projects the list shows.
    fn timeline_of_list(&mut self) -> bool {
        if self.is_loading() {
            return self.say(Notice::StatsWait);
        }
        let projects = &self.catalogue.projects;
        let bars = self.list.rows.iter().map(|&i| Bar::at(projects, i));
        let tl = build_timeline(bars.collect());
        let title = self.list_described();
        let (screen, shelf) = (&mut self.screen, &mut self.shelf);
        screen.open_answer(shelf, |back| {
            Screen::Timeline(Box::new(TimelineView::new(title, tl, back)))
        });
        true
    }

    /// "the list (filter: inkl · Region: Västsverige)".
    fn list_described(&self) -> String {
        let mut said = Vec::new();
        if !self.search.query.trim().is_empty() {
            said.push(format!("{}: {}", t("filter"), self.search.query.trim()));
        }
        if !self.search.facets.is_empty() {
            said.push(self.search.facets.describe());
        }
        match said.is_empty() {
            true => t("the whole list").to_string(),
            false => tf("the list ({})", &[&said.join(" · ")]),
        }
    }

    /// An action on one of these screens.
    pub(super) fn answer_update(&mut self, action: Action) -> bool {
        let page = self.list_height();
        let step = match &mut self.screen {
            Screen::Overlaps(v) => v.update(action, page),
            Screen::Coverage(v) => v.update(action, page),
            Screen::Timeline(v) => v.update(action, page),
            _ => ViewStep::Ignored,
        };
        match step {
            ViewStep::Ignored => false,
            ViewStep::Changed => true,
            ViewStep::Leave => {
                self.screen.go_back(&mut self.shelf);
                true
            }
            ViewStep::Open(key) => self.show_project(&key),
            ViewStep::Ask(effect) => {
                self.overlapping.pending = true;
                self.ask(effect);
                true
            }
            ViewStep::Cell(cell) => self.list_cell(cell),
        }
    }

    /// The project in the list, its detail open; the filter and facets
    /// are cleared when they hide it.
    fn show_project(&mut self, key: &str) -> bool {
        self.screen.take_return(&mut self.shelf);
        self.list.kind = ListKind::Projects;
        if self.row_of(key).is_none() {
            self.search.query.clear();
            self.search.facets = Filters::default();
            self.list.ranked = false;
            self.refilter();
            self.status.say(Notice::Said(
                t("the filter and facets were cleared to show the project").to_string(),
            ));
        }
        let Some(at) = self.row_of(key) else {
            return self.say(Notice::NotInCache);
        };
        let (len, height) = (self.row_count(), self.list_height());
        self.list.selection.select(at, len, height);
        self.list.focus = Pane::Detail;
        self.list.detail_scroll = 0;
        self.mark_selected_seen();
        true
    }

    /// A coverage cell's projects as the list: the municipality and the
    /// column's value as facets, no filter.
    fn list_cell(&mut self, cell: CellFilter) -> bool {
        let mut filters = Filters::default();
        filters
            .chosen
            .insert(Facet::Municipality, cell.municipality);
        match (cell.by, cell.value) {
            (_, None) => {}
            (CoverageBy::ProgrammeArea, Some((code, name))) => {
                let label = name.map_or(code.clone(), |n| format!("{code} {n}"));
                let index = &self.catalogue.facets;
                let id = index.resolve(Facet::Area, &label);
                let id = id.or_else(|| index.resolve(Facet::Area, &code));
                let value = id.map_or(label, |id| index.name(id).to_string());
                filters.chosen.insert(Facet::Area, value);
            }
            (CoverageBy::Objective, Some((value, _))) => {
                filters.chosen.insert(Facet::Objective, value);
            }
            (CoverageBy::Year, Some((year, _))) => filters.started = year.parse().ok(),
        }
        self.screen.take_return(&mut self.shelf);
        self.search.query.clear();
        self.list.ranked = false;
        self.search.facets = filters;
        self.list.kind = ListKind::Projects;
        self.list.focus = Pane::List;
        self.refilter();
        true
    }

    /// Overlapping pairs read for the screen.
    pub(super) fn overlaps_read(
        &mut self,
        scope: OverlapScope,
        read: Result<OverlapsFound, String>,
    ) -> bool {
        self.overlapping.pending = false;
        let found = match read {
            Ok(found) => found,
            Err(e) => return self.say(Notice::Said(tf("cannot read the overlaps: {}", &[&e]))),
        };
        if let Screen::Overlaps(view) = &mut self.screen {
            view.arrive(scope, found);
            return true;
        }
        let (screen, shelf) = (&mut self.screen, &mut self.shelf);
        screen.open_answer(shelf, |back| {
            Screen::Overlaps(Box::new(OverlapsView::new(scope, found, back)))
        });
        true
    }

    /// The coverage matrix read: a new screen, or the one shown with
    /// other columns or another region.
    pub(super) fn coverage_read(&mut self, read: Result<Box<Coverage>, String>) -> bool {
        self.overlapping.pending = false;
        let coverage = match read {
            Ok(c) => *c,
            Err(e) => return self.say(Notice::Said(tf("cannot read the coverage: {}", &[&e]))),
        };
        if let Screen::Coverage(view) = &mut self.screen {
            view.arrive(coverage);
            return true;
        }
        let (screen, shelf) = (&mut self.screen, &mut self.shelf);
        screen.open_answer(shelf, |back| {
            Screen::Coverage(Box::new(CoverageView::new(coverage, back)))
        });
        true
    }

    /// An organisation's projects read for its timeline.
    pub(super) fn timeline_read(
        &mut self,
        organisation: String,
        read: Result<Vec<ProjectSummary>, String>,
    ) -> bool {
        self.overlapping.pending = false;
        let projects = match read {
            Ok(p) => p,
            Err(e) => return self.say(Notice::Said(tf("cannot read the timeline: {}", &[&e]))),
        };
        if projects.is_empty() {
            let said = tf("no project for {}", &[&organisation]);
            return self.say(Notice::Said(said));
        }
        let tl = build_timeline(projects.iter().map(Bar::of).collect());
        let title = tf("organisation {}", &[&organisation]);
        let (screen, shelf) = (&mut self.screen, &mut self.shelf);
        screen.open_answer(shelf, |back| {
            Screen::Timeline(Box::new(TimelineView::new(title, tl, back)))
        });
        true
    }

    /// The keys of the projects in some pair: the list marks them, the
    /// detail asks for the shown project's pairs.
    pub(super) fn marks_found(
        &mut self,
        found: Result<crate::catalogue::key_set::KeySet, String>,
    ) -> bool {
        let marks = match found {
            Ok(marks) => marks,
            Err(e) => {
                self.status
                    .say(Notice::Said(tf("cannot read the overlaps: {}", &[&e])));
                Default::default()
            }
        };
        self.overlapping.marks = Some(marks);
        if let Some(key) = self.detail.asked.clone() {
            if let Some(effect) = self.overlapping.wanted(&key) {
                self.ask(effect);
            }
        }
        self.detail.built_for = None;
        true
    }

    /// The pairs of a project, for the detail.
    pub(super) fn project_overlaps(
        &mut self,
        key: String,
        found: Result<crate::overlaps::OfProject, String>,
    ) -> bool {
        match found {
            Ok(found) => self.overlapping.shown = Some((key, found)),
            Err(e) => {
                self.status
                    .say(Notice::Said(tf("cannot read the overlaps: {}", &[&e])));
            }
        }
        self.detail.built_for = None;
        true
    }

    /// The dossier of the selected project, where the prompt said.
    pub(super) fn write_dossier(&mut self, to: DossierTo, contacts: bool) -> bool {
        self.overlay.enter(Context::Normal);
        let Some(key) = self.selected_key().map(str::to_string) else {
            return false;
        };
        self.ask(Effect::Dossier {
            key,
            to,
            contacts,
            dir: self.export_dir.clone(),
        });
        true
    }
}
