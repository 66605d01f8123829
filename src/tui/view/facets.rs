//! The facet picker: a box over the list with the facets, or one facet's
//! values and their counts, or the "active during" prompt.

use crate::facets::Facet;
use crate::sanitize;
use crate::tui::app::App;
use crate::tui::facet_picker::{Stage, ACTIVE_ROW};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, screen: Rect) {
    let Some(picker) = &app.picker else {
        return;
    };
    let (title, lines) = match &picker.stage {
        Stage::Facets => (" Facets · Enter chooses ".to_string(), facet_lines(app)),
        Stage::Values {
            facet,
            values,
            shown,
            query,
        } => {
            let mut lines = vec![Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::raw(format!("{}█", sanitize::line(query))),
            ])];
            lines.push(Line::from("(any)"));
            lines.extend(shown.iter().map(|&i| {
                let (value, n) = &values[i];
                Line::from(format!("{n:>7}  {}", sanitize::line(value)))
            }));
            (format!(" {} · type to narrow ", facet.label()), lines)
        }
        Stage::Active { text } => (
            " Active during ".to_string(),
            vec![
                Line::from("A year, month, date or range: 2016, 2016-03, 2015..2017"),
                Line::from("(empty: any time)"),
                Line::default(),
                Line::from(format!("› {}█", sanitize::line(text))),
            ],
        ),
    };
    // As tall as what it shows, up to 15 rows; centred.
    let width = screen.width.saturating_sub(4).min(64);
    let wanted = (lines.len() as u16 + 2).clamp(6, 17);
    let height = screen.height.saturating_sub(2).min(wanted);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let rows = height.saturating_sub(2) as usize;
    // The query line stays; the rows below it scroll with the selection.
    let fixed = usize::from(matches!(picker.stage, Stage::Values { .. }));
    let room = rows.saturating_sub(fixed).max(1);
    let selected = picker.selection.index;
    let skip = (selected + 1).saturating_sub(room);
    let mut lines = lines.into_iter();
    let mut shown: Vec<Line> = lines.by_ref().take(fixed).collect();
    let active_stage = matches!(picker.stage, Stage::Active { .. });
    shown.extend(lines.enumerate().skip(skip).take(room).map(|(i, line)| {
        match i == selected && !active_stage {
            true => line.style(theme.selected()),
            false => line,
        }
    }));
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(" Esc back ").right_aligned())
        .border_style(theme.border(true));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// Each facet with the value it is set to.
fn facet_lines(app: &App) -> Vec<Line<'static>> {
    let row = |label: &str, value: Option<&str>| {
        let value = value.map_or("any".to_string(), |v| sanitize::line(v).into_owned());
        Line::from(format!("{label:<20}{value}"))
    };
    let mut lines: Vec<Line> = Facet::ALL
        .iter()
        .map(|f| row(f.label(), app.facets.chosen.get(f).map(String::as_str)))
        .collect();
    let active = app.facets.active.as_ref().map(|a| a.text.as_str());
    lines.push(row("Active during", active));
    debug_assert_eq!(lines.len(), ACTIVE_ROW + 1);
    lines
}
