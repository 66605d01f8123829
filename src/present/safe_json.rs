//! JSON for people's terminals and files: serde_json escapes only C0
//! controls, so C1 controls (U+0080–U+009F, which some terminals take for
//! escape sequences), bidi overrides and isolates and zero-width
//! characters are written as `\uXXXX` too. The text is unchanged for a
//! JSON reader.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Pretty JSON of `value` with every unsafe character escaped.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// [`to_writer`] into a string.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only on a value serde cannot express.
    let _ = to_writer(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

struct Safe(PrettyFormatter<'static>);

/// Whether a byte may begin a character [`needs_escape`] is true of (C0,
/// DEL, C1 after 0xC2, U+061C, the U+2xxx marks and U+FEFF/U+FFF9–FFFB):
/// text without such bytes is written as it is, unscanned.
fn may_start_unsafe(b: u8) -> bool {
    b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef)
}

/// Characters serde_json would write as they are but a terminal must not
/// receive: the sanitiser's list, less what serde already escapes.
fn needs_escape(c: char) -> bool {
    crate::present::sanitize::is_unsafe(c) && !matches!(c, '\u{0}'..='\u{1f}')
}

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !fragment.bytes().any(may_start_unsafe) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|(_, c)| needs_escape(*c)) {
            w.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_to_escape_begins_with_a_byte_the_fast_path_looks_for() {
        let mut bytes = [0u8; 4];
        for c in ('\0'..=char::MAX).filter(|&c| needs_escape(c)) {
            let first = c.encode_utf8(&mut bytes).as_bytes()[0];
            assert!(may_start_unsafe(first), "{:?}", c);
        }
    }

    #[test]
    fn c1_and_bidi_are_escaped_and_read_back_the_same() {
        let text = "a\u{9b}31m \u{202e}evil\u{2066} \u{1b}[2J ok Göteborg";
        let json = to_string(&serde_json::json!({ "name": text }));
        assert!(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u2066"));
        assert!(json.contains("Göteborg"), "{json}");
        assert!(
            !json
                .chars()
                .any(|c| c != '\n' && crate::present::sanitize::is_unsafe(c)),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], text);
    }
}
