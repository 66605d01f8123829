//! `esf list`, `esf search`, `esf orgs`: projects and organisations as
//! aligned tables, or JSON.

use super::{print_json, print_text, styled, terminal_width, Context};
use crate::catalogue::{Catalogue, SortKey};
use crate::report;
use crate::sanitize;
use crate::search::Haystacks;
use crate::store::ProjectSummary;
use crate::table::Table;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Indices of the projects to show, in order: filtered (best first) and
/// sorted when asked, by name when neither.
pub fn select(cat: &Catalogue, filter: Option<&str>, sort: Option<SortKey>) -> Vec<usize> {
    let mut indices: Vec<usize> = match filter {
        Some(q) => cat.filter(q).into_iter().map(|m| m.index).collect(),
        None => (0..cat.projects.len()).collect(),
    };
    let sort = sort.or(filter.is_none().then_some(SortKey::Name));
    if let Some(key) = sort {
        cat.sort(&mut indices, key);
    }
    indices
}

pub fn run(
    ctx: &Context,
    filter: Option<&str>,
    sort: Option<SortKey>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let cat = Catalogue::load(&store)?;
    let indices = select(&cat, filter, sort);
    if json {
        let keys: Vec<&str> = indices
            .iter()
            .map(|&i| cat.projects[i].key.as_str())
            .collect();
        print_json(&store.records(&keys)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if indices.is_empty() {
        if let Some(q) = filter {
            eprintln!("esf: no project matches \"{}\"", sanitize::line(q));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&["ID", "NAME", "OWNER", "REGION", "PERIOD"]).flexible(&[1, 2, 3]);
    for &i in &indices {
        table.row(row(&cat.projects[i]));
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(ExitCode::SUCCESS)
}

fn row(p: &ProjectSummary) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    vec![
        p.key.clone(),
        text(&p.name),
        text(&p.owner),
        text(&p.region),
        report::period_text(p.start_date.as_deref(), p.end_date.as_deref())
            .unwrap_or_else(|| "—".into()),
    ]
}

pub fn search(ctx: &Context, words: &str, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let hits = store.search(words, limit)?;
    if json {
        print_json(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        eprintln!("esf: no project contains \"{}\"", sanitize::line(words));
    }
    let mut out = String::new();
    for hit in &hits {
        let name = hit.name.as_deref().unwrap_or("—");
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
        let _ = writeln!(out, "    {}", sanitize::line(&hit.snippet));
    }
    print_text(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn orgs(ctx: &Context, filter: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let mut orgs = store.organisations()?;
    if let Some(q) = filter {
        let haystacks = Haystacks::new(orgs.iter().map(|o| o.name.as_str()));
        let order: Vec<usize> = haystacks.filter(q).into_iter().map(|m| m.index).collect();
        orgs = order.into_iter().map(|i| orgs[i].clone()).collect();
    }
    if json {
        print_json(&orgs)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&["PROJECTS", "ORGANISATION", "KIND", "ROLES", "PART OF"])
        .flexible(&[1, 4])
        .right_aligned(&[0]);
    for o in &orgs {
        table.row(vec![
            o.projects.to_string(),
            o.name.clone(),
            o.kind.clone(),
            o.roles.join(", "),
            o.parent.clone().unwrap_or_default(),
        ]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(ExitCode::SUCCESS)
}
