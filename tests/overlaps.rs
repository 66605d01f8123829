//! `esf overlaps` and the "Overlaps with" of `esf show`, through the real
//! binary, over `tests/fixtures/overlaps`: made-up projects whose overlaps
//! are known by hand. Stiftelsen Brobyggarna (802400-0005) runs Brobygget
//! Norr (2023) and Brobygget Syd (from 2023-12-02): 30 days together in
//! programme area A; Brobygget Väst starts the day after Syd ends. Two
//! other owners name Brobyggarna as a partner or both mention
//! Arbetsförmedlingen: no pair; nor do Stödet 108 and 109, the same in
//! every way but owned by "Samordningsförbundet" written alone (a kind of
//! actor, no organisation). Two units of Göteborgs Stad (one
//! organisationsnummer) own Nordost i arbete and Örgryte i arbete.

mod common;

use common::Cli;
use serde_json::Value;

fn cli() -> Cli {
    let cli = Cli::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/overlaps");
    cli.ok(&["import", fixtures]);
    cli
}

/// Each pair as (organisation, first key, second key, days).
fn pairs(json: &str) -> Vec<(String, String, String, i64)> {
    let all: Vec<Value> = serde_json::from_str(json).unwrap();
    all.iter()
        .map(|p| {
            (
                p["organisation"].as_str().unwrap().to_string(),
                p["projects"][0]["key"].as_str().unwrap().to_string(),
                p["projects"][1]["key"].as_str().unwrap().to_string(),
                p["days"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn one_organisations_projects_thirty_days_together_in_one_area_are_a_pair() {
    let cli = cli();
    let json = cli.ok(&["overlaps", "--org", "802400-0005", "--json"]);
    assert_eq!(
        pairs(&json),
        vec![(
            "Stiftelsen Brobyggarna".into(),
            "23-101-S01".into(),
            "23-102-S01".into(),
            30
        )]
    );
    let pair: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(pair[0]["org_numbers"], serde_json::json!(["802400-0005"]));
    assert_eq!(
        pair[0]["shared"],
        serde_json::json!([{"what": "programme_area", "value": "A"}])
    );
    assert_eq!(
        (pair[0]["from"].as_str(), pair[0]["to"].as_str()),
        (Some("2023-12-02"), Some("2023-12-31"))
    );
    // By name too, with the same answer in words.
    let text = cli.ok(&["overlaps", "--org", "Stiftelsen Brobyggarna"]);
    assert_eq!(
        text,
        "Stiftelsen Brobyggarna (802400-0005)\n\
         \x20 days together: 30 (2023-12-02 – 2023-12-31) · shares: programme area A\n\
         \x20   23-101-S01 Brobygget Norr · Stiftelsen Brobyggarna · 2023-01-01 – 2023-12-31\n\
         \x20   23-102-S01 Brobygget Syd · Stiftelsen Brobyggarna · 2023-12-02 – 2024-12-31\n"
    );
}

#[test]
fn adjacent_periods_a_partner_a_shared_mention_and_a_kind_of_actor_make_no_pair() {
    let cli = cli();
    let found = pairs(&cli.ok(&["overlaps", "--json"]));
    // Most days first within an organisation, organisations by name.
    assert_eq!(
        found,
        vec![
            (
                "Göteborgs Stad".into(),
                "23-106-S01".into(),
                "23-107-S01".into(),
                182
            ),
            (
                "Stiftelsen Brobyggarna".into(),
                "23-101-S01".into(),
                "23-102-S01".into(),
                30
            ),
        ]
    );
}

#[test]
fn two_units_of_one_municipality_are_one_organisation() {
    let cli = cli();
    let json = cli.ok(&["overlaps", "--org", "SDF Örgryte", "--json"]);
    let all: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(all.len(), 1);
    let pair = &all[0];
    assert_eq!(pair["organisation"], "Göteborgs Stad");
    assert_eq!(pair["org_numbers"], serde_json::json!(["212000-1355"]));
    // Each project keeps its own owner as written: the two units.
    assert_eq!(pair["projects"][0]["owner"], "Socialförvaltning Nordost");
    assert_eq!(pair["projects"][1]["owner"], "SDF Örgryte");
    assert_eq!(
        pair["shared"],
        serde_json::json!([
            {"what": "programme_area", "value": "A"},
            {"what": "specific_objective", "value": "A2A"},
            {"what": "municipality", "value": "Göteborg"}
        ])
    );
    assert_eq!(pair["days"], 182);
}

#[test]
fn a_municipality_limits_the_projects_compared() {
    let cli = cli();
    let json = cli.ok(&["overlaps", "--municipality", "goteborg", "--json"]);
    assert_eq!(pairs(&json).len(), 1);
    // Luleå has one of Brobyggarna's projects only: nothing, exit 1.
    let out = cli.run(&["overlaps", "--municipality", "Luleå"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        said,
        "overlapping pairs: 0 · projects compared: 1 · left out (no start or end date): 0\n"
    );
    let out = cli.run(&["overlaps", "--municipality", "Luleå", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "[]");
}

#[test]
fn an_unknown_organisation_or_municipality_is_a_bad_argument() {
    let cli = cli();
    let out = cli.run(&["overlaps", "--org", "brobyggarna"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        said,
        "esf: no organisation \"brobyggarna\"; did you mean \"Stiftelsen Brobyggarna\"?\n"
    );
    let out = cli.run(&["overlaps", "--municipality", "Ankeborg"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "esf: no municipality \"Ankeborg\"\n"
    );
}

#[test]
fn show_lists_a_projects_overlaps_and_its_json_has_them() {
    let cli = cli();
    let text = cli.ok(&["show", "23-102-S01"]);
    let at = text.find("\nOverlaps with\n").expect(&text);
    assert_eq!(
        &text[at..],
        "\nOverlaps with\n\
         \x20 23-101-S01 Brobygget Norr · Stiftelsen Brobyggarna · 2023-01-01 – 2023-12-31\n\
         \x20   days together: 30 (2023-12-02 – 2023-12-31) · shares: programme area A\n"
    );
    let json: Value = serde_json::from_str(&cli.ok(&["show", "23-102-S01", "--json"])).unwrap();
    let overlaps = json["overlaps"].as_array().unwrap();
    assert_eq!(overlaps.len(), 1);
    assert_eq!(overlaps[0]["key"], "23-101-S01");
    assert_eq!(overlaps[0]["organisation"], "Stiftelsen Brobyggarna");
    assert_eq!(overlaps[0]["days"], 30);
    // The adjacent one and the partner's have none.
    for key in ["24-103-S01", "23-104-S01"] {
        let json: Value = serde_json::from_str(&cli.ok(&["show", key, "--json"])).unwrap();
        assert_eq!(json["overlaps"], serde_json::json!([]), "{key}");
        assert!(!cli.ok(&["show", key]).contains("Overlaps with"), "{key}");
    }
}

#[test]
fn overlaps_speak_swedish() {
    let cli = cli();
    let out = cli.run(&["--lang", "sv", "overlaps", "--org", "802400-0005"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("dagar samtidigt: 30 (2023-12-02 – 2023-12-31) · delar: programområde A"),
        "{text}"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "överlappande par: 1 · jämförda projekt: 3 · utelämnade (saknar start- eller slutdatum): 0\n"
    );
}
