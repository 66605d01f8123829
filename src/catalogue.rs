//! The projects in memory for listing: fuzzy filtering and sorting, shared
//! by `esf list` and the browser.

use crate::facets::{Facet, FacetIndex, Filters, Notes, Resolved};
use crate::model::FacetRow;
use crate::model::ProjectSummary;
use crate::search::{Haystacks, Match};
use crate::store::Store;
use std::cmp::Ordering;

/// What a list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortKey {
    Name,
    Id,
    Start,
    End,
    Budget,
    Grant,
    Region,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Id,
        SortKey::Start,
        SortKey::End,
        SortKey::Budget,
        SortKey::Grant,
        SortKey::Region,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Id => "id",
            SortKey::Start => "start",
            SortKey::End => "end",
            SortKey::Budget => "budget",
            SortKey::Grant => "grant",
            SortKey::Region => "region",
        }
    }
}

/// Projects in name order (the order [`SortKey::Name`] gives), each with
/// the text the filter matches.
#[derive(Default)]
pub struct Catalogue {
    pub projects: Vec<ProjectSummary>,
    pub haystacks: Haystacks,
    pub facets: FacetIndex,
}

/// The text the fuzzy filter sees: name first (so match positions below
/// the name's length fall in the name), then id, owner, region, and
/// `more` (organisations and municipalities).
pub fn haystack(p: &ProjectSummary, more: &str) -> String {
    let parts = [
        p.name.as_deref(),
        Some(p.key.as_str()),
        p.owner.as_deref(),
        p.region.as_deref(),
        Some(more),
    ];
    let mut text = String::new();
    for part in parts.into_iter().flatten().filter(|s| !s.is_empty()) {
        if !text.is_empty() {
            text.push_str("  ");
        }
        text.push_str(part);
    }
    text
}

impl Catalogue {
    /// A catalogue of projects given in any order, each with the names of
    /// its organisations and municipalities for the filter.
    pub fn new(mut entries: Vec<(ProjectSummary, String)>) -> Catalogue {
        entries.sort_by_cached_key(|(p, _)| (lower(&p.name), p.key.clone()));
        let mut catalogue = Catalogue::default();
        for (summary, more) in entries {
            catalogue.push(summary, &more);
        }
        catalogue.haystacks.shrink_to_fit();
        catalogue
    }

    /// Every project in the cache, read in name order, with its facets.
    pub fn load(store: &Store) -> crate::store::Result<Catalogue> {
        Catalogue::load_with(store, true)
    }

    /// Every project; facet values only when `facets` (a list without
    /// facet filters reads faster without them).
    pub fn load_with(store: &Store, facets: bool) -> crate::store::Result<Catalogue> {
        let mut catalogue = Catalogue::default();
        store.each_summary(facets, |summary, more, row| {
            catalogue.push_faceted(summary, more, row)
        })?;
        catalogue.projects.shrink_to_fit();
        catalogue.haystacks.shrink_to_fit();
        catalogue.facets.shrink_to_fit();
        Ok(catalogue)
    }

    /// Adds a project after those already in (callers keep name order).
    pub fn push(&mut self, summary: ProjectSummary, more: &str) {
        self.push_faceted(summary, more, &FacetRow::default());
    }

    /// Adds a project with its facet values.
    pub fn push_faceted(&mut self, summary: ProjectSummary, more: &str, facets: &FacetRow) {
        self.haystacks.push(&haystack(&summary, more));
        self.facets.push(&summary, facets);
        self.projects.push(summary);
    }

    /// Keeps the rows that pass every facet filter.
    pub fn apply_facets(&self, rows: &mut Vec<usize>, filters: &Filters, notes: Notes) {
        if filters.is_empty() {
            return;
        }
        let resolved = Resolved::new(&self.facets, filters, notes);
        rows.retain(|&i| resolved.accepts(i, &self.projects[i], None));
    }

    /// Each value of `facet` with its count among `rows` (matches of the
    /// fuzzy filter) under the other facet filters; most first.
    pub fn facet_counts(
        &self,
        facet: Facet,
        rows: &[usize],
        filters: &Filters,
        notes: Notes,
    ) -> Vec<(String, usize)> {
        Resolved::new(&self.facets, filters, notes).counts(facet, rows, &self.projects)
    }

    /// Projects matching the query, best first.
    pub fn filter(&self, query: &str) -> Vec<Match> {
        self.haystacks.filter(query)
    }

    /// Matched characters of a project's haystack (its name comes first).
    pub fn positions(&self, index: usize, query: &str) -> Vec<usize> {
        self.haystacks.positions(index, query)
    }

    /// Sorts project indices by a key (money largest first, missing last;
    /// ties and [`SortKey::Name`] in name order, which is index order).
    pub fn sort(&self, indices: &mut [usize], key: SortKey) {
        if key == SortKey::Name {
            indices.sort_unstable();
            return;
        }
        indices
            .sort_by(|&a, &b| compare(&self.projects[a], &self.projects[b], key).then(a.cmp(&b)));
    }

    /// Projects whose id or name look like `text`, for "did you mean":
    /// ids a few typing mistakes away first, then fuzzy name matches.
    pub fn similar(&self, text: &str, limit: usize) -> Vec<&ProjectSummary> {
        let wanted = text.trim().to_uppercase();
        let tolerance = (wanted.chars().count() / 4).max(2);
        let mut by_id: Vec<(usize, usize)> = self
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| (edit_distance(&wanted, &p.key.to_uppercase()), i))
            .filter(|(d, _)| *d <= tolerance)
            .collect();
        by_id.sort();
        let mut picked: Vec<usize> = by_id.into_iter().map(|(_, i)| i).collect();
        for m in self.filter(text) {
            if !picked.contains(&m.index) {
                picked.push(m.index);
            }
        }
        picked
            .into_iter()
            .take(limit)
            .map(|i| &self.projects[i])
            .collect()
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn compare(a: &ProjectSummary, b: &ProjectSummary, key: SortKey) -> Ordering {
    match key {
        SortKey::Name => Ordering::Equal,
        SortKey::Id => a.key.cmp(&b.key),
        SortKey::Start => missing_last(&a.start_date, &b.start_date, false),
        SortKey::End => missing_last(&a.end_date, &b.end_date, false),
        SortKey::Budget => missing_last(&a.total_budget_sek, &b.total_budget_sek, true),
        SortKey::Grant => missing_last(&a.esf_grant_sek, &b.esf_grant_sek, true),
        SortKey::Region => missing_last(&a.region, &b.region, false),
    }
}

fn lower(s: &Option<String>) -> String {
    s.as_deref().unwrap_or("").to_lowercase()
}

fn missing_last<T: Ord>(a: &Option<T>, b: &Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.cmp(x),
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("2015/00731", "2015/00730"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
