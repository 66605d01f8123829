//! `kohesio`: a project's page on kohesio.eu, the EU's database of cohesion
//! projects, in English: the title, "Project summary", then labelled facts
//! (`Start date`, `Fund`, `Total budget: 3 544 067,52 €`, `EU contribution:
//! 2 130 769,50 € (60%)`, `Programming period`, `Beneficiary`). Money stays
//! in euro; nothing is converted.

use super::gazetteer::Gazetteer;
use super::kohesio_site as site;
use super::page_fields::{self, PageField};
use super::text::CleanText;
use super::{labelled, normalise, project, written_dates, FormatParser, Parsed};
use crate::model::{Format, Project};

pub struct Kohesio;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Start,
    End,
    Fund,
    Budget,
    Contribution,
    Period,
    Beneficiary,
    Region,
    Location,
    /// The programme's managing authority: never the owner.
    Authority,
    Other,
}

const LABELS: &[(&str, Fact)] = &[
    ("start date", Fact::Start),
    ("end date", Fact::End),
    ("fund", Fact::Fund),
    ("total budget", Fact::Budget),
    ("eu contribution", Fact::Contribution),
    ("programming period", Fact::Period),
    ("beneficiary", Fact::Beneficiary),
    ("lead beneficiary", Fact::Beneficiary),
    ("region", Fact::Region),
    ("project location", Fact::Location),
    ("location", Fact::Location),
    ("programme", Fact::Other),
    ("category of intervention", Fact::Other),
    ("thematic objective", Fact::Other),
    ("policy objective", Fact::Other),
    ("country", Fact::Other),
    ("managing authority", Fact::Authority),
    ("beneficiary type", Fact::Other),
    ("beneficiary's type", Fact::Other),
    ("type of beneficiary", Fact::Other),
    ("co-financing rate", Fact::Other),
    ("eu co-financing rate", Fact::Other),
    ("cofinancing rate", Fact::Other),
    ("specific objective", Fact::Other),
    ("priority", Fact::Other),
    ("priority axis", Fact::Other),
    ("operational programme", Fact::Other),
    ("intervention field", Fact::Other),
    ("type of intervention", Fact::Other),
    ("theme", Fact::Other),
    ("themes", Fact::Other),
    ("project website", Fact::Other),
    ("postal code", Fact::Other),
    ("nuts 2", Fact::Other),
    ("nuts 3", Fact::Other),
    ("project id", Fact::Other),
    ("last update", Fact::Other),
    ("source", Fact::Other),
];

/// Headings above the summary.
const SUMMARY: &[&str] = &["project summary", "summary", "project description"];

/// Facts only a Kohesio page gives; three of them make one.
const TELLING: &[Fact] = &[
    Fact::Start,
    Fact::End,
    Fact::Fund,
    Fact::Budget,
    Fact::Contribution,
    Fact::Period,
];

