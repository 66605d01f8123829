//! `linked_page`: a page about an ESF project that is not the fund's own
//! record of it — the owner's or a partner's page, a news item, a final
//! report ("Slutrapport" with a template's labels). It names the project,
//! often its owner and dates; it is kept beside the project it names and
//! never makes a project of its own. A page that never speaks of the
//! Social Fund (Vinnova, Tillväxtverket, Interreg) is none.

use super::gazetteer::Gazetteer;
use super::page_fields::{self, PageField};
use super::prose::owner as prose_owner;
use super::prose_article::{from_esf_site, speaks_of_esf};
use super::text::CleanText;
use super::{labelled, written_dates, FormatParser, Parsed};
use crate::model::{Format, LinkedDoc};

/// A final report: recognised before the records, whose layout it shares.
pub struct FinalReport;

/// Any other page naming an ESF project: tried last (it reads the prose).
pub struct ProjectPage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Id,
    Name,
    Owner,
    Period,
    Start,
    End,
}

const LABELS: &[(&str, Fact)] = &[
    ("diarienummer", Fact::Id),
    ("dnr", Fact::Id),
    ("projektnamn", Fact::Name),
    ("projektets namn", Fact::Name),
    ("projektägare", Fact::Owner),
    ("stödmottagare", Fact::Owner),
    ("projektperiod", Fact::Period),
    ("projekttid", Fact::Period),
    ("genomförandeperiod", Fact::Period),
    ("startdatum", Fact::Start),
    ("slutdatum", Fact::End),
];

/// How far down a final report says it is one.
const REPORT_HEADING_WITHIN: usize = 30;

