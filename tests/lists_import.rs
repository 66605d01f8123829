//! Project lists through `esf import`: a row is one more source of the
//! project a saved page gives, a project only in a list is a project, rows
//! of other funds and countries are counted, and a newer export replaces
//! its rows, naming what it no longer holds and keeping what pages gave.
//! Expected values are written from the fixtures' rows and the pages.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lists")
        .join(name)
}

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/corpus")
        .display()
        .to_string()
}

fn import(cli: &common::Cli, path: &Path) -> Value {
    let out = cli.ok(&["import", path.to_str().unwrap(), "--json"]);
    serde_json::from_str(&out).unwrap()
}

fn show(cli: &common::Cli, id: &str) -> Value {
    serde_json::from_str(&cli.ok(&["show", id, "--json"])).unwrap()
}

#[test]
fn a_row_meets_the_saved_page_of_its_project_and_a_listed_project_stands_alone() {
    let cli = common::Cli::new();
    cli.ok(&["import", &corpus()]);
    let report = import(&cli, &fixture("project_list.csv"));
    let rows = &report["rows"];
    assert_eq!(
        (rows["new"].as_u64(), rows["updated"].as_u64()),
        (Some(4), Some(0))
    );
    let not_kept: Vec<(String, u64)> = rows["not_kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_u64().unwrap()))
        .collect();
    assert_eq!(
        not_kept,
        [
            ("another country (Finland)".to_string(), 1),
            ("another fund (ERDF)".to_string(), 1)
        ]
    );
    // The page and the row are one project, with both sources.
    let vellinge = show(&cli, "22-002-S07");
    let sources: Vec<&str> = vellinge["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(
        sources[0].ends_with("002_b2246aa585e43b84.txt"),
        "the page first"
    );
    assert!(sources[1].ends_with("project_list.csv#22-002-S07"));
    assert_eq!(vellinge["name"], "Nya Vägar i Vellinge +");
    // A project only the list gives, as its row writes it.
    let vagen = show(&cli, "23-017-S01");
    assert_eq!(vagen["name"], "Vägen in");
    assert_eq!(vagen["owner"], "UPPSALA KOMMUN");
    assert_eq!(vagen["total_budget_sek"], 3_100_000);
    assert_eq!(vagen["fund"], "ESF+");
    assert_eq!(vagen["start_date"], "2023-09-04");
    // Rows of another fund or country are no projects.
    assert!(cli.run(&["show", "20-100-R01"]).status.code() == Some(1));
    assert!(cli.run(&["show", "22-050-S02"]).status.code() == Some(1));
}

#[test]
fn a_kohesio_row_meets_the_same_project_with_its_euro() {
    let cli = common::Cli::new();
    cli.ok(&["import", &corpus()]);
    import(&cli, &fixture("kohesio_export.csv"));
    let vellinge = show(&cli, "22-002-S07");
    let sources = vellinge["sources"].to_string();
    assert!(
        sources.contains("kohesio_export.csv#22-002-S07"),
        "{sources}"
    );
    // A project only in Kohesio's export, kept (ERDF|ESF counts as ESF);
    // its amount is in kronor by its currency column, so in neither the
    // euro fields nor (never converted) the kronor ones: kept as written.
    let norr = show(&cli, "2018/00076");
    assert_eq!(norr["name"], "Kompetens i Norr");
    assert!(norr["total_budget_eur"].is_null());
    assert!(norr["total_budget_sek"].is_null());
    assert_eq!(
        norr["extra"]["Total_Eligible_Expenditure_amount"],
        "2500000"
    );
    assert_eq!(norr["extra"]["Total_Eligible_Expenditure_Currency"], "SEK");
}

#[test]
fn a_newer_export_replaces_its_rows_and_names_what_it_no_longer_holds() {
    let cli = common::Cli::new();
    cli.ok(&["import", &corpus()]);
    let list = cli.dir.path().join("projektlista.csv");
    std::fs::copy(fixture("project_list.csv"), &list).unwrap();
    import(&cli, &list);
    cli.ok(&["changes", "--mark-seen"]);
    // The next export: Vägen in's budget raised, Ung framtid Malmö and
    // effektbutiken gone from the list.
    let text = std::fs::read_to_string(&list).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("22-003-S04") && !l.starts_with("2015/00730"))
        .collect();
    let newer = kept
        .join("\n")
        .replace("3\u{a0}100\u{a0}000", "3\u{a0}200\u{a0}000");
    std::fs::write(&list, newer + "\n").unwrap();
    let report = import(&cli, &list);
    let rows = &report["rows"];
    assert_eq!(rows["updated"], 1, "{report}");
    let gone: Vec<&str> = rows["no_longer_listed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(gone.len(), 2);
    assert!(gone.contains(&"Ung framtid Malmö") && gone.contains(&"effektbutiken"));
    assert_eq!(show(&cli, "23-017-S01")["total_budget_sek"], 3_200_000);
    // Only the list gave Ung framtid Malmö; the page still gives effektbutiken.
    assert_eq!(cli.run(&["show", "22-003-S04"]).status.code(), Some(1));
    let effekt = show(&cli, "2015/00730");
    assert_eq!(effekt["sources"].as_array().unwrap().len(), 1);
    let changes: Value = serde_json::from_str(&cli.ok(&["changes", "--json"])).unwrap();
    let of = |key: &str| {
        let all = changes.as_array().unwrap();
        all.iter().find(|c| c["key"] == key).cloned().unwrap()
    };
    assert_eq!(of("23-017-S01")["kind"], "changed");
    assert_eq!(
        of("23-017-S01")["fields"],
        serde_json::json!([{"field": "total_budget_sek", "before": 3_100_000, "after": 3_200_000}])
    );
    assert_eq!(of("23-017-S01")["id"], "23-017-S01");
    assert_eq!(of("22-003-S04")["kind"], "removed");
    let table = cli.ok(&["changes"]);
    let line = table.lines().find(|l| l.contains("23-017-S01")).unwrap();
    assert!(
        line.contains("Total budget: 3 100 000 kr → 3 200 000 kr"),
        "{line}"
    );
}

#[test]
fn where_a_row_and_a_page_disagree_both_values_are_shown_with_their_sources() {
    let cli = common::Cli::new();
    cli.ok(&["import", &corpus()]);
    // The list says another budget than effektbutiken's page (8 866 642).
    let list = cli.dir.path().join("lista.csv");
    let text = std::fs::read_to_string(fixture("project_list.csv")).unwrap();
    std::fs::write(&list, text.replace("8 866 642", "9 100 000")).unwrap();
    import(&cli, &list);
    let shown = cli.ok(&["show", "2015/00730"]);
    let differ = shown
        .split("Where the sources differ")
        .nth(1)
        .expect("a section naming the difference");
    let budget = differ.lines().find(|l| l.contains("Total budget")).unwrap();
    assert!(
        budget.contains("8 866 642 kr (000_3baf275082b782be.txt)"),
        "{budget}"
    );
    assert!(
        budget.contains("9 100 000 kr (lista.csv#2015/00730)"),
        "{budget}"
    );
    let json = show(&cli, "2015/00730");
    let values = json["field_sources"]["total_budget_sek"]
        .as_array()
        .unwrap();
    assert_eq!(values.len(), 2);
    assert_eq!(values[0]["value"], 8_866_642);
    assert!(values[0]["sources"][0]
        .as_str()
        .unwrap()
        .ends_with("000_3baf275082b782be.txt"));
    assert_eq!(values[1]["value"], 9_100_000);
    // Where they agree, one value with both sources.
    let name = json["field_sources"]["name"].as_array().unwrap();
    assert_eq!(name.len(), 1);
    assert_eq!(name[0]["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn an_xlsx_list_is_imported_as_its_csv_is() {
    let cli = common::Cli::new();
    cli.ok(&["import", &corpus()]);
    let report = import(&cli, &fixture("project_list.xlsx"));
    assert_eq!(report["rows"]["new"], 4, "{report}");
    let vagen = show(&cli, "23-017-S01");
    assert_eq!(vagen["name"], "Vägen in");
    assert_eq!(vagen["total_budget_sek"], 3_100_000);
    assert_eq!(vagen["start_date"], "2023-09-04");
}
