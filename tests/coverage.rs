//! `esf coverage` over hand-made records (tests/fixtures/coverage/): in
//! Blekinge län, Karlshamn has three projects of programme area 2 (one
//! without dates or grant), Karlskrona one of area 1, Ronneby one of area
//! A; Olofström is only mentioned in a text and Sölvesborg has nothing.
//! One project gives no municipality, one is in Kiruna.

mod common;

use common::Cli;
use serde_json::Value;

fn imported() -> Cli {
    let cli = Cli::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/coverage");
    cli.ok(&["import", fixtures]);
    cli
}

fn json(cli: &Cli, args: &[&str]) -> Value {
    serde_json::from_str(&cli.ok(args)).unwrap()
}

#[test]
fn every_municipality_of_a_county_is_a_row_and_the_empty_cells_show() {
    let cli = imported();
    let out = cli.ok(&[
        "coverage",
        "--by",
        "programme_area",
        "--region",
        "blekinge lan",
    ]);
    let table: Vec<&str> = out.lines().skip(1).take(7).collect();
    assert_eq!(
        table,
        [
            "            1  2  A  Projects  ESF grant",
            "Karlshamn   ·  3  ·         3      2.5 M",
            "Karlskrona  1  ·  ·         1      1.0 M",
            "Olofström   ·  ·  ·         ·          —",
            "Ronneby     ·  ·  1         1      3.0 M",
            "Sölvesborg  ·  ·  ·         ·          —",
            "All         1  3  1         5      6.5 M",
        ]
    );
    assert!(out.starts_with(
        "Projects per municipality and programme area: Blekinge län (5 municipalities)\n"
    ));
    assert!(out.contains("2: Öka övergångarna till arbete\n"), "{out}");
    assert!(
        out.contains("2 of 5 municipalities have no project here"),
        "{out}"
    );
    assert!(out.contains("Counted: 5 of 7 projects"), "{out}");
    assert!(
        out.contains("1 of them without an ESF grant, in no sum"),
        "{out}"
    );
    assert!(
        out.contains("Left out: 1 without a municipality, 0 without a programme area, 1 only in municipalities outside Blekinge län."),
        "{out}"
    );
}

#[test]
fn a_municipality_only_a_text_mentions_is_not_covered() {
    let cli = imported();
    let c = json(&cli, &["coverage", "--region", "Blekinge län", "--json"]);
    let olofstrom = c["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["municipality"] == "Olofström");
    assert_eq!(olofstrom.unwrap()["total"]["projects"], 0);
}

#[test]
fn by_start_year_every_year_is_a_column_and_undated_projects_are_left_out() {
    let cli = imported();
    let c = json(
        &cli,
        &[
            "coverage",
            "--by",
            "year",
            "--region",
            "Blekinge län",
            "--json",
        ],
    );
    let years: Vec<&str> = c["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2015", "2016", "2017", "2018", "2019"]);
    let karlshamn = &c["rows"][0];
    assert_eq!(karlshamn["municipality"], "Karlshamn");
    let counts: Vec<u64> = karlshamn["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["projects"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, 1, 0, 0, 0]);
    assert_eq!(karlshamn["total"]["esf_grant_sek"], 2_500_000);
    assert_eq!(c["counted"]["counted"], 4);
    assert_eq!(c["counted"]["without_value"], 1);
    assert_eq!(c["counted"]["without_municipality"], 1);
    assert_eq!(c["counted"]["elsewhere"], 1);
    assert_eq!(c["counted"]["projects"], 7);
}

#[test]
fn the_whole_country_has_every_municipality_as_a_row() {
    let cli = imported();
    let c = json(&cli, &["coverage", "--json"]);
    let rows = c["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 290);
    let empty = rows.iter().filter(|r| r["total"]["projects"] == 0).count();
    assert_eq!(
        empty,
        290 - 4,
        "Karlshamn, Karlskrona, Ronneby and Kiruna have projects"
    );
    assert_eq!(c["counted"]["counted"], 6);
    assert_eq!(c["counted"]["elsewhere"], 0);
}

#[test]
fn csv_has_every_cell_in_kronor() {
    let cli = imported();
    let out = cli.ok(&[
        "coverage",
        "--by",
        "objective",
        "--region",
        "Blekinge län",
        "--csv",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "municipality,county,region,1.1 projects,1.1 esf_grant_sek,2.1 projects,2.1 esf_grant_sek,2.3 projects,2.3 esf_grant_sek,A2A projects,A2A esf_grant_sek,projects,esf_grant_sek,projects_without_grant",
            "Karlshamn,Blekinge län,Sydsverige,0,0,1,500000,2,2000000,0,0,3,2500000,1",
            "Karlskrona,Blekinge län,Sydsverige,1,1000000,0,0,0,0,0,0,1,1000000,0",
            "Olofström,Blekinge län,Sydsverige,0,0,0,0,0,0,0,0,0,0,0",
            "Ronneby,Blekinge län,Sydsverige,0,0,0,0,0,0,1,3000000,1,3000000,0",
            "Sölvesborg,Blekinge län,Sydsverige,0,0,0,0,0,0,0,0,0,0,0",
            "(all),,Blekinge län,1,1000000,1,500000,2,2000000,1,3000000,5,6500000,1",
        ]
    );
}

#[test]
fn a_formula_written_as_an_objective_is_defused_in_the_csv() {
    let cli = Cli::new();
    let doc = cli.dir.path().join("formula.txt");
    std::fs::write(
        &doc,
        "2016/90099 - Formel\n\nDiarienummer:\n2016/90099\nNamn:\nFormel\nProjektägare:\nFormelföreningen\n\
         Projektperiod:\n2016-01-01 - 2016-12-31\nStödmottagare ort:\nSÖLVESBORG\nProgramområde:\n1\n\
         Specifikt mål:\n=HYPERLINK(\"http://x\")\n\nText.\n",
    )
    .unwrap();
    cli.ok(&["import", doc.to_str().unwrap()]);
    let out = cli.ok(&[
        "coverage",
        "--by",
        "objective",
        "--region",
        "Blekinge län",
        "--csv",
    ]);
    let head = out.lines().next().unwrap();
    assert!(head.contains(",\"'=HYPERLINK"), "{head}");
    assert!(
        !head.contains(",=HYPERLINK") && !head.contains(",\"=HYPERLINK"),
        "{head}"
    );
}

#[test]
fn an_unknown_region_is_one_line_naming_those_there_are() {
    let cli = imported();
    let out = cli.run(&["coverage", "--region", "Narnia"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("Narnia") && said.contains("Blekinge län"),
        "{said}"
    );
}

#[test]
fn coverage_speaks_swedish() {
    let cli = imported();
    let dir = cli.dir.path();
    let out = common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
        .env("ESF_LANG", "sv")
        .args(["coverage", "--region", "Blekinge län"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Projekt per kommun och programområde: Blekinge län (5 kommuner)"),
        "{text}"
    );
    assert!(text.contains("\nAlla "), "{text}");
    assert!(
        text.contains("2 av 5 kommuner har inget projekt här"),
        "{text}"
    );
    assert!(text.contains("Utelämnade: 1 utan kommun"), "{text}");
}
