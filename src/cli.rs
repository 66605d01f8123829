//! Command-line arguments.

use crate::catalogue::SortKey;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Browse Swedish European Social Fund (ESF, ESF+) projects.
#[derive(Debug, Parser)]
#[command(name = "esf", version, about)]
pub struct Cli {
    /// The cache file (default: the user's cache folder, esf-browser/cache.sqlite).
    #[arg(long, global = true, env = "ESF_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Your notes, bookmarks and review states (default: the user's data
    /// folder, esf-browser/notes.sqlite).
    #[arg(long, global = true, env = "ESF_NOTES", value_name = "PATH")]
    pub notes: Option<PathBuf>,

    /// Language of labels and messages (default: from the locale, LANG).
    #[arg(long, global = true, env = "ESF_LANG", value_enum)]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Facet filters, shared by `list` and `export`. Values match as the
/// cache writes them, in any case.
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
    /// An organisation tied to the project (owner, partner or mentioned).
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
    pub fn filters(&self) -> Result<crate::facets::Filters, String> {
        use crate::facets::{Active, Facet, Filters};
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
    Import { file: PathBuf },
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
    Parse {
        /// Files or folders (folders are read recursively).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON array instead of readable text.
        #[arg(long)]
        json: bool,
    },
    /// Import files and folders into the cache (unchanged files are skipped).
    Import {
        /// Files or folders (folders are read recursively; with --rebuild,
        /// none means every recorded one).
        #[arg(required_unless_present = "rebuild")]
        paths: Vec<PathBuf>,
        /// Also remove projects whose source files are gone.
        #[arg(long)]
        prune: bool,
        /// Read every recorded file and folder (and these) again into an
        /// emptied cache; what changed is reported and recorded.
        #[arg(long)]
        rebuild: bool,
        /// Follow symbolic links that lead outside the folders imported
        /// (skipped by default, with a reason).
        #[arg(long)]
        follow_symlinks: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List projects, optionally fuzzy-filtered (best match first) and sorted.
    List {
        /// Fuzzy filter over name, id, owner, region, organisations, municipalities.
        #[arg(long, short)]
        filter: Option<String>,
        /// Sort order (default: by name, or by match quality with --filter).
        #[arg(long, short, value_enum)]
        sort: Option<SortKey>,
        #[command(flatten)]
        facets: FacetArgs,
        /// Instead of projects: each value of this facet with its count.
        #[arg(long, value_name = "FACET", value_parser = facet_name)]
        facet: Option<crate::facets::Facet>,
        #[arg(long)]
        json: bool,
    },
    /// Show one project in full.
    Show {
        /// Diarienummer, or the key `esf list` shows for projects without one.
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search: every word must occur somewhere in the project.
    Search {
        #[arg(required = true)]
        words: Vec<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Organisations with their number of projects.
    Orgs {
        /// Fuzzy filter over organisation names.
        #[arg(long, short)]
        filter: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The partner graph around a project or an organisation.
    Graph {
        /// A diarienummer (or key), or an organisation's name.
        id: String,
        /// 1: the neighbours; 2: their neighbours too.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        depth: u8,
        /// Keep branch offices and units apart instead of rolling them up.
        #[arg(long)]
        branches: bool,
        #[arg(long, conflicts_with = "dot")]
        json: bool,
        /// Graphviz DOT.
        #[arg(long)]
        dot: bool,
    },
    /// Projects related to one, ranked by the organisations they share.
    Related {
        id: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Keep branch offices and units apart instead of rolling them up.
        #[arg(long)]
        branches: bool,
        #[arg(long)]
        json: bool,
    },
    /// Generate a synthetic corpus for benchmarks: documents (--out DIR) or
    /// a filled cache (--db PATH).
    #[command(hide = true)]
    Gen {
        #[arg(long)]
        count: usize,
        /// Write documents under this folder.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// New, changed and removed projects since you last looked.
    Changes {
        /// Mark them all as seen.
        #[arg(long)]
        mark_seen: bool,
        #[arg(long)]
        json: bool,
    },
    /// Set a project's note (no text: print it).
    Note {
        id: String,
        /// The note; several words are joined with spaces.
        text: Vec<String>,
        /// Remove the note.
        #[arg(long, conflicts_with = "text")]
        clear: bool,
    },
    /// Bookmark a project.
    Bookmark {
        id: String,
        /// Remove the bookmark instead.
        #[arg(long)]
        remove: bool,
    },
    /// Set a project's review state.
    Review {
        id: String,
        #[arg(value_enum)]
        state: ReviewArg,
    },
    /// All your notes, bookmarks and review states (orphaned ones too).
    #[command(args_conflicts_with_subcommands = true)]
    Notes {
        #[command(subcommand)]
        action: Option<NotesAction>,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        #[arg(long)]
        markdown: bool,
    },
    /// Write the (filtered) projects as CSV or JSON to standard output.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        #[arg(long, short)]
        filter: Option<String>,
        #[command(flatten)]
        facets: FacetArgs,
        /// Include contact persons (personal data; left out by default).
        #[arg(long)]
        with_contacts: bool,
        /// Include your notes, bookmarks and review states.
        #[arg(long)]
        with_notes: bool,
    },
}

/// A facet by the name `--facet` takes.
fn facet_name(name: &str) -> Result<crate::facets::Facet, String> {
    use crate::facets::Facet;
    Facet::ALL
        .into_iter()
        .find(|f| f.name() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = Facet::ALL.iter().map(|f| f.name()).collect();
            format!("one of: {}", names.join(", "))
        })
}
