//! Facets and exports on the sample corpus through the real binary. The
//! counts are written by hand from the five documents:
//! - 000 effektbutiken: Västsverige, ESF 2014–2020, area 2, objective 2.3,
//!   2016-02-01 – 2019-01-31, Göteborgs Stad, Arbetsförmedlingen in prose
//! - 001 Arbetsliv och hälsa Nordost: Västsverige, ESF 2014–2020, area 2,
//!   objective 2.1, 2021-02-01 – 2023-01-31
//! - 002 Nya Vägar i Vellinge +: Sydsverige, ESF+ 2021–2027, area A,
//!   objective A2A, 2023-03-01 – 2026-02-28
//! - 003 (article) Inkluderande rehabilitering, Hisingen: Västsverige,
//!   area 2.1 (2014–2020), no dates
//! - 004 Inkluderande rehabilitering, pre-study: Västsverige, area 2
//!   Ökat arbetskraftsutbud (2007–2013), phase Genomförande,
//!   2014-01-02 – 2014-10-31, ten municipalities (Partille among them),
//!   ten Arbetsförmedlingen offices

use serde_json::Value;

mod common;

use common::Cli as Esf;

impl Esf {
    /// The keys `esf list --json` gives for these arguments.
    fn keys(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["list", "--json"];
        all.extend(args);
        let records: Vec<Value> = serde_json::from_str(&self.answer(&all)).unwrap();
        let mut keys: Vec<String> = records
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect();
        keys.sort();
        keys
    }

    fn counts(&self, args: &[&str]) -> Vec<(String, u64)> {
        let mut all = vec!["list", "--json"];
        all.extend(args);
        let rows: Vec<Value> = serde_json::from_str(&self.answer(&all)).unwrap();
        rows.iter()
            .map(|r| {
                (
                    r["value"].as_str().unwrap().to_string(),
                    r["projects"].as_u64().unwrap(),
                )
            })
            .collect()
    }
}

fn pair(value: &str, n: u64) -> (String, u64) {
    (value.to_string(), n)
}

#[test]
fn facets_combine_with_each_other_and_the_fuzzy_filter() {
    let esf = Esf::new();
    assert_eq!(esf.keys(&["--region", "Västsverige"]).len(), 4);
    let older = esf.keys(&["--region", "västsverige", "--period", "2014-2020"]);
    assert_eq!(
        older.len(),
        3,
        "000, 001 and the Hisingen project: {older:?}"
    );
    assert!(older.contains(&"2015/00730".into()) && older.contains(&"2020/00551".into()));
    assert_eq!(
        esf.keys(&[
            "--region",
            "Västsverige",
            "--period",
            "2014-2020",
            "--objective",
            "2.1"
        ])
        .len(),
        2
    );
    assert_eq!(
        esf.keys(&["--region", "Västsverige", "--active", "2016"]),
        ["2015/00730"]
    );
    assert_eq!(
        esf.keys(&["--active", "2022..2023"]),
        ["2020/00551", "22-002-S07"]
    );
    assert_eq!(esf.keys(&["--active", "2014-05"]).len(), 1, "the pre-study");
    assert_eq!(
        esf.keys(&["--municipality", "Partille", "--org", "Arbetsförmedlingen"])
            .len(),
        1
    );
    let fuzzy = esf.keys(&["--filter", "vellinge"]);
    let org = esf.keys(&["--org", "Arbetsförmedlingen"]);
    assert_eq!(
        org.len(),
        3,
        "000 in prose, 002, and the pre-study's offices: {org:?}"
    );
    let both: Vec<String> = fuzzy.iter().filter(|k| org.contains(k)).cloned().collect();
    assert!(both.contains(&"22-002-S07".to_string()));
    assert_eq!(
        esf.keys(&["--org", "Arbetsförmedlingen", "--filter", "vellinge"]),
        both
    );
    assert_eq!(
        esf.keys(&["--fund", "ESF+", "--region", "Västsverige"])
            .len(),
        0
    );
}

#[test]
fn facet_counts_are_under_the_other_filters() {
    let esf = Esf::new();
    assert_eq!(
        esf.counts(&["--facet", "region"]),
        [pair("Västsverige", 4), pair("Sydsverige", 1)]
    );
    assert_eq!(
        esf.counts(&["--facet", "objective", "--region", "Västsverige"]),
        [pair("2.1", 2), pair("2.3", 1)]
    );
    assert_eq!(
        esf.counts(&["--facet", "region", "--region", "Sydsverige"]),
        [pair("Västsverige", 4), pair("Sydsverige", 1)],
        "a facet's own choice does not narrow its counts"
    );
    assert_eq!(esf.counts(&["--facet", "phase"]), [pair("Genomförande", 1)]);
}

#[test]
fn bookmarks_and_review_states_filter_the_list() {
    let esf = Esf::new();
    esf.ok(&["bookmark", "2015/00730"]);
    esf.ok(&["review", "2020/00551", "done"]);
    assert_eq!(esf.keys(&["--bookmarked"]), ["2015/00730"]);
    assert_eq!(esf.keys(&["--review", "done"]), ["2020/00551"]);
    assert_eq!(esf.keys(&["--review", "unread"]).len(), 4, "not reviewed");
    assert_eq!(
        esf.counts(&["--facet", "review"]),
        [pair("unread", 4), pair("done", 1)]
    );
}

