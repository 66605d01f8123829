//! What each subcommand does, on top of the library.

mod browse;
pub mod changes;
mod export;
mod gen;
mod graph;
mod import;
mod list;
mod notes;
pub mod parse;
mod show;

use crate::cli::{Command, NotesAction};
use crate::store::{self, Input, Notes, Store};
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
            None => store::default_path()
                .map(|p| (p, true))
                .ok_or_else(|| anyhow!("no cache folder for this user; give one with --db PATH")),
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
        let path = store::notes::default_path()
            .ok_or_else(|| anyhow!("no data folder for this user; give one with --notes PATH"))?;
        Ok(Notes::open_default(&path)?)
    }

    /// Opens the cache, saying so in one line if it had to be rebuilt.
    pub fn open(&self) -> anyhow::Result<Store> {
        self.open_at(self.place()?)
    }

    /// Opens the cache at a place [`Context::place`] gave.
    pub fn open_at(&self, place: store::Place) -> anyhow::Result<Store> {
        let shown = place.path.display().to_string();
        let opened =
            Store::open_at(place).with_context(|| format!("cannot open the cache {shown}"))?;
        if let Some(notice) = opened.notice {
            eprintln!("esf: {}", crate::sanitize::line(&notice));
        }
        Ok(opened.store)
    }

    /// Opens the cache for reading; a cache that never had an import gets
    /// the bundled sample corpus first, so a new user sees data at once.
    pub fn open_for_reading(&self) -> anyhow::Result<Store> {
        let (store, notice) = self.open_with_sample()?;
        if let Some(notice) = notice {
            eprintln!("esf: {notice}");
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
        let options = store::ImportOptions {
            sources: Some(vec![store::sources::SAMPLE.to_string()]),
            ..Default::default()
        };
        let report = store.import(&Input::sample(), &options, &mut |_, _| {})?;
        let notice = format!(
            "the cache was empty, so it now holds the bundled sample corpus ({} projects); add your own with `esf import FOLDER`",
            report.projects
        );
        Ok((store, Some(notice)))
    }
}

/// Runs a command that uses the cache.
pub fn run(ctx: &Context, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Parse { files, json } => parse::run(&files, json),
        Command::Import {
            paths,
            prune,
            rebuild,
            follow_symlinks,
            json,
        } => {
            let how = import::How {
                prune,
                rebuild,
                follow_symlinks,
                json,
            };
            import::run(ctx, &paths, how)
        }
        Command::List {
            filter,
            sort,
            facets,
            facet,
            json,
        } => {
            let query = list::Query::new(filter, &facets)?;
            match facet {
                Some(facet) => list::facet_counts(ctx, &query, facet, json),
                None => list::run(ctx, &query, sort, json),
            }
        }
        Command::Show { id, json } => show::run(ctx, &id, json),
        Command::Search { words, limit, json } => list::search(ctx, &words.join(" "), limit, json),
        Command::Orgs { filter, json } => list::orgs(ctx, filter.as_deref(), json),
        Command::Graph {
            id,
            depth,
            branches,
            json,
            dot,
        } => graph::run(
            ctx,
            &id,
            depth,
            !branches,
            graph::Output::from_flags(json, dot),
        ),
        Command::Related {
            id,
            limit,
            branches,
            json,
        } => graph::related(ctx, &id, limit, !branches, json),
        Command::Gen { count, out, seed } => gen::run(ctx, count, out.as_deref(), seed),
        command => run_review(ctx, command),
    }
}

/// The commands of a caseworker's review: notes, changes, exports.
fn run_review(ctx: &Context, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Changes { mark_seen, json } => changes::run(ctx, mark_seen, json),
        Command::Note { id, text, clear } => notes::note(ctx, &id, &text.join(" "), clear),
        Command::Bookmark { id, remove } => notes::bookmark(ctx, &id, !remove),
        Command::Review { id, state } => notes::review(ctx, &id, state.into()),
        Command::Notes {
            action: Some(NotesAction::Import { file }),
            ..
        } => notes::import(ctx, &file),
        Command::Notes {
            action: None,
            json,
            markdown,
        } => notes::list(ctx, notes::Output::from_flags(json, markdown)),
        Command::Export {
            format,
            filter,
            facets,
            with_contacts,
            with_notes,
        } => {
            let query = list::Query::new(filter, &facets)?;
            let with = crate::export::With {
                contacts: with_contacts,
                notes: with_notes,
            };
            export::run(ctx, format, &query, with)
        }
        other => unreachable!("not a review command: {other:?}"),
    }
}

/// No subcommand: the browser.
pub fn browse(ctx: &Context) -> anyhow::Result<ExitCode> {
    browse::run(ctx)
}

/// Decorations (bold headers) only for a terminal, and never with NO_COLOR.
pub fn styled() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
    crate::safe_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Prints data (an export): raw for files and pipes, where the bytes are
/// the point; made safe for a terminal, where they would be commands.
pub fn print_data(text: &str) -> anyhow::Result<()> {
    if std::io::stdout().is_terminal() {
        print_text(&crate::sanitize::text(text))
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
