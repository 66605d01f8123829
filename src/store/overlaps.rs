//! Finding the projects overlaps compare: each organisation's own projects
//! (those it or, rolled up, one of its units owns), read through the
//! organisations' links, never by reading every project when one
//! organisation or one project is asked about.

use super::{Result, Store, StoreError};
use crate::catalogue::key_set::{self, KeySet};
use crate::overlaps::{self, Candidate, Pair};
use rusqlite::{params, OptionalExtension};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The columns of a project overlaps compare (`p`: projects).
pub(super) const COLUMNS: &str =
    "p.key, p.name, p.owner, p.start_date, p.end_date, p.programme_period,
    p.programme_area, p.specific_objective, p.municipalities, p.id";

/// What an overlaps run found, and what it left out.
#[derive(Debug, Default)]
pub struct Found {
    pub pairs: Vec<Pair>,
    /// Projects compared (of the organisations looked at).
    pub compared: usize,
    /// Of those organisations' projects, those without both dates.
    pub without_dates: usize,
    /// The pairs found (also when they were handed on, not kept).
    pub count: usize,
    /// Stopped before every organisation was compared (asked to).
    pub stopped: bool,
    /// ESF projects paired with another fund's project of the same
    /// organisationsnummer (of the organisation asked about, in the
    /// municipality asked about), whether or not the run stopped.
    pub cross_fund: Vec<crate::overlaps::CrossFundPair>,
}

impl Store {
    /// Every overlapping pair of one organisation (`org`: a name or an
    /// organisationsnummer; its parent when it is a unit and `rollup`), or
    /// of every organisation; `municipality` keeps only projects a
    /// document places there. `NotFound` names an organisation not known.
    pub fn overlaps(
        &self,
        org: Option<&str>,
        municipality: Option<&str>,
        rollup: bool,
    ) -> Result<Found> {
        let mut pairs = Vec::new();
        let mut found = self.overlaps_each(org, municipality, rollup, &mut |some| {
            pairs.extend(some);
        })?;
        found.pairs = pairs;
        Ok(found)
    }

    /// [`Store::overlaps`], handing each organisation's pairs (most days
    /// first) to `each` as they are found, organisations in name order:
    /// only one organisation's pairs are in memory at a time. The pairs
    /// of the returned [`Found`] are left empty.
    pub fn overlaps_each(
        &self,
        org: Option<&str>,
        municipality: Option<&str>,
        rollup: bool,
        each: &mut dyn FnMut(Vec<Pair>),
    ) -> Result<Found> {
        self.overlaps_until(org, municipality, rollup, &mut |pairs| {
            each(pairs);
            true
        })
    }

    /// [`Store::overlaps_each`], stopped after the organisation whose
    /// pairs `each` answers false to (`stopped` then says so).
    pub fn overlaps_until(
        &self,
        org: Option<&str>,
        municipality: Option<&str>,
        rollup: bool,
        each: &mut dyn FnMut(Vec<Pair>) -> bool,
    ) -> Result<Found> {
        let groups = match org {
            Some(name) => {
                let root = self.root_organisation(name, rollup)?;
                super::profile::mark("organisation found");
                let projects = self.owned_by_family(&root, rollup)?;
                BTreeMap::from([((root.to_lowercase(), root), projects)])
            }
            None => self.every_owner(rollup)?,
        };
        super::profile::mark("projects read");
        let mut found = Found::default();
        let typed = municipality.map(crate::search::as_typed);
        for ((_, organisation), mut projects) in groups {
            if let Some(typed) = &typed {
                projects.retain(|c| {
                    c.municipalities
                        .iter()
                        .any(|n| crate::search::same_as_typed(n, typed))
                });
            }
            found.compared += projects.len();
            found.without_dates += projects.iter().filter(|c| !c.has_period()).count();
            let mut pairs = overlaps::pairs_within(&organisation, &projects);
            super::profile::mark("pairs made");
            if pairs.is_empty() {
                continue;
            }
            self.number_pairs(&mut pairs)?;
            super::profile::mark("pairs numbered");
            found.count += pairs.len();
            if !each(pairs) {
                found.stopped = true;
                break;
            }
            super::profile::mark("pairs handed on");
        }
        found.cross_fund = self.cross_fund_pairs(org, municipality, rollup)?;
        super::profile::mark("cross-fund pairs found");
        Ok(found)
    }

