//! Related projects: the others ranked by the organisations they share with
//! a project, each weighted by how rare it is (inverse frequency) and by
//! the role it plays.

use super::{Neighbourhood, Role};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub key: String,
    /// The diarienummer as written (`null` for a made key): filled in by
    /// whoever has the cache.
    pub id: Option<String>,
    pub name: String,
    pub score: f64,
    /// Shared organisations, most telling first.
    pub shared: Vec<Shared>,
}

/// An organisation two projects share, with its role in each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    pub organisation: String,
    /// Its role in the project asked about.
    pub role_here: Role,
    /// Its role in the related project.
    pub role_there: Role,
}

impl Shared {
    /// "Försäkringskassan (partner / mentioned)".
    pub fn text(&self) -> String {
        format!(
            "{} ({} / {})",
            self.organisation,
            crate::i18n::t(self.role_here.as_str()),
            crate::i18n::t(self.role_there.as_str())
        )
    }
}

/// The shared organisations of each project, with their weights.
type Found<'a> = HashMap<&'a str, HashMap<&'a str, (f64, Role, Role)>>;

/// Projects sharing organisations with `project`, best first.
pub fn related(nb: &Neighbourhood, project: &str, limit: usize) -> Vec<Related> {
    let focus: HashMap<String, Role> = nb.orgs_of(project).into_iter().collect();
    let mut found: Found = HashMap::new();
    for link in nb.links.iter().filter(|l| l.project != project) {
        let Some(&focus_role) = focus.get(&link.org) else {
            continue;
        };
        let strength = focus_role.strength().min(link.role.strength());
        let weight = nb.weight(&link.org) * strength;
        let shared = found.entry(&link.project).or_default();
        let entry = shared
            .entry(&link.org)
            .or_insert((f64::MIN, focus_role, link.role));
        if weight > entry.0 {
            *entry = (weight, focus_role, link.role);
        }
    }
    let mut ranked: Vec<Related> = found
        .into_iter()
        .map(|(key, shared)| to_related(nb, key, shared))
        .collect();
    let by_name = |a: &Related, b: &Related| a.name.cmp(&b.name).then(a.key.cmp(&b.key));
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(by_name(a, b)));
    ranked.truncate(limit);
    ranked
}

fn to_related(nb: &Neighbourhood, key: &str, shared: HashMap<&str, (f64, Role, Role)>) -> Related {
    let mut orgs: Vec<(&str, (f64, Role, Role))> = shared.into_iter().collect();
    orgs.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let score = orgs.iter().map(|(_, (w, _, _))| w).sum::<f64>();
    Related {
        key: key.to_string(),
        id: None,
        name: nb.project_label(key),
        score: (score * 1000.0).round() / 1000.0,
        shared: orgs
            .into_iter()
            .map(|(o, (_, here, there))| Shared {
                organisation: o.to_string(),
                role_here: here,
                role_there: there,
            })
            .collect(),
    }
}
