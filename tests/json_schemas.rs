//! Every command's `--json` on a corpus that gives each something to say,
//! checked against its schema in docs/schemas/ by a validator of the part
//! of JSON Schema those use (type, properties, required,
//! additionalProperties, items, enum, anyOf, $ref, format date and
//! date-time); a schema using any other keyword fails the test.

mod common;

use common::Cli;
use serde_json::{Map, Value};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schemas");
const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "anyOf",
    "format",
];

fn schema(file: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(DIR).join(file)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// `common.json#/$defs/x`, `#/$defs/x` (in `file`) or `other.json`.
fn resolve(file: &str, reference: &str) -> (String, Value) {
    let (name, pointer) = reference.split_once('#').unwrap_or((reference, ""));
    let name = if name.is_empty() { file } else { name };
    let found = schema(name).pointer(pointer).cloned();
    (
        name.to_string(),
        found.unwrap_or_else(|| panic!("{reference} in {file}")),
    )
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn types_allow(types: &Value, v: &Value) -> bool {
    let t = type_of(v);
    let allows = |name: &str| name == t || (name == "number" && t == "integer");
    match types {
        Value::String(s) => allows(s),
        Value::Array(all) => all.iter().any(|s| s.as_str().is_some_and(allows)),
        _ => panic!("type {types}"),
    }
}

fn format_holds(format: &str, s: &str) -> bool {
    let date = |d: &str| {
        let b = d.as_bytes();
        d.len() == 10 && b[4] == b'-' && b[7] == b'-' && d.replace('-', "").parse::<u32>().is_ok()
    };
    match format {
        "date" => date(s),
        "date-time" => {
            let (day, time) = s.split_once('T').unwrap_or(("", ""));
            date(day) && time.len() == 9 && time.ends_with('Z') && time.as_bytes()[2] == b':'
        }
        other => panic!("format {other}"),
    }
}

/// Why `v` is not what `s` (of `file`) says, at `at`; None when it is.
fn check(file: &str, s: &Value, v: &Value, at: &str) -> Option<String> {
    let s = s
        .as_object()
        .unwrap_or_else(|| panic!("{file}: a schema that is no object"));
    if let Some(unknown) = s.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        panic!("{file}: the validator does not know \"{unknown}\"");
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let (name, target) = resolve(file, r);
        return check(&name, &target, v, at);
    }
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        if any.iter().all(|one| check(file, one, v, at).is_some()) {
            return Some(format!("{at}: none of anyOf holds for {v}"));
        }
    }
    if let Some(types) = s.get("type") {
        if !types_allow(types, v) {
            return Some(format!("{at}: {} where {types} is said", type_of(v)));
        }
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        if !values.contains(v) {
            return Some(format!("{at}: {v} is none of {values:?}"));
        }
    }
    if let (Some(f), Some(text)) = (s.get("format").and_then(Value::as_str), v.as_str()) {
        if !format_holds(f, text) {
            return Some(format!("{at}: \"{text}\" is no {f}"));
        }
    }
    match v {
        Value::Array(items) => {
            let item = s.get("items")?;
            items
                .iter()
                .enumerate()
                .find_map(|(i, x)| check(file, item, x, &format!("{at}[{i}]")))
        }
        Value::Object(fields) => check_object(file, s, fields, at),
        _ => None,
    }
}

fn check_object(
    file: &str,
    s: &Map<String, Value>,
    fields: &Map<String, Value>,
    at: &str,
) -> Option<String> {
    let empty = Map::new();
    let props = s
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for name in s
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !fields.contains_key(name.as_str().unwrap()) {
            return Some(format!("{at}: {name} is missing"));
        }
    }
    for (name, value) in fields {
        let here = format!("{at}.{name}");
        let found = match (props.get(name), s.get("additionalProperties")) {
            (Some(p), _) => check(file, p, value, &here),
            (None, Some(Value::Bool(false))) => Some(format!("{here}: not in the schema")),
            (None, Some(extra @ Value::Object(_))) => check(file, extra, value, &here),
            (None, _) => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Every object with a `key` (a project, as every command names one)
/// has an `id` beside it; a project's own marks (`your_notes`, inside the
/// project that has both) are no project.
fn keys_have_ids(v: &Value, at: &str) -> Option<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| keys_have_ids(x, &format!("{at}[{i}]"))),
        Value::Object(fields) => {
            if fields.contains_key("key") && !fields.contains_key("id") {
                return Some(format!("{at}: a key without an id"));
            }
            fields
                .iter()
                .filter(|(k, _)| *k != "your_notes")
                .find_map(|(k, x)| keys_have_ids(x, &format!("{at}.{k}")))
        }
        _ => None,
    }
}

