//! Gathering the links around a project or an organisation for the partner
//! graph. Organisations with many projects (hubs) are not read whole: only
//! their links to projects already in view are.

use super::keys::key_typed;
use super::{Result, Store, StoreError};
use crate::graph::{node_name, Link, Neighbourhood, Role};
use rusqlite::{params, OptionalExtension};
use std::collections::{BTreeSet, HashSet};

const ROLES: [Role; 4] = [
    Role::Owner,
    Role::Partner,
    Role::Mentioned,
    Role::Municipality,
];

/// A project's row id and key.
type ProjectRow = (i64, String);

/// Organisations with more projects than this count as hubs.
const HUB: usize = 2_000;

/// The organisations a node stands for: itself, and when branches are
/// rolled up, everything whose parent it is.
pub(super) const FAMILY: &str =
    "SELECT id FROM organisations WHERE name = ?1 OR (?2 AND parent = ?1)";

impl Store {
    /// A project's links, its organisations' links (hubs: only to projects
    /// already found), and the sizes and kinds of every organisation node.
    pub fn neighbourhood_of_project(
        &self,
        id: &str,
        rollup: bool,
    ) -> Result<(String, Neighbourhood)> {
        let (rowid, key) = self.project_rowid(id)?;
        let mut nb = self.base_neighbourhood()?;
        let focus = self.links_of_project(rowid, &key, rollup)?;
        let nodes: BTreeSet<String> = focus.iter().map(|l| l.org.clone()).collect();
        nb.links = focus;
        let mut hubs = HashSet::new();
        let mut found = BTreeSet::new();
        for node in &nodes {
            let size = self.node_size(node, rollup)?;
            if size > HUB {
                hubs.insert(node.as_str());
            } else {
                let (links, projects) = self.links_of_node(node, rollup)?;
                nb.links.extend(links);
                found.extend(projects.into_iter().filter(|(r, _)| *r != rowid));
            }
        }
        // A hub's links to the projects found: each project's own links
        // read once, rather than the hub's tens of thousands.
        for (other, other_key) in &found {
            let links = self.links_of_project(*other, other_key, rollup)?;
            nb.links
                .extend(links.into_iter().filter(|l| hubs.contains(l.org.as_str())));
        }
        self.describe(&mut nb, rollup)?;
        Ok((key, nb))
    }

    /// An organisation's projects (at most `limit`, newest start first) and
    /// those projects' other links.
    pub fn neighbourhood_of_org(
        &self,
        name: &str,
        rollup: bool,
        limit: usize,
    ) -> Result<(String, Neighbourhood)> {
        let node = self
            .find_organisation(name)?
            .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
        let mut nb = self.base_neighbourhood()?;
        let shown = self.newest_projects_of_node(&node, rollup, limit)?;
        for (rowid, key, role) in &shown {
            nb.links.push(Link {
                project: key.clone(),
                org: node.clone(),
                role: *role,
            });
            let others = self.links_of_project(*rowid, key, rollup)?;
            nb.links
                .extend(others.into_iter().filter(|l| l.org != node));
        }
        self.describe(&mut nb, rollup)?;
        Ok((node, nb))
    }

    /// The project an ID names: the key exactly, else in any case. Two
    /// queries: one with OR across both collations reads every project.
    pub(super) fn project_rowid(&self, id: &str) -> Result<(i64, String)> {
        let exact = "SELECT rowid_, key FROM projects WHERE key = ?1";
        let any_case = "SELECT rowid_, key FROM projects WHERE key = ?1 COLLATE NOCASE LIMIT 1";
        let wanted = [
            (exact, id.trim().to_string()),
            (exact, key_typed(id)),
            (any_case, id.trim().to_string()),
        ];
        for (sql, key) in wanted {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let found = stmt
                .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            if let Some(found) = found {
                return Ok(found);
            }
        }
        Err(StoreError::NotFound(id.to_string()))
    }

    fn base_neighbourhood(&self) -> Result<Neighbourhood> {
        Ok(Neighbourhood {
            total_projects: self.project_count()?,
            ..Neighbourhood::default()
        })
    }

