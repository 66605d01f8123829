//! Real pages as caseworkers save them (`tests/fixtures/pages`): the same
//! records with site chrome around them, glued labels in any case, odd
//! lines inside a label block. Expectations written by hand from the files.

use esf_browser::ingest::parse_bytes;
use esf_browser::model::{Format, ParsedDocument, Project};
use std::path::Path;

fn parse(name: &str) -> ParsedDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    parse_bytes(name, &std::fs::read(path).unwrap())
}

fn project(name: &str) -> Project {
    parse(name).project.expect("a project")
}

#[test]
fn a_cookie_banner_above_an_esf2014_record_changes_nothing() {
    let page = parse("tests/fixtures/pages/banner_esf2014.txt");
    assert_eq!(page.format, Format::Esf2014);
    assert_eq!(page.title.as_deref(), Some("2015/00730 - effektbutiken"));
    let p = page.project.unwrap();
    assert_eq!(p.id.as_deref(), Some("2015/00730"));
    assert_eq!(p.name.as_deref(), Some("effektbutiken"));
    assert_eq!(
        p.owner.as_deref(),
        Some("Social resursförvaltning, Göteborgs Stad, Aktivitetshus Väster, Funktionsstöd")
    );
    assert_eq!(p.region.as_deref(), Some("Västsverige"));
    assert_eq!(
        (p.start_date.as_deref(), p.end_date.as_deref()),
        (Some("2016-02-01"), Some("2019-01-31"))
    );
    // The sample without the banner (its golden test is tests/seeds.rs).
    assert_eq!(p, project("assets/corpus/000_3baf275082b782be.txt"));
}

#[test]
fn a_banner_and_a_footer_around_an_esfplus_record_change_nothing() {
    let page = parse("tests/fixtures/pages/banner_esfplus.txt");
    assert_eq!(page.format, Format::Esfplus);
    let p = page.project.unwrap();
    assert_eq!(p.id.as_deref(), Some("22-002-S07"));
    assert_eq!(p.name.as_deref(), Some("Nya Vägar i Vellinge +"));
    assert_eq!(p.owner.as_deref(), Some("VELLINGE KOMMUN"));
    assert_eq!(p.region.as_deref(), Some("Sydsverige"));
    let text = p.description.as_deref().unwrap();
    assert!(!text.contains("Till toppen") && !text.contains("Kontakta oss"));
    assert!(!text.contains("cookies"));
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    assert_eq!(p, project("assets/corpus/002_b2246aa585e43b84.txt"));
}

#[test]
fn a_glued_label_with_a_value_in_lower_case_keeps_the_value() {
    let page = parse("tests/fixtures/pages/legacy_lowercase_contact.txt");
    assert_eq!(page.format, Format::LegacyPage);
    let p = page.project.unwrap();
    assert_eq!(p.contact_name.as_deref(), Some("stefan Johansson"));
    assert_eq!(
        p.contact_email.as_deref(),
        Some("stefan.johansson@arbetsformedlingen.se")
    );
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
}

#[test]
fn numbered_lines_a_repeated_label_and_a_backward_period_are_warnings() {
    let page = parse("tests/fixtures/pages/record_odd_lines.txt");
    assert_eq!(page.format, Format::Esf2014);
    let p = page.project.unwrap();
    assert_eq!(p.id.as_deref(), Some("2019/01234"));
    assert_eq!(p.owner.as_deref(), Some("Umeå kommun"));
    // The first Region stands; the second is kept in extra.
    assert_eq!(p.region.as_deref(), Some("Övre Norrland"));
    assert_eq!(p.extra["Region"], "Mellersta Norrland");
    // "12345: värde" is no part of the objective: it ends the labels.
    assert_eq!(p.specific_objective.as_deref(), Some("2.1"));
    let text = p.description.as_deref().unwrap();
    assert!(
        text.starts_with("12345: värde\n2019: 2020\n\nProjektet ger"),
        "{text}"
    );
    let said = page.warnings.join("\n");
    assert!(said.contains("Region: given a second time"), "{said}");
    assert!(
        said.contains("\"12345: värde\" is neither a label nor a value"),
        "{said}"
    );
    assert!(
        said.contains("the period ends (2019-12-31) before it starts (2020-06-01)"),
        "{said}"
    );
}

