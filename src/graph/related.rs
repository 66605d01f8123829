//! Related projects: the others ranked by the organisations they share with
//! a project, each weighted by how rare it is (inverse frequency) and by
//! the role it plays.

use super::{Neighbourhood, Role};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub key: String,
    pub name: String,
    pub score: f64,
    /// Shared organisations, most telling first.
    pub shared: Vec<String>,
}

/// Projects sharing organisations with `project`, best first.
pub fn related(nb: &Neighbourhood, project: &str, limit: usize) -> Vec<Related> {
    let focus: HashMap<String, Role> = nb.orgs_of(project).into_iter().collect();
    let mut found: HashMap<&str, HashMap<&str, f64>> = HashMap::new();
    for link in nb.links.iter().filter(|l| l.project != project) {
        let Some(focus_role) = focus.get(&link.org) else {
            continue;
        };
        let strength = focus_role.strength().min(link.role.strength());
        let weight = nb.weight(&link.org) * strength;
        let shared = found.entry(&link.project).or_default();
        let entry = shared.entry(&link.org).or_insert(0.0);
        *entry = entry.max(weight);
    }
    let mut ranked: Vec<Related> = found
        .into_iter()
        .map(|(key, shared)| to_related(nb, key, shared))
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.name.cmp(&b.name)));
    ranked.truncate(limit);
    ranked
}

fn to_related(nb: &Neighbourhood, key: &str, shared: HashMap<&str, f64>) -> Related {
    let mut orgs: Vec<(&str, f64)> = shared.into_iter().collect();
    orgs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    Related {
        key: key.to_string(),
        name: nb.project_label(key),
        score: (orgs.iter().map(|(_, w)| w).sum::<f64>() * 1000.0).round() / 1000.0,
        shared: orgs.into_iter().map(|(o, _)| o.to_string()).collect(),
    }
}
