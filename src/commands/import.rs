//! `esf import`: files and folders into the cache, with a report.

use super::{print_json, print_text, Context};
use crate::cli::ImportArgs;
use crate::files::Links;
use crate::i18n::{t, tf};
use crate::import::{self as pipeline, inputs_of, ImportOptions, Input};
use crate::model::{ImportReport, ListRows};
use crate::present::sanitize;
use crate::store::sources::{self, Recorded, Source};
use crate::store::StoreError;
use std::fmt::Write as _;
use std::fs::{File, TryLockError};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub fn run(ctx: &Context, how: ImportArgs) -> anyhow::Result<ExitCode> {
    crate::store::profile::mark("started");
    let paths = &how.paths;
    let links = match how.follow_symlinks {
        true => Links::Follow,
        false => Links::Inside,
    };
    let given = Input::from_paths_with(paths, links);
    check_given(paths, &given)?;
    let place = ctx.place()?;
    let _one_at_a_time = import_lock(&place.path)?;
    let mut store = ctx.open_at(place, crate::store::Access::Import)?;
    // A cache this user may not write is said so before anything else.
    store.ensure_writable(t("cannot be imported into"))?;
    let db = store.path().map(Path::to_path_buf);
    let recorded = recorded_to_follow(db.as_deref(), &how)?;
    let (inputs, options) = what_to_import(&how, given, &recorded, links);
    crate::store::profile::mark("cache opened and files listed");
    let replace = options.replace;
    let mut bar = ProgressBar::new();
    let started = Instant::now();
    let result = pipeline::import(&mut store, &inputs, &options, &mut |done, total| {
        bar.update(done, total)
    });
    bar.finish();
    let report = match result {
        Err(StoreError::NothingImported(report)) => return nothing_imported(&report, how.json),
        Err(StoreError::Sqlite(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) =>
        {
            anyhow::bail!(t(
                "the disk is full; the import was undone and the cache is as it was before it"
            ))
        }
        other => other?,
    };
    if replace && !how.json {
        let said = t("the bundled sample corpus was replaced by your documents");
        crate::say!("esf: {said}");
    }
    if how.json {
        print_json(&report)?;
    } else {
        print_text(&plain(&report, started.elapsed()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The inputs and options of the run: what was named, and on a rebuild
/// every recorded source; the list of sources it leaves behind.
fn what_to_import(
    how: &ImportArgs,
    given: Vec<Input>,
    recorded: &[Source],
    links: Links,
) -> (Vec<Input>, ImportOptions) {
    let named: Vec<Source> = how
        .paths
        .iter()
        .map(|p| Source::now(sources::absolute(p)))
        .collect();
    // The sample corpus only stood in for the user's own documents.
    let only_sample = recorded.len() == 1 && recorded[0].path == sources::SAMPLE;
    let replace = only_sample && !how.rebuild;
    let (inputs, list) = if how.rebuild {
        let list = sources::with_added(recorded, &named);
        (inputs_of(&list, links), list)
    } else if replace {
        (given, named)
    } else {
        (given, sources::with_added(recorded, &named))
    };
    let options = ImportOptions {
        prune: how.prune,
        rebuild: how.rebuild,
        replace,
        sources: Some(list),
        require_documents: true,
    };
    (inputs, options)
}

/// The recorded sources this import may follow: the user's own list; one
/// another user wrote or changed only with `--trust-sources`. Without it a
/// rebuild of nothing named is refused, and any other import goes on with
/// what was named, saying the list was not followed.
fn recorded_to_follow(db: Option<&Path>, how: &ImportArgs) -> anyhow::Result<Vec<Source>> {
    let Some(db) = db else {
        return Ok(Vec::new());
    };
    let (sources, why) = match sources::read(db) {
        Recorded::None => return Ok(Vec::new()),
        Recorded::Trusted(sources) => return Ok(sources),
        Recorded::Distrusted { sources, why } => (sources, why),
    };
    if how.trust_sources {
        return Ok(sources);
    }
    let list = shown(&sources::list_path(db));
    if how.rebuild && how.paths.is_empty() {
        anyhow::bail!(tf(
            "the list of sources {} {}; it was not followed and nothing was changed: check it and run esf import --rebuild --trust-sources, or name the folders to import",
            &[&list, &why]
        ));
    }
    let said = tf(
        "the list of sources {} {}; it was not followed (--trust-sources follows it), and now lists only what this import names",
        &[&list, &why],
    );
    crate::say!("esf: {said}");
    Ok(Vec::new())
}

/// Every path given is there and gives at least one file; else one line
/// says which, before anything is opened or changed.
fn check_given(paths: &[PathBuf], given: &[Input]) -> anyhow::Result<()> {
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            let path = shown(path);
            anyhow::bail!(tf("{} does not exist; nothing was imported", &[&path]));
        }
        if !path.is_dir() {
            continue; // a file given by name is read, or skipped with a reason
        }
        let inside = |p: &Path| p.starts_with(path);
        let has_files = given
            .iter()
            .any(|i| matches!(i, Input::File(p, _) if inside(p)));
        if !has_files {
            let path = shown(path);
            anyhow::bail!(tf(
                "{} holds no documents to import; nothing was changed",
                &[&path]
            ));
        }
    }
    Ok(())
}

/// Every file was skipped: they are named, and the cache is as it was.
fn nothing_imported(report: &ImportReport, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        print_json(report)?;
    } else {
        for s in &report.skipped_files {
            crate::say!("esf: {}", skipped_line(s));
        }
    }
    let said = t("none of the files could be imported; nothing was changed");
    crate::say!("esf: {said}");
    Ok(super::failed())
}

/// One import per cache at a time: a second waits for the first (SQLite
/// would make it wait too, but silently, and give up after a while).
/// `None` where nothing can be written beside the cache: opening it for
/// the import then says that it is read-only.
fn import_lock(db: &Path) -> anyhow::Result<Option<File>> {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let mut options = File::options();
    options.create(true).truncate(false).write(true);
    // Another user may plant a link here in a shared folder.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let file = match options.open(PathBuf::from(&name)) {
        Ok(file) => file,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            let link = shown(Path::new(&name));
            anyhow::bail!(tf(
                "{} is a symbolic link; esf does not write through links",
                &[&link]
            ))
        }
        Err(_) => return Ok(None),
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let db = shown(db);
            let said = tf(
                "another import into {} is running; waiting for it to finish",
                &[&db],
            );
            crate::say!("esf: {said}");
            file.lock()?;
        }
        Err(TryLockError::Error(err)) => return Err(err.into()),
    }
    Ok(Some(file))
}

