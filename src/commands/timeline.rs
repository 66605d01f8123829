//! `esf timeline`: the projects of an organisation, a municipality or a
//! search as bars over the years, with the gaps between them.

use super::list::{Listing, Query};
use super::{print_json, print_text, terminal_width, Context};
use crate::catalogue::facets::Facet;
use crate::catalogue::timeline::{self, Bar};
use crate::cli::{FacetArgs, TimelineArgs};
use crate::i18n::tf;
use crate::ingest::gazetteer::gazetteer;
use crate::model::ProjectSummary;
use crate::present::format::quoted;
use crate::store::Store;
use std::process::ExitCode;

pub fn run(ctx: &Context, a: TimelineArgs) -> anyhow::Result<ExitCode> {
    if let Some(org) = &a.org {
        super::show::bounded_id(org)?;
    }
    let store = ctx.open_for_reading()?;
    let projects = match (&a.org, &a.municipality, &a.filter) {
        (Some(org), None, None) => of_organisation(&store, org)?,
        _ => listed(ctx, &store, &a)?,
    };
    if projects.is_empty() {
        return nothing(&a);
    }
    let tl = timeline::build(projects.iter().map(Bar::of).collect());
    if a.json {
        print_json(&tl)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!("{}\n", title(&a, tl.projects.len() + tl.undated.len()));
    let width = terminal_width().unwrap_or(crate::present::timeline::MIN_WIDTH);
    out.push_str(&crate::present::timeline::text(&tl, width));
    print_text(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// An organisation's projects straight from the cache (its units' too),
/// without loading every project as a search does.
fn of_organisation(store: &Store, org: &str) -> anyhow::Result<Vec<ProjectSummary>> {
    Ok(store.projects_of_organisation(org)?)
}

/// The projects a search, a municipality and an organisation together
/// leave, as `esf list` finds them.
fn listed(ctx: &Context, store: &Store, a: &TimelineArgs) -> anyhow::Result<Vec<ProjectSummary>> {
    let listing = Listing::load(ctx, store, false, true)?;
    let Some(query) = query(store, &listing, a)? else {
        return Ok(Vec::new());
    };
    let rows = listing.select(store, &query, None)?;
    Ok(rows.iter().map(|&i| listing.cat.projects.get(i)).collect())
}

/// The list's query for what was asked; `None` when an organisation or a
/// municipality is known to have no project.
fn query(store: &Store, listing: &Listing, a: &TimelineArgs) -> anyhow::Result<Option<Query>> {
    let mut facets = FacetArgs::default();
    if let Some(org) = &a.org {
        let Some(name) = store.find_organisation(org)? else {
            return Ok(None);
        };
        if listing
            .cat
            .facets
            .resolve(Facet::Organisation, &name)
            .is_none()
        {
            return Ok(None);
        }
        facets.org = Some(name);
    }
    if let Some(m) = &a.municipality {
        let known = gazetteer().municipality(m).map(|m| m.name.clone());
        let name = known.clone().unwrap_or_else(|| m.clone());
        if known.is_some()
            && listing
                .cat
                .facets
                .resolve(Facet::Municipality, &name)
                .is_none()
        {
            return Ok(None);
        }
        facets.municipality = Some(name);
    }
    Ok(Some(Query::new(a.filter.clone(), &facets)?))
}

/// One line on stderr (`[]` with `--json`), exit status 1.
fn nothing(a: &TimelineArgs) -> anyhow::Result<ExitCode> {
    if a.json {
        print_text("[]\n")?;
    }
    let asked = [&a.org, &a.municipality, &a.filter]
        .into_iter()
        .flatten()
        .map(|s| quoted(s))
        .collect::<Vec<_>>()
        .join(" ");
    crate::say!("esf: {}", tf("no project for {}", &[&asked]));
    Ok(super::found(false))
}

fn title(a: &TimelineArgs, n: usize) -> String {
    let mut what = Vec::new();
    if let Some(org) = &a.org {
        what.push(tf("organisation {}", &[&quoted(org)]));
    }
    if let Some(m) = &a.municipality {
        what.push(tf("municipality {}", &[&quoted(m)]));
    }
    if let Some(q) = &a.filter {
        what.push(tf("search {}", &[&quoted(q)]));
    }
    let n_text = crate::i18n::t_count(n, "projects");
    tf("Timeline of {}: {}", &[&what.join(", "), &n_text])
}
