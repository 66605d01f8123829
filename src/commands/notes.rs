//! `esf note`, `esf bookmark`, `esf review`, `esf notes`: the caseworker's
//! own records of projects, kept apart from the cache.

use super::{print_data, print_text, styled, terminal_width, Context};
use crate::i18n::{t, tf};
use crate::model::{Annotation, ReviewState};
use crate::present::notes_file::{self, Exported};
use crate::present::sanitize;
use crate::present::table::Table;
use crate::store::{key_typed, Notes, Store, StoreError};
use anyhow::{anyhow, Context as _};
use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

pub enum Output {
    Text,
    Json,
    Markdown,
}

impl Output {
    pub fn from_flags(json: bool, markdown: bool) -> Output {
        match (json, markdown) {
            (true, _) => Output::Json,
            (_, true) => Output::Markdown,
            _ => Output::Text,
        }
    }
}

/// The keys a user may mean by an ID: as typed (derived keys are lower
/// case) and as a diarienummer is written.
fn key_forms(id: &str) -> [String; 3] {
    [
        id.trim().to_string(),
        id.trim().to_lowercase(),
        key_typed(id),
    ]
}

/// The key and name of the project an ID names. A project gone from the
/// cache can still be annotated if it has notes (they are orphaned).
fn target(store: &Store, notes: &Notes, id: &str) -> anyhow::Result<(String, Option<String>)> {
    match store.project(id) {
        Ok(p) => Ok((p.key, p.project.name)),
        Err(StoreError::NotFound(_)) => {
            for key in key_forms(id) {
                if notes.get(&key)?.is_some() {
                    return Ok((key, None));
                }
            }
            Err(anyhow!(super::show::not_found(store, id)?))
        }
        Err(e) => Err(e.into()),
    }
}

