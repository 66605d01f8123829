//! A page's facts feed the project it is about: a field the project's
//! record leaves empty takes the value a page about it states (an
//! article's partners and municipalities, a final report's end date), the
//! fund's own sources first (record, list row, Kohesio page, then pages);
//! a value the record gives is never replaced, and a page's other value
//! is shown beside it. Every expectation is written by hand from the
//! fixtures in `tests/fixtures/feed/` (made-up names).

mod common;

use common::{app_over, key, screen, store_of, Cli};
use crossterm::event::KeyCode;
use esf_browser::import::Input;
use serde_json::{json, Value};
use std::path::Path;

const FEED: &str = "tests/fixtures/feed";

/// A cache of these fixtures, imported as one folder.
fn cache_of(files: &[&str]) -> Cli {
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for file in files {
        std::fs::copy(Path::new(FEED).join(file), docs.join(file)).unwrap();
    }
    cli.ok(&["import", docs.to_str().unwrap()]);
    cli
}

fn show_json(cli: &Cli, id: &str) -> Value {
    serde_json::from_str(&cli.ok(&["show", id, "--json"])).unwrap()
}

/// The file name a source path ends in.
fn file_of(v: &Value) -> &str {
    let path = v.as_str().unwrap();
    path.rsplit('/').next().unwrap()
}

/// The `source_fields` entry of the source ending in `file`.
fn source<'a>(shown: &'a Value, file: &str) -> &'a Value {
    let all = shown["source_fields"].as_array().unwrap();
    all.iter()
        .find(|s| s["source"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} not among {all:?}"))
}

