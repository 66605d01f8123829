//! `esf import`: files and folders into the cache, with a report.

use super::{print_json, print_text, Context};
use crate::sanitize;
use crate::store::{sources, ImportOptions, ImportReport, Input};
use std::fmt::Write as _;
use std::fs::{File, TryLockError};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub fn run(
    ctx: &Context,
    paths: &[PathBuf],
    prune: bool,
    rebuild: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let _one_at_a_time = import_lock(&ctx.db_path()?)?;
    let mut store = ctx.open()?;
    let inputs = Input::from_paths(paths);
    // The sample corpus only stood in for the user's own documents.
    let only_sample = store
        .path()
        .is_some_and(|db| sources::read(db) == [sources::SAMPLE]);
    if only_sample && !json {
        eprintln!("esf: replacing the bundled sample corpus with your documents");
    }
    let rebuild = rebuild || only_sample;
    let options = ImportOptions { prune, rebuild };
    let mut bar = ProgressBar::new();
    let started = Instant::now();
    let report = store.import(&inputs, &options, &mut |done, total| {
        bar.update(done, total)
    })?;
    bar.finish();
    if let Some(db) = store.path() {
        let given: Vec<String> = paths.iter().map(|p| sources::absolute(p)).collect();
        if rebuild {
            sources::replace(db, &given)?;
        } else {
            sources::record(db, &given)?;
        }
    }
    if json {
        print_json(&report)?;
    } else {
        print_text(&plain(&report, started.elapsed()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One import per cache at a time: a second waits for the first (SQLite
/// would make it wait too, but silently, and give up after a while).
/// `None` where nothing can be written beside the cache: opening it for
/// the import then says that it is read-only.
fn import_lock(db: &Path) -> anyhow::Result<Option<File>> {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let Ok(file) = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(&name))
    else {
        return Ok(None);
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            eprintln!(
                "esf: another import into {} is running; waiting for it to finish",
                sanitize::line(&db.display().to_string())
            );
            file.lock()?;
        }
        Err(TryLockError::Error(err)) => return Err(err.into()),
    }
    Ok(Some(file))
}

fn plain(r: &ImportReport, took: Duration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "seen {}, new {}, updated {}, unchanged {}, unclassified {}, skipped {}, removed {} ({:.1} s)",
        r.seen,
        r.new,
        r.updated,
        r.unchanged,
        r.unclassified,
        r.skipped,
        r.removed,
        took.as_secs_f64()
    );
    let _ = writeln!(out, "{} projects in the cache", r.projects);
    for s in &r.skipped_files {
        let _ = writeln!(
            out,
            "skipped {}: {}",
            sanitize::line(&s.path),
            sanitize::line(&s.reason)
        );
    }
    for w in &r.warnings {
        let _ = writeln!(out, "warning: {}", sanitize::line(w));
    }
    out
}

/// A one-line progress bar on standard error, shown only on a terminal and
/// only once an import has taken more than a moment.
struct ProgressBar {
    enabled: bool,
    started: Instant,
    last: Option<Instant>,
}

const SHOW_AFTER: Duration = Duration::from_millis(500);
const REDRAW_EVERY: Duration = Duration::from_millis(100);

impl ProgressBar {
    fn new() -> ProgressBar {
        ProgressBar {
            enabled: std::io::stderr().is_terminal(),
            started: Instant::now(),
            last: None,
        }
    }

    fn update(&mut self, done: usize, total: usize) {
        let now = Instant::now();
        let due = self.last.is_none_or(|t| now - t >= REDRAW_EVERY);
        if !self.enabled || now - self.started < SHOW_AFTER || !due {
            return;
        }
        self.last = Some(now);
        let fraction = done as f64 / total.max(1) as f64;
        let filled = (fraction * 30.0) as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(30 - filled));
        let _ = write!(std::io::stderr(), "\r{bar} {done}/{total} files");
    }

    fn finish(&self) {
        if self.last.is_some() {
            let _ = write!(std::io::stderr(), "\r\u{1b}[2K");
        }
    }
}
