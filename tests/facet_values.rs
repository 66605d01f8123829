//! The organisation and municipality facets, whose values are read from
//! the search box's links: their values and counts written by hand, for
//! a project with several organisations, an organisation in several
//! projects, units counted for the organisation they belong to (also
//! where the project does not name it), a value named twice in one
//! project, and values written with a space after them.

mod common;

use common::Cli;
use esf_browser::catalogue::facets::{Facet, Filters, Notes};
use esf_browser::catalogue::Catalogue;
use esf_browser::model::{FacetRow, ProjectSummary};
use esf_browser::search::fields::Field;
use serde_json::Value;

const NO_NOTES: Notes = &|_| None;

fn add(catalogue: &mut Catalogue, key: &str, fields: &[(Field, &str)], row: FacetRow) {
    let summary = ProjectSummary {
        key: key.into(),
        name: Some(format!("Projekt {key}")),
        region: Some("Västsverige".into()),
        ..ProjectSummary::default()
    };
    catalogue.push_faceted(summary, fields, &row);
}

/// Four projects, in name order: a, b, c, d.
fn catalogue() -> Catalogue {
    let mut c = Catalogue::default();
    let fields = [
        (Field::Owner, "Göteborgs Stad"),
        (Field::Partner, "Göteborgs Stad"),
        (Field::Partner, "SDF Örgryte"),
        (Field::Partner, "Försäkringskassan"),
        (Field::Municipality, "Göteborg"),
        (Field::MunicipalityInText, "Göteborg"),
        (Field::MunicipalityInText, "Partille"),
    ];
    let row = FacetRow {
        organisations: vec![
            "Göteborgs Stad",
            "Göteborgs Stad",
            "SDF Örgryte",
            "Försäkringskassan",
        ],
        parents: vec![("SDF Örgryte", "Göteborgs Stad")],
        municipalities: vec!["Göteborg", "Göteborg", "Partille"],
        ..FacetRow::default()
    };
    add(&mut c, "a", &fields, row);
    // Göteborgs Stad only through its unit; Göteborg not among the fields.
    let fields = [
        (Field::Partner, "Västra Hisingen"),
        (Field::Owner, "Försäkringskassan"),
        (Field::Mentioned, "Arbetsförmedlingen "),
    ];
    let row = FacetRow {
        organisations: vec![
            "Västra Hisingen",
            "Försäkringskassan",
            "Arbetsförmedlingen ",
        ],
        parents: vec![("Västra Hisingen", "Göteborgs Stad")],
        municipalities: vec!["Göteborg"],
        ..FacetRow::default()
    };
    add(&mut c, "b", &fields, row);
    let fields = [
        (Field::Municipality, "Borås stad"),
        (Field::Municipality, "Borås"),
        (Field::Mentioned, "Försäkringskassan"),
    ];
    let row = FacetRow {
        organisations: vec!["Borås stad", "Försäkringskassan"],
        municipalities: vec!["Borås"],
        ..FacetRow::default()
    };
    add(&mut c, "c", &fields, row);
    add(&mut c, "d", &[], FacetRow::default());
    c
}

fn counts(c: &Catalogue, facet: Facet, filters: &Filters) -> Vec<(String, usize)> {
    let every: Vec<usize> = (0..c.projects.len()).collect();
    c.facet_counts(facet, &every, filters, NO_NOTES)
}

fn pairs(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
    expected.iter().map(|&(v, n)| (v.to_string(), n)).collect()
}

fn chosen(choices: &[(Facet, &str)]) -> Filters {
    let mut filters = Filters::default();
    for &(facet, value) in choices {
        filters.chosen.insert(facet, value.to_string());
    }
    filters
}

fn keys(c: &Catalogue, filters: &Filters) -> Vec<String> {
    let mut rows: Vec<usize> = (0..c.projects.len()).collect();
    c.apply_facets(&mut rows, filters, NO_NOTES);
    rows.iter()
        .map(|&i| c.projects.key(i).to_string())
        .collect()
}

#[test]
fn organisations_count_once_a_project_with_their_units_counted_for_their_parent() {
    let c = catalogue();
    assert_eq!(
        counts(&c, Facet::Organisation, &Filters::default()),
        pairs(&[
            ("Försäkringskassan", 3),
            ("Göteborgs Stad", 2),
            ("Arbetsförmedlingen ", 1),
            ("Borås stad", 1),
            ("SDF Örgryte", 1),
            ("Västra Hisingen", 1),
        ])
    );
    assert_eq!(
        counts(&c, Facet::Municipality, &Filters::default()),
        pairs(&[("Göteborg", 2), ("Borås", 1), ("Partille", 1)])
    );
    let gothenburg = chosen(&[(Facet::Organisation, "göteborgs stad")]);
    assert_eq!(keys(&c, &gothenburg), ["a", "b"]);
    assert_eq!(
        counts(&c, Facet::Municipality, &gothenburg),
        pairs(&[("Göteborg", 2), ("Partille", 1)])
    );
    let unit = chosen(&[(Facet::Organisation, "SDF Örgryte")]);
    assert_eq!(keys(&c, &unit), ["a"]);
    let spaced = chosen(&[(Facet::Organisation, "Arbetsförmedlingen")]);
    assert_eq!(keys(&c, &spaced), ["b"]);
    let both = chosen(&[
        (Facet::Organisation, "Försäkringskassan"),
        (Facet::Municipality, "Borås"),
    ]);
    assert_eq!(keys(&c, &both), ["c"]);
    assert_eq!(
        counts(
            &c,
            Facet::Organisation,
            &chosen(&[(Facet::Municipality, "Göteborg")])
        ),
        pairs(&[
            ("Försäkringskassan", 2),
            ("Göteborgs Stad", 2),
            ("Arbetsförmedlingen ", 1),
            ("SDF Örgryte", 1),
            ("Västra Hisingen", 1),
        ])
    );
    assert!(c.facets.is_unit("Västra Hisingen") && !c.facets.is_unit("Göteborgs Stad"));
}

/// `esf list --json` rows as (value, projects).
fn listed_counts(cli: &Cli, args: &[&str]) -> Vec<(String, u64)> {
    let mut all = vec!["list", "--json"];
    all.extend(args);
    let rows: Vec<Value> = serde_json::from_str(&cli.answer(&all)).unwrap();
    let pair = |r: &Value| {
        (
            r["value"].as_str().unwrap().to_string(),
            r["projects"].as_u64().unwrap(),
        )
    };
    rows.iter().map(pair).collect()
}

#[test]
fn the_organisation_facet_of_imported_documents_counts_units_and_their_parent_once() {
    let cli = Cli::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/organisations");
    cli.ok(&["import", fixtures]);
    // Read from the documents: 22-031-S09 (Göteborg) has Göteborgs Stad
    // and three of its units; 23-011-S02 and 24-002-S05 are in Borås.
    let expected: Vec<(String, u64)> = [
        ("Borås stad", 2),
        ("Försäkringskassan", 2),
        ("Sjuhärads Samordningsförbund", 2),
        ("Göteborgs Stad", 1),
        ("SDF Örgryte", 1),
        ("Socialförvaltning Hisingen", 1),
        ("Västra Hisingen", 1),
    ]
    .iter()
    .map(|&(v, n)| (v.to_string(), n))
    .collect();
    let west = ["--facet", "org", "--region", "Västsverige"];
    assert_eq!(listed_counts(&cli, &west), expected);
    let all = listed_counts(&cli, &["--facet", "org"]);
    assert_eq!(all.len(), 12, "{all:?}");
    assert!(all.contains(&("Göteborgs Stad".to_string(), 1)));
}
