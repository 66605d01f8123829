//! The facet picker: a box over the list with the facets, or one facet's
//! values and their counts, or the "active during" prompt.

use super::typed;
use crate::catalogue::facets::{value_label, Facet};
use crate::i18n::t;
use crate::present::sanitize;
use crate::tui::facet_picker::{FacetPicker, Stage, ACTIVE_ROW};
use crate::tui::layout::centred;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, screen: Rect) {
    let Some(picker) = app.overlay.picker() else {
        return;
    };
    // As tall as what it shows, up to 15 rows; centred.
    let width = screen.width.saturating_sub(4).min(64);
    let (title, lines) = content(app, picker, theme, width.saturating_sub(4) as usize);
    let wanted = (lines.len() as u16 + 2).clamp(6, 17);
    let height = screen.height.saturating_sub(2).min(wanted);
    let area = centred(screen, width, height);
    let rows = height.saturating_sub(2) as usize;
    // The query line (and a word that nothing matches) stays; the rows
    // below it scroll with the selection.
    let values = matches!(picker.stage, Stage::Values { .. });
    let fixed = usize::from(values) + usize::from(picker.matches_nothing());
    let room = rows.saturating_sub(fixed).max(1);
    let selected = picker.selection.index;
    // The prompt has no rows to select: the selection is the facet row
    // it was opened from, which must not scroll the prompt away.
    let active_stage = matches!(picker.stage, Stage::Active { .. });
    let skip = match active_stage {
        true => 0,
        false => (selected + 1).saturating_sub(room),
    };
    let mut lines = lines.into_iter();
    let mut shown: Vec<Line> = lines.by_ref().take(fixed).collect();
    shown.extend(lines.enumerate().skip(skip).take(room).map(|(i, line)| {
        match i == selected && !active_stage {
            true => line.style(theme.selected()),
            false => line,
        }
    }));
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(format!(" {} ", t("Esc back"))).right_aligned())
        .border_style(theme.border(true));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// The picker's title and lines for its stage.
fn content(
    app: &State,
    picker: &FacetPicker,
    theme: Theme,
    room: usize,
) -> (String, Vec<Line<'static>>) {
    match &picker.stage {
        Stage::Facets => (
            format!(" {} ", t("Facets · Enter chooses")),
            facet_lines(app),
        ),
        Stage::Values {
            facet,
            values,
            shown,
            query,
        } => {
            let mut prompt = vec![Span::styled("› ", theme.key())];
            prompt.extend(typed::line(query, theme, room));
            let mut lines = vec![Line::from(prompt)];
            if picker.offers_any() {
                lines.push(Line::from(t("(any)")));
            } else if shown.is_empty() {
                lines.push(Line::styled(t("no value matches"), theme.missing()));
            }
            lines.extend(shown.iter().map(|&i| {
                let (value, n) = &values[i];
                Line::from(format!("{n:>7}  {}", sanitize::line(value_label(value))))
            }));
            (
                format!(" {} · {} ", t(facet.label()), t("type to narrow")),
                lines,
            )
        }
        Stage::Active { text } => (
            format!(" {} ", t("Active during")),
            vec![
                Line::from(t("A year, month, date or range: 2016, 2016-03, 2015..2017")),
                Line::from(t("(empty: any time)")),
                Line::default(),
                Line::from(
                    [
                        vec![Span::styled("› ", theme.key())],
                        typed::line(text, theme, room),
                    ]
                    .concat(),
                ),
            ],
        ),
    }
}

/// Each facet with the value it is set to.
fn facet_lines(app: &State) -> Vec<Line<'static>> {
    let row = |label: &str, value: Option<&str>| {
        let value = value.map_or(t("any").to_string(), |v| {
            sanitize::line(value_label(v)).into_owned()
        });
        let pad = 20usize.saturating_sub(label.width());
        Line::from(format!("{label}{}{value}", " ".repeat(pad)))
    };
    let mut lines: Vec<Line> = Facet::ALL
        .iter()
        .map(|f| {
            row(
                t(f.label()),
                app.search.facets.chosen.get(f).map(String::as_str),
            )
        })
        .collect();
    let active = app.search.facets.active.as_ref().map(|a| a.text.as_str());
    lines.push(row(t("Active during"), active));
    debug_assert_eq!(lines.len(), ACTIVE_ROW + 1);
    lines
}
