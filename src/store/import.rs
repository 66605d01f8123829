//! `esf import`: files in, cache updated, all in one transaction per run.
//!
//! Workers read, hash and parse files on every core while this thread
//! writes; unchanged files (same size and modification time, or same
//! content hash) are not parsed again.

use super::write::{self, DocMeta, Touched};
use super::{refresh, sources, Result, Store, StoreError};
use crate::files::{self, Found};
use crate::ingest;
use crate::model::{Format, ParsedDocument};
use rusqlite::TransactionBehavior;
use serde::Serialize;
use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use xxhash_rust::xxh3::xxh3_128;

/// Something to import.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    /// A bundled document, recorded as `sample:NAME`.
    Embedded {
        name: String,
        bytes: &'static [u8],
    },
    /// A path that could not be listed.
    Unlistable(PathBuf, String),
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Remove documents (and their projects) whose files are gone.
    pub prune: bool,
    /// Read every document again into an emptied cache, recording what
    /// changed as any import does.
    pub rebuild: bool,
    /// Start from an empty cache and record no changes (the user's own
    /// documents replacing the sample corpus).
    pub replace: bool,
    /// The whole list of sources to keep beside the cache, written in the
    /// same commit as the import (nothing is kept if it cannot be).
    pub sources: Option<Vec<String>>,
    /// Change nothing unless at least one document is read.
    pub require_documents: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

/// What an import did. The JSON keys are the report's words.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub seen: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub unclassified: usize,
    pub skipped: usize,
    pub removed: usize,
    /// Projects in the cache after the import.
    pub projects: usize,
    pub skipped_files: Vec<SkippedFile>,
    pub warnings: Vec<String>,
}

/// What a worker made of one input.
enum Outcome {
    Unreadable(String),
    Unchanged,
    Read(Box<(DocMeta, ParsedDocument)>),
}

/// What the cache knows of a path: (content hash, size, modified time).
type Known = HashMap<String, (String, i64, Option<i64>)>;

impl Input {
    /// Files and folders from the command line.
    pub fn from_paths(paths: &[PathBuf]) -> Vec<Input> {
        Input::from_paths_with(paths, files::Links::Inside)
    }

    /// Files and folders, with symbolic links treated as asked.
    pub fn from_paths_with(paths: &[PathBuf], links: files::Links) -> Vec<Input> {
        files::expand(paths, links)
            .into_iter()
            .map(|f| match f {
                Found::File(p) => Input::File(p),
                Found::Unlistable(p, why) => Input::Unlistable(p, why),
            })
            .collect()
    }

    /// The bundled sample corpus.
    pub fn sample() -> Vec<Input> {
        crate::corpus::SAMPLE
            .iter()
            .map(|(name, bytes)| Input::Embedded {
                name: name.to_string(),
                bytes,
            })
            .collect()
    }

    /// The path the cache records for this input.
    pub fn recorded_path(&self) -> String {
        match self {
            Input::File(p) | Input::Unlistable(p, _) => sources::absolute(p),
            Input::Embedded { name, .. } => format!("{}{name}", sources::SAMPLE),
        }
    }
}

