//! Pages that state a project only in their prose: today's and older esf.se
//! articles (Swedish and English), owners' pages, local news and final
//! reports. Names, owners, partners and municipalities as the page writes
//! them, written by hand from the made-up fixtures in
//! `tests/fixtures/prose/`; and pages that mention projects in passing give
//! none.

mod common;

use common::Cli;
use esf_browser::ingest::parse_bytes;
use esf_browser::model::{Format, LinkedDoc, ParsedDocument, Project, Role};
use serde_json::Value;

const PROSE: &str = "tests/fixtures/prose";

fn parse(name: &str) -> ParsedDocument {
    let path = format!("{PROSE}/{name}");
    parse_bytes(&path, &std::fs::read(&path).unwrap())
}

fn article(name: &str) -> Project {
    let page = parse(name);
    assert_eq!(page.format, Format::Article, "{name}: {:?}", page.warnings);
    page.project.unwrap()
}

fn linked(name: &str) -> LinkedDoc {
    let page = parse(name);
    assert_eq!(page.format, Format::LinkedPage, "{name}");
    assert!(
        page.project.is_none(),
        "{name}: a page never makes a project"
    );
    page.linked.unwrap()
}

fn roles(p: &Project, role: Role) -> Vec<String> {
    p.organisations
        .iter()
        .filter(|o| o.role == role)
        .map(|o| o.name.clone())
        .collect()
}

#[test]
fn a_name_in_prose_ends_where_its_sentence_goes_on() {
    let p = article("esf_today_results.txt");
    assert_eq!(p.name.as_deref(), Some("Nya Steg"));
}

#[test]
fn an_owner_that_is_projektagare_in_prose_is_the_owner() {
    let p = article("esf_today_results.txt");
    let owner = "Arbetsmarknadsenheten i Mariestads kommun";
    assert_eq!(p.owner.as_deref(), Some(owner));
    assert_eq!(roles(&p, Role::Owner), [owner, "Mariestads kommun"]);
    assert!(p.partners.is_empty(), "the page names no partner");
}

#[test]
fn a_list_of_municipalities_keeps_its_first_name() {
    let p = article("esf_today_results.txt");
    let listed = [
        "Mariestad",
        "Töreboda",
        "Gullspång",
        "Hjo",
        "Tibro",
        "Karlsborg",
        "Skövde",
        "Falköping",
        "Tidaholm",
        "Lidköping",
    ];
    assert_eq!(p.municipalities, listed);
    let p = article("esf_today_part_two.txt");
    assert_eq!(p.municipalities, ["Boden", "Luleå", "Piteå"]);
}

#[test]
fn a_part_number_stays_in_the_name_and_an_earlier_project_is_not_the_pages() {
    let p = article("esf_today_part_two.txt");
    assert_eq!(p.name.as_deref(), Some("Möjligheterna del 2"));
    assert_eq!(p.owner.as_deref(), Some("Bodens kommun"));
    assert_eq!(p.partners, ["Luleå kommun", "Piteå kommun"]);
    assert_eq!(roles(&p, Role::Partner), ["Luleå kommun", "Piteå kommun"]);
}

#[test]
fn led_by_an_owner_in_cooperation_with_partners() {
    let p = article("esf_today_led_by.txt");
    assert_eq!(p.name.as_deref(), Some("Ung Väg 9.0"));
    assert_eq!(
        p.owner.as_deref(),
        Some("Vuxenutbildningen i Västerviks kommun")
    );
    let partners = [
        "Hultsfreds kommun",
        "Region Kalmar län",
        "Coompanion Kalmar län",
    ];
    assert_eq!(p.partners, partners);
    assert_eq!(roles(&p, Role::Partner), partners);
    assert_eq!(p.municipalities, ["Västervik", "Hultsfred"], "no county");
}

#[test]
fn an_owner_named_twice_keeps_the_partners_of_both_sentences_and_a_person_is_no_place() {
    let p = article("esf_today_two_sentences.txt");
    assert_eq!(p.name.as_deref(), Some("Vägen In"));
    assert_eq!(p.owner.as_deref(), Some("Hofors kommun"));
    assert_eq!(p.partners, ["Arbetsförmedlingen", "Region Gävleborg"]);
    assert_eq!(p.municipalities, ["Hofors"], "not Berg nor Mark of a name");
}

