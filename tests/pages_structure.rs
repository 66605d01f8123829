//! The structure of real pages, read as the page states it: a Kohesio
//! page's own title and owner, calls in today's layout and in documents
//! saved page by page, other funders' decisions that look like records,
//! kronor no project could have, and a record saved as HTML. Every
//! expectation is written by hand from the fixtures in
//! `tests/fixtures/pages/` (made-up names).

mod common;

use common::Cli;
use esf_browser::ingest::{parse_bytes, parse_file};
use esf_browser::model::{Format, ParsedDocument, Project, Role};
use serde_json::Value;
use std::path::Path;

const PAGES: &str = "tests/fixtures/pages";

fn parse(name: &str) -> ParsedDocument {
    parse_file(&Path::new(PAGES).join(name)).unwrap()
}

fn project(name: &str) -> Project {
    let page = parse(name);
    page.project
        .unwrap_or_else(|| panic!("{name}: no project ({:?})", page.format))
}

#[test]
fn a_kohesio_page_is_named_after_its_project_never_the_site() {
    for (file, name) in [
        ("kohesio_site_title.txt", "Vägen Vidare Väst"),
        ("kohesio_no_summary_heading.txt", "Steg Mot Jobb Norr"),
        ("kohesio_empty_beneficiary.txt", "Lärande i Lag"),
        ("kohesio_banner_share.txt", "Ny Start i Sydby"),
        ("kohesio_page.txt", "Framtidens Arbetsplats"),
    ] {
        let page = parse(file);
        assert_eq!(page.format, Format::Kohesio, "{file}");
        assert_eq!(page.title.as_deref(), Some(name), "{file}");
        assert_eq!(page.project.unwrap().name.as_deref(), Some(name), "{file}");
    }
}

#[test]
fn a_kohesio_heading_without_a_value_gives_no_owner() {
    // `Beneficiary` followed at once by `Managing authority: …`, by
    // `Beneficiary type`, and by a heading esf does not know
    // (`Beneficiary's address`): no owner, never the next heading's line.
    for file in [
        "kohesio_site_title.txt",
        "kohesio_empty_beneficiary.txt",
        "kohesio_banner_share.txt",
        "kohesio_unknown_heading.txt",
    ] {
        let p = project(file);
        assert_eq!(p.owner, None, "{file}");
        assert!(
            p.organisations.iter().all(|o| o.role != Role::Owner),
            "{file}: {:?}",
            p.organisations
        );
    }
}

#[test]
fn the_managing_authority_is_never_a_kohesio_pages_owner() {
    // Stated under its own heading: kept as what it is, not the owner.
    let p = project("kohesio_no_summary_heading.txt");
    assert_eq!(p.owner.as_deref(), Some("Norrbyns kommun"));
    assert_eq!(p.extra["Managing authority"], "Svenska ESF-rådet");
    // Named as the coordinator in the summary: still no owner.
    let p = project("kohesio_empty_beneficiary.txt");
    assert_eq!(p.owner, None);
    assert_eq!(
        p.programme_period.as_deref(),
        Some("2014-2020"),
        "as stated"
    );
    assert_eq!(p.fund.as_deref(), Some("ESF"));
}

#[test]
fn calls_in_todays_layout_are_calls() {
    let page = parse("call_today.txt");
    assert_eq!(page.format, Format::Call);
    assert!(page.project.is_none());
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("24-030"));
    assert_eq!(c.title.as_deref(), Some("Stärkt kompetens i äldreomsorgen"));
    assert_eq!(
        c.programme_area.as_deref(),
        Some("POA1: Stärkt kompetensförsörjning och etablering på arbetsmarknaden")
    );
    assert_eq!(c.amount_sek, Some(120_000_000));
    assert_eq!(
        (c.opens.as_deref(), c.closes.as_deref()),
        (Some("2024-03-04"), Some("2024-05-20"))
    );
    assert_eq!(c.region.as_deref(), Some("Hela Sverige"));
    assert!(c.description.unwrap().starts_with("Syftet med utlysningen"));

    let page = parse("call_today_inline.txt");
    assert_eq!(page.format, Format::Call);
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("25-011"));
    assert_eq!(
        c.title.as_deref(),
        Some("Vägar till arbete för unga i Mellersta Norrland"),
        "never the breadcrumb"
    );
    assert_eq!(
        c.programme_area.as_deref(),
        Some("PO B – Social inkludering")
    );
    assert_eq!(c.amount_sek, Some(45_000_000));
    assert_eq!(
        (c.opens.as_deref(), c.closes.as_deref()),
        (Some("2025-02-03"), Some("2025-04-14"))
    );

    // Before its dates are published: its number and budget make it one.
    let page = parse("call_today_undated.txt");
    assert_eq!(page.format, Format::Call);
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("25-044"));
    assert_eq!(c.title.as_deref(), Some("Språk och arbete för nyanlända"));
    assert_eq!((c.opens, c.closes), (None, None), "the page states none");
    assert_eq!(c.amount_sek, Some(30_000_000));
}

