//! `esf graph` and `esf related`: the partner graph on the command line.

use super::{print_json, print_text, styled, terminal_width, Context};
use crate::graph::{self, Ego};
use crate::i18n::{t, t_count, tf, word};
use crate::present::sanitize;
use crate::present::table::Table;
use crate::store::{Store, StoreError};
use std::fmt::Write as _;
use std::process::ExitCode;

/// Neighbours shown per group.
const PER_GROUP: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Dot,
}

impl Output {
    pub fn from_flags(json: bool, dot: bool) -> Output {
        match (json, dot) {
            (true, _) => Output::Json,
            (_, true) => Output::Dot,
            _ => Output::Text,
        }
    }
}

/// `esf graph` from its arguments.
pub fn run_args(ctx: &Context, a: crate::cli::GraphArgs) -> anyhow::Result<ExitCode> {
    let output = Output::from_flags(a.json, a.dot);
    let limit = match a.limit {
        0 => usize::MAX,
        n => n,
    };
    run(ctx, &a.id, a.depth, (!a.branches, limit), output)
}

/// `shown`: branches rolled up, and how many of an organisation's
/// projects are shown.
pub fn run(
    ctx: &Context,
    id: &str,
    depth: u8,
    shown: (bool, usize),
    output: Output,
) -> anyhow::Result<ExitCode> {
    super::show::bounded_id(id)?;
    let store = ctx.open_for_reading()?;
    let Some(ego) = ego_for(&store, id, shown)? else {
        return not_found(&store, id, output == Output::Json);
    };
    match output {
        Output::Json => print_json(&with_ids(&store, graph::to_json(&ego, depth))?)?,
        Output::Dot => print_text(&graph::to_dot(&graph::to_json(&ego, depth)))?,
        Output::Text => print_text(&tree(&ego, depth))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Each project node with its diarienummer as written.
fn with_ids(store: &Store, mut json: graph::GraphJson) -> anyhow::Result<graph::GraphJson> {
    for node in &mut json.nodes {
        if let Some(key) = &node.key {
            node.id = Some(super::show::id_of(store, key)?);
        }
    }
    Ok(json)
}

/// The ego network of a project, or else of an organisation.
fn ego_for(store: &Store, id: &str, (rollup, limit): (bool, usize)) -> anyhow::Result<Option<Ego>> {
    match store.neighbourhood_of_project(id, rollup) {
        Ok((key, nb)) => return Ok(Some(graph::ego_of_project(&nb, &key, PER_GROUP))),
        Err(StoreError::NotFound(_)) => {}
        Err(e) => return Err(e.into()),
    }
    match store.neighbourhood_of_org(id, rollup, limit) {
        Ok((node, nb)) => Ok(Some(graph::ego_of_org(&nb, &node, limit, PER_GROUP))),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Says nothing is called `id`, with the projects and organisations
/// nearest to it.
fn not_found(store: &Store, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let similar = super::matches::similar(store, id, 3)?;
    let mut close: Vec<String> = similar.into_iter().map(|(key, _)| key).collect();
    let orgs = store.organisation_names()?;
    let names: Vec<&str> = orgs.iter().map(String::as_str).collect();
    close.extend(
        crate::search::nearest(id, &names, 3)
            .into_iter()
            .map(|n| format!("\"{n}\"")),
    );
    let id = crate::present::format::quoted(id);
    let said = match close.is_empty() {
        true => tf("no project or organisation {}", &[&id]),
        false => tf(
            "no project or organisation {}; did you mean {}?",
            &[&id, &close.join(", ")],
        ),
    };
    super::nothing_found(json, &said)
}

/// The ego network as an indented tree.
fn tree(ego: &Ego, depth: u8) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", describe(&ego.center));
    for (i, group) in ego.groups.iter().enumerate() {
        let last = i + 1 == ego.groups.len() && ego.more == 0;
        let (branch, rail) = if last {
            ("└─", "   ")
        } else {
            ("├─", "│  ")
        };
        let size = if group.node.is_project() {
            String::new()
        } else {
            format!(" · {}", t_count(group.size, "projects"))
        };
        let _ = writeln!(
            out,
            "{branch} {:<12} {}{size}",
            t(group.node.role.as_str()),
            describe(&group.node)
        );
        if depth < 2 {
            continue;
        }
        for other in &group.others {
            let _ = writeln!(out, "{rail}   · {}", describe(other));
        }
        if group.more > 0 {
            let _ = writeln!(out, "{rail}   + {}", tf("{} more", &[&group.more]));
        }
    }
    if ego.more > 0 {
        let _ = writeln!(out, "└─ + {}", tf("{} more projects", &[&ego.more]));
    }
    out
}

fn describe(m: &graph::Member) -> String {
    let text = if m.is_project() && m.label != m.id {
        format!("{} ({})", m.label, m.id)
    } else if m.is_project() {
        m.id.clone()
    } else {
        format!("{} [{}]", m.label, word(m.kind.name()))
    };
    sanitize::line(&text).into_owned()
}

pub fn related(
    ctx: &Context,
    id: &str,
    limit: usize,
    rollup: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    super::show::bounded_id(id)?;
    let store = ctx.open_for_reading()?;
    let (key, nb) = match store.neighbourhood_of_project(id, rollup) {
        Ok(found) => found,
        Err(StoreError::NotFound(_)) => return not_found(&store, id, json),
        Err(e) => return Err(e.into()),
    };
    let mut found = graph::related(&nb, &key, limit);
    for r in &mut found {
        r.id = super::show::id_of(&store, &r.key)?;
    }
    if found.is_empty() {
        let said = tf("no project shares an organisation with {}", &[&key]);
        return super::nothing_found(json, &said);
    }
    if json {
        print_json(&found)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&["SCORE", "ID", "NAME", "SHARED"].map(t))
        .flexible(&[2, 3])
        .right_aligned(&[0]);
    for r in &found {
        table.row(vec![
            crate::present::format::decimal(r.score, 2),
            r.key.clone(),
            r.name.clone(),
            r.shared
                .iter()
                .map(|s| s.text())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(ExitCode::SUCCESS)
}
