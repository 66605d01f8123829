//! What the list pane says besides its rows: why the free search for a
//! place finds more than the place's field (on the pane's bottom border),
//! and, where nothing matches, that nothing does and how to clear it.

use crate::i18n::{t, tf};
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::place::PlaceCount;
use crate::tui::state::{ListKind, State};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// "7 have Göteborg as municipality (kommun:göteborg) · 80 more name it
/// in a name or an organisation · 8 only in their text", or a shorter
/// form of it that fits in `width`.
pub fn place_line(app: &State, width: u16) -> Option<Line<'static>> {
    let place = app.list.place.as_ref().filter(|p| p.finds_more())?;
    let room = (width as usize).saturating_sub(4);
    let said = [long(place), medium(place), short(place)]
        .into_iter()
        .find(|s| s.width() + 2 <= room)?;
    Some(Line::from(format!(" {} ", sanitize::line(&said))))
}

fn long(p: &PlaceCount) -> String {
    let mut parts = vec![tf(
        "{} have {} as municipality ({})",
        &[&p.as_municipality, &p.name, &p.field_query],
    )];
    if p.in_names > 0 {
        parts.push(tf(
            "{} more name it in a name or an organisation",
            &[&p.in_names],
        ));
    }
    if p.only_in_text > 0 {
        parts.push(tf("{} more only in their text", &[&p.only_in_text]));
    }
    parts.join(" · ")
}

fn medium(p: &PlaceCount) -> String {
    let mut parts = vec![tf("{} in {}", &[&p.as_municipality, &p.field_query])];
    if p.in_names > 0 {
        parts.push(tf("{} more name {} elsewhere", &[&p.in_names, &p.name]));
    }
    if p.only_in_text > 0 {
        parts.push(tf("{} only in their text", &[&p.only_in_text]));
    }
    parts.join(" · ")
}

fn short(p: &PlaceCount) -> String {
    let mut parts = vec![format!("{} {}", p.field_query, p.as_municipality)];
    if p.in_names > 0 {
        parts.push(tf("+{} in names", &[&p.in_names]));
    }
    if p.only_in_text > 0 {
        parts.push(tf("+{} in texts", &[&p.only_in_text]));
    }
    parts.join(" · ")
}

/// Where no project is listed: that none matches, and the keys that clear
/// the search and the facets (as the key maps in force have them).
pub fn draw_no_hits(frame: &mut Frame, app: &State, theme: Theme, area: Rect) {
    let filtered = !app.search.query.trim().is_empty();
    let faceted = !app.search.facets.is_empty();
    let empty = app.list.kind == ListKind::Projects && app.list.rows.is_empty();
    if !empty || app.is_loading() || area.width < 4 || !(filtered || faceted) {
        return;
    }
    let query = sanitize::line(app.search.query.trim()).into_owned();
    let said = match (filtered, faceted) {
        (true, false) => tf("No project matches “{}”.", &[&query]),
        (true, true) => tf("No project matches “{}” with the facets chosen.", &[&query]),
        _ => t("No project has the facets chosen.").to_string(),
    };
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    let mut lines: Vec<Line> = wrap(&said, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme.header()))
        .collect();
    if app.search.texts.asked.is_some() {
        lines.push(Line::from(t("The texts are still being searched…")));
    }
    lines.push(Line::default());
    for (key, what) in clearing_keys(app, filtered, faceted) {
        let room = (area.width as usize).saturating_sub(key.width() + 1);
        lines.push(Line::from(vec![
            Span::styled(key, theme.key()),
            Span::raw(format!(" {}", cut(&what, room))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The keys that clear what left the list empty, with what each does.
fn clearing_keys(app: &State, filtered: bool, faceted: bool) -> Vec<(String, String)> {
    let keys = &app.keys;
    let mut said = Vec::new();
    if filtered {
        let (context, action) = match app.context() {
            Context::Filter => (Context::Filter, Action::Cancel),
            _ => (Context::Normal, Action::Back),
        };
        said.push((
            keys.first_key(context, action),
            t("clears the search").to_string(),
        ));
        if context == Context::Filter {
            let delete = keys.first_key(Context::Filter, Action::DeleteBack);
            said.push((delete, t("deletes the last letter").to_string()));
        }
    }
    if faceted {
        let clear = keys.first_key(Context::Normal, Action::ClearFacets);
        said.push((clear, t("clears the facets").to_string()));
        let pick = keys.first_key(Context::Normal, Action::Facets);
        said.push((pick, t("changes them").to_string()));
    }
    said.retain(|(key, _)| !key.is_empty());
    said
}
