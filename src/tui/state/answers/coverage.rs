//! The coverage screen's state: the matrix `esf coverage` builds (every
//! municipality of a region or of the country a row, empty cells too), a
//! cursor over its cells, and which columns and region are asked for
//! next. The matrix comes from the cache through the shell.

use super::{Return, ViewStep};
use crate::catalogue::coverage::Coverage;
use crate::store::coverage::CoverageBy;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::selection::{motion, Selection};

pub struct CoverageView {
    pub coverage: Coverage,
    /// Over the municipalities.
    pub selection: Selection,
    /// The column under the cursor; one past the last is the total.
    pub column: usize,
    pub back: Return,
}

/// A cell's projects, as facets for the list: the municipality, and the
/// column's value with its name (`None`: every column, the total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellFilter {
    pub municipality: String,
    pub by: CoverageBy,
    pub value: Option<(String, Option<String>)>,
}

impl CoverageView {
    pub fn new(coverage: Coverage, back: Return) -> CoverageView {
        CoverageView {
            coverage,
            selection: Selection::default(),
            column: 0,
            back,
        }
    }

    pub fn by(&self) -> CoverageBy {
        match self.coverage.by {
            "year" => CoverageBy::Year,
            "objective" => CoverageBy::Objective,
            _ => CoverageBy::ProgrammeArea,
        }
    }

    pub fn update(&mut self, action: Action, page: usize) -> ViewStep {
        if let Some(delta) = motion(action, page) {
            let rows = self.coverage.rows.len();
            return ViewStep::moved(self.selection.move_by(delta, rows, page));
        }
        let last = self.coverage.columns.len();
        match action {
            Action::MoveLeft if self.column > 0 => self.column_at(self.column - 1),
            Action::MoveRight if self.column < last => self.column_at(self.column + 1),
            Action::Open => match self.cell() {
                Some(cell) => ViewStep::Cell(cell),
                None => ViewStep::Ignored,
            },
            Action::CoverageColumns => self.ask(next_by(self.by()), self.coverage.region.clone()),
            Action::NextRegion => self.ask(self.by(), next_region(self.coverage.region.as_deref())),
            Action::Back => ViewStep::Leave,
            _ => ViewStep::Ignored,
        }
    }

    fn column_at(&mut self, column: usize) -> ViewStep {
        self.column = column;
        ViewStep::Changed
    }

    fn ask(&self, by: CoverageBy, region: Option<String>) -> ViewStep {
        ViewStep::Ask(Effect::LoadCoverage { by, region })
    }

    /// The selected cell's projects, when it has any.
    pub fn cell(&self) -> Option<CellFilter> {
        let row = self.coverage.rows.get(self.selection.index)?;
        let (count, value) = match self.coverage.columns.get(self.column) {
            Some(c) => (
                &row.cells[self.column],
                Some((c.value.clone(), c.name.clone())),
            ),
            None => (&row.total, None),
        };
        (count.projects > 0).then(|| CellFilter {
            municipality: row.municipality.clone(),
            by: self.by(),
            value,
        })
    }

    /// The matrix read again (other columns, another region): the cursor
    /// stays where it can.
    pub fn arrive(&mut self, coverage: Coverage) {
        let rows = coverage.rows.len();
        self.coverage = coverage;
        self.column = self.column.min(self.coverage.columns.len());
        if self.selection.index >= rows {
            self.selection.reset();
        }
    }
}

/// Programme area, then specific objective, then start year.
fn next_by(by: CoverageBy) -> CoverageBy {
    match by {
        CoverageBy::ProgrammeArea => CoverageBy::Objective,
        CoverageBy::Objective => CoverageBy::Year,
        CoverageBy::Year => CoverageBy::ProgrammeArea,
    }
}

/// The whole country, then each region in turn, then the country again.
pub fn next_region(now: Option<&str>) -> Option<String> {
    let regions = regions();
    match now.and_then(|r| regions.iter().position(|x| x == r)) {
        None => regions.first().cloned(),
        Some(i) => regions.get(i + 1).cloned(),
    }
}

/// The regions of the gazetteer's municipalities, by name.
fn regions() -> Vec<String> {
    let g = crate::ingest::gazetteer::gazetteer();
    let mut names: Vec<String> = g.municipalities.iter().map(|m| m.region.clone()).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::coverage::build;
    use crate::store::coverage::CoverageGroup;

    fn view() -> CoverageView {
        let g = crate::ingest::gazetteer::gazetteer();
        let groups = [CoverageGroup {
            municipalities: "Ale".into(),
            value: Some("2".into()),
            label: Some("Öka övergångarna".into()),
            projects: 3,
            grant: 100,
            without_grant: 0,
        }];
        let c = build(g, CoverageBy::ProgrammeArea, Some("Västsverige"), &groups);
        CoverageView::new(c, Return::Browse)
    }

    #[test]
    fn enter_lists_a_cell_with_projects_and_not_an_empty_one() {
        let mut v = view();
        assert_eq!(v.coverage.rows[0].municipality, "Ale");
        let ViewStep::Cell(cell) = v.update(Action::Open, 10) else {
            panic!("Ale × 2 has projects");
        };
        let value = Some(("2".to_string(), Some("Öka övergångarna".to_string())));
        assert_eq!((cell.municipality.as_str(), cell.value), ("Ale", value));
        assert!(matches!(v.update(Action::MoveRight, 10), ViewStep::Changed));
        assert!(v.cell().is_some(), "the total column of Ale");
        assert!(matches!(v.update(Action::MoveRight, 10), ViewStep::Ignored));
        v.update(Action::MoveDown, 10);
        assert!(
            matches!(v.update(Action::Open, 10), ViewStep::Ignored),
            "Alingsås has none"
        );
    }

    #[test]
    fn columns_and_regions_go_round() {
        let v = view();
        let ViewStep::Ask(Effect::LoadCoverage { by, region }) =
            v.ask(next_by(v.by()), v.coverage.region.clone())
        else {
            panic!("a matrix is asked for");
        };
        assert_eq!(
            (by, region.as_deref()),
            (CoverageBy::Objective, Some("Västsverige"))
        );
        assert_eq!(next_by(CoverageBy::Year), CoverageBy::ProgrammeArea);
        let first = next_region(None).unwrap();
        let all = regions();
        assert_eq!(all.len(), 8, "{all:?}");
        assert_eq!(
            next_region(Some(all.last().unwrap())),
            None,
            "then the country"
        );
        assert_eq!(next_region(Some(&first)).as_deref(), Some(all[1].as_str()));
    }
}