    /// The keys of every project in an overlapping pair, of every
    /// organisation, or in a pair with another fund's project (the
    /// browser's marks): the ESF pairs are not made, and one
    /// organisation's projects are in memory at a time.
    pub fn overlapping_keys(&self, rollup: bool) -> Result<KeySet> {
        let mut keys = key_set::Found::default();
        let group = match rollup {
            true => "COALESCE(o.parent, o.name)",
            false => "o.name",
        };
        let sql = format!(
            "SELECT {COLUMNS}, {group} FROM project_orgs po
             JOIN organisations o ON o.id = po.org JOIN projects p ON p.rowid_ = po.project
             WHERE po.role = 'owner' AND o.kind <> 'generic' ORDER BY {group}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let (mut root, mut projects): (Option<String>, Vec<Candidate>) = (None, Vec::new());
        while let Some(row) = rows.next()? {
            let this: String = row.get(10)?;
            if root.as_deref() != Some(this.as_str()) {
                one_owner(&mut projects, &mut keys);
                root = Some(this);
            }
            projects.push(candidate_of(row)?);
        }
        one_owner(&mut projects, &mut keys);
        for key in self.cross_fund_keys(rollup)? {
            keys.push(&key);
        }
        Ok(keys.into_set())
    }

    /// The pairs one project makes with the other projects of its
    /// organisation (each organisation that owns it), the project first.
    pub fn overlaps_of_project(&self, id: &str, rollup: bool) -> Result<Vec<Pair>> {
        let (rowid, key) = self.project_rowid(id)?;
        let focus = self.candidate(rowid)?;
        let mut pairs = Vec::new();
        for root in self.owners_of(rowid, rollup)? {
            let others = self.owned_by_family(&root, rollup)?;
            let mut found = overlaps::pairs_with(&root, &focus, &others);
            found.retain(|p| p.projects[1].key != key);
            pairs.extend(found);
        }
        // A project two of whose owners own the other too: one pair.
        pairs.sort_by(|a, b| a.projects[1].key.cmp(&b.projects[1].key));
        pairs.dedup_by(|a, b| a.projects[1].key == b.projects[1].key);
        self.number_pairs(&mut pairs)?;
        overlaps::sort(&mut pairs);
        Ok(pairs)
    }

    /// The organisation `name` means, rolled up to its parent when it is a
    /// unit (and `rollup`).
    pub(super) fn root_organisation(&self, name: &str, rollup: bool) -> Result<String> {
        let found = self
            .find_organisation(name)?
            .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
        if !rollup {
            return Ok(found);
        }
        let parent: Option<String> = self
            .conn
            .prepare_cached("SELECT parent FROM organisations WHERE name = ?1")?
            .query_row([&found], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(parent.unwrap_or(found))
    }

    /// The organisations a project's owner links stand for: the owner, or
    /// its parent when rolled up; a kind of actor (an owner written
    /// "Samordningsförbundet" alone) is no organisation.
    fn owners_of(&self, rowid: i64, rollup: bool) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.name, o.parent FROM project_orgs po JOIN organisations o ON o.id = po.org
             WHERE po.project = ?1 AND po.role = 'owner' AND o.kind <> 'generic'",
        )?;
        let rows = stmt.query_map([rowid], |r| {
            let (name, parent): (String, Option<String>) = (r.get(0)?, r.get(1)?);
            Ok(crate::graph::node_name(&name, parent.as_deref(), rollup))
        })?;
        let mut roots: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        roots.sort();
        roots.dedup();
        Ok(roots)
    }

