//! `esf import`: files in, cache updated, all in one transaction per run.
//!
//! The pipeline above `ingest` and `store`: inputs are found (`input`),
//! read, hashed and parsed on worker threads (`read`, `workers`), and each
//! outcome goes into the store's import transaction as it arrives.

pub mod index;
mod input;
mod read;
mod workers;

pub use input::{inputs_of, Input};

use crate::files::Links;
use crate::model::ImportReport;
use crate::store::sources::Recorded;
use crate::store::{Finish, Known, Opened, Result, Start, Store};
use read::Outcome;
use std::path::Path;

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
    pub sources: Option<Vec<crate::store::sources::Source>>,
    /// Change nothing unless at least one document is read.
    pub require_documents: bool,
}

impl ImportOptions {
    fn start(&self) -> Start {
        match (self.rebuild, self.replace) {
            (true, _) => Start::Rebuild,
            (false, true) => Start::Replace,
            _ => Start::Add,
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
    let start = options.start();
    // Files the cache knows are not parsed again, unless it starts over.
    let known = match start {
        Start::Add => known_of(store, inputs)?,
        _ => Known::new(),
    };
    crate::store::profile::mark("known documents listed");
    let mut tx = store.begin_import(start, inputs.len())?;
    let mut save = |index: usize, outcome: Outcome| -> Result<()> {
        match outcome {
            Outcome::Unchanged => tx.unchanged(),
            Outcome::Confirmed(meta) => tx.confirmed(&meta)?,
            Outcome::Unreadable(why) => tx.skip(inputs[index].recorded_path(), why),
            Outcome::Read(read) => tx.save(&read.0, &read.1)?,
            Outcome::List(list) => {
                let (meta, reader) = *list;
                tx.save_list(&meta, &reader.into_parsed())?
            }
            Outcome::ListRows(list, rows) => {
                tx.save_list_parts(&list.0, &list.1, &mut rows.iter())?
            }
        }
        Ok(())
    };
    hold_after_listing_if_asked();
    crate::store::profile::mark("begun");
    workers::run_workers(inputs, &known, &mut save, progress)?;
    // A million documents' paths and hashes: given back before the index.
    drop(known);
    let finish = Finish {
        prune: options.prune,
        given: inputs.iter().map(Input::recorded_path).collect(),
        sources: options.sources.clone(),
        require_documents: options.require_documents,
        index: Some(index::new_index),
    };
    crate::store::profile::mark("documents and rows written");
    let mut report = tx.finish(&finish)?;
    crate::store::profile::mark("committed");
    fill_disk_before_checkpoint_if_asked();
    report.warnings.extend(store.shrink_wal());
    crate::store::profile::mark("log checkpointed");
    Ok(report)
}

/// What the cache knows of the inputs' documents: looked up one by one
/// when they are few beside the documents it holds, else listed at once.
fn known_of(store: &Store, inputs: &[Input]) -> Result<Known> {
    if inputs.len().saturating_mul(LOOKED_UP_PART) < store.documents_about()? {
        return store.known_documents_of(inputs.iter().map(Input::recorded_path));
    }
    store.known_documents()
}

/// A lookup by path costs about what listing this many documents does.
const LOOKED_UP_PART: usize = 8;

/// The safety tests change a folder between its listing and the reading
/// of its files: with `ESF_TEST_HOLD_AFTER_LISTING` set to a path, the
/// import creates that file and waits (a minute at most) until it is gone.
fn hold_after_listing_if_asked() {
    let Some(marker) = std::env::var_os("ESF_TEST_HOLD_AFTER_LISTING") else {
        return;
    };
    let marker = std::path::PathBuf::from(marker);
    if std::fs::write(&marker, b"").is_err() {
        return;
    }
    for _ in 0..600 {
        if !marker.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// The reliability tests fill the disk between an import's commit and its
/// checkpoint: with `ESF_TEST_FILL_BEFORE_CHECKPOINT` set to a path, the
/// import writes that file until the disk is full.
fn fill_disk_before_checkpoint_if_asked() {
    use std::io::Write;
    let Some(path) = std::env::var_os("ESF_TEST_FILL_BEFORE_CHECKPOINT") else {
        return;
    };
    let Ok(mut file) = std::fs::File::create(path) else {
        return;
    };
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
}

/// Opens the cache at `path` (see [`Store::open`]) and, when it had to be
/// set aside as damaged, fills the new one from the recorded sources;
/// the notice says what happened.
pub fn open(path: &Path) -> Result<(Store, Option<String>)> {
    rebuilt(Store::open(path)?)
}

/// Fills a cache [`Store::open_at`] made anew from the recorded sources.
pub fn rebuilt(opened: Opened) -> Result<(Store, Option<String>)> {
    let Opened { mut store, rebuild } = opened;
    let Some(rebuild) = rebuild else {
        return Ok((store, None));
    };
    let list = match &rebuild.sources {
        Recorded::Trusted(list) => list.as_slice(),
        Recorded::None => &[],
        Recorded::Distrusted { why, .. } => {
            let notice = crate::i18n::tf(
                "the cache at {} was {}; moved it to {}; the list of sources beside it {}, so it was not followed (esf import --rebuild --trust-sources follows it)",
                &[&rebuild.path.display(), &rebuild.reason, &rebuild.aside.display(), why],
            );
            return Ok((store, Some(notice)));
        }
    };
    let inputs = inputs_of(list, Links::Inside);
    let report = import(
        &mut store,
        &inputs,
        &ImportOptions::default(),
        &mut |_, _| {},
    )?;
    let notice = crate::i18n::tf(
        "the cache at {} was {}; moved it to {} and rebuilt it from {} recorded source(s) ({} projects)",
        &[
            &rebuild.path.display(),
            &rebuild.reason,
            &rebuild.aside.display(),
            &list.len(),
            &report.projects,
        ],
    );
    Ok((store, Some(notice)))
}
