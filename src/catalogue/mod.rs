//! The projects in memory for listing: fuzzy filtering and sorting, shared
//! by `esf list` and the browser.

pub mod column;
pub mod coverage;
mod facet_links;
pub mod facets;
pub mod key_set;
pub mod stats;
pub mod summaries;
pub mod texts;
pub mod timeline;

use crate::catalogue::facets::{Facet, FacetIndex, Filters, Notes, Resolved};
use crate::catalogue::summaries::Summaries;
use crate::model::FacetRow;
use crate::model::ProjectSummary;
pub use crate::search::fields::RANKED_TEXTS;
use crate::search::fields::{Explainer, Field, FieldIndex, Reason, TextHits};
use crate::search::index::{KeyTable, SearchIndex};
use crate::search::query::Query;
use crate::search::Match;
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
/// the fields the search box looks in.
#[derive(Default)]
pub struct Catalogue {
    pub projects: Summaries,
    pub fields: FieldIndex,
    pub facets: FacetIndex,
    by_key: KeyTable,
    /// Keys of projects an import removed from this cache.
    pub removed: std::collections::HashSet<String>,
}

/// Projects in list order that the search box looks through: the whole
/// catalogue (the browser), or the index a command reads from the cache.
pub trait Searchable {
    fn fields(&self) -> &FieldIndex;
    fn key_at(&self, index: usize) -> &str;
    fn find_key(&self, key: &str) -> Option<usize>;

    /// The project's row in the cache, when known (read by it, not by key).
    fn rowid_at(&self, _index: usize) -> Option<i64> {
        None
    }

    /// Where the projects of these rows of the cache are, in their order;
    /// None when rows are not known here.
    fn at_rows(&self, _rows: &[i64]) -> Option<Vec<usize>> {
        None
    }

    /// What a list shows of the project, when known without reading the
    /// cache (its ID, name, owner, region and dates).
    fn listed_at(&self, _index: usize) -> Option<ProjectSummary> {
        None
    }

    /// Projects matching the query in their fields or, through the
    /// cache's full-text index, in their texts (ranked below field matches).
    /// Projects matching the query in their fields or, through the
    /// cache's full-text index, in their texts (ranked below field matches).
    fn search_in(&self, query: &str, store: &Store) -> crate::store::Result<Vec<Match>> {
        self.search_with(query, store, None)
    }

    /// [`Searchable::search_in`], with each text term's rows when they were
    /// found already (see [`Store::text_rows_apart`]).
    fn search_with(
        &self,
        query: &str,
        store: &Store,
        rows: Option<Vec<Vec<i64>>>,
    ) -> crate::store::Result<Vec<Match>> {
        let query = Query::parse(query);
        let mut text = TextHits::default();
        let mut rows = rows.map(Vec::into_iter);
        for (group, term, words) in query.text_terms() {
            let found = match rows.as_mut().and_then(Iterator::next) {
                Some(rows) => self.at_rows(&rows),
                None => None,
            };
            let found = match found {
                Some(found) => found,
                None => self.text_found(words, store)?,
            };
            text.insert(group, term, &found);
        }
        crate::store::profile::mark("texts found");
        Ok(self.fields().filter(&query, &text))
    }

    /// The projects whose texts hold `words`, best first (see
    /// [`Store::text_matches`]; the browser's steps are [`texts`]).
    fn text_found(&self, words: &str, store: &Store) -> crate::store::Result<Vec<usize>> {
        let keys = store.text_matches(words, RANKED_TEXTS, true)?;
        Ok(keys.iter().filter_map(|k| self.find_key(k)).collect())
    }

    /// Why a project (named `name`) matched, with a few words of its
    /// texts around the terms no field holds.
    fn explain_named(&self, index: usize, query: &Query, name: &str, store: &Store) -> Vec<Reason> {
        let explainer = Explainer::new(self.fields(), query);
        explain_row(&explainer, store, self.key_at(index), index, name, true)
    }

    /// Projects whose key or name look like `text`, for "did you mean".
    fn similar_indices(&self, text: &str, limit: usize) -> Vec<usize> {
        let count = self.fields().len();
        let names = self.fields().names();
        crate::search::similar::similar(text, limit, count, &|i| self.key_at(i), names)
    }
}

impl Searchable for Catalogue {
    fn fields(&self) -> &FieldIndex {
        &self.fields
    }

    fn key_at(&self, index: usize) -> &str {
        self.projects.key(index)
    }

    fn find_key(&self, key: &str) -> Option<usize> {
        self.by_key
            .find(key, self.projects.len(), &|i| self.projects.key(i))
    }

    fn listed_at(&self, index: usize) -> Option<ProjectSummary> {
        (index < self.projects.len()).then(|| self.projects.get(index))
    }
}

impl Searchable for SearchIndex {
    fn fields(&self) -> &FieldIndex {
        &self.fields
    }

    fn key_at(&self, index: usize) -> &str {
        self.keys.key(index)
    }

    fn find_key(&self, key: &str) -> Option<usize> {
        self.index_of_key(key)
    }

