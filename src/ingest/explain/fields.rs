//! Which fields each kind of record has, and the words (cues) that
//! introduce each field's value on a page.

use super::find::Haystack;
use super::{derived, locate, spec, text_value, Explained, Found, Kind, Spec};
use crate::model::{Call, Format, LinkedDoc, Project};
use serde_json::Value;

const OWNER_CUES: &[&str] = &[
    "ägare",
    "stödmottagare",
    "beneficiary",
    "ägs av",
    "leds av",
    "leddes av",
    "drivs av",
    "driver",
    "owner",
];
const PARTNER_CUES: &[&str] = &["partner", "samarbet", "samverk", "tillsammans", "aktörer"];
const START_CUES: &[&str] = &["start", "från", "period", "pågår", "from", "öppnar"];
const END_CUES: &[&str] = &["slut", "end", "till", "period", "pågår", "stänger"];
const ID_CUES: &[&str] = &["diarienummer", "dnr", "ärendenummer", "projektnummer"];

pub(super) fn project_fields(h: &Haystack, p: &Project, format: Format) -> Vec<Explained> {
    let mut out = who(h, p);
    let partner = spec("partners", Kind::Text, PARTNER_CUES);
    out.extend(each(h, &partner, &p.partners));
    out.extend(municipalities(h, p));
    out.extend(when_and_how_much(h, p));
    let s = |v: &Option<String>| v.as_deref().map(text_value);
    out.extend([
        programme(h, "fund", &["fond", "fund"], s(&p.fund), format),
        programme(
            h,
            "programme_period",
            &["programperiod", "programming period", "period"],
            s(&p.programme_period),
            format,
        ),
        locate(
            h,
            &spec("region", Kind::Text, &["region"]),
            s(&p.region),
            &[],
        ),
    ]);
    out
}

/// The project's name and number, its owner and the owner's number.
fn who(h: &Haystack, p: &Project) -> Vec<Explained> {
    let s = |v: &Option<String>| v.as_deref().map(text_value);
    let owners: Vec<String> = p
        .organisations
        .iter()
        .filter(|o| o.role == crate::model::Role::Owner)
        .map(|o| o.as_written.clone())
        .collect();
    let number = spec(
        "owner_org_number",
        Kind::OrgNumber,
        &["organisationsnummer", "org"],
    );
    vec![
        locate(
            h,
            &spec("name", Kind::Text, &["namn", "name"]),
            s(&p.name),
            &[],
        ),
        locate(h, &spec("id", Kind::Text, ID_CUES), s(&p.id), &[]),
        locate(
            h,
            &spec("owner", Kind::Text, OWNER_CUES),
            s(&p.owner),
            &owners,
        ),
        locate(h, &number, s(&p.owner_org_number), &[]),
    ]
}

/// The project's dates and its amounts in kronor and euro.
fn when_and_how_much(h: &Haystack, p: &Project) -> Vec<Explained> {
    let s = |v: &Option<String>| v.as_deref().map(text_value);
    let n = |v: Option<i64>| v.map(Value::from);
    let f = |v: Option<f64>| v.map(Value::from);
    let budget = spec(
        "total_budget_sek",
        Kind::Amount,
        &["budget", "total", "omslutning"],
    );
    let grant = spec(
        "esf_grant_sek",
        Kind::Amount,
        &["stöd", "esf", "beviljat", "grant"],
    );
    let euro = spec("total_budget_eur", Kind::Euro, &["total budget", "budget"]);
    let eu = spec(
        "eu_contribution_eur",
        Kind::Euro,
        &["contribution", "bidrag"],
    );
    vec![
        locate(
            h,
            &spec("start_date", Kind::Date, START_CUES),
            s(&p.start_date),
            &[],
        ),
        locate(
            h,
            &spec("end_date", Kind::Date, END_CUES),
            s(&p.end_date),
            &[],
        ),
        locate(h, &budget, n(p.total_budget_sek), &[]),
        locate(h, &grant, n(p.esf_grant_sek), &[]),
        locate(h, &euro, f(p.total_budget_eur), &[]),
        locate(h, &eu, f(p.eu_contribution_eur), &[]),
    ]
}

