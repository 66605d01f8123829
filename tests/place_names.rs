//! "Projects in Göteborg" asked three ways through the real binary: the
//! field search `kommun:` and the Municipality facet give the same
//! projects, and the free search says why it finds more.

use serde_json::Value;

mod common;

use common::Cli as Esf;

impl Esf {
    /// The keys `esf list --json` gives for these arguments, sorted.
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

    /// The facet's count for one value.
    fn facet_count(&self, facet: &str, value: &str) -> u64 {
        let rows: Vec<Value> =
            serde_json::from_str(&self.answer(&["list", "--json", "--facet", facet])).unwrap();
        rows.iter()
            .find(|r| r["value"] == value)
            .map_or(0, |r| r["projects"].as_u64().unwrap())
    }
}

/// 5,000 generated projects name every municipality, some twice (given
/// and in the text), some inside longer names (Linköping holds Köping,
/// Håbo folds to Habo, Karlskoga is a typo from Karlskrona).
#[test]
fn the_kommun_field_and_the_municipality_facet_give_the_same_projects() {
    let esf = Esf::new();
    esf.ok(&["gen", "--count", "5000", "--seed", "7"]);
    for name in [
        "Göteborg",
        "Köping",
        "Habo",
        "Håbo",
        "Falkenberg",
        "Karlskrona",
        "Mark",
        "Avesta",
    ] {
        let field = esf.keys(&["--filter", &format!("kommun:{name}")]);
        let facet = esf.keys(&["--municipality", name]);
        assert_eq!(field, facet, "{name}");
        assert!(!field.is_empty(), "{name} is in the generated corpus");
        let counted = esf.facet_count("municipality", name);
        assert_eq!(counted, field.len() as u64, "{name}: one count a project");
    }
    // Folded letters find the same municipality.
    assert_eq!(
        esf.keys(&["--filter", "kommun:goteborg"]),
        esf.keys(&["--municipality", "Göteborg"])
    );
}
