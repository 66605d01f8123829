//! A coverage matrix for people (a table of project counts, its columns
//! in blocks that fit the terminal, the grants as a total) and for
//! programs (CSV with every cell's projects and grant in kronor).

use crate::catalogue::coverage::{Cell, Coverage};
use crate::i18n::{t, tf};
use crate::present::sanitize;
use crate::present::table::cut;
use unicode_width::UnicodeWidthStr;

/// A cell without projects: visibly empty.
pub const EMPTY: &str = "·";

/// The widest the municipality column gets.
const NAME_WIDTH: usize = 16;

/// The matrix as text, each line at most `width` (a terminal's) wide: the
/// columns in as many blocks as it takes, the totals in the last.
pub fn text(c: &Coverage, width: Option<usize>) -> String {
    let names = c
        .rows
        .iter()
        .map(|r| r.municipality.width())
        .max()
        .unwrap_or(0);
    let all = t("All");
    let name_width = names.max(all.width()).min(NAME_WIDTH);
    let mut out = String::new();
    let blocks = blocks(c, width.map(|w| w.saturating_sub(name_width)));
    for (b, block) in blocks.iter().enumerate() {
        if b > 0 {
            out.push('\n');
        }
        let last = b + 1 == blocks.len();
        out.push_str(&block_text(c, block, name_width, last));
    }
    out.push_str(&legend(c));
    out.push_str(&said(c));
    out
}

/// Widths of the count columns and of the two totals.
fn widths(c: &Coverage) -> (Vec<usize>, [usize; 2]) {
    let count = |cell: &Cell| count_text(cell).width();
    let columns = (0..c.columns.len())
        .map(|i| {
            let cells = c.rows.iter().map(|r| count(&r.cells[i]));
            let head = c.columns[i].value.width();
            cells.chain([head, count(&c.totals[i])]).max().unwrap_or(1)
        })
        .collect();
    let all = total(c);
    let projects = c
        .rows
        .iter()
        .map(|r| count(&r.total))
        .chain([count(&all), t("Projects").width()]);
    let grants = c.rows.iter().map(|r| grant_text(&r.total).width());
    let grants = grants.chain([grant_text(&all).width(), t("ESF grant").width()]);
    (
        columns,
        [projects.max().unwrap_or(1), grants.max().unwrap_or(1)],
    )
}

/// The column indices of each block: as many as fit beside the name (the
/// last block also holds the totals); one block when there is no width.
fn blocks(c: &Coverage, room: Option<usize>) -> Vec<Vec<usize>> {
    let (columns, totals) = widths(c);
    let Some(room) = room else {
        return vec![(0..columns.len()).collect()];
    };
    let totals = totals.iter().map(|w| w + 2).sum::<usize>();
    let mut blocks: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, w) in columns.iter().enumerate() {
        let more = w + 2;
        let left = columns.len() - i - 1;
        let needs = used + more + if left == 0 { totals } else { 0 };
        let current = blocks.last_mut().expect("one block at least");
        if needs > room && !current.is_empty() {
            blocks.push(vec![i]);
            used = more;
        } else {
            current.push(i);
            used += more;
        }
    }
    if used + totals > room && !blocks.last().is_some_and(Vec::is_empty) {
        blocks.push(Vec::new());
    }
    blocks
}

fn block_text(c: &Coverage, block: &[usize], name_width: usize, last: bool) -> String {
    let (columns, totals) = widths(c);
    let line = |name: &str, cells: Vec<String>, sums: Option<[String; 2]>| {
        let name = cut(&sanitize::line(name), name_width);
        let mut s = format!(
            "{name}{}",
            " ".repeat(name_width.saturating_sub(name.width()))
        );
        for (&i, cell) in block.iter().zip(cells) {
            s.push_str(&format!("  {cell:>w$}", w = columns[i]));
        }
        if let (true, Some([p, g])) = (last, sums) {
            s.push_str(&format!("  {p:>w$}  {g:>v$}", w = totals[0], v = totals[1]));
        }
        s.trim_end().to_string() + "\n"
    };
    let heads = block
        .iter()
        .map(|&i| sanitize::line(&c.columns[i].value).into_owned());
    let head_sums = [t("Projects").to_string(), t("ESF grant").to_string()];
    let mut out = line("", heads.collect(), Some(head_sums));
    for r in &c.rows {
        let cells = block.iter().map(|&i| count_text(&r.cells[i])).collect();
        out.push_str(&line(
            &r.municipality,
            cells,
            Some([count_text(&r.total), grant_text(&r.total)]),
        ));
    }
    let all = total(c);
    let cells = block.iter().map(|&i| count_text(&c.totals[i])).collect();
    out.push_str(&line(
        t("All"),
        cells,
        Some([count_text(&all), grant_text(&all)]),
    ));
    out
}

