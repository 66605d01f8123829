//! Project summaries in list order, with the fields the search box looks
//! in and their facet values: what the browser loads, and what the search
//! index is built from.

use super::{Result, Store};
use crate::ingest::gazetteer::FastMap;
use crate::model::{FacetRow, KeyedProject, ProjectSummary};
use crate::search::fields::Field;
use rusqlite::Connection;

/// The search box's fields an organisation's role puts it in, by the
/// number a link keeps.
const ROLE_FIELDS: [Field; 4] = [
    Field::Owner,
    Field::Partner,
    Field::Municipality,
    Field::Mentioned,
];

/// The number of the search box's field for an organisation in a role.
fn role_number(role: &str) -> u32 {
    match role {
        "owner" => 0,
        "partner" => 1,
        "municipality" => 2,
        _ => 3,
    }
}

/// A link keeps its organisation in the low bits, its role above them.
const ORG_BITS: u32 = 30;
const ORG_MASK: u32 = (1 << ORG_BITS) - 1;

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
/// `links` (indices into `names`, each with its role), the runs in the
/// order of the projects' rows: four bytes a link and twelve a project
/// (a million projects have some twelve million links).
#[derive(Default)]
struct ProjectOrgs {
    names: Vec<Box<str>>,
    /// The organisation each one is a branch or unit of, by name.
    parents: Vec<Option<Box<str>>>,
    /// Each one's organisationsnummer, if documents give it.
    numbers: Vec<Option<Box<str>>>,
    links: Vec<u32>,
    /// The rows of the projects with links, rising, and where each run
    /// of links starts.
    projects: Vec<u32>,
    starts: Vec<u32>,
}

impl ProjectOrgs {
    /// Adds a link (the links come by project, rising).
    fn push(&mut self, project: i64, org: u32, role: u32) {
        // A billion organisations, or four billion rows: never met.
        let Ok(project) = u32::try_from(project) else {
            return;
        };
        if org > ORG_MASK {
            return;
        }
        if self.projects.last() != Some(&project) {
            self.projects.push(project);
            self.starts.push(self.links.len() as u32);
        }
        self.links.push(role << ORG_BITS | org);
    }

    fn run(&self, project: i64) -> &[u32] {
        let Some(at) = u32::try_from(project)
            .ok()
            .and_then(|p| self.projects.binary_search(&p).ok())
        else {
            return &[];
        };
        let start = self.starts[at] as usize;
        let end = self
            .starts
            .get(at + 1)
            .map_or(self.links.len(), |&e| e as usize);
        &self.links[start..end]
    }

    fn name(&self, link: u32) -> &str {
        &self.names[(link & ORG_MASK) as usize]
    }

    fn of(&self, project: i64) -> impl Iterator<Item = &str> {
        self.run(project).iter().map(|&link| self.name(link))
    }

    /// The project's organisations, each with the field its role puts it
    /// in, and their organisationsnummer in the same field.
    fn linked(&self, project: i64) -> impl Iterator<Item = (Field, &str)> {
        self.run(project).iter().flat_map(|&link| {
            let field = ROLE_FIELDS[(link >> ORG_BITS) as usize];
            let number = self.numbers[(link & ORG_MASK) as usize].as_deref();
            [Some(self.name(link)), number]
                .into_iter()
                .flatten()
                .map(move |value| (field, value))
        })
    }

    fn parent(&self, link: u32) -> Option<&str> {
        self.parents[(link & ORG_MASK) as usize].as_deref()
    }

