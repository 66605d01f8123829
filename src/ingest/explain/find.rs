//! Finding a value in a document's lines: the lines folded (lower case,
//! blanks and dashes as one) and joined, so that a value in any case, with
//! other spacing or broken across lines is found, and each match is told
//! by the line it starts on.

/// The document's lines, folded and joined by single spaces.
pub struct Haystack<'a> {
    lines: &'a [String],
    folded: String,
    /// Where each line starts in `folded`.
    starts: Vec<usize>,
}

/// One place a value stands: the lines it runs over (0-based) and where
/// it starts and ends in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub first: usize,
    pub last: usize,
    pub at: usize,
    pub end: usize,
}

/// A value further into its line than this is not read back for its case.
const LONGEST_READ_BACK: usize = 4_096;

/// How far up a label or heading is looked for.
pub const LOOK_UP: usize = 200;

/// At most this many places of one written form are weighed.
const MOST_MATCHES: usize = 2_000;

/// How a value must stand apart from the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// No letter or digit right before or after it (short words, codes).
    Word,
    /// No digit right before or after it, nor a group of three more
    /// digits after a blank (amounts, dates).
    Number,
    /// Anywhere (longer names: a label may be glued to them).
    Anywhere,
    /// A place name: a word of its own, or in the genitive (`Malmös`).
    Place,
}

impl<'a> Haystack<'a> {
    pub fn new(lines: &'a [String]) -> Haystack<'a> {
        let mut folded = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for line in lines {
            if !folded.is_empty() && !folded.ends_with(' ') {
                folded.push(' ');
            }
            starts.push(folded.len());
            fold_into(line, &mut folded);
        }
        Haystack {
            lines,
            folded,
            starts,
        }
    }

    /// Every place `needle` (folded here) stands, within the edge rule.
    pub fn find(&self, needle: &str, edge: Edge) -> Vec<Spot> {
        let mut n = String::new();
        fold_into(needle, &mut n);
        let n = n.trim();
        if n.is_empty() {
            return Vec::new();
        }
        self.folded
            .match_indices(n)
            .filter(|(at, m)| self.stands_apart(*at, *at + m.len(), edge))
            .take(MOST_MATCHES)
            .map(|(at, m)| Spot {
                first: self.line_at(at),
                last: self.line_at(at + m.len().saturating_sub(1)),
                at,
                end: at + m.len(),
            })
            .collect()
    }

    fn stands_apart(&self, at: usize, end: usize, edge: Edge) -> bool {
        let before = self.folded[..at].chars().next_back();
        let mut after = self.folded[end..].chars();
        let next = after.clone().next();
        match edge {
            Edge::Anywhere => true,
            Edge::Place => {
                let end_ok = match next {
                    Some('s') => !after.nth(1).is_some_and(char::is_alphanumeric),
                    other => !other.is_some_and(char::is_alphanumeric),
                };
                !before.is_some_and(char::is_alphanumeric) && end_ok
            }
            Edge::Word => {
                !before.is_some_and(char::is_alphanumeric)
                    && !next.is_some_and(char::is_alphanumeric)
            }
            Edge::Number => {
                let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                let grouped_on = next == Some(' ') && {
                    after.next();
                    after.by_ref().take(3).filter(char::is_ascii_digit).count() == 3
                        && !after.next().is_some_and(|c| c.is_ascii_digit())
                };
                !digit(before) && !digit(next) && !grouped_on
            }
        }
    }

    /// The line (0-based) a place in the folded text belongs to.
    fn line_at(&self, at: usize) -> usize {
        self.starts.partition_point(|s| *s <= at).saturating_sub(1)
    }

    /// The folded text around a spot on its lines: what a label or phrase
    /// before it (or a word just after) would be, not a whole long line.
    pub fn near(&self, spot: Spot) -> &str {
        let line_end = self.line_end(spot.last);
        let from = boundary(&self.folded, spot.at.saturating_sub(160)).max(self.starts[spot.first]);
        let to = boundary(&self.folded, (spot.end + 40).min(line_end));
        &self.folded[from..to.max(from)]
    }

    /// The end of a line's folded text: the last 200 bytes of a long one.
    pub fn line_tail(&self, line: usize) -> &str {
        let end = self.line_end(line);
        let from = boundary(&self.folded, end.saturating_sub(200)).max(self.starts[line]);
        &self.folded[from..end]
    }

    fn line_end(&self, line: usize) -> usize {
        self.starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.folded.len())
    }

