//! The arguments of each command.

use super::{facet_names, ExportFormat, FacetArgs, NotesAction, ReviewArg};
use crate::catalogue::SortKey;
use std::path::PathBuf;

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
    pub facet: Option<crate::catalogue::facets::Facet>,
    /// Print JSON (each project's full record) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Include contact persons in the JSON (personal data; left out by
    /// default).
    #[arg(long)]
    pub with_contacts: bool,
    /// With --filter: the words around the match for every project only
    /// its texts match (by default the first 200, the best ranked; the
    /// rest name the words their texts hold).
    #[arg(long)]
    pub snippets: bool,
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

// The arguments of `esf coverage`.
#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    /// The matrix's columns: programme area, specific objective or start
    /// year.
    #[arg(long, value_enum, default_value_t = CoverageByArg::ProgrammeArea)]
    pub by: CoverageByArg,
    /// Only the municipalities of this region or county (Västsverige,
    /// "Västra Götalands län"); the whole country without it.
    #[arg(long)]
    pub region: Option<String>,
    /// Print the matrix as JSON: every cell with its projects and grants.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the matrix as CSV: projects and ESF grant (kronor) per cell.
    #[arg(long)]
    pub csv: bool,
}

/// `--by` of `esf coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CoverageByArg {
    #[value(name = "programme_area", alias = "programme-area", alias = "area")]
    ProgrammeArea,
    #[value(alias = "specific_objective")]
    Objective,
    Year,
}

// The arguments of `esf timeline`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true)
    .args(["org", "municipality", "filter"])))]
pub struct TimelineArgs {
    /// An organisation: its name (any name documents give it) or
    /// organisationsnummer; its units and branches count for it.
    pub org: Option<String>,
    /// The projects of one municipality.
    #[arg(long)]
    pub municipality: Option<String>,
    /// The projects this search finds (as `esf list --filter`).
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    /// Print the projects and the gaps between them as JSON.
    #[arg(long)]
    pub json: bool,
}
// The arguments of `esf overlaps`.
#[derive(Debug, clap::Args)]
pub struct OverlapsArgs {
    /// Only this organisation's projects (a name or an organisationsnummer).
    #[arg(long)]
    pub org: Option<String>,
    /// Only projects a document places in this municipality.
    #[arg(long)]
    pub municipality: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

// The arguments of `esf dossier`.
#[derive(Debug, clap::Args)]
pub struct DossierArgs {
    /// Diarienummer, or the key `esf list` shows for projects without one.
    pub id: String,
    /// Write the dossier to this file (never over one that exists).
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Include the contact person (personal data; left out by default).
    #[arg(long)]
    pub with_contacts: bool,
}

// The arguments of `esf completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