    fn rowid_at(&self, index: usize) -> Option<i64> {
        Some(self.keys.rowid(index))
    }

    fn listed_at(&self, index: usize) -> Option<ProjectSummary> {
        let key = self.keys.key(index);
        let row = self.columns.row(index, key, &self.fields)?;
        Some(row.summary())
    }

    /// By row: the matches' keys are neither read nor looked up.
    fn text_found(&self, words: &str, store: &Store) -> crate::store::Result<Vec<usize>> {
        let rows = store.text_match_rows(words, RANKED_TEXTS, true)?;
        Ok(self.at_rows(&rows).unwrap_or_default())
    }

    fn at_rows(&self, rows: &[i64]) -> Option<Vec<usize>> {
        Some(
            rows.iter()
                .filter_map(|&r| self.index_of_rowid(r))
                .collect(),
        )
    }
}

impl Catalogue {
    /// A catalogue of projects given in any order, each with the names of
    /// its partners (two spaces between them) for the filter.
    pub fn new(mut entries: Vec<(ProjectSummary, String)>) -> Catalogue {
        entries.sort_by_cached_key(|(p, _)| (lower(&p.name), p.key.clone()));
        let mut catalogue = Catalogue::default();
        for (summary, more) in entries {
            catalogue.push(summary, &more);
        }
        catalogue.fields.shrink_to_fit();
        catalogue
    }

    /// Every project in the cache, read in name order, with its facets.
    pub fn load(store: &Store) -> crate::store::Result<Catalogue> {
        let mut catalogue = Catalogue::load_with(store, true)?;
        catalogue.removed = store.removed_keys()?;
        Ok(catalogue)
    }

    /// Every project; facet values only when `facets` (a list without
    /// facet filters reads faster without them).
    pub fn load_with(store: &Store, facets: bool) -> crate::store::Result<Catalogue> {
        let mut catalogue = Catalogue::default();
        store.each_summary(facets, |summary, more, row| {
            catalogue.push_faceted(summary, more, row)
        })?;
        catalogue.projects.shrink_to_fit();
        catalogue.fields.shrink_to_fit();
        catalogue.facets.shrink_to_fit();
        Ok(catalogue)
    }

    /// Adds a project after those already in (callers keep name order),
    /// with its partners' names (two spaces between them).
    pub fn push(&mut self, summary: ProjectSummary, partners: &str) {
        let mut fields: Vec<(Field, &str)> =
            partners.split("  ").map(|p| (Field::Partner, p)).collect();
        let (owner, region) = (summary.owner.clone(), summary.region.clone());
        fields.extend(owner.as_deref().map(|o| (Field::Owner, o)));
        fields.extend(region.as_deref().map(|r| (Field::Region, r)));
        self.push_faceted(summary, &fields, &FacetRow::default());
    }

    /// Adds a project with its search fields and facet values.
    pub fn push_faceted(
        &mut self,
        summary: ProjectSummary,
        fields: &[(Field, &str)],
        facets: &FacetRow,
    ) {
        let name = summary.name.as_deref().unwrap_or_default();
        self.fields.push(name, &summary.key, fields);
        self.facets.push(&summary, facets, &self.fields);
        self.projects.push(&summary);
    }

    /// Keeps the rows that pass every facet filter. Returns how many the
    /// "active during" filter left out only for want of a start date (it
    /// cannot say whether they ran then).
    pub fn apply_facets(&self, rows: &mut Vec<usize>, filters: &Filters, notes: Notes) -> usize {
        if filters.is_empty() {
            return 0;
        }
        let Some(active) = &filters.active else {
            let resolved = Resolved::new((&self.facets, &self.fields), filters, notes);
            rows.retain(|&i| resolved.accepts(i, &self.projects, None));
            return 0;
        };
        let others = Filters {
            active: None,
            ..filters.clone()
        };
        let resolved = Resolved::new((&self.facets, &self.fields), &others, notes);
        rows.retain(|&i| resolved.accepts(i, &self.projects, None));
        let undated = rows
            .iter()
            .filter(|&&i| self.projects.start_date(i).is_none())
            .count();
        rows.retain(|&i| active.covers_at(&self.projects, i));
        undated
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
        Resolved::new((&self.facets, &self.fields), filters, notes).counts(
            facet,
            rows,
            &self.projects,
        )
    }

    /// Projects matching the query in their fields, best first.
    pub fn filter(&self, query: &str) -> Vec<Match> {
        self.fields
            .filter(&Query::parse(query), &TextHits::default())
    }

    /// Projects matching the query in their fields or texts, best first.
    pub fn search(&self, query: &str, store: &Store) -> crate::store::Result<Vec<Match>> {
        self.search_in(query, store)
    }

    /// Catalogue indices of the keys that are in it, in their order.
    pub fn indices_of(&self, keys: &[String]) -> Vec<usize> {
        keys.iter().filter_map(|k| self.index_of_key(k)).collect()
    }

    /// Why a project matched, with a few words of its texts around the
    /// terms no field holds.
    pub fn explain_with_text(&self, index: usize, query: &str, store: &Store) -> Vec<Reason> {
        let name = self.projects.name(index).unwrap_or_default();
        self.explain_named(index, &Query::parse(query), name, store)
    }