/// Imports the inputs; `progress(done, total)` is called as files finish.
pub fn import(
    store: &mut Store,
    inputs: &[Input],
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport> {
    store.ensure_writable("cannot be imported into")?;
    let starting_over = options.rebuild || options.replace;
    let known = known_documents(store)?;
    let db = store.path.clone();
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut touched = Touched {
        import_id: next_import_id(&tx)?.filter(|_| !options.replace),
        ..Touched::default()
    };
    if options.rebuild {
        touched.before = refresh::every_project(&tx)?;
    }
    if starting_over {
        write::clear(&tx, options.replace)?;
    }
    touched.defer_fts = refresh::fts_is_empty(&tx)?;
    let mut report = ImportReport {
        seen: inputs.len(),
        ..ImportReport::default()
    };
    let started = super::now();
    let none = Known::new();
    let (skip_known, before) = match (starting_over, options.rebuild) {
        (false, _) => (&known, &none),
        (true, true) => (&none, &known),
        (true, false) => (&none, &none),
    };
    let mut save = |index: usize, outcome: Outcome| -> Result<()> {
        let run = Run {
            report: &mut report,
            touched: &mut touched,
            before,
        };
        record_outcome(&tx, &inputs[index], outcome, run)
    };
    run_workers(inputs, skip_known, &mut save, progress)?;
    if options.prune {
        report.removed = write::prune(&tx, &mut touched)?;
    }
    refresh::refresh(&tx, &touched, &mut report.warnings)?;
    if options.rebuild {
        refresh::note_removed(&tx, &touched)?;
        report.removed = gone_documents(&known, inputs);
    }
    if touched.defer_fts {
        refresh::rebuild_fts(&tx)?;
    }
    if !touched.keys.is_empty() || report.removed > 0 || starting_over {
        refresh::count_organisation_projects(&tx)?;
    }
    report.projects =
        tx.query_row("SELECT count(*) FROM projects", [], |r| r.get::<_, i64>(0))? as usize;
    if options.require_documents && report.read() == 0 {
        return Err(StoreError::NothingImported(Box::new(report)));
    }
    write::log_import(&tx, started, &report)?;
    let list = match (&options.sources, &db) {
        (Some(list), Some(db)) => {
            Some(sources::prepare(db, list).map_err(|source| StoreError::Io {
                path: sources::list_path(db).display().to_string(),
                source,
            })?)
        }
        _ => None,
    };
    hold_before_commit_if_asked();
    tx.commit()?;
    if let Some(Err(e)) = list.map(sources::Pending::put_in_place) {
        report
            .warnings
            .push(format!("the list of sources was not updated: {e}"));
    }
    store.shrink_wal();
    Ok(report)
}

impl ImportReport {
    /// Documents this run read or found unchanged.
    pub fn read(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}

/// The reliability tests interrupt an import at its last moment, every
/// write done and the commit not: with `ESF_TEST_HOLD_BEFORE_COMMIT` set
/// to a path, the import creates that file and waits there a while.
fn hold_before_commit_if_asked() {
    if let Some(marker) = std::env::var_os("ESF_TEST_HOLD_BEFORE_COMMIT") {
        let _ = std::fs::write(marker, b"");
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

/// The number this run gets in the import log, if it is to record what
/// it changes: not when it fills an empty cache.
fn next_import_id(tx: &rusqlite::Transaction) -> Result<Option<i64>> {
    let projects: i64 = tx.query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
    if projects == 0 {
        return Ok(None);
    }
    let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM imports", [], |r| r.get(0))?;
    Ok(Some(last + 1))
}

/// The inputs that recorded sources (files, folders, `sample:`) give.
pub fn inputs_of(recorded: &[String], links: files::Links) -> Vec<Input> {
    let mut inputs = Vec::new();
    for source in recorded {
        if source == sources::SAMPLE {
            inputs.extend(Input::sample());
        } else {
            inputs.extend(Input::from_paths_with(&[PathBuf::from(source)], links));
        }
    }
    inputs
}

/// Imports recorded sources into a new cache, as rebuilding a damaged
/// one does.
pub fn import_sources(store: &mut Store, recorded: &[String]) -> Result<ImportReport> {
    let inputs = inputs_of(recorded, files::Links::Inside);
    import(store, &inputs, &ImportOptions::default(), &mut |_, _| {})
}

fn known_documents(store: &Store) -> Result<Known> {
    let mut stmt = store
        .conn
        .prepare("SELECT path, content_hash, size, modified_at FROM documents")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
    Ok(rows.collect::<rusqlite::Result<Known>>()?)
}

/// Reads and parses on worker threads; `save` runs here, in input order of
/// completion. Stops early when `save` fails.
fn run_workers(
    inputs: &[Input],
    known: &Known,
    save: &mut dyn FnMut(usize, Outcome) -> Result<()>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<(usize, Outcome)>(256);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(index) else {
                    break;
                };
                if sender.send((index, read_input(input, known))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut done = 0;
        for (index, outcome) in receiver {
            save(index, outcome)?;
            done += 1;
            progress(done, inputs.len());
        }
        Ok(())
    })
}

fn read_input(input: &Input, known: &Known) -> Outcome {
    let path = input.recorded_path();
    match input {
        Input::Unlistable(_, why) => Outcome::Unreadable(why.clone()),
        Input::Embedded { bytes, .. } => read_bytes(path, bytes, bytes.len() as i64, None, known),
        Input::File(file) => {
            let meta = match std::fs::metadata(file) {
                Ok(meta) if meta.is_file() => meta,
                Ok(_) => return Outcome::Unreadable("not a regular file".into()),
                Err(err) => return Outcome::Unreadable(format!("cannot read: {err}")),
            };
            let size = meta.len() as i64;
            let modified = modified_secs(&meta);
            if let Some((_, s, m)) = known.get(&path) {
                if *s == size && *m == modified && modified.is_some() {
                    return Outcome::Unchanged;
                }
            }
            match read_steady(file, &meta) {
                Ok((bytes, size, modified)) => read_bytes(path, &bytes, size, modified, known),
                Err(reason) => Outcome::Unreadable(reason),
            }
        }
    }
}

/// The file's bytes with the size and time they belong to. A file being
/// rewritten while it is read is read again, and skipped if it keeps
/// changing, so a half-written file is never stored as unchanged-looking.
fn read_steady(file: &Path, before: &Metadata) -> std::result::Result<Steady, String> {
    read_steady_with(file, before, &mut |f| std::fs::read(f))
}

/// Bytes, size and modification time (seconds) that belong together.
type Steady = (Vec<u8>, i64, Option<i64>);

/// [`read_steady`] with the reading handed in, so tests can rewrite the
/// file in the middle of a read.
fn read_steady_with(
    file: &Path,
    before: &Metadata,
    read: &mut dyn FnMut(&Path) -> std::io::Result<Vec<u8>>,
) -> std::result::Result<Steady, String> {
    let stamp = |m: &std::fs::Metadata| (m.len() as i64, modified_secs(m), m.modified().ok());
    let mut expected = stamp(before);
    for _ in 0..3 {
        let bytes = read(file).map_err(|err| format!("cannot read: {err}"))?;
        let after = std::fs::metadata(file).map_err(|err| format!("cannot read: {err}"))?;
        let now = stamp(&after);
        if now == expected && bytes.len() as i64 == now.0 {
            return Ok((bytes, now.0, now.1));
        }
        expected = now;
    }
    Err("changed while it was being read; import again when it is written".into())
}

fn modified_secs(meta: &Metadata) -> Option<i64> {
    let time = meta.modified().ok()?;
    let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(since.as_secs() as i64)
}

fn read_bytes(
    path: String,
    bytes: &[u8],
    size: i64,
    modified: Option<i64>,
    known: &Known,
) -> Outcome {
    let hash = format!("{:032x}", xxh3_128(bytes));
    if known.get(&path).is_some_and(|(h, _, _)| *h == hash) {
        return Outcome::Unchanged;
    }
    let doc = ingest::parse_bytes(&path, bytes);
    let meta = DocMeta {
        path,
        hash,
        size,
        modified_at: modified,
    };
    Outcome::Read(Box::new((meta, doc)))
}

/// What one run is adding up as documents come in.
struct Run<'a> {
    report: &'a mut ImportReport,
    touched: &'a mut Touched,
    /// The documents before a rebuild, to report what it changed.
    before: &'a Known,
}

fn record_outcome(
    tx: &rusqlite::Transaction,
    input: &Input,
    outcome: Outcome,
    run: Run,
) -> Result<()> {
    let report = run.report;
    match outcome {
        Outcome::Unchanged => report.unchanged += 1,
        Outcome::Unreadable(reason) => skip(report, input.recorded_path(), reason),
        Outcome::Read(read) => {
            let (meta, doc) = *read;
            if doc.format == Format::Skipped {
                // Not stored, so it is reported again on every import.
                skip(report, meta.path, doc.skipped_reason.unwrap_or_default());
                return Ok(());
            }
            let earlier = run
                .before
                .get(&meta.path)
                .map(|(hash, _, _)| hash == &meta.hash);
            let fresh = write::save_document(tx, &meta, &doc, run.touched)?;
            match earlier {
                Some(true) => report.unchanged += 1,
                Some(false) => report.updated += 1,
                None if fresh => report.new += 1,
                None => report.updated += 1,
            }
            if doc.format == Format::Unknown {
                report.unclassified += 1;
            }
        }
    }
    Ok(())
}

/// Documents a rebuild no longer found among its inputs.
fn gone_documents(before: &Known, inputs: &[Input]) -> usize {
    let now: std::collections::HashSet<String> = inputs.iter().map(Input::recorded_path).collect();
    before.keys().filter(|path| !now.contains(*path)).count()
}

fn skip(report: &mut ImportReport, path: String, reason: String) {
    report.skipped += 1;
    report.skipped_files.push(SkippedFile { path, reason });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file and a reader that rewrites it (longer each time) after the
    /// first `rewrites` reads, as an editor saving during an import would.
    fn rewriting_reader(
        rewrites: usize,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        impl FnMut(&Path) -> std::io::Result<Vec<u8>>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("doc.txt");
        std::fs::write(&file, "first version").unwrap();
        let mut reads = 0;
        let reader = move |f: &Path| {
            let bytes = std::fs::read(f)?;
            reads += 1;
            if reads <= rewrites {
                std::fs::write(f, format!("version {reads} written during the read"))?;
            }
            Ok(bytes)
        };
        (dir, file, reader)
    }

    #[test]
    fn a_file_rewritten_during_its_read_is_read_again() {
        let (_dir, file, mut reader) = rewriting_reader(1);
        let before = std::fs::metadata(&file).unwrap();
        let (bytes, size, _) = read_steady_with(&file, &before, &mut reader).unwrap();
        assert_eq!(bytes, b"version 1 written during the read");
        assert_eq!(size, bytes.len() as i64);
    }

    #[test]
    fn a_file_that_keeps_changing_is_skipped_with_a_reason() {
        let (_dir, file, mut reader) = rewriting_reader(usize::MAX);
        let before = std::fs::metadata(&file).unwrap();
        let reason = read_steady_with(&file, &before, &mut reader).unwrap_err();
        assert!(
            reason.contains("changed while it was being read"),
            "{reason}"
        );
    }
}
