//! `esf parse --explain`: each field of a record with the line of the
//! document that gave it, through the real binary. The line numbers below
//! were read by hand from the files in `assets/corpus/` and
//! `tests/fixtures/pages/`.

mod common;

use common::Cli;
use serde_json::Value;
use std::path::Path;

const PAGES: &str = "tests/fixtures/pages";
const EFFEKT: &str = "assets/corpus/000_3baf275082b782be.txt";
const LEGACY: &str = "assets/corpus/004_cf34fbbf89898201.txt";

fn explained(cli: &Cli, file: &str) -> Value {
    let out = cli.ok(&["parse", "--explain", "--json", file]);
    let all: Value = serde_json::from_str(&out).unwrap();
    all[0].clone()
}

/// The entries of a field (a list field has one per value).
fn entries<'a>(doc: &'a Value, field: &str) -> Vec<&'a Value> {
    let fields = doc["fields"].as_array().unwrap();
    fields.iter().filter(|f| f["field"] == field).collect()
}

fn entry<'a>(doc: &'a Value, field: &str) -> &'a Value {
    entries(doc, field)[0]
}

fn line_of(doc: &Value, field: &str) -> Option<u64> {
    entry(doc, field)["line"].as_u64()
}

#[test]
fn each_field_of_a_record_names_the_line_that_gave_it() {
    let cli = Cli::new();
    let doc = explained(&cli, EFFEKT);
    assert_eq!(doc["format"], "esf2014");
    // Line 1 is `2015/00730 - effektbutiken`; the labels stand one line
    // above their values.
    assert_eq!(line_of(&doc, "title"), Some(1));
    assert_eq!(line_of(&doc, "name"), Some(6));
    assert_eq!(line_of(&doc, "id"), Some(4));
    let owner = entry(&doc, "owner");
    assert_eq!(owner["found"], "line");
    assert_eq!(owner["line"], 10);
    assert_eq!(owner["label"], "Projektägare:");
    assert_eq!(
        owner["text"],
        "Social resursförvaltning, Göteborgs Stad, Aktivitetshus Väster, Funktionsstöd"
    );
    assert_eq!(line_of(&doc, "start_date"), Some(16));
    assert_eq!(line_of(&doc, "end_date"), Some(16));
    assert_eq!(entry(&doc, "start_date")["text"], "2016-02-01 - 2019-01-31");
    assert_eq!(line_of(&doc, "total_budget_sek"), Some(18));
    assert_eq!(entry(&doc, "total_budget_sek")["value"], 8_866_642);
    assert_eq!(line_of(&doc, "esf_grant_sek"), Some(20));
    assert_eq!(line_of(&doc, "region"), Some(12));
    // Göteborg comes from the owner, Göteborgs Stad, on line 10.
    assert_eq!(line_of(&doc, "municipalities"), Some(10));
    assert_eq!(entry(&doc, "fund")["found"], "format");
    assert_eq!(entry(&doc, "programme_period")["found"], "format");
    let partners = entry(&doc, "partners");
    assert_eq!(partners["found"], "not_stated");
    assert_eq!(partners["value"], Value::Null);
    assert_eq!(partners["line"], Value::Null);
}