#[test]
fn a_call_document_repeating_its_diarienummer_on_every_page_is_a_call() {
    let page = parse("call_paged.txt");
    assert_eq!(page.format, Format::Call);
    assert!(page.project.is_none());
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("2023/00789"));
    assert_eq!(c.title.as_deref(), Some("Kompetens i välfärden"));
    assert_eq!(
        (c.opens.as_deref(), c.closes.as_deref()),
        (Some("2023-03-01"), Some("2023-05-15")),
        "from the prose"
    );
    let text = c.description.unwrap();
    assert!(text.starts_with("Europeiska socialfonden plus"), "{text}");
    assert!(text.contains("Ansökningarna bedöms"), "every page's text");
    assert!(
        !text.contains("Diarienummer") && !text.contains("Sida 2 av 3"),
        "no page headers or numbers: {text}"
    );
}

#[test]
fn a_call_headed_as_one_with_its_closing_day_in_prose_is_a_call() {
    let page = parse("call_heading_prose_dates.txt");
    assert_eq!(page.format, Format::Call);
    let c = page.call.unwrap();
    assert_eq!(c.id.as_deref(), Some("2024/00112"));
    assert_eq!(
        c.title.as_deref(),
        Some("Utlysning inom programområde B: Vägar ut ur fattigdom")
    );
    assert_eq!((c.opens, c.closes.as_deref()), (None, Some("2024-09-30")));
    assert_eq!(c.amount_sek, None, "the page states none");
}

#[test]
fn another_funders_decision_is_never_an_esf_record() {
    for file in [
        "decision_other_funder.txt",
        "decision_known_labels.txt",
        "decision_coordinator.txt",
        "decision_spaced_labels.txt",
    ] {
        let page = parse(file);
        assert!(
            !matches!(page.format, Format::Esf2014 | Format::Esfplus),
            "{file}: {:?}",
            page.format
        );
        assert!(page.project.is_none(), "{file}");
        assert!(page.text.is_some() || page.linked.is_some(), "{file}: kept");
    }
}

#[test]
fn a_record_with_the_funds_labels_stays_one_whoever_its_prose_names() {
    // Names Tillväxtverket in its prose, but carries the fund's labels.
    let page = parse("record_budget_decimal.txt");
    assert_eq!(page.format, Format::Esf2014);
    // Only the record's own labels, no fund named: still the fund's record.
    let text = "3/4 - Kort\n\nDiarienummer:\n3/4\nNamn:\nKort\nProjektägare:\nÖstbyns kommun\nRegion:\nStockholm\n";
    let page = parse_bytes("kort.txt", text.as_bytes());
    assert_eq!(page.format, Format::Esf2014);
    assert_eq!(page.project.unwrap().name.as_deref(), Some("Kort"));
}

#[test]
fn a_kronor_field_holding_a_decimal_is_a_warning_and_no_value() {
    for (file, raw) in [
        ("record_budget_decimal.txt", "1.1"),
        ("record_budget_comma.txt", "2,5"),
    ] {
        let page = parse(file);
        let p = page.project.unwrap();
        assert_eq!(p.total_budget_sek, None, "{file}");
        assert_eq!(p.extra["Total projektbudget"], raw, "{file}");
        assert!(
            page.warnings
                .iter()
                .any(|w| w.contains(raw) && w.contains("kronor")),
            "{file}: {:?}",
            page.warnings
        );
    }
    let p = project("record_budget_decimal.txt");
    assert_eq!(p.esf_grant_sek, Some(2_400_000), "the grant stands");
    let p = project("record_budget_comma.txt");
    assert_eq!(p.esf_grant_sek, Some(4_973_906), "öre of zero are kronor");
}

