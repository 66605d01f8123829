//! Command-line arguments.

use crate::catalogue::SortKey;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
`list`, `search`, `orgs`, `graph`, `related`, `calls` or `linked` found nothing; 2 on an error \
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
}

// The arguments of `esf parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Files or folders (folders are read recursively).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print a JSON array instead of readable text.
    #[arg(long)]
    pub json: bool,
    /// Say for each field which line of the document gave it (or that it
    /// is derived, comes from the format, or is not stated), and the
    /// warnings.
    #[arg(long)]
    pub explain: bool,
}

// The arguments of `esf import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files or folders (folders are read recursively; with --rebuild,
    /// none means every recorded one).
    #[arg(required_unless_present = "rebuild")]
    pub paths: Vec<PathBuf>,
    /// Also remove projects whose source files are gone.
    #[arg(long)]
    pub prune: bool,
    /// Read every recorded file and folder (and these) again into an
    /// emptied cache; what changed is reported and recorded.
    #[arg(long)]
    pub rebuild: bool,
    /// Follow symbolic links that lead outside the folders imported
    /// (skipped by default, with a reason).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Follow the list of imported sources beside the cache even when it
    /// is not yours (another user wrote or changed it): check it first.
    #[arg(long)]
    pub trust_sources: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Search: terms in fields (name, id, owner, organisations, municipality,
    /// region, area, objective) or texts; 'exact ^start end$ !not a|b (or
    /// OR/ELLER) field:term (name: id: owner: org: kommun: region: text:).
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    /// Sort order (default: by name, or by match quality with --filter).
    #[arg(long, short, value_enum)]
    pub sort: Option<SortKey>,
    #[command(flatten)]
    pub facets: FacetArgs,
    /// Instead of projects: each value of this facet with its count.
    #[arg(long, value_name = "FACET", value_parser = facet_names())]
    pub facet: Option<crate::facets::Facet>,
    /// Print JSON (each project's full record) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Include contact persons in the JSON (personal data; left out by
    /// default).
    #[arg(long)]
    pub with_contacts: bool,
}

// The arguments of `esf show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// Print the full record as JSON instead of readable text.
    #[arg(long)]
    pub json: bool,
    /// Include the contact person in the JSON (personal data; left out by
    /// default; the readable text always shows it).
    #[arg(long)]
    pub with_contacts: bool,
}

// The arguments of `esf search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words that must all occur in the project's texts (in any form:
    /// "arbetsmarknad" finds "arbetsmarknaden").
    #[arg(required = true)]
    pub words: Vec<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[command(flatten)]
    pub facets: FacetArgs,
    /// Print JSON (with each hit's snippet) instead of text.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf orgs`.
#[derive(Debug, clap::Args)]
pub struct OrgsArgs {
    /// Fuzzy filter over organisation names.
    #[arg(long, short)]
    pub filter: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

// The arguments of a command that only lists.
#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf graph`.
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// A diarienummer (or key), or an organisation's name.
    pub id: String,
    /// 1: the neighbours; 2: their neighbours too.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub depth: u8,
    /// Keep branch offices and units apart instead of rolling them up.
    #[arg(long)]
    pub branches: bool,
    /// An organisation's projects shown, newest first (0: every one); the
    /// rest are counted ("+N more", `more` in JSON).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print the graph as JSON (nodes and edges).
    #[arg(long, conflicts_with = "dot")]
    pub json: bool,
    /// Print the graph as Graphviz DOT (dot -Tsvg makes a picture of it).
    #[arg(long)]
    pub dot: bool,
}

// The arguments of `esf related`.
#[derive(Debug, clap::Args)]
pub struct RelatedArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// At most this many projects, best first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Keep branch offices and units apart instead of rolling them up.
    #[arg(long)]
    pub branches: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf gen`.
#[derive(Debug, clap::Args)]
pub struct GenArgs {
    /// How many projects.
    #[arg(long)]
    pub count: usize,
    /// Write documents under this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// With --out: one project list (the fund's CSV export) instead of a
    /// document per project.
    #[arg(long)]
    pub list: bool,
}

// The arguments of `esf changes`.
#[derive(Debug, clap::Args)]
pub struct ChangesArgs {
    /// Mark them all as seen.
    #[arg(long)]
    pub mark_seen: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf note`.
