//! The fund's project list and Kohesio's export through `esf parse`: one
//! record per ESF/ESF+ row in Sweden, each field as the row writes it.

mod common;

use serde_json::Value;
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lists")
        .join(name)
        .display()
        .to_string()
}

/// The records `esf parse FILE --json` prints, by their key.
fn records(name: &str) -> Vec<Value> {
    let cli = common::Cli::new();
    let out = cli.ok(&["parse", &fixture(name), "--json"]);
    serde_json::from_str::<Vec<Value>>(&out).unwrap()
}

fn by_key<'a>(docs: &'a [Value], file: &str, key: &str) -> &'a Value {
    let source = format!("{}#{key}", fixture(file));
    docs.iter()
        .find(|d| d["source"] == source.as_str())
        .unwrap_or_else(|| panic!("no record {source}"))
}

/// Every form of the fund's list gives the same four projects.
fn check_fund_list(file: &str) {
    let docs = records(file);
    let keys: Vec<&str> = docs
        .iter()
        .map(|d| d["source"].as_str().unwrap().rsplit('#').next().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["22-002-S07", "2015/00730", "23-017-S01", "22-003-S04"],
        "{file}"
    );
    assert!(docs.iter().all(|d| d["format"] == "project_list"));

    let vellinge = by_key(&docs, file, "22-002-S07");
    assert_eq!(vellinge["title"], "Nya Vägar i Vellinge +");
    let p = &vellinge["project"];
    assert_eq!(p["id"], "22-002-S07");
    assert_eq!(p["name"], "Nya Vägar i Vellinge +");
    assert_eq!(p["fund"], "ESF+");
    assert_eq!(p["programme_period"], "2021-2027");
    assert_eq!(p["owner"], "VELLINGE KOMMUN");
    assert_eq!(p["owner_org_number"], "2120001033");
    assert_eq!(p["total_budget_sek"], 4_973_906);
    assert_eq!(p["esf_grant_sek"], 1_989_562);
    assert_eq!(p["eu_cofinancing_rate_percent"], 40);
    assert_eq!(p["total_budget_eur"], Value::Null);
    assert_eq!(p["start_date"], "2023-03-01");
    assert_eq!(p["end_date"], "2026-02-28");
    assert_eq!(p["programme_area"], "A");
    assert_eq!(p["specific_objective"], "A2A");
    assert_eq!(p["intervention_type"], "140");
    assert_eq!(p["beneficiary_city"], "VELLINGE");
    assert_eq!(
        p["description"],
        "Huvudproblematiken projektet vill lösa handlar om psykisk ohälsa & arbete.\n\nAtt vara en del av arbetslivet ger delaktighet."
    );
    assert_eq!(
        p["extra"]["Sammanfattning engelsk / Summary in english"],
        "People with mental ill-health stand far from work."
    );
    assert_eq!(p["extra"]["Webbplats"], "www.vellinge.se");
    assert_eq!(p["organisations"][0]["name"], "Vellinge kommun");
    assert_eq!(p["organisations"][0]["role"], "owner");
    assert_eq!(p["municipalities"][0], "Vellinge");
    let from = &p["municipality_sources"][0]["from"];
    assert!(
        from.as_array().unwrap().iter().any(|f| f == "place"),
        "{from}"
    );

    let effekt = &by_key(&docs, file, "2015/00730")["project"];
    assert_eq!(effekt["fund"], "ESF");
    assert_eq!(effekt["programme_period"], "2014-2020");
    assert_eq!(effekt["total_budget_sek"], 8_866_642);
    assert_eq!(effekt["esf_grant_sek"], 5_927_642);
    assert_eq!(effekt["owner_org_number"], "212000-1355");
    assert_eq!(
        effekt["description"],
        "Under 2014 tog Aktivitetshus Väster fram en förstudie.\nSyftet är att unga personer ska få arbete."
    );
    assert_eq!(effekt["municipalities"][0], "Göteborg");

    // Only in the list; no-break spaces in its budget, no EU-stöd given,
    // the English summary the only one.
    let uppsala = &by_key(&docs, file, "23-017-S01")["project"];
    assert_eq!(uppsala["total_budget_sek"], 3_100_000);
    assert_eq!(uppsala["esf_grant_sek"], Value::Null);
    assert_eq!(uppsala["eu_cofinancing_rate_percent"], 90);
    assert_eq!(uppsala["description"], "A road into work in Uppsala.");

    // A bad amount and a bad date: warnings, the fields left empty, the
    // values kept in extra, the rest read.
    let malmo = by_key(&docs, file, "22-003-S04");
    let p = &malmo["project"];
    assert_eq!(p["total_budget_sek"], Value::Null);
    assert_eq!(p["start_date"], Value::Null);
    assert_eq!(p["end_date"], "2025-12-31");
    assert_eq!(p["esf_grant_sek"], 600_000);
    assert_eq!(
        p["extra"]["Total projektbudget / Total budget SEK"],
        "cirka en miljon"
    );
    assert_eq!(p["extra"]["Startdatum / Start date"], "2023-13-45");
    let warnings = malmo["warnings"].to_string();
    assert!(warnings.contains("cirka en miljon") && warnings.contains("2023-13-45"));
}

