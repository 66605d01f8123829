//! The cache commands as a user runs them, each test on its own cache.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn esf(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_esf"))
        .env("ESF_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ESF_DB", db)
        .env("NO_COLOR", "1")
        .output()
        .expect("run esf")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_first_query_imports_the_sample_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let out = esf(&db, &["list", "--json"]);
    let list = json(&out);
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("sample corpus"));
    let again = esf(&db, &["list", "--json"]);
    assert!(again.stderr.is_empty(), "said once only");
    let first = &list[0];
    assert!(first["key"].is_string() && first["organisations"].is_array());
}

#[test]
fn an_explicit_import_imports_only_what_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let report = json(&esf(
        &db,
        &["import", "--json", "assets/corpus/002_b2246aa585e43b84.txt"],
    ));
    for key in [
        "seen",
        "new",
        "updated",
        "unchanged",
        "unclassified",
        "skipped",
    ] {
        assert!(report[key].is_u64(), "report key {key}");
    }
    assert_eq!(report["new"], 1);
    let list = json(&esf(&db, &["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "22-002-S07");
}

#[test]
fn list_sorts_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let by_budget = json(&esf(&db, &["list", "--sort", "budget", "--json"]));
    let budgets: Vec<Value> = by_budget
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["total_budget_sek"].clone())
        .collect();
    assert_eq!(
        budgets[..3],
        [
            Value::from(16_425_554),
            Value::from(8_866_642),
            Value::from(974_500)
        ]
    );
    let filtered = json(&esf(&db, &["list", "--filter", "vellinge", "--json"]));
    assert_eq!(filtered[0]["id"], "22-002-S07", "best match first");
    let plain = esf(&db, &["list"]);
    let text = String::from_utf8(plain.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("ID") && header.contains("NAME") && header.contains("PERIOD"));
    assert!(text.contains("2016-02-01 – 2019-01-31"));
}

#[test]
fn show_prints_every_field_and_unknown_ids_get_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let shown = json(&esf(&db, &["show", "2015/00730", "--json"]));
    assert_eq!(shown["name"], "effektbutiken");
    assert_eq!(shown["esf_grant_sek"], 5_927_642);
    assert!(shown["source"]
        .as_str()
        .unwrap()
        .ends_with("000_3baf275082b782be.txt"));
    let text = String::from_utf8(esf(&db, &["show", "22-002-s07"]).stdout).unwrap();
    assert!(text.contains("Nya Vägar i Vellinge +") && text.contains("3 years"));
    let missing = esf(&db, &["show", "2015/00731"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("no project with ID \"2015/00731\"") && err.contains("2015/00730"),
        "{err}"
    );
}

#[test]
fn search_finds_words_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let hits = json(&esf(&db, &["search", "IPS", "--json"]));
    let mut keys: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["key"].as_str().unwrap())
        .collect();
    keys.sort();
    assert_eq!(keys, vec!["2015/00730", "22-002-S07"]);
    let odd = esf(&db, &["search", "\"unbalanced OR (", "--json"]);
    assert_eq!(
        odd.status.code(),
        Some(1),
        "search syntax from users is never an error, at most nothing found"
    );
}

#[test]
fn orgs_count_projects() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let orgs = json(&esf(
        &db,
        &["orgs", "--filter", "försäkringskassan", "--json"],
    ));
    assert_eq!(orgs[0]["name"], "Försäkringskassan");
    assert_eq!(orgs[0]["projects"], 2);
}

#[test]
fn export_leaves_contacts_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let csv = String::from_utf8(esf(&db, &["export", "--format", "csv"]).stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "header and five projects");
    assert!(!csv.contains("contact") && !csv.contains("Lena Malm"));
    assert!(lines[0].starts_with("key,id,name,owner"));
    let with = String::from_utf8(esf(&db, &["export", "--with-contacts"]).stdout).unwrap();
    assert!(with
        .lines()
        .next()
        .unwrap()
        .ends_with("contact_name,contact_email,contact_phone"));
    assert!(with.contains("Lena Malm"));
    let exported = json(&esf(
        &db,
        &["export", "--format", "json", "--filter", "effektbutiken"],
    ));
    assert_eq!(exported[0]["contact_name"], Value::Null);
    assert_eq!(exported[0]["total_budget_sek"], 8_866_642);
}

