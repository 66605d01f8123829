//! Another fund's projects a Kohesio export lists (ERDF, JTF, …): kept
//! with their list, replaced with it, and read only by overlaps, which
//! pairs them with the ESF projects of the organisation whose
//! organisationsnummer they give (never by a name).

use super::overlaps::{candidate_of, COLUMNS};
use super::{Result, Store};
use crate::ingest::lists::other_fund::OtherFundRow;
use crate::overlaps::{self, Candidate, CrossFundPair, OfProject, OtherSide};
use rusqlite::{params, Transaction};

/// Replaces the rows of another fund the list `list_id` gave.
pub fn replace(tx: &Transaction, list_id: i64, rows: &[OtherFundRow]) -> Result<()> {
    tx.execute(
        "DELETE FROM other_fund_projects WHERE list_id = ?1",
        [list_id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO other_fund_projects (list_id, row_id, fund, name, owner, owner_org_number,
             start_date, end_date, total_budget_eur, eu_contribution_eur, municipalities)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for r in rows {
        stmt.execute(params![
            list_id,
            r.id,
            r.fund,
            r.name,
            r.owner,
            r.owner_org_number,
            r.start_date,
            r.end_date,
            r.total_budget_eur,
            r.eu_contribution_eur,
            r.municipalities.join("; "),
        ])?;
    }
    Ok(())
}

impl Store {
    /// Each ESF project paired with another fund's project of the same
    /// organisation (by organisationsnummer) that ran at the same time:
    /// of one organisation (`org`, rolled up as for overlaps) or of all,
    /// both in `municipality` when one is given. Organisation by name, then
    /// most days first.
    pub fn cross_fund_pairs(
        &self,
        org: Option<&str>,
        municipality: Option<&str>,
        rollup: bool,
    ) -> Result<Vec<CrossFundPair>> {
        let root = org.map(|o| self.root_organisation(o, rollup)).transpose()?;
        let typed = municipality.map(crate::search::as_typed);
        let within = |names: &[String]| match &typed {
            Some(t) => names.iter().any(|n| crate::search::same_as_typed(n, t)),
            None => true,
        };
        let keep = |organisation: &str, project: &Candidate, other: &OtherSide| {
            root.as_deref().is_none_or(|r| r == organisation)
                && within(&project.municipalities)
                && within(&other.municipalities)
        };
        self.cross_fund_where("", [], rollup, &keep)
    }

    /// The pairs one ESF project (by its ID) makes with other funds'
    /// projects of its organisationsnummer, most days first.
    pub fn cross_fund_of_project(&self, id: &str, rollup: bool) -> Result<Vec<CrossFundPair>> {
        let (rowid, _) = self.project_rowid(id)?;
        self.cross_fund_where("WHERE p.rowid_ = ?1", [rowid], rollup, &|_, _, _| true)
    }

    /// The keys of the ESF projects in some pair with another fund's
    /// project (the list's marks).
    pub fn cross_fund_keys(&self, rollup: bool) -> Result<std::collections::HashSet<String>> {
        let pairs = self.cross_fund_pairs(None, None, rollup)?;
        Ok(pairs.into_iter().map(|p| p.project.key).collect())
    }

    /// Everything one project overlaps: the other ESF projects of its
    /// organisation and other funds' projects of its organisationsnummer.
    pub fn everything_overlapping(&self, id: &str, rollup: bool) -> Result<OfProject> {
        Ok(OfProject {
            pairs: self.overlaps_of_project(id, rollup)?,
            cross_fund: self.cross_fund_of_project(id, rollup)?,
        })
    }

    /// The cross-fund pairs of the rows `filter` (an SQL `WHERE` over the
    /// ESF project `p`) gives and `keep` keeps, sorted.
    fn cross_fund_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
        rollup: bool,
        keep: &dyn Fn(&str, &Candidate, &OtherSide) -> bool,
    ) -> Result<Vec<CrossFundPair>> {
        let sql = format!(
            "SELECT {COLUMNS}, o.name, o.parent, n.number, f.row_id, f.fund, f.name, f.owner,
                 f.start_date, f.end_date, f.total_budget_eur, f.eu_contribution_eur,
                 f.municipalities, d.path
             FROM other_fund_projects f JOIN documents d ON d.id = f.list_id
             JOIN organisation_numbers n ON n.number = f.owner_org_number
             JOIN organisations o ON o.id = n.org AND o.kind <> 'generic'
             JOIN project_orgs po ON po.org = o.id AND po.role = 'owner'
             JOIN projects p ON p.rowid_ = po.project {filter}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params)?;
        let mut pairs = Vec::new();
        while let Some(row) = rows.next()? {
            let (name, parent): (String, Option<String>) = (row.get(10)?, row.get(11)?);
            let organisation = crate::graph::node_name(&name, parent.as_deref(), rollup);
            let (project, other) = (candidate_of(row)?, other_of(row)?);
            if !keep(&organisation, &project, &other) {
                continue;
            }
            let number: String = row.get(12)?;
            pairs.extend(overlaps::cross_fund_pair(
                (&organisation, &number),
                &project,
                &other,
            ));
        }
        sort(&mut pairs);
        Ok(pairs)
    }
}

/// The other fund's side of a row of the pairs' query (from column 13).
fn other_of(r: &rusqlite::Row) -> rusqlite::Result<OtherSide> {
    let municipalities: String = r.get(21)?;
    Ok(OtherSide {
        id: r.get(13)?,
        fund: r.get(14)?,
        name: r.get(15)?,
        owner: r.get(16)?,
        start_date: r.get(17)?,
        end_date: r.get(18)?,
        total_budget_eur: r.get(19)?,
        eu_contribution_eur: r.get(20)?,
        municipalities: municipalities
            .split("; ")
            .filter(|m| !m.trim().is_empty())
            .map(str::to_string)
            .collect(),
        source: r.get(22)?,
    })
}

/// Organisation by name, then most days first, then by the two projects;
/// a pair found through two numbers of one organisation once.
fn sort(pairs: &mut Vec<CrossFundPair>) {
    pairs.sort_by(|a, b| {
        a.organisation
            .to_lowercase()
            .cmp(&b.organisation.to_lowercase())
            .then(b.days.cmp(&a.days))
            .then(a.project.key.cmp(&b.project.key))
            .then(a.other.source.cmp(&b.other.source))
            .then(a.other.id.cmp(&b.other.id))
    });
    pairs.dedup_by(|a, b| {
        a.project.key == b.project.key
            && a.other.source == b.other.source
            && a.other.id == b.other.id
    });
}
