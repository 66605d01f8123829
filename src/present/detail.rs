//! A project's fields grouped for people: identity, money, period,
//! programme, owner and contact, organisations by role, municipalities.
//! Shared by `esf show` and the browser's detail pane; values are raw
//! (sanitise where drawn). Missing values read "—", never blank.

use crate::i18n::{t, tf};
use crate::ingest::orgs::is_generic;
use crate::model::field_sources::{self, FieldSources};
use crate::model::{Call, LinkedDoc, OrgLink, Project, Role};
use crate::present::format::{duration_text, euro, money, period_text, MISSING};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub rows: Vec<(String, String)>,
}

fn or_missing(v: Option<impl Into<String>>) -> String {
    v.map(Into::into).unwrap_or_else(|| MISSING.to_string())
}

fn row(label: &'static str, value: Option<String>) -> (String, String) {
    (t(label).to_string(), or_missing(value))
}

/// "★ bookmarked · review: in review": the user's marks on a project, as
/// the detail pane and `esf show` put them above their note.
pub fn marks_line(a: &crate::model::Annotation) -> String {
    let mut marks = vec![format!("{}: {}", t("review"), t(a.review.as_str()))];
    if a.bookmarked {
        marks.insert(0, t("★ bookmarked").into());
    }
    marks.join(" · ")
}

/// `key` is the project's key in a cache (None for a document not imported).
pub fn sections(key: Option<&str>, p: &Project) -> Vec<Section> {
    vec![
        identity(key, p),
        money_section(p),
        period_section(p),
        programme(p),
        owner_and_contact(p),
        organisations(p),
        Section {
            title: t("Municipalities"),
            rows: vec![row("Municipalities", municipalities_text(p))],
        },
    ]
}

/// Where a project's sources give a field different values: each value
/// with the files that give it, so none is silently chosen.
pub fn disagreements(all: &FieldSources) -> Option<Section> {
    let rows: Vec<(String, String)> = field_sources::disagreements(all)
        .map(|(field, values)| {
            let each: Vec<String> = values
                .iter()
                .map(|v| {
                    let from: Vec<&str> = v.sources.iter().map(|s| source_name(s)).collect();
                    format!("{} ({})", value_text(field, &v.value), from.join(", "))
                })
                .collect();
            (t(field_sources::label(field)).to_string(), each.join(" · "))
        })
        .collect();
    (!rows.is_empty()).then(|| Section {
        title: t("Where the sources differ"),
        rows,
    })
}

/// Each document about a project and the fields it gives ("what came from
/// where"), for a project with more than one: `(file (kind), fields)`.
pub fn sources_given(list: &[field_sources::SourceFields]) -> Vec<(String, String)> {
    if list.len() < 2 {
        return Vec::new();
    }
    list.iter()
        .map(|s| {
            let head = format!("{} ({})", source_name(&s.source), kind_text(&s.kind));
            let fields: Vec<&str> = s.fields.iter().map(|f| field_label(f)).collect();
            let mut fields = match fields.is_empty() {
                true => t("no field of the record").to_string(),
                false => fields.join(", "),
            };
            // The fields the project's record left empty and took from here.
            let filled: Vec<&str> = s.filled.iter().map(|f| field_label(f)).collect();
            if !filled.is_empty() {
                fields = tf(
                    "{}; taken for the project: {}",
                    &[&fields, &filled.join(", ")],
                );
            }
            (head, fields)
        })
        .collect()
}

/// A record's field as the detail labels it.
pub(crate) fn field_label(field: &str) -> &'static str {
    match field {
        "id" => t("Diarienummer"),
        "partners" => t("Partners"),
        "municipalities" => t("Municipalities"),
        other => t(field_sources::label(other)),
    }
}

/// A source's kind in words: its format, or what a page about it is.
pub(crate) fn kind_text(kind: &str) -> &str {
    match kind {
        "final_report" => t("final report"),
        "page" | "linked_page" => t("page about a project"),
        "article" => t("article"),
        "project_list" => t("project list"),
        "kohesio_list" => t("Kohesio list"),
        "kohesio" => "Kohesio",
        other => other,
    }
}

