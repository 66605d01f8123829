//! Read models: what the cache hands to lists, the detail pane, facets,
//! exports and the command line. Plain data, no SQL and no drawing.

use super::{Call, LinkedDoc, Project};
use serde::Serialize;

/// What a list row and the fuzzy filter need of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProjectSummary {
    /// Diarienummer, or the derived key of a project without one.
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub owner: Option<String>,
    pub region: Option<String>,
    pub fund: Option<String>,
    pub programme_period: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub total_budget_sek: Option<i64>,
    pub esf_grant_sek: Option<i64>,
}

impl ProjectSummary {
    /// The ID as the document writes it ("22-002-s07"), where the key is
    /// that diarienummer folded; the key itself otherwise.
    pub fn shown_id(&self) -> &str {
        let written = self.id.as_deref().map(str::trim).unwrap_or_default();
        // Allocates only for an ID outside ASCII: lists show a million.
        let same = match written.is_ascii() {
            true => written.eq_ignore_ascii_case(&self.key),
            false => written.to_uppercase() == self.key.to_uppercase(),
        };
        match same {
            true => written,
            false => &self.key,
        }
    }
}

/// A project in full, with where it came from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StoredProject {
    pub key: String,
    #[serde(flatten)]
    pub project: Project,
    pub source: String,
    pub articles: Vec<ArticleRef>,
    /// Every file that gives this project (more than one: same diarienummer).
    pub sources: Vec<String>,
    /// Where each field's value comes from, every value with its sources
    /// (the project's pages and rows, its Kohesio page, articles and pages
    /// about it).
    pub field_sources: super::field_sources::FieldSources,
    /// Each document about the project and the fields it gives.
    pub source_fields: Vec<super::field_sources::SourceFields>,
    /// The Kohesio page that met the record (same name and owner,
    /// overlapping dates); its euro figures are in the project.
    pub kohesio: Option<String>,
    /// Owners' pages, news items and final reports about the project.
    pub linked: Vec<LinkedRef>,
    /// The fields the project's record left empty and another source
    /// gave, each with that source (the record's own values are never
    /// replaced).
    pub filled_from: super::filled::FilledFrom,
}

/// A document about a project, as the project's detail lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LinkedRef {
    pub kind: String,
    pub title: Option<String>,
    pub source: String,
}

/// A call for applications in the cache.
#[derive(Debug, Clone, Serialize)]
pub struct StoredCall {
    pub source: String,
    #[serde(flatten)]
    pub call: Call,
}

/// A linked document in the cache, and the project it found there (`None`:
/// no project in the cache has its diarienummer, or its name and owner).
#[derive(Debug, Clone, Serialize)]
pub struct StoredLinked {
    pub source: String,
    pub title: Option<String>,
    #[serde(flatten)]
    pub linked: LinkedDoc,
    pub project_key: Option<String>,
}

/// A project record with its key (the shape of `list --json`).
#[derive(Debug, Clone, Serialize)]
pub struct KeyedProject {
    pub key: String,
    #[serde(flatten)]
    pub project: Project,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ArticleRef {
    pub title: String,
    pub body: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub owner: Option<String>,
    /// The words around the match, each match between the marks of
    /// `search::snippet` (`search --json` gives text and positions).
    #[serde(skip)]
    pub snippet: String,
    /// Found by its diarienummer or key, not in a text.
    #[serde(skip)]
    pub by_id: bool,
    pub rank: f64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct OrgSummary {
    pub name: String,
    pub parent: Option<String>,
    pub kind: String,
    pub projects: usize,
    /// Roles it has in those projects, strongest first.
    pub roles: Vec<String>,
    /// Its organisationsnummer (`NNNNNN-NNNN`), as documents give them.
    pub org_numbers: Vec<String>,
    /// Other names documents gave it (tied to it by its number).
    pub other_names: Vec<String>,
}

/// The columns an organisation is shown in (`esf orgs`, the organisations
/// screen), as i18n keys.
pub const ORG_COLUMNS: [&str; 6] = [
    "PROJECTS",
    "ORGANISATION",
    "ORG. NUMBER",
    "KIND",
    "ROLES",
    "PART OF",
];

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnclassifiedDoc {
    /// `unknown`, `call`, or `linked_page` (about a project not in the cache).
    pub kind: String,
    pub source: String,
    pub title: Option<String>,
    pub text: Option<String>,
}

/// One project's facet values, as handed to `FacetIndex::push`.
#[derive(Debug, Default)]
pub struct FacetRow<'a> {
    pub area: Option<&'a str>,
    pub objective: Option<&'a str>,
    pub phase: Option<&'a str>,
    pub municipalities: Vec<&'a str>,
    /// The project's own organisations (not those they belong to).
    pub organisations: Vec<&'a str>,
    /// Those of `organisations` that are units or branches of another,
    /// each with the organisation it belongs to (counted for it too).
    pub parents: Vec<(&'a str, &'a str)>,
}

/// The changes a user has not seen, with the cache they belong to.
pub struct Unseen {
    pub cache_id: String,
    pub changes: Vec<super::Change>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

/// Rows of the project lists an import read (spreadsheets of projects).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListRows {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows no project came from, counted by reason (another fund, …).
    pub not_kept: Vec<(String, usize)>,
    /// Rows an earlier version of a list held and this one does not: the
    /// projects' names (what other documents gave them stays).
    pub no_longer_listed: Vec<String>,
}

impl ListRows {
    pub fn is_empty(&self) -> bool {
        self.new + self.updated + self.unchanged == 0
            && self.not_kept.is_empty()
            && self.no_longer_listed.is_empty()
    }
}

/// What an import did. The JSON keys are the report's words.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub seen: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub unclassified: usize,
    pub skipped: usize,
    pub removed: usize,
    /// Projects in the cache after the import.
    pub projects: usize,
    /// Rows of project lists this run read: what they gave, and what the
    /// lists did not keep.
    pub rows: ListRows,
    pub skipped_files: Vec<SkippedFile>,
    pub warnings: Vec<String>,
}

impl ImportReport {
    /// Documents this run read or found unchanged.
    pub fn read(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}
