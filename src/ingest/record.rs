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

/// Reads the layout when the text has it: a block of at least four
/// labelled pairs, one of them naming the project and the block bearing
/// the fund's marks ([`super::fund_marks`]), wherever it starts (site
/// chrome such as a cookie banner may come first), and the line of
/// content above it as the title.
pub fn layout(doc: &CleanText) -> Option<RecordLayout> {
    let g = super::gazetteer::gazetteer();
    let content = |i: usize| {
        let line = doc.lines[i].trim();
        !line.is_empty() && !g.is_chrome(line)
    };
    let mut start = 0;
    while start < doc.lines.len() {
        if labelled::label_of(&doc.lines[start]).is_none() || !content(start) {
            start += 1;
            continue;
        }
        let known = |label: &str| super::fields::field_for(label).is_some();
        let (pairs, body_start) = labelled::read_record_pairs(&doc.lines, start, known);
        let record = pairs.len() >= 4
            && project::has_field(&pairs, &[Field::Id, Field::Name])
            && !is_fact_box(doc, start, &pairs);
        if !record || !super::fund_marks::is_the_funds(doc, &pairs) {
            // Each block is read once: the next try starts after it.
            start = body_start.max(start + 1);
            continue;
        }
        let title = (0..start)
            .rev()
            .find(|&i| content(i))
            .map(|i| doc.lines[i].trim().to_string());
        return Some(RecordLayout {
            title,
            pairs,
            body_start,
        });
    }
    None
}

/// A news article's fact box (`Projektnamn:`, `Projektägare:`, …) below
/// its prose, which a saved page sets label and value on lines of their
/// own like a record's: no diarienummer, and paragraphs of prose above.
fn is_fact_box(doc: &CleanText, start: usize, pairs: &[labelled::Pair]) -> bool {
    let g = super::gazetteer::gazetteer();
    let prose_above = doc.lines[..start]
        .iter()
        .any(|l| l.trim().chars().count() > 80 && !g.is_chrome(l));
    !project::has_field(pairs, &[Field::Id]) && prose_above
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
    if let Some(line) = doc
        .lines
        .get(layout.body_start)
        .filter(|l| !l.trim().is_empty())
    {
        warnings.push(format!(
            "\"{}\" is neither a label nor a value; the labelled fields end there and it is kept with the text",
            super::truncate_chars(line.trim(), 80)
        ));
    }
    let title = layout.title.clone().or_else(|| synthetic_title(&p));
    if let Some(t) = &layout.title {
        project::fill_from_title(&mut p, t);
    }
    // Site chrome after the record (a footer, "Till toppen") is no prose.
    let body = doc.lines[layout.body_start..].iter();
    p.description = labelled::paragraphs(body.filter(|l| !g.is_chrome(l)));
    project::fill_programme(&mut p, g, Some(period));
    let prose = p.description.clone().unwrap_or_default();
    project::link_organisations(&mut p, g, &prose);
    Parsed {
        title,
        project: Some(p),
        warnings,
        ..Parsed::default()
    }
}

fn synthetic_title(p: &Project) -> Option<String> {
    match (&p.id, &p.name) {
        (Some(id), Some(name)) => Some(format!("{id} - {name}")),
        (id, name) => name.clone().or_else(|| id.clone()),
    }
}
