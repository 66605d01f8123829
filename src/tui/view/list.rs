//! The list pane: one row per project (or unclassified document), columns
//! that fit the width, matched characters highlighted, a scrollbar.

use crate::catalogue::SortKey;
use crate::i18n::t;
use crate::model::ProjectSummary;
use crate::model::{Annotation, Change, ChangeKind, ReviewState};
use crate::present::format::MISSING;
use crate::present::sanitize;
use crate::search::fields::{Field, Reason};
use crate::search::query::Query;
use crate::tui::layout::Areas;
use crate::tui::state::State;
use crate::tui::state::{ListKind, Pane};
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table, TableState,
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
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(table, area, &mut state);
    draw_scrollbar(frame, app, area, height);
    super::list_notes::draw_no_hits(frame, app, theme, areas.list_rows);
}

fn title(app: &State) -> Line<'static> {
    match app.list.kind {
        ListKind::Projects => {
            let sort = if app.list.ranked {
                t("best match")
            } else {
                t(app.list.sort.as_str())
            };
            Line::from(format!(
                " {} {}/{} · {}: {sort} ",
                t("Projects"),
                app.list.rows.len(),
                app.catalogue.projects.len(),
                t("sort")
            ))
        }
        ListKind::Unclassified => Line::from(format!(
            " {} ({}) ",
            t("Other documents"),
            app.unclassified.len()
        )),
    }
}

/// Which columns fit: (name, width) with 0 meaning "share what is left".
/// While a filter is on, why each project matched comes after the name.
fn columns(width: u16, sort: SortKey, filtered: bool) -> Vec<(&'static str, u16)> {
    let inner = width.saturating_sub(4);
    if filtered {
        return filtered_columns(inner);
    }
    let mut cols = vec![("", 4), ("NAME", 0), ("ID", 12)];
    if inner >= 90 {
        cols.push(("OWNER", 0));
    }
    // Region names are up to 19 wide (Norra Mellansverige): whole where
    // there is room for them.
    match inner {
        110.. => cols.push(("REGION", 20)),
        56.. => cols.push(("REGION", 13)),
        _ => {}
    }
    match sort {
        SortKey::Budget if inner >= 60 => cols.push(("BUDGET", 13)),
        SortKey::Grant if inner >= 60 => cols.push(("GRANT", 13)),
        // Full dates once name and owner have room; years before that.
        _ if inner >= 150 => cols.push(("PERIOD", 23)),
        _ if inner >= 48 => cols.push(("YEARS", 9)),
        _ => {}
    }
    cols
}

fn filtered_columns(inner: u16) -> Vec<(&'static str, u16)> {
    let mut cols = vec![("", 4), ("NAME", 0)];
    if inner >= 60 {
        cols.push(("ID", 12));
    }
    cols.push(("MATCHED", 0));
    if inner >= 120 {
        cols.push(("REGION", 20));
    }
    if inner >= 150 {
        cols.push(("YEARS", 9));
    }
    cols
}

fn constraints(cols: &[(&str, u16)]) -> Vec<Constraint> {
    cols.iter()
        .map(|(name, w)| match (*name, *w) {
            // Why a project matched says more than the rest of its name.
            ("MATCHED", _) => Constraint::Fill(3),
            ("NAME", 0) if cols.iter().any(|(n, _)| *n == "MATCHED") => Constraint::Fill(2),
            (_, 0) => Constraint::Fill(1),
            (_, w) => Constraint::Length(w),
        })
        .collect()
}

fn project_rows(
    app: &State,
    theme: Theme,
    width: u16,
    height: usize,
) -> (Row<'static>, Vec<Row<'static>>, Vec<Constraint>) {
    let query = app.search.query.trim();
    let cols = columns(width, app.list.sort, !query.is_empty());
    // Parsed once for the rows on screen.
    let parsed = Query::parse(query);
    let header = Row::new(cols.iter().map(|(n, _)| Cell::from(t(n))));
    let visible = app
        .list
        .rows
        .iter()
        .skip(app.list.selection.offset)
        .take(height);
    let rows = visible
        .map(|index| {
            let p = &app.catalogue.projects[*index];
            // Reasons and highlights only for the rows on screen.
            let reasons = match query.is_empty() {
                true => Vec::new(),
                false => reasons(app, *index, &parsed),
            };
            let name_at = reasons.iter().find(|r| r.field == Field::Name);
            let positions = name_at.map_or(&[][..], |r| &r.positions[..]);
            let mark = format!(
                "{}{}",
                mark(app.annotations.get(&p.key)),
                change_mark(app.changes.get(&p.key))
            );
            Row::new(cols.iter().map(|(name, _)| match *name {
                "" => Cell::from(mark.clone()),
                "MATCHED" => Cell::from(matched(&reasons, theme)),
                "NAME" if app.overlapping.marked(&p.key) => overlap_marked(p, positions, theme),
                _ => cell(p, name, positions, theme),
            }))
        })
        .collect();
    (header, rows, constraints(&cols))
}

/// The name after `⇄`: the project overlaps another of its organisation.
fn overlap_marked(p: &ProjectSummary, positions: &[usize], theme: Theme) -> Cell<'static> {
    let mut name = highlighted(p.name.as_deref().unwrap_or(MISSING), positions, theme);
    name.spans.insert(0, Span::styled("⇄ ", theme.key()));
    Cell::from(name)
}

fn cell(p: &ProjectSummary, column: &str, positions: &[usize], theme: Theme) -> Cell<'static> {
    let text = |v: &Option<String>| sanitize::line(v.as_deref().unwrap_or(MISSING)).into_owned();
    match column {
        "NAME" => Cell::from(highlighted(
            p.name.as_deref().unwrap_or(MISSING),
            positions,
            theme,
        )),
        "ID" => Cell::from(sanitize::line(p.shown_id()).into_owned()),
        "OWNER" => Cell::from(text(&p.owner)),
        "REGION" => Cell::from(text(&p.region)),
        "BUDGET" => Cell::from(money(p.total_budget_sek)),
        "GRANT" => Cell::from(money(p.esf_grant_sek)),
        "PERIOD" => Cell::from(period(p, false)),
        _ => Cell::from(period(p, true)),
    }
}

/// Why a row matched: its fields, and the words around a match in its
/// texts when a term is in none of them.
fn reasons(app: &State, index: usize, query: &Query) -> Vec<Reason> {
    let mut reasons = app.catalogue.explain_parsed(index, query);
    if !app.catalogue.fields.unexplained(index, query).is_empty() {
        let key = &app.catalogue.projects[index].key;
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
