//! The list pane: one row per project (or unclassified document), columns
//! that fit the width, matched characters highlighted, a scrollbar.

use super::columns::{columns, NameNeeds};
use super::fit::{fit, fit_middle};
use crate::i18n::{t, tf};
use crate::model::ProjectSummary;
use crate::model::{Annotation, Change, ChangeKind, ReviewState};
use crate::present::format::MISSING;
use crate::present::sanitize;
use crate::search::fields::{Field, Reason};
use crate::search::query::Query;
use crate::tui::layout::Areas;
use crate::tui::state::State;
use crate::tui::state::{ListKind, ListState, Pane};
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, HighlightSpacing, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table,
    TableState,
};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, areas: &Areas) {
    let area = areas.list;
    if area.width == 0 {
        return;
    }
    let focused = app.list.focus == Pane::List;
    let mut block = Block::bordered()
        .title(title(app))
        .border_style(theme.border(focused));
    if let Some(place) = super::list_notes::place_line(app, area.width) {
        block = block.title_bottom(place);
    }
    let height = areas.list_rows.height as usize;
    let (header, rows, widths) = match app.list.kind {
        ListKind::Projects => project_rows(app, theme, area.width, height),
        ListKind::Unclassified => unclassified_rows(app, height),
    };
    let visible_selected = app
        .list
        .selection
        .index
        .checked_sub(app.list.selection.offset);
    let mut state = TableState::default().with_selected(visible_selected);
    let table = Table::new(rows, widths)
        .header(header.style(theme.header()))
        .block(block)
        .row_highlight_style(theme.selected())
        .column_spacing(1)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(table, area, &mut state);
    draw_scrollbar(frame, app, area, height);
    super::list_notes::draw_no_hits(frame, app, theme, areas.list_rows);
}

fn title(app: &State) -> Line<'static> {
    match app.list.kind {
        ListKind::Projects => Line::from(format!(
            " {} {}/{} · {}{}: {} ",
            t("Projects"),
            app.list.rows.len(),
            app.catalogue.projects.len(),
            place(app),
            t("sort"),
            sort_label(&app.list)
        )),
        ListKind::Unclassified => Line::from(format!(
            " {} ({}) ",
            t("Other documents"),
            app.unclassified.len()
        )),
    }
}

/// The selected row's place among the rows listed: "12 of 691 · ", and
/// nothing when no row is listed.
fn place(app: &State) -> String {
    let len = app.list.rows.len();
    if len == 0 {
        return String::new();
    }
    let at = app.list.selection.index.min(len - 1) + 1;
    format!("{} · ", tf("{} of {}", &[&at, &len]))
}

/// The order the list is in: best match, or a sort and its direction.
pub(super) fn sort_label(list: &ListState) -> String {
    match (list.ranked, list.reversed) {
        (true, _) => t("best match").to_string(),
        (false, false) => t(list.sort.as_str()).to_string(),
        (false, true) => format!("{}, {}", t(list.sort.as_str()), t("reversed")),
    }
}