/// A value as the detail writes it (kronor, euro, a rate, text).
pub(crate) fn value_text(field: &str, value: &serde_json::Value) -> String {
    use serde_json::Value;
    let written = match (field, value) {
        (f, Value::Number(n)) if f.ends_with("_sek") => money(n.as_i64()),
        (f, Value::Number(n)) if f.ends_with("_eur") => euro(n.as_f64()),
        ("eu_cofinancing_rate_percent", Value::Number(n)) => Some(format!("{n} %")),
        (_, Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    written.unwrap_or_else(|| value.to_string())
}

/// A source by its file's name, and its row in a list (`list.csv#KEY`):
/// enough to tell a project's few sources apart.
fn source_name(path: &str) -> &str {
    field_sources::source_file(path)
}

/// "Vellinge (owner, place), Malmö (text)"; as listed for records from
/// before sources were kept.
pub(crate) fn municipalities_text(p: &Project) -> Option<String> {
    if p.municipality_sources.is_empty() {
        return (!p.municipalities.is_empty()).then(|| p.municipalities.join(", "));
    }
    let each: Vec<String> = p
        .municipality_sources
        .iter()
        .map(|s| {
            let from: Vec<&str> = s.from.iter().map(|f| source_label(f)).collect();
            format!("{} ({})", s.name, from.join(", "))
        })
        .collect();
    Some(each.join(", "))
}

/// Where a municipality came from, in the language in force.
fn source_label(from: &str) -> &str {
    match from {
        "list" => t("list"),
        "owner" => t("owner"),
        "partner" => t("partner"),
        "place" => t("place"),
        "text" => t("text"),
        other => other,
    }
}

fn identity(key: Option<&str>, p: &Project) -> Section {
    let id =
        p.id.clone()
            .or_else(|| key.map(|k| format!("{} {k})", t("none (listed as"))));
    Section {
        title: t("Identity"),
        rows: vec![
            row("Diarienummer", id),
            row("Name", p.name.clone()),
            row("Fund", p.fund.clone()),
            row("Programme period", p.programme_period.clone()),
            row("Phase", p.phase.clone()),
        ],
    }
}

fn money_section(p: &Project) -> Section {
    let rate = p.eu_cofinancing_rate_percent.map(|r| format!("{r} %"));
    let mut rows = vec![
        row("Total budget", money(p.total_budget_sek)),
        row("ESF grant", money(p.esf_grant_sek)),
        row("EU co-financing", rate),
    ];
    // Euro only where a Kohesio page gave them (its file is among the
    // sources): never converted to kronor.
    if p.total_budget_eur.is_some() || p.eu_contribution_eur.is_some() {
        rows.push(row("Total budget (EUR)", euro(p.total_budget_eur)));
        rows.push(row("EU contribution (EUR)", euro(p.eu_contribution_eur)));
    }
    Section {
        title: t("Money"),
        rows,
    }
}

/// A call for applications, for `esf parse`, `esf calls` and the browser.
pub fn call_rows(c: &Call) -> Vec<(String, String)> {
    vec![
        row("Diarienummer", c.id.clone()),
        row("Title", c.title.clone()),
        row("Region", c.region.clone()),
        row("Programme area", c.programme_area.clone()),
        row("Opens", c.opens.clone()),
        row("Closes", c.closes.clone()),
        row("Amount", money(c.amount_sek)),
    ]
}

/// What a page about a project says of it.
pub fn linked_rows(l: &LinkedDoc) -> Vec<(String, String)> {
    let kind = match l.kind.as_str() {
        "final_report" => t("final report"),
        _ => t("page about a project"),
    };
    let mut rows = vec![
        row("Kind", Some(kind.to_string())),
        row("Diarienummer", l.project_id.clone()),
        row("Project", l.project_name.clone()),
        row("Owner", l.owner.clone()),
        row(
            "Period",
            period_text(l.start_date.as_deref(), l.end_date.as_deref()),
        ),
    ];
    // Only where the page names them: most pages name neither.
    for (label, names) in [
        ("Partners", &l.partners),
        ("Municipalities", &l.municipalities),
    ] {
        if !names.is_empty() {
            rows.push(row(label, Some(names.join(", "))));
        }
    }
    rows
}

fn period_section(p: &Project) -> Section {
    let duration = match (&p.start_date, &p.end_date) {
        (Some(s), Some(e)) => duration_text(s, e),
        _ => None,
    };
    Section {
        title: t("Period"),
        rows: vec![
            row(
                "Period",
                period_text(p.start_date.as_deref(), p.end_date.as_deref()),
            ),
            row("Duration", duration),
        ],
    }
}

fn programme(p: &Project) -> Section {
    let area = match (&p.programme_area, &p.programme_area_name) {
        (Some(a), Some(n)) => Some(format!("{a} {n}")),
        (a, n) => a.clone().or_else(|| n.clone()),
    };
    Section {
        title: t("Programme"),
        rows: vec![
            row("Programme area", area),
            row("Specific objective", p.specific_objective.clone()),
            row("Intervention type", p.intervention_type.clone()),
            row(
                "Planned participants",
                p.planned_participants.map(|n| n.to_string()),
            ),
            row("Region", p.region.clone()),
            row("NUTS-2", p.nuts2.clone()),
        ],
    }
}

fn owner_and_contact(p: &Project) -> Section {
    let beneficiary = [&p.beneficiary_postcode, &p.beneficiary_city]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>();
    Section {
        title: t("Owner and contact"),
        rows: vec![
            row("Owner", p.owner.clone()),
            row(
                "Org. number",
                p.owner_org_number.as_deref().map(org_number_text),
            ),
            row("Contact", p.contact_name.clone()),
            row("E-mail", p.contact_email.clone()),
            row("Phone", p.contact_phone.clone()),
            row(
                "Beneficiary",
                (!beneficiary.is_empty()).then(|| beneficiary.join(" ")),
            ),
        ],
    }
}

/// `212000-1033`; a number whose check digit is wrong, as written and said.
fn org_number_text(written: &str) -> String {
    crate::model::org_number::normalise(written)
        .unwrap_or_else(|| format!("{written} ({})", t("check digit wrong")))
}

fn organisations(p: &Project) -> Section {
    let g = crate::ingest::gazetteer::gazetteer();
    let generic = |o: &&OrgLink| is_generic(g, &o.name);
    let names = |keep: &dyn Fn(&&OrgLink) -> bool| -> Option<String> {
        let names: Vec<&str> = p
            .organisations
            .iter()
            .filter(keep)
            .map(|o| o.name.as_str())
            .collect();
        (!names.is_empty()).then(|| names.join("; "))
    };
    let in_passing: Vec<String> = p
        .organisations
        .iter()
        .filter(|o| o.role == Role::Mentioned && generic(o))
        .map(|o| o.as_written.to_lowercase())
        .collect();
    let rows = vec![
        row("Owner", names(&|o| o.role == Role::Owner)),
        row("Partners", names(&|o| o.role == Role::Partner)),
        row(
            "Mentioned",
            names(&|o| o.role == Role::Mentioned && !generic(o)),
        ),
        row(
            "Mentioned in passing",
            (!in_passing.is_empty()).then(|| in_passing.join(", ")),
        ),
    ];
    Section {
        title: t("Organisations"),
        rows,
    }
}