/// Applies one change to one project's annotation and says what is stored.
fn change(
    ctx: &Context,
    id: &str,
    what: &str,
    apply: impl FnOnce(&mut Annotation),
) -> anyhow::Result<ExitCode> {
    super::show::bounded_id(id)?;
    let store = ctx.open_for_reading()?;
    let mut notes = ctx.open_notes()?;
    let (key, name) = target(&store, &notes, id)?;
    notes.update(&key, name.as_deref(), apply)?;
    let name = name.map(|n| format!(" ({n})")).unwrap_or_default();
    print_text(&format!(
        "{}\n",
        sanitize::line(&format!("{key}{name}: {what}"))
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn note(ctx: &Context, id: &str, text: &str, clear: bool) -> anyhow::Result<ExitCode> {
    if clear {
        return change(ctx, id, t("note removed"), |a| a.note.clear());
    }
    if text.trim().is_empty() {
        return show_note(ctx, id);
    }
    change(ctx, id, t("note saved"), |a| a.note = text.to_string())
}

fn show_note(ctx: &Context, id: &str) -> anyhow::Result<ExitCode> {
    super::show::bounded_id(id)?;
    let store = ctx.open_for_reading()?;
    let notes = ctx.open_notes()?;
    let (key, _) = target(&store, &notes, id)?;
    match notes.get(&key)?.filter(|a| !a.note.is_empty()) {
        Some(a) => print_text(&format!("{}\n", sanitize::text(&a.note)))?,
        None => crate::say!("esf: {} {}", t("no note for"), sanitize::line(&key)),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn bookmark(ctx: &Context, id: &str, on: bool) -> anyhow::Result<ExitCode> {
    let what = t(if on { "bookmarked" } else { "bookmark removed" });
    change(ctx, id, what, |a| a.bookmarked = on)
}

pub fn review(ctx: &Context, id: &str, state: ReviewState) -> anyhow::Result<ExitCode> {
    change(
        ctx,
        id,
        &format!("{}: {}", t("review"), t(state.as_str())),
        |a| {
            a.review = state;
        },
    )
}

/// `esf notes` and `esf notes import FILE`.
pub fn run_args(ctx: &Context, a: crate::cli::NotesArgs) -> anyhow::Result<ExitCode> {
    match a.action {
        Some(crate::cli::NotesAction::Import { file }) => import(ctx, &file),
        None => list(ctx, Output::from_flags(a.json, a.markdown)),
    }
}

pub fn list(ctx: &Context, output: Output) -> anyhow::Result<ExitCode> {
    let notes = ctx.open_notes()?;
    let all = notes.all()?;
    let store = ctx.open_for_reading()?;
    let present: HashSet<String> = store.project_keys()?.into_iter().collect();
    // Lost here, not merely another cache's project.
    let removed = store.removed_keys()?;
    let orphaned: Vec<bool> = all
        .iter()
        .map(|a| !present.contains(&a.key) && removed.contains(&a.key))
        .collect();
    let all = match output {
        Output::Markdown => all.into_iter().map(inert).collect(),
        _ => all,
    };
    let mut exported = Vec::with_capacity(all.len());
    for (a, orphaned) in all.iter().zip(orphaned) {
        let id = match present.contains(&a.key) {
            true => store.summary_of(&a.key)?.and_then(|s| s.id),
            false => None,
        };
        exported.push(Exported {
            annotation: a,
            id,
            orphaned,
        });
    }
    match output {
        Output::Json => print_data(&(crate::present::safe_json::to_string(&exported) + "\n"))?,
        Output::Markdown => print_data(&notes_file::to_markdown(&exported))?,
        Output::Text if exported.is_empty() => crate::say!("esf: {}", t("no notes yet")),
        Output::Text => print_text(&table(&exported).render(terminal_width(), styled()))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A note as the Markdown gives it, which a file or a renderer may show:
/// what documents gave (the key, the name) inert, as in `esf export`; the
/// note as written, but no control character.
fn inert(a: Annotation) -> Annotation {
    Annotation {
        key: sanitize::markdown(&a.key),
        name: a.name.as_deref().map(sanitize::markdown),
        note: sanitize::text(&a.note).into_owned(),
        ..a
    }
}

fn table(notes: &[Exported]) -> Table {
    let headers = ["ID", "MARK", "REVIEW", "STATUS", "NAME", "NOTE"].map(t);
    let mut table = Table::new(&headers).flexible(&[5, 4]);
    for e in notes {
        let a = e.annotation;
        let mark = if a.bookmarked { "★" } else { "" };
        let status = if e.orphaned { t("orphaned") } else { "" };
        let first_line = a.note.lines().next().unwrap_or("");
        table.row(vec![
            a.key.clone(),
            mark.to_string(),
            t(a.review.as_str()).to_string(),
            status.to_string(),
            a.name.clone().unwrap_or_default(),
            first_line.to_string(),
        ]);
    }
    table
}

/// A notes export's text: a regular file (a FIFO is never waited on) of
/// at most 128 MB (every note of 100,000 projects is far less).
fn read_notes_file(file: &Path) -> anyhow::Result<String> {
    use crate::files::read_bounded::{read, Links};
    let bytes = read(file, 128 << 20, Links::Follow).map_err(|e| anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}

pub fn import(ctx: &Context, file: &Path) -> anyhow::Result<ExitCode> {
    let shown = file.display();
    let text = read_notes_file(file).with_context(|| tf("cannot read {}", &[&shown]))?;
    let incoming = notes_file::parse(&text).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let mut notes = ctx.open_notes()?;
    let report = notes.merge(&incoming)?;
    let counts: [&dyn std::fmt::Display; 4] = [
        &report.added,
        &report.updated,
        &report.unchanged,
        &report.kept_newer,
    ];
    let mut line = tf(
        "{} added, {} updated, {} already the same, {} kept (changed here later)",
        &counts,
    );
    if let Some(backup) = &report.backup {
        let backup = backup.display();
        line.push_str(&tf("; the notes before were saved to {}", &[&backup]));
    }
    print_text(&format!("{}\n", sanitize::line(&line)))?;
    Ok(ExitCode::SUCCESS)
}
