//! `esf parse --explain`: for each field of a document's record, the line
//! of the document that gave it (or why no line did), and the warnings.

use super::parse::{parse_read, read_file, unreadable_file, Parsed};
use crate::files::{self, Found as File};
use crate::i18n::{t, tf};
use crate::ingest::explain::{explain, window, Explained, Explanation, Found};
use crate::model::{Format, ParsedDocument};
use crate::present::report::LABEL_WIDTH;
use crate::present::sanitize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The width the readable explanation keeps to.
const WIDTH: usize = 80;

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut all = Vec::new();
    let mut unreadable = 0;
    for found in files::expand(paths, files::Links::Follow) {
        let explained = match found {
            File::File(path, _) => explain_path(&path),
            File::Unlistable(path, reason) => Err((path, reason)),
        };
        match explained {
            Ok(e) => all.push(e),
            Err((path, why)) => {
                unreadable += 1;
                let doc = unreadable_file(&path.to_string_lossy(), &why);
                all.push(explain(&doc, &[]));
            }
        }
    }
    print(&all, json)?;
    Ok(match unreadable {
        0 => ExitCode::SUCCESS,
        _ => super::failed(),
    })
}

/// A document explained against its own cleaned lines; a list of projects
/// as a list (its fields are its columns, not lines).
fn explain_path(path: &Path) -> Result<Explanation, (PathBuf, String)> {
    let failed = |why: String| (path.to_path_buf(), why);
    let bytes = read_file(path).map_err(failed)?;
    match parse_read(path, &bytes).map_err(failed)? {
        Parsed::Doc(doc) => {
            let lines = crate::ingest::text::clean(&bytes)
                .map(|c| c.lines)
                .unwrap_or_default();
            Ok(explain(&doc, &lines))
        }
        Parsed::List(list) => {
            let mut doc = ParsedDocument::skipped(&path.to_string_lossy(), "");
            doc.format = list.format;
            doc.skipped_reason = None;
            doc.title = Some(list.title);
            doc.warnings = list.warnings;
            let mut e = explain(&doc, &[]);
            e.fields.clear();
            Ok(e)
        }
    }
}

fn print(all: &[Explanation], json: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        crate::present::safe_json::to_writer(&mut out, all)?;
        writeln!(out)?;
    } else {
        for e in all {
            writeln!(out, "{}", text(e))?;
        }
    }
    Ok(())
}

/// One document's explanation, kept within 80 columns.
pub fn text(e: &Explanation) -> String {
    let mut out = String::new();
    let format = e.format.as_str();
    let _ = writeln!(out, "{}  [{format}]", sanitize::line(&e.source));
    if let Some(reason) = &e.skipped_reason {
        let _ = writeln!(out, "  {}: {}", t("skipped"), sanitize::line(reason));
    }
    if matches!(e.format, Format::ProjectList | Format::KohesioList) {
        let title = e.title.as_deref().unwrap_or_default();
        let _ = writeln!(out, "  {}", sanitize::line(title));
        let _ = writeln!(
            out,
            "  {}",
            t("a list: each row's fields are its cells; --explain reads documents")
        );
    }
    let mut not_stated = Vec::new();
    for f in &e.fields {
        match f.found {
            Found::NotStated => not_stated.push(label(f.field)),
            _ => field_text(&mut out, f, format),
        }
    }
    not_stated.dedup();
    if !not_stated.is_empty() {
        let said = format!("{}: {}", t("Not stated"), not_stated.join(", "));
        for line in wrapped(&said, WIDTH - 2) {
            let _ = writeln!(out, "  {line}");
        }
    }
    for w in &e.warnings {
        let said = format!("{}: {}", t("warning"), sanitize::line(w));
        for (i, line) in wrapped(&said, WIDTH - 4).iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{}", cut(line, WIDTH - indent.len()));
        }
    }
    out
}

/// `Owner   VELLINGE KOMMUN` and, below the value, where it came from.
fn field_text(out: &mut String, f: &Explained, format: &str) {
    let value = match (f.field, f.value.as_str()) {
        ("kind", Some("final_report")) => t("final report").to_string(),
        ("kind", Some(_)) => t("page about a project").to_string(),
        _ => crate::present::detail::value_text(f.field, &f.value),
    };
    let value = cut(&sanitize::line(&value), WIDTH - 2 - LABEL_WIDTH);
    let _ = writeln!(out, "  {:<LABEL_WIDTH$}{value}", label(f.field));
    let whence = match f.found {
        Found::Line => where_text(f),
        Found::Format => tf("from the format ({})", &[&format]),
        _ => t("derived: not written so in the text").to_string(),
    };
    let _ = writeln!(out, "  {:<LABEL_WIDTH$}{whence}", "");
}

/// `line 18 (Projektägare): VELLINGE KOMMUN`, the line cut around the
/// value to what is left of the width.
fn where_text(f: &Explained) -> String {
    let line = f.line.unwrap_or_default();
    let mut head = match f.last_line {
        Some(last) => tf("lines {}–{}", &[&line, &last]),
        None => tf("line {}", &[&line]),
    };
    if let Some(label) = &f.label {
        let label = label.trim_end_matches(':');
        let _ = write!(head, " ({})", cut(&sanitize::line(label), 24));
    }
    let room = (WIDTH - 2 - LABEL_WIDTH).saturating_sub(head.chars().count() + 2);
    let text = f.text.as_deref().unwrap_or_default();
    let (shown, _) = window(text, f.at, room.max(10) - 2);
    format!("{head}: {}", sanitize::line(shown.trim()))
}

/// A field's label in the language in force.
fn label(field: &str) -> &'static str {
    match field {
        "title" => t("Title"),
        "name" => t("Name"),
        "id" | "project_id" => t("Diarienummer"),
        "owner" => t("Owner"),
        "owner_org_number" => t("Org. number"),
        "partners" => t("Partners"),
        "municipalities" => t("Municipalities"),
        "start_date" => t("Start date"),
        "end_date" => t("End date"),
        "total_budget_sek" => t("Total budget"),
        "esf_grant_sek" => t("ESF grant"),
        "total_budget_eur" => t("Total budget (EUR)"),
        "eu_contribution_eur" => t("EU contribution (EUR)"),
        "fund" => t("Fund"),
        "programme_period" => t("Programme period"),
        "region" => t("Region"),
        "programme_area" => t("Programme area"),
        "opens" => t("Opens"),
        "closes" => t("Closes"),
        "amount_sek" => t("Amount"),
        "kind" => t("Kind"),
        "project_name" => t("Project"),
        _ => t("Other labels"),
    }
}

/// At most `width` characters, an ellipsis where cut.
fn cut(s: &str, width: usize) -> String {
    match s.chars().count() <= width {
        true => s.to_string(),
        false => crate::ingest::truncate_chars(s, width.saturating_sub(1)),
    }
}

/// Words in lines of at most `width` characters (a longer word alone).
pub(super) fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}
