//! Where a search's words stand in a text, for the detail pane: each word
//! the project must have, found case and diacritics folded (as the search
//! folds them: å → a unless the word has å/ä/ö itself).

use crate::search::fold;
use crate::search::query::Query;

/// The words of a search to find in a project's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needles {
    words: Vec<Needle>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Needle {
    chars: Vec<char>,
    /// Found only with its own å/ä/ö.
    exact_letters: bool,
}

/// A word shorter than this is lit nowhere: it would be lit everywhere.
const SHORTEST: usize = 2;

impl Needles {
    /// The words a project must have, from what is in the search box.
    pub fn of(query: &str) -> Needles {
        let parsed = Query::parse(query);
        let mut words: Vec<Needle> = parsed
            .positive_terms()
            .filter(|t| t.text.chars().count() >= SHORTEST)
            .map(|t| Needle {
                chars: t.text.chars().collect(),
                exact_letters: t.exact_letters,
            })
            .collect();
        words.dedup();
        Needles { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The char ranges of `text` where a word stands, in order and apart.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        if self.words.is_empty() {
            return Vec::new();
        }
        // Char for char, so that a place in one is the place in the text.
        let lower: Vec<char> = text
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let folded: Vec<char> = fold(&lower.iter().collect::<String>()).chars().collect();
        let mut found = Vec::new();
        for word in &self.words {
            let hay = match word.exact_letters {
                true => &lower,
                false => &folded,
            };
            found.extend(occurrences(hay, &word.chars));
        }
        merge(found)
    }
}

/// Where `needle` starts in `hay`, as char ranges.
fn occurrences(hay: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || hay.len() < needle.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&at| hay[at..at + needle.len()] == *needle)
        .map(|at| (at, at + needle.len()))
        .collect()
}

/// Ranges sorted, those that touch made one.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_folded_and_left_out_ones_are_not() {
        let needles = Needles::of("goteborg !malmö ab");
        let text = "Projektet i Göteborg och Malmö, GÖTEBORGS stad";
        assert_eq!(needles.find(text), vec![(12, 20), (32, 40)]);
        assert!(Needles::of("!malmö").is_empty());
        assert!(Needles::of("a").is_empty(), "one letter is lit nowhere");
    }

    #[test]
    fn a_word_with_its_own_letters_finds_only_them() {
        let needles = Needles::of("göa");
        assert_eq!(needles.find("Goa tider i Göa"), vec![(12, 15)]);
    }
}