#[test]
fn a_fact_box_below_an_article_gives_its_name_and_owner() {
    let p = article("esf_today_fact_box.txt");
    assert_eq!(p.name.as_deref(), Some("Vägvisaren Gävle"));
    assert_eq!(
        p.owner.as_deref(),
        Some("Gävle kommun, Arbetsmarknadsförvaltningen")
    );
    assert!(roles(&p, Role::Owner).contains(&"Gävle kommun".to_string()));
}

#[test]
fn an_english_esf_article_names_its_project() {
    let page = parse("esf_english.txt");
    assert_eq!(
        page.title.as_deref(),
        Some("Inclusive Steps opens doors to the labour market")
    );
    let p = article("esf_english.txt");
    assert_eq!(p.name.as_deref(), Some("Inclusive Steps"));
    assert_eq!(p.owner, None, "the page names no owner");
    assert_eq!(p.municipalities, ["Jönköping"]);
}

#[test]
fn older_articles_name_their_project_in_the_title_and_the_prose() {
    let p = article("esf_older_title.txt");
    assert_eq!(p.name.as_deref(), Some("Ljusare Framtid"));
    assert_eq!((p.owner, p.partners.len()), (None, 0));
    let p = article("esf_older_single_word.txt");
    assert_eq!(p.name.as_deref(), Some("Kompetenslyftet"));
    assert_eq!(p.owner.as_deref(), Some("Ljusdals kommun"));
}

#[test]
fn a_news_lead_opening_with_the_name() {
    let l = linked("news_lead_som.txt");
    assert_eq!(l.project_name.as_deref(), Some("Vägen Fram"));
    assert_eq!(
        l.owner.as_deref(),
        Some("Arbetsmarknadsenheten i Ronneby kommun")
    );
}

#[test]
fn a_compound_cue_names_the_project() {
    let l = linked("news_unemployment_project.txt");
    assert_eq!(l.project_name.as_deref(), Some("Jobbsteget Sunne"));
    assert_eq!(l.owner.as_deref(), Some("Sunne kommun"));
    assert_eq!(l.partners, ["Arbetsförmedlingen"]);
    assert_eq!(l.municipalities, ["Sunne"]);
}

#[test]
fn an_owners_page_about_its_project_not_the_earlier_one() {
    let l = linked("owner_page_earlier.txt");
    assert_eq!(l.project_name.as_deref(), Some("Nya Steg"));
    assert_eq!(l.owner.as_deref(), Some("Tranemo kommun"));
    assert_eq!(l.partners, ["Svenljunga kommun", "Gislaveds kommun"]);
    assert_eq!(l.municipalities, ["Tranemo", "Svenljunga", "Gislaved"]);
    assert_eq!(l.start_date.as_deref(), Some("2024-03-01"));
    assert_eq!(l.end_date.as_deref(), Some("2027-02-28"));
}

#[test]
fn a_heading_about_the_project_and_prose_saying_who_led_it() {
    let l = linked("owner_page_about.txt");
    assert_eq!(l.project_name.as_deref(), Some("Arbetsglädje Plus"));
    assert_eq!(l.owner.as_deref(), Some("Vuxenutbildningen i Tibro kommun"));
    assert_eq!(l.start_date.as_deref(), Some("2019-01-01"));
}

#[test]
fn names_in_quotes_with_marks_and_broken_over_a_line_are_whole() {
    let l = linked("owner_page_quoted.txt");
    assert_eq!(l.project_name.as_deref(), Some("Starta!"));
    assert_eq!(l.owner.as_deref(), Some("Studieförbundet Framåt"));
    assert!(
        l.partners.is_empty() && l.municipalities.is_empty(),
        "none stated"
    );
    let l = linked("owner_page_wrapped.txt");
    assert_eq!(l.project_name.as_deref(), Some("Plug Ut 2.0"));
    assert_eq!(l.owner.as_deref(), Some("Hylte kommun"));
}