/// A cache of the sample corpus, two projects of one organisation at the
/// same time, a call, a final report, a Kohesio export with other funds'
/// projects beside an ESF project and a record changed by a second
/// import; a note and a bookmark.
fn corpus() -> (Cli, String) {
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let files = [
        "tests/fixtures/overlaps/23-106-S01.txt",
        "tests/fixtures/overlaps/23-107-S01.txt",
        "tests/fixtures/pages/call.txt",
        "tests/fixtures/feed/vastby_record.txt",
        "tests/fixtures/feed/osterby_final_report.txt",
        "tests/fixtures/cross_fund/kohesio_cross_fund.csv",
    ];
    for file in files.iter().map(|f| Path::new(root).join(f)) {
        std::fs::copy(&file, docs.join(file.file_name().unwrap())).unwrap();
    }
    for entry in std::fs::read_dir(Path::new(root).join("assets/corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    let docs = docs.to_string_lossy().into_owned();
    cli.ok(&["import", &docs]);
    let record = Path::new(&docs).join("vastby_record.txt");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, text.replace("2024-04-30", "2024-06-30")).unwrap();
    cli.ok(&["note", "2015/00730", "Ring Anna."]);
    cli.ok(&["bookmark", "22-002-S07"]);
    (cli, docs)
}

#[test]
fn every_commands_json_is_what_its_schema_says() {
    let (cli, docs) = corpus();
    let one = format!("{docs}/vastby_record.txt");
    let runs: &[(&str, &[&str])] = &[
        ("import.json", &["import", &docs, "--json"]),
        ("list.json", &["list", "--json"]),
        ("list.json", &["list", "--filter", "vellinge", "--json"]),
        ("list-facet.json", &["list", "--facet", "region", "--json"]),
        ("show.json", &["show", "2015/00730", "--json"]),
        ("show.json", &["show", "23-106-S01", "--json"]),
        ("show.json", &["show", "23-201-S01", "--json"]),
        ("search.json", &["search", "hisingen", "--json"]),
        ("search.json", &["search", "2015/00730", "--json"]),
        ("orgs.json", &["orgs", "--json"]),
        ("calls.json", &["calls", "--json"]),
        ("linked.json", &["linked", "--json"]),
        (
            "graph.json",
            &["graph", "2015/00730", "--depth", "2", "--json"],
        ),
        ("graph.json", &["graph", "Arbetsförmedlingen", "--json"]),
        ("related.json", &["related", "2015/00730", "--json"]),
        ("overlaps.json", &["overlaps", "--json"]),
        ("changes.json", &["changes", "--json"]),
        ("notes.json", &["notes", "--json"]),
        ("coverage.json", &["coverage", "--json"]),
        ("coverage.json", &["coverage", "--by", "year", "--json"]),
        (
            "timeline.json",
            &["timeline", "--municipality", "göteborg", "--json"],
        ),
        ("timeline.json", &["timeline", "Göteborgs Stad", "--json"]),
        (
            "export.json",
            &["export", "--format", "json", "--with-notes"],
        ),
        ("parse.json", &["parse", &docs, "--json"]),
        (
            "parse-explain.json",
            &["parse", "--explain", &one, "--json"],
        ),
    ];
    for (file, args) in runs {
        let out: Value = serde_json::from_str(&cli.ok(args)).unwrap();
        let some = out.as_array().is_none_or(|a| !a.is_empty());
        assert!(some, "esf {args:?} gave nothing to check");
        if let Some(wrong) = check(file, &schema(file), &out, "$") {
            panic!("esf {args:?} against {file}: {wrong}");
        }
        if let Some(wrong) = keys_have_ids(&out, "$") {
            panic!("esf {args:?}: {wrong}");
        }
    }
}

#[test]
fn the_validator_finds_what_a_schema_does_not_allow() {
    let project = schema("search.json");
    let ok = serde_json::json!([{"key": "k", "id": null, "name": null, "owner": null,
        "matched": [{"field": "text", "text": "a", "positions": [0]}], "rank": -1.5}]);
    assert_eq!(check("search.json", &project, &ok, "$"), None);
    let mut wrong = ok.clone();
    wrong[0]["snippet"] = "[a]".into();
    assert!(check("search.json", &project, &wrong, "$")
        .unwrap()
        .contains("not in the schema"));
    let mut wrong = ok.clone();
    wrong[0].as_object_mut().unwrap().remove("id");
    assert!(check("search.json", &project, &wrong, "$")
        .unwrap()
        .contains("missing"));
    let notes = schema("notes.json");
    let seconds = serde_json::json!([{"key": "k", "id": null, "name": null, "note": "",
        "bookmarked": false, "review": "done", "updated": 1_700_000_000, "orphaned": false}]);
    assert!(check("notes.json", &notes, &seconds, "$")
        .unwrap()
        .contains("integer"));
    let mut iso = seconds.clone();
    iso[0]["updated"] = "2023-11-14T22:13:20Z".into();
    assert_eq!(check("notes.json", &notes, &iso, "$"), None);
    assert!(keys_have_ids(&serde_json::json!({"a": [{"key": 1}]}), "$").is_some());
}
