//! Which organisation a name or an organisationsnummer is, through the real
//! binary, over the sample corpus and `tests/fixtures/organisations`.
//! Expectations written by hand from the documents:
//! - 22-002-S07 (sample): owner VELLINGE KOMMUN, organisationsnummer 2120001033
//! - 23-004-S11: owner KOMMUNSTYRELSEN I VELLINGE, 212000-1033 (the same number)
//! - 23-011-S02: owner SJUHÄRADS SAMORDNINGSFÖRBUND, 2220002956
//! - 24-002-S05: owner Borås Stad, 212000-1512; partners "Sjuhärads
//!   samordningsförbund" (another case) and Försäkringskassan
//! - 23-019-S04: owner REGION GÄVLEBORG, no town; its text names Gävle,
//!   Sandviken and Hofors and the partner "Vård- och omsorgscollege Gävleborg"
//! - 22-031-S09: owner Socialförvaltning Hisingen (a unit of Göteborgs
//!   Stad), 212000-1355; partners SDF Örgryte, Västra Hisingen, Försäkringskassan
//! - the Stödmottagare ort of 23-004-S11 is VELLINGE, of 23-011-S02 and
//!   24-002-S05 BORÅS

use serde_json::Value;
use std::path::Path;

mod common;

use common::Cli as Esf;

impl Esf {
    /// A cache of the given folders (relative to the project), imported in
    /// this order, one import each.
    fn of(folders: &[&str]) -> Esf {
        let esf = Esf::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in folders {
            esf.ok(&["import", root.join(folder).to_str().unwrap()]);
        }
        esf
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.answer(&all)).unwrap()
    }

    /// `esf show ID --json`: one record.
    fn record(&self, id: &str) -> Value {
        serde_json::from_str(&self.ok(&["show", id, "--json"])).unwrap()
    }

    fn keys(&self, args: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = self
            .json(args)
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect();
        keys.sort();
        keys
    }
}

const BOTH: [&str; 2] = ["assets/corpus", "tests/fixtures/organisations"];

fn strings(v: &Value) -> Vec<String> {
    let mut all: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    all.sort();
    all
}

#[test]
fn two_names_with_one_organisationsnummer_are_one_organisation() {
    // Either order of import gives the same organisation.
    for folders in [BOTH, [BOTH[1], BOTH[0]]] {
        let esf = Esf::of(&folders);
        let orgs = esf.json(&["orgs", "--filter", "2120001033"]);
        assert_eq!(orgs.len(), 1, "{orgs:?}");
        let org = &orgs[0];
        assert_eq!(org["name"], "Vellinge kommun");
        assert_eq!(org["projects"], 2);
        assert_eq!(strings(&org["org_numbers"]), vec!["212000-1033"]);
        assert_eq!(
            strings(&org["other_names"]),
            vec!["Kommunstyrelsen i Vellinge"]
        );
        // Found by its other name too.
        let orgs = esf.json(&["orgs", "--filter", "kommunstyrelsen"]);
        assert_eq!(orgs[0]["name"], "Vellinge kommun");
    }
}

#[test]
fn the_org_facet_the_search_box_and_the_graph_take_the_number() {
    let esf = Esf::of(&BOTH);
    let vellinge = vec!["22-002-S07".to_string(), "23-004-S11".to_string()];
    for written in ["2120001033", "212000-1033", "16212000-1033"] {
        assert_eq!(esf.keys(&["list", "--org", written]), vellinge);
        assert_eq!(esf.keys(&["list", "--filter", written]), vellinge);
    }
    let listed = esf.json(&["list", "--filter", "2120001033"]);
    for project in &listed {
        let matched = &project["matched"][0];
        assert_eq!(matched["field"], "owner");
        assert_eq!(matched["text"], "212000-1033");
    }
    // Another digit is another organisation: no typo allowed.
    assert!(esf.keys(&["list", "--filter", "2120001041"]).is_empty());
    let graph = esf.ok(&["graph", "212000-1033"]);
    assert!(graph.starts_with("Vellinge kommun"), "{graph}");
    assert!(graph.contains("Nya Vägar i Vellinge +") && graph.contains("Jobbspår Näset"));
}

