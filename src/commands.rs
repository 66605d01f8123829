//! What each subcommand does, on top of the library.

use crate::ingest;
use crate::model::ParsedDocument;
use crate::{corpus, report};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `esf parse`: every file's record; exit 1 when a file could not be read.
pub fn parse(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    let mut unreadable = 0;
    for path in expand(paths) {
        match ingest::parse_file(&path) {
            Ok(doc) => docs.push(doc),
            Err(err) => {
                unreadable += 1;
                let source = path.to_string_lossy();
                eprintln!(
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

/// No subcommand: the parsed sample corpus (until the browser exists).
pub fn show_sample() -> anyhow::Result<ExitCode> {
    let docs: Vec<ParsedDocument> = corpus::SAMPLE
        .iter()
        .map(|(name, bytes)| ingest::parse_bytes(name, bytes))
        .collect();
    print_documents(&docs, false)?;
    Ok(ExitCode::SUCCESS)
}

fn print_documents(docs: &[ParsedDocument], json: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, docs)?;
        writeln!(out)?;
    } else {
        for doc in docs {
            writeln!(out, "{}", report::document(doc))?;
        }
    }
    Ok(())
}

/// Files as given, folders expanded to the files below them, sorted.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// Deep enough for any real folder; stops symlink loops.
const MAX_DEPTH: usize = 32;

fn walk(dir: &Path, found: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        found.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() && depth < MAX_DEPTH {
            walk(&path, found, depth + 1);
        } else if path.is_file() {
            found.push(path);
        }
    }
}
