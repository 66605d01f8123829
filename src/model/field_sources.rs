//! Where each of a project's fields comes from: a saved page, a row of the
//! fund's list, a row of Kohesio's export may each give the budget or the
//! end date. Every value is kept with the sources that give it; where they
//! give different ones, both are shown, never one silently chosen.

use super::{LinkedDoc, Project};
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields compared across sources, with the label the detail gives
/// each. Contact persons (personal data), lists and texts are not.
pub const COMPARED: [(&str, &str); 17] = [
    ("name", "Name"),
    ("fund", "Fund"),
    ("programme_period", "Programme period"),
    ("owner", "Owner"),
    ("owner_org_number", "Org. number"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("total_budget_sek", "Total budget"),
    ("esf_grant_sek", "ESF grant"),
    ("eu_cofinancing_rate_percent", "EU co-financing"),
    ("total_budget_eur", "Total budget (EUR)"),
    ("eu_contribution_eur", "EU contribution (EUR)"),
    ("programme_area", "Programme area"),
    ("specific_objective", "Specific objective"),
    ("intervention_type", "Intervention type"),
    ("region", "Region"),
    ("beneficiary_city", "Beneficiary"),
];

/// The label the detail gives a compared field.
pub fn label(field: &str) -> &'static str {
    let known = COMPARED.iter().find(|(f, _)| *f == field);
    known.map_or("Other labels", |(_, label)| label)
}

/// One value of a field and the sources that give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedValue {
    pub value: serde_json::Value,
    pub sources: Vec<String>,
}

/// Each compared field any source gives: its values, the first source's
/// first (the order the sources come in), each with its sources.
pub type FieldSources = BTreeMap<String, Vec<SourcedValue>>;

/// One document about a project and the fields it gives: a page, a row
/// of a list, a Kohesio page, an article, a page about the project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceFields {
    pub source: String,
    /// Its format (`esf2014`, `project_list`, `kohesio`, `article`, …),
    /// or for a page about the project `final_report` or `page`.
    pub kind: String,
    /// The record's field names it gives, in the order of [`COMPARED`]
    /// after `id`, then `partners` and `municipalities`.
    pub fields: Vec<&'static str>,
    /// Those of its fields the project's record left empty and took from
    /// it (see [`super::filled`]), in the same order.
    pub filled: Vec<&'static str>,
}

/// A source by its file's name, and its row in a list (`list.csv#KEY`):
/// enough to tell a project's few sources apart.
pub fn source_file(path: &str) -> &str {
    let file_end = path.find('#').unwrap_or(path.len());
    let name_start = path[..file_end].rfind('/').map_or(0, |i| i + 1);
    &path[name_start..]
}

/// The fields a record gives (not `null`, not empty).
pub fn given(project: &Project) -> Vec<&'static str> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(project) else {
        return Vec::new();
    };
    let gives = |name: &&str| match fields.get(*name) {
        Some(serde_json::Value::Array(a)) => !a.is_empty(),
        Some(v) => !v.is_null(),
        None => false,
    };
    std::iter::once("id")
        .chain(COMPARED.iter().map(|(name, _)| *name))
        .chain(["partners", "municipalities"])
        .filter(gives)
        .collect()
}

/// What a page about a project states of it, as a record: diarienummer,
/// name, owner, dates, the partners it names beside the owner and the
/// municipalities it lists.
pub fn linked_record(l: &LinkedDoc) -> Project {
    Project {
        id: l.project_id.clone(),
        name: l.project_name.clone(),
        owner: l.owner.clone(),
        start_date: l.start_date.clone(),
        end_date: l.end_date.clone(),
        partners: l.partners.clone(),
        municipalities: l.municipalities.clone(),
        ..Project::default()
    }
}

/// The field sources of a project given by `records` (source, record).
pub fn field_sources<'a>(
    records: impl IntoIterator<Item = (&'a str, &'a Project)>,
) -> FieldSources {
    let mut all = FieldSources::new();
    for (source, project) in records {
        let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(project) else {
            continue;
        };
        for (name, _) in COMPARED {
            let Some(value) = fields.get(name).filter(|v| !v.is_null()) else {
                continue;
            };
            add(all.entry(name.to_string()).or_default(), value, source);
        }
    }
    all
}

