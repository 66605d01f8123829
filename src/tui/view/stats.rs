//! The stats screen: projects per start year, money per region, a
//! timeline of project periods (scrollable) and the most connected
//! organisations, all over the projects the filter and facets leave.

use crate::catalogue::stats::{RegionMoney, Stats};
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
    let bars: Vec<Bar> = s
        .per_year
        .iter()
        .map(|(year, count)| {
            let label = if width >= 4 {
                year.to_string()
            } else {
                format!("{:02}", year % 100)
            };
            Bar::default().value(*count as u64).label(Line::from(label))
        })
        .collect();
    let chart = BarChart::default()
        .block(block(years_title(s, area.width), theme))
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1);
    frame.render_widget(chart, area);
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

/// "12.3 M / 4.5 M kr"; a dash for a sum no project gave an amount to.
fn money_text(r: &RegionMoney) -> String {
    let kr = match crate::i18n::lang() {
        crate::i18n::Lang::Sv => "",
        crate::i18n::Lang::En => " kr",
    };
    let known = |sum: i128, without: usize| match without == r.projects {
        true => "—".to_string(),
        false => crate::present::format::millions(sum),
    };
    format!(
        "{} / {}{kr}",
        known(r.budget, r.without_budget),
        known(r.grant, r.without_grant)
    )
}

/// "1 project without an amount", when any.
fn without_amount(r: &RegionMoney) -> Option<String> {
    match r.without_budget.max(r.without_grant) {
        0 => None,
        1 => Some(format!("1 {}", t("project without an amount"))),
        n => Some(format!("{n} {}", t("projects without an amount"))),
    }
}

fn draw_regions(frame: &mut Frame, s: &Stats, theme: Theme, area: Rect) {
    let inner = area.width.saturating_sub(2) as usize;
    let most = s
        .per_region
        .iter()
        .map(|r| r.budget)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut lines = Vec::new();
    for r in &s.per_region {
        let name = sanitize::line(&r.region).into_owned();
        let money = money_text(r);
        let pad = inner.saturating_sub(name.width() + money.width()).max(1);
        lines.push(Line::from(format!("{name}{}{money}", " ".repeat(pad))));
        let bar = |v: i128| ((v as f64 / most as f64) * inner as f64).round() as usize;
        let (budget, grant) = (bar(r.budget), bar(r.grant).min(bar(r.budget)));
        lines.push(Line::from(vec![
            Span::styled("█".repeat(grant), theme.key()),
            Span::raw("░".repeat(budget - grant)),
        ]));
        if let Some(without) = without_amount(r) {
            lines.push(Line::from(Span::styled(
                cut(&without, inner),
                theme.missing(),
            )));
        }
    }
    let title = format!(" {} ", t("Budget ░ and ESF grant █ per region"));
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
        let summary = &app.catalogue.projects[p.index];
        let name = cut(
            &sanitize::line(summary.name.as_deref().unwrap_or(&summary.key)),
            name_width,
        );
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
    let title = format!(
        " {} · {} {} ",
        t("Most connected organisations"),
        s.projects,
        t("projects")
    );
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}
