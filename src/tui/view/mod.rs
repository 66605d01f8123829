//! Drawing: a thin dispatcher calling one function per pane. Drawing only
//! reads the state; every string from a document is sanitised here.

pub mod answers;
mod columns;
mod coverage;
mod detail;
mod export;
mod facets;
mod fit;
mod graph;
pub mod graph_canvas;
mod help;
mod list;
mod list_notes;
mod note;
mod orgs;
mod overlaps;
mod stats;
mod stats_regions;
mod status;
mod timeline;
mod typed;

pub use detail::{build_detail, build_unclassified};

use super::keymap::Context;
use super::state::Screen;
use super::state::State;
use super::theme::Theme;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme) {
    let areas = app.areas();
    if areas.note.width > 0 {
        draw_too_small(frame, areas.note);
        return;
    }
    match &app.screen {
        Screen::Browse => {
            list::draw(frame, app, theme, &areas);
            detail::draw(frame, app, theme, areas.detail);
        }
        Screen::Graph(graph) => graph::draw(frame, app, graph, theme, &areas),
        Screen::Organisations(orgs) => orgs::draw(frame, orgs, theme, &areas),
        Screen::Stats(view) => stats::draw(frame, app, view, theme, areas.canvas),
        Screen::Overlaps(view) => overlaps::draw(frame, view, theme, &areas),
        Screen::Coverage(view) => coverage::draw(frame, view, theme, &areas),
        Screen::Timeline(view) => timeline::draw(frame, view, theme, &areas),
        Screen::GraphProject { .. } => detail::draw(frame, app, theme, areas.detail),
    }
    status::draw_filter(frame, app, theme, areas.filter);
    status::draw(frame, app, theme, areas.status);
    match app.context() {
        Context::Help => help::draw(frame, app, theme, frame.area()),
        Context::Note => note::draw(frame, app, theme, frame.area()),
        Context::Picker => facets::draw(frame, app, theme, frame.area()),
        Context::ExportFile => export::draw(frame, app, theme, frame.area()),
        _ => {}
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let (w, h) = super::layout::MIN_SIZE;
    let note = format!(
        "esf needs a window of at least {w}×{h} (this one is {}×{}); q quits",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), area);
}
