//! Text cut to a width, with "…" where it was cut: a cut never passes for
//! the whole text.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// `line` in at most `width` columns; when cut, its last column is "…".
/// Styles and alignment are kept.
pub fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut spans: Vec<Span<'static>> = Vec::new();
    'spans: for span in &line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                if !kept.is_empty() {
                    spans.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    if width > 0 {
        spans.push(Span::raw("…"));
    }
    let mut cut = Line::from(spans).style(line.style);
    cut.alignment = line.alignment;
    cut
}

/// `line` in at most `width` columns, cut in the middle when too long: its
/// start, "…", and its last `tail` columns (where names that start alike
/// differ: "… i Skåne", "… i Halland").
pub fn fit_middle(line: Line<'static>, width: usize, tail: usize) -> Line<'static> {
    let total = line.width();
    if total <= width || tail == 0 || width < tail + 4 {
        return fit(line, width);
    }
    let head = fit(line.clone(), width - tail);
    let mut spans = head.spans;
    spans.extend(last_columns(&line, tail));
    let mut cut = Line::from(spans).style(line.style);
    cut.alignment = line.alignment;
    cut
}

/// The spans of the last `width` columns of `line`.
fn last_columns(line: &Line<'static>, width: usize) -> Vec<Span<'static>> {
    let mut used = 0;
    let mut out: Vec<Span<'static>> = Vec::new();
    'spans: for span in line.spans.iter().rev() {
        let mut kept: Vec<char> = Vec::new();
        for c in span.content.chars().rev() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                out.push(Span::styled(
                    kept.iter().rev().collect::<String>(),
                    span.style,
                ));
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        out.push(Span::styled(
            kept.iter().rev().collect::<String>(),
            span.style,
        ));
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, width: usize) -> String {
        fit(Line::from(text.to_string()), width).to_string()
    }

    #[test]
    fn a_cut_ends_in_an_ellipsis_and_keeps_its_width() {
        assert_eq!(cut("Inkluderande rehabilitering", 12), "Inkluderand…");
        assert_eq!(cut("kort", 12), "kort");
        assert_eq!(cut("Åsa", 3), "Åsa");
        assert_eq!(cut("Åsaö", 3), "Ås…");
        assert_eq!(cut("abc", 0), "");
        let long = Line::from("Kompetensutveckling i Skåne län");
        assert_eq!(fit_middle(long, 20, 10).to_string(), "Kompetens… Skåne län");
        let styled = Line::from(vec![Span::raw("Nya "), Span::raw("Vägar")]);
        assert_eq!(fit(styled, 6).to_string(), "Nya V…");
    }
}
