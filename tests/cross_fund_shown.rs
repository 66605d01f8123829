//! Another fund's projects beside an ESF project where that project is
//! shown: `esf show` (text and JSON), `esf dossier`, and the browser's
//! list marks and detail, over `tests/fixtures/cross_fund` (see
//! tests/cross_fund.rs for what it holds): Jobbsteget Vellinge
//! (23-201-S01) ran beside ERDF R-100 for 184 days and JTF J-5 for 31
//! days, both tied by Vellinge kommun's organisationsnummer 212000-1033;
//! R-101 (the day after), R-102 (another number), R-103 (no number) and
//! D-1 (Denmark) never. Vägen fram Uppsala (23-202-S01) has none.

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

/// The lines from `heading` to the next blank line (or the end).
fn block<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("{heading}: {text}"));
    text[start + 1..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn show_names_the_other_funds_projects_of_its_organisationsnummer() {
    let cli = cli();
    let text = cli.ok(&["show", "23-201-S01"]);
    let heading = "The same organisation funded by another fund in the same period";
    assert_eq!(
        block(&text, heading),
        [
            heading,
            "  ERDF 2021SE16RFPR001_R-100 Solceller på skolorna · VELLINGE KOMMUN · 2024-07-01 – 2026-06-30",
            "    days together: 184 (2024-07-01 – 2024-12-31) · by organisationsnummer 212000-1033 of Vellinge kommun",
            "  JTF 2021SE16JTPR001_J-5 Omställning i Vellinge · VELLINGE KOMMUN · 2024-03-01 – 2024-03-31",
            "    days together: 31 (2024-03-01 – 2024-03-31) · by organisationsnummer 212000-1033 of Vellinge kommun",
        ]
    );
    for never in ["R-101", "R-102", "R-103", "D-1", "Overlaps with"] {
        assert!(!text.contains(never), "{never}: {text}");
    }
    let none = cli.ok(&["show", "23-202-S01"]);
    assert!(!none.contains("another fund"), "{none}");
}

#[test]
fn show_json_gives_the_other_funds_projects_apart_from_the_esf_overlaps() {
    let cli = cli();
    let shown: Value = serde_json::from_str(&cli.ok(&["show", "23-201-S01", "--json"])).unwrap();
    assert_eq!(shown["overlaps"], serde_json::json!([]));
    let others = shown["other_funds"].as_array().unwrap();
    let each: Vec<(&str, &str, i64, &str, &str)> = others
        .iter()
        .map(|o| {
            (
                o["other"]["fund"].as_str().unwrap(),
                o["other"]["id"].as_str().unwrap(),
                o["days"].as_i64().unwrap(),
                o["from"].as_str().unwrap(),
                o["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        each,
        [
            (
                "ERDF",
                "2021SE16RFPR001_R-100",
                184,
                "2024-07-01",
                "2024-12-31"
            ),
            ("JTF", "2021SE16JTPR001_J-5", 31, "2024-03-01", "2024-03-31"),
        ]
    );
    assert_eq!(others[0]["organisation"], "Vellinge kommun");
    assert_eq!(others[0]["org_number"], "212000-1033");
    assert_eq!(others[0]["other"]["total_budget_eur"], 900000.0);
    let none: Value = serde_json::from_str(&cli.ok(&["show", "23-202-S01", "--json"])).unwrap();
    assert_eq!(none["other_funds"], serde_json::json!([]));
}

/// The bullets under a dossier's `## heading`.
fn section(md: &str, heading: &str) -> Vec<String> {
    let start = md
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("{heading}: {md}"));
    md[start..]
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("- "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_dossier_names_the_other_funds_projects_or_says_there_are_none() {
    let cli = cli();
    let heading = "The same organisation funded by another fund in the same period";
    let md = cli.ok(&["dossier", "23-201-S01"]);
    let lines = section(&md, heading);
    assert_eq!(lines.len(), 2, "{md}");
    for (line, (other, days)) in lines.iter().zip([
        ("ERDF 2021SE16RFPR001\\_R-100 Solceller på skolorna", "184"),
        ("JTF 2021SE16JTPR001\\_J-5 Omställning i Vellinge", "31"),
    ]) {
        assert!(line.starts_with(&format!("- {other}")), "{line}");
        assert!(line.contains(&format!("days together: {days} ")), "{line}");
        assert!(line.contains("212000-1033"), "{line}");
    }
    let none = cli.ok(&["dossier", "23-202-S01"]);
    assert_eq!(
        section(&none, heading),
        [
            "- no other fund's project of the same organisationsnummer ran at the same time \
          \\(of the Kohesio exports imported\\)"
        ]
    );
}

#[test]
fn show_and_the_dossier_say_it_in_swedish() {
    let cli = cli();
    let text = cli.ok(&["--lang", "sv", "show", "23-201-S01"]);
    let heading = "Samma organisation finansierad av en annan fond under samma period";
    let lines = block(&text, heading);
    assert_eq!(
        lines[2],
        "    dagar samtidigt: 184 (2024-07-01 – 2024-12-31) · genom organisationsnummer \
         212000-1033 för Vellinge kommun"
    );
    let md = cli.ok(&["--lang", "sv", "dossier", "23-202-S01"]);
    assert_eq!(
        section(&md, heading),
        [
            "- inget projekt i en annan fond med samma organisationsnummer pågick samtidigt \
          \\(av de importerade Kohesio-exporterna\\)"
        ]
    );
}

#[test]
fn the_browser_marks_and_details_a_project_beside_another_funds() {
    use crossterm::event::KeyCode;
    use esf_browser::i18n::{self, Lang};
    let inputs = esf_browser::import::Input::from_paths(&[std::path::PathBuf::from(fixtures())]);
    let mut app = common::app_over(common::store_of(&inputs), 120, 40);
    let marks = app.state.overlapping.marks.clone().unwrap();
    assert_eq!(marks.iter().collect::<Vec<&str>>(), ["23-201-S01"]);
    app.handle(common::key(KeyCode::Char('/')));
    common::type_text(&mut app, "jobbsteget");
    app.handle(common::key(KeyCode::Enter));
    assert_eq!(app.state.selected_key(), Some("23-201-S01"));
    for (lang, said) in [
        (
            Lang::En,
            [
                "⇄ Jobbsteget",
                "⇄ Another fund in the same period: 2 projects",
                "⇄ Another fund in the same period",
                "ERDF 2021SE16RFPR001_R-100 Solceller på skolorna",
                "days together: 184 (2024-07-01 – 2024-12-31)",
            ],
        ),
        (
            Lang::Sv,
            [
                "⇄ Jobbsteget",
                "⇄ Annan fond under samma period: 2 projekt",
                "⇄ Annan fond under samma period",
                "JTF 2021SE16JTPR001_J-5 Omställning i Vellinge",
                "dagar samtidigt: 31 (2024-03-01 – 2024-03-31)",
            ],
        ),
    ] {
        i18n::set(lang);
        app.state.detail.built_for = None;
        app.state.list.detail_scroll = 0;
        let first = common::screen(&mut app);
        assert!(first.contains(said[0]), "{first}");
        assert!(first.contains(said[1]), "the first lines say it: {first}");
        // The pairs themselves come after the fields.
        let lines = &app.state.detail.lines;
        let all: Vec<String> = (0..lines.len())
            .map(|i| lines.line(i).to_string())
            .collect();
        let heading = all.iter().position(|l| l == said[2]).expect(said[2]);
        let identity = all.iter().position(|l| l == "Identity" || l == "Identitet");
        assert!(identity.is_some_and(|at| at < heading), "{all:#?}");
        let all = all.join("\n");
        for s in &said[3..] {
            assert!(all.contains(s), "{s}: {all}");
        }
        assert!(!all.contains("R-101") && !first.contains("R-101"), "{all}");
    }
    i18n::set(Lang::En);
}
