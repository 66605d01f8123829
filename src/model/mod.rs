//! Plain domain types shared by ingest, store, search, graph and the TUI.
//!
//! The field names and their JSON shapes are the project's machine-readable
//! contract (`esf parse --json`, `esf show --json`, `esf list --json`).

pub mod field_sources;
pub mod filled;
pub mod org_number;
mod read;
pub use read::*;

use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// Which kind of document a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Esf2014,
    Esfplus,
    LegacyPage,
    Article,
    Kohesio,
    Call,
    LinkedPage,
    /// A row of the fund's project list (the project bank's export).
    ProjectList,
    /// A row of a Kohesio export.
    KohesioList,
    Unknown,
    Skipped,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Esf2014 => "esf2014",
            Format::Esfplus => "esfplus",
            Format::LegacyPage => "legacy_page",
            Format::Article => "article",
            Format::Kohesio => "kohesio",
            Format::Call => "call",
            Format::LinkedPage => "linked_page",
            Format::ProjectList => "project_list",
            Format::KohesioList => "kohesio_list",
            Format::Unknown => "unknown",
            Format::Skipped => "skipped",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [
            Format::Esf2014,
            Format::Esfplus,
            Format::LegacyPage,
            Format::Article,
            Format::Kohesio,
            Format::Call,
            Format::LinkedPage,
            Format::ProjectList,
            Format::KohesioList,
            Format::Unknown,
            Format::Skipped,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }
}

/// How an organisation is tied to a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Partner,
    Mentioned,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Partner => "partner",
            Role::Mentioned => "mentioned",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::Owner, Role::Partner, Role::Mentioned]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// One organisation tied to a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgLink {
    /// Canonical name: case, spacing and known misspellings folded.
    pub name: String,
    pub role: Role,
    /// The text as the document wrote it (the cache leaves it out when it
    /// is the name).
    #[serde(default)]
    pub as_written: String,
    /// The organisation this one is a branch or unit of, if known.
    pub parent: Option<String>,
}

/// A municipality a project concerns and where the document gives it:
/// `list` (a Kommun list), `owner`, `partner` (the municipality or a unit
/// of it), `place` (the beneficiary's town), `text` (named in the text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalitySource {
    pub name: String,
    pub from: Vec<String>,
}

/// The normalised project record. `None` means "the document does not say"
/// (as does a field left out: the cache keeps records without them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub id: Option<String>,
    pub name: Option<String>,
    pub fund: Option<String>,
    pub programme_period: Option<String>,
    pub owner: Option<String>,
    pub owner_org_number: Option<String>,
    pub region: Option<String>,
    pub nuts2: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub total_budget_sek: Option<i64>,
    pub esf_grant_sek: Option<i64>,
    #[serde(serialize_with = "serialize_number")]
    pub eu_cofinancing_rate_percent: Option<f64>,
    /// Euro as a Kohesio page gives them (cents kept), never converted.
    #[serde(default, serialize_with = "serialize_number")]
    pub total_budget_eur: Option<f64>,
    #[serde(default, serialize_with = "serialize_number")]
    pub eu_contribution_eur: Option<f64>,
    pub programme_area: Option<String>,
    pub programme_area_name: Option<String>,
    pub specific_objective: Option<String>,
    pub intervention_type: Option<String>,
    pub planned_participants: Option<i64>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub beneficiary_postcode: Option<String>,
    pub beneficiary_city: Option<String>,
    pub phase: Option<String>,
    pub partners: Vec<String>,
    pub municipalities: Vec<String>,
    /// Where each of `municipalities` came from.
    #[serde(default)]
    pub municipality_sources: Vec<MunicipalitySource>,
    pub organisations: Vec<OrgLink>,
    pub description: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// A news article about a project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub body: String,
    /// The project the article's side panel names.
    pub project_name: Option<String>,
}

/// A call for applications (Utlysning): never a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub id: Option<String>,
    pub title: Option<String>,
    pub region: Option<String>,
    pub programme_area: Option<String>,
    pub opens: Option<String>,
    pub closes: Option<String>,
    pub amount_sek: Option<i64>,
    pub description: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// A page about a project that is not the fund's own record of it: an
