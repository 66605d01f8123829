//! Pairs of an ESF project and another fund's project (a row of a Kohesio
//! export) of the same organisationsnummer that ran at the same time.

use super::{Candidate, Pair, Side};
use serde::Serialize;

/// Another fund's project (a row of a Kohesio export) as a cross-fund
/// pair shows it: `id` is the row's identifier, never an ESF project key.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OtherSide {
    pub id: String,
    pub fund: String,
    pub name: Option<String>,
    pub owner: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub total_budget_eur: Option<f64>,
    pub eu_contribution_eur: Option<f64>,
    pub municipalities: Vec<String>,
    /// The list the row is in.
    pub source: String,
}

/// An ESF project and another fund's project of one organisation, by its
/// organisationsnummer, whose periods overlap by a day or more.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossFundPair {
    /// Always `other_fund`: tells these apart from pairs of ESF projects.
    pub kind: &'static str,
    pub organisation: String,
    /// The organisationsnummer both are tied by.
    pub org_number: String,
    pub project: Side,
    pub other: OtherSide,
    pub days: i64,
    pub from: String,
    pub to: String,
}

impl OtherSide {
    /// "ERDF SE-R-1 Solpaneler · Borås Stad · 2020-01-01 – 2021-12-31"
    /// (raw: sanitise where written).
    pub fn text(&self) -> String {
        let side = Side {
            key: format!("{} {}", self.fund, self.id),
            id: None,
            name: self.name.clone(),
            owner: self.owner.clone(),
            start_date: self.start_date.clone(),
            end_date: self.end_date.clone(),
        };
        side.text()
    }
}

/// The cross-fund pair an ESF project and another fund's project of the
/// organisation numbered `number` make, if their periods overlap.
pub fn cross_fund_pair(
    (organisation, number): (&str, &str),
    project: &Candidate,
    other: &OtherSide,
) -> Option<CrossFundPair> {
    let (a_start, a_end) = project.days()?;
    let b_start = crate::dates::days_from_iso(other.start_date.as_deref()?)?;
    let b_end = crate::dates::days_from_iso(other.end_date.as_deref()?)?;
    let (from, to) = (a_start.max(b_start), a_end.min(b_end));
    (b_end >= b_start && to >= from).then(|| CrossFundPair {
        kind: "other_fund",
        organisation: organisation.to_string(),
        org_number: number.to_string(),
        project: Side::from(project),
        other: other.clone(),
        days: to - from + 1,
        from: crate::dates::iso_from_days(from),
        to: crate::dates::iso_from_days(to),
    })
}

/// "another fund: ERDF · days together: 30 (2016-01-01 – 2016-01-30)".
pub fn cross_fund_headline(pair: &CrossFundPair) -> String {
    crate::i18n::tf(
        "another fund: {} · days together: {} ({} – {})",
        &[&pair.other.fund, &pair.days, &pair.from, &pair.to],
    )
}

/// "days together: 184 (2024-07-01 – 2024-12-31) · by organisationsnummer
/// 212000-1033 of Vellinge kommun": a project's pair with another fund's.
pub fn cross_fund_tie(pair: &CrossFundPair) -> String {
    crate::i18n::tf(
        "days together: {} ({} – {}) · by organisationsnummer {} of {}",
        &[
            &pair.days,
            &pair.from,
            &pair.to,
            &pair.org_number,
            &pair.organisation,
        ],
    )
}

/// What one project overlaps: the other ESF projects of its organisation
/// (the project first in each pair) and other funds' projects of its
/// organisationsnummer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfProject {
    pub pairs: Vec<Pair>,
    pub cross_fund: Vec<CrossFundPair>,
}

impl OfProject {
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.cross_fund.is_empty()
    }
}
