//! `esf list`, `esf search`, `esf orgs`: projects and organisations as
//! aligned tables, or JSON.

use super::matches::{row, Listed};
use super::{print_json, print_text, styled, terminal_width, Context};
use crate::catalogue::facets::{Facet, Filters};
use crate::catalogue::{Catalogue, SortKey};
use crate::cli::FacetArgs;
use crate::i18n::{t, tf};
use crate::model::Annotation;
use crate::present::format::{quoted, MISSING};
use crate::present::sanitize;
use crate::present::table::Table;
use crate::search::fields::{Field, Reason};
use crate::search::snippet;
use crate::store::Store;
use anyhow::anyhow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;

/// What a list shows: the fuzzy filter and the facet filters.
#[derive(Default)]
pub struct Query {
    pub filter: Option<String>,
    pub facets: Filters,
}

impl Query {
    pub fn new(filter: Option<String>, facets: &FacetArgs) -> anyhow::Result<Query> {
        if let Some(q) = &filter {
            bounded(q)?;
        }
        let facets = facets.filters().map_err(|e| anyhow!("--active: {e}"))?;
        Ok(Query { filter, facets })
    }
}

/// A query of the command line within its bound, or the one line saying not.
fn bounded(query: &str) -> anyhow::Result<()> {
    crate::search::query::check_bound(query).map_err(|e| anyhow!(e))
}

/// The projects with the user's annotations, for listing and exporting.
pub struct Listing {
    pub cat: Catalogue,
    pub annotations: HashMap<String, Annotation>,
}

impl Query {
    /// Does this query filter on the user's notes?
    pub fn uses_notes(&self) -> bool {
        self.facets
            .chosen
            .keys()
            .any(|f| matches!(f, Facet::Bookmark | Facet::Review))
    }
}

impl Listing {
    /// The projects, and the user's notes when `notes` (reading notes is
    /// left out otherwise, so damaged notes never stop a plain list).
    pub fn load(
        ctx: &Context,
        store: &Store,
        notes: bool,
        facets: bool,
    ) -> anyhow::Result<Listing> {
        let annotations = match notes {
            true => ctx.open_notes()?.all()?,
            false => Vec::new(),
        };
        Ok(Listing {
            cat: Catalogue::load_with(store, facets)?,
            annotations: annotations
                .into_iter()
                .map(|a| (a.key.clone(), a))
                .collect(),
        })
    }

    /// Indices of the projects to show, in order: filtered (best first)
    /// and sorted when asked, by name when neither. A facet value no
    /// project has is an error naming the values there are.
    pub fn select(
        &self,
        store: &Store,
        query: &Query,
        sort: Option<SortKey>,
    ) -> anyhow::Result<Vec<usize>> {
        let filters = numbers_named(store, &query.facets)?;
        self.check_values(&filters)?;
        let filter = query.filter.as_deref();
        let mut indices = self.searched(store, query)?;
        let notes = |key: &str| self.annotations.get(key);
        let undated = self.cat.apply_facets(&mut indices, &filters, &notes);
        if undated > 0 {
            let active = filters.active.as_ref().map_or("", |a| a.text.as_str());
            let what = match undated {
                1 => t("project without a start date"),
                _ => t("projects without a start date"),
            };
            crate::say!(
                "esf: --active {} {} {undated} {what}",
                crate::present::format::clipped(active),
                t("leaves out")
            );
        }
        let sort = sort.or(filter.is_none().then_some(SortKey::Name));
        if let Some(key) = sort {
            self.cat.sort(&mut indices, key);
        }
        Ok(indices)
    }

    /// Each value of a facet with its count under the query's filters.
    pub fn counts(
        &self,
        store: &Store,
        query: &Query,
        facet: Facet,
    ) -> anyhow::Result<Vec<(String, usize)>> {
        let filters = numbers_named(store, &query.facets)?;
        let rows = self.searched(store, query)?;
        let notes = |key: &str| self.annotations.get(key);
        Ok(self.cat.facet_counts(facet, &rows, &filters, &notes))
    }

    /// The projects the search box finds (best first), or all of them.
    fn searched(&self, store: &Store, query: &Query) -> anyhow::Result<Vec<usize>> {
        Ok(match query.filter.as_deref() {
            Some(q) => self.cat.search(q, store)?.iter().map(|m| m.index).collect(),
            None => (0..self.cat.projects.len()).collect(),
        })
    }

