//! A text being typed, drawn with its cursor where it is: the character
//! under it reversed, or `█` after the end. One way for the search box,
//! the facet picker and the note editor.

use crate::present::sanitize;
use crate::tui::line_edit::LineEdit;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Where the cursor goes while a text is wrapped: a character no text
/// shown holds (it is taken out of the text first).
const MARK: char = '\u{E000}';

/// The end of the text shown after the cursor, at the end.
const END: &str = "█";

/// One line of at most `room` columns; a text too long for it is cut
/// ("…") where the cursor is not.
pub fn line(edit: &LineEdit, theme: Theme, room: usize) -> Vec<Span<'static>> {
    let (before, after) = edit.split();
    let (before, after) = (sanitize::line(before), sanitize::line(after));
    let mut rest = after.chars();
    let under = rest.next().map_or(END.to_string(), String::from);
    let rest = rest.as_str();
    let under_width = under.width().max(1);
    let after_room = rest.width().min(room / 3);
    let left = tail(&before, room.saturating_sub(under_width + after_room));
    let right_room = room.saturating_sub(left.width() + under_width);
    vec![
        Span::raw(left),
        Span::styled(under, theme.cursor()),
        Span::raw(head(rest, right_room)),
    ]
}

/// A text of several lines wrapped to `width`, the cursor shown where it
/// is; the index of the line it is on.
pub fn wrapped(edit: &LineEdit, theme: Theme, width: usize) -> (Vec<Line<'static>>, usize) {
    let (before, after) = edit.split();
    let clean = |s: &str| sanitize::text(s).replace(MARK, "");
    let marked = format!("{}{MARK}{}", clean(before), clean(after));
    let mut at = 0;
    let lines = wrap(&marked, width)
        .into_iter()
        .enumerate()
        .map(|(i, text)| match text.split_once(MARK) {
            Some((left, right)) => {
                at = i;
                cursor_line(left, right, theme)
            }
            None => Line::from(text),
        })
        .collect();
    (lines, at)
}

/// The line with the cursor: the character after the mark reversed, or
/// the end shown when the mark ends the line.
fn cursor_line(left: &str, right: &str, theme: Theme) -> Line<'static> {
    let mut rest = right.chars();
    let under = rest.next().map_or(END.to_string(), String::from);
    Line::from(vec![
        Span::raw(left.to_string()),
        Span::styled(under, theme.cursor()),
        Span::raw(rest.as_str().to_string()),
    ])
}

/// The end of a text, in `room` columns ("…" first when cut).
pub fn tail(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let kept = fit(text.chars().rev(), room);
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// The start of a text, in `room` columns ("…" last when cut).
fn head(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut kept: String = fit(text.chars(), room).into_iter().collect();
    if room > 0 {
        kept.push('…');
    }
    kept
}

/// As many of `chars` as fit in `room` columns with an ellipsis.
fn fit(chars: impl Iterator<Item = char>, room: usize) -> Vec<char> {
    let mut used = 1;
    chars
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= room
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::line_edit::LineOp;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    const PLAIN: Theme = Theme { color: false };

    #[test]
    fn the_cursor_is_the_character_under_it_or_a_block_at_the_end() {
        let mut edit = LineEdit::new("vellinge");
        assert_eq!(text(&line(&edit, PLAIN, 40)), "vellinge█");
        edit.apply(LineOp::Start);
        let spans = line(&edit, PLAIN, 40);
        assert_eq!(text(&spans), "vellinge");
        assert_eq!(spans[1].content, "v");
        assert_eq!(spans[1].style, PLAIN.cursor());
    }

    #[test]
    fn a_long_text_is_cut_where_the_cursor_is_not() {
        let mut edit = LineEdit::new("a".repeat(30) + &"b".repeat(30));
        let shown = text(&line(&edit, PLAIN, 20));
        assert!(shown.starts_with('…') && shown.ends_with("b█"), "{shown}");
        assert_eq!(shown.width(), 20);
        edit.apply(LineOp::Start);
        let shown = text(&line(&edit, PLAIN, 20));
        assert!(shown.starts_with("aaa") && shown.ends_with('…'), "{shown}");
        assert!(shown.width() <= 20);
    }

    #[test]
    fn a_wrapped_note_shows_the_cursor_on_its_line() {
        let mut edit = LineEdit::new("Ring Anna om\nuppföljningen");
        edit.apply(LineOp::Left);
        let (lines, at) = wrapped(&edit, PLAIN, 20);
        assert_eq!(at, 1);
        assert_eq!(lines[1].spans[1].content, "n");
        assert_eq!(lines[1].to_string(), "uppföljningen");
        let (lines, _) = wrapped(&LineEdit::new("a\u{E000}"), PLAIN, 20);
        assert_eq!(lines[0].to_string(), "a█");
    }
}
