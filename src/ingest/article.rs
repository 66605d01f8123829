//! `article`: a news page about a project. Page chrome and banners on top,
//! a headline, paragraphs, and a side panel (project name, `Programområde:`,
//! `Region:`, `Projektägare:`) naming the project the article is about.

use super::fields::Field;
use super::gazetteer::Gazetteer;
use super::labelled::{self, Pair};
use super::text::CleanText;
use super::{project, FormatParser, Parsed};
use crate::model::{Article, Format, Project};

pub struct ArticlePage;

/// Fields a side panel gives; two of them make a panel.
const PANEL_FIELDS: &[Field] = &[Field::Area, Field::Region, Field::Owner, Field::Objective];

impl FormatParser for ArticlePage {
    fn format(&self) -> Format {
        Format::Article
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        match SidePanel::find(doc) {
            Some(panel) if panel.name_line > 0 => 6,
            _ => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let Some(panel) = SidePanel::find(doc) else {
            return Parsed::default();
        };
        let content = content_lines(doc, g, panel.name_line);
        let title = content.first().map(|l| l.trim().to_string());
        let body = labelled::paragraphs(content.iter().skip(1).copied()).unwrap_or_default();
        let mut warnings = Vec::new();
        let mut p = Project {
            name: panel.project_name(doc),
            ..Project::default()
        };
        project::apply_pairs(&mut p, &panel.pairs, &mut warnings);
        finish(p, g, title, body, warnings)
    }
}

/// An article's project completed from its text (programme, organisations,
/// municipalities), with the article itself: shared by both layouts.
pub fn finish(
    mut p: Project,
    g: &Gazetteer,
    title: Option<String>,
    body: String,
    warnings: Vec<String>,
) -> Parsed {
    project::fill_programme(&mut p, g, None);
    owner_from_prose(&mut p, g, &body);
    for name in super::places::listed_in_prose(g, &body) {
        if !p.municipalities.contains(&name) {
            p.municipalities.push(name);
        }
    }
    project::link_organisations(&mut p, g, &body);
    let article = Article {
        title: title.clone().unwrap_or_default(),
        body,
        project_name: p.name.clone(),
    };
    Parsed {
        title,
        project: Some(p),
        article: Some(article),
        warnings,
        ..Parsed::default()
    }
}

/// The owner the prose names, when nothing above named one, and the
/// partners named beside it; beside an owner already named, the partners
/// only where the prose names the same owner.
fn owner_from_prose(p: &mut Project, g: &Gazetteer, body: &str) {
    let found = super::prose::owner::owner_in_prose(g, body);
    let Some(owner) = found.owner else {
        return;
    };
    let same = |known: &str| {
        super::orgs::canonicalise(g, known).name == super::orgs::canonicalise(g, &owner).name
    };
    match p.owner.as_deref() {
        None => p.owner = Some(owner),
        Some(known) if same(known) => {}
        Some(_) => return,
    }
    for partner in found.partners {
        if !p.partners.contains(&partner) {
            p.partners.push(partner);
        }
    }
}

/// The side panel: its pairs and the line holding the project's name.
struct SidePanel {
    name_line: usize,
    pairs: Vec<Pair>,
}

impl SidePanel {
    /// The first run of spaced label pairs with at least two panel fields,
    /// below some prose and preceded by a line of text (the project's name).
    fn find(doc: &CleanText) -> Option<SidePanel> {
        let lines = &doc.lines;
        let mut i = 0;
        while i < lines.len() {
            if labelled::label_of(&lines[i]).is_none() {
                i += 1;
                continue;
            }
            let (pairs, end) = labelled::read_spaced_pairs(lines, i);
            if let Some(name_line) = panel_name_line(lines, i, &pairs) {
                return Some(SidePanel { name_line, pairs });
            }
            i = end.max(i + 1);
        }
        None
    }

    fn project_name(&self, doc: &CleanText) -> Option<String> {
        Some(doc.lines[self.name_line].trim().to_string()).filter(|n| !n.is_empty())
    }
}

/// The line naming the project, when the pairs starting at `start` are a
/// side panel: two panel fields, no diarienummer or name label, prose above.
fn panel_name_line(lines: &[String], start: usize, pairs: &[Pair]) -> Option<usize> {
    let fields: Vec<Field> = pairs
        .iter()
        .filter_map(|p| super::fields::field_for(&p.label))
        .collect();
    let panel_fields = PANEL_FIELDS.iter().filter(|f| fields.contains(f)).count();
    // A box naming the project by label (`Projektnamn:`) is today's fact
    // box, read with the prose (`prose_article`), however its page was saved.
    if panel_fields < 2 || fields.contains(&Field::Id) || fields.contains(&Field::Name) {
        return None;
    }
    let name_line = (0..start).rev().find(|&i| !lines[i].trim().is_empty())?;
    let named = labelled::label_of(&lines[name_line]).is_none();
    let has_prose = lines[..name_line].iter().any(|l| l.len() > 80);
    (named && has_prose).then_some(name_line)
}

/// Lines above the panel that are the article: chrome and the banner
/// above the headline left out.
fn content_lines<'a>(doc: &'a CleanText, g: &Gazetteer, end: usize) -> Vec<&'a String> {
    let mut lines: Vec<&String> = doc.lines[..end]
        .iter()
        .filter(|l| !g.is_chrome(l))
        .collect();
    let headline = lines
        .iter()
        .position(|l| !l.trim().is_empty() && !is_banner(l))
        .unwrap_or(lines.len());
    lines.drain(..headline);
    lines
}

/// `3 december - Webbinarium om …`: an event banner at the top of the page.
fn is_banner(line: &str) -> bool {
    const MONTHS: &[&str] = &[
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let mut words = line.split_whitespace();
    let day = words
        .next()
        .is_some_and(|w| w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
    let month = words
        .next()
        .is_some_and(|w| MONTHS.contains(&w.to_lowercase().as_str()));
    let dash = words.next().is_some_and(|w| w == "-" || w == "–");
    day && month && dash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners() {
        assert!(is_banner(
            "3 december - Webbinarium om fattigdom i dagens Sverige"
        ));
        assert!(is_banner("12 Mars – Konferens"));
        assert!(!is_banner("3 december var en bra dag"));
        assert!(!is_banner("Framgångsrik västsvensk samordning"));
    }
}
