//! The graph screen: the path walked, the focus's neighbours grouped by
//! role with how many projects each has, and the drawn ego network.

use super::graph_canvas;
use crate::graph::Ego;
use crate::i18n::t;
use crate::present::sanitize;
use crate::tui::graph_state::GraphView;
use crate::tui::layout::Areas;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &State, graph: &GraphView, theme: Theme, areas: &Areas) {
    let crumbs: Vec<String> = graph
        .breadcrumb()
        .iter()
        .map(|c| sanitize::line(c).into_owned())
        .collect();
    let how = t(if graph.rollup {
        "branches rolled up"
    } else {
        "branches apart"
    });
    let line = Line::from(vec![
        Span::styled(format!(" {}: ", t("Graph")), theme.header()),
        Span::raw(crumbs.join(" › ")),
        Span::styled(format!("  ({how})"), theme.missing()),
    ]);
    frame.render_widget(Paragraph::new(line), areas.breadcrumb);
    draw_list(
        frame,
        &graph.ego,
        graph.selection.index,
        graph.selection.offset,
        theme,
        areas,
    );
    if areas.canvas.width > 0 {
        let title = format!(
            " {} ",
            sanitize::line(&crate::present::table::cut(&graph.ego.center.label, 40))
        );
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border(false));
        graph_canvas::render(
            &graph.ego,
            block,
            app.markers,
            theme,
            areas.canvas,
            frame.buffer_mut(),
        );
    }
}

fn draw_list(
    frame: &mut Frame,
    ego: &Ego,
    selected: usize,
    offset: usize,
    theme: Theme,
    areas: &Areas,
) {
    let height = areas.list_rows.height as usize;
    // Borders, "▶ ", the role column and its gap; a cut name ends in "…".
    let room = (areas.list.width as usize).saturating_sub(2 + 2 + 9 + 1);
    let rows: Vec<Row> = ego
        .groups
        .iter()
        .skip(offset)
        .take(height)
        .map(|g| {
            let suffix = if g.node.is_project() {
                format!(" ({})", g.node.id)
            } else {
                format!(" · {}", g.size)
            };
            let name = format!("{}{suffix}", g.node.label);
            Row::new([
                t(g.node.role.as_str()).to_string(),
                crate::present::table::cut(&sanitize::line(&name), room),
            ])
        })
        .collect();
    let title = format!(
        " {} ",
        t(if ego.center.is_project() {
            "Organisations"
        } else {
            "Projects"
        })
    );
    let more = if ego.more > 0 {
        format!(" +{} {} ", ego.more, t("more"))
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(more).right_aligned())
        .border_style(theme.border(true));
    let table = Table::new(rows, [Constraint::Length(9), Constraint::Fill(1)])
        .block(block)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(selected.checked_sub(offset));
    frame.render_stateful_widget(table, areas.list, &mut state);
}
