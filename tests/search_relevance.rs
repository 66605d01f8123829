//! Relevance of the search box: for each query, the projects a person
//! reading the documents would expect, nothing more, the best first where
//! it matters, and why each matched. Expectations are written from the
//! documents (`assets/corpus/`) and from the fixture below, never from the
//! program's output.

mod common;

use esf_browser::catalogue::Catalogue;
use esf_browser::import::Input;
use esf_browser::model::{FacetRow, ProjectSummary};
use esf_browser::search::fields::Field;
use std::collections::BTreeSet;

// The sample corpus.
const EFFEKTBUTIKEN: &str = "2015/00730";
const ARBETSLIV: &str = "2020/00551";
const NYA_VAGAR: &str = "22-002-S07";
/// Inkluderande rehabilitering, Samordningsförbundet Göteborg Nordost.
const INKL_NORDOST: &str = "x-552c407c19";
/// Inkluderande rehabilitering, Samordningsförbundet Hisingen.
const INKL_HISINGEN: &str = "x-9ac20b5b50";

fn sample() -> Catalogue {
    Catalogue::load(&common::store_of(&Input::sample())).unwrap()
}

fn found(cat: &Catalogue, query: &str) -> BTreeSet<String> {
    cat.filter(query)
        .iter()
        .map(|m| cat.projects.key(m.index).to_string())
        .collect()
}