    /// The project's organisations that are units or branches of
    /// another, each with the one it belongs to.
    fn parents(&self, project: i64) -> Vec<(&str, &str)> {
        let run = self.run(project).iter();
        run.filter_map(|&link| Some((self.name(link), self.parent(link)?)))
            .collect()
    }
}

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
        each_summary_in(&self.conn, facets, |_, s, fields, row| each(s, fields, row))
    }

    /// Every project in list order.
    pub fn summaries(&self) -> Result<Vec<ProjectSummary>> {
        let mut all = Vec::new();
        self.each_summary(false, |summary, _, _| all.push(summary))?;
        Ok(all)
    }

    /// Hands `f` every project's summary in list order, read as it goes.
    pub fn with_summaries<R>(
        &self,
        f: impl FnOnce(&mut dyn Iterator<Item = Result<ProjectSummary>>) -> R,
    ) -> Result<R> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SUMMARY} ORDER BY name COLLATE NOCASE, key"))?;
        let rows = stmt.query_map([], |r| Ok(summary_row(r)?.1))?;
        let answer = f(&mut rows.map(|r| r.map_err(Into::into)));
        Ok(answer)
    }

    /// Hands `f` every project's full record in list order, read as it goes.
    pub fn with_records<R>(
        &self,
        f: impl FnOnce(&mut dyn Iterator<Item = Result<KeyedProject>>) -> R,
    ) -> Result<R> {
        let mut stmt = self.conn.prepare(
            "SELECT p.key, r.record, r.description FROM projects p
             JOIN records r ON r.document_id = p.document_id
             ORDER BY p.name COLLATE NOCASE, p.key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KeyedProject {
                key: r.get(0)?,
                project: super::stored_record::from_row(r, 1)?,
            })
        })?;
        let answer = f(&mut rows.map(|r| r.map_err(Into::into)));
        Ok(answer)
    }

    /// One project's summary by its row in the cache.
    pub fn summary_at(&self, rowid: i64) -> Result<Option<ProjectSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SUMMARY} WHERE rowid_ = ?1"))?;
        let row = stmt.query_row([rowid], |r| Ok(summary_row(r)?.1));
        Ok(rusqlite::OptionalExtension::optional(row)?)
    }

    /// One project's summary by its key.
    pub fn summary_of(&self, key: &str) -> Result<Option<ProjectSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SUMMARY} WHERE key = ?1"))?;
        let row = stmt.query_row([key], |r| Ok(summary_row(r)?.1));
        Ok(rusqlite::OptionalExtension::optional(row)?)
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
}

/// [`Store::each_summary`] on any connection to the cache (an import
/// builds the search index with it inside its transaction).
pub(super) fn each_summary_in(
    conn: &Connection,
    facets: bool,
    mut each: impl FnMut(i64, ProjectSummary, &[(Field, &str)], &FacetRow),
) -> Result<()> {
    let links = organisation_names_by_project(conn)?;
    let mut stmt = conn.prepare(&format!("{SUMMARY} ORDER BY name COLLATE NOCASE, key"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        hand_row(row, &links, facets, &mut each)?;
    }
    Ok(())
}

/// [`each_summary_in`] for the projects of rows `rows` only, in list
/// order, with their facet values (a row no project has is passed over):
/// read in one statement each for the projects and their links, which
/// reads the rows in the file's order (some ten thousand projects of an
/// organisation that got its number, read one by one, take seconds).
pub(super) fn each_summary_at(
    conn: &Connection,
    rows: &[i64],
    mut each: impl FnMut(i64, ProjectSummary, &[(Field, &str)], &FacetRow),
) -> Result<()> {
    let rows = json_list(rows);
    let links = organisation_names_of(conn, &rows)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY} WHERE rowid_ IN (SELECT value FROM json_each(?1))
         ORDER BY name COLLATE NOCASE, key"
    ))?;
    let mut found = stmt.query([&rows])?;
    while let Some(row) = found.next()? {
        hand_row(row, &links, true, &mut each)?;
    }
    Ok(())
}

/// Numbers as a JSON array, for `json_each`.
fn json_list(rows: &[i64]) -> String {
    let numbers: Vec<String> = rows.iter().map(i64::to_string).collect();
    format!("[{}]", numbers.join(","))
}

