//! A line of text being typed, with its cursor: the search box, the facet
//! picker's narrowing text and "active during" prompt, and the note
//! editor all edit through it, so the same keys move and delete the same
//! way everywhere (left, right, start, end, a word back, at the cursor).
//!
//! The cursor counts characters, never bytes, and every edit keeps it
//! within the text, so no key can split a character.

use super::keymap::Action;
use std::ops::Deref;

/// Text with a cursor, `0..=` its number of characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

/// A move or a deletion a key asks of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOp {
    Left,
    Right,
    /// The start of the line the cursor is on.
    Start,
    /// The end of the line the cursor is on.
    End,
    DeleteBack,
    DeleteForward,
    /// The word before the cursor, with the spaces after it.
    DeleteWordBack,
    Clear,
}

impl LineOp {
    /// What an action does to a text being typed, if it edits one.
    pub fn of(action: Action) -> Option<LineOp> {
        Some(match action {
            Action::CursorLeft => LineOp::Left,
            Action::CursorRight => LineOp::Right,
            Action::LineStart => LineOp::Start,
            Action::LineEnd => LineOp::End,
            Action::DeleteBack => LineOp::DeleteBack,
            Action::DeleteForward => LineOp::DeleteForward,
            Action::DeleteWordBack => LineOp::DeleteWordBack,
            Action::ClearText => LineOp::Clear,
            _ => return None,
        })
    }
}

impl LineEdit {
    /// The text with the cursor at its end.
    pub fn new(text: impl Into<String>) -> LineEdit {
        let text = text.into();
        let cursor = text.chars().count();
        LineEdit { text, cursor }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Where the cursor is, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor and from it on.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.byte_at(self.cursor))
    }

    /// The whole text replaced, the cursor at its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = LineEdit::new(text);
    }

    pub fn clear(&mut self) {
        self.set(String::new());
    }

    /// A character typed at the cursor.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.byte_at(self.cursor), c);
        self.cursor += 1;
    }

    /// Text pasted at the cursor.
    pub fn insert_str(&mut self, text: &str) {
        self.text.insert_str(self.byte_at(self.cursor), text);
        self.cursor += text.chars().count();
    }

    /// Changes the text as `edit` does; the cursor stays where it was, or
    /// at the end if the text is now shorter.
    pub fn with_text<R>(&mut self, edit: impl FnOnce(&mut String) -> R) -> R {
        let said = edit(&mut self.text);
        self.cursor = self.cursor.min(self.text.chars().count());
        said
    }

    /// Does `op`; true when the text changed (false when only the cursor
    /// moved, or nothing did).
    pub fn apply(&mut self, op: LineOp) -> bool {
        let before = self.text.len();
        let (start, end) = match op {
            LineOp::Left => (self.cursor.saturating_sub(1), self.cursor),
            LineOp::Right => (self.cursor, (self.cursor + 1).min(self.len())),
            LineOp::Start => (self.line_start(), self.cursor),
            LineOp::End => (self.cursor, self.line_end()),
            LineOp::DeleteBack => (self.cursor.saturating_sub(1), self.cursor),
            LineOp::DeleteForward => (self.cursor, (self.cursor + 1).min(self.len())),
            LineOp::DeleteWordBack => (self.word_start(), self.cursor),
            LineOp::Clear => (0, self.len()),
        };
        match op {
            LineOp::Left | LineOp::Start => self.cursor = start,
            LineOp::Right | LineOp::End => self.cursor = end,
            _ => self.delete(start, end),
        }
        self.text.len() != before
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(at, _)| at)
    }

    /// Removes the characters `start..end` and puts the cursor at `start`.
    fn delete(&mut self, start: usize, end: usize) {
        let range = self.byte_at(start)..self.byte_at(end);
        self.text.replace_range(range, "");
        self.cursor = start;
    }

    fn chars_before(&self) -> impl Iterator<Item = char> + '_ {
        self.split().0.chars().rev()
    }

    fn line_start(&self) -> usize {
        self.cursor - self.chars_before().take_while(|&c| c != '\n').count()
    }

    fn line_end(&self) -> usize {
        self.cursor + self.split().1.chars().take_while(|&c| c != '\n').count()
    }

    /// Where the word before the cursor starts (spaces after it included).
    fn word_start(&self) -> usize {
        let mut before = self.chars_before().peekable();
        let mut back = 0;
        while before.next_if(|c| c.is_whitespace()).is_some() {
            back += 1;
        }
        while before.next_if(|c| !c.is_whitespace()).is_some() {
            back += 1;
        }
        self.cursor - back
    }
}

