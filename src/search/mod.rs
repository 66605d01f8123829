//! Fuzzy matching over in-memory candidates. No I/O.
//!
//! Haystacks are prepared once (lower-cased, and folded: å/ä → a, ö → o,
//! …). A query without such letters matches the folded text, so
//! "goteborg" finds Göteborg; a query with them matches exactly, the way
//! smart case works for capitals.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// Candidates ready for matching.
#[derive(Debug, Default, Clone)]
pub struct Haystacks {
    lower: Vec<String>,
    folded: Vec<String>,
}

/// One candidate that matched: its index, score and matched characters
/// (char positions in its haystack).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub index: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

impl Haystacks {
    pub fn new<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> Haystacks {
        let lower: Vec<String> = texts.into_iter().map(|t| lower_case(t.as_ref())).collect();
        let folded = lower.iter().map(|t| fold(t)).collect();
        Haystacks { lower, folded }
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Matches ranked best first (ties in candidate order). An empty query
    /// matches everything with score 0.
    pub fn filter(&self, query: &str) -> Vec<Match> {
        let query = lower_case(query.trim());
        if query.is_empty() {
            return (0..self.len())
                .map(|index| Match {
                    index,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        let texts = if query.chars().any(is_foldable) {
            &self.lower
        } else {
            &self.folded
        };
        let matcher = SkimMatcherV2::default().respect_case();
        let mut found: Vec<Match> = texts
            .iter()
            .enumerate()
            .filter_map(|(index, text)| {
                let (score, positions) = matcher.fuzzy_indices(text, &query)?;
                Some(Match {
                    index,
                    score,
                    positions,
                })
            })
            .collect();
        found.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        found
    }
}

/// Lower case, one char for one char, so match positions stay valid.
fn lower_case(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

fn is_foldable(c: char) -> bool {
    fold_char(c) != c
}

fn fold_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(h: &Haystacks, q: &str, texts: &[&str]) -> Vec<String> {
        h.filter(q)
            .iter()
            .map(|m| texts[m.index].to_string())
            .collect()
    }

    #[test]
    fn ranks_and_folds() {
        let texts = [
            "Göteborgs Stad",
            "Arbetsförmedlingen",
            "Inkluderande rehabilitering",
            "Goa tider",
        ];
        let h = Haystacks::new(texts);
        assert_eq!(names(&h, "goteborg", &texts), vec!["Göteborgs Stad"]);
        assert_eq!(names(&h, "GÖTEBORG", &texts), vec!["Göteborgs Stad"]);
        assert_eq!(
            names(&h, "göa", &texts),
            vec!["Göteborgs Stad"],
            "å/ä/ö in the query match exactly: not Goa tider"
        );
        assert_eq!(
            names(&h, "inkl reh", &texts),
            vec!["Inkluderande rehabilitering"]
        );
        assert_eq!(h.filter("").len(), 4);
        assert!(h.filter("zzz").is_empty());
    }

    #[test]
    fn positions_point_at_matched_characters() {
        let h = Haystacks::new(["Västsverige"]);
        let m = &h.filter("vast")[0];
        let chars: Vec<char> = "Västsverige".chars().collect();
        let matched: String = m.positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(matched.to_lowercase(), "väst");
    }
}