/// A path as a message names it, made safe.
fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}

/// "skipped FILE: why".
fn skipped_line(s: &crate::model::SkippedFile) -> String {
    let (path, reason) = (sanitize::line(&s.path), sanitize::line(&s.reason));
    tf("skipped {}: {}", &[&path, &reason])
}

fn plain(r: &ImportReport, took: Duration) -> String {
    let mut out = String::new();
    let took = crate::present::format::decimal(took.as_secs_f64(), 1);
    let counts: [&dyn std::fmt::Display; 8] = [
        &r.seen,
        &r.new,
        &r.updated,
        &r.unchanged,
        &r.unclassified,
        &r.skipped,
        &r.removed,
        &took,
    ];
    let _ = writeln!(
        out,
        "{}",
        tf(
            "seen {}, new {}, updated {}, unchanged {}, unclassified {}, skipped {}, removed {} ({} s)",
            &counts
        )
    );
    let _ = writeln!(out, "{}", tf("{} projects in the cache", &[&r.projects]));
    if !r.rows.is_empty() {
        out.push_str(&list_rows(&r.rows));
    }
    for s in &r.skipped_files {
        let _ = writeln!(out, "{}", skipped_line(s));
    }
    for w in &r.warnings {
        let _ = writeln!(out, "{}: {}", t("warning"), sanitize::line(w));
    }
    out
}

/// What the project lists' rows gave, what they did not keep and which
/// projects a list no longer holds (the first few named).
fn list_rows(rows: &ListRows) -> String {
    let counts: [&dyn std::fmt::Display; 3] = [&rows.new, &rows.updated, &rows.unchanged];
    let mut out = tf(
        "rows of project lists: new {}, updated {}, unchanged {}",
        &counts,
    ) + "\n";
    if !rows.not_kept.is_empty() {
        let each: Vec<String> = rows
            .not_kept
            .iter()
            .map(|(why, n)| format!("{} {n}", sanitize::line(why)))
            .collect();
        out += &tf("rows not kept: {}", &[&each.join(", ")]);
        out.push('\n');
    }
    if !rows.no_longer_listed.is_empty() {
        const NAMED: usize = 10;
        let names = &rows.no_longer_listed;
        let mut said: Vec<String> = names
            .iter()
            .take(NAMED)
            .map(|n| sanitize::line(n).into_owned())
            .collect();
        if names.len() > NAMED {
            said.push(tf("and {} more", &[&(names.len() - NAMED)]));
        }
        out += &tf(
            "no longer in their list ({}): {}",
            &[&names.len(), &said.join("; ")],
        );
        out.push('\n');
    }
    out
}

/// The import's progress on standard error (indicatif): a bar, the files
/// done, their rate and the time left; only on a terminal that takes
/// escape codes, and only once an import has taken more than a moment.
/// Nothing is written into a pipe or a file.
struct ProgressBar {
    enabled: bool,
    started: Instant,
    shown: bool,
    /// Counting from the start, so the rate and the time left are the
    /// whole import's; drawn once it is shown.
    bar: indicatif::ProgressBar,
}

const SHOW_AFTER: Duration = Duration::from_millis(500);

impl ProgressBar {
    fn new() -> ProgressBar {
        ProgressBar {
            enabled: std::io::stderr().is_terminal() && !super::dumb_terminal(),
            started: Instant::now(),
            shown: false,
            bar: counting_bar(),
        }
    }

    fn update(&mut self, done: usize, total: usize) {
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
        if self.enabled && !self.shown && self.started.elapsed() >= SHOW_AFTER {
            self.shown = true;
            let target = indicatif::ProgressDrawTarget::stderr_with_hz(10);
            self.bar.set_draw_target(target);
        }
    }

    fn finish(&self) {
        if self.shown {
            self.bar.finish_and_clear();
        }
    }
}

/// "████████░░░░ 4 120/10 000 files · 2 050/s · 3s left", redrawn at
/// most ten times a second once it has somewhere to be drawn.
fn counting_bar() -> indicatif::ProgressBar {
    use crate::present::format::thousands;
    use indicatif::{ProgressState, ProgressStyle};
    let bar = indicatif::ProgressBar::hidden();
    let template = format!(
        "{{bar:30}} {{done}}/{{total}} {} · {{rate}}/s · {{eta}} {}",
        t("files"),
        t("left")
    );
    let number = |n: u64| thousands(i64::try_from(n).unwrap_or(i64::MAX));
    let Ok(style) = ProgressStyle::with_template(&template) else {
        return bar;
    };
    let style = style
        .with_key(
            "done",
            move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&number(s.pos()));
            },
        )
        .with_key(
            "total",
            move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&number(s.len().unwrap_or(0)));
            },
        )
        .with_key(
            "rate",
            move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&number(s.per_sec() as u64));
            },
        )
        .progress_chars("█░");
    bar.set_style(style);
    bar
}
