//! Figures for the stats pane, over the projects a filter leaves: projects
//! per start year, money per region, the projects' periods for a timeline,
//! and the organisations in most of them. Pure: summaries in, numbers out.

use crate::catalogue::Catalogue;
use crate::dates;
use crate::facets::{Facet, Filters};
use std::collections::BTreeMap;

/// Budget and ESF grant of one region's projects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionMoney {
    pub region: String,
    pub projects: usize,
    pub budget: i64,
    pub grant: i64,
}

/// One project on the timeline: days since 1970 of its start and end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub index: usize,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub projects: usize,
    pub per_year: Vec<(i32, usize)>,
    /// Largest budget first.
    pub per_region: Vec<RegionMoney>,
    /// Projects with both dates, by start.
    pub timeline: Vec<Period>,
    /// Organisations with their number of projects, most first.
    pub top_orgs: Vec<(String, usize)>,
}

/// How many organisations the pane lists.
const TOP_ORGS: usize = 12;

pub fn compute(cat: &Catalogue, rows: &[usize]) -> Stats {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut per_region: BTreeMap<&str, RegionMoney> = BTreeMap::new();
    let mut timeline = Vec::new();
    for &i in rows {
        let p = &cat.projects[i];
        if let Some(year) = p.start_date.as_deref().and_then(dates::year) {
            *per_year.entry(year).or_default() += 1;
        }
        let region = p.region.as_deref().unwrap_or("(no region)");
        let money = per_region.entry(region).or_insert_with(|| RegionMoney {
            region: region.to_string(),
            projects: 0,
            budget: 0,
            grant: 0,
        });
        money.projects += 1;
        money.budget += p.total_budget_sek.unwrap_or(0);
        money.grant += p.esf_grant_sek.unwrap_or(0);
        let day = |d: &Option<String>| d.as_deref().and_then(dates::days_from_iso);
        if let (Some(start), Some(end)) = (day(&p.start_date), day(&p.end_date)) {
            timeline.push(Period {
                index: i,
                start,
                end: end.max(start),
            });
        }
    }
    timeline.sort_by_key(|p| (p.start, p.end));
    let mut per_region: Vec<RegionMoney> = per_region.into_values().collect();
    per_region.sort_by(|a, b| b.budget.cmp(&a.budget).then(a.region.cmp(&b.region)));
    let mut top_orgs = cat.facet_counts(Facet::Organisation, rows, &Filters::default(), &|_| None);
    top_orgs.truncate(TOP_ORGS);
    Stats {
        projects: rows.len(),
        per_year: per_year.into_iter().collect(),
        per_region,
        timeline,
        top_orgs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProjectSummary;

    fn project(
        name: &str,
        region: &str,
        start: &str,
        end: &str,
        budget: i64,
    ) -> (ProjectSummary, String) {
        let p = ProjectSummary {
            key: name.into(),
            name: Some(name.into()),
            region: Some(region.into()),
            start_date: Some(start.into()),
            end_date: Some(end.into()),
            total_budget_sek: Some(budget),
            esf_grant_sek: Some(budget / 2),
            ..ProjectSummary::default()
        };
        (p, String::new())
    }

    #[test]
    fn figures_add_up_over_the_rows_given() {
        let cat = Catalogue::new(vec![
            project("a", "Norr", "2016-02-01", "2017-01-31", 100),
            project("b", "Syd", "2016-06-01", "2016-12-31", 300),
            project("c", "Norr", "2018-01-01", "2019-01-01", 50),
        ]);
        let all = compute(&cat, &[0, 1, 2]);
        assert_eq!(all.per_year, [(2016, 2), (2018, 1)]);
        assert_eq!(all.per_region[0].region, "Syd");
        assert_eq!(
            (all.per_region[1].budget, all.per_region[1].grant),
            (150, 75)
        );
        assert_eq!(
            all.timeline.iter().map(|p| p.index).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        let some = compute(&cat, &[2]);
        assert_eq!(some.per_year, [(2018, 1)]);
        assert_eq!(some.per_region.len(), 1);
    }
}
