//! `esf timeline` over hand-made records (tests/fixtures/coverage/):
//! Föreningen Ljusglimten had a pre-study in 2015, a follow-up starting
//! the next day (2016–2017), nothing from 2018 to February 2019, then an
//! ESF+ project (2019-03 – 2021-02, the one document giving its
//! organisationsnummer), and a sketch without dates or grant.

mod common;

use common::Cli;
use serde_json::{json, Value};

fn imported() -> Cli {
    let cli = Cli::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/coverage");
    cli.ok(&["import", fixtures]);
    cli
}

#[test]
fn follow_up_projects_in_order_with_the_gap_between_them() {
    let cli = imported();
    let out: Value =
        serde_json::from_str(&cli.ok(&["timeline", "Föreningen Ljusglimten", "--json"])).unwrap();
    let keys: Vec<&str> = out["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["2015/90001", "2015/90002", "23-900-S03"]);
    assert_eq!(
        out["projects"][0],
        json!({"key": "2015/90001", "id": "2015/90001", "name": "Ljusglimten förstudie",
               "start_date": "2015-01-01", "end_date": "2015-12-31", "esf_grant_sek": 500000})
    );
    // 2015 and 2016 meet: no gap there.
    assert_eq!(
        out["gaps"],
        json!([{"from": "2018-01-01", "to": "2019-02-28", "days": 424}])
    );
    assert_eq!(out["undated"][0]["key"], "2015/90004");
    assert_eq!(out["undated"].as_array().unwrap().len(), 1);
}

#[test]
fn the_chart_draws_each_project_as_a_bar_over_the_years_with_its_grant() {
    let cli = imported();
    let out = cli.ok(&["timeline", "föreningen ljusglimten"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Timeline of organisation \"föreningen ljusglimten\": 4 projects"
    );
    // 2015-01-01 to 2022-01-01 over 38 characters: 2015 fills five and
    // part of the sixth, 2016–2017 begins late in the sixth.
    let first = format!(
        "2015/90001 Ljusglimten fö… █████▌{} {:>14}",
        " ".repeat(32),
        "500 000 kr"
    );
    assert_eq!(lines[1], first);
    let second = format!(
        "2015/90002 Ljusglimten st…      ▐██████████▌{} {:>14}",
        " ".repeat(21),
        "2 000 000 kr"
    );
    assert_eq!(lines[2], second);
    assert!(lines[3].starts_with("23-900-S03 Ljusglimten pl…"));
    assert!(lines[3].ends_with("3 000 000 kr"));
    assert!(lines[4].trim_start().starts_with("2015 2016 2017"), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
    assert_eq!(lines[5], "Gaps with no project (1):");
    assert_eq!(lines[6], "  2018-01-01 – 2019-02-28 (424 days)");
    assert_eq!(
        lines[7],
        "Without a start or an end date, so in no bar (1):"
    );
    assert!(
        lines[8].contains("2015/90004 Ljusglimten idéskiss"),
        "{out}"
    );
}

#[test]
fn an_organisationsnummer_finds_the_organisation_and_all_its_projects() {
    let cli = imported();
    let out: Value = serde_json::from_str(&cli.ok(&["timeline", "802400-1235", "--json"])).unwrap();
    assert_eq!(out["projects"].as_array().unwrap().len(), 3);
    assert_eq!(out["undated"].as_array().unwrap().len(), 1);
}

#[test]
fn a_municipality_or_a_search_has_its_timeline() {
    let cli = imported();
    let out: Value =
        serde_json::from_str(&cli.ok(&["timeline", "--municipality", "karlskrona", "--json"]))
            .unwrap();
    assert_eq!(out["projects"][0]["key"], "2016/90005");
    assert_eq!(out["projects"].as_array().unwrap().len(), 1);
    assert_eq!(out["gaps"], json!([]));
    let out: Value =
        serde_json::from_str(&cli.ok(&["timeline", "--filter", "nordanvind", "--json"])).unwrap();
    assert_eq!(out["projects"][0]["key"], "2016/90006");
}

#[test]
fn nothing_found_is_one_line_and_exit_status_one() {
    let cli = imported();
    for args in [
        &["timeline", "Ingen Sådan Förening"][..],
        &["timeline", "--municipality", "Sölvesborg"],
        &["timeline", "--filter", "qxzjv"],
    ] {
        let out = cli.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let said = String::from_utf8(out.stderr).unwrap();
        assert_eq!(said.lines().count(), 1, "{said}");
        let json = cli.run(&[args, &["--json"]].concat());
        assert_eq!(String::from_utf8(json.stdout).unwrap(), "[]\n");
        assert_eq!(json.status.code(), Some(1));
    }
}

#[test]
fn timeline_speaks_swedish() {
    let cli = imported();
    let dir = cli.dir.path();
    let out = common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
        .env("ESF_LANG", "sv")
        .args(["timeline", "Föreningen Ljusglimten"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Tidslinje för organisationen \"Föreningen Ljusglimten\": 4 projekt"),
        "{text}"
    );
    assert!(
        text.contains("Glapp utan projekt (1):\n  2018-01-01 – 2019-02-28 (424 dagar)"),
        "{text}"
    );
    assert!(
        text.contains("Utan start- eller slutdatum, så utan stapel (1):"),
        "{text}"
    );
}

#[test]
fn an_organisations_units_count_for_it_as_in_the_graph() {
    // The sample corpus: Göteborgs Stad is a partner of the 2014
    // pre-study, owns effektbutiken through Social resursförvaltning and
    // Arbetsliv och hälsa Nordost through Socialförvaltning Nordost.
    let cli = Cli::new();
    let out: Value =
        serde_json::from_str(&cli.ok(&["timeline", "Göteborgs Stad", "--json"])).unwrap();
    let keys: Vec<&str> = out["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["x-552c407c19", "2015/00730", "2020/00551"]);
    assert_eq!(
        out["gaps"],
        json!([{"from": "2014-11-01", "to": "2016-01-31", "days": 457},
               {"from": "2019-02-01", "to": "2021-01-31", "days": 731}])
    );
}

#[test]
fn a_name_with_control_characters_reaches_the_chart_as_markers() {
    let cli = Cli::new();
    let doc = cli.dir.path().join("escape.txt");
    std::fs::write(
        &doc,
        "2016/90098 - Steg\u{1b}[2J ett\n\nDiarienummer:\n2016/90098\nNamn:\nSteg\u{1b}[2J ett\u{202e}\n\
         Projektägare:\nFöreningen Flyktlinjen\nProjektperiod:\n2016-01-01 - 2016-12-31\n\nText.\n",
    )
    .unwrap();
    cli.ok(&["import", doc.to_str().unwrap()]);
    let out = cli.ok(&["timeline", "Föreningen Flyktlinjen"]);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    assert!(out.contains("2016/90098 Steg␛[2J ett"), "{out}");
}