impl FormatParser for FinalReport {
    fn format(&self) -> Format {
        Format::LinkedPage
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        let heading = doc
            .lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .take(REPORT_HEADING_WITHIN)
            .any(|l| is_report_heading(l));
        let lines = unflatten(&doc.lines);
        let facts = page_fields::find(&lines, LABELS);
        let named = page_fields::first(&facts, Fact::Name).is_some()
            || report_heading_name(&doc.lines).is_some();
        match heading && named && speaks_of_esf(&doc.lines.join("\n")) {
            true => 12,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        read(doc, g, "final_report")
    }
}

impl FormatParser for ProjectPage {
    fn format(&self) -> Format {
        Format::LinkedPage
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        let g = super::gazetteer::gazetteer();
        let text = doc.lines.join("\n");
        let content: Vec<&String> = doc.lines.iter().filter(|l| !g.is_chrome(l)).collect();
        let heading = heading(&content);
        let about_a_project =
            speaks_of_esf(&text) && project_named(g, &text, heading.as_deref()).is_some();
        match about_a_project && !from_esf_site(doc) {
            true => 2,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        read(doc, g, "page")
    }
}

/// "Slutrapport", "Slutrapport för projektet …", "Slutredovisning".
fn is_report_heading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    ["slutrapport", "slutredovisning"]
        .iter()
        .any(|w| lower.starts_with(w) && lower.chars().count() <= 100)
}

fn read(doc: &CleanText, g: &Gazetteer, kind: &str) -> Parsed {
    let lines = unflatten(&doc.lines);
    let facts = page_fields::find(&lines, LABELS);
    let content: Vec<&String> = doc.lines.iter().filter(|l| !g.is_chrome(l)).collect();
    let body = labelled::paragraphs(content.iter().copied()).unwrap_or_default();
    let heading = heading(&content);
    let (start_date, end_date) = dates(&facts, &body);
    let linked = LinkedDoc {
        kind: kind.to_string(),
        project_id: page_fields::first(&facts, Fact::Id)
            .map(str::to_string)
            .or_else(|| diarienummer_in(&body)),
        project_name: page_fields::first(&facts, Fact::Name)
            .map(str::to_string)
            .or_else(|| report_heading_name(&doc.lines))
            .or_else(|| project_named(g, &body, heading.as_deref())),
        owner: None,
        start_date,
        end_date,
        partners: Vec::new(),
        municipalities: Vec::new(),
        body,
    };
    let mut linked = linked;
    owner_and_places(&mut linked, g, page_fields::first(&facts, Fact::Owner));
    let title = match kind {
        "final_report" => Some(format!(
            "Slutrapport: {}",
            linked.project_name.as_deref().unwrap_or("")
        )),
        _ => heading,
    };
    Parsed {
        title,
        linked: Some(linked),
        ..Parsed::default()
    }
}

/// The owner (the page's label, else its prose), the partners its prose
/// names beside that owner, and the municipalities the page lists or its
/// owner and partners are (never a town only mentioned).
fn owner_and_places(linked: &mut LinkedDoc, g: &Gazetteer, labelled: Option<&str>) {
    let prose = prose_owner::owner_in_prose(g, &linked.body);
    let canonical = |n: &str| super::orgs::canonicalise(g, n).name;
    let owner = labelled.map(str::to_string).or(prose.owner.clone());
    let same = owner.as_deref().map(canonical) == prose.owner.as_deref().map(canonical);
    if same {
        linked.partners = prose.partners;
    }
    linked.owner = owner;
    let mut places = super::places::listed_in_prose(g, &linked.body);
    let orgs = linked.owner.iter().chain(linked.partners.iter());
    for name in orgs.filter_map(|o| super::places::municipality_of(g, o)) {
        if !places.contains(&name) {
            places.push(name);
        }
    }
    linked.municipalities = places;
}

/// The name a report's heading gives ("Slutredovisning av projekt Nya
/// Steg", "Slutrapport för projektet Vägen Vidare").
fn report_heading_name(lines: &[String]) -> Option<String> {
    let g = super::gazetteer::gazetteer();
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(REPORT_HEADING_WITHIN)
        .filter(|l| is_report_heading(l))
        .find_map(|l| super::prose::name::project_name(g, l.trim(), None))
}

/// Labels a report's template sets on one line when its layout is
/// flattened (`Projektnamn: Nya Steg Diarienummer: 2019/00321 …`).
const TEMPLATE_LABELS: &[&str] = &[
    "programområde",
    "region",
    "kontaktperson",
    "organisationsnummer",
    "beviljat stöd",
    "beviljat esf-stöd",
    "total budget",
    "rapportperiod",
    "datum",
    "e-post",
    "telefon",
    "ort",
];

/// Lines holding several labels cut before each label, so that each value
/// ends where the next label begins.
fn unflatten(lines: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let lower = line.to_ascii_lowercase();
        let labels = LABELS
            .iter()
            .map(|(l, _)| *l)
            .chain(TEMPLATE_LABELS.iter().copied());
        let mut cuts: Vec<usize> = labels
            .flat_map(|label| {
                let lower = &lower;
                lower
                    .match_indices(&format!(" {label}:"))
                    .map(|(i, _)| i + 1)
                    .collect::<Vec<_>>()
            })
            .collect();
        cuts.extend(capitalised_labels(line));
        if cuts.is_empty() || !page_fields::is_label(line, LABELS) && !starts_report(line) {
            out.push(line.clone());
            continue;
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut from = 0;
        for cut in cuts {
            out.push(line[from..cut].trim().to_string());
            from = cut;
        }
        out.push(line[from..].trim().to_string());
    }
    out
}

/// Where a label of the template's own that esf does not know begins
/// inside a line: a capitalised word of four letters or more just before
/// a colon (`… Projektledare: …`).
fn capitalised_labels(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    for (colon, _) in line.match_indices(':').skip(1).take(64) {
        let before = &line[..colon];
        let Some(space) = before.rfind(' ') else {
            continue;
        };
        let word = &before[space + 1..];
        let label_like = word.starts_with(char::is_uppercase)
            && word.chars().count() >= 4
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if label_like {
            cuts.push(space + 1);
        }
    }
    cuts
}

fn starts_report(line: &str) -> bool {
    is_report_heading(line.split(':').next().unwrap_or(line))
}

/// A page's heading: the short line just above its first paragraph of
/// prose (the lines above it are the site's name and menus).
fn heading(content: &[&String]) -> Option<String> {
    let lines: Vec<&str> = content
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    // Prose ends its sentence, or is wrapped: its next line goes on in
    // lower case.
    let is_prose = |i: usize| {
        let l = lines[i];
        let wrapped = lines
            .get(i + 1)
            .is_some_and(|n| n.starts_with(char::is_lowercase));
        l.chars().count() >= 60 && (l.ends_with(['.', '!', '?']) || wrapped)
    };
    let first_prose = (0..lines.len()).find(|&i| is_prose(i)).unwrap_or(0);
    lines[..first_prose]
        .last()
        .or(lines.first())
        .map(|l| l.to_string())
}

fn dates(facts: &[PageField<Fact>], body: &str) -> (Option<String>, Option<String>) {
    if let Some((s, e)) = page_fields::first(facts, Fact::Period).and_then(written_dates::period_in)
    {
        return (Some(s), Some(e));
    }
    let start = page_fields::first(facts, Fact::Start).and_then(written_dates::date);
    let end = page_fields::first(facts, Fact::End).and_then(written_dates::date);
    if start.is_some() || end.is_some() {
        return (start, end);
    }
    match written_dates::period_in(body) {
        Some((s, e)) => (Some(s), Some(e)),
        None => (None, None),
    }
}

/// The project's name: after a cue ("projektet X"), the heading's, or
/// before a cue ("X är ett ESF-projekt").
pub fn project_named(g: &Gazetteer, text: &str, heading: Option<&str>) -> Option<String> {
    super::prose::name::project_name(g, text, heading).or_else(|| named_before_cue(text))
}

/// "Framtidens Arbetsplats är ett ESF-projekt som …".
fn named_before_cue(text: &str) -> Option<String> {
    const CUES: &[&str] = &[
        " är ett esf-projekt",
        " är ett esf+-projekt",
        " är ett socialfondsprojekt",
        " är ett projekt som finansieras av europeiska socialfonden",
    ];
    // ASCII case only, so that offsets hold in `text`.
    let lower = text.to_ascii_lowercase();
    CUES.iter().find_map(|cue| {
        let at = lower.find(cue)?;
        let sentence = text[..at].rsplit(['.', '!', '?', ':', '\n']).next()?.trim();
        let words = sentence.split_whitespace().count();
        let ok = sentence.starts_with(char::is_uppercase) && (1..=8).contains(&words);
        ok.then(|| sentence.trim_matches(['”', '"', '“']).to_string())
    })
}

/// A diarienummer standing in the text: `2019/00321` (2014–2020) or
/// `22-002-S07` (ESF+).
fn diarienummer_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')' | ':' | ';'))
        .find(|w| is_diarienummer(w))
        .map(str::to_string)
}

