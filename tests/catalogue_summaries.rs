//! The list's summaries are kept compactly (one buffer per column, shared
//! values once, dates as numbers); every summary must come back exactly
//! as the cache gives it, and sort as the written values do.

mod common;

use esf_browser::catalogue::summaries::Summaries;
use esf_browser::catalogue::{Catalogue, SortKey};
use esf_browser::import::Input;
use esf_browser::model::ProjectSummary;
use proptest::prelude::*;

#[test]
fn the_compact_list_gives_the_summaries_the_cache_holds() {
    let store = common::store_of(&Input::sample());
    let cat = Catalogue::load(&store).unwrap();
    let kept: Vec<ProjectSummary> = cat.projects.iter().collect();
    assert_eq!(kept, store.summaries().unwrap());
    assert_eq!(kept.len(), 5);
    for (i, p) in kept.iter().enumerate() {
        assert_eq!(store.summary_of(&p.key).unwrap().as_ref(), Some(p));
        assert_eq!(cat.projects.key(i), p.key);
    }
    // Read from the documents: the legacy page has no diarienummer.
    let at = |key: &str| cat.projects.keys().position(|k| k == key).unwrap();
    let legacy = at("x-552c407c19");
    assert_eq!(cat.projects.id(legacy), None);
    assert_eq!(cat.projects.id(at("2015/00730")), Some("2015/00730"));
    let nya = cat.projects.get(at("22-002-S07"));
    assert_eq!(nya.shown_id(), "22-002-S07");
}

/// A summary with every field given, to be taken apart by the tests.
fn full(key: &str, name: &str) -> ProjectSummary {
    ProjectSummary {
        key: key.into(),
        id: Some(key.into()),
        name: Some(name.into()),
        owner: Some("Vellinge kommun".into()),
        region: Some("Sydsverige".into()),
        fund: Some("ESF+".into()),
        programme_period: Some("2021-2027".into()),
        start_date: Some("2016-02-01".into()),
        end_date: Some("2019-01-31".into()),
        total_budget_sek: Some(8_866_642),
        esf_grant_sek: Some(974_500),
    }
}

fn unusual() -> Vec<ProjectSummary> {
    let nothing = ProjectSummary {
        key: "x-0000000001".into(),
        ..ProjectSummary::default()
    };
    let empty_texts = ProjectSummary {
        name: Some(String::new()),
        owner: Some(String::new()),
        id: Some(String::new()),
        ..full("x-0000000002", "")
    };
    let written_otherwise = ProjectSummary {
        id: Some("22-002-s07".into()),
        start_date: Some("1 februari 2016".into()),
        end_date: Some("2019-1-31".into()),
        ..full("22-002-S07", "Nya Vägar")
    };
    let not_ascii = ProjectSummary {
        id: Some("Ö-2015/0073ä".into()),
        owner: Some("Samordningsförbundet Göteborg Nordost".into()),
        region: Some("Övre Norrland".into()),
        ..full("Ö-2015/0073Ä", "Ärende \u{202e}med styrtecken")
    };
    let money = ProjectSummary {
        total_budget_sek: Some(i64::MIN),
        esf_grant_sek: Some(0),
        fund: None,
        ..full("2015/00730", "Effektbutiken")
    };
    let no_money = ProjectSummary {
        total_budget_sek: None,
        esf_grant_sek: Some(i64::MAX),
        start_date: None,
        ..full("2015/00731", "Utan budget")
    };
    vec![
        nothing,
        empty_texts,
        written_otherwise,
        not_ascii,
        money,
        no_money,
    ]
}

#[test]
fn summaries_with_missing_and_unusual_fields_come_back_whole() {
    let mut kept = Summaries::default();
    let given = unusual();
    for p in &given {
        kept.push(p);
    }
    kept.shrink_to_fit();
    let back: Vec<ProjectSummary> = kept.iter().collect();
    assert_eq!(back, given);
    assert_eq!(kept.start_date(2).unwrap().as_str(), "1 februari 2016");
    assert_eq!(kept.get(3).shown_id(), "Ö-2015/0073ä");
    assert_eq!(kept.get(2).shown_id(), "22-002-s07");
    assert_eq!(kept.id(0), None);
    assert_eq!(kept.id(1), Some(""));
}