    fn check_values(&self, filters: &Filters) -> anyhow::Result<()> {
        for (facet, value) in &filters.chosen {
            if matches!(facet, Facet::Bookmark | Facet::Review)
                || self.cat.facets.resolve(*facet, value).is_some()
            {
                continue;
            }
            let every: Vec<usize> = (0..self.cat.projects.len()).collect();
            let notes = |key: &str| self.annotations.get(key);
            let known = self
                .cat
                .facet_counts(*facet, &every, &Filters::default(), &notes);
            let label = t(facet.label()).to_lowercase();
            let mut message = tf("no project has {} {}", &[&label, &quoted(value)]);
            let names: Vec<&str> = known.iter().map(|(v, _)| v.as_str()).collect();
            let near = crate::search::nearest(value, &names, 5);
            if !names.is_empty() && names.len() <= 12 {
                message.push_str(&tf("; there are: {}", &[&names.join(", ")]));
            } else if !near.is_empty() {
                message.push_str(&tf("; did you mean: {}", &[&near.join(", ")]));
            }
            return Err(anyhow!(message));
        }
        Ok(())
    }
}

/// The filters with an organisationsnummer given to `--org` replaced by the
/// name of the organisation that has it (left as it is when none has).
fn numbers_named(store: &Store, filters: &Filters) -> anyhow::Result<Filters> {
    let mut named = filters.clone();
    if let Some(value) = named.chosen.get_mut(&Facet::Organisation) {
        if let Some(number) = crate::model::org_number::normalise(value) {
            if let Some(name) = store.organisation_numbered(&number)? {
                *value = name;
            }
        }
    }
    Ok(named)
}

/// `esf list`: projects, or with `--facet` the counts of a facet's values.
pub fn run_args(ctx: &Context, a: crate::cli::ListArgs) -> anyhow::Result<ExitCode> {
    let query = Query::new(a.filter, &a.facets)?;
    match a.facet {
        Some(facet) => facet_counts(ctx, &query, facet, a.json),
        None => run(
            ctx,
            &query,
            a.sort,
            a.json.then_some(a.with_contacts),
            a.snippets,
        ),
    }
}

/// Projects as a table, or JSON when `json` is `Some(with contacts)`.
pub fn run(
    ctx: &Context,
    query: &Query,
    sort: Option<SortKey>,
    json: Option<bool>,
    snippets: bool,
) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let filter = query.filter.as_deref().filter(|q| !q.trim().is_empty());
    match (filter, query.facets.is_empty(), sort) {
        (Some(filter), true, None) => return super::matches::run(&store, filter, json, snippets),
        (None, true, None | Some(SortKey::Name)) => return super::matches::run_all(&store, json),
        _ => {}
    }
    let listing = Listing::load(ctx, &store, query.uses_notes(), !query.facets.is_empty())?;
    let indices = listing.select(&store, query, sort)?;
    let cat = &listing.cat;
    let matched = |i: usize| filter.map(|q| cat.explain_with_text(i, q, &store));
    if let Some(contacts) = json {
        let keys: Vec<&str> = indices.iter().map(|&i| cat.projects.key(i)).collect();
        let listed: Vec<Listed> = store
            .records(&keys)?
            .into_iter()
            .zip(&indices)
            .map(|(record, &i)| Listed {
                record: super::matches::with_contacts(record, contacts),
                matched: matched(i),
            })
            .collect();
        print_json(&listed)?;
        return Ok(super::found(!indices.is_empty()));
    }
    if indices.is_empty() {
        let mut what: Vec<String> = query.filter.iter().map(|q| quoted(q)).collect();
        if !query.facets.is_empty() {
            what.push(crate::present::format::clipped(&query.facets.describe()));
        }
        let what = what.join(&format!(" {} ", t("with")));
        crate::say!("esf: {} {what}", t("no project matches"));
        return Ok(super::found(false));
    }
    let mut headers = ["ID", "NAME", "OWNER", "REGION", "PERIOD"].map(t).to_vec();
    headers.extend(filter.map(|_| t("MATCHED")));
    let flexible: &[usize] = match filter {
        Some(_) => &[1, 5, 2, 3],
        None => &[1, 2, 3],
    };
    let mut table = Table::new(&headers).flexible(flexible);
    for &i in &indices {
        let mut cells = row(&cat.projects.get(i));
        cells.extend(matched(i).map(|r| crate::present::format::reasons(&r)));
        table.row(cells);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(super::found(true))
}

