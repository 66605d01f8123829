//! `call`: a call for applications (Utlysning). It has a diarienummer, a
//! title that reads like a project's name, a region, dates and an amount,
//! so it looks like a record; but it funds projects, it is none. It is told
//! by the page calling itself one ("Utlysning", "Utlysning: …") or by the
//! labels only a call has (Sista ansökningsdag, Utlysningen stänger), by
//! the marks of today's layout ([`super::call_marks`]: a call's own
//! diarienummer, application dates, a programme area heading), and by the
//! absence of what only a project has (an owner, a granted sum).

use super::call_marks;
use super::gazetteer::Gazetteer;
use super::page_fields::{self, PageField};
use super::text::CleanText;
use super::{labelled, normalise, written_dates, FormatParser, Parsed};
use crate::model::{Call, Format};

pub struct CallPage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Id,
    Title,
    Region,
    Area,
    Opens,
    Closes,
    Window,
    Amount,
    /// A label only a call uses.
    CallOnly,
    /// A label only a project uses: this is no call.
    ProjectOnly,
    Other,
}

const LABELS: &[(&str, Fact)] = &[
    ("diarienummer", Fact::Id),
    ("utlysningens diarienummer", Fact::Id),
    ("diarienummer för utlysningen", Fact::Id),
    ("utlysningens namn", Fact::Title),
    ("titel", Fact::Title),
    ("region", Fact::Region),
    ("programområde", Fact::Area),
    ("specifikt mål", Fact::Other),
    ("öppnar", Fact::Opens),
    ("utlysningen öppnar", Fact::Opens),
    ("startdatum", Fact::Opens),
    ("stänger", Fact::Closes),
    ("utlysningen stänger", Fact::Closes),
    ("ansökan öppnar", Fact::Opens),
    ("ansökan stänger", Fact::Closes),
    ("sista ansökningsdag", Fact::Closes),
    ("sista dag att ansöka", Fact::Closes),
    ("sista dag för ansökan", Fact::Closes),
    ("slutdatum", Fact::Closes),
    ("ansökningsperiod", Fact::Window),
    ("utlysningsperiod", Fact::Window),
    ("öppen för ansökan", Fact::Window),
    ("budget", Fact::Amount),
    ("budget för utlysningen", Fact::Amount),
    ("utlysningens budget", Fact::Amount),
    ("total budget", Fact::Amount),
    ("avsatta medel", Fact::Amount),
    ("tillgängliga medel", Fact::Amount),
    ("belopp", Fact::Amount),
    ("utlysningstyp", Fact::CallOnly),
    ("målgrupp", Fact::Other),
    ("vem kan söka", Fact::Other),
    ("projektägare", Fact::ProjectOnly),
    ("projektnamn", Fact::ProjectOnly),
    ("beviljat esf-stöd", Fact::ProjectOnly),
    ("beviljat esf+-stöd", Fact::ProjectOnly),
    ("beviljat stöd", Fact::ProjectOnly),
    ("stödmottagare ort", Fact::ProjectOnly),
];

impl FormatParser for CallPage {
    fn format(&self) -> Format {
        Format::Call
    }