    /// The projects an organisation owns, itself or (rolled up) through
    /// its units: each read through the organisation's links.
    fn owned_by_family(&self, root: &str, rollup: bool) -> Result<Vec<Candidate>> {
        let mut ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM organisations WHERE name = ?1 AND kind <> 'generic'")?
            .query_map([root], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if rollup {
            let mut units = self
                .conn
                .prepare_cached("SELECT id FROM organisations WHERE parent = ?1")?;
            let rows = units.query_map([root], |r| r.get::<_, i64>(0))?;
            ids.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM project_orgs po JOIN projects p ON p.rowid_ = po.project
             WHERE po.org = ?1 AND po.role = 'owner'"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut projects = Vec::new();
        for id in ids {
            let rows = stmt.query_map([id], candidate_of)?;
            projects.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        projects.sort_by(|a, b| a.key.cmp(&b.key));
        projects.dedup_by(|a, b| a.key == b.key);
        Ok(projects)
    }

    /// Every owned project, grouped by its organisation.
    /// Grouped by the organisation's name in lower case (the order pairs
    /// are listed in), then as written.
    fn every_owner(&self, rollup: bool) -> Result<BTreeMap<(String, String), Vec<Candidate>>> {
        let sql = format!(
            "SELECT {COLUMNS}, o.name, o.parent FROM project_orgs po
             JOIN organisations o ON o.id = po.org JOIN projects p ON p.rowid_ = po.project
             WHERE po.role = 'owner' AND o.kind <> 'generic'"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut groups: BTreeMap<(String, String), Vec<Candidate>> = BTreeMap::new();
        while let Some(row) = rows.next()? {
            let (name, parent): (String, Option<String>) = (row.get(10)?, row.get(11)?);
            let root = crate::graph::node_name(&name, parent.as_deref(), rollup);
            let entry = groups.entry((root.to_lowercase(), root));
            entry.or_default().push(candidate_of(row)?);
        }
        for projects in groups.values_mut() {
            projects.sort_by(|a, b| a.key.cmp(&b.key));
            projects.dedup_by(|a, b| a.key == b.key);
        }
        Ok(groups)
    }

    fn candidate(&self, rowid: i64) -> Result<Candidate> {
        let sql = format!("SELECT {COLUMNS} FROM projects p WHERE p.rowid_ = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([rowid], candidate_of)?)
    }

    /// Each pair's organisation gets its organisationsnummer, one list
    /// shared by the pairs of one organisation.
    fn number_pairs(&self, pairs: &mut [Pair]) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.number FROM organisation_numbers n JOIN organisations o ON o.id = n.org
             WHERE o.name = ?1 ORDER BY n.number",
        )?;
        let mut known: BTreeMap<String, Arc<[String]>> = BTreeMap::new();
        for pair in pairs {
            let numbers = match known.get(&pair.organisation) {
                Some(numbers) => Arc::clone(numbers),
                None => {
                    let rows = stmt.query_map(params![pair.organisation], |r| r.get(0))?;
                    let numbers: Arc<[String]> = rows.collect::<rusqlite::Result<_>>()?;
                    known.insert(pair.organisation.clone(), Arc::clone(&numbers));
                    numbers
                }
            };
            pair.org_numbers = numbers;
        }
        Ok(())
    }
}

/// One organisation's projects, each once, into the keys of those in a
/// pair; emptied for the next.
fn one_owner(projects: &mut Vec<Candidate>, keys: &mut key_set::Found) {
    projects.sort_by(|a, b| a.key.cmp(&b.key));
    projects.dedup_by(|a, b| a.key == b.key);
    let mut these = std::collections::HashSet::new();
    overlaps::keys_in_pairs(projects, &mut these);
    these.iter().for_each(|key| keys.push(key));
    projects.clear();
}

pub(super) fn candidate_of(r: &rusqlite::Row) -> rusqlite::Result<Candidate> {
    let municipalities: String = r.get(8)?;
    Ok(Candidate {
        key: r.get(0)?,
        id: r.get(9)?,
        name: r.get(1)?,
        owner: r.get(2)?,
        start_date: r.get(3)?,
        end_date: r.get(4)?,
        programme_period: r.get(5)?,
        programme_area: r.get(6)?,
        specific_objective: r.get(7)?,
        municipalities: municipalities
            .split("; ")
            .filter(|m| !m.trim().is_empty())
            .map(str::to_string)
            .collect(),
    })
}