impl Deref for LineEdit {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<&str> for LineEdit {
    fn from(text: &str) -> LineEdit {
        LineEdit::new(text)
    }
}

impl From<String> for LineEdit {
    fn from(text: String) -> LineEdit {
        LineEdit::new(text)
    }
}

impl PartialEq<str> for LineEdit {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for LineEdit {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for LineEdit {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl PartialEq<LineEdit> for String {
    fn eq(&self, other: &LineEdit) -> bool {
        *self == other.text
    }
}

impl PartialEq<LineEdit> for &str {
    fn eq(&self, other: &LineEdit) -> bool {
        *self == other.text
    }
}

impl std::fmt::Display for LineEdit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` where the cursor is.
    fn shown(edit: &LineEdit) -> String {
        let (before, after) = edit.split();
        format!("{before}|{after}")
    }

    #[test]
    fn the_cursor_moves_by_characters_and_types_where_it_is() {
        let mut edit = LineEdit::new("Göteborg");
        assert_eq!(shown(&edit), "Göteborg|");
        for _ in 0..7 {
            assert!(!edit.apply(LineOp::Left), "moving changes no text");
        }
        assert_eq!(shown(&edit), "G|öteborg");
        edit.insert('x');
        assert_eq!(shown(&edit), "Gx|öteborg");
        assert!(edit.apply(LineOp::DeleteForward));
        assert_eq!(shown(&edit), "Gx|teborg");
        assert!(edit.apply(LineOp::DeleteBack));
        assert_eq!(shown(&edit), "G|teborg");
        edit.apply(LineOp::Start);
        assert!(!edit.apply(LineOp::DeleteBack), "nothing before the start");
        assert!(!edit.apply(LineOp::Left));
        edit.apply(LineOp::End);
        assert!(!edit.apply(LineOp::DeleteForward), "nothing after the end");
        assert!(!edit.apply(LineOp::Right));
        assert_eq!(shown(&edit), "Gteborg|");
        edit.insert_str("s stad");
        assert_eq!(shown(&edit), "Gteborgs stad|");
    }

    #[test]
    fn a_word_back_takes_the_word_and_the_spaces_after_it() {
        let mut edit = LineEdit::new("vellinge kommun  ");
        assert!(edit.apply(LineOp::DeleteWordBack));
        assert_eq!(shown(&edit), "vellinge |");
        edit.apply(LineOp::DeleteWordBack);
        assert_eq!(shown(&edit), "|");
        assert!(!edit.apply(LineOp::DeleteWordBack));
        let mut edit = LineEdit::new("org:försäkringskassan göteborg");
        (0..9).for_each(|_| _ = edit.apply(LineOp::Left));
        edit.apply(LineOp::DeleteWordBack);
        assert_eq!(shown(&edit), "| göteborg");
    }

    #[test]
    fn start_and_end_are_the_lines_in_a_note() {
        let mut edit = LineEdit::new("Ring Anna\nom uppföljningen");
        edit.apply(LineOp::Start);
        assert_eq!(shown(&edit), "Ring Anna\n|om uppföljningen");
        edit.apply(LineOp::Left);
        edit.apply(LineOp::Start);
        assert_eq!(shown(&edit), "|Ring Anna\nom uppföljningen");
        edit.apply(LineOp::End);
        assert_eq!(shown(&edit), "Ring Anna|\nom uppföljningen");
        assert!(edit.apply(LineOp::Clear));
        assert_eq!((edit.as_str(), edit.cursor()), ("", 0));
    }

    #[test]
    fn a_text_cut_short_keeps_the_cursor_inside_it() {
        let mut edit = LineEdit::new("åäöåäö");
        edit.with_text(|t| t.truncate("åäö".len()));
        assert_eq!(shown(&edit), "åäö|");
        assert_eq!(edit, "åäö");
        assert_eq!(
            LineOp::of(Action::DeleteWordBack),
            Some(LineOp::DeleteWordBack)
        );
        assert_eq!(LineOp::of(Action::Sort), None);
    }
}
