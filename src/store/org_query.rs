//! Finding organisations: by name in any case, without å/ä/ö, by any name
//! a document gave them, or by organisationsnummer; and listing them.

use super::organisations::name_key;
use super::{Result, Store};
use crate::model::org_number;
use crate::model::OrgSummary;
use rusqlite::OptionalExtension;

impl Store {
    /// The organisation `name` means, by the name it goes by: its
    /// organisationsnummer, any name documents gave it in any case, or,
    /// written without them, with å/ä/ö folded ("forsakringskassan").
    pub fn find_organisation(&self, name: &str) -> Result<Option<String>> {
        if let Some(number) = org_number::normalise(name) {
            return self.organisation_numbered(&number);
        }
        let found: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT o.name FROM organisation_names n JOIN organisations o ON o.id = n.org
                 WHERE n.key = ?1",
            )?
            .query_row([name_key(name)], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
        let typed = crate::search::as_typed(name);
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.name, o.name FROM organisation_names n JOIN organisations o ON o.id = n.org",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if crate::search::same_as_typed(&row.get::<_, String>(0)?, &typed) {
                return Ok(Some(row.get(1)?));
            }
        }
        Ok(None)
    }

    /// The organisation with this organisationsnummer (`NNNNNN-NNNN`).
    pub fn organisation_numbered(&self, number: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT o.name FROM organisation_numbers n JOIN organisations o ON o.id = n.org
                 WHERE n.number = ?1",
            )?
            .query_row([number], |r| r.get(0))
            .optional()?)
    }

    /// The organisationsnummer documents gave the organisation a name is
    /// (any name it has, in any case), in order.
    pub fn numbers_of(&self, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.number FROM organisation_names n
             JOIN organisation_numbers m ON m.org = n.org WHERE n.key = ?1 ORDER BY m.number",
        )?;
        let rows = stmt.query_map([name_key(name)], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every organisation's name, in name order.
    pub fn organisation_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM organisations ORDER BY name")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Organisations with the number of projects they are tied to (their
    /// own and their units' and branches', each once: the one count
    /// everywhere), their organisationsnummer and the other names documents
    /// gave them.
    pub fn organisations(&self) -> Result<Vec<OrgSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.name, o.parent, o.kind, o.family_projects,
                    group_concat(DISTINCT po.role),
                    (SELECT group_concat(number, '; ') FROM
                       (SELECT number FROM organisation_numbers WHERE org = o.id ORDER BY number)),
                    (SELECT group_concat(name, '; ') FROM
                       (SELECT name FROM organisation_names WHERE org = o.id ORDER BY name))
             FROM organisations o LEFT JOIN project_orgs po ON po.org = o.id
             WHERE o.family_projects > 0
             GROUP BY o.id ORDER BY o.family_projects DESC, o.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let roles: Option<String> = r.get(4)?;
            let list = |joined: Option<String>| -> Vec<String> {
                joined
                    .map(|j| j.split("; ").map(str::to_string).collect())
                    .unwrap_or_default()
            };
            Ok(OrgSummary {
                name: r.get(0)?,
                parent: r.get(1)?,
                kind: r.get(2)?,
                projects: r.get::<_, i64>(3)? as usize,
                roles: ordered_roles(roles.as_deref().unwrap_or("")),
                org_numbers: list(r.get(5)?),
                other_names: list(r.get(6)?),
            })
        })?;
        let mut orgs: Vec<OrgSummary> = rows.collect::<rusqlite::Result<_>>()?;
        for org in &mut orgs {
            let own = name_key(&org.name);
            org.other_names.retain(|n| name_key(n) != own);
        }
        Ok(orgs)
    }
}

fn ordered_roles(joined: &str) -> Vec<String> {
    ["owner", "partner", "mentioned", "municipality"]
        .iter()
        .filter(|r| joined.split(',').any(|x| x == **r))
        .map(|r| r.to_string())
        .collect()
}

impl Store {
    /// The projects of the organisation `name` (any name documents give
    /// it, or its organisationsnummer) and of its units; none when no
    /// document names it.
    pub fn projects_of_organisation(
        &self,
        name: &str,
    ) -> Result<Vec<crate::model::ProjectSummary>> {
        match self.find_organisation(name)? {
            Some(node) => self.projects_of_family(&node),
            None => Ok(Vec::new()),
        }
    }

    /// The projects of an organisation (by its name as stored) and of its
    /// units and branches, each once, in any role, as `esf graph` rolls
    /// them up: key, id, name, start, end and ESF grant.
    pub fn projects_of_family(&self, node: &str) -> Result<Vec<crate::model::ProjectSummary>> {
        let sql = format!(
            "SELECT p.key, p.name, p.start_date, p.end_date, p.esf_grant_sek, p.id FROM projects p
             WHERE p.rowid_ IN (SELECT po.project FROM project_orgs po
                                WHERE po.org IN ({}))",
            super::graph::FAMILY
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![node, true], |r| {
            Ok(crate::model::ProjectSummary {
                key: r.get(0)?,
                name: r.get(1)?,
                start_date: r.get(2)?,
                end_date: r.get(3)?,
                esf_grant_sek: r.get(4)?,
                id: r.get(5)?,
                ..Default::default()
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