#[test]
fn todays_article_layout_names_the_project_and_its_municipalities_in_prose() {
    let page = parse("tests/fixtures/pages/article_today.txt");
    assert_eq!(page.format, Format::Article);
    assert_eq!(
        page.title.as_deref(),
        Some("Unga provar industrijobb i Skaraborg")
    );
    let p = page.project.unwrap();
    assert_eq!(p.name.as_deref(), Some("Framtidens Arbetsplats"));
    assert_eq!(p.municipalities, ["Lidköping", "Götene", "Skara"]);
    assert_eq!(p.municipality_sources[0].from[0], "list");
    // What the page does not state stays unknown.
    assert_eq!((p.id, p.owner, p.region), (None, None, None));
    assert_eq!((p.start_date, p.end_date), (None, None));
    let article = page.article.unwrap();
    assert_eq!(
        article.project_name.as_deref(),
        Some("Framtidens Arbetsplats")
    );
    assert!(!article.body.contains("Kontakta oss") && !article.body.contains("Hoppa till"));
}

#[test]
fn a_film_page_without_a_side_panel_names_its_project() {
    let page = parse("tests/fixtures/pages/film_page.txt");
    assert_eq!(page.format, Format::Article);
    assert_eq!(page.title.as_deref(), Some("Film: deltagarna berättar"));
    let p = page.project.unwrap();
    assert_eq!(p.name.as_deref(), Some("Steg för steg"));
    assert_eq!(p.municipalities, ["Örebro"], "named in the text");
}

#[test]
fn a_page_about_a_project_of_another_fund_is_no_esf_article() {
    // Vinnova and the regional development fund: not the Social Fund.
    let page = parse("tests/fixtures/pages/not_esf.txt");
    assert_eq!(page.format, Format::Unknown);
    assert!(page.project.is_none());
    assert_eq!(
        page.title.as_deref(),
        Some("Nytt innovationsprojekt i Västerbotten")
    );
}

#[test]
fn a_saved_project_bank_page_reads_as_its_text_copy() {
    // The HTML of effektbutiken's record: cookie banner, menu, the facts
    // as a <dl>, the text as <p>, a footer; scripts and styles in <head>.
    let page = parse("tests/fixtures/pages/project_bank.html");
    assert_eq!(page.format, Format::Esf2014);
    assert_eq!(page.title.as_deref(), Some("2015/00730 - effektbutiken"));
    let p = page.project.unwrap();
    assert_eq!(p.id.as_deref(), Some("2015/00730"));
    assert_eq!(p.total_budget_sek, Some(8_866_642));
    let text = p.description.as_deref().unwrap();
    assert!(!text.contains("dataLayer") && !text.contains("Projektbanken"));
    assert!(!text.contains("Svenska ESF-rådet"), "the footer is no text");
    assert_eq!(p, project("assets/corpus/000_3baf275082b782be.txt"));
}

#[test]
fn a_saved_article_in_windows_1252_reads_as_its_text_copy() {
    let page = parse("tests/fixtures/pages/article.html");
    assert_eq!(page.format, Format::Article);
    assert_eq!(
        page.title.as_deref(),
        Some("Framgångsrik västsvensk samordning för arbetslivsinriktad rehabilitering")
    );
    let p = page.project.unwrap();
    assert_eq!(p.name.as_deref(), Some("Inkluderande rehabilitering"));
    assert_eq!(p.owner.as_deref(), Some("Samordningsförbundet Hisingen"));
    assert_eq!(p.region.as_deref(), Some("Västsverige"));
    // "Programområde: 2.1 Öka övergångarna till arbete", over a <br>.
    assert_eq!(p.programme_area.as_deref(), Some("2"));
    assert_eq!(p.specific_objective.as_deref(), Some("2.1"));
    let body = page.article.unwrap().body;
    assert!(
        body.starts_with("Socialfondsprojektet Inkluderande rehabilitering."),
        "{body}"
    );
    assert!(!body.contains("Läs mer om projektet") && !body.contains("Kontakta oss"));
}

#[test]
fn a_page_of_only_markup_is_skipped_with_the_reason() {
    let page = parse("tests/fixtures/regressions/html-script-only.html");
    assert_eq!(page.format, Format::Skipped);
    assert_eq!(
        page.skipped_reason.as_deref(),
        Some("an HTML page with no text to show")
    );
    // Unclosed tags are read as a browser would.
    let page = parse("tests/fixtures/regressions/html-unclosed.html");
    assert_eq!(page.format, Format::Unknown);
    assert_eq!(page.title.as_deref(), Some("Diarienummer:"));
}
