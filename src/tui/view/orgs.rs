//! The organisations screen: every organisation with its number of
//! projects, organisationsnummer, roles and parent; matched characters highlighted.

use super::list::highlighted;
use crate::i18n::t;
use crate::present::sanitize;
use crate::tui::layout::Areas;
use crate::tui::org_list::OrgList;
use crate::tui::theme::Theme;
use ratatui::layout::Constraint;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table, TableState};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, orgs: &OrgList, theme: Theme, areas: &Areas) {
    let height = areas.list_rows.height as usize;
    let rows: Vec<Row> = orgs
        .rows
        .iter()
        .skip(orgs.selection.offset)
        .take(height)
        .map(|index| {
            let o = &orgs.all[*index];
            let positions = orgs.positions(*index);
            Row::new([
                Cell::from(Line::from(o.projects.to_string()).right_aligned()),
                Cell::from(highlighted(&o.name, &positions, theme)),
                Cell::from(o.org_numbers.first().cloned().unwrap_or_default()),
                Cell::from(crate::i18n::word(&o.kind).to_string()),
                Cell::from(crate::i18n::words(&o.roles)),
                Cell::from(sanitize::line(o.parent.as_deref().unwrap_or("")).into_owned()),
            ])
        })
        .collect();
    let title = format!(
        " {} {}/{} ",
        t("Organisations"),
        orgs.rows.len(),
        orgs.all.len()
    );
    let header = Row::new(crate::model::ORG_COLUMNS.map(t)).style(theme.header());
    // The organisationsnummer where there is room for it beside the name.
    let number_width = if areas.list.width >= 100 { 11 } else { 0 };
    // Every role ("owner, partner, municipality") where there is room.
    let roles_width = if areas.list.width >= 120 { 30 } else { 18 };
    let widths = [
        Constraint::Length(8),
        Constraint::Fill(3),
        Constraint::Length(number_width),
        Constraint::Length(12),
        Constraint::Length(roles_width),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(
            Block::bordered()
                .title(title)
                .border_style(theme.border(true)),
        )
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default()
        .with_selected(orgs.selection.index.checked_sub(orgs.selection.offset));
    frame.render_stateful_widget(table, areas.list, &mut state);
}
