//! Rows of a Kohesio export that are another fund's projects in Sweden
//! (ERDF, JTF, …): never ESF projects, kept apart so that overlaps can say
//! when one organisation (by organisationsnummer) was funded by another
//! fund in the same period.

use crate::model::Project;
use serde::Serialize;

/// Another fund's project as a row of a list gives it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OtherFundRow {
    /// The row's identifier (the local identifier as written), else `row N`.
    pub id: String,
    /// The fund as the row's fund cell codes it (`ERDF`, `JTF`, …).
    pub fund: String,
    pub name: Option<String>,
    pub owner: Option<String>,
    /// `NNNNNN-NNNN`, only where the row gives a valid one.
    pub owner_org_number: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub total_budget_eur: Option<f64>,
    pub eu_contribution_eur: Option<f64>,
    /// Municipalities the row states (its LAU labels), never guessed.
    pub municipalities: Vec<String>,
}

impl OtherFundRow {
    /// The row read as a project would be, with its fund and identifier.
    pub fn of(fund: &str, local_id: Option<&str>, line: usize, p: Project) -> OtherFundRow {
        let id = local_id
            .map(|s| crate::ingest::truncate_chars(s.trim(), 120))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("row {line}"));
        OtherFundRow {
            id,
            fund: crate::ingest::truncate_chars(fund, 40),
            owner_org_number: p
                .owner_org_number
                .as_deref()
                .and_then(crate::model::org_number::normalise),
            name: p.name,
            owner: p.owner,
            start_date: p.start_date,
            end_date: p.end_date,
            total_budget_eur: p.total_budget_eur,
            eu_contribution_eur: p.eu_contribution_eur,
            municipalities: p.municipalities,
        }
    }
}