fn add(values: &mut Vec<SourcedValue>, value: &serde_json::Value, source: &str) {
    match values.iter_mut().find(|v| same(&v.value, value)) {
        Some(known) => known.sources.push(source.to_string()),
        None => values.push(SourcedValue {
            value: value.clone(),
            sources: vec![source.to_string()],
        }),
    }
}

/// Equal values, text compared in any case and spacing (`VELLINGE KOMMUN`
/// is `Vellinge kommun`), numbers as numbers (`40` is `40.0`).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::{Number, String};
    match (a, b) {
        (String(x), String(y)) => folded(x) == folded(y),
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn folded(s: &str) -> std::string::String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The compared fields whose values differ between two records (one
/// given where the other is not counts), in the order of [`COMPARED`].
pub fn changed_fields(before: &Project, after: &Project) -> Vec<&'static str> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(before), serde_json::to_value(after)) else {
        return Vec::new();
    };
    let null = serde_json::Value::Null;
    COMPARED
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| {
            let (x, y) = (a.get(name).unwrap_or(&null), b.get(name).unwrap_or(&null));
            !same(x, y)
        })
        .collect()
}

/// [`changed_fields`] with each field's value before and after.
pub fn changed_values(before: &Project, after: &Project) -> Vec<super::FieldChange> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(before), serde_json::to_value(after)) else {
        return Vec::new();
    };
    let null = serde_json::Value::Null;
    changed_fields(before, after)
        .into_iter()
        .map(|name| {
            let (x, y) = (a.get(name).unwrap_or(&null), b.get(name).unwrap_or(&null));
            super::FieldChange::new(name, x, y)
        })
        .collect()
}

/// The fields whose sources give more than one value.
pub fn disagreements(all: &FieldSources) -> impl Iterator<Item = (&str, &[SourcedValue])> {
    COMPARED.iter().filter_map(|(name, _)| {
        let values = all.get(*name)?;
        (values.len() > 1).then_some((*name, values.as_slice()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(owner: &str, budget: Option<i64>, end: Option<&str>) -> Project {
        Project {
            owner: Some(owner.into()),
            total_budget_sek: budget,
            end_date: end.map(Into::into),
            contact_name: Some("Anna Andersson".into()),
            ..Project::default()
        }
    }

    #[test]
    fn values_are_kept_with_their_sources_and_differences_named() {
        let records = [
            (
                "page.txt".to_string(),
                project("Vellinge kommun", Some(4_973_906), None),
            ),
            (
                "list.csv#22-002-S07".to_string(),
                project("VELLINGE  KOMMUN", Some(5_000_000), Some("2026-02-28")),
            ),
        ];
        let all = field_sources(records.iter().map(|(s, p)| (s.as_str(), p)));
        let owner = &all["owner"];
        assert_eq!(owner.len(), 1, "the same owner in other letters");
        assert_eq!(owner[0].sources, ["page.txt", "list.csv#22-002-S07"]);
        let budget = &all["total_budget_sek"];
        assert_eq!(budget.len(), 2);
        assert_eq!(budget[0].value, 4_973_906);
        assert_eq!(budget[1].sources, ["list.csv#22-002-S07"]);
        assert_eq!(all["end_date"][0].sources, ["list.csv#22-002-S07"]);
        let differ: Vec<&str> = disagreements(&all).map(|(f, _)| f).collect();
        assert_eq!(differ, ["total_budget_sek"]);
        assert!(
            !all.contains_key("contact_name"),
            "personal data is not compared"
        );
    }

    #[test]
    fn each_source_says_which_fields_it_gives() {
        let p = project("Vellinge kommun", Some(4_973_906), None);
        assert_eq!(
            given(&p),
            ["owner", "total_budget_sek"],
            "no contact person"
        );
        let page = LinkedDoc {
            kind: "final_report".into(),
            project_id: Some("22-002-S07".into()),
            end_date: Some("2026-02-28".into()),
            ..LinkedDoc::default()
        };
        assert_eq!(given(&linked_record(&page)), ["id", "end_date"]);
    }

    #[test]
    fn changed_fields_are_named_in_order() {
        let before = project("Vellinge kommun", Some(1), None);
        let after = project("VELLINGE KOMMUN", Some(2), Some("2026-02-28"));
        assert_eq!(
            changed_fields(&before, &after),
            ["end_date", "total_budget_sek"]
        );
        assert!(changed_fields(&before, &before).is_empty());
    }
}
