//! Ego networks: a focus, its neighbours (inner ring) and theirs (outer
//! ring). Hubs are summarised: a neighbour with many projects shows the
//! few that matter most and how many more there are.

use super::{related, Neighbourhood, Role};
use std::collections::HashMap;

/// A node in an ego network.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Project key or organisation name.
    pub id: String,
    pub label: String,
    pub kind: MemberKind,
    pub role: Role,
    pub weight: f64,
}

/// What a member of an ego network is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberKind {
    Project,
    /// An organisation, with its kind (`agency`, `municipality`, …).
    Organisation(String),
}

impl MemberKind {
    /// `project`, or the organisation's kind.
    pub fn name(&self) -> &str {
        match self {
            MemberKind::Project => "project",
            MemberKind::Organisation(kind) => kind,
        }
    }
}

impl Member {
    pub fn is_project(&self) -> bool {
        self.kind == MemberKind::Project
    }
}

/// A neighbour of the focus and the part of its own neighbourhood shown.
#[derive(Debug, Clone, PartialEq)]
pub struct EgoGroup {
    pub node: Member,
    /// Projects the neighbour has in the whole cache (organisations only).
    pub size: usize,
    pub others: Vec<Member>,
    /// Further neighbours not shown.
    pub more: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ego {
    pub center: Member,
    pub groups: Vec<EgoGroup>,
    /// Neighbours of the centre not shown (hub organisations).
    pub more: usize,
}

fn project_member(nb: &Neighbourhood, key: &str, role: Role, weight: f64) -> Member {
    Member {
        id: key.to_string(),
        label: nb.project_label(key),
        kind: MemberKind::Project,
        role,
        weight,
    }
}

fn org_member(nb: &Neighbourhood, org: &str, role: Role) -> Member {
    Member {
        id: org.to_string(),
        label: org.to_string(),
        kind: MemberKind::Organisation(nb.org_kind(org).to_string()),
        role,
        weight: nb.weight(org),
    }
}

/// A project, its organisations, and each organisation's other projects
/// (at most `per_group`, those sharing the most with the focus first).
pub fn ego_of_project(nb: &Neighbourhood, project: &str, per_group: usize) -> Ego {
    let scores: HashMap<String, f64> = related(nb, project, usize::MAX)
        .into_iter()
        .map(|r| (r.key, r.score))
        .collect();
    let groups = nb
        .orgs_of(project)
        .into_iter()
        .map(|(org, role)| {
            let mut others: Vec<Member> = nb
                .links
                .iter()
                .filter(|l| l.org == org && l.project != project)
                .map(|l| {
                    project_member(
                        nb,
                        &l.project,
                        l.role,
                        scores.get(&l.project).copied().unwrap_or(0.0),
                    )
                })
                .collect();
            dedup_by_id(&mut others);
            others.sort_by(|a, b| {
                let by_label = a.label.cmp(&b.label).then(a.id.cmp(&b.id));
                b.weight.total_cmp(&a.weight).then(by_label)
            });
            let size = nb.org_sizes.get(&org).copied().unwrap_or(others.len() + 1);
            let total_others = size.saturating_sub(1).max(others.len());
            others.truncate(per_group);
            EgoGroup {
                more: total_others - others.len(),
                node: org_member(nb, &org, role),
                size,
                others,
            }
        })
        .collect();
    Ego {
        center: project_member(nb, project, Role::Owner, 0.0),
        groups,
        more: 0,
    }
}

/// An organisation, its projects (at most `limit`, in the order the links
/// came), and each project's other organisations (rarest first).
pub fn ego_of_org(nb: &Neighbourhood, org: &str, limit: usize, per_group: usize) -> Ego {
    let mut projects: Vec<(String, Role)> = Vec::new();
    for l in nb.links.iter().filter(|l| l.org == org) {
        if !projects.iter().any(|(p, _)| *p == l.project) {
            projects.push((l.project.clone(), l.role));
        }
    }
    let total = nb
        .org_sizes
        .get(org)
        .copied()
        .unwrap_or(projects.len())
        .max(projects.len());
    projects.truncate(limit);
    let groups = projects
        .iter()
        .map(|(key, role)| {
            let mut others: Vec<Member> = nb
                .orgs_of(key)
                .into_iter()
                .filter(|(o, _)| o != org)
                .map(|(o, r)| org_member(nb, &o, r))
                .collect();
            others.sort_by(|a, b| {
                let by_label = a.label.cmp(&b.label).then(a.id.cmp(&b.id));
                b.weight.total_cmp(&a.weight).then(by_label)
            });
            let all = others.len();
            others.truncate(per_group);
            EgoGroup {
                node: project_member(nb, key, *role, 0.0),
                size: 0,
                more: all - others.len(),
                others,
            }
        })
        .collect();
    Ego {
        center: org_member(nb, org, Role::Owner),
        groups,
        more: total - projects.len(),
    }
}

fn dedup_by_id(members: &mut Vec<Member>) {
    let mut best: HashMap<String, Member> = HashMap::new();
    for m in members.drain(..) {
        match best.get(&m.id) {
            Some(existing) if existing.role <= m.role => {}
            _ => {
                best.insert(m.id.clone(), m);
            }
        }
    }
    members.extend(best.into_values());
}
