//! The stats screen: projects per start year, money per region, a
//! timeline of project periods (scrollable) and the most connected
//! organisations, all over the projects the filter and facets leave.

use crate::catalogue::stats::Stats;
use crate::dates;
use crate::i18n::t;
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::state::State;
use crate::tui::stats_screen::StatsView;
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &State, view: &StatsView, theme: Theme, area: Rect) {
    let s = &view.stats;
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area);
    let [years, regions] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(top);
    let [timeline, orgs] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Fill(1)]).areas(bottom);
    draw_years(frame, s, theme, years);
    draw_regions(frame, s, theme, regions);
    draw_timeline(frame, app, view, theme, timeline);
    draw_orgs(frame, s, theme, orgs);
}

fn block(title: String, theme: Theme) -> Block<'static> {
    Block::bordered()
        .title(title)
        .border_style(theme.border(false))
}

fn draw_years(frame: &mut Frame, s: &Stats, theme: Theme, area: Rect) {
    let inner = area.width.saturating_sub(2) as usize;
    let n = s.per_year.len().max(1);
    let width = ((inner + 1) / n).saturating_sub(1).clamp(1, 6) as u16;
    // Bars too narrow for a label each get an axis of whole years below.
    let axis = width < 2 && area.height > 4;
    let bars: Vec<Bar> = s
        .per_year
        .iter()
        .map(|(year, count)| {
            let bar = Bar::default().value(*count as u64);
            match width {
                4.. => bar.label(Line::from(year.to_string())),
                2..4 => bar.label(Line::from(format!("{:02}", year % 100))),
                _ => bar.label(Line::default()),
            }
        })
        .collect();
    let chart = BarChart::default()
        .block(block(years_title(s, area.width), theme))
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1);
    frame.render_widget(chart, area);
    if axis {
        let years: Vec<i32> = s.per_year.iter().map(|(y, _)| *y).collect();
        let line = year_axis(&years, usize::from(width) + 1, inner);
        let at = Rect::new(area.x + 1, area.bottom() - 2, inner as u16, 1);
        frame.render_widget(Paragraph::new(line).style(theme.header()), at);
    }
}

/// Whole years under bars `step` columns apart: those divisible by the
/// smallest of 1, 2, 5, 10, 20 that leaves a column between labels.
pub fn year_axis(years: &[i32], step: usize, width: usize) -> String {
    let every = [1, 2, 5, 10, 20]
        .into_iter()
        .find(|e| e * step >= 5)
        .unwrap_or(50) as i32;
    let mut line = vec![' '; width];
    for (i, year) in years.iter().enumerate() {
        let at = i * step;
        if year % every != 0 || at + 4 > width {
            continue;
        }
        for (j, c) in year.to_string().chars().enumerate() {
            line[at + j] = c;
        }
    }
    line.into_iter().collect()
}

/// The title, or where it does not fit in `width`, the short one.
fn fitting(full: String, short: String, width: u16) -> String {
    match full.width() + 2 <= width as usize {
        true => full,
        false => short,
    }
}

/// "Projects per start year (2 without a start date)".
fn years_title(s: &Stats, width: u16) -> String {
    let title = t("Projects per start year");
    match s.undated {
        0 => format!(" {title} "),
        n => fitting(
            format!(" {title} ({n} {}) ", t("without a start date")),
            format!(" {} (+{n} {}) ", t("Start years"), t("undated")),
            width,
        ),
    }
}

fn draw_regions(frame: &mut Frame, s: &Stats, theme: Theme, area: Rect) {
    let inner = area.width.saturating_sub(2) as usize;
    let rows = area.height.saturating_sub(2) as usize;
    let lines = super::stats_regions::lines(s, theme, inner, rows);
    let title = fitting(
        format!(" {} ", t("Budget ░ and ESF grant █ per region")),
        format!(" {} ", t("Budget ░, grant █")),
        area.width,
    );
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}

