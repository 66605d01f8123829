//! The timeline screen: a row per project (diarienummer and name, a bar
//! over the years as `esf timeline` draws it, the ESF grant), the years
//! above, the projects without dates below in no bar; then the gaps and
//! what the bars leave out.

use super::answers::{block, said_lines};
use crate::catalogue::timeline::{self, Bar};
use crate::i18n::{t, t_count, tf};
use crate::present::format::thousands;
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::layout::Areas;
use crate::tui::state::answers::timeline::TimelineView;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Gaps written out below the bars; the rest are counted.
const GAPS: usize = 4;

/// The grant column (`10 000 000 kr`).
const GRANT: usize = 13;

pub fn draw(frame: &mut Frame, view: &TimelineView, theme: Theme, areas: &Areas) {
    let area = areas.list;
    let inner = area.width.saturating_sub(2) as usize;
    let label = (inner / 3).clamp(12, 34);
    let bar_width = inner.saturating_sub(label + GRANT + 4).max(4);
    let axis = timeline::axis(&view.timeline);
    let below = said_lines(&footer(view), inner, theme);
    let room = (area.height as usize).saturating_sub(3 + below.len());
    let years = axis.map_or(String::new(), |a| timeline::year_line(a, bar_width));
    let head = format!("  {:label$} {years}", "");
    let mut lines = vec![Line::from(Span::styled(head, theme.header()))];
    let at = view.selection.index;
    let start = if at >= room { at + 1 - room } else { 0 };
    for (i, bar) in view.rows().enumerate().skip(start).take(room) {
        let shape = Shape { label, bar_width };
        lines.push(bar_line(bar, axis, shape, i == at, theme));
    }
    lines.resize(room + 1, Line::default());
    lines.extend(below);
    let title = tf(
        "Timeline of {}: {}",
        &[
            &sanitize::line(&view.title),
            &t_count(view.len(), "projects"),
        ],
    );
    let title = format!(" {} ", cut(&title, inner.saturating_sub(2)));
    frame.render_widget(Paragraph::new(lines).block(block(title, theme, true)), area);
}

#[derive(Clone, Copy)]
struct Shape {
    label: usize,
    bar_width: usize,
}

/// `▶ 2015/90001 Ljusglimten …  ████▌          1 200 000 kr`.
fn bar_line(
    b: &Bar,
    axis: Option<(i64, i64)>,
    shape: Shape,
    selected: bool,
    theme: Theme,
) -> Line<'static> {
    let name = b.name.as_deref().unwrap_or("—");
    let text = cut(&sanitize::line(&format!("{} {name}", b.key)), shape.label);
    let pad = shape.label.saturating_sub(text.width());
    let grant = b
        .esf_grant_sek
        .map_or("—".to_string(), |kr| format!("{} kr", thousands(kr)));
    let (mark, style) = match selected {
        true => ("▶ ", theme.selected()),
        false => ("  ", Default::default()),
    };
    let bar = match (b.days(), axis) {
        (Some(days), Some(axis)) => {
            Span::styled(timeline::bar(days, axis, shape.bar_width), theme.key())
        }
        _ => Span::styled(
            format!(
                "{:w$}",
                cut(t("no start or end date"), shape.bar_width),
                w = shape.bar_width
            ),
            theme.missing(),
        ),
    };
    Line::from(vec![
        Span::styled(format!("{mark}{text}{}", " ".repeat(pad)), style),
        Span::raw(" "),
        bar,
        Span::raw(format!(" {grant:>GRANT$}")),
    ])
}

/// The gaps and what the bars leave out.
fn footer(view: &TimelineView) -> Vec<String> {
    let tl = &view.timeline;
    let mut said = Vec::new();
    let mut gaps: Vec<String> = tl
        .gaps
        .iter()
        .take(GAPS)
        .map(|g| format!("{} – {} ({})", g.from, g.to, tf("{} days", &[&g.days])))
        .collect();
    if tl.gaps.len() > GAPS {
        gaps.push(tf("{} more", &[&(tl.gaps.len() - GAPS)]));
    }
    match tl.gaps.len() {
        0 if tl.projects.len() > 1 => said.push(t("No gap between the projects' periods.").into()),
        0 => {}
        n => said.push(format!(
            "{} {}",
            tf("Gaps with no project ({}):", &[&n]),
            gaps.join("; ")
        )),
    }
    said.push(tf(
        "Bars: {} projects with both dates; {} without a start or an end date are listed last, in no bar. Grants as the documents give them (— none given).",
        &[&tl.projects.len(), &tl.undated.len()],
    ));
    said
}
