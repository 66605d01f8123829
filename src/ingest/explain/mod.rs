//! Why a record says what it says: each field's value found again in the
//! document's cleaned lines, in any of the forms it can be written in (an
//! amount with separators, a date in words, a name in other case or broken
//! over lines), with the line that gave it. Works from the record and the
//! lines alone, so every format's parser is explained the same way; a
//! value the lines do not hold is said to be derived, or to come from the
//! format, never pinned on a line that merely resembles it.

mod fields;
mod find;
mod forms;

use crate::model::{Format, ParsedDocument};
use fields::{call_fields, linked_fields, project_fields};
use find::{Edge, Haystack, Spot};
use serde::Serialize;
use serde_json::Value;

/// How a field's value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// On a line of the document (the value or one of its written forms).
    Line,
    /// Worked out from other fields (a period from the programme area's
    /// name or the start date), or read in a form not searched for.
    Derived,
    /// The document's format implies it (a 2014–2020 record is ESF).
    Format,
    /// The document does not state it.
    NotStated,
}

/// One field of the record and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    pub field: &'static str,
    pub value: Value,
    pub found: Found,
    /// The line (from 1, in the cleaned text) the value starts on.
    pub line: Option<usize>,
    /// The line it ends on, when it runs over more than one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_line: Option<usize>,
    /// The line(s) as written, cut to a window around the value.
    pub text: Option<String>,
    /// The label line above the value's (`Projektägare:`), if it has one.
    pub label: Option<String>,
    /// Where the value starts in `text`, in characters.
    #[serde(skip)]
    pub at: usize,
}

/// A document's record explained, field by field.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub source: String,
    pub format: Format,
    pub title: Option<String>,
    pub skipped_reason: Option<String>,
    pub fields: Vec<Explained>,
    pub warnings: Vec<String>,
}

/// How a field's value is searched for.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Text,
    /// A municipality's name.
    Place,
    Amount,
    Euro,
    Date,
    OrgNumber,
    /// Fund or programme period: on a line only under its own label.
    Programme,
}

/// Words of a label or a phrase that introduces a field's value; a place
/// on (or under) such a line is preferred to the value's first place.
pub(super) struct Spec<'a> {
    pub field: &'static str,
    pub kind: Kind,
    pub cues: &'a [&'a str],
    /// Only a place a cue points to will do.
    pub must_cue: bool,
}

/// Explains `doc` against the cleaned lines of its file.
pub fn explain(doc: &ParsedDocument, lines: &[String]) -> Explanation {
    let h = Haystack::new(lines);
    if doc.format == Format::Skipped {
        return explanation(doc, Vec::new());
    }
    let mut fields = vec![locate(
        &h,
        &spec("title", Kind::Text, &["rubrik", "title"]),
        doc.title.as_deref().map(text_value),
        &[],
    )];
    if let Some(p) = &doc.project {
        fields.extend(project_fields(&h, p, doc.format));
    }
    if let Some(c) = &doc.call {
        fields.extend(call_fields(&h, c));
    }
    if let Some(l) = &doc.linked {
        fields.extend(linked_fields(&h, l));
    }
    explanation(doc, fields)
}

fn explanation(doc: &ParsedDocument, fields: Vec<Explained>) -> Explanation {
    Explanation {
        source: doc.source.clone(),
        format: doc.format,
        title: doc.title.clone(),
        skipped_reason: doc.skipped_reason.clone(),
        fields,
        warnings: doc.warnings.clone(),
    }
}

pub(super) const fn spec<'a>(field: &'static str, kind: Kind, cues: &'a [&'a str]) -> Spec<'a> {
    Spec {
        field,
        kind,
        cues,
        must_cue: false,
    }
}

pub(super) fn text_value(s: &str) -> Value {
    Value::String(s.to_string())
}

pub(super) fn derived(field: &'static str, value: Value) -> Explained {
    Explained {
        field,
        value,
        found: Found::Derived,
        line: None,
        last_line: None,
        text: None,
        label: None,
        at: 0,
    }
}

