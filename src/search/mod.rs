//! Fuzzy matching over in-memory candidates. No I/O.
//!
//! Haystacks are prepared once (lower-cased, and folded: å/ä → a, ö → o,
//! …). A query without such letters matches the folded text, so
//! "goteborg" finds Göteborg; a query with them matches exactly, the way
//! smart case works for capitals.
//!
//! fuzzy-matcher's skim algorithm scores; around it, for speed: a byte-level
//! subsequence test rejects most candidates before scoring, a query that
//! extends the previous one only looks at the previous matches, the work is
//! split over every core, and matched positions are computed only for the
//! rows on screen.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::sync::Mutex;

/// Candidates ready for matching.
#[derive(Debug, Default)]
pub struct Haystacks {
    lower: Vec<Box<str>>,
    folded: Vec<Box<str>>,
    /// The previous query and the candidates it matched.
    last: Mutex<Option<(String, Vec<u32>)>>,
}

/// One candidate that matched: its index and score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: usize,
    pub score: i64,
}

/// Below this many candidates one thread is quicker than starting two.
const PARALLEL_FROM: usize = 20_000;

impl Haystacks {
    pub fn new<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> Haystacks {
        let lower: Vec<Box<str>> = texts
            .into_iter()
            .map(|t| lower_case(t.as_ref()).into())
            .collect();
        let folded = lower.iter().map(|t| fold(t).into()).collect();
        Haystacks {
            lower,
            folded,
            last: Mutex::new(None),
        }
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
                .map(|index| Match { index, score: 0 })
                .collect();
        }
        let exact = query.chars().any(is_foldable);
        let candidates = self.candidates_for(&query, exact);
        let texts = if exact { &self.lower } else { &self.folded };
        let found = rank(texts, cheap_scores(texts, &candidates, &query), &query);
        let matched = found.iter().map(|m| m.index as u32).collect();
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((mode_key(&query, exact), matched));
        found
    }

    /// Forgets the previous query, so the next one searches everything.
    pub fn forget(&self) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The baseline the optimisations are measured against: fuzzy-matcher
    /// over every candidate on one thread, positions and all, full sort.
    pub fn naive_filter(&self, query: &str) -> Vec<Match> {
        let query = lower_case(query.trim());
        let texts = if query.chars().any(is_foldable) {
            &self.lower
        } else {
            &self.folded
        };
        let matcher = SkimMatcherV2::default().respect_case();
        let mut found: Vec<Match> = texts
            .iter()
            .enumerate()
            .filter_map(|(index, t)| {
                matcher
                    .fuzzy_indices(t, &query)
                    .map(|(score, _)| Match { index, score })
            })
            .collect();
        found.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        found
    }

    /// Which characters of candidate `index` the query matches (char
    /// positions), for highlighting.
    pub fn positions(&self, index: usize, query: &str) -> Vec<usize> {
        let query = lower_case(query.trim());
        if query.is_empty() || index >= self.len() {
            return Vec::new();
        }
        let texts = if query.chars().any(is_foldable) {
            &self.lower
        } else {
            &self.folded
        };
        let matcher = SkimMatcherV2::default().respect_case();
        matcher
            .fuzzy_indices(&texts[index], &query)
            .map(|(_, positions)| positions)
            .unwrap_or_default()
    }

    /// Every candidate, or only the previous matches when the query extends
    /// the previous one (every match of the longer query matched it too).
    fn candidates_for(&self, query: &str, exact: bool) -> Vec<u32> {
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match last.as_ref() {
            // Narrowing pays when the previous query already left most out.
            Some((previous, matched))
                if mode_key(query, exact).starts_with(previous.as_str())
                    && matched.len() < self.len() / 2 =>
            {
                let mut narrowed = matched.clone();
                narrowed.sort_unstable();
                narrowed
            }
            _ => (0..self.len() as u32).collect(),
        }
    }
}

/// The query with its matching mode, so a folded and an exact query never
/// narrow each other.
fn mode_key(query: &str, exact: bool) -> String {
    format!("{}{query}", if exact { '=' } else { '~' })
}

