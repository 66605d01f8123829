//! The status bar (counts, filter, sort, the keys that matter here) and
//! the filter line.

use crate::i18n::t;
use crate::present::format::MISSING;
use crate::present::sanitize;
use crate::tui::keymap::Action;
use crate::tui::keymap::Context;
use crate::tui::state::State;
use crate::tui::state::{ListKind, Pane, Screen};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, area: Rect) {
    let width = area.width as usize;
    let (help, others): (Vec<_>, Vec<_>) = hints(app)
        .into_iter()
        .partition(|(_, what)| *what == "help");
    // Help is always there: what is said gives way to it, then the hints.
    let help: Vec<Span> = help.into_iter().flat_map(|h| hint(h, theme)).collect();
    let help_width: usize = help.iter().map(|s| s.content.width()).sum();
    // The separator takes the two spaces help's hint ends in.
    let room = width.saturating_sub(help_width);
    let mut spans = vec![Span::styled(format!(" {} ", counts(app)), theme.header())];
    said(&mut spans, app, theme);
    let mut left = super::fit::fit(Line::from(spans), room).spans;
    left.push(Span::raw("│ "));
    // Whole hints only, as many as fit: a hint cut in half says nothing.
    let mut used: usize = left.iter().map(|s| s.content.width()).sum::<usize>() + help_width;
    for h in others {
        let spans = hint(h, theme);
        used += spans.iter().map(|s| s.content.width()).sum::<usize>();
        if used > width + 2 {
            break;
        }
        left.extend(spans);
    }
    left.extend(help);
    frame.render_widget(Paragraph::new(Line::from(left)), area);
}

