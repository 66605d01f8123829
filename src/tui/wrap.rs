//! Word wrapping by display width (long words are split).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines of at most `width` columns; paragraphs keep their blank lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        if paragraph.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        wrap_line(paragraph, width, &mut out);
    }
    out
}

fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    let mut current = String::new();
    // The width of `current`, kept as words are added (not measured again).
    let mut used = 0;
    for word in line.split_whitespace() {
        let w = word.width();
        let needed = if current.is_empty() { w } else { used + 1 + w };
        if needed <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            used = needed;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        for piece in split_long(word, width) {
            let w = piece.width();
            if w == width {
                out.push(piece);
            } else {
                (current, used) = (piece, w);
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
}

/// A word wider than a line, in line-sized pieces.
fn split_long(word: &str, width: usize) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        let last = pieces.last_mut().expect("one piece");
        if last.width() + w > width && !last.is_empty() {
            pieces.push(c.to_string());
        } else {
            last.push(c);
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(wrap("Ett två tre fyra", 8), vec!["Ett två", "tre fyra"]);
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("x", 0), vec!["x"]);
        assert!(wrap(&"å".repeat(50), 7).iter().all(|l| l.width() <= 7));
    }
}