#[test]
fn a_budget_far_below_its_grant_is_a_warning_and_no_value() {
    let page = parse("record_budget_below_grant.txt");
    let p = page.project.unwrap();
    assert_eq!((p.total_budget_sek, p.esf_grant_sek), (None, Some(550_000)));
    assert_eq!(p.extra["Total projektbudget"], "1 100");
    assert!(
        page.warnings.iter().any(|w| w.contains("far below")),
        "{:?}",
        page.warnings
    );
}

#[test]
fn kronor_written_with_points_or_zero_ore_are_read() {
    let page = parse("record_budget_fine.txt");
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    let p = page.project.unwrap();
    assert_eq!(p.total_budget_sek, Some(4_973_906));
    assert_eq!(p.esf_grant_sek, Some(2_486_953));
}

#[test]
fn a_record_saved_as_html_gives_the_record_of_its_text_copy() {
    let text = parse("saved_record.txt");
    assert_eq!(text.format, Format::Esf2014);
    let want = text.project.unwrap();
    assert_eq!(want.name.as_deref(), Some("Jobbvägen Mitt"));
    assert_eq!(want.specific_objective.as_deref(), Some("2.1"));
    assert_eq!(want.beneficiary_postcode, None, "stated empty");
    for file in ["saved_record_dl.html", "saved_record_divs.html"] {
        let page = parse(file);
        assert_eq!(page.format, Format::Esf2014, "{file}");
        assert_eq!(page.title.as_deref(), Some("2016/00218 - Jobbvägen Mitt"));
        assert!(page.warnings.is_empty(), "{file}: {:?}", page.warnings);
        assert_eq!(page.project.as_ref(), Some(&want), "{file}");
    }
}

#[test]
fn a_saved_records_blank_lines_never_make_prose_a_value() {
    // The last label's value is empty and the prose follows a blank line.
    let text = "1/9 - Tomt\n\nDiarienummer:\n\n1/9\n\nNamn:\n\nTomt\n\nProjektägare:\n\nÖstbyns kommun\n\n\
                Region:\n\nStödmottagare postnr:\n\nProjektet ger unga stöd på vägen till arbete.\n";
    let page = parse_bytes("tomt.txt", text.as_bytes());
    let p = page.project.unwrap();
    assert_eq!(p.owner.as_deref(), Some("Östbyns kommun"));
    assert_eq!((p.region, p.beneficiary_postcode), (None, None));
    assert_eq!(
        p.description.as_deref(),
        Some("Projektet ger unga stöd på vägen till arbete.")
    );
}

/// The binary reads every pattern the same way: `esf parse --json`.
#[test]
fn esf_parse_json_reads_the_page_structures() {
    let files = [
        "kohesio_site_title.txt",
        "call_today.txt",
        "call_paged.txt",
        "decision_other_funder.txt",
        "record_budget_decimal.txt",
        "saved_record_divs.html",
    ];
    let paths: Vec<String> = files.iter().map(|f| format!("{PAGES}/{f}")).collect();
    let mut args = vec!["parse", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let out: Value = serde_json::from_str(&Cli::new().ok(&args)).unwrap();
    let docs = out.as_array().unwrap();
    let formats: Vec<&str> = docs.iter().map(|d| d["format"].as_str().unwrap()).collect();
    assert_eq!(
        formats,
        ["kohesio", "call", "call", "unknown", "esf2014", "esf2014"]
    );
    assert_eq!(docs[0]["project"]["name"], "Vägen Vidare Väst");
    assert_eq!(docs[0]["project"]["owner"], Value::Null);
    assert_eq!(docs[1]["project"], Value::Null);
    assert_eq!(docs[3]["project"], Value::Null);
    assert_eq!(docs[4]["project"]["total_budget_sek"], Value::Null);
    assert_eq!(docs[4]["project"]["esf_grant_sek"], 2_400_000);
    assert_eq!(docs[5]["project"]["name"], "Jobbvägen Mitt");
    assert_eq!(docs[5]["project"]["total_budget_sek"], 6_250_000);
}
