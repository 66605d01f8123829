//! The status bar (counts, filter, sort, the keys that matter here) and
//! the filter line.

use crate::sanitize;
use crate::tui::app::{App, ListKind, Mode, Pane};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let mut spans = vec![Span::styled(format!(" {} ", counts(app)), theme.header())];
    if let Some(message) = &app.message {
        spans.push(Span::styled(
            format!("· {} ", sanitize::line(message)),
            theme.message(),
        ));
    } else if app.kind == ListKind::Projects {
        let filter = if app.query.is_empty() {
            "—".to_string()
        } else {
            sanitize::line(&app.query).into_owned()
        };
        let sort = if app.ranked {
            "best match"
        } else {
            app.sort.as_str()
        };
        spans.push(Span::raw(format!("· filter: {filter} · sort: {sort} ")));
    }
    spans.push(Span::raw("│ "));
    for (key, what) in hints(app) {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn counts(app: &App) -> String {
    match app.kind {
        ListKind::Projects => format!(
            "{}/{} projects",
            app.rows.len(),
            app.catalogue.projects.len()
        ),
        ListKind::Unclassified => format!("{} unclassified", app.unclassified.len()),
    }
}

/// The keys that matter in the current mode and pane, from the key map.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let key = |a: Action| app.keys.keys_of(a).into_iter().next().unwrap_or_default();
    let actions: &[(Action, &str)] = match (app.mode, app.focus) {
        (Mode::Filtering, _) => {
            return vec![
                ("Enter".into(), "keep"),
                ("Esc".into(), "clear"),
                ("↑↓".into(), "move"),
            ]
        }
        (Mode::Help, _) => &[(Action::Back, "close"), (Action::Quit, "quit")],
        (_, Pane::Detail) => &[
            (Action::MoveDown, "scroll"),
            (Action::Back, "back"),
            (Action::CopyId, "copy id"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (_, Pane::List) => &[
            (Action::Filter, "filter"),
            (Action::Sort, "sort"),
            (Action::Open, "open"),
            (Action::ToggleUnclassified, "unclassified"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    };
    actions.iter().map(|(a, what)| (key(*a), *what)).collect()
}

pub fn draw_filter(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    if area.height == 0 {
        return;
    }
    let cursor = if app.mode == Mode::Filtering {
        "█"
    } else {
        ""
    };
    let line = Line::from(vec![
        Span::styled(" / ", theme.key()),
        Span::raw(sanitize::line(&app.query).into_owned()),
        Span::raw(cursor),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
