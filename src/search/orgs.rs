//! Filtering organisations (`esf orgs --filter`, the organisations
//! screen): an organisationsnummer finds the organisation that has it;
//! other text is matched against every name the organisation goes by.

use super::Haystacks;
use crate::model::{org_number, OrgSummary};

pub struct OrgFilter {
    haystacks: Haystacks,
}

impl OrgFilter {
    pub fn new(all: &[OrgSummary]) -> OrgFilter {
        let names: Vec<String> = all.iter().map(names_of).collect();
        OrgFilter {
            haystacks: Haystacks::new(names.iter().map(String::as_str)),
        }
    }

    /// Indices into `all` of those `query` finds, best first; every one,
    /// in their order, for an empty query.
    pub fn filter(&self, all: &[OrgSummary], query: &str) -> Vec<usize> {
        if let Some(number) = org_number::normalise(query) {
            return (0..all.len())
                .filter(|&i| all[i].org_numbers.contains(&number))
                .collect();
        }
        let found = self.haystacks.filter(query).into_iter();
        found.map(|m| m.index).collect()
    }

    /// Matched characters of the organisation's own name (the first of
    /// its names), for highlighting.
    pub fn positions(&self, index: usize, query: &str) -> Vec<usize> {
        self.haystacks.positions(index, query)
    }
}

/// The name it goes by, then the others, two spaces between.
fn names_of(o: &OrgSummary) -> String {
    let mut names = vec![o.name.as_str()];
    names.extend(o.other_names.iter().map(String::as_str));
    names.join("  ")
}