    /// Above a record's 10: a call is laid out like one.
    fn recognise(&self, doc: &CleanText) -> u8 {
        let facts = page_fields::find(&doc.lines, LABELS);
        let has = |what: Fact| facts.iter().any(|f| f.what == what);
        // "Projektägare" over a paragraph on who may apply is a heading,
        // not a project's owner.
        let project_only = facts
            .iter()
            .any(|f| f.what == Fact::ProjectOnly && is_short_value(&f.value));
        let says_call = calls_itself(doc).is_some()
            || call_marks::headed_as_call(&doc.lines)
            || has(Fact::CallOnly)
            || facts.iter().any(|f| {
                let label = f.label.to_lowercase();
                label.contains("utlysning")
                    || label.contains("ansök")
                    || (f.what == Fact::Id && call_marks::is_call_id(&f.value))
            });
        let dated = has(Fact::Opens)
            || has(Fact::Closes)
            || has(Fact::Window)
            || says_call && {
                let (opens, closes) = call_marks::prose_dates(&doc.lines);
                opens.is_some() || closes.is_some()
            };
        // A call's own number with its budget or its programme area's
        // heading: today's layout, before its dates are published.
        let numbered = facts
            .iter()
            .any(|f| f.what == Fact::Id && call_marks::is_call_id(&f.value))
            && (has(Fact::Amount)
                || doc
                    .lines
                    .iter()
                    .any(|l| call_marks::area_heading(l).is_some()));
        let dated = dated || numbered;
        match says_call && dated && !project_only {
            true => 12,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let facts = page_fields::find(&doc.lines, LABELS);
        let mut warnings = Vec::new();
        let mut call = Call {
            title: page_fields::first(&facts, Fact::Title)
                .map(str::to_string)
                .or_else(|| title(doc, g)),
            ..Call::default()
        };
        for fact in &facts {
            if !apply(&mut call, fact) {
                call.extra.insert(fact.label.clone(), fact.value.clone());
                warnings.push(format!(
                    "{}: \"{}\" cannot be read; kept in extra",
                    fact.label,
                    super::truncate_chars(&fact.value, 80)
                ));
            }
        }
        if call.programme_area.is_none() {
            call.programme_area = doc
                .lines
                .iter()
                .find_map(|l| call_marks::area_heading(l))
                .map(str::to_string);
        }
        if call.opens.is_none() && call.closes.is_none() {
            (call.opens, call.closes) = call_marks::prose_dates(&doc.lines);
        }
        call.description = description(doc, g, &facts);
        Parsed {
            title: call.title.clone(),
            call: Some(call),
            warnings,
            ..Parsed::default()
        }
    }
}

/// Fills what a fact gives; false when its value cannot be read.
fn apply(call: &mut Call, fact: &PageField<Fact>) -> bool {
    let value = fact.value.as_str();
    let keep = |slot: &mut Option<String>| {
        slot.get_or_insert_with(|| value.to_string());
        true
    };
    match fact.what {
        Fact::Id => keep(&mut call.id),
        Fact::Region => keep(&mut call.region),
        Fact::Area => keep(&mut call.programme_area),
        Fact::Opens => fill(&mut call.opens, written_dates::date(value)),
        Fact::Closes => fill(&mut call.closes, written_dates::date(value)),
        Fact::Window => match written_dates::period_in(value) {
            Some((opens, closes)) => {
                fill(&mut call.opens, Some(opens)) && fill(&mut call.closes, Some(closes))
            }
            None => false,
        },
        Fact::Amount => fill(&mut call.amount_sek, normalise::money(value)),
        Fact::Title => true,
        Fact::CallOnly | Fact::ProjectOnly | Fact::Other => {
            call.extra.insert(fact.label.clone(), value.to_string());
            true
        }
    }
}

/// A value that names something rather than a paragraph of prose.
fn is_short_value(value: &str) -> bool {
    value.chars().count() <= 100 && !value.ends_with(['.', '?', '!'])
}

/// The text after the first block of facts, without the lines every page
/// repeats (headers, footers) and the pages' numbers.
fn description(doc: &CleanText, g: &Gazetteer, facts: &[PageField<Fact>]) -> Option<String> {
    let mut after = facts.first().map_or(0, |f| f.end);
    for fact in facts {
        let between = doc.lines.get(after..fact.line).unwrap_or_default();
        if between
            .iter()
            .any(|l| !l.trim().is_empty() && !g.is_chrome(l))
        {
            break;
        }
        after = after.max(fact.end);
    }
    let repeated = call_marks::repeated_lines(&doc.lines);
    let heading = calls_itself(doc).map(|(at, _)| doc.lines[at].trim());
    let body = doc
        .lines
        .get(after..)
        .unwrap_or_default()
        .iter()
        .filter(|l| {
            let l = l.trim();
            !g.is_chrome(l)
                && !repeated.contains(&l)
                && !call_marks::is_page_number(l)
                && heading != Some(l)
        });
    labelled::paragraphs(body)
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let read = value.is_some();
    if slot.is_none() {
        *slot = value;
    }
    read
}

/// The line where the page calls itself a call: `Utlysning`, `Utlysning:
/// Stärkt etablering`, `Utlysning – …`. Returns what follows the word.
fn calls_itself(doc: &CleanText) -> Option<(usize, String)> {
    doc.lines.iter().enumerate().find_map(|(i, line)| {
        let line = line.trim();
        let rest = normalise::strip_prefix_ci(line, "utlysning")?;
        let rest = rest.trim_start();
        let ok = rest.is_empty() || rest.starts_with([':', '–', '-', '—']);
        ok.then(|| {
            (
                i,
                rest.trim_start_matches([':', '–', '-', '—'])
                    .trim()
                    .to_string(),
            )
        })
    })
}

/// The call's title: what follows "Utlysning:", else the short line of
/// content below or above the "Utlysning" line, else the first line of
/// content.
fn title(doc: &CleanText, g: &Gazetteer) -> Option<String> {
    let content = |l: &&String| !l.trim().is_empty() && !g.is_chrome(l);
    let heading = |l: &String| {
        let l = l.trim();
        l.chars().count() <= 120 && !l.ends_with('.') && !page_fields::is_label(l, LABELS)
    };
    let found = match calls_itself(doc) {
        Some((_, named)) if !named.is_empty() => return Some(named),
        Some((at, _)) => {
            let below = doc.lines[at + 1..].iter().find(content);
            let above = doc.lines[..at].iter().rev().find(content);
            below
                .filter(|l| heading(l))
                .or(above.filter(|l| heading(l)))
        }
        None => {
            // Today's layout: the heading above the programme area's
            // heading and the facts, past the site's menu words.
            let first_fact = doc.lines.iter().position(|l| {
                page_fields::is_label(l, LABELS) || call_marks::area_heading(l).is_some()
            });
            let above = doc.lines[..first_fact.unwrap_or(0)]
                .iter()
                .rev()
                .filter(content)
                .find(|l| heading(l) && !is_menu_word(l));
            above.or_else(|| doc.lines.iter().filter(content).find(|l| !is_menu_word(l)))
        }
    };
    found.map(|l| l.trim().to_string())
}

/// The site's words over its calls ("Utlysningar", "Aktuella
/// utlysningar"): a menu or a breadcrumb, never a call's title.
fn is_menu_word(line: &str) -> bool {
    let key = super::gazetteer::pattern_key(line.trim());
    key == "utlysningar" || key.ends_with(" utlysningar") || key == "sök stöd" || key == "start"
}
