//! Another fund's rows of a Kohesio export, through the real binary, over
//! `tests/fixtures/cross_fund`: made-up rows whose pairs are known by hand.
//! Vellinge kommun (212000-1033) runs the ESF+ project Jobbsteget Vellinge
//! (23-201-S01, 2023–2024). Of the same organisationsnummer, the ERDF
//! project R-100 starts 2024-07-01 (184 days together) and the JTF project
//! J-5 runs in March 2024 (31 days, no municipality given); the ERDF
//! project R-101 starts the day after 23-201-S01 ends. R-102 overlaps but
//! is another organisation's (556000-0001); R-103 names Vellinge kommun
//! but gives no organisationsnummer; D-1 is in Denmark. Uppsala kommun's
//! ESF+ project has no other fund beside it.

mod common;

use common::Cli;
use serde_json::Value;

fn fixtures() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cross_fund")
}

fn cli() -> Cli {
    let cli = Cli::new();
    cli.ok(&["import", fixtures()]);
    cli
}

/// Each cross-fund pair as (ESF key, other fund, other id, days).
fn cross(json: &str) -> Vec<(String, String, String, i64)> {
    let all: Vec<Value> = serde_json::from_str(json).unwrap();
    all.iter()
        .filter(|p| p["kind"] == "other_fund")
        .map(|p| {
            (
                p["project"]["key"].as_str().unwrap().to_string(),
                p["other"]["fund"].as_str().unwrap().to_string(),
                p["other"]["id"].as_str().unwrap().to_string(),
                p["days"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn pair(key: &str, fund: &str, id: &str, days: i64) -> (String, String, String, i64) {
    (key.into(), fund.into(), id.into(), days)
}

#[test]
fn another_funds_rows_are_never_esf_projects() {
    let cli = Cli::new();
    let report = cli.ok(&["import", fixtures()]);
    assert!(
        report.contains(
            "rows not kept: another fund (ERDF) 1, another fund (ERDF), kept apart for overlaps 4, \
             another fund (JTF), kept apart for overlaps 1"
        ),
        "{report}"
    );
    let list: Vec<Value> = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    let keys: Vec<&str> = list.iter().map(|p| p["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["23-201-S01", "23-202-S01"]);
    let funds: Value =
        serde_json::from_str(&cli.ok(&["list", "--facet", "fund", "--json"])).unwrap();
    assert_eq!(funds, serde_json::json!([{"value": "ESF+", "projects": 2}]));
    for word in ["Solceller", "Omställning", "Hamnen", "Cykelbanor"] {
        assert_eq!(
            cli.answer(&["search", word, "--json"]).trim(),
            "[]",
            "{word}"
        );
    }
    let orgs = cli.ok(&["orgs"]);
    assert!(!orgs.contains("Hamnbolaget"), "{orgs}");
    assert_eq!(
        cli.run(&["show", "2021SE16RFPR001_R-100"]).status.code(),
        Some(1)
    );
}

#[test]
fn overlaps_pair_an_esf_project_with_another_funds_only_by_organisationsnummer() {
    let cli = cli();
    let json = cli.ok(&["overlaps", "--json"]);
    assert_eq!(
        cross(&json),
        vec![
            pair("23-201-S01", "ERDF", "2021SE16RFPR001_R-100", 184),
            pair("23-201-S01", "JTF", "2021SE16JTPR001_J-5", 31),
        ]
    );
    let all: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(all.len(), 2, "no pair of ESF projects: {json}");
    assert_eq!(all[0]["organisation"], "Vellinge kommun");
    assert_eq!(all[0]["org_number"], "212000-1033");
    assert_eq!(
        (all[0]["from"].as_str(), all[0]["to"].as_str()),
        (Some("2024-07-01"), Some("2024-12-31"))
    );
    assert_eq!(all[0]["other"]["total_budget_eur"], 900000.0);
    assert_eq!(all[0]["other"]["name"], "Solceller på skolorna");
    let text = cli.ok(&["overlaps", "--org", "212000-1033"]);
    assert_eq!(
        text,
        "The same organisation funded by another fund in the same period\n\
         Vellinge kommun (212000-1033)\n\
         \x20 another fund: ERDF · days together: 184 (2024-07-01 – 2024-12-31)\n\
         \x20   23-201-S01 Jobbsteget Vellinge · VELLINGE KOMMUN · 2023-01-01 – 2024-12-31\n\
         \x20   ERDF 2021SE16RFPR001_R-100 Solceller på skolorna · VELLINGE KOMMUN · 2024-07-01 – 2026-06-30\n\
         \x20 another fund: JTF · days together: 31 (2024-03-01 – 2024-03-31)\n\
         \x20   23-201-S01 Jobbsteget Vellinge · VELLINGE KOMMUN · 2023-01-01 – 2024-12-31\n\
         \x20   JTF 2021SE16JTPR001_J-5 Omställning i Vellinge · VELLINGE KOMMUN · 2024-03-01 – 2024-03-31\n"
    );
}

#[test]
fn the_org_and_municipality_filters_hold_for_cross_fund_pairs() {
    let cli = cli();
    assert_eq!(
        cli.answer(&["overlaps", "--org", "Uppsala kommun", "--json"])
            .trim(),
        "[]"
    );
    // The JTF row states no municipality: it is in none.
    let json = cli.ok(&["overlaps", "--municipality", "Vellinge", "--json"]);
    assert_eq!(
        cross(&json),
        vec![pair("23-201-S01", "ERDF", "2021SE16RFPR001_R-100", 184)]
    );
    assert_eq!(
        cli.answer(&["overlaps", "--municipality", "Uppsala", "--json"])
            .trim(),
        "[]"
    );
}

#[test]
fn a_newer_export_replaces_its_files_other_fund_rows() {
    let cli = cli();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kohesio.csv");
    let original =
        std::fs::read_to_string(format!("{}/kohesio_cross_fund.csv", fixtures())).unwrap();
    std::fs::write(&file, &original).unwrap();
    let path = file.to_str().unwrap();
    cli.ok(&["import", path]);
    cli.ok(&["import", path]);
    // The same file imported again, and a copy of it elsewhere: one pair
    // per row of each file, none twice.
    let twice = cross(&cli.ok(&["overlaps", "--json"]));
    assert_eq!(twice.len(), 4, "{twice:?}");
    // The newer export drops the JTF row and moves R-100 a year on.
    let newer: String = original
        .lines()
        .filter(|l| !l.contains("J-5"))
        .map(|l| l.replace("01/07/2024,30/06/2026", "01/07/2025,30/06/2026") + "\n")
        .collect();
    std::fs::write(&file, newer).unwrap();
    cli.ok(&["import", path]);
    let after = cross(&cli.ok(&["overlaps", "--json"]));
    assert_eq!(
        after,
        vec![
            pair("23-201-S01", "ERDF", "2021SE16RFPR001_R-100", 184),
            pair("23-201-S01", "JTF", "2021SE16JTPR001_J-5", 31),
        ],
        "only the fixture's own rows pair now"
    );
}

#[test]
fn a_cache_of_schema_17_reads_its_kohesio_lists_again_to_keep_other_funds() {
    use esf_browser::store::{schema, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        schema::migrate_to(&mut conn, 17).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (path, content_hash, format, size, imported_at)
             VALUES ('/old/kohesio.csv', 'abc', 'kohesio_list', 3, 5),
                    ('/old/list.csv', 'def', 'project_list', 3, 5);",
        )
        .unwrap();
    }
    let opened = Store::open(&db).unwrap();
    assert!(opened.rebuild.is_none(), "migrated, not rebuilt");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let hashes: Vec<(String, String)> = conn
        .prepare("SELECT path, content_hash FROM documents ORDER BY path")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        hashes,
        vec![
            ("/old/kohesio.csv".to_string(), String::new()),
            ("/old/list.csv".to_string(), "def".to_string()),
        ]
    );
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM other_fund_projects", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn the_browsers_overlaps_screen_shows_the_cross_fund_pairs() {
    use crossterm::event::KeyCode;
    let inputs = esf_browser::import::Input::from_paths(&[std::path::PathBuf::from(fixtures())]);
    let mut app = common::app_over(common::store_of(&inputs), 80, 24);
    app.handle(common::key(KeyCode::Char('O')));
    let shown = common::screen(&mut app);
    for said in [
        "The same organisation funded by another fund in the same period",
        "Vellinge kommun (212000-1033)",
        "another fund: ERDF · days together: 184 (2024-07-01 – 2024-12-31)",
        "another fund: JTF · days together: 31 (2024-03-01 – 2024-03-31)",
        "ERDF 2021SE16RFPR001_R-100 Solceller",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    for never in ["R-101", "R-102", "R-103", "D-1 "] {
        assert!(!shown.contains(never), "{never}: {shown}");
    }
}

#[test]
fn control_characters_of_another_funds_row_never_reach_the_terminal() {
    let cli = Cli::new();
    let dir = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(format!("{}/kohesio_cross_fund.csv", fixtures())).unwrap();
    let hostile = original.replace("Solceller på skolorna", "Sol\u{1b}[2Jceller\u{7}");
    std::fs::write(dir.path().join("kohesio.csv"), hostile).unwrap();
    cli.ok(&["import", dir.path().to_str().unwrap()]);
    for args in [&["overlaps"][..], &["overlaps", "--json"][..]] {
        let out = cli.run(args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Sol"), "{text}");
        assert!(
            !text.chars().any(|c| c == '\u{1b}' || c == '\u{7}'),
            "{args:?}: {text:?}"
        );
    }
}