/// A key and what it does, as the status bar shows it.
fn hint((key, what): (String, &'static str), theme: Theme) -> [Span<'static>; 2] {
    [
        Span::styled(key, theme.key()),
        Span::raw(format!(" {}  ", t(what))),
    ]
}

/// What the status bar says: a message, else the filter in force.
fn said(spans: &mut Vec<Span<'static>>, app: &State, theme: Theme) {
    if let Some(message) = app.status.text() {
        spans.push(Span::styled(
            format!("· {} ", sanitize::line(&message)),
            theme.message(),
        ));
    } else if let Screen::Organisations(orgs) = &app.screen {
        let query = orgs.query.as_str();
        let filter = if query.is_empty() {
            MISSING.to_string()
        } else {
            sanitize::line(query).into_owned()
        };
        spans.push(Span::raw(format!("· {}: {filter} ", t("filter"))));
    } else if matches!(app.screen, Screen::Browse | Screen::Stats(_))
        && app.list.kind == ListKind::Projects
        // Choosing a format needs the room for its keys more.
        && !matches!(
            app.context(),
            Context::Export | Context::Dossier | Context::ExportFile
        )
    {
        list_filter(spans, app, theme);
    }
}

/// The list's filter, sort and facets.
fn list_filter(spans: &mut Vec<Span<'static>>, app: &State, theme: Theme) {
    // The filter is on its own line above, whenever there is one.
    let sort = super::list::sort_label(&app.list);
    spans.push(Span::raw(format!("· {}: {sort} ", t("sort"))));
    if app.search.texts.asked.is_some() {
        spans.push(Span::styled(
            format!("· {} ", t("searching texts…")),
            theme.message(),
        ));
    }
    if !app.search.facets.is_empty() {
        let mut facets = sanitize::line(&app.search.facets.describe()).into_owned();
        if app.list.undated_left_out > 0 {
            let n = app.list.undated_left_out;
            facets.push_str(&format!(" ({n} {})", t("without a start date left out")));
        }
        spans.push(Span::styled(format!("· {facets} "), theme.message()));
    }
}

fn counts(app: &State) -> String {
    if let Some(waiting) = super::answers::waiting(app) {
        return waiting.to_string();
    }
    if let Some(counts) = super::answers::counts(app) {
        return counts;
    }
    match &app.screen {
        Screen::Organisations(o) => {
            return format!("{}/{} {}", o.rows.len(), o.all.len(), t("organisations"))
        }
        Screen::Graph(g) => {
            return crate::i18n::t_count(g.ego.groups.len() + g.ego.more, "neighbours")
        }
        Screen::GraphProject { key, .. } => return sanitize::line(key).into_owned(),
        _ => {}
    }
    match app.list.kind {
        ListKind::Projects if app.is_loading() => t("loading…").to_string(),
        ListKind::Projects => format!(
            "{}/{} {}",
            app.list.rows.len(),
            app.catalogue.projects.len(),
            t("projects")
        ),
        ListKind::Unclassified => format!("{} {}", app.unclassified.len(), t("other documents")),
    }
}

/// The keys that matter in the current context, screen and pane, from the
/// key maps in force.
fn hints(app: &State) -> Vec<(String, &'static str)> {
    let context = app.context();
    let notes = if app.export_notes {
        "notes: on"
    } else {
        "notes: off"
    };
    let wanted: Vec<(Action, &'static str)> = match app.context() {
        Context::Filter => vec![
            (Action::Confirm, "keep"),
            (Action::Cancel, "clear"),
            (Action::MoveDown, "move"),
            (Action::HistoryOlder, "earlier searches"),
            (Action::Help, "help"),
        ],
        Context::Note => vec![
            (Action::Confirm, "save"),
            (Action::NewLine, "new line"),
            (Action::Cancel, "cancel"),
            (Action::Help, "help"),
        ],
        Context::Picker => vec![
            (Action::Confirm, "choose"),
            (Action::Cancel, "back"),
            (Action::Help, "help"),
        ],
        Context::Export => vec![
            (Action::ExportCsv, "CSV"),
            (Action::ExportExcel, "Excel"),
            (Action::ExportJson, "JSON"),
            (Action::ExportMarkdown, "Markdown"),
            (Action::ToggleExportNotes, notes),
            (Action::Cancel, "cancel"),
            (Action::Help, "help"),
        ],
        Context::Dossier => vec![
            (Action::DossierFile, "file"),
            (Action::DossierCopy, "clipboard"),
            (Action::ToggleContacts, contacts(app)),
            (Action::Cancel, "cancel"),
        ],
        Context::ExportFile => vec![(Action::Confirm, "write"), (Action::Cancel, "cancel")],
        _ => hint_actions(app).to_vec(),
    };
    wanted
        .into_iter()
        .map(|(a, what)| match app.keys.first_key(context, a) {
            // Up and down go together; one arrow pair says both.
            key if key == "Down" => ("↑↓".to_string(), what),
            key => (key, what),
        })
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

/// An action and what its hint calls it.
type Hint = (Action, &'static str);

/// The actions worth a hint on the current screen, pane and mode.
fn hint_actions(app: &State) -> &'static [Hint] {
    match (app.context(), &app.screen) {
        (Context::Reading, _) => &[
            (Action::NextHit, "next hit"),
            (Action::PreviousHit, "previous hit"),
            (Action::Back, "back"),
            (Action::MoveDown, "scroll"),
            (Action::Help, "help"),
        ],
        (Context::Help, _) => &[
            (Action::PageDown, "scroll"),
            (Action::Cancel, "close"),
            (Action::Quit, "quit"),
        ],
        (_, Screen::GraphProject { .. }) => &[
            (Action::MoveDown, "scroll"),
            (Action::Back, "back to the graph"),
            (Action::OpenGraph, "its graph"),
            (Action::CopyId, "copy ID"),
            (Action::Help, "help"),
        ],
        (_, Screen::Graph(_)) => &[
            (Action::Open, "go to"),
            (Action::Back, "back"),
            (Action::ToggleBranches, "branches"),
            (Action::Organisations, "organisations"),
            (Action::Help, "help"),
        ],
        (_, Screen::Stats(_)) => &[
            (Action::MoveDown, "scroll"),
            (Action::Filter, "filter"),
            (Action::Facets, "facets"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
        (_, Screen::Organisations(_)) => &[
            (Action::Filter, "filter"),
            (Action::Open, "graph"),
            (Action::Back, "back"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (_, Screen::Browse) => browse_hints(app.list.kind, app.list.focus),
        (_, screen) => answer_hints(screen),
    }
}

/// The overlaps', coverage's and timeline's hints.
fn answer_hints(screen: &Screen) -> &'static [Hint] {
    match screen {
        Screen::Overlaps(_) => &[
            (Action::Open, "open"),
            (Action::Overlaps, "one / every organisation"),
            (Action::Timeline, "timeline"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
        Screen::Coverage(_) => &[
            (Action::Open, "list"),
            (Action::MoveRight, "column"),
            (Action::CoverageColumns, "columns"),
            (Action::NextRegion, "region"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
        Screen::Timeline(_) => &[
            (Action::Open, "open"),
            (Action::Back, "back"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        _ => &[(Action::Back, "back"), (Action::Help, "help")],
    }
}

/// The dossier prompt's word on contact persons.
fn contacts(app: &State) -> &'static str {
    match app.overlay {
        crate::tui::state::overlay::Overlay::Dossier { contacts: true } => "contact persons: on",
        _ => "contact persons: off",
    }
}

/// The actions worth a hint on the browse screen, by list and pane.
fn browse_hints(kind: ListKind, focus: Pane) -> &'static [Hint] {
    match (kind, focus) {
        // A document that is no project has no notes, marks or graph.
        (ListKind::Unclassified, Pane::Detail) => &[
            (Action::MoveDown, "scroll"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
        (ListKind::Unclassified, Pane::List) => &[
            (Action::Open, "open"),
            (Action::ToggleUnclassified, "projects"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (ListKind::Projects, Pane::Detail) => &[
            (Action::MoveDown, "scroll"),
            (Action::Back, "back"),
            (Action::EditNote, "note"),
            (Action::ToggleBookmark, "bookmark"),
            (Action::CycleReview, "review"),
            (Action::OpenGraph, "graph"),
            (Action::Help, "help"),
        ],
        (ListKind::Projects, Pane::List) => &[
            (Action::Filter, "filter"),
            (Action::Facets, "facets"),
            (Action::Sort, "sort"),
            (Action::Open, "open"),
            (Action::OpenGraph, "graph"),
            (Action::Stats, "stats"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
    }
}

pub fn draw_filter(frame: &mut Frame, app: &State, theme: Theme, area: Rect) {
    if area.height == 0 {
        return;
    }
    let room = (area.width as usize).saturating_sub(4);
    let text = app.search_box();
    let mut spans = vec![Span::styled(" / ", theme.key())];
    match app.context() == Context::Filter {
        true => spans.extend(super::typed::line(text, theme, room)),
        false => spans.push(Span::raw(super::typed::tail(&sanitize::line(text), room))),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