#[test]
fn the_fund_list_as_comma_csv_in_utf8_with_a_bom() {
    check_fund_list("project_list.csv");
}

#[test]
fn the_fund_list_as_semicolon_csv_in_windows_1252_in_another_column_order() {
    check_fund_list("project_list_semicolon.csv");
}

#[test]
fn the_fund_list_as_xlsx_with_date_and_percent_cells() {
    check_fund_list("project_list.xlsx");
}

#[test]
fn the_fund_list_as_ods() {
    check_fund_list("project_list.ods");
}

#[test]
fn rows_of_other_funds_and_countries_are_counted_by_reason() {
    let cli = common::Cli::new();
    let out = cli.ok(&["parse", &fixture("project_list.csv")]);
    assert!(
        out.contains(
            "project list, 6 rows; 4 kept; skipped: another country (Finland) 1; skipped: another fund (ERDF) 1"
        ),
        "{out}"
    );
    assert!(out.contains("kept in extra: Webbplats"), "{out}");
    let out = cli.ok(&["parse", &fixture("kohesio_export.csv")]);
    assert!(
        out.contains("Kohesio list, 6 rows; 4 kept; skipped: another country (FI) 1; skipped: another fund (ERDF), kept apart for overlaps 1"),
        "{out}"
    );
}