/// The contact persons of the sample corpus, each part of them.
const CONTACTS: &[&str] = &[
    "Lena Malm",
    "lena.malm@socialresurs.goteborg.se",
    "Sofia Olsson Quist",
    "sofia.olsson.quist@socialnordost.goteborg.se",
    "Magnus Simonsson",
    "magnus.simonsson@arbetsformedlingen.se",
    "010-486 90 20",
];

#[test]
fn list_and_show_json_leave_contacts_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    // Every way `list` reads: all in name order, a filter alone, a sort,
    // a facet; and `show`.
    let asked: &[&[&str]] = &[
        &["list", "--json"],
        &["list", "--filter", "vellinge", "--json"],
        &["list", "--sort", "id", "--json"],
        &["list", "--fund", "ESF", "--json"],
        &["show", "22-002-S07", "--json"],
        &["show", "2015/00730", "--json"],
    ];
    let mut given = String::new();
    for args in asked {
        let out = json(&esf(&db, args));
        let records = match out.as_array() {
            Some(records) => records.clone(),
            None => vec![out],
        };
        assert!(!records.is_empty(), "{args:?}");
        for record in &records {
            for field in ["contact_name", "contact_email", "contact_phone"] {
                assert_eq!(record[field], Value::Null, "{args:?} {field}");
            }
        }
        let text = String::from_utf8(esf(&db, args).stdout).unwrap();
        for contact in CONTACTS {
            assert!(!text.contains(contact), "{args:?} gave {contact}");
        }
        let mut with = args.to_vec();
        with.push("--with-contacts");
        given.push_str(&String::from_utf8(json_out(&db, &with)).unwrap());
    }
    for contact in CONTACTS {
        assert!(given.contains(contact), "--with-contacts gives {contact}");
    }
    // The readable detail keeps them, as the browser's detail pane does.
    let plain = String::from_utf8(esf(&db, &["show", "2015/00730"]).stdout).unwrap();
    assert!(plain.contains("Lena Malm") && plain.contains("lena.malm@socialresurs.goteborg.se"));
}

