//! Kohesio pages, calls for applications and pages about a project (owners'
//! pages, news items, final reports): what each gives, written by hand from
//! the fixtures in `tests/fixtures/pages/`, and how they meet the projects
//! of the cache.

mod common;

use common::Cli;
use esf_browser::ingest::parse_file;
use esf_browser::model::{Format, ParsedDocument};
use serde_json::Value;
use std::path::Path;

const PAGES: &str = "tests/fixtures/pages";

fn parse(name: &str) -> ParsedDocument {
    parse_file(&Path::new(PAGES).join(name)).unwrap()
}

#[test]
fn a_kohesio_page_keeps_its_euro_as_euro() {
    let page = parse("kohesio_page.txt");
    assert_eq!(page.format, Format::Kohesio);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    let p = page.project.unwrap();
    assert_eq!(p.name.as_deref(), Some("Framtidens Arbetsplats"));
    assert_eq!(p.start_date.as_deref(), Some("2023-09-01"));
    assert_eq!(p.end_date.as_deref(), Some("2026-08-31"));
    assert_eq!(p.fund.as_deref(), Some("ESF+"));
    assert_eq!(p.programme_period.as_deref(), Some("2021-2027"));
    assert_eq!(p.total_budget_eur, Some(3_544_067.52));
    assert_eq!(p.eu_contribution_eur, Some(2_130_769.50));
    assert_eq!(p.eu_cofinancing_rate_percent, Some(60.0));
    assert_eq!(
        (p.total_budget_sek, p.esf_grant_sek),
        (None, None),
        "no kronor"
    );
    assert_eq!(p.owner.as_deref(), Some("Lidköpings kommun"));
    assert_eq!(p.municipalities, ["Lidköping", "Götene", "Skara"]);
    assert_eq!((p.id, p.region), (None, None), "the page states neither");
    assert!(p
        .description
        .unwrap()
        .starts_with("Young adults in Skaraborg"));
}

#[test]
fn a_kohesio_page_with_its_values_under_the_labels() {
    let p = parse("kohesio_vellinge.txt").project.unwrap();
    assert_eq!(p.name.as_deref(), Some("Nya Vägar i Vellinge +"));
    assert_eq!(p.start_date.as_deref(), Some("2023-03-01"));
    assert_eq!(p.end_date.as_deref(), Some("2026-02-28"));
    assert_eq!(p.total_budget_eur, Some(1_204_350.0));
    assert_eq!(p.eu_contribution_eur, Some(481_740.0));
    assert_eq!(p.region.as_deref(), Some("Sydsverige"));
}

#[test]
fn a_kohesio_page_of_the_regional_fund_is_no_esf_project() {
    let page = parse("kohesio_regional.txt");
    assert_eq!(page.format, Format::Unknown);
    assert!(page.project.is_none());
    assert!(page.text.is_some(), "kept, with its text");
    assert!(
        page.warnings[0].contains("another fund"),
        "{:?}",
        page.warnings
    );
}

#[test]
fn a_call_is_kept_as_a_call_never_a_project() {
    let page = parse("call.txt");
    assert_eq!(page.format, Format::Call);
    assert!(page.project.is_none());
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("2023/00456"));
    assert_eq!(
        c.title.as_deref(),
        Some("Stärkt etablering på arbetsmarknaden i Norra Mellansverige")
    );
    assert_eq!(c.region.as_deref(), Some("Norra Mellansverige"));
    assert!(c.programme_area.unwrap().starts_with("A Stärkt"));
    assert_eq!(c.opens.as_deref(), Some("2023-03-01"));
    assert_eq!(c.closes.as_deref(), Some("2023-05-15"));
    assert_eq!(c.amount_sek, Some(40_000_000));
    let text = c.description.unwrap();
    assert!(text.starts_with("Utlysningen riktar sig"), "{text}");
    assert!(!text.contains("ESF-rådet"), "the site's name is no text");
}

