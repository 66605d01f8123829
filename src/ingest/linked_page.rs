//! `linked_page`: a page about an ESF project that is not the fund's own
//! record of it — the owner's or a partner's page, a news item, a final
//! report ("Slutrapport" with a template's labels). It names the project,
//! often its owner and dates; it is kept beside the project it names and
//! never makes a project of its own. A page that never speaks of the
//! Social Fund (Vinnova, Tillväxtverket, Interreg) is none.

use super::gazetteer::Gazetteer;
use super::page_fields::{self, PageField};
use super::prose_article::{from_esf_site, named_project, speaks_of_esf};
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
        let facts = page_fields::find(&doc.lines, LABELS);
        let named = page_fields::first(&facts, Fact::Name).is_some();
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
        let text = doc.lines.join("\n");
        let about_a_project = speaks_of_esf(&text) && project_named(&text).is_some();
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
    let facts = page_fields::find(&doc.lines, LABELS);
    let content: Vec<&String> = doc.lines.iter().filter(|l| !g.is_chrome(l)).collect();
    let body = labelled::paragraphs(content.iter().copied()).unwrap_or_default();
    let (start_date, end_date) = dates(&facts, &body);
    let linked = LinkedDoc {
        kind: kind.to_string(),
        project_id: page_fields::first(&facts, Fact::Id)
            .map(str::to_string)
            .or_else(|| diarienummer_in(&body)),
        project_name: page_fields::first(&facts, Fact::Name)
            .map(str::to_string)
            .or_else(|| project_named(&body)),
        owner: page_fields::first(&facts, Fact::Owner)
            .map(str::to_string)
            .or_else(|| owner_in(&body)),
        start_date,
        end_date,
        body,
    };
    Parsed {
        title: title(&content, &linked),
        linked: Some(linked),
        ..Parsed::default()
    }
}

/// A final report is titled by the project it reports on; a page by its
/// heading, the short line just above its first paragraph of prose (the
/// lines above it are the site's name and menus).
fn title(content: &[&String], linked: &LinkedDoc) -> Option<String> {
    let name = linked.project_name.as_deref().unwrap_or("");
    if linked.kind == "final_report" {
        return Some(format!("Slutrapport: {name}"));
    }
    let is_prose = |l: &str| l.chars().count() >= 60 && l.ends_with(['.', '!', '?']);
    let lines: Vec<&str> = content
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let first_prose = lines.iter().position(|l| is_prose(l)).unwrap_or(0);
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

/// The project's name: after a cue ("projektet X"), or before one ("X är
/// ett ESF-projekt").
pub fn project_named(text: &str) -> Option<String> {
    named_project(text).or_else(|| named_before_cue(text))
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

/// "Projektet drivs av Lidköpings kommun tillsammans med …".
fn owner_in(text: &str) -> Option<String> {
    const CUES: &[&str] = &[
        "drivs av ",
        "ägs av ",
        "projektägare är ",
        "projektägaren är ",
    ];
    const ENDS: &[&str] = &[
        " tillsammans",
        " i samarbete",
        " i samverkan",
        " och ",
        " med ",
    ];
    let lower = text.to_ascii_lowercase();
    CUES.iter().find_map(|cue| {
        let at = lower.find(cue)? + cue.len();
        let rest = text[at..].split(['.', ',', ';', '(', '\n']).next()?;
        let end = ENDS
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .unwrap_or(rest.len());
        let name = rest[..end].trim();
        let ok = name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 6;
        ok.then(|| name.to_string())
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
        assert_eq!(
            project_named(text).as_deref(),
            Some("Framtidens Arbetsplats")
        );
        assert_eq!(owner_in(text).as_deref(), Some("Lidköpings kommun"));
        assert_eq!(owner_in("Det drivs av oss."), None);
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
