//! Reading the cache: project summaries for lists and filtering, one
//! project in full, full-text search, organisations.

use super::keys::normalise_id;
use super::{Result, Store, StoreError};
use crate::model::Project;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// What a list row and the fuzzy filter need of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProjectSummary {
    /// Diarienummer, or the derived key of a project without one.
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub owner: Option<String>,
    pub region: Option<String>,
    pub fund: Option<String>,
    pub programme_period: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub total_budget_sek: Option<i64>,
    pub esf_grant_sek: Option<i64>,
    pub organisations: Vec<String>,
    pub municipalities: Vec<String>,
}

/// A project in full, with where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct StoredProject {
    pub key: String,
    #[serde(flatten)]
    pub project: Project,
    pub source: String,
    pub articles: Vec<ArticleRef>,
    /// Every file that gives this project (more than one: same diarienummer).
    pub sources: Vec<String>,
}

/// A project record with its key (the shape of `list --json`).
#[derive(Debug, Clone, Serialize)]
pub struct KeyedProject {
    pub key: String,
    #[serde(flatten)]
    pub project: Project,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ArticleRef {
    pub title: String,
    pub body: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub key: String,
    pub name: Option<String>,
    pub owner: Option<String>,
    pub snippet: String,
    pub rank: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OrgSummary {
    pub name: String,
    pub parent: Option<String>,
    pub kind: String,
    pub projects: usize,
    /// Roles it has in those projects, strongest first.
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnclassifiedDoc {
    pub source: String,
    pub title: Option<String>,
    pub text: Option<String>,
}

/// key, record JSON, source path, name key, owner key.
type ProjectRow = (String, String, String, Option<String>, Option<String>);

fn split_list(s: Option<String>, sep: &str) -> Vec<String> {
    s.map(|s| {
        s.split(sep)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

impl Store {
    /// Every project, in name order.
    pub fn summaries(&self) -> Result<Vec<ProjectSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.key, p.id, p.name, p.owner, p.region, p.fund, p.programme_period,
                    p.start_date, p.end_date, p.total_budget_sek, p.esf_grant_sek,
                    p.municipalities,
                    (SELECT group_concat(o.name, char(31)) FROM project_orgs po
                       JOIN organisations o ON o.id = po.org WHERE po.project = p.rowid_)
             FROM projects p ORDER BY p.name COLLATE NOCASE, p.key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ProjectSummary {
                key: r.get(0)?,
                id: r.get(1)?,
                name: r.get(2)?,
                owner: r.get(3)?,
                region: r.get(4)?,
                fund: r.get(5)?,
                programme_period: r.get(6)?,
                start_date: r.get(7)?,
                end_date: r.get(8)?,
                total_budget_sek: r.get(9)?,
                esf_grant_sek: r.get(10)?,
                municipalities: split_list(r.get(11)?, "; "),
                organisations: split_list(r.get(12)?, "\u{1f}"),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full records for the given keys, in that order.
    pub fn records(&self, keys: &[&str]) -> Result<Vec<KeyedProject>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.key, r.record FROM projects p JOIN records r ON r.document_id = p.document_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut all: std::collections::HashMap<String, String> =
            rows.collect::<rusqlite::Result<_>>()?;
        Ok(keys
            .iter()
            .filter_map(|k| {
                let json = all.remove(*k)?;
                Some(KeyedProject {
                    key: k.to_string(),
                    project: serde_json::from_str(&json).unwrap_or_default(),
                })
            })
            .collect())
    }

    pub fn project_count(&self) -> Result<usize> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))?;
        Ok(count as usize)
    }

    /// One project by diarienummer or key, written in any case.
    pub fn project(&self, id: &str) -> Result<StoredProject> {
        let key = normalise_id(id);
        let row: Option<ProjectRow> = self
            .conn
            .query_row(
                "SELECT p.key, r.record, d.path, p.name_key, p.owner_key
                 FROM projects p JOIN documents d ON d.id = p.document_id
                 JOIN records r ON r.document_id = p.document_id
                 WHERE p.key = ?1 OR lower(p.key) = lower(?2)",
                params![key, id.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((key, record, source, name_key, owner_key)) = row else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        Ok(StoredProject {
            project: serde_json::from_str(&record).unwrap_or_default(),
            source,
            articles: self.articles_about(name_key.as_deref(), owner_key.as_deref())?,
            sources: self.sources_of(&key)?,
            key,
        })
    }

    fn articles_about(&self, name: Option<&str>, owner: Option<&str>) -> Result<Vec<ArticleRef>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.title, a.body, d.path FROM articles a JOIN documents d ON d.id = a.document_id
             WHERE a.name_key IS ?1 AND a.owner_key IS ?2 ORDER BY d.path",
        )?;
        let rows = stmt.query_map(params![name, owner], |r| {
            Ok(ArticleRef {
                title: r.get(0)?,
                body: r.get(1)?,
                source: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn sources_of(&self, key: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path FROM records r JOIN documents d ON d.id = r.document_id
             WHERE r.project_key = ?1 ORDER BY r.from_article, r.modified_at DESC, d.path DESC",
        )?;
        let rows = stmt.query_map([key], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full-text search; every word must occur (diacritics ignored).
    pub fn search(&self, words: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let query = fts_query(words);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT p.key, p.name, p.owner,
                    snippet(project_fts, -1, '[', ']', ' … ', 12), bm25(project_fts)
             FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
             WHERE project_fts MATCH ?1 ORDER BY bm25(project_fts) LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit as i64], |r| {
            Ok(SearchHit {
                key: r.get(0)?,
                name: r.get(1)?,
                owner: r.get(2)?,
                snippet: r.get(3)?,
                rank: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Organisations with the number of projects they are tied to.
    pub fn organisations(&self) -> Result<Vec<OrgSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.name, o.parent, o.kind, count(po.project),
                    group_concat(DISTINCT po.role)
             FROM organisations o LEFT JOIN project_orgs po ON po.org = o.id
             GROUP BY o.id ORDER BY count(po.project) DESC, o.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let roles: Option<String> = r.get(4)?;
            Ok(OrgSummary {
                name: r.get(0)?,
                parent: r.get(1)?,
                kind: r.get(2)?,
                projects: r.get::<_, i64>(3)? as usize,
                roles: ordered_roles(roles.as_deref().unwrap_or("")),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Documents of no known format.
    pub fn unclassified(&self) -> Result<Vec<UnclassifiedDoc>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path, u.title, u.text FROM unclassified u
             JOIN documents d ON d.id = u.document_id ORDER BY d.path",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UnclassifiedDoc {
                source: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn ordered_roles(joined: &str) -> Vec<String> {
    ["owner", "partner", "mentioned", "municipality"]
        .iter()
        .filter(|r| joined.split(',').any(|x| x == **r))
        .map(|r| r.to_string())
        .collect()
}

/// Words as FTS5 phrases (quotes doubled), so no user input is syntax.
fn fts_query(words: &str) -> String {
    words
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_quoted() {
        assert_eq!(fts_query("IPS  unga"), "\"IPS\" \"unga\"");
        assert_eq!(fts_query("a\"b OR"), "\"a\"\"b\" \"OR\"");
        assert_eq!(fts_query("  "), "");
    }
}