#[test]
fn a_record_without_partners_or_municipalities_takes_those_an_article_about_it_states() {
    let cli = cache_of(&["norrdal_record.txt", "norrdal_article.txt"]);
    let shown = show_json(&cli, "2017/00123");
    assert_eq!(
        shown["municipalities"],
        json!(["Kiruna", "Gällivare", "Pajala"])
    );
    assert_eq!(
        shown["partners"],
        json!(["Arbetsförmedlingen", "Försäkringskassan"])
    );
    let partners: Vec<&str> = shown["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["role"] == "partner")
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(partners, ["Arbetsförmedlingen", "Försäkringskassan"]);
    // The record's own values stay; only the empty fields were filled.
    assert_eq!(shown["end_date"], "2019-12-31");
    assert_eq!(shown["region"], "Övre Norrland");
    assert!(shown["source"]
        .as_str()
        .unwrap()
        .ends_with("norrdal_record.txt"));
    let filled = shown["filled_from"].as_object().unwrap();
    let fields: Vec<&str> = filled.keys().map(String::as_str).collect();
    assert_eq!(fields, ["municipalities", "partners"]);
    assert!(filled.values().all(|s| file_of(s) == "norrdal_article.txt"));
    let article = source(&shown, "norrdal_article.txt");
    assert_eq!(article["kind"], "article");
    assert_eq!(article["filled"], json!(["partners", "municipalities"]));
    assert_eq!(source(&shown, "norrdal_record.txt")["filled"], json!([]));

    let plain = cli.ok(&["show", "2017/00123"]);
    assert!(
        plain.contains(
            "Kiruna (norrdal_article.txt), Gällivare (norrdal_article.txt), Pajala (norrdal_article.txt)"
        ),
        "{plain}"
    );
    assert!(
        plain.contains("taken for the project: Partners,\n    Municipalities"),
        "{plain}"
    );
    let sv = cli.ok(&["--lang", "sv", "show", "2017/00123"]);
    assert!(sv.contains("hämtat till projektet: Partner"), "{sv}");
}

#[test]
fn a_record_without_an_end_date_takes_the_one_its_final_report_gives() {
    let cli = cache_of(&["osterby_record.txt", "osterby_final_report.txt"]);
    let shown = show_json(&cli, "23-101-S04");
    assert_eq!(shown["end_date"], "2025-08-31");
    assert_eq!(shown["start_date"], "2023-09-01");
    assert_eq!(
        file_of(&shown["filled_from"]["end_date"]),
        "osterby_final_report.txt"
    );
    let report = source(&shown, "osterby_final_report.txt");
    assert_eq!(report["kind"], "final_report");
    assert_eq!(report["filled"], json!(["end_date"]));
    let end = shown["field_sources"]["end_date"].as_array().unwrap();
    assert_eq!(end.len(), 1, "{end:?}");
    assert_eq!(end[0]["value"], "2025-08-31");
    let plain = cli.ok(&["show", "23-101-S04"]);
    assert!(plain.contains("2023-09-01 – 2025-08-31"), "{plain}");
    assert!(
        plain.contains("taken for the project: End\n    date"),
        "{plain}"
    );
    assert!(!plain.contains("Where the sources differ"), "{plain}");
}

#[test]
fn a_records_end_date_stays_and_a_pages_other_one_is_shown_beside_it() {
    let cli = cache_of(&["vastby_record.txt", "vastby_final_report.txt"]);
    let shown = show_json(&cli, "22-055-S02");
    assert_eq!(shown["end_date"], "2024-04-30");
    assert_eq!(shown["filled_from"], json!({}));
    let end = shown["field_sources"]["end_date"].as_array().unwrap();
    let values: Vec<(&str, &str)> = end
        .iter()
        .map(|v| (v["value"].as_str().unwrap(), file_of(&v["sources"][0])))
        .collect();
    assert_eq!(
        values,
        [
            ("2024-04-30", "vastby_record.txt"),
            ("2024-10-31", "vastby_final_report.txt")
        ]
    );
    let plain = cli.ok(&["show", "22-055-S02"]);
    assert!(plain.contains("2022-05-01 – 2024-04-30"), "{plain}");
    assert!(
        plain.contains(
            "Where the sources differ\n  End date              2024-04-30 (vastby_record.txt) · 2024-10-31 (vastby_final_report.txt)"
        ),
        "{plain}"
    );
    assert!(!plain.contains("taken for the project"), "{plain}");
}

/// Two sources give an end date the record leaves empty: the fund's own
/// list row is taken before the final report, and both are shown.
#[test]
fn the_funds_list_row_is_taken_before_a_page_and_both_are_shown() {
    let cli = cache_of(&[
        "osterby_record.txt",
        "osterby_final_report.txt",
        "osterby_list.csv",
    ]);
    let shown = show_json(&cli, "23-101-S04");
    assert!(shown["source"]
        .as_str()
        .unwrap()
        .ends_with("osterby_record.txt"));
    assert_eq!(shown["end_date"], "2025-06-30");
    assert_eq!(
        file_of(&shown["filled_from"]["end_date"]),
        "osterby_list.csv#23-101-S04"
    );
    assert_eq!(
        source(&shown, "osterby_final_report.txt")["filled"],
        json!([])
    );
    let plain = cli.ok(&["show", "23-101-S04"]);
    assert!(
        plain.contains(
            "End date              2025-06-30 (osterby_list.csv#23-101-S04) · 2025-08-31 (osterby_final_report.txt)"
        ),
        "{plain}"
    );
}

/// The detail pane shows the filled fields with the page that gave them.
#[test]
fn the_detail_pane_shows_what_a_page_filled_in() {
    let embedded = |name: &str, bytes: &'static [u8]| Input::Embedded {
        name: name.to_string(),
        bytes,
    };
    let inputs = [
        embedded(
            "record.txt",
            include_bytes!("fixtures/feed/norrdal_record.txt"),
        ),
        embedded(
            "article.txt",
            include_bytes!("fixtures/feed/norrdal_article.txt"),
        ),
    ];
    let mut app = app_over(store_of(&inputs), 100, 80);
    app.handle(key(KeyCode::Enter));
    let mut shown = screen(&mut app);
    app.handle(key(KeyCode::Char('G')));
    shown.push_str(&screen(&mut app));
    assert!(
        shown.contains("Kiruna (sample:article.txt), Gällivare (sample:article.txt), Pajala"),
        "{shown}"
    );
    assert!(
        shown.contains("Arbetsförmedlingen; Försäkringskassan"),
        "{shown}"
    );
    assert!(
        shown.contains("taken for the project: Partners, Municipalities"),
        "{shown}"
    );
}
