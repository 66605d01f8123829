//! Help: generated from the key map in force, so it is never out of date.

use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::layout::centred;
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Row, Table};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, screen: Rect) {
    let rows = app.keys.help_rows();
    let area = centred(screen, 96, rows.len() as u16 + 4);
    let shown = rows
        .into_iter()
        .skip(app.help_scroll)
        .map(|(keys, name, what)| {
            Row::new([
                Cell::from(keys).style(theme.key()),
                Cell::from(name),
                Cell::from(t(what)),
            ])
        });
    let block = Block::bordered()
        .title(format!(" {} ", t("Keys")))
        .title_bottom(
            Line::from(format!(
                " {} ",
                t("rebind by action name in config.toml · Esc closes")
            ))
            .right_aligned(),
        )
        .border_style(theme.border(true));
    let table = Table::new(
        shown,
        [
            Constraint::Length(16),
            Constraint::Length(20),
            Constraint::Fill(1),
        ],
    )
    .header(
        ratatui::widgets::Row::new([t("KEYS"), t("ACTION"), t("WHAT IT DOES")])
            .style(theme.header()),
    )
    .block(block);
    frame.render_widget(Clear, area);
    frame.render_widget(table, area);
}
