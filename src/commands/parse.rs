//! `esf parse`: documents to records, without the cache.

use crate::files::{self, Found};
use crate::i18n::tf;
use crate::ingest;
use crate::model::ParsedDocument;
use crate::present::report;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `esf parse`: every file's record; exit 2 when a file could not be read.
pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    let mut lists = Vec::new();
    let mut unreadable = 0;
    for found in files::expand(paths, files::Links::Follow) {
        let path = match found {
            Found::File(path, _) => path,
            Found::Unlistable(path, reason) => {
                unreadable += 1;
                docs.push(unreadable_file(&path.to_string_lossy(), &reason));
                continue;
            }
        };
        match parse_path(&path) {
            Ok(Parsed::Doc(doc)) => docs.push(*doc),
            Ok(Parsed::List(list)) => {
                lists.push(list_summary(&path.to_string_lossy(), &list));
                docs.extend(list.rows.into_iter().map(|row| row.doc));
            }
            Err(err) => {
                unreadable += 1;
                docs.push(unreadable_file(&path.to_string_lossy(), &err));
            }
        }
    }
    print_documents(&docs, json)?;
    if !json {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for summary in &lists {
            writeln!(out, "{summary}")?;
        }
    }
    Ok(match unreadable {
        0 => ExitCode::SUCCESS,
        _ => super::failed(),
    })
}

pub(super) enum Parsed {
    Doc(Box<ParsedDocument>),
    List(ingest::lists::ParsedList),
}

/// A list of projects (one record per row kept), else a document; a list
/// may be larger than a document.
fn parse_path(path: &std::path::Path) -> Result<Parsed, String> {
    parse_read(path, &read_file(path)?)
}

/// A file's bytes, up to the size of the largest list.
pub(super) fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use crate::files::read_bounded::{read, Links};
    read(path, ingest::lists::LIST_LIMIT, Links::Follow).map_err(|e| e.to_string())
}

/// What the bytes read from `path` are: a list, else a document.
pub(super) fn parse_read(path: &std::path::Path, bytes: &[u8]) -> Result<Parsed, String> {
    use crate::files::read_bounded::{Refused, DOCUMENT_LIMIT};
    let source = path.to_string_lossy();
    match ingest::lists::parse_list(&source, bytes) {
        Some(Ok(list)) => Ok(Parsed::List(list)),
        Some(Err(reason)) => Err(reason),
        None if bytes.len() as u64 > DOCUMENT_LIMIT => {
            Err(Refused::TooLarge(DOCUMENT_LIMIT).to_string())
        }
        None => Ok(Parsed::Doc(Box::new(ingest::parse_bytes(&source, bytes)))),
    }
}

/// `FILE: project list, 5 rows; 3 kept; skipped: another fund (ERDF) 1`.
fn list_summary(source: &str, list: &ingest::lists::ParsedList) -> String {
    let mut line = tf(
        "{}: {}; {} kept",
        &[
            &crate::present::sanitize::line(source),
            &crate::present::sanitize::line(&list.title),
            &list.rows.len(),
        ],
    );
    for (reason, n) in &list.skipped {
        line.push_str("; ");
        line.push_str(&tf(
            "skipped: {} {}",
            &[&crate::present::sanitize::line(reason), n],
        ));
    }
    for warning in &list.warnings {
        line.push_str("\n  ");
        line.push_str(&tf(
            "warning: {}",
            &[&crate::present::sanitize::line(warning)],
        ));
    }
    line
}

/// Says a file cannot be read, and keeps it in the output as skipped.
pub(super) fn unreadable_file(source: &str, why: &dyn std::fmt::Display) -> ParsedDocument {
    let shown = crate::present::sanitize::line(source);
    crate::say!("esf: {}", tf("cannot read {}: {}", &[&shown, why]));
    ParsedDocument::skipped(source, tf("cannot read: {}", &[why]))
}

pub(crate) fn print_documents(docs: &[ParsedDocument], json: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let printed: Vec<Printed> = docs.iter().map(Printed::of).collect();
        crate::present::safe_json::to_writer(&mut out, &printed)?;
        writeln!(out)?;
    } else {
        for doc in docs {
            writeln!(out, "{}", report::document(doc))?;
        }
    }
    Ok(())
}

/// A document as `parse --json` gives it: its project with the key the
/// cache would give it, as every command names a project.
#[derive(serde::Serialize)]
struct Printed<'a> {
    source: &'a str,
    format: crate::model::Format,
    title: Option<&'a str>,
    skipped_reason: Option<&'a str>,
    project: Option<Keyed<'a>>,
    article: Option<&'a crate::model::Article>,
    call: Option<&'a crate::model::Call>,
    linked: Option<&'a crate::model::LinkedDoc>,
    text: Option<&'a str>,
    warnings: &'a [String],
}

#[derive(serde::Serialize)]
struct Keyed<'a> {
    key: String,
    #[serde(flatten)]
    project: &'a crate::model::Project,
}

impl Printed<'_> {
    fn of(d: &ParsedDocument) -> Printed<'_> {
        let project = d.project.as_ref().map(|project| Keyed {
            key: crate::store::project_key(project),
            project,
        });
        Printed {
            source: &d.source,
            format: d.format,
            title: d.title.as_deref(),
            skipped_reason: d.skipped_reason.as_deref(),
            project,
            article: d.article.as_ref(),
            call: d.call.as_ref(),
            linked: d.linked.as_ref(),
            text: d.text.as_deref(),
            warnings: &d.warnings,
        }
    }
}
