//! `esf import`: files and folders into the cache, with a report.

use super::{print_json, print_text, Context};
use crate::sanitize;
use crate::store::{sources, ImportOptions, ImportReport, Input};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub fn run(
    ctx: &Context,
    paths: &[PathBuf],
    prune: bool,
    rebuild: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
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
