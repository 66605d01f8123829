//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod args;
pub use args::*;

/// Browse Swedish European Social Fund (ESF, ESF+) projects.
///
/// Without a command, esf opens the browser (on the bundled sample corpus
/// until you import documents of your own).
#[derive(Debug, Parser)]
#[command(name = "esf", version, about, long_about, after_help = EXIT_STATUSES)]
pub struct Cli {
    /// The cache file, else $ESF_DB (default, also when ESF_DB is empty:
    /// the user's cache folder, esf-browser/cache.sqlite).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Your notes, bookmarks and review states, else $ESF_NOTES (default:
    /// the user's data folder, esf-browser/notes.sqlite).
    #[arg(long, global = true, value_name = "PATH")]
    pub notes: Option<PathBuf>,

    /// Language of labels and messages, else $ESF_LANG (default: from the
    /// locale, LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The cache file given by `--db` or `ESF_DB`; empty means the default.
    pub fn db(&self) -> Option<PathBuf> {
        self.db
            .clone()
            .or_else(|| given("ESF_DB").map(PathBuf::from))
    }

    /// The notes file given by `--notes` or `ESF_NOTES`.
    pub fn notes(&self) -> Option<PathBuf> {
        self.notes
            .clone()
            .or_else(|| given("ESF_NOTES").map(PathBuf::from))
    }

    /// The language `--lang` or `ESF_LANG` asks for, else the locale's.
    pub fn lang(&self) -> crate::i18n::Lang {
        let asked = given("ESF_LANG").and_then(|v| ValueEnum::from_str(&v, true).ok());
        self.lang
            .or(asked)
            .unwrap_or_else(crate::i18n::Lang::from_env)
    }
}

/// An environment variable that is set and not empty.
fn given(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// How every command ends, as `esf --help` says it.
const EXIT_STATUSES: &str = "Exit status: 0 when something was found or done; 1 when `show`, \
`list`, `search`, `orgs`, `graph`, `related`, `overlaps`, `dossier`, `calls`, `linked`, `changes` or \
`timeline` found nothing (one line on standard error; `[]` with --json); 2 on an error \
(a bad argument, a cache or file that cannot be used). The browser ends with 0, or 130 on Ctrl-C.";

/// Facet filters, shared by `list`, `export` and `search`. Values match as
/// the cache writes them, in any case, or without å/ä/ö; `--org` also takes
/// an organisationsnummer.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct FacetArgs {
    /// Region (Västsverige, Stockholm, …).
    #[arg(long)]
    pub region: Option<String>,
    /// Fund (ESF, ESF+).
    #[arg(long)]
    pub fund: Option<String>,
    /// Programme period (2007-2013, 2014-2020, 2021-2027).
    #[arg(long)]
    pub period: Option<String>,
    /// Programme area, as `esf list --facet area` shows it.
    #[arg(long)]
    pub area: Option<String>,
    /// Specific objective (2.1, A2A, …).
    #[arg(long)]
    pub objective: Option<String>,
    /// Phase (Genomförande, Förstudie, …).
    #[arg(long)]
    pub phase: Option<String>,
    /// A municipality the project concerns.
    #[arg(long)]
    pub municipality: Option<String>,
    /// An organisation tied to the project (owner, partner or mentioned), by
    /// name or organisationsnummer (212000-1033).
    #[arg(long)]
    pub org: Option<String>,
    /// Running during a year, month, date or range: 2016, 2016-03, 2015..2017.
    #[arg(long, value_name = "WHEN")]
    pub active: Option<String>,
    /// Only projects you bookmarked.
    #[arg(long)]
    pub bookmarked: bool,
    /// Only projects in this review state of yours.
    #[arg(long, value_enum)]
    pub review: Option<ReviewArg>,
}