#[test]
fn an_unknown_facet_value_names_the_values_there_are() {
    let esf = Esf::new();
    let out = esf.run(&["list", "--region", "Norrland"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains("Västsverige") && said.contains("Sydsverige"),
        "{said}"
    );
    let out = esf.run(&["list", "--active", "next year"]);
    assert!(!out.status.success());
}

/// Fields of one CSV record (quotes doubled, fields may hold newlines).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    records
}

#[test]
fn exports_parse_back_with_notes_only_when_asked() {
    let esf = Esf::new();
    esf.ok(&["note", "2015/00730", "Ring Anna, \"snart\"\noch sedan Per"]);
    let csv = csv_records(&esf.ok(&["export", "--region", "Västsverige", "--with-notes"]));
    assert_eq!(csv.len(), 5, "header and four projects");
    let header = &csv[0];
    let note_at = header.iter().position(|h| h == "note").unwrap();
    assert!(!header.contains(&"contact_email".to_string()));
    let effekt = csv.iter().find(|r| r[0] == "2015/00730").unwrap();
    assert_eq!(effekt[note_at], "Ring Anna, \"snart\"\noch sedan Per");
    assert!(csv.iter().all(|r| r.len() == header.len()));

    let plain = esf.ok(&["export", "--format", "json"]);
    let records: Vec<Value> = serde_json::from_str(&plain).unwrap();
    assert_eq!(records.len(), 5);
    assert!(records.iter().all(|r| r.get("your_notes").is_none()));
    assert!(records.iter().all(|r| r["contact_name"].is_null()));

    let json = esf.ok(&["export", "--format", "json", "--with-notes", "--bookmarked"]);
    assert_eq!(serde_json::from_str::<Vec<Value>>(&json).unwrap().len(), 0);
    let json = esf.ok(&[
        "export",
        "--format",
        "json",
        "--with-notes",
        "--filter",
        "effekt",
    ]);
    let records: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        records[0]["your_notes"]["note"],
        "Ring Anna, \"snart\"\noch sedan Per"
    );

    let markdown = esf.ok(&["export", "--format", "markdown", "--with-notes"]);
    assert_eq!(markdown.matches("\n## ").count(), 5);
    assert!(markdown.contains("## 22-002-S07 Nya Vägar i Vellinge +"));
    assert!(markdown.contains("> och sedan Per"));
}

#[test]
fn facet_values_fold_case_and_letters_and_suggest_the_nearest() {
    let esf = Esf::new();
    // Försäkringskassan is a partner of Nya Vägar and named by effektbutiken.
    assert_eq!(
        esf.keys(&["--org", "forsakringskassan"]),
        ["2015/00730", "22-002-S07"]
    );
    assert_eq!(esf.keys(&["--region", "VASTSVERIGE"]).len(), 4);
    // The pre-study's Kommun list names Göteborg, Göteborgs Stad owns
    // effektbutiken, and Arbetsliv och hälsa Nordost's text names the city.
    let göteborg = ["2015/00730", "2020/00551", "x-552c407c19"];
    assert_eq!(esf.keys(&["--municipality", "goteborg"]), göteborg);
    // A value with å/ä/ö matches those letters, in any case.
    assert_eq!(esf.keys(&["--municipality", "GÖTEBORG"]), göteborg);
    let out = esf.run(&["list", "--org", "försäkringskasan"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("did you mean: Försäkringskassan"), "{said}");
}

#[test]
fn the_graph_finds_an_organisation_typed_without_its_letters_and_suggests_near_ones() {
    let esf = Esf::new();
    // Försäkringskassan partners Nya Vägar i Vellinge + and is named by effektbutiken.
    let tree = esf.ok(&["graph", "FORSAKRINGSKASSAN"]);
    assert!(tree.starts_with("Försäkringskassan"), "{tree}");
    assert!(tree.contains("22-002-S07"), "{tree}");
    let out = esf.run(&["graph", "forsakringskasan"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("did you mean"), "{said}");
    assert!(said.contains("\"Försäkringskassan\""), "{said}");
}

#[test]
fn active_during_says_how_many_it_left_out_for_want_of_dates() {
    let esf = Esf::new();
    // Every dated project ran some day of 2014–2026; the Hisingen article
    // gives no dates, so whether it ran then cannot be said.
    let out = esf.run(&["list", "--json", "--active", "2014..2026"]);
    let listed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.len(), 4);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("--active 2014..2026 leaves out 1 project without a start date"),
        "{said}"
    );
    let out = esf.run(&[
        "list",
        "--json",
        "--region",
        "Sydsverige",
        "--active",
        "2024",
    ]);
    assert!(out.stderr.is_empty(), "nothing undated among them");
}

#[test]
fn a_municipality_facet_and_the_kommun_field_give_the_same_projects() {
    // Generated projects name most of their municipalities only in their
    // texts: the facet counts those, so the field search must find them.
    let esf = Esf::new();
    let docs = esf.dir.path().join("docs");
    let docs = docs.to_str().unwrap();
    esf.ok(&["gen", "--count", "400", "--seed", "7", "--out", docs]);
    esf.ok(&["import", docs]);
    let counts = esf.counts(&["--facet", "municipality"]);
    assert!(counts.len() > 5, "{counts:?}");
    for (municipality, count) in counts.iter().take(5) {
        let by_facet = esf.keys(&["--municipality", municipality]);
        let by_field = esf.keys(&["--filter", &format!("kommun:^{municipality}$")]);
        assert_eq!(by_facet.len() as u64, *count, "{municipality}");
        assert_eq!(by_field, by_facet, "{municipality}");
    }
}