fn draw_timeline(frame: &mut Frame, app: &State, view: &StatsView, theme: Theme, area: Rect) {
    let (s, scroll) = (&view.stats, view.scroll);
    let inner = area.width.saturating_sub(2) as usize;
    let rows = area.height.saturating_sub(3) as usize;
    let name_width = (inner / 3).clamp(8, 28);
    let bar_width = inner.saturating_sub(name_width + 1).max(1);
    let first = s.timeline.iter().map(|p| p.start).min().unwrap_or(0);
    let last = s.timeline.iter().map(|p| p.end).max().unwrap_or(first) + 1;
    let (from_year, to_year) = (year_of(first), year_of(last));
    let (from, to) = (
        dates::days_from_iso(&format!("{from_year}-01-01")).unwrap_or(first),
        dates::days_from_iso(&format!("{}-01-01", to_year + 1)).unwrap_or(last),
    );
    let column =
        |day: i64| ((day - from) as f64 / (to - from).max(1) as f64 * bar_width as f64) as usize;
    let axis = format!(
        "{:name_width$} {from_year}{:>w$}",
        "",
        to_year,
        w = bar_width.saturating_sub(4)
    );
    let mut lines = vec![Line::from(Span::styled(axis, theme.header()))];
    for p in s.timeline.iter().skip(scroll).take(rows) {
        let projects = &app.catalogue.projects;
        let name = projects.name(p.index).unwrap_or(projects.key(p.index));
        let name = cut(&sanitize::line(name), name_width);
        let (a, b) = (
            column(p.start).min(bar_width - 1),
            column(p.end).min(bar_width - 1),
        );
        lines.push(Line::from(vec![
            Span::raw(format!("{name:name_width$} {}", " ".repeat(a))),
            Span::styled("▆".repeat(b - a + 1), theme.key()),
        ]));
    }
    let title = timeline_title(s, area.width);
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}

/// The timeline's title, with the projects left off it when there is room.
fn timeline_title(s: &Stats, width: u16) -> String {
    let full = format!(
        " {} ({}, {}) ",
        t("Timeline"),
        s.timeline.len(),
        t("by start; j/k scroll")
    );
    match s.off_timeline {
        0 => full,
        n => fitting(
            format!(
                " {} ({}, {}; {n} {}) ",
                t("Timeline"),
                s.timeline.len(),
                t("by start; j/k scroll"),
                t("without both dates")
            ),
            format!(
                " {} ({}; +{n} {}) ",
                t("Timeline"),
                s.timeline.len(),
                t("undated")
            ),
            width,
        ),
    }
}

fn year_of(day: i64) -> i32 {
    dates::year(&dates::iso_from_days(day)).unwrap_or(1970)
}

fn draw_orgs(frame: &mut Frame, s: &Stats, theme: Theme, area: Rect) {
    let inner = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = s
        .top_orgs
        .iter()
        .map(|(name, n)| {
            let name = cut(&sanitize::line(name), inner.saturating_sub(7));
            Line::from(format!("{n:>5}  {name}"))
        })
        .collect();
    let title = fitting(
        format!(
            " {} · {} {} ",
            t("Most connected organisations"),
            s.projects,
            t("projects")
        ),
        format!(" {} ", t("Most connected")),
        area.width,
    );
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}

#[cfg(test)]
mod tests {
    use super::year_axis;

    #[test]
    fn narrow_bars_get_whole_years_spaced_apart_never_single_digits() {
        let years: Vec<i32> = (2008..=2024).collect();
        let axis = year_axis(&years, 2, 34);
        assert_eq!(axis, "    2010      2015      2020      ");
        let wide = year_axis(&years[..4], 3, 12);
        assert_eq!(
            wide, "2008  2010  ",
            "every other year at three columns a bar"
        );
        assert_eq!(
            year_axis(&[2023, 2024], 2, 5).trim(),
            "",
            "no room: no label"
        );
    }
}