fn project_rows(
    app: &State,
    theme: Theme,
    width: u16,
    height: usize,
) -> (Row<'static>, Vec<Row<'static>>, Vec<Constraint>) {
    let query = app.search.query.trim();
    let visible: Vec<usize> = app
        .list
        .rows
        .iter()
        .skip(app.list.selection.offset)
        .take(height)
        .copied()
        .collect();
    // Only the rows on screen are made whole.
    let shown: Vec<ProjectSummary> = visible
        .iter()
        .map(|&i| app.catalogue.projects.get(i))
        .collect();
    let names = NameNeeds::of(shown.iter().map(name_of));
    let cols = columns(width, app.list.sort, !query.is_empty(), names);
    // Parsed once for the rows on screen.
    let parsed = Query::parse(query);
    let header = Row::new(cols.iter().map(|(n, w)| fit(Line::from(t(n)), *w as usize)));
    let rows = visible
        .iter()
        .zip(&shown)
        .map(|(&index, p)| {
            // Reasons and highlights only for the rows on screen.
            let reasons = match query.is_empty() {
                true => Vec::new(),
                false => reasons(app, index, &parsed),
            };
            let name_at = reasons.iter().find(|r| r.field == Field::Name);
            let positions = name_at.map_or(&[][..], |r| &r.positions[..]);
            let mark = format!(
                "{}{}",
                mark(app.annotations.get(&p.key)),
                change_mark(app.changes.get(&p.key))
            );
            Row::new(cols.iter().map(|(name, w)| {
                let line = match *name {
                    "" => Line::from(mark.clone()),
                    "MATCHED" => matched(&reasons, theme),
                    "NAME" if app.overlapping.marked(&p.key) => overlap_marked(p, positions, theme),
                    _ => cell(p, name, positions, theme),
                };
                let w = *w as usize;
                match *name {
                    // Names alike past the column: their ends tell them apart.
                    "NAME" if names.distinct as usize > w => Cell::from(fit_middle(line, w, w / 3)),
                    _ => Cell::from(fit(line, w)),
                }
            }))
        })
        .collect();
    let widths = cols.iter().map(|(_, w)| Constraint::Length(*w)).collect();
    (header, rows, widths)
}

/// The name after `⇄`: the project overlaps another of its organisation.
fn overlap_marked(p: &ProjectSummary, positions: &[usize], theme: Theme) -> Line<'static> {
    let mut name = highlighted(name_of(p), positions, theme);
    name.spans.insert(0, Span::styled("⇄ ", theme.key()));
    name
}

/// A project's name as the list shows it.
fn name_of(p: &ProjectSummary) -> &str {
    p.name.as_deref().unwrap_or(MISSING)
}

fn cell(p: &ProjectSummary, column: &str, positions: &[usize], theme: Theme) -> Line<'static> {
    let text = |v: &Option<String>| sanitize::line(v.as_deref().unwrap_or(MISSING)).into_owned();
    match column {
        "NAME" => highlighted(name_of(p), positions, theme),
        "ID" => Line::from(sanitize::line(p.shown_id()).into_owned()),
        "OWNER" => Line::from(text(&p.owner)),
        "REGION" => Line::from(text(&p.region)),
        "BUDGET" => money(p.total_budget_sek),
        "GRANT" => money(p.esf_grant_sek),
        "PERIOD" => Line::from(period(p, false)),
        _ => Line::from(period(p, true)),
    }
}

/// Why a row matched: its fields, and the words around a match in its
/// texts when a term is in none of them.
fn reasons(app: &State, index: usize, query: &Query) -> Vec<Reason> {
    let mut reasons = app.catalogue.explain_parsed(index, query);
    if !app.catalogue.fields.unexplained(index, query).is_empty() {
        let key = app.catalogue.projects.key(index);
        reasons.extend(app.search.texts.snippets.get(key).cloned());
    }
    reasons
}

/// Where the filter's terms were found other than the name (shown beside
/// it), each field with its text and the matched characters lit.
fn matched(reasons: &[Reason], theme: Theme) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for r in reasons.iter().filter(|r| r.field != Field::Name) {
        if !spans.is_empty() {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(
            format!("{}: ", t(r.field.as_str())),
            theme.label(),
        ));
        let (text, positions) = from_the_match(r);
        spans.extend(highlighted(&text, &positions, theme).spans);
    }
    if spans.is_empty() && !reasons.is_empty() {
        spans.push(Span::styled(t("name").to_string(), theme.label()));
    }
    Line::from(spans)
}