#[test]
fn amounts_dates_and_names_are_found_as_the_page_writes_them() {
    let cli = Cli::new();
    // `Beviljat ESF-stöd974 500 kr` (line 15) and `Total
    // projektbudget974 500 kr` (line 16): one amount, each on its label.
    let legacy = explained(&cli, LEGACY);
    assert_eq!(line_of(&legacy, "esf_grant_sek"), Some(15));
    assert_eq!(line_of(&legacy, "total_budget_sek"), Some(16));
    assert_eq!(line_of(&legacy, "start_date"), Some(17));
    // The Kommun list (line 118) gives Ale on line 120; the Samarbets-
    // partners list has `• DELTA` on line 96, not "delta" in the prose.
    let ale = entries(&legacy, "municipalities");
    assert_eq!(ale[0]["value"], "Ale");
    assert_eq!(ale[0]["line"], 120);
    let delta = entries(&legacy, "partners");
    let delta = delta.iter().find(|p| p["value"] == "DELTA").unwrap();
    assert_eq!(delta["line"], 96);
    assert_eq!(entry(&legacy, "fund")["found"], "derived");

    // Kohesio: `Start date: 1 September 2023` (13), `Total budget:
    // 3 544 067,52 €` (16), `Beneficiary: Lidköpings kommun` (21).
    let kohesio = explained(&cli, &format!("{PAGES}/kohesio_page.txt"));
    assert_eq!(line_of(&kohesio, "start_date"), Some(13));
    assert_eq!(line_of(&kohesio, "end_date"), Some(14));
    assert_eq!(line_of(&kohesio, "total_budget_eur"), Some(16));
    assert_eq!(line_of(&kohesio, "eu_contribution_eur"), Some(17));
    assert_eq!(line_of(&kohesio, "owner"), Some(21));
    assert_eq!(line_of(&kohesio, "fund"), Some(15));
    assert_eq!(line_of(&kohesio, "programme_period"), Some(19));
    // Skara is a word of its own on line 11, not the start of Skaraborg.
    let skara = entries(&kohesio, "municipalities");
    let skara = skara.iter().find(|m| m["value"] == "Skara").unwrap();
    assert!(skara["text"].as_str().unwrap().contains("Götene and Skara"));

    // An owner's page: "drivs av Lidköpings kommun" (line 8) rather than
    // the site's header (line 2); dates in words on line 10.
    let page = explained(&cli, &format!("{PAGES}/owner_page.txt"));
    assert_eq!(line_of(&page, "owner"), Some(8));
    assert_eq!(line_of(&page, "start_date"), Some(10));
    assert_eq!(line_of(&page, "end_date"), Some(10));
    assert_eq!(entry(&page, "project_id")["found"], "not_stated");
}

#[test]
fn a_value_in_other_separators_or_broken_over_lines_is_found() {
    let cli = Cli::new();
    let file = cli.dir.path().join("record.txt");
    let text = "2019/04711 - Vägen framåt\n\nDiarienummer:\n2019/04711\nNamn:\n\
                Vägen framåt\nProjektägare:\nStorstads\nkommun\nProjektperiod:\n\
                2019-09-04 - 2021-09-03\nTotal projektbudget:\n4.973.906 kr\n";
    std::fs::write(&file, text).unwrap();
    let doc = explained(&cli, file.to_str().unwrap());
    let budget = entry(&doc, "total_budget_sek");
    assert_eq!(budget["value"], 4_973_906);
    assert_eq!(
        (budget["line"].as_u64(), budget["text"].as_str()),
        (Some(13), Some("4.973.906 kr"))
    );
    let owner = entry(&doc, "owner");
    assert_eq!(owner["value"], "Storstads kommun");
    assert_eq!(
        (owner["line"].as_u64(), owner["last_line"].as_u64()),
        (Some(8), Some(9))
    );
}

#[test]
fn a_page_about_a_project_and_a_call_are_explained_too() {
    let cli = Cli::new();
    let report = explained(&cli, &format!("{PAGES}/final_report.txt"));
    assert_eq!(entry(&report, "kind")["line"], 1, "the Slutrapport heading");
    assert_eq!(line_of(&report, "project_id"), Some(7));
    assert_eq!(line_of(&report, "project_name"), Some(5));
    assert_eq!(line_of(&report, "owner"), Some(9));
    // The title is made of the heading and the name: no line holds it.
    assert_eq!(entry(&report, "title")["found"], "derived");
    let call = explained(&cli, &format!("{PAGES}/call.txt"));
    assert_eq!(line_of(&call, "opens"), Some(15));
    assert_eq!(line_of(&call, "closes"), Some(17));
    assert_eq!(entry(&call, "amount_sek")["text"], "40 000 000 kronor");
}

#[test]
fn the_readable_explanation_says_where_and_what_is_not_stated() {
    let cli = Cli::new();
    let out = cli.ok(&["parse", "--explain", EFFEKT]);
    assert!(
        out.contains("line 10 (Projektägare): Social resursförvaltning"),
        "{out}"
    );
    assert!(out.contains("from the format (esf2014)"), "{out}");
    assert!(out.contains("Not stated: Org. number, Partners"), "{out}");
    let sv = cli.run(&["--lang", "sv", "parse", "--explain", EFFEKT]);
    let sv = String::from_utf8(sv.stdout).unwrap();
    assert!(
        sv.contains("rad 10 (Projektägare): Social resursförvaltning"),
        "{sv}"
    );
    assert!(sv.contains("av formatet (esf2014)"), "{sv}");
    assert!(sv.contains("Anges inte: Org.nummer, Partner"), "{sv}");
}

