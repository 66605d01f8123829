//! The detail pane: every field grouped, the description wrapped to the
//! pane and scrollable, then linked articles and the source files.

use crate::graph::Related;
use crate::i18n::{t, tf};
use crate::model::Annotation;
use crate::model::{StoredProject, UnclassifiedDoc};
use crate::present::detail::sections;
use crate::present::format::MISSING;
use crate::present::sanitize;
use crate::tui::detail_lines::DetailLines;
use crate::tui::hits::Needles;
use crate::tui::state::Pane;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

const LABEL_WIDTH: usize = 22;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, area: Rect) {
    if area.width == 0 {
        return;
    }
    let focused = app.list.focus == Pane::Detail;
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = app
        .list
        .detail_scroll
        .min(app.detail.lines.len().saturating_sub(inner_height));
    // Only the lines on screen are made into lines, the search's words lit.
    let needles = Needles::of(&app.search.query);
    let end = (scroll + inner_height).min(app.detail.lines.len());
    let shown: Vec<Line> = (scroll..end)
        .map(|i| lit(app.detail.lines.line(i), &needles, theme))
        .collect();
    let more = if app.detail.lines.len() > scroll + inner_height {
        format!(" {} ", t("↓ more"))
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(title(app))
        .title_bottom(Line::from(more).right_aligned())
        .border_style(theme.border(focused));
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// "Details", and with a search on, which of its hits is shown.
fn title(app: &State) -> String {
    let hits = app.detail.lines.hits().len();
    if hits == 0 || app.search.query.trim().is_empty() {
        return format!(" {} ", t("Details"));
    }
    let place = match app.list.hit {
        Some(k) => tf("hit {} of {}", &[&(k + 1), &hits]),
        None => tf("{} hits", &[&hits]),
    };
    format!(" {} · {place} ", t("Details"))
}

/// A line with the search's words in it lit as matches are in the list.
fn lit(line: Line<'static>, needles: &Needles, theme: Theme) -> Line<'static> {
    let ranges = needles.find(&line.to_string());
    if ranges.is_empty() {
        return line;
    }
    let inside = |at: usize| ranges.iter().any(|&(s, e)| s <= at && at < e);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let mut piece = String::new();
        let mut piece_lit = None;
        for c in span.content.chars() {
            let now = inside(at);
            if piece_lit.is_some_and(|was| was != now) {
                spans.push(styled(std::mem::take(&mut piece), span.style, !now, theme));
            }
            piece_lit = Some(now);
            piece.push(c);
            at += 1;
        }
        if let Some(was) = piece_lit {
            spans.push(styled(piece, span.style, was, theme));
        }
    }
    let mut out = Line::from(spans).style(line.style);
    out.alignment = line.alignment;
    out
}

fn styled(text: String, style: Style, lit: bool, theme: Theme) -> Span<'static> {
    match lit {
        true => Span::styled(text, style.patch(theme.matched())),
        false => Span::styled(text, style),
    }
}

/// The lines of a project's detail for a pane `width` columns wide (inside
/// its border); `related` is `None` while related projects are found.
pub fn build_detail(
    s: &StoredProject,
    yours: Option<&Annotation>,
    related: Option<&[Related]>,
    overlaps: Option<&crate::overlaps::OfProject>,
    width: u16,
    theme: Theme,
) -> DetailLines {
    let width = (width as usize).max(10);
    let p = &s.project;
    // The name whole, on as many lines as it needs.
    let name = sanitize::line(p.name.as_deref().unwrap_or(&s.key)).into_owned();
    let mut lines = DetailLines::default();
    for l in wrap(&name, width) {
        lines.push(Line::from(Span::styled(l, theme.header())));
    }
    if let Some(a) = yours {
        your_notes(&mut lines, a, width, theme);
    }
    super::overlaps::overlap_pointer(&mut lines, overlaps, width, theme);
    for section in sections(Some(&s.key), p) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(section.title, theme.section())));
        for (label, value) in &section.rows {
            labelled(&mut lines, label, value, width, theme);
        }
    }
    super::overlaps::overlap_section(&mut lines, overlaps, width, theme);
    related_section(&mut lines, related, width, theme);
    text_section(
        &mut lines,
        t("Description"),
        p.description.as_deref(),
        width,
        theme,
    );
    articles(&mut lines, s, width, theme);
    linked(&mut lines, s, width, theme);
    if let Some(section) = crate::present::detail::disagreements(&s.field_sources) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(section.title, theme.section())));
        for (label, value) in &section.rows {
            labelled(&mut lines, label, value, width, theme);
        }
    }
    sources_given(&mut lines, s, width, theme);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(t("Source"), theme.section())));
    for source in &s.sources {
        for l in wrap(&sanitize::line(source), width) {
            lines.push(Line::from(l));
        }
    }
    lines
}

/// Each document about the project and the fields it gave, for a
/// project with more than one.
fn sources_given(lines: &mut DetailLines, s: &StoredProject, width: usize, theme: Theme) {
    let given = crate::present::detail::sources_given(&s.source_fields);
    if given.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(t("Sources"), theme.section())));
    for (head, fields) in &given {
        for l in wrap(&sanitize::line(head), width.saturating_sub(2).max(8)) {
            lines.push(Line::from(Span::styled(format!("  {l}"), theme.label())));
        }
        for l in wrap(&sanitize::line(fields), width.saturating_sub(4).max(8)) {
            lines.push(Line::from(format!("    {l}")));
        }
    }
}