impl FormatParser for Kohesio {
    fn format(&self) -> Format {
        Format::Kohesio
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        let facts = page_fields::find(&doc.lines, LABELS);
        let telling = TELLING
            .iter()
            .filter(|t| facts.iter().any(|f| f.what == **t))
            .count();
        match telling >= 3 {
            true => 11,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let mut facts = page_fields::find(&doc.lines, LABELS);
        // A menu word under a label is the site's menu, not a value; a
        // heading under one ("Beneficiary" with no value) is no value.
        facts.retain(|f| !site::is_site_line(&f.value) && !is_label_line(&f.value));
        let mut warnings = Vec::new();
        let fund = page_fields::first(&facts, Fact::Fund).unwrap_or_default();
        if !is_social_fund(fund) {
            warnings.push(format!(
                "a Kohesio page of another fund (\"{fund}\"); not an ESF project"
            ));
            return Parsed {
                title: title(doc, g),
                warnings,
                ..Parsed::default()
            };
        }
        let summary = summary(doc, &facts);
        let mut p = Project {
            name: title(doc, g),
            fund: Some(fund_name(fund).to_string()),
            owner: owner(&facts, summary.as_deref().unwrap_or_default()),
            region: page_fields::first(&facts, Fact::Region).map(str::to_string),
            description: summary,
            ..Project::default()
        };
        apply_facts(&mut p, &facts, &mut warnings);
        // The period the page states stands; a start date only guesses.
        let stated = p.programme_period.take();
        project::fill_programme(&mut p, g, stated.as_deref());
        // "Project location: Lidköping, Götene, Sweden": the municipalities.
        let places = page_fields::first(&facts, Fact::Location).unwrap_or_default();
        p.municipalities = places
            .split([',', ';'])
            .filter_map(|place| g.municipality(place.trim()))
            .map(|m| m.name.clone())
            .collect();
        let prose = p.description.clone().unwrap_or_default();
        project::link_organisations(&mut p, g, &prose);
        Parsed {
            title: p.name.clone(),
            project: Some(p),
            warnings,
            ..Parsed::default()
        }
    }
}

/// The beneficiary the page states, else the lead its summary names;
/// never the managing authority.
fn owner(facts: &[PageField<Fact>], summary: &str) -> Option<String> {
    let authority = page_fields::first(facts, Fact::Authority).map(super::gazetteer::pattern_key);
    // The fund's own managing authority in Sweden, however it is written.
    const AUTHORITIES: &[&str] = &["esf-rådet", "esf council", "managing authority"];
    let not_authority = |name: &String| {
        let key = super::gazetteer::pattern_key(name);
        !AUTHORITIES.iter().any(|a| key.contains(a))
            && !authority.as_ref().is_some_and(|a| a.contains(&key))
    };
    page_fields::first(facts, Fact::Beneficiary)
        .filter(|b| !is_heading(b))
        .map(str::to_string)
        .filter(not_authority)
        .or_else(|| lead_in_summary(summary).filter(not_authority))
}

/// A line that is a heading of the page rather than a value: one of its
/// labels, a line ending in a colon, a label with its value
/// ("Managing authority: …"), or a heading esf does not know that starts
/// as the page's headings do ("Beneficiary's address", "Project website").
fn is_heading(value: &str) -> bool {
    const STARTS: &[&str] = &[
        "beneficiary",
        "beneficiaries",
        "project",
        "projects",
        "programme",
        "programming",
        "managing",
        "category of",
        "type of",
        "keep in touch",
        "similar projects",
        "related projects",
        "see all",
        "see more",
        "contact",
        "website",
        "address",
        "source",
        "last update",
    ];
    let value = value.trim();
    let key = super::gazetteer::pattern_key(value);
    let starts = |s: &&str| {
        key.strip_prefix(*s)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    };
    is_label_line(value) || STARTS.iter().any(starts)
}

/// One of the page's labels, alone or with its value, or a line ending in
/// a colon: never a value of the label above it.
fn is_label_line(value: &str) -> bool {
    let value = value.trim();
    value.ends_with(':') || page_fields::is_label(value, LABELS)
}

/// Dates, money, programme period and what else the page labels (kept in
/// `extra`); a value that cannot be read goes to `extra` with a warning.
fn apply_facts(p: &mut Project, facts: &[PageField<Fact>], warnings: &mut Vec<String>) {
    for fact in facts {
        let value = fact.value.as_str();
        let read = match fact.what {
            Fact::Start => set(&mut p.start_date, written_dates::date(value)),
            Fact::End => set(&mut p.end_date, written_dates::date(value)),
            Fact::Budget => set(&mut p.total_budget_eur, normalise::euro(value)),
            Fact::Contribution => contribution(p, value),
            Fact::Period => set(&mut p.programme_period, period(value)),
            Fact::Other | Fact::Authority => {
                super::fields::add_extra(p, &fact.label, value);
                true
            }
            _ => true,
        };
        if !read {
            super::fields::add_extra(p, &fact.label, value);
            warnings.push(format!(
                "{}: \"{}\" cannot be read; kept in extra",
                fact.label,
                super::truncate_chars(value, 80)
            ));
        }
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let read = value.is_some();
    if slot.is_none() {
        *slot = value;
    }
    read
}

/// `2 130 769,50 € (60%)`: the amount, and the rate when it is given.
fn contribution(p: &mut Project, value: &str) -> bool {
    let (amount, rate) = match value.split_once('(') {
        Some((amount, rest)) => (amount, rest.split(')').next()),
        None => (value, None),
    };
    if let Some(rate) = rate.and_then(normalise::percent) {
        p.eu_cofinancing_rate_percent.get_or_insert(rate);
    }
    set(&mut p.eu_contribution_eur, normalise::euro(amount))
}

/// `2021-2027`, `2021–2027`, `2021 - 2027`.
fn period(value: &str) -> Option<String> {
    let years: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|y| y.len() == 4)
        .collect();
    match years.as_slice() {
        [from, to] => Some(format!("{from}-{to}")),
        _ => None,
    }
}

fn is_social_fund(fund: &str) -> bool {
    let lower = fund.to_lowercase();
    lower.contains("social fund") || lower.contains("esf")
}

fn fund_name(fund: &str) -> &'static str {
    let lower = fund.to_lowercase();
    match lower.contains("plus") || lower.contains("esf+") {
        true => "ESF+",
        false => "ESF",
    }
}

