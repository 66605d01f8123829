//! The partner graph on the sample corpus. Expectations written by hand
//! from the documents: who names whom, in which role.

use esf_browser::graph::{ego_of_org, ego_of_project, related, to_dot, to_json, Role};
mod common;

use esf_browser::import::Input;
use esf_browser::store::Store;

fn sample() -> Store {
    common::store_of(&Input::sample())
}

fn key_named(store: &Store, name: &str, owner_part: &str) -> String {
    store
        .summaries()
        .unwrap()
        .into_iter()
        .find(|s| {
            s.name.as_deref() == Some(name) && s.owner.as_deref().unwrap_or("").contains(owner_part)
        })
        .unwrap()
        .key
}

#[test]
fn effektbutiken_is_related_through_shared_organisations() {
    let store = sample();
    let (key, nb) = store.neighbourhood_of_project("2015/00730", true).unwrap();
    let found = related(&nb, &key, 10);
    let nordost = found
        .iter()
        .find(|r| r.key == "2020/00551")
        .expect("Arbetsliv och hälsa Nordost");
    // Göteborgs Stad owns effektbutiken and, through its unit
    // Socialförvaltning Nordost, Arbetsliv och hälsa Nordost.
    let shared = |r: &esf_browser::graph::Related| -> Vec<(String, Role, Role)> {
        let mut all: Vec<(String, Role, Role)> = r
            .shared
            .iter()
            .map(|s| (s.organisation.clone(), s.role_here, s.role_there))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    assert_eq!(
        shared(nordost),
        vec![("Göteborgs Stad".into(), Role::Owner, Role::Owner)]
    );
    let vellinge = found
        .iter()
        .find(|r| r.key == "22-002-S07")
        .expect("Nya Vägar i Vellinge +");
    // effektbutiken's text names both agencies; Vellinge lists
    // Försäkringskassan as a partner and names Arbetsförmedlingen.
    assert_eq!(
        shared(vellinge),
        vec![
            (
                "Arbetsförmedlingen".into(),
                Role::Mentioned,
                Role::Mentioned
            ),
            ("Försäkringskassan".into(), Role::Mentioned, Role::Partner),
        ]
    );
    assert!(
        nordost.score > vellinge.score,
        "one shared owner outweighs two agencies both only name"
    );
}

#[test]
fn rare_partners_weigh_more_than_common_ones() {
    let store = sample();
    let (key, nb) = store.neighbourhood_of_project("2015/00730", true).unwrap();
    // Arbetsförmedlingen has three of the five projects, Försäkringskassan two.
    assert!(nb.weight("Försäkringskassan") > nb.weight("Arbetsförmedlingen"));
    assert!(!related(&nb, &key, 10).is_empty());
}

#[test]
fn the_two_inkluderande_rehabilitering_are_separate_nodes() {
    let store = sample();
    let prestudy = key_named(&store, "Inkluderande rehabilitering", "Nord-ost");
    let hisingen = key_named(&store, "Inkluderande rehabilitering", "Hisingen");
    assert_ne!(prestudy, hisingen);
    let (_, nb) = store.neighbourhood_of_project(&prestudy, true).unwrap();
    let orgs: Vec<String> = nb.orgs_of(&prestudy).into_iter().map(|(o, _)| o).collect();
    assert!(
        !orgs.contains(&"Samordningsförbund".to_string()),
        "a kind of actor is no node"
    );
    assert!(
        orgs.contains(&"Arbetsförmedlingen".to_string()),
        "branch offices roll up"
    );
    assert!(!orgs.iter().any(|o| o == "Arbetsförmedlingen Angered"));
    let (_, apart) = store.neighbourhood_of_project(&prestudy, false).unwrap();
    let branches: Vec<String> = apart
        .orgs_of(&prestudy)
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    for office in [
        "Arbetsförmedlingen Angered",
        "Arbetsförmedlingen Gamlestaden",
    ] {
        assert!(
            branches.contains(&office.to_string()),
            "{office} with branches apart"
        );
    }
    let (_, nb) = store.neighbourhood_of_project(&hisingen, true).unwrap();
    let orgs: Vec<(String, Role)> = nb.orgs_of(&hisingen);
    assert!(orgs.contains(&("Samordningsförbundet Hisingen".to_string(), Role::Owner)));
    // "samordningsförbund" in its text names a kind of actor: no node, and
    // no path through it to the pre-study.
    assert!(!orgs.iter().any(|(o, _)| o == "Samordningsförbund"));
    let ego = ego_of_project(&nb, &hisingen, 5);
    assert!(!ego.groups.iter().any(|g| g.node.id == "Samordningsförbund"));
    assert!(!ego
        .groups
        .iter()
        .any(|g| g.others.iter().any(|m| m.id == prestudy)));
}

#[test]
fn an_organisation_centred_graph_lists_its_projects() {
    let store = sample();
    let (node, nb) = store
        .neighbourhood_of_org("arbetsförmedlingen", true, 50)
        .unwrap();
    assert_eq!(node, "Arbetsförmedlingen");
    let ego = ego_of_org(&nb, &node, 50, 5);
    let mut keys: Vec<&str> = ego.groups.iter().map(|g| g.node.id.as_str()).collect();
    keys.sort();
    assert_eq!(
        keys.len(),
        3,
        "effektbutiken, Nya Vägar, and the pre-study through its offices"
    );
    assert!(keys.contains(&"2015/00730") && keys.contains(&"22-002-S07"));
    let (_, apart) = store
        .neighbourhood_of_org("Arbetsförmedlingen", false, 50)
        .unwrap();
    assert_eq!(
        ego_of_org(&apart, "Arbetsförmedlingen", 50, 5).groups.len(),
        2
    );
}

#[test]
fn municipalities_are_organisation_nodes_of_their_own_kind() {
    let store = sample();
    let prestudy = key_named(&store, "Inkluderande rehabilitering", "Nord-ost");
    let (_, nb) = store.neighbourhood_of_project(&prestudy, true).unwrap();
    let json = to_json(&ego_of_project(&nb, &prestudy, 5), 1);
    let ale = json
        .nodes
        .iter()
        .find(|n| n.label == "Ale kommun")
        .expect("Ale from the Kommun list");
    assert_eq!(ale.kind, "municipality");
    let gbg = json
        .nodes
        .iter()
        .find(|n| n.label == "Göteborgs Stad")
        .expect("Göteborg is Göteborgs Stad");
    assert_eq!(gbg.kind, "municipality");
    let edge = json
        .edges
        .iter()
        .find(|e| e.target == "org:Ale kommun")
        .unwrap();
    assert_eq!(
        (edge.source.as_str(), edge.role),
        (format!("project:{prestudy}").as_str(), "municipality")
    );
}

#[test]
fn graph_json_and_dot() {
    let store = sample();
    let (key, nb) = store.neighbourhood_of_project("2015/00730", true).unwrap();
    let ego = ego_of_project(&nb, &key, 5);
    let one = to_json(&ego, 1);
    assert_eq!(one.nodes[0].node, "project:2015/00730");
    assert_eq!(one.nodes[0].kind, "project");
    assert!(one.edges.iter().all(|e| e.source == "project:2015/00730"));
    let two = to_json(&ego, 2);
    assert!(two.nodes.iter().any(|n| n.node == "project:2020/00551"));
    assert!(two.edges.iter().any(|e| e.source == "project:22-002-S07"
        && e.target == "org:Försäkringskassan"
        && e.role == "partner"));
    let dot = to_dot(&two);
    assert!(dot.starts_with("graph esf {") && dot.contains("\"project:2015/00730\""));
}

/// Projects with the same name and weight come in the order of their keys,
/// whatever order the cache gave their links in.
#[test]
fn neighbours_that_tie_come_in_one_order() {
    use esf_browser::graph::{Link, Neighbourhood};
    let link = |project: &str, org: &str| Link {
        project: project.into(),
        org: org.into(),
        role: Role::Partner,
    };
    let ego = |twins: [&str; 2]| {
        let mut nb = Neighbourhood {
            total_projects: 10,
            ..Neighbourhood::default()
        };
        nb.links = vec![link("focus", "Org")];
        nb.links.extend(twins.map(|k| link(k, "Org")));
        for key in ["focus", "b-2", "a-1"] {
            nb.project_names.insert(key.into(), "Same name".into());
        }
        let ego = ego_of_project(&nb, "focus", 10);
        let ids: Vec<String> = ego.groups[0].others.iter().map(|m| m.id.clone()).collect();
        let related: Vec<String> = related(&nb, "focus", 5)
            .into_iter()
            .map(|r| r.key)
            .collect();
        (ids, related)
    };
    assert_eq!(ego(["b-2", "a-1"]), ego(["a-1", "b-2"]));
    assert_eq!(ego(["b-2", "a-1"]).1, ["a-1", "b-2"]);
}

#[test]
fn every_project_of_an_organisation_is_reachable_and_json_counts_the_rest() {
    let cli = common::Cli::new();
    cli.ok(&[
        "import",
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus"),
    ]);
    // Arbetsförmedlingen is tied to three of the sample's projects
    // (effektbutiken, Nya Vägar, the pre-study's ten offices).
    let graph = |limit: &str| -> serde_json::Value {
        let out = cli.ok(&["graph", "Arbetsförmedlingen", "--limit", limit, "--json"]);
        serde_json::from_str(&out).unwrap()
    };
    let projects = |g: &serde_json::Value| {
        let nodes = g["nodes"].as_array().unwrap();
        nodes.iter().filter(|n| n["kind"] == "project").count()
    };
    let one = graph("1");
    assert_eq!(projects(&one), 1);
    assert_eq!(
        one["nodes"][0]["more"], 2,
        "the centre counts the two left out"
    );
    let every = graph("0");
    assert_eq!(projects(&every), 3);
    assert!(every["nodes"][0].get("more").is_none());
}