#[test]
fn a_second_contact_person_is_left_out_unless_asked() {
    // A document naming two contact persons: the second is kept in
    // `extra`, and leaves with the first.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let out = esf(&db, &["import", "tests/fixtures/contacts"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = ["Bertil Andre", "bertil.andre@vellinge.se", "040-222 22 22"];
    let first = ["Anna Första", "anna.forsta@vellinge.se", "040-111 11 11"];
    let asked: &[&[&str]] = &[
        &["list", "--json"],
        &["list", "--filter", "kontakter", "--json"],
        &["show", "2016/00123", "--json"],
        &["search", "kontakter", "--json"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
    ];
    for args in asked {
        let out = esf(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Två kontakter"), "{args:?}: {text}");
        for contact in first.iter().chain(&second) {
            assert!(!text.contains(contact), "{args:?} gave {contact}: {text}");
        }
        // Asked for, both are there (`search` has no contacts to give).
        if args[0] == "search" {
            continue;
        }
        let mut with = args.to_vec();
        with.push("--with-contacts");
        let text = String::from_utf8(esf(&db, &with).stdout).unwrap();
        // The CSV and Markdown have columns for one contact, no `extra`.
        let tabular = args.contains(&"csv") || args.contains(&"markdown");
        let given = if tabular {
            &first[..]
        } else {
            &[first, second].concat()
        };
        for contact in given {
            assert!(
                text.contains(contact),
                "{with:?} left out {contact}: {text}"
            );
        }
    }
    let shown = json(&esf(
        &db,
        &["show", "2016/00123", "--json", "--with-contacts"],
    ));
    assert_eq!(shown["contact_name"], "Anna Första");
    assert_eq!(shown["extra"]["Kontaktperson"], "Bertil Andre");
    // The readable detail keeps both, as the browser's detail pane does.
    let plain = String::from_utf8(esf(&db, &["show", "2016/00123"]).stdout).unwrap();
    for contact in first.iter().chain(&second) {
        assert!(plain.contains(contact), "show left out {contact}: {plain}");
    }
}

fn json_out(db: &Path, args: &[&str]) -> Vec<u8> {
    let out = esf(db, args);
    json(&out);
    out.stdout
}

#[test]
fn the_db_flag_wins_over_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let env_db = dir.path().join("env.sqlite");
    let flag_db = dir.path().join("flag.sqlite");
    let out = esf(
        &env_db,
        &["--db", flag_db.to_str().unwrap(), "list", "--json"],
    );
    json(&out);
    assert!(flag_db.exists() && !env_db.exists());
}

#[test]
fn a_users_first_import_replaces_the_sample_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    json(&esf(&db, &["list", "--json"]));
    let out = esf(&db, &["import", "assets/corpus/001_fa7e1b871c6b631c.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("the bundled sample corpus was replaced"));
    let list = json(&esf(&db, &["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let sources = std::fs::read_to_string(dir.path().join("cache.sqlite.sources")).unwrap();
    assert!(!sources.contains("sample:") && sources.contains("001_fa7e1b871c6b631c.txt"));
}

/// The field names of a record as an older esf stored them, by hand.
const WHOLE_NAMES: &[(&str, &str)] = &[
    ("i", "id"),
    ("f", "fund"),
    ("pp", "programme_period"),
    ("o", "owner"),
    ("r", "region"),
    ("s", "start_date"),
    ("e", "end_date"),
    ("b", "total_budget_sek"),
    ("g", "esf_grant_sek"),
    ("c", "eu_cofinancing_rate_percent"),
    ("a", "programme_area"),
    ("an", "programme_area_name"),
    ("so", "specific_objective"),
    ("it", "intervention_type"),
    ("pl", "planned_participants"),
    ("cn", "contact_name"),
    ("cm", "contact_email"),
    ("cp", "contact_phone"),
    ("pc", "beneficiary_postcode"),
    ("ct", "beneficiary_city"),
    ("ph", "phase"),
    ("pa", "partners"),
    ("m", "municipalities"),
    ("ms", "municipality_sources"),
    ("os", "organisations"),
    ("x", "extra"),
];

fn with_whole_names(record: &str) -> String {
    let mut object: serde_json::Map<String, Value> = serde_json::from_str(record).unwrap();
    for (short, whole) in WHOLE_NAMES {
        if let Some(v) = object.remove(*short) {
            object.insert(whole.to_string(), v);
        }
    }
    let items = |list: &str, names: &[(&str, &str)], object: &mut serde_json::Map<_, _>| {
        if let Some(Value::Array(items)) = object.get_mut(list) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                for (short, whole) in names {
                    if let Some(v) = item.remove(*short) {
                        item.insert(whole.to_string(), v);
                    }
                }
            }
        }
    };
    let org = [
        ("n", "name"),
        ("r", "role"),
        ("w", "as_written"),
        ("p", "parent"),
    ];
    items("organisations", &org, &mut object);
    items(
        "municipality_sources",
        &[("n", "name"), ("f", "from")],
        &mut object,
    );
    Value::Object(object).to_string()
}

#[test]
fn a_record_stored_with_short_or_whole_field_names_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let export = ["export", "--format", "json", "--with-contacts"];
    let short = json(&esf(&db, &export));
    assert_eq!(short.as_array().unwrap().len(), 5);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let records: Vec<(i64, String)> = conn
        .prepare("SELECT document_id, record FROM records")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (id, record) in records {
        assert!(!record.contains("\"owner\":"), "stored short: {record}");
        let whole = with_whole_names(&record);
        assert!(whole.contains("\"organisations\":"), "{whole}");
        conn.execute(
            "UPDATE records SET record = ?1 WHERE document_id = ?2",
            rusqlite::params![whole, id],
        )
        .unwrap();
    }
    drop(conn);
    assert_eq!(json(&esf(&db, &export)), short);
}
