//! A few words of a text around where a query's words stand, found the
//! way the full-text index finds them (each word by its stem, as a prefix;
//! case and diacritics folded), for the match reason "text: …". Reading
//! the text and looking here is quicker than the index's own snippets.

use super::fields::{Field, Reason};
use super::{fold, lower_case, stem};

/// Words shown before the first match, and in all.
const BEFORE: usize = 4;
const WORDS: usize = 12;

/// Where the full-text index's own snippet starts and ends a match.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// The index's snippet, its matches marked with [`MARK_START`] and
/// [`MARK_END`], as a match reason: the text, the marked chars as positions.
pub fn from_marked(field: Field, marked: &str) -> Reason {
    let mut reason = Reason {
        field,
        text: String::with_capacity(marked.len()),
        positions: Vec::new(),
    };
    let (mut inside, mut at) = (false, 0);
    for c in marked.chars() {
        match c {
            MARK_START => inside = true,
            MARK_END => inside = false,
            c => {
                if inside {
                    reason.positions.push(at);
                }
                reason.text.push(c);
                at += 1;
            }
        }
    }
    reason
}

/// A match reason's text with its matched runs in brackets, for reading:
/// `Samordningsförbundet [Hisingen]`.
pub fn bracketed(reason: &Reason) -> String {
    let mut out = String::with_capacity(reason.text.len() + 8);
    let lit = |i: usize| reason.positions.binary_search(&i).is_ok();
    for (i, c) in reason.text.chars().enumerate() {
        if lit(i) && (i == 0 || !lit(i - 1)) {
            out.push('[');
        }
        out.push(c);
        if lit(i) && !lit(i + 1) {
            out.push(']');
        }
    }
    out
}

/// The words around the first place one of `words` stands in `text`, the
/// matched words' chars as positions; None when none of them is there.
pub fn snippet(text: &str, words: &str) -> Option<Reason> {
    let stems: Vec<Vec<char>> = stem::stems(words)
        .iter()
        .map(|s| fold(&lower_case(s)).chars().collect())
        .collect();
    let matches = |&(start, end): &(usize, usize)| {
        let word = &text[start..end];
        stems.iter().any(|stem| is_word_of(word, stem))
    };
    // Words are read up to the first match and the few shown after it.
    let mut words = word_spans(text);
    let mut spans = Vec::new();
    let first = loop {
        let span = words.next()?;
        spans.push(span);
        if matches(&span) {
            break spans.len() - 1;
        }
    };
    let from = first.saturating_sub(BEFORE);
    spans.extend(words.take((from + WORDS + 1).saturating_sub(spans.len())));
    let shown = &spans[from..(from + WORDS).min(spans.len())];
    let lit: Vec<bool> = shown.iter().map(matches).collect();
    let mut reason = Reason {
        field: Field::Text,
        text: String::new(),
        positions: Vec::new(),
    };
    if from > 0 {
        reason.text.push_str("… ");
    }
    let (start, end) = (shown[0].0, shown[shown.len() - 1].1);
    add_words(&mut reason, &text[start..end], start, shown, &lit);
    if from + shown.len() < spans.len() {
        reason.text.push_str(" …");
    }
    Some(reason)
}

/// Whether a word, case and diacritics folded, is a word of `stem` (folded):
/// starts with it, or is it when the stem has one or two letters (as the
/// full-text query looks for them). Char by char, nothing allocated: most
/// words differ at their first letter.
fn is_word_of(word: &str, stem: &[char]) -> bool {
    let mut folded = word.chars().map(|c| super::fold_char(super::lower_char(c)));
    if !stem.iter().all(|&want| folded.next() == Some(want)) {
        return false;
    }
    stem.len() > 2 || folded.next().is_none()
}

/// Adds `part` (starting at byte `offset` of the text) on one line: runs
/// of spaces and control characters become one space; the chars of lit
/// words become positions.
fn add_words(
    reason: &mut Reason,
    part: &str,
    offset: usize,
    words: &[(usize, usize)],
    lit: &[bool],
) {
    let mut count = reason.text.chars().count();
    let mut space = false;
    for (at, c) in part.char_indices() {
        if c.is_whitespace() || c.is_control() {
            space = true;
            continue;
        }
        if space {
            reason.text.push(' ');
            count += 1;
            space = false;
        }
        let byte = offset + at;
        let in_lit = words
            .iter()
            .zip(lit)
            .any(|(&(s, e), &l)| l && (s..e).contains(&byte));
        if in_lit {
            reason.positions.push(count);
        }
        reason.text.push(c);
        count += 1;
    }
}

/// The byte spans of a text's words (runs of letters and digits), as the
/// full-text index splits them, read as they are wanted.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(reason: &Reason) -> String {
        let chars: Vec<char> = reason.text.chars().collect();
        reason.positions.iter().map(|&p| chars[p]).collect()
    }

    #[test]
    fn marked_snippets_become_text_and_positions_and_back() {
        let r = from_marked(
            Field::Text,
            "på \u{2}Hisingen\u{3}, två i \u{2}N\u{3}ordost",
        );
        assert_eq!(r.text, "på Hisingen, två i Nordost");
        assert_eq!(r.positions, vec![3, 4, 5, 6, 7, 8, 9, 10, 19]);
        assert_eq!(bracketed(&r), "på [Hisingen], två i [N]ordost");
    }

    #[test]
    fn the_words_around_the_first_match_with_the_match_lit() {
        let text = "Projektet vänder sig till unga.\nMetoden bygger på\ttillämpningen av \
                    IPS-metoden och på arbetsträning i Göteborg och Malmö och Lund.";
        let found = snippet(text, "ips").unwrap();
        assert_eq!(
            found.text,
            "… bygger på tillämpningen av IPS-metoden och på arbetsträning i Göteborg och …"
        );
        assert_eq!(lit(&found), "IPS");
        let forms = snippet(text, "Arbetsträningen").unwrap();
        assert_eq!(lit(&forms), "arbetsträning", "a word form, by its stem");
        let folded = snippet(text, "goteborg").unwrap();
        assert_eq!(lit(&folded), "Göteborg");
    }

    #[test]
    fn a_short_text_is_shown_whole_and_a_missing_word_is_none() {
        assert_eq!(snippet("Unga i Ale", "ale").unwrap().text, "Unga i Ale");
        assert_eq!(snippet("Unga i Ale", "alemanni"), None);
        assert_eq!(
            snippet("Unga i Alingsås", "al"),
            None,
            "two letters are whole"
        );
        assert_eq!(snippet("", "ale"), None);
        assert_eq!(snippet("Unga i Ale", "\" * -"), None);
    }

    #[test]
    fn control_characters_never_reach_the_snippet() {
        let found = snippet("Start\u{1b}[31m röd\u{7} text om IPS", "ips").unwrap();
        assert!(
            !found.text.chars().any(char::is_control),
            "{:?}",
            found.text
        );
    }
}
