//! A project's empty fields filled from its other sources: a field the
//! shown record leaves empty takes the value the first source that states
//! it gives, the fund's own first (the record, a row of its list, then a
//! Kohesio page, then articles, final reports and owners' pages, in the
//! order handed in). A value the record gives is never replaced; where two
//! sources give different values, `field_sources` keeps both.

use super::field_sources::COMPARED;
use super::{MunicipalitySource, OrgLink, Project, Role};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Which source each filled field came from: field name → source.
pub type FilledFrom = BTreeMap<String, String>;

/// Fills `project`'s empty fields from `sources` (source, record), in
/// order; partners and municipalities only when the project has none.
/// Returns which source gave each field filled.
pub fn fill_empty<'a>(
    project: &mut Project,
    sources: impl IntoIterator<Item = (&'a str, &'a Project)>,
) -> FilledFrom {
    let Ok(Value::Object(mut shown)) = serde_json::to_value(&*project) else {
        return FilledFrom::new();
    };
    let mut filled = FilledFrom::new();
    let mut lists: Vec<(&str, &Project)> = Vec::new();
    for (source, other) in sources {
        let Ok(Value::Object(given)) = serde_json::to_value(other) else {
            continue;
        };
        for (name, _) in COMPARED {
            fill_field(&mut shown, &given, name, source, &mut filled);
        }
        lists.push((source, other));
    }
    if let Ok(p) = serde_json::from_value::<Project>(Value::Object(shown)) {
        *project = p;
    }
    fill_lists(project, &lists, &mut filled);
    filled
}

fn fill_field(
    shown: &mut Map<String, Value>,
    given: &Map<String, Value>,
    name: &str,
    source: &str,
    filled: &mut FilledFrom,
) {
    let empty = shown.get(name).is_none_or(Value::is_null);
    let Some(value) = given.get(name).filter(|v| !v.is_null()) else {
        return;
    };
    if empty {
        shown.insert(name.to_string(), value.clone());
        filled.insert(name.to_string(), source.to_string());
    }
}

/// Partners and municipalities from the first source stating them, when
/// the project states none; the owner filled is linked as the owner.
fn fill_lists(p: &mut Project, sources: &[(&str, &Project)], filled: &mut FilledFrom) {
    if filled.contains_key("owner") {
        if let Some(owner) = p.owner.clone() {
            link(p, &owner, Role::Owner);
        }
    }
    if p.partners.is_empty() {
        if let Some((source, other)) = sources.iter().find(|(_, o)| !o.partners.is_empty()) {
            p.partners = other.partners.clone();
            for partner in &other.partners {
                link(p, partner, Role::Partner);
            }
            filled.insert("partners".into(), source.to_string());
        }
    }
    if p.municipalities.is_empty() {
        let stated = sources
            .iter()
            .map(|(s, o)| (s, stated_municipalities(o)))
            .find(|(_, m)| !m.is_empty());
        if let Some((source, names)) = stated {
            p.municipality_sources = names
                .iter()
                .map(|name| MunicipalitySource {
                    name: name.clone(),
                    from: vec![super::field_sources::source_file(source).to_string()],
                })
                .collect();
            p.municipalities = names;
            filled.insert("municipalities".into(), source.to_string());
        }
    }
}

/// The municipalities a record states: a town only its text mentions is
/// none.
fn stated_municipalities(p: &Project) -> Vec<String> {
    if p.municipality_sources.is_empty() {
        return p.municipalities.clone();
    }
    p.municipality_sources
        .iter()
        .filter(|s| s.from.iter().any(|f| f != "text"))
        .map(|s| s.name.clone())
        .collect()
}

/// Links an organisation in a role, or makes a weaker link of it this one.
fn link(p: &mut Project, written: &str, role: Role) {
    let g = crate::ingest::gazetteer::gazetteer();
    let canonical = crate::ingest::orgs::canonicalise(g, written);
    if role == Role::Partner && crate::ingest::orgs::is_generic(g, &canonical.name) {
        return;
    }
    let new = OrgLink {
        name: canonical.name,
        role,
        as_written: written.to_string(),
        parent: canonical.parent,
    };
    match p.organisations.iter_mut().find(|l| l.name == new.name) {
        Some(known) if role < known.role => *known = new,
        Some(_) => {}
        None => p.organisations.push(new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_empty_fields_are_filled_the_first_source_first() {
        let mut shown = Project {
            name: Some("Steg".into()),
            end_date: Some("2020-12-31".into()),
            ..Project::default()
        };
        let row = Project {
            start_date: Some("2018-01-01".into()),
            ..Project::default()
        };
        let report = Project {
            start_date: Some("2018-02-01".into()),
            end_date: Some("2021-06-30".into()),
            region: Some("Västsverige".into()),
            partners: vec!["Arbetsförmedlingen".into()],
            municipalities: vec!["Borås".into()],
            ..Project::default()
        };
        let filled = fill_empty(&mut shown, [("list.csv#1", &row), ("report.txt", &report)]);
        assert_eq!(shown.end_date.as_deref(), Some("2020-12-31"), "kept");
        assert_eq!(
            shown.start_date.as_deref(),
            Some("2018-01-01"),
            "the row first"
        );
        assert_eq!(shown.region.as_deref(), Some("Västsverige"));
        assert_eq!(shown.partners, ["Arbetsförmedlingen"]);
        assert_eq!(shown.municipalities, ["Borås"]);
        assert!(shown
            .organisations
            .iter()
            .any(|l| l.name == "Arbetsförmedlingen" && l.role == Role::Partner));
        let from: Vec<(&str, &str)> = filled
            .iter()
            .map(|(f, s)| (f.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            from,
            [
                ("municipalities", "report.txt"),
                ("partners", "report.txt"),
                ("region", "report.txt"),
                ("start_date", "list.csv#1"),
            ]
        );
    }

    #[test]
    fn lists_are_filled_only_where_the_record_has_none() {
        let mut shown = Project {
            municipalities: vec!["Mark".into()],
            ..Project::default()
        };
        let page = Project {
            municipalities: vec!["Borås".into()],
            municipality_sources: vec![MunicipalitySource {
                name: "Borås".into(),
                from: vec!["text".into()],
            }],
            ..Project::default()
        };
        assert!(fill_empty(&mut shown, [("page.txt", &page)]).is_empty());
        assert_eq!(shown.municipalities, ["Mark"]);
        let mut empty = Project::default();
        assert!(
            fill_empty(&mut empty, [("page.txt", &page)]).is_empty(),
            "a town only the text mentions fills nothing"
        );
    }
}
