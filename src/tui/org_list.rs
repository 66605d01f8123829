//! The organisations screen's list: every organisation with its number of
//! projects and roles, fuzzy-filterable.

use super::selection::Selection;
use crate::model::OrgSummary;
use crate::search::Haystacks;

pub struct OrgList {
    pub all: Vec<OrgSummary>,
    haystacks: Haystacks,
    /// Visible organisations (indices into `all`).
    pub rows: Vec<usize>,
    pub selection: Selection,
    pub query: String,
}

impl OrgList {
    pub fn new(all: Vec<OrgSummary>) -> OrgList {
        let haystacks = Haystacks::new(all.iter().map(|o| o.name.as_str()));
        let mut list = OrgList {
            all,
            haystacks,
            rows: Vec::new(),
            selection: Selection::default(),
            query: String::new(),
        };
        list.refilter();
        list
    }

    /// Best match first; all of them, most projects first, without a query.
    pub fn refilter(&mut self) {
        self.rows = self
            .haystacks
            .filter(&self.query)
            .into_iter()
            .map(|m| m.index)
            .collect();
        self.selection.reset();
    }

    pub fn selected(&self) -> Option<&OrgSummary> {
        let index = self.rows.get(self.selection.index)?;
        self.all.get(*index)
    }

    /// Matched characters of an organisation's name, for highlighting.
    pub fn positions(&self, index: usize) -> Vec<usize> {
        self.haystacks.positions(index, &self.query)
    }
}
