//! The partner graph: projects and organisations joined by the links from
//! ingest. Pure logic over links handed to it (the store gathers them); no
//! I/O, no drawing.
//!
//! Municipalities are organisations of kind `municipality`: a project that
//! works in Göteborg and one owned by Göteborgs Stad meet at one node.
//! Branch offices and units roll up into their parent unless asked not to.

mod ego;
mod export;
mod related;

pub use ego::{ego_of_org, ego_of_project, Ego, EgoGroup, Member, MemberKind};
pub use export::{to_dot, to_json, GraphJson};
pub use related::{related, Related, Shared};

use serde::Serialize;
use std::collections::HashMap;

/// How a project and an organisation are tied; the order is the strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Partner,
    Mentioned,
    Municipality,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "owner" => Some(Role::Owner),
            "partner" => Some(Role::Partner),
            "mentioned" => Some(Role::Mentioned),
            "municipality" => Some(Role::Municipality),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Partner => "partner",
            Role::Mentioned => "mentioned",
            Role::Municipality => "municipality",
        }
    }

    /// How much a shared organisation in this role says about two projects
    /// being related: being named in passing says less.
    fn strength(self) -> f64 {
        match self {
            Role::Owner | Role::Partner => 1.0,
            Role::Municipality => 0.5,
            // Named in passing in a description says little.
            Role::Mentioned => 0.1,
        }
    }
}

/// One link: a project (by key) tied to an organisation node (by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub project: String,
    pub org: String,
    pub role: Role,
}

/// What the graph is centred on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Project(String),
    Organisation(String),
}

/// The links around a focus, as the store gathered them.
#[derive(Debug, Clone, Default)]
pub struct Neighbourhood {
    pub links: Vec<Link>,
    /// Projects in the whole cache (for the inverse-frequency weight).
    pub total_projects: usize,
    /// Number of projects each organisation node has, in the whole cache.
    pub org_sizes: HashMap<String, usize>,
    pub org_kinds: HashMap<String, String>,
    pub project_names: HashMap<String, String>,
    /// Projects an organisation has beyond the links gathered (hubs).
    pub org_more: HashMap<String, usize>,
}

impl Neighbourhood {
    /// Rare organisations weigh more: ln((N + 1) / projects).
    pub fn weight(&self, org: &str) -> f64 {
        let size = self.org_sizes.get(org).copied().unwrap_or(1).max(1) as f64;
        ((self.total_projects as f64 + 1.0) / size).ln().max(0.0)
    }

    pub fn project_label(&self, key: &str) -> String {
        self.project_names
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn org_kind(&self, org: &str) -> &str {
        self.org_kinds
            .get(org)
            .map_or("organisation", String::as_str)
    }

    /// The focus project's organisations with their strongest role.
    pub fn orgs_of(&self, project: &str) -> Vec<(String, Role)> {
        let mut best: HashMap<&str, Role> = HashMap::new();
        for l in self.links.iter().filter(|l| l.project == project) {
            let role = best.entry(&l.org).or_insert(l.role);
            *role = (*role).min(l.role);
        }
        let mut orgs: Vec<(String, Role)> =
            best.into_iter().map(|(o, r)| (o.to_string(), r)).collect();
        orgs.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        orgs
    }
}

/// The node an organisation counts as: itself, or its parent when branches
/// and units are rolled up.
pub fn node_name(name: &str, parent: Option<&str>, rollup: bool) -> String {
    match parent {
        Some(p) if rollup => p.to_string(),
        _ => name.to_string(),
    }
}
