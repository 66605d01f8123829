//! `esf parse`: documents to records, without the cache.

use crate::files::{self, Found};
use crate::i18n::tf;
use crate::ingest;
use crate::model::ParsedDocument;
use crate::report;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `esf parse`: every file's record; exit 2 when a file could not be read.
pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
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
        match ingest::parse_file(&path) {
            Ok(doc) => docs.push(doc),
            Err(err) => {
                unreadable += 1;
                docs.push(unreadable_file(&path.to_string_lossy(), &err));
            }
        }
    }
    print_documents(&docs, json)?;
    Ok(match unreadable {
        0 => ExitCode::SUCCESS,
        _ => super::failed(),
    })
}

/// Says a file cannot be read, and keeps it in the output as skipped.
fn unreadable_file(source: &str, why: &dyn std::fmt::Display) -> ParsedDocument {
    let shown = crate::sanitize::line(source);
    crate::say!("esf: {}", tf("cannot read {}: {}", &[&shown, why]));
    ParsedDocument::skipped(source, tf("cannot read: {}", &[why]))
}

pub(crate) fn print_documents(docs: &[ParsedDocument], json: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        crate::safe_json::to_writer(&mut out, docs)?;
        writeln!(out)?;
    } else {
        for doc in docs {
            writeln!(out, "{}", report::document(doc))?;
        }
    }
    Ok(())
}