    fn links_of_project(&self, rowid: i64, key: &str, rollup: bool) -> Result<Vec<Link>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.name, o.parent, po.role FROM project_orgs po
             JOIN organisations o ON o.id = po.org WHERE po.project = ?1",
        )?;
        let rows = stmt.query_map([rowid], |r| {
            let (name, parent, role): (String, Option<String>, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(Link {
                project: key.to_string(),
                org: node_name(&name, parent.as_deref(), rollup),
                role: Role::parse(&role).unwrap_or(Role::Mentioned),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Links of every project to a node (not a hub), with the projects'
    /// rows and keys.
    fn links_of_node(&self, node: &str, rollup: bool) -> Result<(Vec<Link>, Vec<ProjectRow>)> {
        let sql = format!(
            "SELECT p.rowid_, p.key, po.role FROM project_orgs po
             JOIN projects p ON p.rowid_ = po.project WHERE po.org IN ({FAMILY})"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![node, rollup])?;
        let (mut links, mut projects) = (Vec::new(), Vec::new());
        while let Some(row) = rows.next()? {
            let (rowid, key, role): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            links.push(Link {
                project: key.clone(),
                org: node.to_string(),
                role: Role::parse(&role).unwrap_or(Role::Mentioned),
            });
            projects.push((rowid, key));
        }
        Ok((links, projects))
    }

    /// An organisation's newest projects. A hub's are found by walking all
    /// projects newest first (it is in most of them, so the walk is short);
    /// a small organisation's by reading its own links.
    fn newest_projects_of_node(
        &self,
        node: &str,
        rollup: bool,
        limit: usize,
    ) -> Result<Vec<(i64, String, Role)>> {
        let rank = "min(CASE po.role WHEN 'owner' THEN 0 WHEN 'partner' THEN 1
                                     WHEN 'mentioned' THEN 2 ELSE 3 END)";
        let sql = if self.node_size(node, rollup)? > HUB {
            format!(
                "SELECT * FROM (SELECT p.rowid_, p.key,
                        (SELECT {rank} FROM project_orgs po
                          WHERE po.project = p.rowid_ AND po.org IN ({FAMILY})) AS r
                 FROM projects p ORDER BY p.start_date IS NULL, p.start_date DESC, p.name)
                 WHERE r IS NOT NULL LIMIT ?3"
            )
        } else {
            format!(
                "SELECT p.rowid_, p.key, {rank} FROM project_orgs po
                 JOIN projects p ON p.rowid_ = po.project
                 WHERE po.org IN ({FAMILY})
                 GROUP BY p.rowid_ ORDER BY p.start_date IS NULL, p.start_date DESC, p.name LIMIT ?3"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![node, rollup, limit as i64], |r| {
            let rank: i64 = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, ROLES[rank.clamp(0, 3) as usize]))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Projects a node has: its own, or with its branches' when rolled up
    /// (each project once).
    fn node_size(&self, node: &str, rollup: bool) -> Result<usize> {
        let n: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT CASE WHEN ?2 THEN family_projects ELSE projects END
                 FROM organisations WHERE name = ?1",
            )?
            .query_row(params![node, rollup], |r| r.get(0))
            .optional()?;
        Ok(n.unwrap_or(0) as usize)
    }

    /// Sizes and kinds of every organisation node, names of every project.
    fn describe(&self, nb: &mut Neighbourhood, rollup: bool) -> Result<()> {
        let nodes: BTreeSet<String> = nb.links.iter().map(|l| l.org.clone()).collect();
        for node in nodes {
            let size = self.node_size(&node, rollup)?;
            let kind: String = self
                .conn
                .prepare_cached("SELECT kind FROM organisations WHERE name = ?1")?
                .query_row([&node], |r| r.get(0))
                .unwrap_or_else(|_| "organisation".into());
            nb.org_sizes.insert(node.clone(), size);
            nb.org_kinds.insert(node, kind);
        }
        let keys: BTreeSet<String> = nb.links.iter().map(|l| l.project.clone()).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT coalesce(name, key) FROM projects WHERE key = ?1")?;
        for key in keys {
            let name: String = stmt.query_row([&key], |r| r.get(0))?;
            nb.project_names.insert(key, name);
        }
        Ok(())
    }
}