#[test]
fn generated_projects_come_back_whole() {
    let pool = esf_browser::gen::Pool::new(7);
    let given: Vec<ProjectSummary> = (0..2_000)
        .map(|i| esf_browser::gen::summary(&esf_browser::gen::project(&pool, 7, i)).0)
        .collect();
    let mut kept = Summaries::default();
    for p in &given {
        kept.push(p);
    }
    assert_eq!(kept.len(), 2_000);
    for (i, p) in given.iter().enumerate() {
        assert_eq!(&kept.get(i), p, "project {i}");
    }
}

/// Projects named A to F in list order with these start dates, budgets
/// and regions.
fn sortable() -> Catalogue {
    let rows = [
        ("A", Some("2016-02-01"), Some(5), Some("Västsverige")),
        ("B", None, None, None),
        (
            "C",
            Some("1 feb 2016"),
            Some(-3),
            Some("Norra Mellansverige"),
        ),
        (
            "D",
            Some("2015-12-31"),
            Some(5),
            Some("Östra Mellansverige"),
        ),
        ("E", Some("2016-02-01"), Some(900), Some("Västsverige")),
        ("F", Some("2016-02"), None, Some("Sydsverige")),
    ];
    let entries = rows
        .into_iter()
        .map(|(name, start, budget, region)| {
            let p = ProjectSummary {
                key: format!("k-{}", 6 - name.as_bytes()[0] % 8),
                name: Some(name.into()),
                start_date: start.map(Into::into),
                total_budget_sek: budget,
                region: region.map(Into::into),
                ..ProjectSummary::default()
            };
            (p, String::new())
        })
        .collect();
    Catalogue::new(entries)
}

fn sorted(cat: &Catalogue, key: SortKey, reversed: bool) -> String {
    let mut rows: Vec<usize> = (0..cat.projects.len()).collect();
    cat.sort_in(&mut rows, key, reversed);
    rows.iter()
        .map(|&i| cat.projects.name(i).unwrap())
        .collect()
}

#[test]
fn every_sort_orders_by_the_values_as_written() {
    let cat = sortable();
    // Texts in character order ("1 feb" before "2015"), missing last.
    assert_eq!(sorted(&cat, SortKey::Start, false), "CDFAEB");
    assert_eq!(sorted(&cat, SortKey::Start, true), "EAFDCB");
    assert_eq!(sorted(&cat, SortKey::End, false), "ABCDEF");
    // Money largest first, ties in name order.
    assert_eq!(sorted(&cat, SortKey::Budget, false), "EADCBF");
    assert_eq!(sorted(&cat, SortKey::Budget, true), "CDAEFB");
    assert_eq!(sorted(&cat, SortKey::Region, false), "CFAEDB");
    assert_eq!(sorted(&cat, SortKey::Id, false), "FEDCBA");
    assert_eq!(sorted(&cat, SortKey::Name, true), "FEDCBA");
}

fn text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[a-zA-Z0-9åäöÅÄÖ /\\-\u{202e}\u{7}]{0,12}")
}

fn date() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9 a-z\\-]{0,11}"
    ])
}

prop_compose! {
    fn summary()(key in "[a-zA-Z0-9åÖ/\\-]{0,12}", id in text(), name in text(), owner in text(),
                 region in text(), fund in text(), period in text(), start in date(),
                 end in date(), budget in any::<Option<i64>>(), grant in any::<Option<i64>>(),
                 same in any::<bool>()) -> ProjectSummary {
        ProjectSummary {
            id: if same { Some(key.clone()) } else { id },
            key, name, owner, region, fund, programme_period: period,
            start_date: start, end_date: end, total_budget_sek: budget, esf_grant_sek: grant,
        }
    }
}

proptest! {
    #[test]
    fn any_summary_comes_back_as_it_went_in(given in proptest::collection::vec(summary(), 0..40)) {
        let mut kept = Summaries::default();
        for p in &given {
            kept.push(p);
        }
        let back: Vec<ProjectSummary> = kept.iter().collect();
        prop_assert_eq!(back, given);
    }
}
