//! What each subcommand does, on top of the library.

mod below;
mod browse;
pub mod changes;
mod completions;
mod coverage;
mod dossier;
mod explain;
mod export;
mod gen;
mod graph;
mod import;
mod list;
mod match_rows;
mod matches;
mod notes;
mod overlaps;
mod pages;
pub mod parse;
mod show;
mod streamed;
mod timeline;

use crate::cli::Command;
use crate::i18n::{t, tf};
use crate::import::{self as pipeline, ImportOptions, Input};
use crate::store::{self, Notes, Store};
use anyhow::{anyhow, Context as _};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// What every command that uses the cache needs.
pub struct Context {
    /// `--db` or `ESF_DB`.
    pub db: Option<PathBuf>,
    /// `--notes` or `ESF_NOTES`.
    pub notes: Option<PathBuf>,
}

impl Context {
    /// The cache file, and whether it is esf's default one (whose folder
    /// esf may create). An empty `ESF_DB=` means the default.
    pub fn db_place(&self) -> anyhow::Result<(PathBuf, bool)> {
        match self.db.clone().filter(|p| !p.as_os_str().is_empty()) {
            Some(path) => Ok((path, false)),
            None => store::default_path().map(|p| (p, true)).ok_or_else(|| {
                anyhow!(t("no cache folder for this user; give one with --db PATH"))
            }),
        }
    }

    pub fn db_path(&self) -> anyhow::Result<PathBuf> {
        Ok(self.db_place()?.0)
    }

    /// Where the cache may be opened: refused, with nothing written, when
    /// the file is not esf's or its folder is missing.
    pub fn place(&self) -> anyhow::Result<store::Place> {
        let (path, is_default) = self.db_place()?;
        Ok(Store::place(&path, is_default)?)
    }

    /// Opens the user's notes (created on the first write).
    pub fn open_notes(&self) -> anyhow::Result<Notes> {
        if let Some(path) = self.notes.clone().filter(|p| !p.as_os_str().is_empty()) {
            return Ok(Notes::open(&path)?);
        }
        let path = store::notes::default_path().ok_or_else(|| {
            anyhow!(t(
                "no data folder for this user; give one with --notes PATH"
            ))
        })?;
        Ok(Notes::open_default(&path)?)
    }

    /// Opens the cache for a command that reads it: a damaged cache is an
    /// error saying how to rebuild it, never rebuilt behind the user's back.
    pub fn open(&self) -> anyhow::Result<Store> {
        self.open_at(self.place()?, store::Access::Read)
    }

    /// Opens the cache at a place [`Context::place`] gave; for an import,
    /// a damaged one is set aside and rebuilt, saying so in one line.
    pub fn open_at(&self, place: store::Place, access: store::Access) -> anyhow::Result<Store> {
        let shown = place.path.display().to_string();
        let opened = Store::open_at(place, access)
            .and_then(pipeline::rebuilt)
            .with_context(|| tf("cannot open the cache {}", &[&shown]))?;
        let (store, notice) = opened;
        if let Some(notice) = notice {
            crate::say!("esf: {}", crate::present::sanitize::line(&notice));
        }
        Ok(store)
    }

    /// Opens the cache for reading; a cache that never had an import gets
    /// the bundled sample corpus first, so a new user sees data at once.
    pub fn open_for_reading(&self) -> anyhow::Result<Store> {
        let (store, notice) = self.open_with_sample()?;
        if let Some(notice) = notice {
            crate::say!("esf: {notice}");
        }
        Ok(store)
    }

    /// Like `open_for_reading`, but hands the notice back instead of
    /// printing it (the browser shows it in its status bar).
    pub fn open_with_sample(&self) -> anyhow::Result<(Store, Option<String>)> {
        let mut store = self.open()?;
        if store.is_read_only() || !store.never_imported()? {
            return Ok((store, None));
        }
        let options = ImportOptions {
            sources: Some(vec![store::sources::Source::now(
                store::sources::SAMPLE.to_string(),
            )]),
            ..Default::default()
        };
        let report = pipeline::import(&mut store, &Input::sample(), &options, &mut |_, _| {})?;
        // Short enough for an 80-column status bar with its counts and help.
        let notice = tf(
            "sample corpus, {} projects; add yours: esf import FOLDER",
            &[&report.projects],
        );
        Ok((store, Some(notice)))
    }
}