    /// Where project `key` is in the list.
    pub fn index_of_key(&self, key: &str) -> Option<usize> {
        self.find_key(key)
    }

    /// Why a project matched the query: a field and text per term.
    pub fn explain(&self, index: usize, query: &str) -> Vec<Reason> {
        self.explain_parsed(index, &Query::parse(query))
    }

    /// [`Catalogue::explain`] for a query parsed once for many rows.
    pub fn explain_parsed(&self, index: usize, query: &Query) -> Vec<Reason> {
        let name = self.projects.name(index).unwrap_or_default();
        self.fields
            .explain(index, query, name, self.projects.key(index))
    }

    /// Sorts project indices by a key (money largest first, missing last;
    /// ties and [`SortKey::Name`] in name order, which is index order).
    pub fn sort(&self, indices: &mut [usize], key: SortKey) {
        self.sort_in(indices, key, false);
    }

    /// [`Catalogue::sort`], or with `reversed` the other way round
    /// (smallest money first, latest date first, Ö to A); projects without
    /// the value stay last either way.
    pub fn sort_in(&self, indices: &mut [usize], key: SortKey, reversed: bool) {
        if key == SortKey::Name {
            match reversed {
                true => indices.sort_unstable_by(|a, b| b.cmp(a)),
                false => indices.sort_unstable(),
            }
            return;
        }
        let projects = &self.projects;
        let by = |a: usize, b: usize| compare(projects, a, b, key, reversed);
        match reversed {
            true => indices.sort_by(|&a, &b| by(a, b).then(b.cmp(&a))),
            false => indices.sort_by(|&a, &b| by(a, b).then(a.cmp(&b))),
        }
    }

    /// Projects whose id or name look like `text`, for "did you mean".
    pub fn similar(&self, text: &str, limit: usize) -> Vec<ProjectSummary> {
        let found = self.similar_indices(text, limit);
        found.into_iter().map(|i| self.projects.get(i)).collect()
    }
}

/// Why a project matched: the reasons its fields give, and for the terms
/// only its texts hold, a few words around them when `snippet` (the text
/// is read for it), or else the terms themselves as found in its texts.
pub fn explain_row(
    explainer: &Explainer,
    store: &Store,
    key: &str,
    index: usize,
    name: &str,
    snippet: bool,
) -> Vec<Reason> {
    let (reasons, missing) = explainer.explain(index, name, key);
    with_texts(reasons, &missing, store, key, snippet)
}

/// The reasons a project's fields give, and those of the terms only its
/// texts hold (`missing`, as [`Explainer::explain`] gives them): a few
/// words around them when `snippet`, else the terms themselves.
pub fn with_texts(
    mut reasons: Vec<Reason>,
    missing: &[&crate::search::query::Term],
    store: &Store,
    key: &str,
    snippet: bool,
) -> Vec<Reason> {
    if missing.is_empty() {
        return reasons;
    }
    let words = |all: bool| {
        let words = missing.iter().filter(|t| all || !t.negated);
        words.map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    };
    match snippet {
        true => reasons.extend(snippet_reason(store, key, &words(true))),
        false if missing.iter().any(|t| !t.negated) => reasons.push(Reason {
            field: Field::Text,
            text: words(false),
            positions: Vec::new(),
        }),
        false => {}
    }
    reasons
}

/// A few words of a project's texts around `words`, as a reason; None
/// when they are not there or cannot be read (other reasons still stand).
pub fn snippet_reason(store: &Store, key: &str, words: &str) -> Option<Reason> {
    let texts = store.texts_of(key).ok()?;
    texts
        .iter()
        .find_map(|text| crate::search::snippet::snippet(text, words))
}

/// Projects `a` and `b` by `key`, turned round when `reversed` (missing
/// last).
fn compare(p: &Summaries, a: usize, b: usize, key: SortKey, reversed: bool) -> Ordering {
    let r = reversed;
    match key {
        SortKey::Name => Ordering::Equal,
        SortKey::Id if r => p.key(b).cmp(p.key(a)),
        SortKey::Id => p.key(a).cmp(p.key(b)),
        SortKey::Start | SortKey::End => {
            let end = key == SortKey::End;
            let (x, y) = (dated(p, a, end), dated(p, b, end));
            let both = p
                .compare_dates(a, b, end)
                .map(|o| if r { o.reverse() } else { o });
            both.unwrap_or_else(|| missing_last(&x, &y, r))
        }
        SortKey::Budget => missing_last(&p.total_budget_sek(a), &p.total_budget_sek(b), !r),
        SortKey::Grant => missing_last(&p.esf_grant_sek(a), &p.esf_grant_sek(b), !r),
        SortKey::Region => missing_last(&p.region(a), &p.region(b), r),
    }
}

/// Whether project `i` has a start (or end) date.
fn dated(p: &Summaries, i: usize, end: bool) -> Option<()> {
    match end {
        true => p.end_date(i).map(|_| ()),
        false => p.start_date(i).map(|_| ()),
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
