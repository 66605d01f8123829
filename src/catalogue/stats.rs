//! Figures for the stats pane, over the projects a filter leaves: projects
//! per start year, money per region, the projects' periods for a timeline,
//! and the organisations in most of them. Pure: summaries in, numbers out.

use crate::catalogue::facets::{Facet, Filters};
use crate::catalogue::Catalogue;
use crate::dates;
use std::collections::BTreeMap;

/// Budget and ESF grant of one region's projects: sums of the amounts
/// documents give (wide enough never to overflow), and how many gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionMoney {
    pub region: String,
    pub projects: usize,
    pub budget: i128,
    pub grant: i128,
    pub without_budget: usize,
    pub without_grant: usize,
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
    /// Every year from the first start to the last, empty ones too.
    pub per_year: Vec<(i32, usize)>,
    /// Projects without a start date (in no year).
    pub undated: usize,
    /// Largest budget first.
    pub per_region: Vec<RegionMoney>,
    /// Projects with both dates, by start.
    pub timeline: Vec<Period>,
    /// Projects the timeline leaves out: a date is missing.
    pub off_timeline: usize,
    /// Organisations with their number of projects, most first.
    pub top_orgs: Vec<(String, usize)>,
}

/// How many organisations the pane lists.
const TOP_ORGS: usize = 12;

pub fn compute(cat: &Catalogue, rows: &[usize]) -> Stats {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut per_region: BTreeMap<&str, RegionMoney> = BTreeMap::new();
    let mut timeline = Vec::new();
    let p = &cat.projects;
    for &i in rows {
        if let Some(year) = p.start_date(i).and_then(|d| dates::year(d.as_str())) {
            *per_year.entry(year).or_default() += 1;
        }
        let region = p.region(i).unwrap_or("(no region)");
        per_region
            .entry(region)
            .or_insert_with(|| RegionMoney::new(region))
            .add(p.total_budget_sek(i), p.esf_grant_sek(i));
        if let (Some(start), Some(end)) = (p.start_days(i), p.end_days(i)) {
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
    // Units and branches are counted for their organisation, not beside it.
    top_orgs.retain(|(name, _)| !cat.facets.is_unit(name));
    top_orgs.truncate(TOP_ORGS);
    let dated: usize = per_year.values().sum();
    Stats {
        projects: rows.len(),
        per_year: every_year(per_year),
        undated: rows.len() - dated,
        per_region,
        off_timeline: rows.len() - timeline.len(),
        timeline,
        top_orgs,
    }
}

impl RegionMoney {
    fn new(region: &str) -> RegionMoney {
        RegionMoney {
            region: region.to_string(),
            projects: 0,
            budget: 0,
            grant: 0,
            without_budget: 0,
            without_grant: 0,
        }
    }

    fn add(&mut self, budget: Option<i64>, grant: Option<i64>) {
        self.projects += 1;
        match budget {
            Some(kr) => self.budget += i128::from(kr),
            None => self.without_budget += 1,
        }
        match grant {
            Some(kr) => self.grant += i128::from(kr),
            None => self.without_grant += 1,
        }
    }
}

/// The counts with the years between that have none, so gaps show.
fn every_year(counts: BTreeMap<i32, usize>) -> Vec<(i32, usize)> {
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|y| (y, counts.get(&y).copied().unwrap_or(0)))
        .collect()
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
        assert_eq!(
            all.per_year,
            [(2016, 2), (2017, 0), (2018, 1)],
            "2017 shows empty"
        );
        assert_eq!(all.per_region[0].region, "Syd");
        assert_eq!(
            (all.per_region[1].budget, all.per_region[1].grant),
            (150, 75)
        );
        assert_eq!(
            all.timeline.iter().map(|p| p.index).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!((all.undated, all.off_timeline), (0, 0));
        let some = compute(&cat, &[2]);
        assert_eq!(some.per_year, [(2018, 1)]);
        assert_eq!(some.per_region.len(), 1);
    }

    #[test]
    fn unknown_amounts_and_dates_are_counted_not_taken_for_zero() {
        let mut huge = project("a", "Syd", "2016-02-01", "2017-01-31", i64::MAX);
        huge.0.esf_grant_sek = None;
        let mut undated = project("b", "Syd", "2016-06-01", "2016-12-31", i64::MAX);
        undated.0.start_date = None;
        undated.0.total_budget_sek = None;
        let mut endless = project("c", "Syd", "2018-01-01", "", i64::MAX);
        endless.0.end_date = None;
        let cat = Catalogue::new(vec![huge, undated, endless]);
        let s = compute(&cat, &[0, 1, 2]);
        let syd = &s.per_region[0];
        // Two of i64::MAX add up without overflowing.
        assert_eq!(syd.budget, 2 * i128::from(i64::MAX));
        assert_eq!((syd.without_budget, syd.without_grant), (1, 1));
        assert_eq!(s.undated, 1);
        assert_eq!(s.off_timeline, 2, "one without a start, one without an end");
    }
}