/// Runs a command. Every command has its arm: a new one that misses it
/// does not compile.
pub fn run(ctx: &Context, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Parse(a) if a.explain => explain::run(&a.files, a.json),
        Command::Parse(a) => parse::run(&a.files, a.json),
        Command::Import(a) => import::run(ctx, a),
        Command::List(a) => list::run_args(ctx, a),
        Command::Show(a) => show::run(ctx, &a.id, a.json, a.with_contacts),
        Command::Search(a) => list::search_args(ctx, a),
        Command::Orgs(a) => list::orgs(ctx, a.filter.as_deref(), a.json),
        Command::Calls(a) => pages::calls(ctx, a.json),
        Command::Linked(a) => pages::linked(ctx, a.json),
        Command::Graph(a) => graph::run_args(ctx, a),
        Command::Related(a) => graph::related(ctx, &a.id, a.limit, !a.branches, a.json),
        Command::Overlaps(a) => overlaps::run(ctx, &a),
        Command::Dossier(a) => dossier::run(ctx, &a),
        Command::Gen(a) => gen::run(ctx, &a),
        Command::Changes(a) => changes::run(ctx, a.mark_seen, a.json),
        Command::Note(a) => notes::note(ctx, &a.id, &a.text.join(" "), a.clear),
        Command::Bookmark(a) => notes::bookmark(ctx, &a.id, !a.remove),
        Command::Review(a) => notes::review(ctx, &a.id, a.state.into()),
        Command::Notes(a) => notes::run_args(ctx, a),
        Command::Export(a) => export::run_args(ctx, a),
        Command::Coverage(a) => coverage::run(ctx, a),
        Command::Timeline(a) => timeline::run(ctx, a),
        Command::Completions(a) => completions::completions(a.shell),
        Command::Man => completions::man(),
    }
}

/// No subcommand: the browser.
pub fn browse(ctx: &Context) -> anyhow::Result<ExitCode> {
    browse::run(ctx)
}

/// The exit status of a command that looks something up: 0 when it found
/// something, 1 when it found nothing (as grep does). Errors are 2.
pub fn found(any: bool) -> ExitCode {
    match any {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(NOTHING_FOUND),
    }
}

/// Nothing found, said the same way by every command: one line on
/// standard error, `[]` on standard output with `--json`, status 1.
pub fn nothing_found(json: bool, said: &str) -> anyhow::Result<ExitCode> {
    crate::say!("esf: {}", crate::present::sanitize::line(said));
    if json {
        print_text("[]\n")?;
    }
    Ok(found(false))
}

/// The exit statuses, as `esf --help` and docs/command-line.md give them.
pub const NOTHING_FOUND: u8 = 1;
pub const FAILED: u8 = 2;

/// A command that could not do what it was asked (the message is printed).
pub fn failed() -> ExitCode {
    ExitCode::from(FAILED)
}

/// Decorations (bold headers) only for a terminal that shows them, and
/// never with NO_COLOR.
pub fn styled() -> bool {
    std::io::stdout().is_terminal()
        && !dumb_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `TERM=dumb`: a terminal that takes no escape codes at all.
pub fn dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// The terminal's width, when output goes to one.
pub fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size().ok().map(|(w, _)| w as usize)
}

/// Prints JSON to standard output.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    crate::present::safe_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Prints data (an export): raw for files and pipes, where the bytes are
/// the point; made safe for a terminal, where they would be commands.
pub fn print_data(text: &str) -> anyhow::Result<()> {
    if std::io::stdout().is_terminal() {
        print_text(&crate::present::sanitize::text(text))
    } else {
        print_text(text)
    }
}

/// Prints text to standard output.
pub fn print_text(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
