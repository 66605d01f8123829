//! The overlaps screen (each pair: the days together and what the two
//! share, then both projects, under their organisation) and the
//! detail's "Overlaps with" section. What was compared and what was left
//! out heads the screen, as `esf overlaps` says it.

use super::answers::{block, said_lines};
use crate::i18n::{t, t_count, tf};
use crate::overlaps::{
    counted, cross_fund_headline, cross_fund_tie, headline, CrossFundPair, OfProject, Pair,
};
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::detail_lines::DetailLines;
use crate::tui::effect::OverlapScope;
use crate::tui::layout::Areas;
use crate::tui::state::answers::overlaps::OverlapsView;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, view: &OverlapsView, theme: Theme, areas: &Areas) {
    let area = areas.list;
    let inner = area.width.saturating_sub(2) as usize;
    let found = &view.found;
    let mut head = vec![counted(found.count, found.compared, found.without_dates)];
    if found.stopped || found.pairs.len() < found.count {
        head.push(tf(
            "Stopped after the first {} pairs (organisations in name order); esf overlaps lists every one.",
            &[&found.pairs.len()],
        ));
    }
    let mut lines = said_lines(&head, inner, theme);
    let room = (area.height as usize).saturating_sub(2 + lines.len());
    if found.pairs.is_empty() {
        lines.push(Line::default());
        let none = t("No two projects of one organisation ran at the same time sharing a programme area, an objective or a municipality.");
        lines.extend(said_lines(&[none.to_string()], inner, theme));
    } else {
        lines.extend(pair_lines(view, inner, room, theme));
    }
    // Pairs with another fund's projects below, in the room left.
    let left = (area.height as usize).saturating_sub(2 + lines.len());
    let mut cross = cross_lines(&found.cross_fund, inner, theme);
    cross.truncate(left);
    lines.extend(cross);
    frame.render_widget(
        Paragraph::new(lines).block(block(title(view), theme, true)),
        area,
    );
}

/// Each ESF project paired with another fund's project of the same
/// organisationsnummer, under a heading and its organisation.
fn cross_lines(pairs: &[CrossFundPair], width: usize, theme: Theme) -> Vec<Line<'static>> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let heading = t("The same organisation funded by another fund in the same period");
    let mut lines = vec![Line::default()];
    lines.extend(said_lines(&[heading.to_string()], width, theme));
    let mut last: Option<&CrossFundPair> = None;
    for pair in pairs {
        let same = last.is_some_and(|l| {
            l.organisation == pair.organisation && l.org_number == pair.org_number
        });
        if !same {
            let head = format!("{} ({})", pair.organisation, pair.org_number);
            let head = sanitize::line(&head).into_owned();
            lines.push(Line::from(Span::styled(head, theme.section())));
        }
        last = Some(pair);
        let said = sanitize::line(&cross_fund_headline(pair)).into_owned();
        for l in wrap(&said, width.saturating_sub(2).max(8)) {
            lines.push(Line::from(Span::styled(format!("  {l}"), theme.label())));
        }
        for side in [pair.project.text(), pair.other.text()] {
            let text = cut(&sanitize::line(&side), width.saturating_sub(4));
            lines.push(Line::from(format!("    {text}")));
        }
    }
    lines
}

fn title(view: &OverlapsView) -> String {
    match &view.scope {
        OverlapScope::Every => format!(" {} · {} ", t("Overlaps"), t("every organisation")),
        OverlapScope::Organisation(name) => {
            format!(" {} · {} ", t("Overlaps"), sanitize::line(name))
        }
    }
}

