//! A project with several documents (its record, a row of the fund's list,
//! its Kohesio page, a final report, an article) says which facts each
//! gave: `esf show` and the detail pane list every document with the
//! fields it gives, and `esf show --json` carries them (`source_fields`),
//! the pages' facts among `field_sources`.

mod common;

use common::{app_over, key, screen, store_of, Cli};
use crossterm::event::KeyCode;
use esf_browser::import::Input;
use serde_json::Value;
use std::path::Path;

const RECORD: &str = "assets/corpus/002_b2246aa585e43b84.txt";
const PAGES: &str = "tests/fixtures/pages";

/// A cache of the Vellinge record, its Kohesio page, its final report and
/// the fund's list (whose first row is the same project).
fn vellinge() -> Cli {
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for from in [
        RECORD,
        "tests/fixtures/pages/kohesio_vellinge.txt",
        "tests/fixtures/pages/final_report.txt",
        "tests/fixtures/lists/project_list.csv",
    ] {
        let name = Path::new(from).file_name().unwrap();
        std::fs::copy(from, docs.join(name)).unwrap();
    }
    cli.ok(&["import", docs.to_str().unwrap()]);
    cli
}

fn show_json(cli: &Cli, id: &str) -> Value {
    serde_json::from_str(&cli.ok(&["show", id, "--json"])).unwrap()
}

/// The fields `source_fields` gives for the source ending in `file`.
fn fields_of(shown: &Value, file: &str) -> (String, Vec<String>) {
    let all = shown["source_fields"].as_array().unwrap();
    let one = all
        .iter()
        .find(|s| s["source"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} not among {all:?}"));
    let fields = one["fields"].as_array().unwrap();
    let fields = fields.iter().map(|f| f.as_str().unwrap().to_string());
    (one["kind"].as_str().unwrap().to_string(), fields.collect())
}

#[test]
fn each_document_of_a_project_is_listed_with_the_fields_it_gave() {
    let cli = vellinge();
    let shown = show_json(&cli, "22-002-S07");
    assert_eq!(shown["source_fields"].as_array().unwrap().len(), 4);
    // The record states no budget; the list row does, in kronor; the
    // Kohesio page in euro; the final report its diarienummer, name,
    // owner and period.
    let (kind, record) = fields_of(&shown, "002_b2246aa585e43b84.txt");
    assert_eq!(kind, "esfplus");
    assert!(record.contains(&"owner".into()) && record.contains(&"partners".into()));
    assert!(!record.contains(&"total_budget_sek".into()));
    let (kind, row) = fields_of(&shown, "project_list.csv#22-002-S07");
    assert_eq!(kind, "project_list");
    assert!(row.contains(&"total_budget_sek".into()) && row.contains(&"esf_grant_sek".into()));
    let (kind, kohesio) = fields_of(&shown, "kohesio_vellinge.txt");
    assert_eq!(kind, "kohesio");
    assert!(kohesio.contains(&"total_budget_eur".into()));
    assert!(
        !kohesio.contains(&"id".into()),
        "a Kohesio page gives no diarienummer"
    );
    let (kind, report) = fields_of(&shown, "final_report.txt");
    assert_eq!(kind, "final_report");
    assert_eq!(
        report,
        [
            "id",
            "name",
            "owner",
            "start_date",
            "end_date",
            "municipalities"
        ],
        "the owner's municipality too"
    );
    // The pages' facts are among the field's sources: the report's owner
    // ("Vellinge kommun") is the record's in other letters.
    let owner = &shown["field_sources"]["owner"];
    assert_eq!(owner.as_array().unwrap().len(), 1, "{owner}");
    let owners = owner[0]["sources"].as_array().unwrap();
    assert_eq!(owners.len(), 4, "{owners:?}");
    let euro = &shown["field_sources"]["total_budget_eur"][0]["sources"];
    assert!(euro[0].as_str().unwrap().ends_with("kohesio_vellinge.txt"));
}

#[test]
fn esf_show_lists_the_sources_and_what_each_gave_within_80_columns() {
    let cli = vellinge();
    let out = cli.ok(&["show", "22-002-S07"]);
    let at = out.find("\nSources\n").expect(&out);
    let section: Vec<&str> = out[at + 1..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(
        section.contains(&"  final_report.txt (final report)"),
        "{section:?}"
    );
    assert!(
        section.contains(&"    Diarienummer, Name, Owner, Start date, End date, Municipalities"),
        "{section:?}"
    );
    assert!(
        section.contains(&"  kohesio_vellinge.txt (Kohesio)"),
        "{section:?}"
    );
    assert!(
        section.contains(&"  project_list.csv#22-002-S07 (project list)"),
        "{section:?}"
    );
    for line in &section {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let sv = cli.run(&["--lang", "sv", "show", "22-002-S07"]);
    let sv = String::from_utf8(sv.stdout).unwrap();
    assert!(sv.contains("\nKällor\n"), "{sv}");
    assert!(
        sv.contains("    Diarienummer, Namn, Ägare, Startdatum, Slutdatum"),
        "{sv}"
    );
}

#[test]
fn an_article_about_a_recorded_project_is_one_of_its_sources() {
    // A record of the project the sample article describes (same name,
    // same owner): the article's facts are listed under it.
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let record = "2015/00123 - Inkluderande rehabilitering\n\nDiarienummer:\n2015/00123\n\
                  Namn:\nInkluderande rehabilitering\nProjektägare:\nSamordningsförbundet Hisingen\n\
                  Projektperiod:\n2015-10-01 - 2018-09-30\nRegion:\nVästsverige\n";
    std::fs::write(docs.join("record.txt"), record).unwrap();
    std::fs::copy(
        "assets/corpus/003_ece7e7cde554d52b.txt",
        docs.join("article.txt"),
    )
    .unwrap();
    cli.ok(&["import", docs.to_str().unwrap()]);
    let shown = show_json(&cli, "2015/00123");
    let (kind, article) = fields_of(&shown, "article.txt");
    assert_eq!(kind, "article");
    assert!(article.contains(&"name".into()) && article.contains(&"owner".into()));
    let out = cli.ok(&["show", "2015/00123"]);
    assert!(out.contains("  article.txt (article)\n"), "{out}");
}

#[test]
fn a_project_of_one_document_has_no_sources_section() {
    let cli = Cli::new();
    cli.ok(&["import", RECORD]);
    let out = cli.ok(&["show", "22-002-S07"]);
    assert!(!out.contains("\nSources\n"), "{out}");
    let shown = show_json(&cli, "22-002-S07");
    assert_eq!(shown["source_fields"].as_array().unwrap().len(), 1);
}

#[test]
fn the_detail_pane_lists_what_each_source_gave() {
    let embedded = |name: &str, bytes: &'static [u8]| Input::Embedded {
        name: name.to_string(),
        bytes,
    };
    let inputs = [
        embedded(
            "record.txt",
            include_bytes!("../assets/corpus/002_b2246aa585e43b84.txt"),
        ),
        embedded(
            "kohesio.txt",
            include_bytes!("fixtures/pages/kohesio_vellinge.txt"),
        ),
        embedded(
            "report.txt",
            include_bytes!("fixtures/pages/final_report.txt"),
        ),
    ];
    let mut app = app_over(store_of(&inputs), 80, 24);
    app.handle(key(KeyCode::Enter));
    app.handle(key(KeyCode::Char('G')));
    let shown = screen(&mut app);
    assert!(shown.contains("Sources"), "{shown}");
    insta::assert_snapshot!("detail_sources_80x24", shown);
    assert!(Path::new(PAGES).exists());
}
