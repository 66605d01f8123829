//! A municipality × column matrix of projects and ESF grants, every
//! municipality of the gazetteer (of one region or county, or of the
//! country) a row, those with no project too; and what it leaves out.
//! Pure: the cache's groups in, the matrix out.

use crate::ingest::gazetteer::{Gazetteer, Municipality};
use crate::store::coverage::{CoverageBy, CoverageGroup};
use std::collections::{BTreeMap, HashMap};

/// One cell: projects, and the ESF grants they give (kronor).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    pub projects: u64,
    pub esf_grant_sek: i128,
    /// Projects counted here that give no grant (in no sum).
    pub without_grant: u64,
}

impl Cell {
    fn add(&mut self, g: &CoverageGroup) {
        self.projects += g.projects;
        self.esf_grant_sek += g.grant;
        self.without_grant += g.without_grant;
    }
}

/// A column: its value (`2`, `A2A`, `2016`) and, for a programme area,
/// its name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Column {
    pub value: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub municipality: String,
    pub county: String,
    pub region: String,
    /// One per column, in the columns' order.
    pub cells: Vec<Cell>,
    /// The municipality's projects over every column.
    pub total: Cell,
}

/// What the matrix counts and what it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counted {
    /// Projects in the cache.
    pub projects: u64,
    /// Projects in the matrix (each once, however many of its rows).
    pub counted: u64,
    /// Counted projects that give no ESF grant (in no sum).
    pub without_grant: u64,
    /// Left out: no municipality given.
    pub without_municipality: u64,
    /// Left out: no value of the column (no programme area, objective or
    /// start date).
    pub without_value: u64,
    /// Left out: municipalities only outside the region asked for (or
    /// none the gazetteer knows).
    pub elsewhere: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub by: &'static str,
    /// The region or county asked for, as the gazetteer writes it.
    pub region: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Each column's projects, each once.
    pub totals: Vec<Cell>,
    pub counted: Counted,
}

/// The region or county a user typed, as the gazetteer writes it (any
/// case, å/ä/ö optional); `Err` with the names there are.
pub fn region_named(g: &Gazetteer, typed: &str) -> Result<String, Vec<String>> {
    let wanted = crate::search::as_typed(typed);
    let mut names: Vec<String> = g
        .municipalities
        .iter()
        .flat_map(|m| [m.region.clone(), m.county.clone()])
        .collect();
    names.sort();
    names.dedup();
    match names
        .iter()
        .find(|n| crate::search::same_as_typed(n, &wanted))
    {
        Some(n) => Ok(n.clone()),
        None => Err(names),
    }
}

/// The matrix of `groups` over the municipalities of `region` (all when
/// `None`), in name order.
pub fn build(
    g: &Gazetteer,
    by: CoverageBy,
    region: Option<&str>,
    groups: &[CoverageGroup],
) -> Coverage {
    let places = places_in(g, region);
    let row_of: HashMap<&str, usize> = places
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .collect();
    let columns = columns(by, groups);
    let column_of: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.value.as_str(), i))
        .collect();
    let mut rows: Vec<Row> = places.iter().map(|m| empty_row(m, columns.len())).collect();
    let mut totals = vec![Cell::default(); columns.len()];
    let mut counted = Counted::default();
    for group in groups {
        counted.projects += group.projects;
        let names: Vec<&str> = split(&group.municipalities);
        if names.is_empty() {
            counted.without_municipality += group.projects;
            continue;
        }
        let Some(&column) = group.value.as_deref().and_then(|v| column_of.get(v)) else {
            counted.without_value += group.projects;
            continue;
        };
        let mut here: Vec<usize> = names
            .iter()
            .filter_map(|n| row_of.get(n).copied())
            .collect();
        here.sort_unstable();
        here.dedup();
        if here.is_empty() {
            counted.elsewhere += group.projects;
            continue;
        }
        for r in here {
            rows[r].cells[column].add(group);
            rows[r].total.add(group);
        }
        totals[column].add(group);
        counted.counted += group.projects;
        counted.without_grant += group.without_grant;
    }
    Coverage {
        by: by.as_str(),
        region: region.map(str::to_string),
        columns,
        rows,
        totals,
        counted,
    }
}

