//! An esf.se article saved from a browser reads as its text copy: the
//! older layout with a side panel (the project's name above `Programområde:`,
//! `Region:`, `Projektägare:`) and today's layout with a fact box
//! (`Projektnamn:`, `Projektägare:`, …), their labels and values in `<dt>`/
//! `<dd>` or in separate `<div>`s and `<p>`s, with a cookie banner,
//! navigation, header and footer around. Every expectation is written by
//! hand from the fixtures in `tests/fixtures/pages/` (made-up names).

mod common;

use common::Cli;
use esf_browser::ingest::parse_file;
use esf_browser::model::{Format, ParsedDocument, Project};
use serde_json::Value;
use std::path::Path;

const PAGES: &str = "tests/fixtures/pages";

fn parse(name: &str) -> ParsedDocument {
    parse_file(&Path::new(PAGES).join(name)).unwrap()
}

fn project(page: &ParsedDocument, file: &str) -> Project {
    assert_eq!(page.format, Format::Article, "{file}");
    page.project
        .clone()
        .unwrap_or_else(|| panic!("{file}: no project"))
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_older_article_with_a_side_panel_saved_as_html_reads_as_its_text_copy() {
    let text = parse("article_panel.txt");
    let want = project(&text, "article_panel.txt");
    assert_eq!(
        text.title.as_deref(),
        Some("Unga i Norrdal hittar vägen till jobb")
    );
    assert_eq!(want.name.as_deref(), Some("Steg Mot Arbete Norrdal"));
    assert_eq!(want.owner.as_deref(), Some("Samordningsförbundet Norrdal"));
    assert_eq!(want.region.as_deref(), Some("Övre Norrland"));
    assert_eq!(
        want.programme_area_name.as_deref(),
        Some("Öka övergångarna till arbete")
    );
    assert_eq!(
        want.partners,
        strings(&["Arbetsförmedlingen", "Försäkringskassan"])
    );
    assert_eq!(
        want.municipalities,
        strings(&["Kiruna", "Gällivare", "Pajala"])
    );
    for file in ["article_panel_dl.html", "article_panel_divs.html"] {
        let page = parse(file);
        assert_eq!(page.title, text.title, "{file}");
        assert_eq!(project(&page, file), want, "{file}");
        assert!(page.warnings.is_empty(), "{file}: {:?}", page.warnings);
    }
}

#[test]
fn todays_article_with_a_fact_box_saved_as_html_reads_as_its_text_copy() {
    let text = parse("article_fact_box.txt");
    let want = project(&text, "article_fact_box.txt");
    assert_eq!(
        text.title.as_deref(),
        Some("Nyanlända kvinnor får jobb i vården i Sörby")
    );
    assert_eq!(want.name.as_deref(), Some("Språkvägen Hälsingland"));
    assert_eq!(want.owner.as_deref(), Some("Sörby kommun"));
    assert_eq!(
        want.partners,
        strings(&["Region Gävleborg", "Hälsinglands utbildningsförbund"])
    );
    assert_eq!(
        want.municipalities,
        strings(&["Hudiksvall", "Nordanstig", "Ljusdal"])
    );
    for file in ["article_fact_box_dl.html", "article_fact_box_divs.html"] {
        let page = parse(file);
        assert_eq!(page.title, text.title, "{file}");
        assert_eq!(project(&page, file), want, "{file}");
        assert!(page.warnings.is_empty(), "{file}: {:?}", page.warnings);
    }
}

/// A fact box set label by label, as a saved page leaves it, has no
/// diarienummer and prose above it: an article's box, never a record.
#[test]
fn a_saved_fact_box_never_makes_a_record() {
    for file in ["article_fact_box_dl.html", "article_fact_box_divs.html"] {
        let page = parse(file);
        assert_eq!(page.format, Format::Article, "{file}");
        assert_eq!(page.project.unwrap().id, None, "{file}");
    }
}

/// The binary gives the same: `esf parse --json` over the text copies and
/// the saved pages.
#[test]
fn esf_parse_json_reads_saved_articles_as_their_text_copies() {
    let files = [
        "article_panel.txt",
        "article_panel_dl.html",
        "article_panel_divs.html",
        "article_fact_box.txt",
        "article_fact_box_dl.html",
        "article_fact_box_divs.html",
    ];
    let paths: Vec<String> = files.iter().map(|f| format!("{PAGES}/{f}")).collect();
    let mut args = vec!["parse", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let out: Value = serde_json::from_str(&Cli::new().ok(&args)).unwrap();
    let docs = out.as_array().unwrap();
    let fields = ["name", "owner", "partners", "municipalities", "region"];
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["format"], "article", "{}", files[i]);
        let text = &docs[i / 3 * 3];
        assert_eq!(doc["title"], text["title"], "{}", files[i]);
        for f in fields {
            assert_eq!(doc["project"][f], text["project"][f], "{}: {f}", files[i]);
        }
    }
    assert_eq!(docs[1]["project"]["name"], "Steg Mot Arbete Norrdal");
    assert_eq!(docs[2]["project"]["owner"], "Samordningsförbundet Norrdal");
    assert_eq!(docs[2]["project"]["region"], "Övre Norrland");
    assert_eq!(docs[4]["project"]["name"], "Språkvägen Hälsingland");
    assert_eq!(docs[5]["project"]["owner"], "Sörby kommun");
    assert_eq!(
        docs[5]["project"]["municipalities"],
        serde_json::json!(["Hudiksvall", "Nordanstig", "Ljusdal"])
    );
    assert_eq!(docs[5]["article"]["project_name"], "Språkvägen Hälsingland");
}