fn is_diarienummer(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let old = b.len() == 10 && b[4] == b'/' && digits(0..4) && digits(5..10) && b[0] == b'2';
    let plus = b.len() == 10
        && digits(0..2)
        && b[2] == b'-'
        && digits(3..6)
        && b[6] == b'-'
        && b[7].is_ascii_alphabetic()
        && digits(8..10);
    old || plus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_owners_and_numbers_in_prose() {
        let text = "Framtidens Arbetsplats är ett ESF-projekt som drivs av Lidköpings kommun \
                    tillsammans med Götene kommun.";
        let g = crate::ingest::gazetteer::gazetteer();
        assert_eq!(
            project_named(g, text, None).as_deref(),
            Some("Framtidens Arbetsplats")
        );
        let owner = prose_owner::owner_in_prose(g, text);
        assert_eq!(owner.owner.as_deref(), Some("Lidköpings kommun"));
        assert_eq!(
            diarienummer_in("Projektet (dnr 2019/00321) pågår.").as_deref(),
            Some("2019/00321")
        );
        assert_eq!(
            diarienummer_in("ärende 22-002-S07.").as_deref(),
            Some("22-002-S07")
        );
        assert_eq!(diarienummer_in("telefon 2019/003212"), None);
    }

    #[test]
    fn report_headings() {
        assert!(is_report_heading("Slutrapport"));
        assert!(is_report_heading("Slutrapport för projektet Vägen Vidare"));
        assert!(!is_report_heading("Rapporten"));
    }
}
