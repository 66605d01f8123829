//! Help: a box over the screen with what is typed to filter it on top and
//! the lines of [`crate::tui::help`] below, scrolled.

use crate::i18n::{t, tf};
use crate::present::sanitize;
use crate::tui::help::{HelpLine, Kind, KEYS_WIDTH, NAME_WIDTH};
use crate::tui::layout::centred;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, screen: Rect) {
    let Some(view) = app.overlay.help() else {
        return;
    };
    let lines = app.help_lines();
    // The filter and the header above the lines, the border around.
    let area = centred(screen, 100, lines.len() as u16 + 4);
    let room = area.height.saturating_sub(4) as usize;
    let scroll = view.scroll.min(lines.len().saturating_sub(room));
    let more = lines.len() > scroll + room;
    let mut shown = vec![filter_line(&view.filter, theme), header(theme)];
    shown.extend(
        lines
            .iter()
            .skip(scroll)
            .take(room)
            .map(|l| help_line(l, theme)),
    );
    let footer = match more {
        true => tf(
            "{} more below: PageDown · Esc closes",
            &[&(lines.len() - scroll - room)],
        ),
        false => t("rebind by action name in config.toml · Esc closes").to_string(),
    };
    let block = Block::bordered()
        .title(format!(" {} ", t("Keys")))
        .title_bottom(Line::from(format!(" {footer} ")).right_aligned())
        .border_style(theme.border(true));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// What is typed, or how to filter.
fn filter_line(filter: &str, theme: Theme) -> Line<'static> {
    match filter.is_empty() {
        true => Line::from(vec![
            Span::styled("/ ", theme.key()),
            Span::styled(t("type to filter").to_string(), theme.missing()),
        ]),
        false => Line::from(vec![
            Span::styled("/ ", theme.key()),
            Span::raw(sanitize::line(filter).into_owned()),
            Span::raw("█"),
        ]),
    }
}

fn header(theme: Theme) -> Line<'static> {
    let cells = [t("KEYS"), t("ACTION"), t("WHAT IT DOES")].map(String::from);
    Line::from(padded(&cells)).style(theme.header())
}

/// The three cells, each padded to its column.
fn padded(cells: &[String; 3]) -> String {
    let pad = |text: &str, width: usize| {
        let fill = width.saturating_sub(text.width());
        format!("{text}{} ", " ".repeat(fill))
    };
    format!(
        "{}{}{}",
        pad(&cells[0], KEYS_WIDTH),
        pad(&cells[1], NAME_WIDTH),
        cells[2]
    )
}

fn help_line(line: &HelpLine, theme: Theme) -> Line<'static> {
    match line.kind {
        Kind::ProblemsTitle => Line::styled(line.cells[0].clone(), theme.message()),
        Kind::Problem | Kind::Nothing => Line::from(line.cells[0].clone()),
        Kind::Title => Line::from(padded(&line.cells)).style(theme.header()),
        Kind::Binding => {
            let keys = &line.cells[0];
            let fill = KEYS_WIDTH.saturating_sub(keys.width()) + 1;
            let rest = [String::new(), line.cells[1].clone(), line.cells[2].clone()];
            let rest = padded(&rest);
            Line::from(vec![
                Span::styled(keys.clone(), theme.key()),
                Span::raw(" ".repeat(fill)),
                Span::raw(rest[KEYS_WIDTH + 1..].to_string()),
            ])
        }
    }
}