    /// The line before `line` that has text, if any.
    pub fn line_before(&self, line: usize) -> Option<usize> {
        let from = line.saturating_sub(LOOK_UP);
        (from..line)
            .rev()
            .find(|i| !self.lines[*i].trim().is_empty())
    }

    pub fn line(&self, line: usize) -> &str {
        &self.lines[line]
    }

    /// The spot's lines as written, joined by a space, and the character
    /// where the value starts in them.
    pub fn written(&self, spot: Spot) -> (String, usize) {
        let joined = self.lines[spot.first..=spot.last].join(" ");
        let skip = spot.at - self.starts[spot.first];
        // Walk the line folding as the haystack did, until the folded
        // text reaches the spot.
        let mut folded = String::new();
        let mut col = 0;
        for (i, c) in joined.chars().enumerate() {
            if folded.trim_start().len() >= skip {
                col = i;
                break;
            }
            push_folded(c, &mut folded);
            col = i + 1;
        }
        (joined, col)
    }
}

impl Haystack<'_> {
    /// Whether the value is all its line holds (a bullet's mark aside).
    pub fn is_whole_line(&self, spot: Spot) -> bool {
        let start = self.starts[spot.first];
        let end = self
            .starts
            .get(spot.last + 1)
            .copied()
            .unwrap_or(self.folded.len());
        let marks = |c: char| c.is_whitespace() || "•*-·▪:".contains(c);
        let before = self.folded[start..spot.at].trim_matches(marks);
        let after = self.folded[spot.end..end].trim_matches(marks);
        before.is_empty() && after.is_empty()
    }

    /// Whether the text at `spot` is written as `form` is, letter case
    /// and all (blanks aside).
    pub fn same_case(&self, spot: Spot, form: &str) -> bool {
        // Reading a place back walks its line: not for lines of a book.
        if spot.at - self.starts[spot.first] > LONGEST_READ_BACK {
            return false;
        }
        let (joined, col) = self.written(spot);
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = squeeze(form);
        let tail: String = joined
            .chars()
            .skip(col)
            .take(wanted.chars().count() * 2)
            .collect();
        squeeze(&tail).starts_with(&wanted)
    }
}

/// The nearest character boundary at or before `at`.
fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Appends `s` folded: lower case, every run of blanks one space, dashes
/// and minus signs `-`, typographic quotes plain.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        push_folded(c, out);
    }
}

fn push_folded(c: char, out: &mut String) {
    match c {
        c if c.is_whitespace() => {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => out.push('"'),
        '\u{2018}' | '\u{2019}' => out.push('\''),
        c => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_value_is_found_in_any_case_and_across_lines() {
        let doc = lines("Rubrik\n\nProjektet Nya\nSteg i Vellinge börjar\nslut");
        let h = Haystack::new(&doc);
        let found = h.find("nya steg i VELLINGE", Edge::Anywhere);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].first, found[0].last), (2, 3));
        let (joined, col) = h.written(found[0]);
        assert_eq!(&joined[col..col + 3], "Nya");
    }

    #[test]
    fn numbers_stand_apart_from_other_digits() {
        let doc = lines("Budget: 1 204 350 000 kr\nStöd: 1 204 350 kr\nÅr 21204350");
        let h = Haystack::new(&doc);
        let found = h.find("1 204 350", Edge::Number);
        assert_eq!(found.iter().map(|s| s.first).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn words_stand_apart_from_letters() {
        let doc = lines("Alesund\nKommun: Ale");
        let h = Haystack::new(&doc);
        assert_eq!(h.find("Ale", Edge::Word)[0].first, 1);
        assert_eq!(h.find("Ale", Edge::Anywhere)[0].first, 0);
    }
}
