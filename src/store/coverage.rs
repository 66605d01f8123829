//! The figures a coverage matrix is made of, from one query over the
//! list index's columns (no record is read): projects and ESF grants
//! for each combination of municipalities and one other column.

use super::{Result, Store};
use rusqlite::types::ValueRef;
use std::collections::HashMap;

/// What a coverage matrix has as its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageBy {
    ProgrammeArea,
    Objective,
    Year,
}

impl CoverageBy {
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageBy::ProgrammeArea => "programme_area",
            CoverageBy::Objective => "objective",
            CoverageBy::Year => "year",
        }
    }

    /// The column's value of a project, as SQL.
    fn column(self) -> &'static str {
        match self {
            CoverageBy::ProgrammeArea => "programme_area",
            CoverageBy::Objective => "specific_objective",
            CoverageBy::Year => "substr(start_date, 1, 4)",
        }
    }
}

/// The projects that share their municipalities (joined by `; `, as the
/// cache keeps them: those the documents give as such, not those only a
/// text mentions) and their column's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageGroup {
    pub municipalities: String,
    pub value: Option<String>,
    /// The programme area's name, for `programme_area`.
    pub label: Option<String>,
    pub projects: u64,
    /// The sum of the ESF grants the projects give.
    pub grant: i128,
    /// Projects that give no ESF grant.
    pub without_grant: u64,
}

impl Store {
    /// Every group of projects by municipalities and `by`'s value: one
    /// pass over the list index's columns, summed in a hash table (SQLite's
    /// GROUP BY sorts every project first: the whole command took 90 ms
    /// with it at 100,000 projects, 50 ms without).
    pub fn coverage_groups(&self, by: CoverageBy) -> Result<Vec<CoverageGroup>> {
        let sql = format!(
            "SELECT municipalities, {}, programme_area_name, esf_grant_sek FROM projects",
            by.column()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut groups: Vec<CoverageGroup> = Vec::new();
        let mut key = String::new();
        while let Some(row) = rows.next()? {
            let places = text(row.get_ref(0)?);
            let value = row.get_ref(1)?;
            key.clear();
            key.push_str(places);
            key.push('\u{1f}');
            if let ValueRef::Null = value {
                key.push('\u{1f}');
            }
            key.push_str(text(value));
            let i = match at.get(key.as_str()) {
                Some(&i) => i,
                None => {
                    at.insert(key.clone(), groups.len());
                    groups.push(CoverageGroup::new(places, value));
                    groups.len() - 1
                }
            };
            let g = &mut groups[i];
            if by == CoverageBy::ProgrammeArea && g.label.is_none() {
                g.label = Some(text(row.get_ref(2)?).to_string()).filter(|l| !l.is_empty());
            }
            g.projects += 1;
            match row.get_ref(3)? {
                ValueRef::Integer(kr) => g.grant += i128::from(kr),
                _ => g.without_grant += 1,
            }
        }
        Ok(groups)
    }
}

/// A column's text; empty for NULL (and anything not text).
fn text(v: ValueRef<'_>) -> &str {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
        _ => "",
    }
}

impl CoverageGroup {
    fn new(places: &str, value: ValueRef<'_>) -> CoverageGroup {
        let value = match value {
            ValueRef::Text(_) => Some(text(value).to_string()),
            _ => None,
        };
        CoverageGroup {
            municipalities: places.to_string(),
            value,
            label: None,
            projects: 0,
            grant: 0,
            without_grant: 0,
        }
    }
}
