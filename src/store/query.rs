//! Reading the cache: project summaries for lists and filtering, one
//! project in full, full-text search, organisations.

use super::keys::normalise_id;
use super::{Result, Store, StoreError};
use crate::ingest::gazetteer::FastMap;
use crate::model::{ArticleRef, FacetRow, KeyedProject, ProjectSummary, SearchHit, StoredProject};
use crate::search::fields::Field;
use rusqlite::{params, OptionalExtension};

/// The search box's field for an organisation in a role.
fn role_field(role: &str) -> Field {
    match role {
        "owner" => Field::Owner,
        "partner" => Field::Partner,
        "municipality" => Field::Municipality,
        _ => Field::Mentioned,
    }
}

/// The columns [`summary_row`] reads.
const SUMMARY: &str = "SELECT rowid_, key, id, name, owner, region, fund, programme_period,
        start_date, end_date, total_budget_sek, esf_grant_sek, municipalities,
        programme_area, programme_area_name, specific_objective, phase,
        municipalities_in_text FROM projects";

/// A project's facet columns: programme area (code, name), objective, phase.
type FacetColumns = [Option<String>; 4];

fn facet_columns(r: &rusqlite::Row) -> rusqlite::Result<FacetColumns> {
    Ok([r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?])
}

/// `2 Öka övergångarna till arbete`: the code and, when known, its name.
fn area_label(code: &Option<String>, name: &Option<String>) -> Option<String> {
    match (code, name) {
        (Some(c), Some(n)) => Some(format!("{c} {n}")),
        (Some(c), None) => Some(c.clone()),
        (None, n) => n.clone(),
    }
}

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, ProjectSummary, String)> {
    let summary = ProjectSummary {
        key: r.get(1)?,
        id: r.get(2)?,
        name: r.get(3)?,
        owner: r.get(4)?,
        region: r.get(5)?,
        fund: r.get(6)?,
        programme_period: r.get(7)?,
        start_date: r.get(8)?,
        end_date: r.get(9)?,
        total_budget_sek: r.get(10)?,
        esf_grant_sek: r.get(11)?,
    };
    Ok((r.get(0)?, summary, r.get(12)?))
}

/// Every project's organisation names: a project's links are a run of
/// `orgs` (indices into `names`), the run given by `runs[project]`.
#[derive(Default)]
struct ProjectOrgs {
    names: Vec<Box<str>>,
    /// The organisation each one is a branch or unit of, by name.
    parents: Vec<Option<Box<str>>>,
    /// Each one's organisationsnummer, if documents give it.
    numbers: Vec<Option<Box<str>>>,
    orgs: Vec<u32>,
    /// The field of the search box each link is in (its role).
    fields: Vec<Field>,
    runs: FastMap<i64, (u32, u32)>,
}

impl ProjectOrgs {
    fn run(&self, project: i64) -> &[u32] {
        let (start, len) = self.runs.get(&project).copied().unwrap_or_default();
        &self.orgs[start as usize..(start + len) as usize]
    }

    fn of(&self, project: i64) -> impl Iterator<Item = &str> {
        self.run(project).iter().map(|&o| &*self.names[o as usize])
    }

    /// The project's organisations, each with the field its role puts it
    /// in, and their organisationsnummer in the same field.
    fn linked(&self, project: i64) -> impl Iterator<Item = (Field, &str)> {
        let (start, len) = self.runs.get(&project).copied().unwrap_or_default();
        let range = start as usize..(start + len) as usize;
        self.fields[range.clone()]
            .iter()
            .zip(&self.orgs[range])
            .flat_map(|(&field, &o)| {
                let number = self.numbers[o as usize].as_deref();
                [Some(&*self.names[o as usize]), number]
                    .into_iter()
                    .flatten()
                    .map(move |value| (field, value))
            })
    }

    /// The project's organisations that are units or branches of another.
    fn units(&self, project: i64) -> Vec<&str> {
        let run = self.run(project).iter();
        run.filter(|&&o| self.parents[o as usize].is_some())
            .map(|&o| &*self.names[o as usize])
            .collect()
    }

    /// The project's organisations and those they belong to (a project
    /// with Arbetsförmedlingen Angered is a project with
    /// Arbetsförmedlingen), each once.
    fn with_parents(&self, project: i64) -> Vec<&str> {
        let mut all: Vec<&str> = self.of(project).collect();
        for &o in self.run(project) {
            if let Some(parent) = self.parents[o as usize].as_deref() {
                if !all.contains(&parent) {
                    all.push(parent);
                }
            }
        }
        all
    }
}

/// key, record JSON, source path, name key, owner key.
type ProjectRow = (String, String, String, Option<String>, Option<String>);