/// One project's summary, search fields and facet values, handed to `each`.
fn hand_row(
    row: &rusqlite::Row,
    links: &ProjectOrgs,
    facets: bool,
    each: &mut impl FnMut(i64, ProjectSummary, &[(Field, &str)], &FacetRow),
) -> Result<()> {
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
            organisations: links.of(rowid).collect(),
            parents: links.parents(rowid),
        },
    };
    // The summary moves into `each`: its owner and region are copied.
    let (owner, region) = (summary.owner.clone(), summary.region.clone());
    let mut fields: Vec<(Field, &str)> = links.linked(rowid).collect();
    fields.extend(municipalities.split("; ").map(|m| (Field::Municipality, m)));
    let in_text = in_text.split("; ").filter(|m| !m.is_empty());
    fields.extend(in_text.map(|m| (Field::MunicipalityInText, m)));
    let described = [
        (Field::Owner, owner.as_deref()),
        (Field::Region, region.as_deref()),
        (Field::Area, area.as_deref()),
        (Field::Objective, objective.as_deref()),
    ];
    fields.extend(described.into_iter().filter_map(|(f, v)| Some((f, v?))));
    each(rowid, summary, &fields, &row_facets);
    Ok(())
}

/// [`organisation_names_by_project`] for the projects of `rows` (a JSON
/// array) only.
fn organisation_names_of(conn: &Connection, rows: &str) -> Result<ProjectOrgs> {
    let mut index_of: FastMap<i64, u32> = FastMap::default();
    let mut links = ProjectOrgs::default();
    // Links go in by project, rising.
    let mut stmt = conn.prepare_cached(
        "SELECT po.project, po.org, po.role, o.name, o.parent,
                (SELECT min(number) FROM organisation_numbers n WHERE n.org = po.org)
         FROM project_orgs po JOIN organisations o ON o.id = po.org
         WHERE po.project IN (SELECT value FROM json_each(?1))
         ORDER BY po.project, po.org",
    )?;
    let mut found = stmt.query([rows])?;
    while let Some(row) = found.next()? {
        let (project, id): (i64, i64) = (row.get(0)?, row.get(1)?);
        let org = match index_of.get(&id) {
            Some(&org) => org,
            None => {
                let org = links.names.len() as u32;
                index_of.insert(id, org);
                links.names.push(row.get::<_, String>(3)?.into());
                let parent = row.get::<_, Option<String>>(4)?;
                links.parents.push(parent.map(Into::into));
                let number = row.get::<_, Option<String>>(5)?;
                links.numbers.push(number.map(Into::into));
                org
            }
        };
        let role = row.get_ref(2)?.as_str().map_or(3, role_number);
        links.push(project, org, role);
    }
    Ok(links)
}

/// Organisation names per project row, read in one pass over the links
/// (a lookup per project would seek a million times).
fn organisation_names_by_project(conn: &Connection) -> Result<ProjectOrgs> {
    let mut index_of: FastMap<i64, u32> = FastMap::default();
    let mut links = ProjectOrgs::default();
    let mut stmt = conn.prepare("SELECT id, name, parent FROM organisations")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        index_of.insert(row.get(0)?, links.names.len() as u32);
        links.names.push(row.get::<_, String>(1)?.into());
        links
            .parents
            .push(row.get::<_, Option<String>>(2)?.map(Into::into));
        links.numbers.push(None);
    }
    let mut stmt =
        conn.prepare("SELECT org, min(number) FROM organisation_numbers GROUP BY org")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(&org) = index_of.get(&row.get::<_, i64>(0)?) {
            links.numbers[org as usize] = Some(row.get::<_, String>(1)?.into());
        }
    }
    let mut stmt =
        conn.prepare("SELECT project, org, role FROM project_orgs ORDER BY project, org")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let project: i64 = row.get(0)?;
        if let Some(&org) = index_of.get(&row.get::<_, i64>(1)?) {
            let role = row.get_ref(2)?.as_str().map_or(3, role_number);
            links.push(project, org, role);
        }
    }
    Ok(links)
}