fn top(cat: &Catalogue, query: &str) -> String {
    let first = cat.filter(query).first().expect("something is found").index;
    cat.projects.key(first).to_string()
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

/// Each query with exactly the projects it should find.
fn expect_all(cat: &Catalogue, cases: &[(&str, &[&str])]) {
    let mut wrong = Vec::new();
    for (query, keys) in cases {
        let got = found(cat, query);
        if got != set(keys) {
            wrong.push(format!("{query:?}: expected {keys:?}, found {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn place_names_find_the_projects_that_name_them_and_no_others() {
    expect_all(
        &sample(),
        &[
            ("vellinge", &[NYA_VAGAR]),
            // A partner of Nya Vägar is Vuxenpsykiatrin Trelleborg/Malmö.
            ("malmo", &[NYA_VAGAR]),
            ("malmö", &[NYA_VAGAR]),
            // Göteborgs Stad owns effektbutiken and is named by Arbetsliv;
            // Göteborg is a municipality of Inkluderande (Nordost).
            ("goteborg", &[EFFEKTBUTIKEN, ARBETSLIV, INKL_NORDOST]),
            ("GÖTEBORG", &[EFFEKTBUTIKEN, ARBETSLIV, INKL_NORDOST]),
            ("bergsjön", &[ARBETSLIV]),
            ("bergsjon", &[ARBETSLIV]),
            ("kungälv", &[INKL_NORDOST]),
            ("tjorn", &[INKL_NORDOST]),
            // Lund is named nowhere; Frölunda is not Lund.
            ("lund", &[]),
            ("sydsverige", &[NYA_VAGAR]),
            (
                "västsverige",
                &[EFFEKTBUTIKEN, ARBETSLIV, INKL_NORDOST, INKL_HISINGEN],
            ),
        ],
    );
}

#[test]
fn names_and_diarienummer() {
    let cat = sample();
    expect_all(
        &cat,
        &[
            ("effektbutiken", &[EFFEKTBUTIKEN]),
            ("rehab", &[INKL_NORDOST, INKL_HISINGEN]),
            (
                "inkluderande rehabilitering",
                &[INKL_NORDOST, INKL_HISINGEN],
            ),
            ("2015/00730", &[EFFEKTBUTIKEN]),
            ("22-002", &[NYA_VAGAR]),
            ("nya vägar", &[NYA_VAGAR]),
            ("nordost", &[ARBETSLIV, INKL_NORDOST]),
        ],
    );
    assert_eq!(top(&cat, "nordost"), ARBETSLIV, "in its name, then by name");
}

#[test]
fn a_typo_still_finds_the_project_first() {
    let cat = sample();
    assert_eq!(found(&cat, "efektbutik"), set(&[EFFEKTBUTIKEN]));
    assert_eq!(top(&cat, "efektbutikn"), EFFEKTBUTIKEN);
    assert_eq!(found(&cat, "velinge"), set(&[NYA_VAGAR]));
    assert_eq!(
        found(&cat, "rehabilitring"),
        set(&[INKL_NORDOST, INKL_HISINGEN])
    );
}

#[test]
fn organisations_by_role() {
    expect_all(
        &sample(),
        &[
            // Partner of Nya Vägar, named in effektbutiken's text.
            ("försäkringskassan", &[EFFEKTBUTIKEN, NYA_VAGAR]),
            ("org:forsakringskassan", &[EFFEKTBUTIKEN, NYA_VAGAR]),
            ("partner:försäkringskassan", &[NYA_VAGAR]),
            (
                "arbetsförmedlingen",
                &[EFFEKTBUTIKEN, NYA_VAGAR, INKL_NORDOST],
            ),
            ("arbetsförmedlingen kungälv", &[INKL_NORDOST]),
            // Socialförvaltning Nordost, which owns Arbetsliv och hälsa
            // Nordost, is a unit of Göteborgs Stad.
            ("owner:göteborg", &[EFFEKTBUTIKEN, INKL_NORDOST, ARBETSLIV]),
            ("ägare:vellinge", &[NYA_VAGAR]),
            ("nötkärnan", &[ARBETSLIV]),
            (
                "samordningsförbundet hisingen",
                &[INKL_NORDOST, INKL_HISINGEN],
            ),
        ],
    );
}

#[test]
fn a_query_found_whole_in_one_text_comes_first() {
    // Both have a Samordningsförbundet; only one is the one on Hisingen
    // (the other has Norra Hisingen as a partner).
    assert_eq!(
        top(&sample(), "samordningsförbundet hisingen"),
        INKL_HISINGEN
    );
}

#[test]
fn fields_by_name_in_english_and_swedish() {
    expect_all(
        &sample(),
        &[
            ("kommun:ale", &[INKL_NORDOST]),
            ("municipality:partille", &[INKL_NORDOST]),
            ("namn:vellinge", &[NYA_VAGAR]),
            ("name:göteborg", &[]),
            ("id:2015", &[EFFEKTBUTIKEN]),
            ("dnr:22-002", &[NYA_VAGAR]),
            ("region:syd", &[NYA_VAGAR]),
            ("unknown:vellinge", &[]),
        ],
    );
}

#[test]
fn the_fzf_marks() {
    expect_all(
        &sample(),
        &[
            ("'vellinge", &[NYA_VAGAR]),
            ("^nya", &[NYA_VAGAR]),
            ("^vägar", &[]),
            // Göteborgs Stad (the municipality Inkluderande names as
            // Göteborg) ends with "Stad"; Göteborgs Stad Centrum does not.
            ("stad$", &[EFFEKTBUTIKEN, ARBETSLIV, INKL_NORDOST]),
            ("^arbetsförmedlingen$", &[EFFEKTBUTIKEN, NYA_VAGAR]),
            // Nya Vägar's partner is in Trelleborg/Malmö.
            ("vellinge !malmo", &[]),
            ("inkluderande !kungälv", &[INKL_HISINGEN]),
            ("inkluderande !kommun:kungälv", &[INKL_HISINGEN]),
            ("rehab !org:hisingen", &[]),
            ("vellinge | bergsjön", &[NYA_VAGAR, ARBETSLIV]),
            ("vellinge OR bergsjön", &[NYA_VAGAR, ARBETSLIV]),
            ("vellinge ELLER bergsjön", &[NYA_VAGAR, ARBETSLIV]),
            ("ale | lund", &[INKL_NORDOST]),
        ],
    );
}

#[test]
fn hostile_input_is_text_and_never_an_error() {
    let cat = sample();
    for query in [
        "-",
        "/",
        "\"",
        "*",
        "AND",
        "(",
        ")",
        "'",
        "!",
        "^",
        "$",
        "|",
        "OR",
        "::",
        "\u{1b}[2J",
        "a:b:c",
        "\"vellinge",
        "(vellinge)",
    ] {
        let _ = cat.filter(query);
    }
    assert_eq!(found(&cat, "").len(), 5, "an empty box lists everything");
    assert_eq!(found(&cat, "   ").len(), 5);
    assert_eq!(found(&cat, "covid-19"), set(&[]));
    assert_eq!(
        found(&cat, "! ^ '"),
        found(&cat, ""),
        "marks alone are no terms"
    );
}

#[test]
fn every_match_says_where_and_what() {
    let cat = sample();
    let at = |key: &str| cat.projects.keys().position(|k| k == key).unwrap();
    let reasons = cat.explain(at(NYA_VAGAR), "malmo");
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].field, Field::Partner);
    assert_eq!(reasons[0].text, "Vuxenpsykiatrin Trelleborg/Malmö");
    let lit: String = reasons[0]
        .positions
        .iter()
        .map(|&i| reasons[0].text.chars().nth(i).unwrap())
        .collect();
    assert_eq!(lit, "Malmö");

    let reasons = cat.explain(at(ARBETSLIV), "bergsjon nordost");
    let fields: Vec<Field> = reasons.iter().map(|r| r.field).collect();
    assert_eq!(fields, [Field::Partner, Field::Name]);
    assert_eq!(reasons[0].text, "Nötkärnan i Bergsjön");
}

/// Key, name, owner and the other fields of a project.
type Made = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(Field, &'static str)],
);

/// Projects of our own, for what the sample corpus does not have.
fn fixture() -> Catalogue {
    let projects: &[Made] = &[
        (
            "D-1",
            "Digitala steg Jämtland",
            "Region Jämtland Härjedalen",
            &[
                (Field::Partner, "Arbetsförmedlingen Östersund"),
                (Field::Municipality, "Malung-Sälen"),
                (Field::Municipality, "Östersund"),
            ],
        ),
        (
            "S-1",
            "Stegvis in i arbete",
            "Lunds kommun",
            &[(Field::Municipality, "Lund")],
        ),
        (
            "F-1",
            "Frölunda framtid",
            "SDF Askim-Frölunda-Högsbo",
            &[(Field::Municipality, "Göteborg")],
        ),
        (
            "A-1",
            "Arbetsmarknadsinsatser för unga",
            "Malmö stad",
            &[(Field::Municipality, "Malmö")],
        ),
    ];
    let mut sorted = projects.to_vec();
    sorted.sort_by_key(|p| p.1.to_lowercase());
    catalogue_of(&sorted)
}

/// A catalogue of made projects in the order given, each owner also a
/// field of its own.
fn catalogue_of(projects: &[Made]) -> Catalogue {
    let mut cat = Catalogue::default();
    for &(key, name, owner, fields) in projects {
        let summary = ProjectSummary {
            key: key.to_string(),
            name: Some(name.to_string()),
            owner: Some(owner.to_string()),
            ..ProjectSummary::default()
        };
        let mut all = fields.to_vec();
        all.push((Field::Owner, owner));
        cat.push_faceted(summary, &all, &FacetRow::default());
    }
    cat
}

#[test]
fn own_fixture_words_whole_and_misspelt() {
    let cat = fixture();
    expect_all(
        &cat,
        &[
            // Malung-Sälen and Östersund hold m, a, l, o but not "malmo".
            ("malmo", &["A-1"]),
            ("lund", &["S-1"]),
            ("frölunda", &["F-1"]),
            ("jamtland", &["D-1"]),
            ("ostersund", &["D-1"]),
            ("östersund", &["D-1"]),
            ("stegvs", &["S-1"]),
            ("steg", &["D-1", "S-1"]),
            ("digitala | stegvis", &["D-1", "S-1"]),
            // A word that starts a compound finds the compound.
            ("arbetsmarknad", &["A-1"]),
            ("insatser", &["A-1"]),
            ("owner:lund", &["S-1"]),
            ("kommun:göteborg", &["F-1"]),
        ],
    );
    assert_eq!(top(&cat, "stegvs"), "S-1");
    assert_eq!(
        top(&cat, "steg"),
        "S-1",
        "a name's start before a later word"
    );
}

/// The search box with the cache's texts, as `esf list --filter` runs it.
fn searched(store: &esf_browser::store::Store, cat: &Catalogue, query: &str) -> Vec<String> {
    let found = cat.search(query, store).unwrap();
    found
        .iter()
        .map(|m| cat.projects.key(m.index).to_string())
        .collect()
}

#[test]
fn texts_are_searched_by_word_form_below_field_matches() {
    let store = common::store_of(&Input::sample());
    let cat = Catalogue::load(&store).unwrap();
    let as_set = |keys: Vec<String>| keys.into_iter().collect::<BTreeSet<_>>();
    // IPS is named in the descriptions of effektbutiken and Nya Vägar.
    assert_eq!(
        as_set(searched(&store, &cat, "ips")),
        set(&[EFFEKTBUTIKEN, NYA_VAGAR])
    );
    // Four descriptions speak of psykisk ohälsa, one as "den psykiska
    // ohälsan"; Arbetsliv's speaks of hälsa, not ohälsa.
    let ill = set(&[EFFEKTBUTIKEN, NYA_VAGAR, INKL_NORDOST, INKL_HISINGEN]);
    assert_eq!(as_set(searched(&store, &cat, "psykisk ohälsa")), ill);
    assert_eq!(as_set(searched(&store, &cat, "psykiska ohälsan")), ill);
    // Hisingen: the owner of one, a partner of another, and where
    // effektbutiken's activity houses are, in its text only: last.
    let hisingen = searched(&store, &cat, "hisingen");
    assert_eq!(
        as_set(hisingen.clone()),
        set(&[EFFEKTBUTIKEN, INKL_NORDOST, INKL_HISINGEN])
    );
    assert_eq!(hisingen.last().unwrap(), EFFEKTBUTIKEN);
    assert_eq!(
        searched(&store, &cat, "namn:hisingen"),
        Vec::<String>::new()
    );
    for query in [
        "IPS-metoden",
        "2015/00730",
        "covid-19",
        "\"",
        "*",
        "AND ( )",
        "a\"b",
    ] {
        cat.search(query, &store).expect("never an error");
    }
}

#[test]
fn a_text_match_shows_the_words_around_it() {
    let store = common::store_of(&Input::sample());
    let cat = Catalogue::load(&store).unwrap();
    let at = cat
        .projects
        .iter()
        .position(|p| p.key == NYA_VAGAR)
        .unwrap();
    let reasons = cat.explain_with_text(at, "ips", &store);
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].field, Field::Text);
    let lit: String = reasons[0]
        .positions
        .iter()
        .map(|&i| reasons[0].text.chars().nth(i).unwrap())
        .collect();
    assert_eq!(lit, "IPS");
    assert!(!reasons[0].text.contains('\n'), "one line");
}

/// The browser's text matches: a first page, then every match.
#[test]
fn text_matches_come_as_a_first_page_then_all_of_them() {
    use esf_browser::catalogue::texts::{answer, first_page};
    let store = common::store_of(&Input::sample());
    // Terms ANDed are groups of their own.
    let keys = |a: &esf_browser::catalogue::texts::TextAnswer, group: usize| -> BTreeSet<String> {
        let found = a.found.iter().find(|f| f.group == group).expect("the term");
        found.keys.iter().cloned().collect()
    };
    // "psykiska" stands in all five descriptions, "ohälsa" in all but
    // Arbetsliv och hälsa Nordost's.
    let both = [EFFEKTBUTIKEN, NYA_VAGAR, INKL_NORDOST, INKL_HISINGEN];
    let page = first_page(&store, "psykisk ohälsa");
    assert!(!page.complete, "one term's other texts are still to come");
    assert_eq!(keys(&page, 0), set(&both), "first, the texts holding both");
    assert_eq!(keys(&page, 1), set(&both));
    assert!(page.snippets.contains_key(NYA_VAGAR));
    let all = answer(&store, "psykisk ohälsa");
    assert!(all.complete);
    let mut five = both.to_vec();
    five.push(ARBETSLIV);
    assert_eq!(keys(&all, 0), set(&five));
    assert_eq!(keys(&all, 1), set(&both));
    // One term: the first page is every match when there are few.
    let one = first_page(&store, "ohälsa");
    assert!(one.complete);
    assert_eq!(keys(&one, 0), set(&both));
}

/// The sample corpus in a cache of its own, for what needs the texts.
fn sample_cli() -> common::Cli {
    let cli = common::Cli::new();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");
    cli.ok(&["import", corpus]);
    cli
}

fn listed(cli: &common::Cli, args: &[&str]) -> BTreeSet<String> {
    let out = cli.answer(args);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_default();
    rows.iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_excluded_term_leaves_out_what_the_term_alone_finds_in_texts() {
    let cli = sample_cli();
    // effektbutiken names Hisingen only in its description ("Aktivitetshusen
    // ligger på Hisingen"); Inkluderande (Nordost) has Norra Hisingen as a
    // partner; Arbetsliv och hälsa Nordost names it nowhere.
    let alone = listed(&cli, &["list", "--filter", "hisingen", "--json"]);
    assert!(alone.contains(EFFEKTBUTIKEN), "{alone:?}");
    let without = listed(&cli, &["list", "--filter", "göteborg !hisingen", "--json"]);
    assert_eq!(without, set(&[ARBETSLIV]));
}

#[test]
fn a_diarienummer_given_to_the_text_search_finds_its_project() {
    let cli = sample_cli();
    let found = listed(&cli, &["search", "2015/00730", "--json"]);
    assert_eq!(found, set(&[EFFEKTBUTIKEN]));
    let made = listed(&cli, &["search", INKL_HISINGEN, "--json"]);
    assert_eq!(made, set(&[INKL_HISINGEN]));
}

/// Projects that name one organisation in different roles, made up.
fn organisations_fixture() -> Catalogue {
    let projects: &[Made] = &[
        // Mentioned only, names earlier in the alphabet than the others.
        (
            "M-1",
            "Aktiva steg",
            "Lunds kommun",
            &[(Field::Mentioned, "Försäkringskassan")],
        ),
        (
            "M-2",
            "Bro till arbete",
            "Eslövs kommun",
            &[(Field::Mentioned, "Arbetsförmedlingen Göteborg")],
        ),
        (
            "P-1",
            "Vägen vidare",
            "Samordningsförbundet Väst",
            &[(Field::Partner, "Försäkringskassan")],
        ),
        (
            "P-2",
            "Ökad hälsa",
            "Göteborgs Stad",
            &[(Field::Partner, "Arbetsförmedlingen Göteborg")],
        ),
        // Both words, each whole, but in two fields.
        (
            "S-2",
            "Cirkeln",
            "Arbetsförmedlingen",
            &[(Field::Municipality, "Göteborg")],
        ),
    ];
    catalogue_of(projects)
}

fn ranked(cat: &Catalogue, query: &str) -> Vec<String> {
    cat.filter(query)
        .iter()
        .map(|m| cat.projects.key(m.index).to_string())
        .collect()
}

#[test]
fn an_owner_or_partner_ranks_above_a_mention() {
    let cat = organisations_fixture();
    assert_eq!(ranked(&cat, "försäkringskassan"), ["P-1", "M-1"]);
}

#[test]
fn a_name_found_whole_in_one_field_ranks_above_its_words_spread_over_fields() {
    let cat = organisations_fixture();
    // The partner named exactly so first; then the project Arbetsförmedlingen
    // owns in Göteborg (a role, its words in two fields); the project that
    // only mentions it, last.
    assert_eq!(
        ranked(&cat, "arbetsförmedlingen göteborg"),
        ["P-2", "S-2", "M-2"]
    );
}

#[test]
fn abbreviations_caseworkers_write_find_their_organisation() {
    expect_all(
        &sample(),
        &[
            // Nya Vägar has Försäkringskassan as a partner; effektbutiken
            // names it in its text.
            ("fk", &[NYA_VAGAR, EFFEKTBUTIKEN]),
            ("FK", &[NYA_VAGAR, EFFEKTBUTIKEN]),
            // Arbetsförmedlingen: ten offices of the pre-study's partners,
            // named by effektbutiken and Nya Vägar.
            ("af", &[INKL_NORDOST, EFFEKTBUTIKEN, NYA_VAGAR]),
            ("fk vellinge", &[NYA_VAGAR]),
        ],
    );
}
