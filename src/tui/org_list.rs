//! The organisations screen's list: every organisation with its number of
//! projects and roles, filtered by the organisation term matcher (as the
//! project search matches a field: whole words or their starts, never
//! scattered letters).

use super::keymap::Action;
use super::line_edit::LineEdit;
use super::selection::{motion, Selection};
use crate::model::OrgSummary;
use crate::search::orgs::OrgFilter;

pub struct OrgList {
    pub all: Vec<OrgSummary>,
    filter: OrgFilter,
    /// Visible organisations (indices into `all`).
    pub rows: Vec<usize>,
    pub selection: Selection,
    pub query: LineEdit,
}

impl OrgList {
    pub fn new(all: Vec<OrgSummary>) -> OrgList {
        let filter = OrgFilter::new(&all);
        let mut list = OrgList {
            all,
            filter,
            rows: Vec::new(),
            selection: Selection::default(),
            query: LineEdit::default(),
        };
        list.refilter();
        list
    }

    /// Best match first; all of them, most projects first, without a query.
    pub fn refilter(&mut self) {
        self.rows = self.filter.filter(&self.all, &self.query);
        self.selection.reset();
    }

    pub fn selected(&self) -> Option<&OrgSummary> {
        let index = self.rows.get(self.selection.index)?;
        self.all.get(*index)
    }

    /// Matched characters of an organisation's name, for highlighting.
    pub fn positions(&self, index: usize) -> Vec<usize> {
        self.filter.positions(index, &self.query)
    }
}

/// What an action on the organisations screen asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgStep {
    Ignored,
    Changed,
    /// Type a filter for the names.
    Filter,
    /// The graph around this organisation.
    Graph(String),
    /// Back to the project list.
    Leave,
}

impl OrgList {
    /// An action on the list; `page` is the rows it shows.
    pub fn update(&mut self, action: Action, page: usize) -> OrgStep {
        if let Some(delta) = motion(action, page) {
            return match self.move_by(delta, page) {
                true => OrgStep::Changed,
                false => OrgStep::Ignored,
            };
        }
        match action {
            Action::Filter => OrgStep::Filter,
            Action::Open => match self.selected() {
                Some(org) => OrgStep::Graph(org.name.clone()),
                None => OrgStep::Ignored,
            },
            // Back clears a filter first, then leaves.
            Action::Back if !self.query.is_empty() => {
                self.edit_query(LineEdit::clear);
                OrgStep::Changed
            }
            Action::Back => OrgStep::Leave,
            _ => OrgStep::Ignored,
        }
    }

    pub fn move_by(&mut self, delta: isize, height: usize) -> bool {
        self.selection.move_by(delta, self.rows.len(), height)
    }

    /// Changes the filter and lists what it matches (a move of its cursor
    /// keeps the list as it is).
    pub fn edit_query<R>(&mut self, edit: impl FnOnce(&mut LineEdit) -> R) -> R {
        let before = self.query.to_string();
        let said = edit(&mut self.query);
        if self.query != before {
            self.refilter();
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, projects: usize) -> OrgSummary {
        OrgSummary {
            name: name.into(),
            parent: None,
            kind: "municipality".into(),
            projects,
            roles: vec!["partner".into()],
            org_numbers: Vec::new(),
            other_names: Vec::new(),
        }
    }

    fn list() -> OrgList {
        OrgList::new(vec![org("Umeå kommun", 3), org("Luleå kommun", 2)])
    }

    #[test]
    fn open_asks_for_the_selected_organisations_graph() {
        let mut orgs = list();
        assert_eq!(orgs.update(Action::MoveDown, 10), OrgStep::Changed);
        let name = orgs.selected().unwrap().name.clone();
        assert_eq!(orgs.update(Action::Open, 10), OrgStep::Graph(name));
    }

    #[test]
    fn back_clears_the_filter_before_it_leaves() {
        let mut orgs = list();
        orgs.edit_query(|q| q.insert_str("luleå"));
        assert_eq!(orgs.rows.len(), 1);
        assert_eq!(orgs.update(Action::Back, 10), OrgStep::Changed);
        assert_eq!((orgs.query.as_str(), orgs.rows.len()), ("", 2));
        assert_eq!(orgs.update(Action::Back, 10), OrgStep::Leave);
    }

    #[test]
    fn an_empty_list_opens_nothing() {
        let mut orgs = list();
        orgs.edit_query(|q| q.insert_str("zzzz"));
        assert_eq!(orgs.update(Action::Open, 10), OrgStep::Ignored);
        assert_eq!(orgs.update(Action::Filter, 10), OrgStep::Filter);
    }
}