/// `esf list --facet F`: each value with its number of projects.
pub fn facet_counts(
    ctx: &Context,
    query: &Query,
    facet: Facet,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let notes = query.uses_notes() || matches!(facet, Facet::Bookmark | Facet::Review);
    let unfiltered = query.filter.is_none() && query.facets.is_empty();
    let counts = match unfiltered
        .then(|| store.facet_counts(facet))
        .transpose()?
        .flatten()
    {
        Some(counts) => counts,
        None => {
            let listing = Listing::load(ctx, &store, notes, true)?;
            listing.counts(&store, query, facet)?
        }
    };
    if json {
        #[derive(serde::Serialize)]
        struct Count<'a> {
            value: &'a str,
            projects: usize,
        }
        let rows: Vec<Count> = counts
            .iter()
            .map(|(v, n)| Count {
                value: v,
                projects: *n,
            })
            .collect();
        print_json(&rows)?;
        return Ok(super::found(!counts.is_empty()));
    }
    let label = t(facet.label()).to_uppercase();
    let mut table = Table::new(&[t("PROJECTS"), &label])
        .flexible(&[1])
        .right_aligned(&[0]);
    for (value, n) in &counts {
        table.row(vec![n.to_string(), value.clone()]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(super::found(!counts.is_empty()))
}

/// `esf search` from its arguments.
pub fn search_args(ctx: &Context, a: crate::cli::SearchArgs) -> anyhow::Result<ExitCode> {
    let words = a.words.join(" ");
    bounded(&words)?;
    let query = Query::new(None, &a.facets)?;
    search(ctx, &words, a.limit, &query, a.json)
}

/// Texts holding every word, best first, among the projects the query's
/// facets keep.
pub fn search(
    ctx: &Context,
    words: &str,
    limit: usize,
    query: &Query,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let hits = match query.facets.is_empty() {
        true => store.search(words, limit)?,
        false => {
            let listing = Listing::load(ctx, &store, query.uses_notes(), true)?;
            let kept: std::collections::HashSet<&str> = listing
                .select(&store, query, None)?
                .into_iter()
                .map(|i| listing.cat.projects.key(i))
                .collect();
            let mut hits = store.search(words, usize::MAX)?;
            hits.retain(|h| kept.contains(h.key.as_str()));
            hits.truncate(limit);
            hits
        }
    };
    if hits.is_empty() {
        let said = format!("{} {}", t("no project contains"), quoted(words));
        return super::nothing_found(json, &said);
    }
    if json {
        let hits: Vec<Hit> = hits.iter().map(Hit::of).collect();
        print_json(&hits)?;
        return Ok(super::found(true));
    }
    let mut out = String::new();
    for hit in &hits {
        let name = hit.name.as_deref().unwrap_or(MISSING);
        let owner = hit
            .owner
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}  {}{}",
            sanitize::line(&hit.key),
            sanitize::line(name),
            sanitize::line(&owner)
        );
        let snippet = snippet::bracketed(&snippet::from_marked(Field::Text, &hit.snippet));
        let _ = writeln!(out, "    {}", sanitize::line(&snippet));
    }
    print_text(&out)?;
    Ok(super::found(true))
}

/// A hit of `search --json`: the project's key and id, and the words
/// around the match as `list --json` gives a match (text and positions).
#[derive(serde::Serialize)]
struct Hit<'a> {
    key: &'a str,
    id: Option<&'a str>,
    name: Option<&'a str>,
    owner: Option<&'a str>,
    matched: [Reason; 1],
    rank: f64,
}

impl Hit<'_> {
    fn of(hit: &crate::model::SearchHit) -> Hit<'_> {
        let field = if hit.by_id { Field::Id } else { Field::Text };
        Hit {
            key: &hit.key,
            id: hit.id.as_deref(),
            name: hit.name.as_deref(),
            owner: hit.owner.as_deref(),
            matched: [snippet::from_marked(field, &hit.snippet)],
            rank: hit.rank,
        }
    }
}

/// "Vellinge kommun (also: Vellinge Municipality)".
fn named_with_others(o: &crate::model::OrgSummary) -> String {
    match o.other_names.is_empty() {
        true => o.name.clone(),
        false => format!("{} ({} {})", o.name, t("also:"), o.other_names.join("; ")),
    }
}

pub fn orgs(ctx: &Context, filter: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    if let Some(q) = filter {
        bounded(q)?;
    }
    let store = ctx.open_for_reading()?;
    let mut orgs = store.organisations()?;
    if let Some(q) = filter {
        let found = crate::search::orgs::OrgFilter::new(&orgs).filter(&orgs, q);
        orgs = found.into_iter().map(|i| orgs[i].clone()).collect();
    }
    if orgs.is_empty() {
        let said = match filter {
            Some(q) => tf("no organisation matches {}", &[&quoted(q)]),
            None => t("no organisations in the cache").to_string(),
        };
        return super::nothing_found(json, &said);
    }
    if json {
        print_json(&orgs)?;
        return Ok(ExitCode::SUCCESS);
    }
    let headers = crate::model::ORG_COLUMNS.map(t);
    let mut table = Table::new(&headers)
        .flexible(&[1, 4, 5])
        .right_aligned(&[0]);
    for o in &orgs {
        table.row(vec![
            o.projects.to_string(),
            named_with_others(o),
            o.org_numbers.join(", "),
            crate::i18n::word(&o.kind).to_string(),
            crate::i18n::words(&o.roles),
            o.parent.clone().unwrap_or_default(),
        ]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(super::found(!orgs.is_empty()))
}