/// Finds `value` (or one of `also`, other ways the document wrote it).
pub(super) fn locate(
    h: &Haystack,
    spec: &Spec,
    value: Option<Value>,
    also: &[String],
) -> Explained {
    let needles = value.as_ref().map(|v| written_forms(spec.kind, v));
    let mut tiers: Vec<Vec<String>> = needles.into_iter().flatten().collect();
    if !also.is_empty() {
        tiers.push(also.to_vec());
    }
    let spot = tiers.iter().find_map(|forms| best_spot(h, spec, forms));
    let Some(spot) = spot else {
        return match value {
            Some(v) => derived(spec.field, v),
            None => Explained {
                found: Found::NotStated,
                ..derived(spec.field, Value::Null)
            },
        };
    };
    let (joined, col) = h.written(spot);
    let (text, at) = window(&joined, col, 200);
    Explained {
        field: spec.field,
        value: value.unwrap_or(Value::Null),
        found: Found::Line,
        line: Some(spot.first + 1),
        last_line: (spot.last > spot.first).then_some(spot.last + 1),
        text: Some(text),
        label: label_above(h, spot.first),
        at,
    }
}

/// The forms a value may be written in, most exact first: each inner list
/// is tried in turn (a date's day before its month alone).
fn written_forms(kind: Kind, value: &Value) -> Vec<Vec<String>> {
    match (kind, value) {
        (Kind::Amount, Value::Number(n)) => n.as_i64().map(forms::amount).into_iter().collect(),
        (Kind::Euro, Value::Number(n)) => {
            n.as_f64().map(forms::decimal_amount).into_iter().collect()
        }
        (Kind::Date, Value::String(d)) => vec![forms::date(d), forms::month_of(d)],
        (Kind::OrgNumber, Value::String(s)) => vec![forms::org_number(s)],
        (_, Value::String(s)) => vec![vec![s.clone()]],
        (_, other) => vec![vec![other.to_string()]],
    }
}

/// The place of one of `forms` that a cue points to, else the first one
/// (never for fund and period, which must stand under their label); of
/// those, one written in the value's own case first.
fn best_spot(h: &Haystack, spec: &Spec, forms: &[String]) -> Option<Spot> {
    let mut spots: Vec<(Spot, &str)> = Vec::new();
    for form in forms {
        spots.extend(
            h.find(form, edge(spec.kind, form))
                .into_iter()
                .map(|s| (s, form.as_str())),
        );
    }
    spots.sort_by_key(|(s, _)| s.at);
    let must_cue = spec.must_cue || matches!(spec.kind, Kind::Programme);
    let score = |i: usize, (spot, form): &(Spot, &str)| {
        let cue = cued(h, *spot, spec.cues);
        // Only the first places are read back for their case.
        let case = i < 64 && h.same_case(*spot, form);
        (cue, h.is_whole_line(*spot), case)
    };
    let scored = spots.iter().enumerate().map(|(i, s)| (score(i, s), s.0));
    let best = scored.filter(|((cue, _, _), _)| *cue || !must_cue).fold(
        None,
        |best: Option<((bool, bool, bool), Spot)>, (score, spot)| match best {
            Some((b, _)) if b >= score => best,
            _ => Some((score, spot)),
        },
    );
    best.map(|(_, spot)| spot)
}

fn edge(kind: Kind, form: &str) -> Edge {
    match kind {
        Kind::Amount | Kind::Euro | Kind::Date | Kind::OrgNumber => Edge::Number,
        Kind::Programme => Edge::Word,
        Kind::Place => Edge::Place,
        Kind::Text if form.chars().count() < 5 => Edge::Word,
        Kind::Text => Edge::Anywhere,
    }
}

/// Whether the line, or the line with text above it, holds a cue; for a
/// bullet, the line above its list.
fn cued(h: &Haystack, spot: Spot, cues: &[&str]) -> bool {
    let holds = |text: &str| cues.iter().any(|c| text.contains(c));
    let line = spot.first;
    let mut above = h.line_before(line);
    if is_bullet(h.line(line)) {
        // Up past the list's other bullets to its heading.
        let top = line.saturating_sub(find::LOOK_UP);
        while let Some(l) = above.filter(|l| *l > top && is_bullet(h.line(*l))) {
            above = h.line_before(l);
        }
    }
    holds(h.near(spot)) || above.is_some_and(|l| holds(h.line_tail(l)))
}

