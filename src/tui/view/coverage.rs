//! The coverage screen: the matrix `esf coverage` prints, every
//! municipality a row (those with no project too), each cell its
//! projects or `·`, the totals last; the columns that fit around the
//! cursor; below, the cell under the cursor and what the matrix counts
//! and leaves out.

use super::answers::{block, said_lines};
use crate::catalogue::coverage::{Cell, Coverage};
use crate::i18n::{t, tf};
use crate::present::coverage::EMPTY;
use crate::present::format::millions;
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::layout::Areas;
use crate::tui::state::answers::coverage::CoverageView;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// The municipality column.
const NAME: usize = 16;

pub fn draw(frame: &mut Frame, view: &CoverageView, theme: Theme, areas: &Areas) {
    let area = areas.list;
    let inner = area.width.saturating_sub(2) as usize;
    let c = &view.coverage;
    let mut below = said_lines(&[cell_text(view)], inner, theme);
    below.extend(said_lines(&counted(c), inner, theme));
    let room = (area.height as usize).saturating_sub(3 + below.len());
    let columns = shown_columns(c, view.column, inner);
    let mut lines = vec![header(c, &columns, theme)];
    let rows = c.rows.len();
    let start = match view.selection.index >= room {
        true => view.selection.index + 1 - room,
        false => 0,
    };
    for i in start..rows.min(start + room) {
        let selected = (i == view.selection.index).then_some(view.column);
        lines.push(row_line(c, i, &columns, selected, theme));
    }
    lines.resize(room + 1, Line::default());
    lines.extend(below);
    let title = format!("{} · {} · {}", t("Coverage"), place(c), by_text(c));
    let title = format!(" {} ", cut(&title, inner.saturating_sub(2)));
    frame.render_widget(Paragraph::new(lines).block(block(title, theme, true)), area);
}

fn by_text(c: &Coverage) -> &'static str {
    match c.by {
        "year" => t("start year"),
        "objective" => t("specific objective"),
        _ => t("programme area"),
    }
}

fn place(c: &Coverage) -> String {
    let place = c.region.as_deref().unwrap_or(t("Sweden"));
    sanitize::line(place).into_owned()
}

/// A column's width: its heading or its widest count.
fn width_of(c: &Coverage, column: usize) -> usize {
    let head = c.columns[column].value.width();
    let cells = c.rows.iter().map(|r| count(&r.cells[column]).width());
    cells.chain([head]).max().unwrap_or(1)
}

/// The columns shown: as many as fit from one that keeps the cursor's in
/// view; the totals always.
fn shown_columns(c: &Coverage, cursor: usize, inner: usize) -> Vec<usize> {
    let room = inner.saturating_sub(NAME + 2 + totals_width());
    let widths: Vec<usize> = (0..c.columns.len()).map(|i| width_of(c, i) + 2).collect();
    let cursor = cursor.min(widths.len().saturating_sub(1));
    let mut first = 0;
    while first < cursor && widths[first..=cursor].iter().sum::<usize>() > room {
        first += 1;
    }
    let mut used = 0;
    let mut shown = Vec::new();
    for (i, w) in widths.iter().enumerate().skip(first) {
        if used + w > room && !shown.is_empty() {
            break;
        }
        used += w;
        shown.push(i);
    }
    shown
}

/// The projects total and the grant total.
fn totals_width() -> usize {
    t("Projects").width().max(6) + 2 + t("ESF grant").width().max(8) + 2
}

fn header(c: &Coverage, columns: &[usize], theme: Theme) -> Line<'static> {
    let mut s = format!("  {:NAME$}", "");
    for &i in columns {
        let value = sanitize::line(&c.columns[i].value).into_owned();
        s.push_str(&format!("  {value:>w$}", w = width_of(c, i)));
    }
    let (p, g) = (t("Projects"), t("ESF grant"));
    s.push_str(&format!("  {p:>6}  {g:>8}"));
    Line::from(Span::styled(s, theme.header()))
}

/// A municipality's row; `selected`: the cursor's column when it is this
/// row (one past the last: the total).
fn row_line(
    c: &Coverage,
    i: usize,
    columns: &[usize],
    selected: Option<usize>,
    theme: Theme,
) -> Line<'static> {
    let row = &c.rows[i];
    let name = cut(&sanitize::line(&row.municipality), NAME);
    let pad = NAME.saturating_sub(name.width());
    let mark = if selected.is_some() { "▶ " } else { "  " };
    let mut spans = vec![Span::raw(format!("{mark}{name}{}", " ".repeat(pad)))];
    let style = |column: usize| match selected == Some(column) {
        true => theme.selected(),
        false => Default::default(),
    };
    for &col in columns {
        let text = format!("{:>w$}", count(&row.cells[col]), w = width_of(c, col));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(text, style(col)));
    }
    spans.push(Span::raw("  "));
    let total = format!("{:>6}", count(&row.total));
    spans.push(Span::styled(total, style(c.columns.len())));
    spans.push(Span::raw(format!("  {:>8}", grant(&row.total))));
    Line::from(spans)
}

fn count(cell: &Cell) -> String {
    match cell.projects {
        0 => EMPTY.to_string(),
        n => n.to_string(),
    }
}

/// Millions; `—` when no project of the cell gives a grant.
fn grant(cell: &Cell) -> String {
    match cell.projects > cell.without_grant {
        true => millions(cell.esf_grant_sek),
        false => "—".to_string(),
    }
}

/// "Ale × 2 Öka övergångarna: 3 projects, ESF grant 1.2 M (Enter lists them)".
fn cell_text(view: &CoverageView) -> String {
    let c = &view.coverage;
    let Some(row) = c.rows.get(view.selection.index) else {
        return String::new();
    };
    let (what, cell) = match c.columns.get(view.column) {
        Some(col) => {
            let name = col
                .name
                .as_deref()
                .map_or(String::new(), |n| format!(" {n}"));
            (format!("{}{name}", col.value), &row.cells[view.column])
        }
        None => (t("every column").to_string(), &row.total),
    };
    let said = match cell.projects {
        0 => tf("{} × {}: no project", &[&row.municipality, &what]),
        n => tf(
            "{} × {}: {} projects, ESF grant {} (Enter lists them)",
            &[&row.municipality, &what, &n, &grant(cell)],
        ),
    };
    sanitize::line(&said).into_owned()
}

/// What the matrix counts and leaves out, in two sentences.
fn counted(c: &Coverage) -> Vec<String> {
    let n = &c.counted;
    let empty = c.rows.iter().filter(|r| r.total.projects == 0).count();
    let outside = match &c.region {
        Some(r) => sanitize::line(r).into_owned(),
        None => t("the list of municipalities").to_string(),
    };
    let without = match c.by {
        "year" => t("without a start date"),
        "objective" => t("without a specific objective"),
        _ => t("without a programme area"),
    };
    vec![
        tf(
            "{} of {} municipalities have no project here; {} is a cell without projects.",
            &[&empty, &c.rows.len(), &EMPTY],
        ),
        tf(
            "Counted {} of {} projects ({} without an ESF grant, in no sum); left out: {} without a municipality, {} {}, {} only outside {}.",
            &[
                &n.counted,
                &n.projects,
                &n.without_grant,
                &n.without_municipality,
                &n.without_value,
                &without,
                &n.elsewhere,
                &outside,
            ],
        ),
    ]
}