/// Every counted project once.
fn total(c: &Coverage) -> Cell {
    let mut all = Cell::default();
    for cell in &c.totals {
        all.projects += cell.projects;
        all.esf_grant_sek += cell.esf_grant_sek;
        all.without_grant += cell.without_grant;
    }
    all
}

fn count_text(cell: &Cell) -> String {
    match cell.projects {
        0 => EMPTY.to_string(),
        n => n.to_string(),
    }
}

/// Millions; `—` when no project of the cell gives a grant.
fn grant_text(cell: &Cell) -> String {
    match cell.projects > cell.without_grant {
        true => crate::present::format::millions(cell.esf_grant_sek),
        false => "—".to_string(),
    }
}

/// What each programme area's code stands for.
fn legend(c: &Coverage) -> String {
    let mut out = String::new();
    for col in &c.columns {
        if let Some(name) = &col.name {
            let value = sanitize::line(&col.value);
            out.push_str(&format!("{value}: {}\n", sanitize::line(name)));
        }
    }
    out
}

/// What the matrix counts and what it leaves out, as the stats screen
/// says it.
pub fn said(c: &Coverage) -> String {
    let n = &c.counted;
    let empty = c.rows.iter().filter(|r| r.total.projects == 0).count();
    let mut out = tf(
        "{} of {} municipalities have no project here; {} is a cell without projects.",
        &[&empty, &c.rows.len(), &EMPTY],
    );
    out.push('\n');
    out.push_str(&tf(
        "Counted: {} of {} projects, each once in the totals and in the row of each of its municipalities (those its documents give, not those only its text mentions); {} of them without an ESF grant, in no sum.",
        &[&n.counted, &n.projects, &n.without_grant],
    ));
    out.push('\n');
    let without = match c.by {
        "year" => t("without a start date"),
        "objective" => t("without a specific objective"),
        _ => t("without a programme area"),
    };
    out.push_str(&tf(
        "Left out: {} without a municipality, {} {}, {} only in municipalities outside {}.",
        &[
            &n.without_municipality,
            &n.without_value,
            &without,
            &n.elsewhere,
            &c.region
                .as_deref()
                .map_or(t("the list of municipalities"), |r| r),
        ],
    ));
    out.push('\n');
    out
}

/// CSV: a row per municipality, each column's projects and ESF grant in
/// kronor, then the totals; a last row of every counted project once.
/// Cells are made safe as `esf export` makes them (formulas defused).
pub fn csv(c: &Coverage) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut head = vec!["municipality".to_string(), "county".into(), "region".into()];
    for col in &c.columns {
        head.push(format!("{} projects", col.value));
        head.push(format!("{} esf_grant_sek", col.value));
    }
    head.extend([
        "projects".into(),
        "esf_grant_sek".into(),
        "projects_without_grant".into(),
    ]);
    let mut write = |cells: Vec<String>| {
        let _ = out.write_record(cells.into_iter().map(crate::present::export::safe_cell));
    };
    write(head);
    let cells = |cells: &[Cell], sum: &Cell| {
        let mut v = Vec::new();
        for cell in cells {
            v.push(cell.projects.to_string());
            v.push(cell.esf_grant_sek.to_string());
        }
        v.extend([
            sum.projects.to_string(),
            sum.esf_grant_sek.to_string(),
            sum.without_grant.to_string(),
        ]);
        v
    };
    for r in &c.rows {
        let mut row = vec![r.municipality.clone(), r.county.clone(), r.region.clone()];
        row.extend(cells(&r.cells, &r.total));
        write(row);
    }
    let mut row = vec![
        "(all)".to_string(),
        String::new(),
        c.region.clone().unwrap_or_default(),
    ];
    row.extend(cells(&c.totals, &total(c)));
    write(row);
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::coverage::build;
    use crate::store::coverage::{CoverageBy, CoverageGroup};

    #[test]
    fn at_80_columns_every_line_fits_and_every_column_is_shown() {
        let g = crate::ingest::gazetteer::gazetteer();
        let groups: Vec<CoverageGroup> = (2000..2027)
            .map(|year| CoverageGroup {
                municipalities: "Upplands Väsby; Stockholm".into(),
                value: Some(year.to_string()),
                label: None,
                projects: 12_345,
                grant: 9_999_999_999,
                without_grant: 0,
            })
            .collect();
        let c = build(g, CoverageBy::Year, None, &groups);
        let out = text(&c, Some(80));
        assert!(
            out.lines()
                .filter(|l| !l.contains(": "))
                .all(|l| l.width() <= 80),
            "{out}"
        );
        for year in 2000..2027 {
            assert!(out.contains(&year.to_string()), "{year}");
        }
        let blocks = out.lines().filter(|l| l.starts_with("   ")).count();
        assert!(blocks > 1, "{out}");
    }
}
