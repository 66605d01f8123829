//! `esf parse`: documents to records, without the cache.

use crate::files::{self, Found};
use crate::ingest;
use crate::model::ParsedDocument;
use crate::report;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `esf parse`: every file's record; exit 1 when a file could not be read.
pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    let mut unreadable = 0;
    for found in files::expand(paths, files::Links::Follow) {
        let path = match found {
            Found::File(path) => path,
            Found::Unlistable(path, reason) => {
                unreadable += 1;
                let source = path.to_string_lossy();
                crate::say!(
                    "esf: cannot read {}: {reason}",
                    crate::sanitize::line(&source)
                );
                docs.push(ParsedDocument::skipped(
                    &source,
                    format!("cannot read: {reason}"),
                ));
                continue;
            }
        };
        match ingest::parse_file(&path) {
            Ok(doc) => docs.push(doc),
            Err(err) => {
                unreadable += 1;
                let source = path.to_string_lossy();
                crate::say!(
                    "esf: cannot read {}: {}",
                    crate::sanitize::line(&source),
                    err
                );
                docs.push(ParsedDocument::skipped(
                    &source,
                    format!("cannot read: {err}"),
                ));
            }
        }
    }
    print_documents(&docs, json)?;
    Ok(if unreadable > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
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