impl FacetArgs {
    pub fn filters(&self) -> Result<crate::catalogue::facets::Filters, String> {
        use crate::catalogue::facets::{Active, Facet, Filters};
        let mut filters = Filters::default();
        let values = [
            (Facet::Region, &self.region),
            (Facet::Fund, &self.fund),
            (Facet::Period, &self.period),
            (Facet::Area, &self.area),
            (Facet::Objective, &self.objective),
            (Facet::Phase, &self.phase),
            (Facet::Municipality, &self.municipality),
            (Facet::Organisation, &self.org),
        ];
        for (facet, value) in values {
            if let Some(v) = value {
                filters.chosen.insert(facet, v.clone());
            }
        }
        if self.bookmarked {
            filters.chosen.insert(Facet::Bookmark, "bookmarked".into());
        }
        if let Some(review) = self.review {
            let state: crate::model::ReviewState = review.into();
            filters.chosen.insert(Facet::Review, state.as_str().into());
        }
        if let Some(when) = &self.active {
            filters.active = Some(Active::parse(when)?);
        }
        Ok(filters)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewArg {
    Unread,
    InReview,
    Done,
}

impl From<ReviewArg> for crate::model::ReviewState {
    fn from(arg: ReviewArg) -> Self {
        match arg {
            ReviewArg::Unread => Self::Unread,
            ReviewArg::InReview => Self::InReview,
            ReviewArg::Done => Self::Done,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Read notes back from an export (JSON or Markdown); a note changed
    /// here after the export was written is kept.
    Import {
        /// A file `esf notes --json` or `esf notes --markdown` wrote.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read documents and print their normalised project records (no cache).
    Parse(ParseArgs),
    /// Import files and folders into the cache (unchanged files are skipped).
    Import(ImportArgs),
    /// List projects, optionally searched (best match first, with why) and sorted.
    List(ListArgs),
    /// Show one project in full.
    Show(ShowArgs),
    /// Full-text search: every word must occur somewhere in the project.
    Search(SearchArgs),
    /// Organisations with their number of projects.
    Orgs(OrgsArgs),
    /// Calls for applications (Utlysning): never projects.
    Calls(JsonArgs),
    /// Pages about a project (owners' pages, news items, final reports),
    /// each with the project it found in the cache.
    Linked(JsonArgs),
    /// The partner graph around a project or an organisation.
    Graph(GraphArgs),
    /// Projects related to one, ranked by the organisations they share.
    Related(RelatedArgs),
    /// Projects of one organisation that ran at the same time and share a
    /// programme area, a specific objective or a municipality.
    Overlaps(OverlapsArgs),
    /// One project as Markdown for a case file: facts, organisations,
    /// related projects, overlaps, sources and your note.
    Dossier(DossierArgs),
    /// Generate a synthetic corpus for benchmarks: documents (--out DIR) or
    /// a filled cache (--db PATH).
    #[command(hide = true)]
    Gen(GenArgs),
    /// New, changed and removed projects since you last looked.
    Changes(ChangesArgs),
    /// Set a project's note (no text: print it).
    Note(NoteArgs),
    /// Bookmark a project.
    Bookmark(BookmarkArgs),
    /// Set a project's review state.
    Review(ReviewArgs),
    /// All your notes, bookmarks and review states (orphaned ones too).
    #[command(args_conflicts_with_subcommands = true)]
    Notes(NotesArgs),
    /// Write the (filtered) projects as CSV, JSON or Markdown to standard output.
    Export(ExportArgs),
    /// Projects and ESF grants per municipality and programme area,
    /// objective or start year, empty cells too.
    Coverage(CoverageArgs),
    /// Projects of an organisation, a municipality or a search as bars
    /// over the years, with the gaps between them.
    Timeline(TimelineArgs),
    /// Shell completions to standard output, e.g.
    /// `esf completions bash > ~/.local/share/bash-completion/completions/esf`.
    Completions(CompletionsArgs),
    /// The manual page (roff) to standard output, e.g.
    /// `esf man > ~/.local/share/man/man1/esf.1`.
    Man,
}

/// The facets by the names `--facet` takes (listed in `--help`).
fn facet_names() -> impl clap::builder::TypedValueParser<Value = crate::catalogue::facets::Facet> {
    use crate::catalogue::facets::Facet;
    let names = Facet::ALL.map(Facet::name);
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(names).map(|name| {
        let known = Facet::ALL.into_iter().find(|f| f.name() == name);
        known.expect("a name the parser accepted")
    })
}

#[cfg(test)]
mod tests;