#[test]
fn kohesio_rows_keep_euro_in_the_euro_fields_and_the_diarienummer_as_id() {
    let file = "kohesio_export.csv";
    let docs = records(file);
    assert_eq!(docs.len(), 4);
    assert!(docs.iter().all(|d| d["format"] == "kohesio_list"));

    let p = &by_key(&docs, file, "22-002-S07")["project"];
    assert_eq!(p["id"], "22-002-S07");
    assert_eq!(p["name"], "Nya Vägar i Vellinge +");
    assert_eq!(p["fund"], "ESF+");
    assert_eq!(p["programme_period"], "2021-2027");
    assert_eq!(p["start_date"], "2023-03-01");
    assert_eq!(p["end_date"], "2026-02-28");
    assert_eq!(p["total_budget_eur"], 458_123.45);
    assert_eq!(p["eu_contribution_eur"], 183_249.38);
    assert_eq!(p["total_budget_sek"], Value::Null);
    assert_eq!(p["eu_cofinancing_rate_percent"], 40);
    assert_eq!(p["owner"], "VELLINGE KOMMUN");
    assert_eq!(p["owner_org_number"], "2120001033");
    assert_eq!(p["intervention_type"], "140");
    assert_eq!(p["specific_objective"], "ESO4.8");
    assert_eq!(p["nuts2"], "SE22");
    assert_eq!(p["beneficiary_postcode"], "23581");
    assert_eq!(p["municipalities"][0], "Vellinge");
    assert_eq!(p["municipality_sources"][0]["from"][0], "list");
    assert_eq!(
        p["description"],
        "Personer med psykisk ohälsa står långt från arbete.\n\nProjektet ger stöd."
    );
    assert_eq!(
        p["extra"]["Operation_Name_English"],
        "New Paths in Vellinge +"
    );
    assert_eq!(p["extra"]["Extra_Note"], "granskad");
    assert_eq!(
        p["extra"]["Operation_Unique_Identifier"],
        "https://linkedopendata.eu/entity/Q1001"
    );

    // 2014–2020: the bare diarienummer is the local identifier.
    let p = &by_key(&docs, file, "2015/00730")["project"];
    assert_eq!(p["fund"], "ESF");
    assert_eq!(p["programme_period"], "2014-2020");
    assert_eq!(p["total_budget_eur"], 816_000);
    assert_eq!(p["description"], "Young adults into work.");

    // ERDF|ESF counts as the social fund; kronor are no euro.
    let row = by_key(&docs, file, "2018/00076");
    let p = &row["project"];
    assert_eq!(p["fund"], "ESF");
    assert_eq!(p["total_budget_eur"], Value::Null);
    assert_eq!(p["eu_contribution_eur"], Value::Null);
    assert_eq!(p["total_budget_sek"], Value::Null);
    assert_eq!(p["extra"]["Total_Eligible_Expenditure_amount"], "2500000");
    assert!(row["warnings"]
        .to_string()
        .contains("another currency than euro"));

    let row = by_key(&docs, file, "22-003-S04");
    assert_eq!(row["project"]["start_date"], Value::Null);
    assert_eq!(row["project"]["total_budget_eur"], Value::Null);
    assert_eq!(row["project"]["eu_contribution_eur"], 55_000);
    assert_eq!(row["warnings"].as_array().unwrap().len(), 2);
}

#[test]
fn a_text_document_is_never_taken_for_a_list() {
    let cli = common::Cli::new();
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus/002_b2246aa585e43b84.txt");
    let copy = cli.dir.path().join("page.csv");
    std::fs::copy(&corpus, &copy).unwrap();
    let out = cli.ok(&["parse", &copy.display().to_string(), "--json"]);
    let docs: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["format"], "esfplus");
    assert_eq!(docs[0]["project"]["id"], "22-002-S07");
}

#[test]
fn a_list_header_esf_cannot_place_is_refused_naming_the_headers_it_expects() {
    let cli = common::Cli::new();
    let path = cli.dir.path().join("list.csv");
    std::fs::write(
        &path,
        "Diarienummer;Stödmottagare;Färg;Form\n22-1;X;röd;rund\n",
    )
    .unwrap();
    let out = cli.run(&["parse", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Diarienummer / Operation ID") && err.contains("Operation_Local_Identifier"),
        "{err}"
    );
}

#[test]
fn a_list_of_a_million_columns_is_refused_with_one_line() {
    let cli = common::Cli::new();
    let path = cli.dir.path().join("wide.csv");
    let header = format!(
        "Diarienummer,Namn på insatsen,Stödmottagare,Startdatum{}\n",
        ",x".repeat(1_000_000)
    );
    std::fs::write(&path, header).unwrap();
    let out = cli.run(&["parse", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("1000004 columns"), "{err}");
}

#[test]
fn cut_and_damaged_lists_give_a_list_a_reason_or_nothing_and_never_panic() {
    use esf_browser::ingest::lists::parse_list;
    for name in [
        "project_list.xlsx",
        "project_list.ods",
        "project_list.csv",
        "kohesio_export.csv",
    ] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        for cut in (0..bytes.len()).step_by(37) {
            let _ = parse_list(name, &bytes[..cut]);
            let mut flipped = bytes.clone();
            flipped[cut] ^= 0x5a;
            let _ = parse_list(name, &flipped);
        }
    }
}