#[test]
fn a_parses_warnings_are_shown_with_its_explanation() {
    let cli = Cli::new();
    let file = format!("{PAGES}/record_odd_lines.txt");
    let out = cli.ok(&["parse", "--explain", &file]);
    assert!(
        out.contains("warning: the period ends (2019-12-31) before it starts (2020-06-01)"),
        "{out}"
    );
    let doc = explained(&cli, &file);
    let warnings = doc["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
}

/// Every text file of the corpus and the fixtures: each line named holds
/// the text shown, and the readable form keeps to 80 columns.
#[test]
fn every_line_named_holds_the_text_shown_within_80_columns() {
    let cli = Cli::new();
    let mut files: Vec<_> = std::fs::read_dir("assets/corpus")
        .unwrap()
        .chain(std::fs::read_dir(PAGES).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for path in &files {
        let file = path.to_str().unwrap();
        let doc = explained(&cli, file);
        let lines: Vec<String> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| l.replace('\u{a0}', " ").trim_end().to_string())
            .collect();
        for f in doc["fields"].as_array().unwrap() {
            let Some(first) = f["line"].as_u64() else {
                continue;
            };
            let last = f["last_line"].as_u64().unwrap_or(first);
            let held = lines[first as usize - 1..last as usize].join(" ");
            let shown = f["text"].as_str().unwrap().trim_matches('…');
            assert!(held.contains(shown), "{file} {f}: {held}");
        }
        let out = cli.ok(&["parse", "--explain", file]);
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{file}: {line}");
        }
    }
    assert!(files.len() >= 20, "{files:?}");
}

#[test]
fn a_document_line_reaches_the_terminal_without_its_control_characters() {
    let cli = Cli::new();
    let file = cli.dir.path().join("record.txt");
    let text = "2019/04711 - Vägen framåt\n\nDiarienummer:\n2019/04711\nNamn:\n\
                Vägen framåt\nProjektägare:\nStorstads kommun \u{1b}[31m\u{202e}\n\
                Projektperiod:\n2019-09-04 - 2021-09-03\nRegion:\nMellersta Norrland\n";
    std::fs::write(&file, text).unwrap();
    let out = cli.ok(&["parse", "--explain", file.to_str().unwrap()]);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    assert!(out.contains("Storstads kommun"), "{out}");
}

#[test]
fn an_unreadable_file_is_named_and_the_others_explained() {
    let cli = Cli::new();
    let out = cli.run(&["parse", "--explain", "--json", "/nonexistent/x.txt", EFFEKT]);
    assert_eq!(out.status.code(), Some(2));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[0]["format"], "skipped");
    assert_eq!(all[0]["fields"], serde_json::json!([]));
    assert_eq!(all[1]["format"], "esf2014");
    assert!(Path::new(EFFEKT).exists());
}

#[test]
fn a_megabyte_line_and_a_long_list_are_explained() {
    // Every value stands thousands of times in one long line: each is
    // named on its label's line, the rest weighed only near each place.
    let cli = Cli::new();
    let file = cli.dir.path().join("record.txt");
    let noise = "Vellinge kommun 2023-03-01 4 973 906 Ale Projektägare: ".repeat(20_000);
    let text = format!(
        "22-002-S07 - Nya Vägar i Vellinge +\n\nDiarienummer:\n22-002-S07\nNamn:\n\
         Nya Vägar i Vellinge +\nStartdatum:\n2023-03-01\nSlutdatum:\n2026-02-28\n\
         Projektägare:\nVELLINGE KOMMUN\nRegion:\nSydsverige\n\n{noise}\n{}",
        "• Ale\n".repeat(20_000)
    );
    std::fs::write(&file, text).unwrap();
    let doc = explained(&cli, file.to_str().unwrap());
    assert_eq!(line_of(&doc, "owner"), Some(12));
    assert_eq!(line_of(&doc, "start_date"), Some(8));
    let shown = entry(&doc, "owner")["text"].as_str().unwrap();
    assert_eq!(shown, "VELLINGE KOMMUN");
}

#[test]
fn a_list_of_projects_is_named_as_a_list_and_not_pinned_on_lines() {
    let cli = Cli::new();
    let list = "tests/fixtures/lists/project_list.csv";
    let out = cli.ok(&["parse", "--explain", list]);
    assert!(out.contains("[project_list]"), "{out}");
    assert!(
        out.contains("a list: each row's fields are its cells"),
        "{out}"
    );
    let doc = explained(&cli, list);
    assert_eq!(doc["fields"], serde_json::json!([]));
    assert_eq!(doc["warnings"].as_array().unwrap().len(), 1, "{doc}");
}
