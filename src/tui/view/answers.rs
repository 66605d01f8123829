//! What the overlaps, coverage and timeline screens share: their frame,
//! the lines saying what a figure counts and leaves out, and their line
//! in the status bar.

use crate::i18n::t;
use crate::tui::state::{Screen, State};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// The screen's frame with its title.
pub fn block(title: String, theme: Theme, focused: bool) -> Block<'static> {
    Block::bordered()
        .title(title)
        .border_style(theme.border(focused))
}

/// Sentences saying what is counted and left out, wrapped to `width`.
pub fn said_lines(texts: &[String], width: usize, theme: Theme) -> Vec<Line<'static>> {
    texts
        .iter()
        .flat_map(|text| wrap(text, width.max(8)))
        .map(|l| Line::from(Span::styled(l, theme.missing())))
        .collect()
}

/// The status bar's count on these screens.
pub fn counts(app: &State) -> Option<String> {
    Some(match &app.screen {
        Screen::Overlaps(v) => crate::i18n::t_count(v.found.count, "overlapping pairs"),
        Screen::Coverage(v) => crate::i18n::t_count(v.coverage.rows.len(), "municipalities"),
        Screen::Timeline(v) => crate::i18n::t_count(v.len(), "projects"),
        _ => return None,
    })
}

/// What waiting for one of these screens says.
pub fn waiting(app: &State) -> Option<&'static str> {
    app.overlapping.pending.then(|| t("reading…"))
}
