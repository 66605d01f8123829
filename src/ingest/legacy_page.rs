//! `legacy_page`: the fund's older project page. Labels are glued to their
//! values (`ProjektägareSamodningsförbundet …`, `Beviljat ESF-stöd974 500 kr`),
//! sections follow, and partners and municipalities come as bullet lists.

use super::fields::{self, Field, LABELS};
use super::gazetteer::Gazetteer;
use super::text::CleanText;
use super::{labelled, project, FormatParser, Parsed};
use crate::model::{Format, Project};

pub struct LegacyPage;

/// Longer lines are prose, never a glued label and its value.
const MAX_GLUED_LINE: usize = 400;

/// Lines with a glued label needed before a page counts as this format.
const MIN_GLUED: usize = 3;

impl FormatParser for LegacyPage {
    fn format(&self) -> Format {
        Format::LegacyPage
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        let glued = doc
            .lines
            .iter()
            .filter(|l| glued_label(l).is_some())
            .count();
        if glued >= MIN_GLUED {
            8
        } else {
            0
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let Some(start) = doc.lines.iter().position(|l| glued_label(l).is_some()) else {
            return Parsed::default();
        };
        let mut warnings = Vec::new();
        let mut p = Project::default();
        let end = read_header(doc, g, start, &mut p, &mut warnings);
        let title = title_before(doc, g, start);
        if p.name.is_none() {
            p.name = title.clone();
        }
        let body = Body::read(doc, g, end);
        p.partners = body.partners;
        p.municipalities.extend(body.municipalities);
        p.description = labelled::paragraphs(&body.text);
        project::fill_programme(&mut p, g, None);
        let prose = p.description.clone().unwrap_or_default();
        project::link_organisations(&mut p, g, &prose);
        Parsed {
            title,
            project: Some(p),
            warnings,
            ..Parsed::default()
        }
    }
}

/// `ProjektfasGenomförande` → (label, field, value). The label must be
/// glued to a value that starts a new word (capital letter or digit), so
/// ordinary words such as `Regionen` or `Kommunförvaltning` are not labels;
/// an e-mail address may start in lower case.
fn glued_label(line: &str) -> Option<(&str, Field, &str)> {
    let line = line.trim();
    // Label lines are short and start with a capital letter.
    if line.len() > MAX_GLUED_LINE || !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    LABELS.iter().find_map(|(label, field)| {
        let rest = super::normalise::strip_prefix_ci(line, label)?;
        let first = rest.chars().next()?;
        let starts_value = first.is_uppercase() || first.is_ascii_digit();
        let email = *field == Field::Email && rest.contains('@');
        (starts_value || email).then(|| (&line[..line.len() - rest.len()], *field, rest))
    })
}

/// Inside the glued-label block, where every line is a label: the longest
/// label a line starts with, whatever the case of the value glued to it
/// ("Kontaktpersonstefan Johansson").
fn glued_label_in_block(line: &str) -> Option<(&str, Field, &str)> {
    if let Some(found) = glued_label(line) {
        return Some(found);
    }
    let line = line.trim();
    LABELS
        .iter()
        .filter_map(|(label, field)| {
            let rest = super::normalise::strip_prefix_ci(line, label)?;
            let starts_value = rest.chars().next().is_some_and(char::is_alphanumeric);
            starts_value.then(|| (&line[..line.len() - rest.len()], *field, rest))
        })
        .max_by_key(|(label, _, _)| label.len())
}

/// Applies the glued-label block; returns the index after it.
fn read_header(
    doc: &CleanText,
    g: &Gazetteer,
    start: usize,
    p: &mut Project,
    warnings: &mut Vec<String>,
) -> usize {
    let (mut i, mut seen) = (start, Vec::new());
    while i < doc.lines.len() && !doc.lines[i].trim().is_empty() {
        let line = doc.lines[i].trim();
        match glued_label_in_block(line) {
            Some((label, field, value)) => {
                warnings.extend(fields::apply_once(p, field, label, value, &mut seen))
            }
            None if g.is_chrome(line) => {}
            None => project::unknown_label(p, "unlabelled line", line, warnings),
        }
        i += 1;
    }
    i
}

/// The project's name: the last line of content above the label block.
fn title_before(doc: &CleanText, g: &Gazetteer, start: usize) -> Option<String> {
    doc.lines[..start]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !g.is_chrome(l))
        .map(str::to_string)
}

/// The page below the labels: prose sections and bullet lists.
#[derive(Default)]
struct Body {
    text: Vec<String>,
    partners: Vec<String>,
    municipalities: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Prose,
    Partners,
    Municipalities,
}

impl Body {
    fn read(doc: &CleanText, g: &Gazetteer, from: usize) -> Body {
        let mut body = Body::default();
        let mut section = Section::Prose;
        for line in &doc.lines[from..] {
            let trimmed = line.trim();
            if let Some(next) = list_heading(trimmed) {
                section = next;
                continue;
            }
            match (section, bullet(trimmed)) {
                (Section::Partners, Some(item)) => body.partners.push(item.to_string()),
                (Section::Municipalities, Some(item)) => body.municipalities.push(item.to_string()),
                _ if g.is_chrome(trimmed) => {}
                (_, _) if trimmed.is_empty() && section != Section::Prose => {}
                _ => {
                    section = Section::Prose;
                    body.text.push(line.clone());
                }
            }
        }
        body
    }
}

fn list_heading(line: &str) -> Option<Section> {
    match super::gazetteer::pattern_key(line.trim_end_matches(':')).as_str() {
        "samarbetspartners" | "samarbetspartner" | "partners" => Some(Section::Partners),
        "kommun" | "kommuner" => Some(Section::Municipalities),
        _ => None,
    }
}

/// ` • Ale` → `Ale`.
fn bullet(line: &str) -> Option<&str> {
    let item = line.strip_prefix(['•', '·', '*', '-', '–', '▪'])?.trim();
    (!item.is_empty()).then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_labels_are_split() {
        let (label, field, value) = glued_label("Beviljat ESF-stöd974 500 kr").unwrap();
        assert_eq!(
            (label, field, value),
            ("Beviljat ESF-stöd", Field::Grant, "974 500 kr")
        );
        let (_, field, value) = glued_label("ProjektägareSamodningsförbundet X").unwrap();
        assert_eq!((field, value), (Field::Owner, "Samodningsförbundet X"));
        assert!(glued_label("Region: Västsverige").is_none());
        assert!(glued_label("Region").is_none());
        assert!(glued_label("Regionkansliet").is_none());
        assert!(glued_label("Kommunerna har").is_none());
        assert!(glued_label("E-postmagnus@af.se").is_some());
    }

    #[test]
    fn in_the_block_a_value_in_lower_case_is_still_a_value() {
        let (label, field, value) = glued_label_in_block("Kontaktpersonstefan Johansson").unwrap();
        assert_eq!(
            (label, field, value),
            ("Kontaktperson", Field::ContactName, "stefan Johansson")
        );
        assert!(
            glued_label("Kontaktpersonstefan Johansson").is_none(),
            "not to start a block"
        );
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet("• Ale"), Some("Ale"));
        assert_eq!(bullet("Ale"), None);
        assert_eq!(bullet("•"), None);
    }
}
