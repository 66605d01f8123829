//! The field names of a stored record, shortened: a record's JSON spent a
//! quarter of its bytes on them (about 4 % of the cache). Only the record's
//! own fields, its organisations' and its municipality sources' are
//! shortened, never the keys inside `extra` (the document's own). `name`
//! and `owner_org_number` keep their names: SQL reads them from the JSON.
//! A reader takes both forms, so records an older esf wrote (every name
//! whole) read as before.

use serde_json::{Map, Value};

/// The record's own fields and their short names. No short name is the
/// whole name of another field.
const FIELDS: &[(&str, &str)] = &[
    ("id", "i"),
    ("fund", "f"),
    ("programme_period", "pp"),
    ("owner", "o"),
    ("region", "r"),
    ("nuts2", "n2"),
    ("start_date", "s"),
    ("end_date", "e"),
    ("total_budget_sek", "b"),
    ("esf_grant_sek", "g"),
    ("eu_cofinancing_rate_percent", "c"),
    ("total_budget_eur", "be"),
    ("eu_contribution_eur", "ce"),
    ("programme_area", "a"),
    ("programme_area_name", "an"),
    ("specific_objective", "so"),
    ("intervention_type", "it"),
    ("planned_participants", "pl"),
    ("contact_name", "cn"),
    ("contact_email", "cm"),
    ("contact_phone", "cp"),
    ("beneficiary_postcode", "pc"),
    ("beneficiary_city", "ct"),
    ("phase", "ph"),
    ("partners", "pa"),
    ("municipalities", "m"),
    ("municipality_sources", "ms"),
    ("organisations", "os"),
    ("description", "d"),
    ("extra", "x"),
];

/// An organisation's fields.
const ORGANISATION: &[(&str, &str)] = &[
    ("name", "n"),
    ("role", "r"),
    ("as_written", "w"),
    ("parent", "p"),
];

/// A municipality source's fields.
const SOURCE: &[(&str, &str)] = &[("name", "n"), ("from", "f")];

/// Gives the record's fields their short names.
pub fn shorten(record: &mut Map<String, Value>) {
    rename_items(record, "organisations", ORGANISATION, false);
    rename_items(record, "municipality_sources", SOURCE, false);
    rename(record, FIELDS, false);
}

/// Gives back the whole names (a record with whole names stays as it is).
pub fn lengthen(record: &mut Map<String, Value>) {
    rename(record, FIELDS, true);
    rename_items(record, "organisations", ORGANISATION, true);
    rename_items(record, "municipality_sources", SOURCE, true);
}

fn rename_items(record: &mut Map<String, Value>, list: &str, names: &[(&str, &str)], back: bool) {
    if let Some(Value::Array(items)) = record.get_mut(list) {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            rename(item, names, back);
        }
    }
}

fn rename(object: &mut Map<String, Value>, names: &[(&str, &str)], back: bool) {
    for &(whole, short) in names {
        let (from, to) = if back { (short, whole) } else { (whole, short) };
        if let Some(value) = object.remove(from) {
            object.insert(to.to_string(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_short_name_is_a_whole_name_or_given_twice() {
        for names in [FIELDS, ORGANISATION, SOURCE] {
            let whole: std::collections::HashSet<_> = names.iter().map(|n| n.0).collect();
            let short: std::collections::HashSet<_> = names.iter().map(|n| n.1).collect();
            assert_eq!(short.len(), names.len());
            assert!(short.is_disjoint(&whole), "{names:?}");
        }
        assert!(!FIELDS
            .iter()
            .any(|n| n.0 == "name" || n.0 == "owner_org_number"));
    }

    #[test]
    fn keys_inside_extra_are_the_documents_own() {
        let json = r#"{"extra":{"o":"1","owner":"2"},"owner":"A","name":"N"}"#;
        let Ok(Value::Object(mut record)) = serde_json::from_str(json) else {
            panic!()
        };
        shorten(&mut record);
        assert_eq!(
            Value::Object(record.clone()).to_string(),
            r#"{"name":"N","o":"A","x":{"o":"1","owner":"2"}}"#
        );
        lengthen(&mut record);
        assert_eq!(record, serde_json::from_str::<Map<_, _>>(json).unwrap());
    }
}