/// The pairs around the selected one, `room` lines at most; the
/// selected pair in the upper half.
fn pair_lines(view: &OverlapsView, width: usize, room: usize, theme: Theme) -> Vec<Line<'static>> {
    let pairs = &view.found.pairs;
    let at = (view.selection.index / 2).min(pairs.len().saturating_sub(1));
    let heads = |i: usize| i == 0 || pairs[i - 1].organisation != pairs[i].organisation;
    let size = |i: usize, first: bool| {
        one_pair(&pairs[i], None, width, theme).len() + usize::from(first || heads(i)) * 2
    };
    let mut start = at;
    let mut used = size(at, true);
    while start > 0 && used + size(start - 1, false) <= room / 2 {
        start -= 1;
        used += size(start, false);
    }
    let mut lines = Vec::new();
    for (i, pair) in pairs.iter().enumerate().skip(start) {
        if lines.len() >= room {
            break;
        }
        if i == start || heads(i) {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                organisation(pair),
                theme.section(),
            )));
        }
        let side = (i == at).then_some(view.selection.index % 2);
        lines.extend(one_pair(pair, side, width, theme));
    }
    lines.truncate(room);
    lines
}

/// "Göteborgs Stad (212000-1355)".
fn organisation(pair: &Pair) -> String {
    let numbers = match pair.org_numbers.is_empty() {
        true => String::new(),
        false => format!(" ({})", pair.org_numbers.join(", ")),
    };
    sanitize::line(&format!("{}{numbers}", pair.organisation)).into_owned()
}

/// The pair's headline and its two projects, `selected` the one under
/// the cursor.
fn one_pair(
    pair: &Pair,
    selected: Option<usize>,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let said = sanitize::line(&headline(pair)).into_owned();
    let mut lines: Vec<Line<'static>> = wrap(&said, width.saturating_sub(2).max(8))
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("  {l}"), theme.label())))
        .collect();
    for (i, side) in pair.projects.iter().enumerate() {
        let text = cut(&sanitize::line(&side.text()), width.saturating_sub(4));
        lines.push(match selected == Some(i) {
            true => Line::from(Span::styled(format!("  ▶ {text}"), theme.selected())),
            false => Line::from(format!("    {text}")),
        });
    }
    lines
}

/// The detail's first lines about overlaps: how many projects each
/// section below the fields names. The sections themselves come after the
/// fields, so that a step through the list rewrites only the values that
/// differ, not a pane of pairs (2.6 KB a step at 120×40, now under 1 KB).
pub fn overlap_pointer(
    lines: &mut DetailLines,
    found: Option<&OfProject>,
    width: usize,
    theme: Theme,
) {
    let Some(found) = found.filter(|f| !f.is_empty()) else {
        return;
    };
    lines.push(Line::default());
    for (heading, n) in [
        (t("Overlaps with"), found.pairs.len()),
        (t("Another fund in the same period"), found.cross_fund.len()),
    ] {
        if n > 0 {
            let said = tf("{}: {} (below)", &[&heading, &t_count(n, "projects")]);
            for l in wrap(&format!("⇄ {said}"), width) {
                lines.push(Line::from(Span::styled(l, theme.section())));
            }
        }
    }
}

/// The detail's sections: each project this one overlaps, with the days
/// together and what they share, then other funds' projects beside it
/// (nothing when there is none).
pub fn overlap_section(
    lines: &mut DetailLines,
    found: Option<&OfProject>,
    width: usize,
    theme: Theme,
) {
    let Some(found) = found else { return };
    let each = found
        .pairs
        .iter()
        .map(|pair| (pair.projects[1].text(), headline(pair)));
    section(lines, t("Overlaps with"), each.collect(), width, theme);
    let each = found
        .cross_fund
        .iter()
        .map(|pair| (pair.other.text(), cross_fund_tie(pair)));
    let heading = t("Another fund in the same period");
    section(lines, heading, each.collect(), width, theme);
}

/// A `⇄` heading, then each project (raw) with what is said of it beneath.
fn section(
    lines: &mut DetailLines,
    heading: &str,
    each: Vec<(String, String)>,
    width: usize,
    theme: Theme,
) {
    if each.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("⇄ {heading}"),
        theme.section(),
    )));
    for (project, said) in each {
        let project = sanitize::line(&project).into_owned();
        for l in wrap(&project, width.saturating_sub(2).max(8)) {
            lines.push(Line::from(Span::styled(format!("  {l}"), theme.label())));
        }
        for l in wrap(&sanitize::line(&said), width.saturating_sub(4).max(8)) {
            lines.push(Line::from(format!("    {l}")));
        }
    }
}