#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// The note; several words are joined with spaces.
    pub text: Vec<String>,
    /// Remove the note.
    #[arg(long, conflicts_with = "text")]
    pub clear: bool,
}

// The arguments of `esf bookmark`.
#[derive(Debug, clap::Args)]
pub struct BookmarkArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// Remove the bookmark instead.
    #[arg(long)]
    pub remove: bool,
}

// The arguments of `esf review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// Where your review of it stands.
    #[arg(value_enum)]
    pub state: ReviewArg,
}

// The arguments of `esf notes`.
#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub action: Option<NotesAction>,
    /// Print them as JSON (`esf notes import` reads it back).
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print them as Markdown (`esf notes import` reads it back).
    #[arg(long)]
    pub markdown: bool,
}

// The arguments of `esf export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// With CSV: for Swedish Excel: UTF-8 with a byte-order mark, semicolons
    /// between fields, decimal commas.
    #[arg(long)]
    pub excel: bool,
    /// Only the projects this search finds, best first (as `esf list
    /// --filter`): terms in fields or texts; 'exact ^start end$ !not a|b
    /// field:term.
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    #[command(flatten)]
    pub facets: FacetArgs,
    /// Include contact persons (personal data; left out by default).
    #[arg(long)]
    pub with_contacts: bool,
    /// Include your notes, bookmarks and review states.
    #[arg(long)]
    pub with_notes: bool,
}

/// The facets by the names `--facet` takes (listed in `--help`).
fn facet_names() -> impl clap::builder::TypedValueParser<Value = crate::facets::Facet> {
    use crate::facets::Facet;
    let names = Facet::ALL.map(Facet::name);
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(names).map(|name| {
        let known = Facet::ALL.into_iter().find(|f| f.name() == name);
        known.expect("a name the parser accepted")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every argument and option of `command` and its subcommands that has
    /// no description, as "esf list --json".
    fn undescribed(command: &clap::Command, path: &str, found: &mut Vec<String>) {
        for arg in command.get_arguments() {
            let builtin = matches!(arg.get_id().as_str(), "help" | "version");
            if !builtin && arg.get_help().is_none() && arg.get_long_help().is_none() {
                found.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in command.get_subcommands() {
            if sub.get_about().is_none() && sub.get_name() != "help" {
                found.push(format!("{path} {}: no description", sub.get_name()));
            }
            undescribed(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }

    #[test]
    fn every_option_and_argument_is_explained_in_help() {
        let mut found = Vec::new();
        undescribed(&Cli::command(), "esf", &mut found);
        assert!(
            found.is_empty(),
            "no --help text for:\n{}",
            found.join("\n")
        );
    }

    fn help_of(args: &[&str]) -> String {
        let err = Cli::try_parse_from(args).expect_err("--help ends parsing");
        err.render().to_string()
    }

    #[test]
    fn the_help_says_what_plain_esf_does_and_how_it_ends() {
        let help = help_of(&["esf", "--help"]);
        assert!(
            help.contains("Without a command, esf opens the browser"),
            "{help}"
        );
        assert!(help.contains("Exit status"), "{help}");
        assert!(help.contains("CSV, JSON or Markdown"), "{help}");
    }

    #[test]
    fn facet_help_lists_every_facet() {
        let help = help_of(&["esf", "list", "--help"]);
        for facet in crate::facets::Facet::ALL {
            assert!(
                help.contains(facet.name()),
                "{} missing:\n{help}",
                facet.name()
            );
        }
        let parsed = Cli::try_parse_from(["esf", "list", "--facet", "region"]).unwrap();
        let Some(Command::List(list)) = parsed.command else {
            panic!("a list command");
        };
        assert_eq!(list.facet, Some(crate::facets::Facet::Region));
        assert!(Cli::try_parse_from(["esf", "list", "--facet", "colour"]).is_err());
    }
}
