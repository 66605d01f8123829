//! Help: generated from the key maps in force, one section per context,
//! so it is never out of date.

use crate::i18n::t;
use crate::tui::keymap::{Context, HelpRow};
use crate::tui::layout::centred;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Row, Table};
use ratatui::Frame;
use strum::IntoEnumIterator;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, screen: Rect) {
    let rows = rows(app, theme);
    let area = centred(screen, 100, rows.len() as u16 + 4);
    let room = area.height.saturating_sub(3) as usize;
    let scroll = app
        .overlay
        .help_scroll()
        .min(rows.len().saturating_sub(room));
    let more = rows.len() > scroll + room;
    let shown = rows.into_iter().skip(scroll).take(room);
    let footer = match more {
        true => t("more below: PageDown, G · rebind by action name in config.toml · Esc closes"),
        false => t("rebind by action name in config.toml · Esc closes"),
    };
    let block = Block::bordered()
        .title(format!(" {} ", t("Keys")))
        .title_bottom(Line::from(format!(" {footer} ")).right_aligned())
        .border_style(theme.border(true));
    let table = Table::new(
        shown,
        [
            Constraint::Length(16),
            Constraint::Length(19),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new([t("KEYS"), t("ACTION"), t("WHAT IT DOES")]).style(theme.header()))
    .block(block);
    frame.render_widget(Clear, area);
    frame.render_widget(table, area);
}

/// Every context's bindings under a title row naming the context (its
/// name in the config file).
fn rows(app: &State, theme: Theme) -> Vec<Row<'static>> {
    let mut rows = Vec::new();
    if !app.config_problems.is_empty() {
        let title = t("config.toml: not applied").to_string();
        rows.push(Row::new([Cell::from(title).style(theme.message())]));
    }
    for problem in &app.config_problems {
        let said = crate::present::sanitize::line(problem).into_owned();
        rows.push(Row::new([Cell::from(""), Cell::from(""), Cell::from(said)]));
    }
    for context in Context::iter() {
        let title = format!("[{}]", context.name());
        rows.push(
            Row::new([
                Cell::from(title),
                Cell::from(""),
                Cell::from(t(context.describe())),
            ])
            .style(theme.header()),
        );
        for HelpRow { keys, name, what } in app.keys.help_rows(context) {
            rows.push(Row::new([
                Cell::from(keys).style(theme.key()),
                Cell::from(name),
                Cell::from(t(what)),
            ]));
        }
    }
    rows.extend(search_rows(theme));
    rows
}

/// What the search box understands, after the keys.
fn search_rows(theme: Theme) -> Vec<Row<'static>> {
    let title = Row::new([
        Cell::from("[search]"),
        Cell::from(""),
        Cell::from(t("the search box (/): every term must be found")),
    ])
    .style(theme.header());
    let examples = crate::search::query::SYNTAX.iter().map(|(example, what)| {
        Row::new([
            Cell::from(*example).style(theme.key()),
            Cell::from(""),
            Cell::from(t(what)),
        ])
    });
    std::iter::once(title).chain(examples).collect()
}