#[test]
fn an_owners_page_names_the_project_its_owner_and_its_period() {
    let page = parse("owner_page.txt");
    assert_eq!(page.format, Format::LinkedPage);
    assert!(page.project.is_none(), "it never makes a project");
    assert_eq!(page.title.as_deref(), Some("Framtidens Arbetsplats"));
    let l = page.linked.unwrap();
    assert_eq!(l.kind, "page");
    assert_eq!(l.project_name.as_deref(), Some("Framtidens Arbetsplats"));
    assert_eq!(l.owner.as_deref(), Some("Lidköpings kommun"));
    assert_eq!(l.start_date.as_deref(), Some("2023-09-01"));
    assert_eq!(l.end_date.as_deref(), Some("2026-08-31"));
    assert_eq!(l.project_id, None);
}

#[test]
fn a_news_item_names_only_the_project() {
    let page = parse("news_item.txt");
    assert_eq!(page.format, Format::LinkedPage);
    assert_eq!(
        page.title.as_deref(),
        Some("Ny chans till jobb för unga i Skaraborg")
    );
    let l = page.linked.unwrap();
    assert_eq!(l.project_name.as_deref(), Some("Framtidens Arbetsplats"));
    assert_eq!((l.owner, l.start_date, l.end_date), (None, None, None));
}

#[test]
fn a_final_report_is_no_record_though_it_has_a_records_labels() {
    let page = parse("final_report.txt");
    assert_eq!(page.format, Format::LinkedPage);
    assert!(page.project.is_none());
    let l = page.linked.unwrap();
    assert_eq!(l.kind, "final_report");
    assert_eq!(l.project_id.as_deref(), Some("22-002-S07"));
    assert_eq!(l.project_name.as_deref(), Some("Nya Vägar i Vellinge +"));
    assert_eq!(l.owner.as_deref(), Some("Vellinge kommun"));
    assert_eq!(l.start_date.as_deref(), Some("2023-03-01"));
    assert_eq!(l.end_date.as_deref(), Some("2026-02-28"));
}

#[test]
fn a_page_about_an_interreg_project_is_not_taken_for_one() {
    let page = parse("interreg_page.txt");
    assert_eq!(page.format, Format::Unknown);
    assert!(page.project.is_none() && page.linked.is_none());
}

/// The samples with the pages named.
fn cache_with(pages: &[&str]) -> Cli {
    let cli = Cli::new();
    let dir = cli.dir.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir("assets/corpus").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    for page in pages {
        std::fs::copy(Path::new(PAGES).join(page), dir.join(page)).unwrap();
    }
    cli.ok(&["import", dir.to_str().unwrap()]);
    cli
}

fn json(cli: &Cli, args: &[&str]) -> Value {
    serde_json::from_str(&cli.ok(args)).unwrap()
}

fn keys(list: &Value) -> Vec<String> {
    let mut keys: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_kohesio_page_and_the_record_of_one_project_meet_as_one() {
    let cli = cache_with(&["kohesio_vellinge.txt"]);
    let samples = [
        "2015/00730",
        "2020/00551",
        "22-002-S07",
        "x-552c407c19",
        "x-9ac20b5b50",
    ];
    assert_eq!(keys(&json(&cli, &["list", "--json"])), samples);
    let shown = json(&cli, &["show", "22-002-S07", "--json"]);
    assert_eq!(shown["total_budget_eur"], 1_204_350);
    assert_eq!(shown["eu_contribution_eur"], 481_740);
    assert_eq!(shown["total_budget_sek"], Value::Null, "never converted");
    assert!(shown["kohesio"]
        .as_str()
        .unwrap()
        .ends_with("kohesio_vellinge.txt"));
    let sources = shown["sources"].as_array().unwrap();
    assert_eq!(
        sources.len(),
        2,
        "the record and the Kohesio page: {sources:?}"
    );
    let text = cli.ok(&["show", "22-002-S07"]);
    assert!(text.contains("1 204 350,00 €"), "{text}");
    assert!(text.contains("kohesio_vellinge.txt (Kohesio)"), "{text}");
}

#[test]
fn a_kohesio_page_without_its_record_stands_for_its_project() {
    let cli = cache_with(&["kohesio_page.txt"]);
    let all = json(&cli, &["list", "--json"]);
    let found: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Framtidens Arbetsplats")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["name"], "Framtidens Arbetsplats");
    assert_eq!(found[0]["owner"], "Lidköpings kommun");
}

#[test]
fn calls_are_listed_apart_and_never_as_projects() {
    let cli = cache_with(&["call.txt"]);
    assert_eq!(keys(&json(&cli, &["list", "--json"])).len(), 5);
    let calls = json(&cli, &["calls", "--json"]);
    let calls = calls.as_array().unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["id"], "2023/00456");
    assert_eq!(calls[0]["amount_sek"], 40_000_000);
    assert!(cli.ok(&["calls"]).contains("Norra Mellansverige"));
    let not_a_project = cli.run(&["show", "2023/00456"]);
    assert_eq!(not_a_project.status.code(), Some(1));
}