/// The best this many matches by the cheap score are scored again by
/// fuzzy-matcher, which orders them; the rest keep the cheap order (they
/// are far down the list, past any screen).
const REFINED: usize = 200;

/// Every candidate that holds the query as a subsequence, with a cheap
/// score, on every core.
fn cheap_scores(texts: &[Box<str>], candidates: &[u32], query: &str) -> Vec<Match> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if candidates.len() < PARALLEL_FROM || workers < 2 {
        return cheap_chunk(texts, candidates, query.as_bytes());
    }
    let chunk = candidates.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .map(|part| scope.spawn(move || cheap_chunk(texts, part, query.as_bytes())))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn cheap_chunk(texts: &[Box<str>], candidates: &[u32], needle: &[u8]) -> Vec<Match> {
    candidates
        .iter()
        .filter_map(|&i| {
            let score = cheap_score(texts[i as usize].as_bytes(), needle)?;
            Some(Match {
                index: i as usize,
                score,
            })
        })
        .collect()
}

/// Whole query at a word start beats the whole query inside a word, which
/// beats scattered letters; earlier beats later (names come first).
fn cheap_score(text: &[u8], needle: &[u8]) -> Option<i64> {
    if !is_subsequence(needle, text) {
        return None;
    }
    let (tier, at) = match memchr::memmem::find(text, needle) {
        Some(0) => (3, 0),
        Some(at) if !text[at - 1].is_ascii_alphanumeric() => (3, at),
        Some(at) => (2, at),
        None => (1, memchr::memchr(needle[0], text).unwrap_or(0)),
    };
    Some(tier * 100_000 - at.min(99_999) as i64)
}

/// Best first: the top matches by cheap score re-scored by fuzzy-matcher.
fn rank(texts: &[Box<str>], mut found: Vec<Match>, query: &str) -> Vec<Match> {
    let by_score = |a: &Match, b: &Match| b.score.cmp(&a.score).then(a.index.cmp(&b.index));
    if found.len() > REFINED {
        found.select_nth_unstable_by(REFINED, by_score);
    }
    let split = found.len().min(REFINED);
    let matcher = SkimMatcherV2::default().respect_case();
    let mut top: Vec<(i64, Match)> = found[..split]
        .iter()
        .filter_map(|m| Some((matcher.fuzzy_match(&texts[m.index], query)?, *m)))
        .collect();
    top.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(by_score(&a.1, &b.1)));
    let mut rest = found.split_off(split);
    rest.sort_unstable_by(by_score);
    top.into_iter()
        .map(|(score, m)| Match { score, ..m })
        .chain(rest)
        .collect()
}

/// Do the needle's bytes occur in the haystack in order? (A fuzzy match
/// needs at least that; most candidates fail here, cheaply.)
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
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
        let matched: String = h
            .positions(m.index, "vast")
            .iter()
            .map(|&i| chars[i])
            .collect();
        assert_eq!(matched.to_lowercase(), "väst");
    }

    #[test]
    fn narrowing_gives_what_a_fresh_search_gives() {
        let texts: Vec<String> = (0..30_000)
            .map(|i| format!("projekt {i} inkluderande {}", i % 7))
            .collect();
        let typed = Haystacks::new(&texts);
        let fresh = Haystacks::new(&texts);
        for q in ["i", "in", "ink", "inkl", "inkl 3", "inkl 3 x"] {
            typed.filter(q);
        }
        assert_eq!(typed.filter("inkl 3 x9"), fresh.filter("inkl 3 x9"));
        typed.filter("ink");
        assert_eq!(
            typed.filter("inkl 5"),
            fresh.filter("inkl 5"),
            "after a shorter query too"
        );
        assert_eq!(
            typed.filter("ö"),
            fresh.filter("ö"),
            "an exact query does not narrow a folded one"
        );
    }

    #[test]
    fn subsequences() {
        assert!(is_subsequence(b"ink", b"inkluderande"));
        assert!(is_subsequence(b"irg", b"inkluderande rehabilitering"));
        assert!(!is_subsequence(b"zz", b"inkluderande"));
        assert!(is_subsequence(b"", b"x"));
    }
}