/// The municipalities of a region or county (all when `None`), by name.
fn places_in<'a>(g: &'a Gazetteer, region: Option<&str>) -> Vec<&'a Municipality> {
    let in_area = |m: &Municipality| region.is_none_or(|r| m.region == r || m.county == r);
    let mut places: Vec<&Municipality> = g.municipalities.iter().filter(|m| in_area(m)).collect();
    places.sort_by(|a, b| a.name.cmp(&b.name));
    places.dedup_by(|a, b| a.name == b.name);
    places
}

fn empty_row(m: &Municipality, columns: usize) -> Row {
    Row {
        municipality: m.name.clone(),
        county: m.county.clone(),
        region: m.region.clone(),
        cells: vec![Cell::default(); columns],
        total: Cell::default(),
    }
}

/// Municipalities as the cache joins them.
fn split(joined: &str) -> Vec<&str> {
    joined
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The columns: every value the cache has (those no project of the
/// region has too, so empty columns show); for years every year from the
/// first start to the last.
fn columns(by: CoverageBy, groups: &[CoverageGroup]) -> Vec<Column> {
    let mut values: BTreeMap<String, Option<String>> = BTreeMap::new();
    for g in groups {
        if let Some(v) = g.value.as_deref().filter(|v| !v.trim().is_empty()) {
            let name = values.entry(v.to_string()).or_default();
            if name.is_none() {
                name.clone_from(&g.label);
            }
        }
    }
    if by == CoverageBy::Year {
        let years: Vec<i32> = values.keys().filter_map(|y| y.parse().ok()).collect();
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            return (first..=last)
                .map(|y| Column {
                    value: y.to_string(),
                    name: None,
                })
                .collect();
        }
        return Vec::new();
    }
    values
        .into_iter()
        .map(|(value, name)| Column { value, name })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(places: &str, value: Option<&str>, projects: u64, grant: i128) -> CoverageGroup {
        CoverageGroup {
            municipalities: places.into(),
            value: value.map(str::to_string),
            label: None,
            projects,
            grant,
            without_grant: 0,
        }
    }

    #[test]
    fn a_project_of_two_municipalities_is_in_both_rows_and_once_in_the_total() {
        let g = crate::ingest::gazetteer::gazetteer();
        let groups = [
            group("Ale; Alingsås", Some("2"), 1, 100),
            group("", Some("2"), 4, 0),
            group("Kiruna", Some("1"), 2, 50),
            group("Ale", None, 3, 0),
        ];
        let c = build(g, CoverageBy::ProgrammeArea, Some("Västsverige"), &groups);
        let ale = c.rows.iter().find(|r| r.municipality == "Ale").unwrap();
        assert_eq!(ale.cells[1].projects, 1);
        assert_eq!(ale.cells[0].projects, 0);
        let alingsas = c
            .rows
            .iter()
            .find(|r| r.municipality == "Alingsås")
            .unwrap();
        assert_eq!(alingsas.total.esf_grant_sek, 100);
        assert_eq!(c.totals[1].projects, 1);
        assert_eq!(c.counted.counted, 1);
        assert_eq!(c.counted.without_municipality, 4);
        assert_eq!(c.counted.without_value, 3);
        assert_eq!(c.counted.elsewhere, 2);
        assert_eq!(c.counted.projects, 10);
    }

    #[test]
    fn years_run_from_the_first_start_to_the_last() {
        let groups = [
            group("Ale", Some("2015"), 1, 0),
            group("Ale", Some("2018"), 1, 0),
        ];
        let values: Vec<String> = columns(CoverageBy::Year, &groups)
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(values, ["2015", "2016", "2017", "2018"]);
    }
}