pub(super) fn call_fields(h: &Haystack, c: &Call) -> Vec<Explained> {
    let s = |v: &Option<String>| v.as_deref().map(text_value);
    vec![
        locate(h, &spec("id", Kind::Text, ID_CUES), s(&c.id), &[]),
        locate(
            h,
            &spec("region", Kind::Text, &["region"]),
            s(&c.region),
            &[],
        ),
        locate(
            h,
            &spec("programme_area", Kind::Text, &["programområde", "område"]),
            s(&c.programme_area),
            &[],
        ),
        locate(h, &spec("opens", Kind::Date, START_CUES), s(&c.opens), &[]),
        locate(h, &spec("closes", Kind::Date, END_CUES), s(&c.closes), &[]),
        locate(
            h,
            &spec("amount_sek", Kind::Amount, &["budget", "belopp", "kronor"]),
            c.amount_sek.map(Value::from),
            &[],
        ),
    ]
}

pub(super) fn linked_fields(h: &Haystack, l: &LinkedDoc) -> Vec<Explained> {
    let s = |v: &Option<String>| v.as_deref().map(text_value);
    let report_words = ["slutrapport", "slutredovisning", "final report"].map(String::from);
    let kind = match l.kind.as_str() {
        // A final report is known by its heading: the line that names it.
        "final_report" => {
            let mut found = locate(h, &spec("kind", Kind::Text, &[]), None, &report_words);
            found.value = text_value(&l.kind);
            if found.found == Found::NotStated {
                found.found = Found::Derived;
            }
            found
        }
        _ => derived("kind", text_value(&l.kind)),
    };
    vec![
        kind,
        locate(
            h,
            &spec("project_id", Kind::Text, ID_CUES),
            s(&l.project_id),
            &[],
        ),
        locate(
            h,
            &spec("project_name", Kind::Text, &["namn", "name"]),
            s(&l.project_name),
            &[],
        ),
        locate(h, &spec("owner", Kind::Text, OWNER_CUES), s(&l.owner), &[]),
        locate(
            h,
            &spec("start_date", Kind::Date, START_CUES),
            s(&l.start_date),
            &[],
        ),
        locate(
            h,
            &spec("end_date", Kind::Date, END_CUES),
            s(&l.end_date),
            &[],
        ),
    ]
}

/// A list field: each value on its own, or one "not stated".
fn each(h: &Haystack, spec: &Spec, values: &[String]) -> Vec<Explained> {
    if values.is_empty() {
        return vec![locate(h, spec, None, &[])];
    }
    values
        .iter()
        .map(|v| locate(h, spec, Some(text_value(v)), &[]))
        .collect()
}

/// Each municipality where the record says it came from (a Kommun list,
/// the owner, the beneficiary's town, a partner, in that order), else
/// where it first stands.
fn municipalities(h: &Haystack, p: &Project) -> Vec<Explained> {
    if p.municipalities.is_empty() {
        return vec![locate(
            h,
            &spec("municipalities", Kind::Text, &[]),
            None,
            &[],
        )];
    }
    const FROM: [(&str, &[&str]); 4] = [
        ("list", &["kommun"]),
        ("owner", OWNER_CUES),
        ("place", &["mottagare ort", "location", "ort:"]),
        ("partner", PARTNER_CUES),
    ];
    let explain_one = |name: &String| {
        let value = Some(text_value(name));
        let source = p.municipality_sources.iter().find(|s| s.name == *name);
        let from = source.map(|s| s.from.as_slice()).unwrap_or_default();
        let cued = FROM
            .iter()
            .filter(|(f, _)| from.iter().any(|g| g == f))
            .map(|(_, cues)| Spec {
                must_cue: true,
                ..spec("municipalities", Kind::Place, cues)
            })
            .map(|spec| locate(h, &spec, value.clone(), &[]))
            .find(|e| e.found == Found::Line);
        cued.unwrap_or_else(|| locate(h, &spec("municipalities", Kind::Place, &[]), value, &[]))
    };
    p.municipalities.iter().map(explain_one).collect()
}

/// Fund and programme period: on a line under their own label, else from
/// the format (a project-bank record of 2014–2020 or ESF+), else derived.
fn programme(
    h: &Haystack,
    field: &'static str,
    cues: &[&str],
    value: Option<Value>,
    format: Format,
) -> Explained {
    let found = locate(h, &spec(field, Kind::Programme, cues), value, &[]);
    match found.found {
        Found::Derived if matches!(format, Format::Esf2014 | Format::Esfplus) => Explained {
            found: Found::Format,
            ..found
        },
        _ => found,
    }
}