/// `Label   value`, the value wrapped under itself.
fn labelled(lines: &mut DetailLines, label: &str, value: &str, width: usize, theme: Theme) {
    let value_width = width.saturating_sub(LABEL_WIDTH + 2).max(8);
    let style = if value == MISSING {
        theme.missing()
    } else {
        Default::default()
    };
    for (i, part) in wrap(&sanitize::line(value), value_width)
        .into_iter()
        .enumerate()
    {
        let head = if i == 0 { label } else { "" };
        let pad = " ".repeat(LABEL_WIDTH.saturating_sub(head.width()));
        lines.push(Line::from(vec![
            Span::styled(format!("  {head}{pad}"), theme.label()),
            Span::styled(part, style),
        ]));
    }
}

/// The top related projects and what they share (`p` opens the graph).
fn related_section(
    lines: &mut DetailLines,
    related: Option<&[Related]>,
    width: usize,
    theme: Theme,
) {
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        t("Related projects"),
        theme.section(),
    )));
    let Some(related) = related else {
        lines.push(Line::from(Span::styled(t("finding…"), theme.missing())));
        return;
    };
    if related.is_empty() {
        lines.push(Line::from(Span::styled(
            t("none share an organisation"),
            theme.missing(),
        )));
    }
    for r in related {
        let head = format!("{} ({})", r.name, r.key);
        for l in wrap(&sanitize::line(&head), width) {
            lines.push(Line::from(l));
        }
        let shared: Vec<String> = r.shared.iter().map(|s| s.text()).collect();
        let shared = format!("  {} {}", t("via"), shared.join("; "));
        for l in wrap(&sanitize::line(&shared), width) {
            lines.push(Line::from(Span::styled(l, theme.missing())));
        }
    }
}

/// The user's bookmark, review state and note, first: it is theirs.
fn your_notes(lines: &mut DetailLines, a: &Annotation, width: usize, theme: Theme) {
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(t("Your notes"), theme.section())));
    lines.push(Line::from(crate::present::detail::marks_line(a)));
    let note = sanitize::text(&a.note);
    lines.extend(wrap(&note, width).into_iter().map(Line::from));
}

fn text_section(
    lines: &mut DetailLines,
    title: &'static str,
    text: Option<&str>,
    width: usize,
    theme: Theme,
) {
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(title, theme.section())));
    match text {
        Some(t) => lines.push_text(&sanitize::text(t), width),
        None => lines.push(Line::from(Span::styled(MISSING, theme.missing()))),
    }
}

fn articles(lines: &mut DetailLines, s: &StoredProject, width: usize, theme: Theme) {
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(t("Articles"), theme.section())));
    if s.articles.is_empty() {
        lines.push(Line::from(Span::styled(t("none linked"), theme.missing())));
    }
    for a in &s.articles {
        for l in wrap(&sanitize::line(&a.title), width) {
            lines.push(Line::from(Span::styled(l, theme.header())));
        }
        lines.push_text(&sanitize::text(&a.body), width);
        lines.push(Line::from(Span::styled(
            sanitize::line(&a.source).into_owned(),
            theme.missing(),
        )));
    }
}

/// Owners' pages, news items and final reports about the project.
fn linked(lines: &mut DetailLines, s: &StoredProject, width: usize, theme: Theme) {
    if s.linked.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        t("Documents about the project"),
        theme.section(),
    )));
    for d in &s.linked {
        let kind = match d.kind.as_str() {
            "final_report" => t("final report"),
            _ => t("page about a project"),
        };
        let title = sanitize::line(d.title.as_deref().unwrap_or(MISSING)).into_owned();
        for l in wrap(&format!("{title} ({kind})"), width) {
            lines.push(Line::from(Span::styled(l, theme.header())));
        }
        lines.push(Line::from(Span::styled(
            sanitize::line(&d.source).into_owned(),
            theme.missing(),
        )));
    }
}

/// What a document beside the projects is, in the language in force.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "call" => t("call"),
        "linked_page" => t("about a project"),
        _ => t("unknown format"),
    }
}

/// The lines for a document beside the projects (a call, a page about a
/// project not in the cache, a document of no known format): its title,
/// kind, file and text.
pub fn build_unclassified(d: &UnclassifiedDoc, width: u16, theme: Theme) -> DetailLines {
    let width = (width as usize).max(10);
    let title = sanitize::line(d.title.as_deref().unwrap_or(MISSING)).into_owned();
    let mut lines = DetailLines::from(vec![
        Line::from(Span::styled(title, theme.header())),
        Line::from(Span::styled(kind_label(&d.kind), theme.section())),
        Line::from(Span::styled(
            sanitize::line(&d.source).into_owned(),
            theme.missing(),
        )),
        Line::default(),
    ]);
    lines.push_text(&sanitize::text(d.text.as_deref().unwrap_or("")), width);
    lines
}