#[test]
fn pages_about_a_project_attach_to_it_or_wait_for_it() {
    let cli = cache_with(&["final_report.txt", "owner_page.txt", "news_item.txt"]);
    assert_eq!(
        keys(&json(&cli, &["list", "--json"])).len(),
        5,
        "none invented"
    );
    let shown = json(&cli, &["show", "22-002-S07", "--json"]);
    let linked = shown["linked"].as_array().unwrap();
    assert_eq!(linked.len(), 1, "{linked:?}");
    assert_eq!(linked[0]["kind"], "final_report");
    let all = json(&cli, &["linked", "--json"]);
    let by_file = |file: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|d| d["source"].as_str().unwrap().ends_with(file))
            .unwrap()
            .clone()
    };
    assert_eq!(by_file("final_report.txt")["project_key"], "22-002-S07");
    let waiting = by_file("owner_page.txt");
    assert_eq!(waiting["project_key"], Value::Null, "not in the cache yet");
    assert_eq!(waiting["project_name"], "Framtidens Arbetsplats");
    assert_eq!(waiting["start_date"], "2023-09-01");
}

#[test]
fn an_owners_page_finds_its_project_by_name_and_owner() {
    let cli = cache_with(&["owner_page.txt", "kohesio_page.txt"]);
    let all = json(&cli, &["linked", "--json"]);
    let key = all[0]["project_key"].as_str().unwrap().to_string();
    let shown = json(&cli, &["show", &key, "--json"]);
    assert_eq!(shown["name"], "Framtidens Arbetsplats");
    assert!(shown["linked"][0]["source"]
        .as_str()
        .unwrap()
        .ends_with("owner_page.txt"));
}

#[test]
fn the_kohesio_page_may_come_first_and_is_taken_over_by_the_record() {
    let cli = Cli::new();
    let first = cli.dir.path().join("kohesio");
    std::fs::create_dir(&first).unwrap();
    std::fs::copy(
        Path::new(PAGES).join("kohesio_vellinge.txt"),
        first.join("k.txt"),
    )
    .unwrap();
    cli.ok(&["import", first.to_str().unwrap()]);
    let alone = json(&cli, &["list", "--json"]);
    assert_eq!(alone.as_array().unwrap().len(), 1, "the page stands alone");
    cli.ok(&["import", "assets/corpus/002_b2246aa585e43b84.txt"]);
    let list = json(&cli, &["list", "--json"]);
    assert_eq!(keys(&list), ["22-002-S07"], "one project, the record's");
    let shown = json(&cli, &["show", "22-002-S07", "--json"]);
    assert_eq!(shown["total_budget_eur"], 1_204_350);
}

#[test]
fn a_kohesio_page_of_another_period_stays_apart() {
    let cli = Cli::new();
    let dir = cli.dir.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    let page = std::fs::read_to_string(Path::new(PAGES).join("kohesio_vellinge.txt")).unwrap();
    let later = page
        .replace("1 March 2023", "1 March 2027")
        .replace("28 February 2026", "28 February 2029");
    std::fs::write(dir.join("k.txt"), later).unwrap();
    std::fs::copy(
        "assets/corpus/002_b2246aa585e43b84.txt",
        dir.join("record.txt"),
    )
    .unwrap();
    cli.ok(&["import", dir.to_str().unwrap()]);
    let list = json(&cli, &["list", "--json"]);
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the name ran again later"
    );
    let shown = json(&cli, &["show", "22-002-S07", "--json"]);
    assert_eq!(shown["total_budget_eur"], Value::Null);
}