fn is_bullet(line: &str) -> bool {
    let start = line.trim_start();
    ['•', '*', '-', '–', '·', '▪']
        .iter()
        .any(|b| start.starts_with(*b))
}

/// The line above a value's when it is a label (`Projektägare:`).
fn label_above(h: &Haystack, line: usize) -> Option<String> {
    let above = h.line(h.line_before(line)?).trim();
    (above.ends_with(':') && above.chars().count() <= 60).then(|| above.to_string())
}

/// At most `width` characters of `text` around character `col`, an
/// ellipsis where cut; and where `col` is in the window.
pub fn window(text: &str, col: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        return (text.to_string(), col);
    }
    let start = col
        .saturating_sub(width / 4)
        .min(chars.len().saturating_sub(width));
    let end = (start + width).min(chars.len());
    let mut out = String::new();
    let mut at = col - start;
    if start > 0 {
        out.push('…');
        at += 1;
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    fn doc(p: Project) -> ParsedDocument {
        ParsedDocument {
            project: Some(p),
            format: Format::Article,
            ..ParsedDocument::skipped("x.txt", "")
        }
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    fn field<'a>(e: &'a Explanation, name: &str) -> &'a Explained {
        e.fields.iter().find(|f| f.field == name).unwrap()
    }

    #[test]
    fn each_value_is_found_in_the_form_it_is_written() {
        let text = "Nya Steg\n\nBudget: 4.973.906 kr\nStart 4 september 2023\n\
                    Slut 04/09/2026\nProjektägare:\nVELLINGE\nKOMMUN";
        let p = Project {
            name: Some("Nya steg".into()),
            owner: Some("Vellinge kommun".into()),
            total_budget_sek: Some(4_973_906),
            start_date: Some("2023-09-04".into()),
            end_date: Some("2026-09-04".into()),
            ..Project::default()
        };
        let e = explain(&doc(p), &lines(text));
        assert_eq!(field(&e, "name").line, Some(1));
        assert_eq!(field(&e, "total_budget_sek").line, Some(3));
        assert_eq!(field(&e, "start_date").line, Some(4));
        assert_eq!(field(&e, "end_date").line, Some(5));
        let owner = field(&e, "owner");
        assert_eq!((owner.line, owner.last_line), (Some(7), Some(8)));
        assert_eq!(owner.label.as_deref(), Some("Projektägare:"));
        assert_eq!(field(&e, "id").found, Found::NotStated);
        assert_eq!(field(&e, "partners").found, Found::NotStated);
    }

    #[test]
    fn a_value_the_text_does_not_hold_is_derived_and_fund_needs_its_label() {
        let p = Project {
            fund: Some("ESF".into()),
            esf_grant_sek: Some(40_000_000),
            ..Project::default()
        };
        let e = explain(&doc(p), &lines("Beviljat ESF-stöd: 40 miljoner kronor"));
        assert_eq!(field(&e, "fund").found, Found::Derived);
        assert_eq!(field(&e, "esf_grant_sek").found, Found::Derived);
    }

    #[test]
    fn a_month_alone_gives_a_date_only_when_no_line_has_the_day() {
        let p = Project {
            start_date: Some("2015-10-01".into()),
            end_date: Some("2018-09-30".into()),
            ..Project::default()
        };
        let text = "Projektet började i oktober 2015.\nDet slutar 30 september 2018.";
        let e = explain(&doc(p), &lines(text));
        let start = field(&e, "start_date");
        assert_eq!((start.found, start.line), (Found::Line, Some(1)));
        assert_eq!(field(&e, "end_date").line, Some(2));
    }

    #[test]
    fn a_window_keeps_the_value_in_sight() {
        let long = format!("{}VALUE{}", "a".repeat(300), "b".repeat(300));
        let (text, at) = window(&long, 300, 40);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().skip(at).take(5).collect::<String>(), "VALUE");
    }
}
