//! The project bank's record layout, shared by `esf2014` and `esfplus`:
//! a title line `ID - Name`, a block of `Label:` / value lines, then prose.

use super::fields::Field;
use super::gazetteer::Gazetteer;
use super::labelled::{self, Pair};
use super::text::CleanText;
use super::{project, Parsed};
use crate::model::Project;

/// The parts of a record, before its fields are applied.
pub struct RecordLayout {
    pub title: Option<String>,
    pub pairs: Vec<Pair>,
    /// Index of the first line after the label block.
    pub body_start: usize,
}

/// Labels only the 2021–2027 programme's records use.
const ESFPLUS_ONLY: &[&str] = &[
    "startdatum",
    "slutdatum",
    "berörd fond",
    "nuts-2 kod",
    "program cci",
    "projektägare organisationsnummer",
];

/// Reads the layout when the text has it: at least four labelled pairs
/// near the top, one of them naming the project.
pub fn layout(doc: &CleanText) -> Option<RecordLayout> {
    let first = doc.lines.iter().position(|l| !l.trim().is_empty())?;
    let (title, pairs_start) = match labelled::label_of(&doc.lines[first]) {
        Some(_) => (None, first),
        None => (
            Some(doc.lines[first].trim().to_string()),
            next_text(doc, first + 1)?,
        ),
    };
    let (pairs, body_start) = labelled::read_pairs(&doc.lines, pairs_start);
    let names_project = project::has_field(&pairs, &[Field::Id, Field::Name]);
    (pairs.len() >= 4 && names_project).then_some(RecordLayout {
        title,
        pairs,
        body_start,
    })
}

fn next_text(doc: &CleanText, from: usize) -> Option<usize> {
    (from..doc.lines.len()).find(|&i| !doc.lines[i].trim().is_empty())
}

/// Is this a 2021–2027 (ESF+) record?
pub fn is_esfplus(layout: &RecordLayout) -> bool {
    layout.pairs.iter().any(|p| {
        let key = super::gazetteer::pattern_key(&p.label);
        ESFPLUS_ONLY.contains(&key.as_str()) || (key == "berörd fond" && p.value.contains('+'))
    })
}

/// Builds the record; `period` is the programme the format belongs to.
pub fn parse(doc: &CleanText, g: &Gazetteer, period: &str) -> Parsed {
    let Some(layout) = layout(doc) else {
        return Parsed::default();
    };
    let mut warnings = Vec::new();
    let mut p = Project::default();
    project::apply_pairs(&mut p, &layout.pairs, &mut warnings);
    let title = layout.title.clone().or_else(|| synthetic_title(&p));
    if let Some(t) = &layout.title {
        project::fill_from_title(&mut p, t);
    }
    p.description = labelled::paragraphs(&doc.lines[layout.body_start..]);
    project::fill_programme(&mut p, g, Some(period));
    let prose = p.description.clone().unwrap_or_default();
    project::link_organisations(&mut p, g, &prose);
    super::places::place_project(&mut p, g, &prose);
    Parsed {
        title,
        project: Some(p),
        article: None,
        warnings,
    }
}

fn synthetic_title(p: &Project) -> Option<String> {
    match (&p.id, &p.name) {
        (Some(id), Some(name)) => Some(format!("{id} - {name}")),
        (id, name) => name.clone().or_else(|| id.clone()),
    }
}