/// owner's or partner's page, a news item, a final report. It names the
/// project; it never makes one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedDoc {
    /// `final_report` or `page`.
    pub kind: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub owner: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// Partners the page names beside the owner ("… i samarbete med A och B").
    #[serde(default)]
    pub partners: Vec<String>,
    /// Municipalities the page lists, or its owner and partners are.
    #[serde(default)]
    pub municipalities: Vec<String>,
    pub body: String,
}

/// What `esf parse` makes of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedDocument {
    pub source: String,
    pub format: Format,
    pub title: Option<String>,
    pub skipped_reason: Option<String>,
    pub project: Option<Project>,
    pub article: Option<Article>,
    #[serde(default)]
    pub call: Option<Call>,
    #[serde(default)]
    pub linked: Option<LinkedDoc>,
    /// The document's text, kept for documents of unknown format only.
    pub text: Option<String>,
    pub warnings: Vec<String>,
}

impl ParsedDocument {
    pub fn skipped(source: &str, reason: impl Into<String>) -> ParsedDocument {
        ParsedDocument {
            source: source.to_string(),
            format: Format::Skipped,
            title: None,
            skipped_reason: Some(reason.into()),
            project: None,
            article: None,
            call: None,
            linked: None,
            text: None,
            warnings: Vec::new(),
        }
    }
}

/// Whole numbers print as integers (`50`, not `50.0`).
fn serialize_number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

/// Where a caseworker is with a project.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    #[default]
    Unread,
    InReview,
    Done,
}

impl ReviewState {
    pub const ALL: [ReviewState; 3] = [
        ReviewState::Unread,
        ReviewState::InReview,
        ReviewState::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Unread => "unread",
            ReviewState::InReview => "in-review",
            ReviewState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<ReviewState> {
        ReviewState::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The state after this one, round again after `done`.
    pub fn next(self) -> ReviewState {
        match self {
            ReviewState::Unread => ReviewState::InReview,
            ReviewState::InReview => ReviewState::Done,
            ReviewState::Done => ReviewState::Unread,
        }
    }
}

/// A caseworker's own record of a project: kept apart from the cache, by
/// the project's key, so it outlives every re-import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// The project's key (its diarienummer, or the derived key).
    pub key: String,
    /// The project's name when last annotated: orphaned notes still say
    /// what they were about.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub bookmarked: bool,
    #[serde(default)]
    pub review: ReviewState,
    /// Seconds since 1970 (UTC) of the last change; ISO 8601 in JSON.
    #[serde(default, with = "crate::dates::iso_seconds")]
    pub updated: i64,
}

impl Annotation {
    /// Nothing left to keep: no note, no bookmark, not reviewed.
    pub fn is_blank(&self) -> bool {
        self.note.trim().is_empty() && !self.bookmarked && self.review == ReviewState::Unread
    }
}

/// How an import changed a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    New,
    Changed,
    Removed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::New => "new",
            ChangeKind::Changed => "changed",
            ChangeKind::Removed => "removed",
        }
    }

    pub fn parse(s: &str) -> Option<ChangeKind> {
        [ChangeKind::New, ChangeKind::Changed, ChangeKind::Removed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// The latest change an import made to a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: String,
    pub kind: ChangeKind,
    /// The import that made it (numbered per cache).
    pub import_id: i64,
    pub name: Option<String>,
    /// The record's fields that changed, each with its value before and
    /// after, where known: a project changed by a newer file or list row.
    pub fields: Vec<FieldChange>,
}

/// One field an import changed: its name as in the record, and its value
/// before and after (`null` where there was none; a text of more than
/// [`FieldChange::LONGEST`] characters cut there, with `…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

impl FieldChange {
    pub const LONGEST: usize = 200;

    /// A change of `field`, long texts cut.
    pub fn new(field: &str, before: &serde_json::Value, after: &serde_json::Value) -> Self {
        FieldChange {
            field: field.to_string(),
            before: bounded(before),
            after: bounded(after),
        }
    }
}

fn bounded(value: &serde_json::Value) -> serde_json::Value {
    match value.as_str() {
        Some(text) if text.chars().count() > FieldChange::LONGEST => {
            let cut: String = text.chars().take(FieldChange::LONGEST).collect();
            serde_json::Value::String(cut + "…")
        }
        _ => value.clone(),
    }
}

impl Change {
    /// Not seen yet: the user last saw this project before this change.
    pub fn is_unseen(&self, seen_at_import: Option<i64>) -> bool {
        seen_at_import.is_none_or(|seen| seen < self.import_id)
    }
}