/// A snippet from a few words before its first match, so the match shows
/// in a narrow column; other texts as they are.
fn from_the_match(r: &Reason) -> (String, Vec<usize>) {
    const BEFORE: usize = 12;
    let first = r.positions.first().copied().unwrap_or(0);
    if r.field != Field::Text || first <= BEFORE {
        return (r.text.clone(), r.positions.clone());
    }
    let chars: Vec<char> = r.text.chars().collect();
    let mut start = first - BEFORE;
    // Start at a word: after the next space, if it comes before the match.
    if let Some(space) = chars[start..first].iter().position(|c| *c == ' ') {
        start += space + 1;
    }
    let text = std::iter::once('…')
        .chain(chars[start..].iter().copied())
        .collect();
    let positions = r.positions.iter().map(|p| p - start + 1).collect();
    (text, positions)
}

/// `+` new, `~` changed by an import the user has not looked at since.
fn change_mark(change: Option<&Change>) -> &'static str {
    match change.map(|c| c.kind) {
        Some(ChangeKind::New) => "+",
        Some(ChangeKind::Changed) => "~",
        _ => "",
    }
}

/// Three characters for the user's marks, each in its own place so that
/// none hides another: bookmarked, review state (in review, done), note.
fn mark(a: Option<&Annotation>) -> String {
    let Some(a) = a else {
        return "   ".into();
    };
    let bookmark = if a.bookmarked { '★' } else { ' ' };
    let review = match a.review {
        ReviewState::Done => '✓',
        ReviewState::InReview => '◐',
        _ => ' ',
    };
    let note = if a.note.trim().is_empty() { ' ' } else { '✎' };
    [bookmark, review, note].iter().collect()
}

fn money(v: Option<i64>) -> Line<'static> {
    Line::from(crate::present::format::money(v).unwrap_or_else(|| MISSING.into())).right_aligned()
}

fn period(p: &ProjectSummary, years_only: bool) -> String {
    let (start, end) = (p.start_date.as_deref(), p.end_date.as_deref());
    if !years_only {
        return crate::present::format::period_text(start, end).unwrap_or_else(|| MISSING.into());
    }
    let year = |d: Option<&str>| d.and_then(|d| d.get(..4)).unwrap_or("?").to_string();
    match (start, end) {
        (None, None) => MISSING.into(),
        _ => format!("{}–{}", year(start), year(end)),
    }
}

/// The name with the filter's matched characters styled. Positions count
/// characters of the raw name; each is sanitised on its own.
pub(super) fn highlighted(name: &str, positions: &[usize], theme: Theme) -> Line<'static> {
    if positions.is_empty() {
        return Line::from(sanitize::line(name).into_owned());
    }
    let spans: Vec<Span<'static>> = name
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let shown = sanitize::line(c.encode_utf8(&mut [0; 4])).into_owned();
            if positions.binary_search(&i).is_ok() {
                Span::styled(shown, theme.matched())
            } else {
                Span::raw(shown)
            }
        })
        .collect();
    Line::from(spans)
}

fn unclassified_rows(
    app: &State,
    height: usize,
) -> (Row<'static>, Vec<Row<'static>>, Vec<Constraint>) {
    let header = Row::new([t("KIND"), t("TITLE"), t("FILE")]);
    let rows = app
        .unclassified
        .iter()
        .skip(app.list.selection.offset)
        .take(height)
        .map(|d| {
            let title = sanitize::line(d.title.as_deref().unwrap_or(MISSING)).into_owned();
            let kind = super::detail::kind_label(&d.kind).to_string();
            Row::new([kind, title, sanitize::line(&d.source).into_owned()])
        })
        .collect();
    let widths = vec![
        Constraint::Length(16),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ];
    (header, rows, widths)
}

fn draw_scrollbar(frame: &mut Frame, app: &State, area: Rect, height: usize) {
    let len = app.row_count();
    if len <= height || area.height < 4 {
        return;
    }
    let mut state =
        ScrollbarState::new(len.saturating_sub(height)).position(app.list.selection.offset);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight);
    frame.render_stateful_widget(
        bar,
        area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        }),
        &mut state,
    );
}
