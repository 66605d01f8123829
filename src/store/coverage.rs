//! The figures a coverage matrix is made of, in one aggregate query over
//! the list index's columns (no record is read): projects and ESF grants
//! for each combination of municipalities and one other column.

use super::{Result, Store};

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
    /// Every group of projects by municipalities and `by`'s value.
    pub fn coverage_groups(&self, by: CoverageBy) -> Result<Vec<CoverageGroup>> {
        let column = by.column();
        let sql = format!(
            "SELECT municipalities, {column}, max(programme_area_name), count(*),
                    sum(esf_grant_sek), count(esf_grant_sek)
             FROM projects GROUP BY municipalities, {column}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let projects: i64 = r.get(3)?;
            let with_grant: i64 = r.get(5)?;
            let label = match by {
                CoverageBy::ProgrammeArea => r.get(2)?,
                _ => None,
            };
            Ok(CoverageGroup {
                municipalities: r.get(0)?,
                value: r.get(1)?,
                label,
                projects: projects as u64,
                grant: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as i128,
                without_grant: (projects - with_grant) as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