#[test]
fn names_differing_only_in_case_are_one_organisation() {
    let esf = Esf::of(&BOTH);
    let orgs = esf.json(&["orgs", "--filter", "sjuhärads"]);
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!(orgs[0]["projects"], 2);
    assert_eq!(strings(&orgs[0]["org_numbers"]), vec!["222000-2956"]);
    assert_eq!(
        esf.keys(&["list", "--org", "SJUHÄRADS SAMORDNINGSFÖRBUND"]),
        vec!["23-011-S02", "24-002-S05"]
    );
}

#[test]
fn text_search_takes_facets() {
    let esf = Esf::of(&BOTH);
    // "arbetsmarknaden" is in the texts of Vellinge and Sjuhärad, not Näset.
    let hits = esf.keys(&["search", "arbetsmarknaden", "--region", "vastsverige"]);
    assert!(hits.contains(&"23-011-S02".to_string()), "{hits:?}");
    assert!(
        !hits.contains(&"22-002-S07".to_string()),
        "Vellinge is in Sydsverige"
    );
    let hits = esf.keys(&["search", "arbetsmarknaden", "--org", "212000-1033"]);
    assert_eq!(hits, vec!["22-002-S07"]);
}

#[test]
fn a_cache_from_before_names_were_keyed_is_unified_when_opened() {
    use esf_browser::store::{schema, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        schema::migrate_to(&mut conn, 9).unwrap();
        conn.execute_batch(
            r#"INSERT INTO documents (id, path, content_hash, format, size, imported_at)
                 VALUES (1, '/a.txt', 'a', 'esfplus', 1, 0), (2, '/b.txt', 'b', 'esfplus', 1, 0);
               INSERT INTO records (document_id, project_key, record) VALUES
                 (1, '23-011-S02', '{"owner_org_number": "2220002956"}'),
                 (2, '24-002-S05', '{"owner_org_number": null}');
               INSERT INTO projects (rowid_, key, document_id, record) VALUES
                 (1, '23-011-S02', 1, ''), (2, '24-002-S05', 2, '');
               INSERT INTO organisations (id, name, kind) VALUES
                 (1, 'Sjuhärads Samordningsförbund', 'organisation'),
                 (2, 'Sjuhärads samordningsförbund', 'organisation'),
                 (3, 'Försäkringskassan', 'agency');
               INSERT INTO project_orgs (project, org, role, as_written) VALUES
                 (1, 1, 'owner', 'SJUHÄRADS SAMORDNINGSFÖRBUND'),
                 (2, 2, 'partner', 'Sjuhärads samordningsförbund'),
                 (2, 3, 'partner', 'Försäkringskassan');"#,
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap().store;
    let orgs = store.organisations().unwrap();
    assert_eq!(orgs.len(), 2, "{orgs:?}");
    let sjuhärad = orgs
        .iter()
        .find(|o| o.name.starts_with("Sjuhärads"))
        .unwrap();
    assert_eq!(sjuhärad.projects, 2);
    assert_eq!(sjuhärad.roles, vec!["owner", "partner"]);
    assert_eq!(sjuhärad.org_numbers, vec!["222000-2956"]);
    assert_eq!(
        store.find_organisation("2220002956").unwrap().as_deref(),
        Some(sjuhärad.name.as_str())
    );
}

#[test]
fn related_says_each_role_and_a_mention_weighs_far_less_than_a_partner() {
    let esf = Esf::of(&BOTH);
    let found = esf.json(&["related", "22-002-S07"]);
    // Jobbspår Näset has the same owner (by its organisationsnummer);
    // Vellinge and Hållbar återgång both list Försäkringskassan as a
    // partner; effektbutiken only names it (and Arbetsförmedlingen) in its text.
    let role = |r: &Value, here: &str, there: &str| {
        let shared = &r["shared"][0];
        (
            shared["organisation"].as_str().unwrap().to_string(),
            shared["role_here"] == here && shared["role_there"] == there,
        )
    };
    assert_eq!(found[0]["key"], "23-004-S11", "{found:?}");
    assert_eq!(
        role(&found[0], "owner", "owner"),
        ("Vellinge kommun".into(), true)
    );
    assert_eq!(found[1]["key"], "24-002-S05", "{found:?}");
    assert_eq!(
        role(&found[1], "partner", "partner"),
        ("Försäkringskassan".into(), true)
    );
    let effekt = found.iter().find(|r| r["key"] == "2015/00730").unwrap();
    let score = |r: &Value| r["score"].as_f64().unwrap();
    assert!(score(effekt) * 3.0 < score(&found[1]), "{found:?}");
    // Sjuhärad and Vellinge share only kinds of actor or nothing at all.
    assert!(!found.iter().any(|r| r["key"] == "23-011-S02"));
    let text = esf.ok(&["related", "22-002-S07"]);
    assert!(
        text.contains("Försäkringskassan (partner / partner)"),
        "{text}"
    );
}

#[test]
fn kinds_of_actor_are_mentions_that_link_nothing() {
    let esf = Esf::of(&BOTH);
    // Samordningsförbundet Hisingen's project shares only kinds of actor
    // (samordningsförbund, socialtjänsten) with the others.
    let found = esf.json(&["related", "x-9ac20b5b50"]);
    assert!(found.is_empty(), "{found:?}");
    let orgs = esf.json(&["orgs"]);
    let kinds: Vec<&str> = orgs.iter().map(|o| o["kind"].as_str().unwrap()).collect();
    assert!(!kinds.contains(&"generic"), "{orgs:?}");
    // The detail still says what the text names in passing.
    let shown = esf.ok(&["show", "22-002-S07"]);
    assert!(shown.contains("Mentioned in passing"), "{shown}");
    assert!(shown.contains("socialtjänsten, psykiatrin"), "{shown}");
    let facet = esf.json(&["list", "--facet", "org"]);
    assert!(!facet.iter().any(|v| v["value"] == "Socialtjänsten"));
}

#[test]
fn one_count_everywhere_branches_for_their_organisation() {
    let esf = Esf::of(&BOTH);
    // Försäkringskassan: named by effektbutiken, a partner of Nya Vägar,
    // Hållbar återgång and Jobbvägen Hisingen.
    // Arbetsförmedlingen: named by effektbutiken and Nya Vägar, a partner
    // of Omsorgsspåret, ten of its offices in the pre-study's list: four
    // projects, wherever it is counted.
    let orgs = esf.json(&["orgs"]);
    let count_in_orgs = |name: &str| {
        orgs.iter()
            .find(|o| o["name"] == name)
            .map(|o| o["projects"].as_u64().unwrap())
    };
    let facet = esf.json(&["list", "--facet", "org"]);
    let count_in_facet = |name: &str| {
        facet
            .iter()
            .find(|v| v["value"] == name)
            .map(|v| v["projects"].as_u64().unwrap())
    };
    for (name, projects) in [
        ("Arbetsförmedlingen", 4),
        ("Försäkringskassan", 4),
        ("Vellinge kommun", 2),
        ("Arbetsförmedlingen Angered", 1),
    ] {
        assert_eq!(count_in_orgs(name), Some(projects), "orgs: {name}");
        assert_eq!(count_in_facet(name), Some(projects), "facet: {name}");
    }
    assert_eq!(
        esf.keys(&["list", "--org", "arbetsförmedlingen"]),
        vec!["2015/00730", "22-002-S07", "23-019-S04", "x-552c407c19"]
    );
}

#[test]
fn municipalities_come_from_owners_towns_lists_and_prose() {
    let esf = Esf::of(&BOTH);
    let municipality = |name: &str| esf.keys(&["list", "--municipality", name]);
    assert_eq!(municipality("Vellinge"), vec!["22-002-S07", "23-004-S11"]);
    assert_eq!(municipality("boras"), vec!["23-011-S02", "24-002-S05"]);
    assert_eq!(municipality("Gävle"), vec!["23-019-S04"]);
    assert_eq!(municipality("Hofors"), vec!["23-019-S04"]);
    // A region gives no municipality of its own accord.
    let out = esf.run(&["list", "--municipality", "Ockelbo"]);
    assert!(!out.status.success());
    let shown = esf.ok(&["show", "23-019-S04"]);
    assert!(
        shown.contains("Gävle (text), Sandviken (text), Hofors (text)"),
        "{shown}"
    );
    let shown = esf.ok(&["show", "24-002-S05"]);
    assert!(shown.contains("Borås (owner, place)"), "{shown}");
    let record = esf.record("23-004-S11");
    assert_eq!(record["municipality_sources"][0]["name"], "Vellinge");
    assert_eq!(record["municipality_sources"][0]["from"][0], "place");
}

#[test]
fn a_name_is_split_only_at_list_separators() {
    let esf = Esf::of(&BOTH);
    let record = esf.record("23-019-S04");
    let partners: Vec<&str> = record["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["role"] == "partner")
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        partners,
        vec!["Vård- och omsorgscollege Gävleborg", "Arbetsförmedlingen"]
    );
}

#[test]
fn a_citys_units_count_for_the_city() {
    let esf = Esf::of(&BOTH);
    // Jobbvägen Hisingen: owned by Socialförvaltning Hisingen with
    // Göteborgs Stad's number; partners SDF Örgryte and Västra Hisingen.
    let orgs = esf.json(&["orgs", "--filter", "212000-1355"]);
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!(orgs[0]["name"], "Göteborgs Stad");
    // effektbutiken, Arbetsliv och hälsa Nordost, the pre-study, Jobbvägen.
    assert_eq!(orgs[0]["projects"], 4);
    let units = esf.json(&["orgs", "--filter", "örgryte"]);
    assert_eq!(units[0]["parent"], "Göteborgs Stad");
    let record = esf.record("22-031-S09");
    let parents: Vec<(&str, &str)> = record["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["parent"].is_string())
        .map(|o| (o["name"].as_str().unwrap(), o["parent"].as_str().unwrap()))
        .collect();
    assert_eq!(
        parents,
        vec![
            ("Socialförvaltning Hisingen", "Göteborgs Stad"),
            ("SDF Örgryte", "Göteborgs Stad"),
            ("Västra Hisingen", "Göteborgs Stad"),
        ]
    );
    assert!(esf
        .keys(&["list", "--municipality", "Göteborg"])
        .contains(&"22-031-S09".to_string()));
}

#[test]
fn an_organisation_filter_matches_words_never_scattered_letters() {
    let esf = Esf::of(&["assets/corpus"]);
    let found = esf.json(&["orgs", "--filter", "försäk"]);
    let names: Vec<&str> = found.iter().map(|o| o["name"].as_str().unwrap()).collect();
    // The sample's only organisation with "försäk" in its name.
    assert_eq!(names, ["Försäkringskassan"]);
    let none = esf.json(&["orgs", "--filter", "fsk"]);
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn on_an_80_column_terminal_the_name_gets_the_room_first() {
    let esf = Esf::of(&["assets/corpus"]);
    let db = esf.dir.path().join("cache.sqlite");
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.args(["orgs", "--filter", "etablering"]);
    let mut s = common::pty::start_command(cmd, &db, &[]);
    common::pty::wait_exit(&mut *s.child);
    s.screen.wait_for("partner");
    let text = s.screen.text();
    let row = text.lines().find(|l| l.contains("partner")).unwrap();
    // The unit's name (62 characters) is cut, with "…", only after its
    // parent's column has given up its room; the empty number column
    // gives up its room too.
    assert!(
        row.contains("Arbete och etablering myndighet och"),
        "{text}"
    );
    assert!(row.contains('…'), "{text}");
    assert!(row.trim_end().chars().count() <= 80, "{text}");
}
