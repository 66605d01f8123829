//! An ego network as JSON (`{"nodes", "edges"}`) or Graphviz DOT.

use super::Ego;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GraphJson {
    pub nodes: Vec<NodeJson>,
    pub edges: Vec<EdgeJson>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NodeJson {
    /// `project:KEY` or `org:NAME`, as edges name it.
    pub node: String,
    /// `project`, `organisation` or `municipality`.
    pub kind: &'static str,
    pub label: String,
    /// A project's key, as every command gives it (none for an organisation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// A project's diarienummer as written (`null` for a made key; none
    /// for an organisation): filled in by whoever has the cache.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Option<String>>,
    /// Neighbours left out (hubs), when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EdgeJson {
    pub source: String,
    pub target: String,
    pub role: &'static str,
}

fn node_id(m: &super::Member) -> String {
    if m.is_project() {
        format!("project:{}", m.id)
    } else {
        format!("org:{}", m.id)
    }
}

fn node_kind(m: &super::Member) -> &'static str {
    match m.kind.name() {
        "project" => "project",
        "municipality" => "municipality",
        _ => "organisation",
    }
}

fn node(m: &super::Member, more: usize) -> NodeJson {
    NodeJson {
        node: node_id(m),
        kind: node_kind(m),
        label: m.label.clone(),
        key: m.is_project().then(|| m.id.clone()),
        id: m.is_project().then_some(None),
        more: (more > 0).then_some(more),
    }
}

/// Depth 1: the focus and its neighbours; depth 2: their neighbours too.
pub fn to_json(ego: &Ego, depth: u8) -> GraphJson {
    let mut nodes = vec![node(&ego.center, ego.more)];
    let mut edges = Vec::new();
    let center = node_id(&ego.center);
    for group in &ego.groups {
        let more = if depth >= 2 {
            group.more
        } else {
            group.others.len() + group.more
        };
        nodes.push(node(&group.node, more));
        let id = node_id(&group.node);
        edges.push(edge(&center, &id, &group.node));
        if depth < 2 {
            continue;
        }
        for other in &group.others {
            let other_id = node_id(other);
            if !nodes.iter().any(|n| n.node == other_id) {
                nodes.push(node(other, 0));
            }
            edges.push(edge(&id, &other_id, other));
        }
    }
    GraphJson { nodes, edges }
}

/// Edges always run project → organisation.
fn edge(a: &str, b: &str, role_of: &super::Member) -> EdgeJson {
    let (source, target) = if a.starts_with("project:") {
        (a, b)
    } else {
        (b, a)
    };
    EdgeJson {
        source: source.to_string(),
        target: target.to_string(),
        role: role_of.role.as_str(),
    }
}

/// Graphviz: projects as boxes, organisations as ellipses, municipalities
/// as houses; edges styled by role.
pub fn to_dot(graph: &GraphJson) -> String {
    let mut out = String::from("graph esf {\n  overlap=false;\n");
    for n in &graph.nodes {
        let shape = match n.kind {
            "project" => "box",
            "municipality" => "house",
            _ => "ellipse",
        };
        let label = match n.more {
            Some(more) => format!("{} (+{more} more)", n.label),
            None => n.label.clone(),
        };
        out.push_str(&format!(
            "  {} [label={}, shape={shape}];\n",
            quote(&n.node),
            quote(&label)
        ));
    }
    for e in &graph.edges {
        let style = match e.role {
            "owner" => "bold",
            "partner" => "solid",
            "municipality" => "dotted",
            _ => "dashed",
        };
        out.push_str(&format!(
            "  {} -- {} [style={style}, label={}];\n",
            quote(&e.source),
            quote(&e.target),
            quote(e.role)
        ));
    }
    out.push_str("}\n");
    out
}

/// A DOT string literal; control characters never get through.
fn quote(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if crate::present::sanitize::is_unsafe(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("\"{}\"", clean.replace('\\', "\\\\").replace('"', "\\\""))
}