/// Ranking by BM25 reads every match, about a microsecond each: beyond
/// this many a first page would take longer than 200 ms, and the matches
/// are listed in the cache's order instead.
pub const RANK_UP_TO: usize = 200_000;

impl Store {
    /// Every project in list order (name without regard to case, then
    /// key), handed to `each` with its organisations' and municipalities'
    /// names joined, one at a time so that a million never sit in memory
    /// twice; with its facet values when `facets` (else an empty row: they
    /// cost a quarter of the time).
    pub fn each_summary(
        &self,
        facets: bool,
        mut each: impl FnMut(ProjectSummary, &[(Field, &str)], &FacetRow),
    ) -> Result<()> {
        let links = self.organisation_names_by_project()?;
        let mut stmt = self
            .conn
            .prepare(&format!("{SUMMARY} ORDER BY name COLLATE NOCASE, key"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (rowid, summary, municipalities) = summary_row(row)?;
            let [area, area_name, objective, phase] = facet_columns(row)?;
            // Named only in the text: a facet value, no field to match.
            let in_text: String = row.get(17)?;
            let area = area_label(&area, &area_name);
            let row_facets = match facets {
                false => FacetRow::default(),
                true => FacetRow {
                    area: area.as_deref(),
                    objective: objective.as_deref(),
                    phase: phase.as_deref(),
                    municipalities: municipalities
                        .split("; ")
                        .chain(in_text.split("; "))
                        .filter(|m| !m.is_empty())
                        .collect(),
                    organisations: links.with_parents(rowid),
                    units: links.units(rowid),
                },
            };
            // The summary moves into `each`: its owner and region are copied.
            let (owner, region) = (summary.owner.clone(), summary.region.clone());
            let mut fields: Vec<(Field, &str)> = links.linked(rowid).collect();
            fields.extend(municipalities.split("; ").map(|m| (Field::Municipality, m)));
            let described = [
                (Field::Owner, owner.as_deref()),
                (Field::Region, region.as_deref()),
                (Field::Area, area.as_deref()),
                (Field::Objective, objective.as_deref()),
            ];
            fields.extend(described.into_iter().filter_map(|(f, v)| Some((f, v?))));
            each(summary, &fields, &row_facets);
        }
        Ok(())
    }

    /// Every project in list order.
    pub fn summaries(&self) -> Result<Vec<ProjectSummary>> {
        let mut all = Vec::new();
        self.each_summary(false, |summary, _, _| all.push(summary))?;
        Ok(all)
    }

    /// The first `limit` projects in list order, quickly (an index gives
    /// the order), for a screen to show while the rest load.
    pub fn first_summaries(&self, limit: usize) -> Result<Vec<ProjectSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SUMMARY} ORDER BY name COLLATE NOCASE, key LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], |r| Ok(summary_row(r)?.1))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Organisation names per project row, read in one pass over the links
    /// (a lookup per project would seek a million times).
    fn organisation_names_by_project(&self) -> Result<ProjectOrgs> {
        let mut index_of: FastMap<i64, u32> = FastMap::default();
        let mut links = ProjectOrgs::default();
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, parent FROM organisations")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            index_of.insert(row.get(0)?, links.names.len() as u32);
            links.names.push(row.get::<_, String>(1)?.into());
            links
                .parents
                .push(row.get::<_, Option<String>>(2)?.map(Into::into));
            links.numbers.push(None);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT org, min(number) FROM organisation_numbers GROUP BY org")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(&org) = index_of.get(&row.get::<_, i64>(0)?) {
                links.numbers[org as usize] = Some(row.get::<_, String>(1)?.into());
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT project, org, role FROM project_orgs ORDER BY project, org")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let project: i64 = row.get(0)?;
            if let Some(&org) = index_of.get(&row.get::<_, i64>(1)?) {
                let at = links.orgs.len() as u32;
                links.runs.entry(project).or_insert((at, 0)).1 += 1;
                links.orgs.push(org);
                links.fields.push(role_field(&row.get::<_, String>(2)?));
            }
        }
        Ok(links)
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

    /// The key of every project in the cache.
    pub fn project_keys(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT key FROM projects")?;
        let keys = stmt.query_map([], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
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
        // The key as given first: the search in any case reads every
        // project (a second at a million), the browser always has the key.
        let select = |which: &str, value: &str| -> Result<Option<ProjectRow>> {
            let sql = format!(
                "SELECT p.key, r.record, d.path, p.name_key, p.owner_key
                 FROM projects p JOIN documents d ON d.id = p.document_id
                 JOIN records r ON r.document_id = p.document_id
                 WHERE {which} LIMIT 1"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let row = stmt.query_row([value], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            });
            Ok(row.optional()?)
        };
        let row = match select("p.key = ?1", &key)? {
            Some(row) => Some(row),
            None => select("lower(p.key) = lower(?1)", id.trim())?,
        };
        let Some((key, record, source, name_key, owner_key)) = row else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        let mut stored = StoredProject {
            project: serde_json::from_str(&record).unwrap_or_default(),
            source,
            articles: self.articles_about(name_key.as_deref(), owner_key.as_deref())?,
            sources: self.sources_of(&key)?,
            kohesio: None,
            linked: Vec::new(),
            key,
        };
        self.add_pages(&mut stored, name_key.as_deref(), owner_key.as_deref())?;
        Ok(stored)
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
        // A word in very many texts is listed in the cache's order.
        let order = match self.rankable(words)? {
            true => "ORDER BY bm25(project_fts)",
            false => "",
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT p.key, p.name, p.owner,
                    snippet(project_fts, -1, '[', ']', ' … ', 12), bm25(project_fts)
             FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
             WHERE project_fts MATCH ?1 {order} LIMIT ?2"
        ))?;
        // SQLite takes -1 for no limit.
        let limit = i64::try_from(limit).unwrap_or(-1);
        let rows = stmt.query_map(params![query, limit], |r| {
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

    /// Keys of the projects whose texts hold every word of `words` (by
    /// stem, as `search` finds them): the best `ranked` by BM25 first (when
    /// they are few enough to rank; else the first found),
    /// then, with `rest`, every other in the cache's order (ranking a
    /// common word's every match would take seconds at a million).
    pub fn text_matches(&self, words: &str, ranked: usize, rest: bool) -> Result<Vec<String>> {
        let query = fts_query(words);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let sql = match self.rankable(words)? {
            true => {
                "SELECT p.key FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
                 WHERE project_fts MATCH ?1 ORDER BY bm25(project_fts) LIMIT ?2"
            }
            false => {
                "SELECT p.key FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
                 WHERE project_fts MATCH ?1 LIMIT ?2"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let limit = ranked.min(i64::MAX as usize) as i64;
        let rows = stmt.query_map(params![query, limit], |r| r.get(0))?;
        let mut keys: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        if !rest || keys.len() < ranked {
            return Ok(keys);
        }
        let best: std::collections::HashSet<String> = keys.iter().cloned().collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.key FROM project_fts JOIN projects p ON p.rowid_ = project_fts.rowid
             WHERE project_fts MATCH ?1",
        )?;
        for key in stmt.query_map([query], |r| r.get::<_, String>(0))? {
            let key = key?;
            if !best.contains(&key) {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// Are a query's matches few enough to rank (no more than
    /// [`RANK_UP_TO`])? Told from how many texts hold each word (a word's
    /// forms summed: an upper bound), without reading the matches.
    fn rankable(&self, words: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(sum(doc), 0) FROM project_fts_words WHERE term >= ?1 AND term < ?2",
        )?;
        let mut fewest = i64::MAX;
        for stem in crate::search::stem::stems(words) {
            let stem = crate::search::fold(&stem);
            // One or two letters are looked for whole (see fts_query).
            let end = match stem.chars().count() {
                1 | 2 => format!("{stem}\0"),
                _ => format!("{stem}\u{10FFFF}"),
            };
            fewest = fewest.min(stmt.query_row(params![stem, end], |r| r.get(0))?);
        }
        Ok(fewest <= RANK_UP_TO as i64)
    }

    /// A project's texts as the full-text index reads them: description
    /// first, then name, owner and organisations (those present).
    pub fn texts_of(&self, key: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.description, t.name, t.owner, t.organisations
             FROM project_text t JOIN projects p ON p.rowid_ = t.id WHERE p.key = ?1",
        )?;
        let mut rows = stmt.query([key])?;
        let Some(row) = rows.next()? else {
            return Ok(Vec::new());
        };
        let mut texts = Vec::new();
        for column in 0..4 {
            texts.extend(row.get::<_, Option<String>>(column)?);
        }
        Ok(texts)
    }
}

/// Words as FTS5 phrases (quotes doubled), so no user input is syntax.
/// Every word's stem as a quoted prefix (`"metod"*`): quoted, no input is
/// FTS5 syntax; one token each, no phrase (the index keeps no positions).
fn fts_query(words: &str) -> String {
    crate::search::stem::stems(words)
        .iter()
        // A word of one or two letters is looked for whole, not as a prefix.
        .map(|s| match s.chars().count() {
            1 | 2 => format!("\"{s}\""),
            _ => format!("\"{s}\"*"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_quoted() {
        assert_eq!(fts_query("IPS  unga"), "\"ips\"* \"ung\"*");
        assert_eq!(fts_query("a\"b OR"), "\"a\" \"b\" \"or\"");
        assert_eq!(fts_query("  \" * "), "");
    }
}
