//! The one sanitiser for everything that reaches a terminal: text from
//! documents is data, never terminal commands.
//!
//! C0 controls (except newline where allowed), DEL and C1 controls become
//! visible control pictures or `<U+XXXX>` markers; bidi overrides and
//! isolates and zero-width characters become `<U+XXXX>` markers; tabs are
//! expanded to spaces. Characters are replaced one by one, never spliced,
//! so markers cannot combine into a new escape sequence.

use std::borrow::Cow;

/// Tab stops every this many columns.
const TAB_WIDTH: usize = 8;

/// Safe text that may span lines (descriptions, multi-line output).
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Safe text on one line (cells, file names, messages): newlines marked too.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Characters Markdown or HTML read as syntax inside a line: links and
/// images (`[ ] ( ) !`), HTML and autolinks (`< >`), entities (`&`), table
/// cells (`|`), emphasis, code and strikethrough (`* _ ` ~`), and the
/// backslash that escapes them.
const MARKDOWN_SYNTAX: &str = "\\`*_[]()!<>|~&";

/// Safe text on one line of a Markdown file: as [`line`], and every
/// Markdown or HTML syntax character escaped with a backslash, so a
/// renderer shows the text as written and runs or loads nothing.
pub fn markdown(s: &str) -> String {
    let safe = line(s);
    let mut out = String::with_capacity(safe.len() + 8);
    for c in safe.chars() {
        if MARKDOWN_SYNTAX.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text [`markdown`] escaped, as it was: a backslash before a character
/// it escapes is taken away (any other backslash stays).
pub fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = chars.peek().is_some_and(|n| MARKDOWN_SYNTAX.contains(*n));
        if c == '\\' && escaped {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| needs_care(c, keep_newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut column = 0usize;
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            _ => {}
        }
        let before = out.len();
        push_safe(&mut out, c);
        column += out[before..].chars().count();
    }
    Cow::Owned(out)
}

fn needs_care(c: char, keep_newlines: bool) -> bool {
    // Printable ASCII and the letters up to the first invisible format
    // character are told at once (cells of a million rows are looked at).
    if (' '..'\u{7f}').contains(&c) || ('\u{a0}'..'\u{61c}').contains(&c) {
        return false;
    }
    (c == '\n' && !keep_newlines) || (c != '\n' && is_unsafe(c))
}

/// Characters that must not reach a terminal as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Bidi embeddings, overrides and isolates, zero-width characters, BOM.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061c}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

fn push_safe(out: &mut String, c: char) {
    match c as u32 {
        // C0 controls show as their control pictures: ESC → ␛.
        code @ 0x00..=0x1f => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
        0x7f => out.push('␡'),
        _ if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            text("Göteborgs Stad\nVästsverige"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_become_visible() {
        assert_eq!(line("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(line("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(line("del\u{7f}"), "del␡");
        assert_eq!(line("\u{202e}evil"), "<U+202E>evil");
        assert_eq!(line("zero\u{200b}width"), "zero<U+200B>width");
    }

    #[test]
    fn the_quick_look_at_a_character_agrees_with_the_whole_one() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            for keep in [false, true] {
                let whole = (c == '\n' && !keep) || (c != '\n' && is_unsafe(c));
                assert_eq!(needs_care(c, keep), whole, "{:?}", c);
            }
        }
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(text("a\nb"), "a\nb");
        assert_eq!(line("a\nb"), "a␊b");
        assert_eq!(line("ab\tc"), "ab      c");
        assert_eq!(text("x\n\ty"), "x\n        y");
        assert_eq!(line("\r"), "␍");
    }

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(
            markdown("![](http://a/b.png)"),
            "\\!\\[\\]\\(http://a/b.png\\)"
        );
        assert_eq!(
            markdown("<script>a&b</script>"),
            "\\<script\\>a\\&b\\</script\\>"
        );
        assert_eq!(
            markdown("a|b \\ *c* _d_ `e` ~f~"),
            "a\\|b \\\\ \\*c\\* \\_d\\_ \\`e\\` \\~f\\~"
        );
        assert_eq!(markdown("a\u{1b}]0;x\u{7}"), "a␛\\]0;x␇");
        assert_eq!(markdown("Göteborg 2015/00730"), "Göteborg 2015/00730");
    }

    #[test]
    fn escaped_markdown_reads_back_as_it_was() {
        for text in ["ESF_12 (IPS) [a]", "a\\b \\_ *x*", "C:\\path", "plain"] {
            assert_eq!(unescape_markdown(&markdown(text)), text);
        }
        assert_eq!(
            unescape_markdown("C:\\Users"),
            "C:\\Users",
            "a backslash before a letter stays"
        );
    }

    #[test]
    fn output_never_contains_unsafe_characters() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!line(&all).chars().any(is_unsafe));
        assert!(!text(&all).chars().any(|c| c != '\n' && is_unsafe(c)));
    }
}