#[test]
fn a_report_templates_labels_flattened_onto_one_line() {
    let page = parse("final_report_flat.txt");
    assert_eq!(page.title.as_deref(), Some("Slutrapport: Jobbfokus Väst"));
    let l = linked("final_report_flat.txt");
    assert_eq!(l.kind, "final_report");
    assert_eq!(l.project_name.as_deref(), Some("Jobbfokus Väst"));
    assert_eq!(l.project_id.as_deref(), Some("2018/00421"));
    assert_eq!(l.owner.as_deref(), Some("Uddevalla kommun"));
    assert_eq!(l.start_date.as_deref(), Some("2018-09-01"));
    assert_eq!(l.end_date.as_deref(), Some("2021-08-31"));
}

#[test]
fn a_final_report_named_in_its_heading() {
    let l = linked("final_report_heading.txt");
    assert_eq!(l.kind, "final_report");
    assert_eq!(l.project_name.as_deref(), Some("Ung Kraft 2"));
    assert_eq!(
        l.owner.as_deref(),
        Some("Arbetsmarknadsförvaltningen i Sandvikens kommun")
    );
    assert_eq!(l.project_id, None, "the report states none");
}

#[test]
fn pages_that_mention_projects_in_passing_name_none() {
    for name in [
        "neg_passing_mention.txt",
        "neg_ordinary_news.txt",
        "neg_esf_statistics.txt",
        "neg_esf_person.txt",
        "neg_other_fund.txt",
        "neg_earlier_only.txt",
        "neg_person_heading.txt",
    ] {
        let page = parse(name);
        assert_eq!(page.format, Format::Unknown, "{name}");
        assert!(page.project.is_none() && page.linked.is_none(), "{name}");
    }
}

#[test]
fn esf_parse_json_gives_the_prose_owner_partners_and_list() {
    let cli = Cli::new();
    let path = format!("{PROSE}/esf_today_led_by.txt");
    let out: Value = serde_json::from_str(&cli.ok(&["parse", &path, "--json"])).unwrap();
    let p = &out[0]["project"];
    assert_eq!(out[0]["format"], "article");
    assert_eq!(p["name"], "Ung Väg 9.0");
    assert_eq!(p["owner"], "Vuxenutbildningen i Västerviks kommun");
    let owner = p["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Vuxenutbildningen i Västerviks kommun")
        .unwrap();
    assert_eq!(owner["role"], "owner");
    assert_eq!(
        p["partners"],
        serde_json::json!([
            "Hultsfreds kommun",
            "Region Kalmar län",
            "Coompanion Kalmar län"
        ])
    );
    let path = format!("{PROSE}/owner_page_earlier.txt");
    let out: Value = serde_json::from_str(&cli.ok(&["parse", &path, "--json"])).unwrap();
    let l = &out[0]["linked"];
    assert_eq!(
        (&l["project_name"], &l["owner"]),
        (&"Nya Steg".into(), &"Tranemo kommun".into())
    );
    assert_eq!(
        l["partners"],
        serde_json::json!(["Svenljunga kommun", "Gislaveds kommun"])
    );
    let path = format!("{PROSE}/neg_ordinary_news.txt");
    let out: Value = serde_json::from_str(&cli.ok(&["parse", &path, "--json"])).unwrap();
    assert_eq!(out[0]["format"], "unknown");
    assert!(out[0]["project"].is_null() && out[0]["linked"].is_null());
}

#[test]
fn prose_of_any_shape_never_panics_the_reader() {
    // Cues, marks and letters that change length when lower-cased, in
    // every order a simple generator gives: each page is read or not,
    // never a panic.
    const PIECES: &[&str] = &[
        "Svenska ESF-rådet\n",
        "projektet ",
        "Socialfondsprojektet ",
        "The project ",
        "İ",
        "ẞ",
        "Nya ",
        "Steg",
        " är projektägare",
        "Projektägare är ",
        " ägs av ",
        " i samarbete med ",
        "kommunerna är ",
        "tio kommuner - ",
        "Skara, ",
        "och ",
        "”",
        "!",
        "2.0",
        ".",
        "\n",
        "\n\n",
        ", som finansieras av Europeiska socialfonden",
        "Slutredovisning av projekt ",
        "Projektnamn: ",
        " Diarienummer: ",
        "Om ",
        "–",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut page = String::new();
        for _ in 0..24 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            page.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let _ = parse_bytes("generated.txt", page.as_bytes());
    }
}
