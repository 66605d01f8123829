//! A project record as the cache keeps it: the contract's JSON without
//! what can be told again on reading (fields the document does not give,
//! an organisation written as its canonical name), its field names
//! shortened (see `short_keys`), about half as long, and without its
//! description, which has a column of its own (the full-text index reads
//! it there).

use crate::model::Project;
use serde_json::{Map, Value};

/// The stored form of `p`, but for `p.description` (stored beside it).
pub fn write(p: &Project) -> String {
    let Ok(Value::Object(mut record)) = serde_json::to_value(p) else {
        return serde_json::to_string(p).unwrap_or_default();
    };
    record.remove("description");
    if let Some(Value::Array(orgs)) = record.get_mut("organisations") {
        for org in orgs.iter_mut().filter_map(Value::as_object_mut) {
            if org.get("as_written") == org.get("name") {
                org.remove("as_written");
            }
            drop_unsaid(org);
        }
    }
    drop_unsaid(&mut record);
    super::short_keys::shorten(&mut record);
    Value::Object(record).to_string()
}

/// A project from its stored form and description (or from the whole
/// contract JSON an older cache kept, with no description beside it, or
/// the stored form with whole field names an older esf wrote): every
/// field it leaves out is unsaid.
pub fn read(json: &str, description: Option<String>) -> Project {
    let mut p: Project = match serde_json::from_str(json) {
        Ok(Value::Object(mut record)) => {
            super::short_keys::lengthen(&mut record);
            serde_json::from_value(Value::Object(record)).unwrap_or_default()
        }
        _ => Project::default(),
    };
    if description.is_some() {
        p.description = description;
    }
    for org in &mut p.organisations {
        if org.as_written.is_empty() {
            org.as_written = org.name.clone();
        }
    }
    p
}

/// The project of a row whose column `at` is the record and the next its
/// description (`SELECT r.record, r.description, …`).
pub fn from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<Project> {
    let json: String = row.get(at)?;
    Ok(read(&json, row.get(at + 1)?))
}

/// A hash of the whole record, the same however it is stored: equal
/// fingerprints, equal projects (an older cache's are still right).
pub fn fingerprint(p: &Project) -> i64 {
    let json = serde_json::to_string(p).unwrap_or_default();
    xxhash_rust::xxh3::xxh3_64(json.as_bytes()) as i64
}

/// Drops null, `[]` and `{}`: what the reader gives back as unsaid.
fn drop_unsaid(object: &mut Map<String, Value>) {
    object.retain(|_, v| match v {
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrgLink, Role};

    fn org(name: &str, as_written: &str, parent: Option<&str>) -> OrgLink {
        OrgLink {
            name: name.into(),
            role: Role::Partner,
            as_written: as_written.into(),
            parent: parent.map(Into::into),
        }
    }

    #[test]
    fn a_record_reads_back_as_it_was_written() {
        let mut p = Project {
            id: Some("2015/00730".into()),
            name: Some("effektbutiken".into()),
            total_budget_sek: Some(0),
            eu_cofinancing_rate_percent: Some(50.5),
            partners: vec!["Borås Stad".into()],
            organisations: vec![
                org("Borås Stad", "Borås stad", None),
                org(
                    "Göteborgs Stad Centrum",
                    "Göteborgs Stad Centrum",
                    Some("Göteborgs Stad"),
                ),
            ],
            description: Some(String::new()),
            ..Project::default()
        };
        p.extra.insert("Kontakt".into(), "".into());
        let stored = write(&p);
        assert_eq!(read(&stored, p.description.clone()), p);
        assert!(!stored.contains("null"), "{stored}");
        assert_eq!(
            stored.matches("Göteborgs Stad Centrum").count(),
            1,
            "{stored}"
        );
        assert!(
            stored.contains("Borås stad"),
            "a name written otherwise is kept"
        );
    }

    #[test]
    fn a_record_is_stored_under_short_field_names() {
        let p = Project {
            name: Some("Steg".into()),
            owner: Some("Lunds kommun".into()),
            start_date: Some("2020-01-01".into()),
            municipalities: vec!["Lund".into()],
            municipality_sources: vec![crate::model::MunicipalitySource {
                name: "Lund".into(),
                from: vec!["owner".into()],
            }],
            organisations: vec![org("Lunds kommun", "LUNDS KOMMUN", None)],
            ..Project::default()
        };
        let stored = write(&p);
        assert_eq!(
            stored,
            r#"{"m":["Lund"],"ms":[{"f":["owner"],"n":"Lund"}],"name":"Steg","o":"Lunds kommun","os":[{"n":"Lunds kommun","r":"partner","w":"LUNDS KOMMUN"}],"s":"2020-01-01"}"#
        );
        assert_eq!(read(&stored, None), p);
    }

    #[test]
    fn a_record_an_older_esf_stored_with_whole_names_reads_as_before() {
        let stored = r#"{"name":"Steg","organisations":[{"name":"Lunds kommun","role":"owner"}],"owner":"Lunds kommun","start_date":"2020-01-01"}"#;
        let p = read(stored, Some("Text.".into()));
        assert_eq!(p.owner.as_deref(), Some("Lunds kommun"));
        assert_eq!(p.start_date.as_deref(), Some("2020-01-01"));
        assert_eq!(p.organisations[0].as_written, "Lunds kommun");
        assert_eq!(p.organisations[0].role, Role::Owner);
        assert_eq!(p.description.as_deref(), Some("Text."));
    }

    #[test]
    fn a_record_of_an_older_cache_reads_as_before() {
        let p = Project {
            name: Some("Nya Vägar i Vellinge +".into()),
            organisations: vec![org("Vellinge kommun", "Vellinge Kommun", None)],
            ..Project::default()
        };
        let whole = serde_json::to_string(&p).unwrap();
        assert_eq!(read(&whole, None), p);
        assert!(write(&p).len() < whole.len() / 2);
        let described = Project {
            description: Some("Ett projekt i Vellinge.".into()),
            ..p
        };
        let whole = serde_json::to_string(&described).unwrap();
        assert_eq!(read(&whole, None), described, "the description inside");
        assert!(
            !write(&described).contains("Vellinge."),
            "kept beside the record"
        );
        assert_eq!(
            fingerprint(&read(&whole, None)),
            xxhash_rust::xxh3::xxh3_64(whole.as_bytes()) as i64,
            "an older cache's fingerprints stay right"
        );
    }
}