/// The page's heading: the line above the summary heading, else the first
/// line of content after the site's header lines that is no label; never
/// the site's own name ("Kohesio: discover EU projects in your region").
fn title(doc: &CleanText, g: &Gazetteer) -> Option<String> {
    let content = |l: &&String| !l.trim().is_empty() && !g.is_chrome(l) && !site::is_site_line(l);
    let lines = &doc.lines;
    let heading = lines.iter().position(|l| is_summary_heading(l));
    let above = heading.and_then(|h| lines[..h].iter().rev().find(content));
    above
        .filter(|l| !page_fields::is_label(l, LABELS))
        .or_else(|| {
            lines[site::after_site_header(lines, |l| page_fields::is_label(l, LABELS))..]
                .iter()
                .filter(content)
                .find(|l| !page_fields::is_label(l, LABELS) && !is_summary_heading(l))
        })
        .map(|l| site::without_site_name(l.trim()).to_string())
}

fn is_summary_heading(line: &str) -> bool {
    SUMMARY.contains(&super::gazetteer::pattern_key(line.trim()).as_str())
}

/// The summary: the lines after its heading up to the first labelled fact.
fn summary(doc: &CleanText, facts: &[PageField<Fact>]) -> Option<String> {
    let start = doc.lines.iter().position(|l| is_summary_heading(l))? + 1;
    let end = facts
        .iter()
        .map(|f| f.line)
        .find(|&l| l >= start)
        .unwrap_or(doc.lines.len());
    labelled::paragraphs(&doc.lines[start..end])
}

/// "… led by Lidköpings kommun together with …": the lead organisation an
/// English summary names.
fn lead_in_summary(summary: &str) -> Option<String> {
    const CUES: &[&str] = &[
        "led by ",
        "run by ",
        "coordinated by ",
        "owned by ",
        "lead beneficiary is ",
        "project owner is ",
    ];
    const ENDS: &[&str] = &[" together", " in ", " and ", " with ", " which ", " who "];
    CUES.iter().find_map(|cue| {
        let at = summary.find(cue)? + cue.len();
        let rest = summary[at..].split([',', '.', ';', '(', '\n']).next()?;
        let end = ENDS
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .unwrap_or(rest.len());
        let name = rest[..end].trim();
        (name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 8)
            .then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_organisation_from_the_summary() {
        let s = "The project is led by Lidköpings kommun together with Götene.";
        assert_eq!(lead_in_summary(s).as_deref(), Some("Lidköpings kommun"));
        assert_eq!(lead_in_summary("It was led by the region."), None);
    }

    #[test]
    fn headings_are_no_values() {
        assert!(is_heading("Beneficiary's address") && is_heading("Project website"));
        assert!(is_heading("Managing authority: Svenska ESF-rådet") && is_heading("Themes"));
        assert!(!is_heading("Region Skåne") && !is_heading("Projektbolaget i Norr AB"));
        assert!(!is_heading("Norrbyns kommun"));
    }

    #[test]
    fn programme_periods_and_funds() {
        assert_eq!(period("2021–2027").as_deref(), Some("2021-2027"));
        assert_eq!(fund_name("European Social Fund Plus (ESF+)"), "ESF+");
        assert_eq!(fund_name("European Social Fund"), "ESF");
        assert!(!is_social_fund("European Regional Development Fund"));
    }
}
