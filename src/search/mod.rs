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

pub mod candidates;
pub mod columns;
pub mod field;
pub mod fields;
pub mod index;
mod layout;
pub mod matcher;
pub mod near_keys;
pub mod orgs;
mod patch;
pub mod query;
pub mod similar;
pub mod snippet;
pub mod stem;
pub mod tail;
mod texts;
pub mod wire;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::cell::RefCell;
use std::sync::Mutex;
use texts::Texts;

/// Candidates ready for matching, kept once: lower-cased and folded, with
/// the few letters folding changed noted beside, so the lower-cased text
/// an exact query needs can be rebuilt (half the memory of two copies).
#[derive(Debug, Default)]
pub struct Haystacks {
    folded: Texts,
    /// Per candidate, a run of (byte offset in its folded text, the
    /// lower-case letter that was there); `unfolded_ends` ends each run.
    unfolded: Vec<(u32, char)>,
    unfolded_ends: Vec<u32>,
    /// The previous query and the candidates it matched.
    last: Mutex<Option<(String, Vec<u32>)>>,
}

thread_local! {
    /// Where a candidate's lower-cased text is rebuilt for an exact query.
    static UNFOLDED: RefCell<String> = const { RefCell::new(String::new()) };
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
        let mut haystacks = Haystacks::default();
        for text in texts {
            haystacks.push(text.as_ref());
        }
        haystacks.shrink_to_fit();
        haystacks
    }

    /// Adds one candidate (its index is the number added before it).
    pub fn push(&mut self, text: &str) {
        let (start, noted) = (self.folded.bytes.len(), self.unfolded.len());
        for c in text.chars() {
            let lower = lower_char(c);
            let folded = fold_char(lower);
            if folded != lower {
                let at = (self.folded.bytes.len() - start) as u32;
                self.unfolded.push((at, lower));
            }
            self.folded.bytes.push(folded);
        }
        let ends = (self.folded.bytes.len(), self.unfolded.len());
        match (u32::try_from(ends.0), u32::try_from(ends.1)) {
            (Ok(end), Ok(noted_end)) => {
                self.folded.ends.push(end);
                self.unfolded_ends.push(noted_end);
            }
            // Past 4 GB of text (never met) the candidate is kept empty.
            _ => {
                self.folded.bytes.truncate(start);
                self.unfolded.truncate(noted);
                self.folded.ends.push(start as u32);
                self.unfolded_ends.push(noted as u32);
            }
        }
    }

    /// Adds candidate `index` of `other` as it is there (a patched index
    /// copies its kept projects without folding them again).
    fn push_from(&mut self, other: &Haystacks, index: usize) {
        self.folded.push(other.folded.get(index));
        let from = match index {
            0 => 0,
            _ => other.unfolded_ends[index - 1] as usize,
        };
        let run = &other.unfolded[from..other.unfolded_ends[index] as usize];
        self.unfolded.extend_from_slice(run);
        self.unfolded_ends.push(self.unfolded.len() as u32);
    }

    /// Gives back memory reserved for more candidates.
    pub fn shrink_to_fit(&mut self) {
        self.folded.bytes.shrink_to_fit();
        self.folded.ends.shrink_to_fit();
        self.unfolded.shrink_to_fit();
        self.unfolded_ends.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with candidate `index` as a query sees it: folded, or
    /// lower-cased for an exact query.
    fn with_text<R>(&self, index: usize, exact: bool, f: impl FnOnce(&str) -> R) -> R {
        let folded = self.folded.get(index);
        if !exact {
            return f(folded);
        }
        let from = if index == 0 {
            0
        } else {
            self.unfolded_ends[index - 1] as usize
        };
        let changed = &self.unfolded[from..self.unfolded_ends[index] as usize];
        if changed.is_empty() {
            return f(folded);
        }
        UNFOLDED.with_borrow_mut(|text| {
            text.clear();
            let mut rest = 0;
            for &(at, letter) in changed {
                text.push_str(&folded[rest..at as usize]);
                text.push(letter);
                // Folding always gives one ASCII letter, one byte.
                rest = at as usize + 1;
            }
            text.push_str(&folded[rest..]);
            f(text)
        })
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
        let found = self.rank(self.cheap_scores(&candidates, &query, exact), &query, exact);
        let matched = found.iter().map(|m| m.index as u32).collect();
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((mode_key(&query, exact), matched));
        found
    }

    /// Which characters of candidate `index` the query matches (char
    /// positions), for highlighting.
    pub fn positions(&self, index: usize, query: &str) -> Vec<usize> {
        let query = lower_case(query.trim());
        if query.is_empty() || index >= self.len() {
            return Vec::new();
        }
        let exact = query.chars().any(is_foldable);
        let matcher = SkimMatcherV2::default().respect_case();
        self.with_text(index, exact, |text| matcher.fuzzy_indices(text, &query))
            .map(|(_, positions)| positions)
            .unwrap_or_default()
    }

    /// Every candidate that holds the query as a subsequence, with a cheap
    /// score, on every core.
    fn cheap_scores(&self, candidates: &[u32], query: &str, exact: bool) -> Vec<Match> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        if candidates.len() < PARALLEL_FROM || workers < 2 {
            return self.cheap_chunk(candidates, query, exact);
        }
        let chunk = candidates.len().div_ceil(workers);
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| scope.spawn(move || self.cheap_chunk(part, query, exact)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    fn cheap_chunk(&self, candidates: &[u32], query: &str, exact: bool) -> Vec<Match> {
        // An exact query's folded form rejects most candidates unrebuilt.
        let folded_query = fold(query);
        candidates
            .iter()
            .filter_map(|&i| {
                let index = i as usize;
                let folded = self.folded.get(index).as_bytes();
                if exact && !is_subsequence(folded_query.as_bytes(), folded) {
                    return None;
                }
                let score = self.with_text(index, exact, |t| {
                    cheap_score(t.as_bytes(), query.as_bytes())
                })?;
                Some(Match { index, score })
            })
            .collect()
    }

    /// Best first: the top matches by cheap score re-scored by fuzzy-matcher.
    fn rank(&self, mut found: Vec<Match>, query: &str, exact: bool) -> Vec<Match> {
        let by_score = |a: &Match, b: &Match| b.score.cmp(&a.score).then(a.index.cmp(&b.index));
        if found.len() > REFINED {
            found.select_nth_unstable_by(REFINED, by_score);
        }
        let split = found.len().min(REFINED);
        let matcher = SkimMatcherV2::default().respect_case();
        let mut top: Vec<(i64, Match)> = found[..split]
            .iter()
            .filter_map(|m| {
                let score = self.with_text(m.index, exact, |t| matcher.fuzzy_match(t, query))?;
                Some((score, *m))
            })
            .collect();
        top.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(by_score(&a.1, &b.1)));
        let mut rest = found.split_off(split);
        rest.sort_unstable_by(by_score);
        top.into_iter()
            .map(|(score, m)| Match { score, ..m })
            .chain(rest)
            .collect()
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
/// Lower case and, unless it has å/ä/ö and the like, folded: the form in
/// which a value typed by the user is compared with a stored one.
pub fn as_typed(s: &str) -> String {
    let lower = lower_case(s.trim());
    match lower.chars().any(is_foldable) {
        true => lower,
        false => fold(&lower),
    }
}

/// A stored value in the form a value typed as [`as_typed`] is compared
/// with: lower case, and folded unless `typed` has å/ä/ö.
pub fn comparable(stored: &str, typed: &str) -> String {
    let lower = lower_case(stored.trim());
    match typed.chars().any(is_foldable) {
        true => lower,
        false => fold(&lower),
    }
}

/// Does a stored value equal one typed, as [`as_typed`] compares them?
pub fn same_as_typed(stored: &str, typed: &str) -> bool {
    comparable(stored, typed) == typed
}

/// The values most like one typed, best first: each word of it found in
/// the value as the search box finds it (a typo allowed).
pub fn nearest<'a>(typed: &str, values: &[&'a str], limit: usize) -> Vec<&'a str> {
    let query = query::Query::parse(typed);
    let mut scored: Vec<(i64, &str)> = values
        .iter()
        .filter_map(|v| {
            let lower = lower_case(v);
            let folded = fold(&lower);
            let mut total = 0;
            for term in query.positive_terms() {
                let text = if term.exact_letters { &lower } else { &folded };
                total += matcher::find(term, text)?.score;
            }
            Some((total, *v))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, v)| v).collect()
}

fn lower_case(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn is_foldable(c: char) -> bool {
    fold_char(c) != c
}

/// Folds to one ASCII letter or leaves the char as it is.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
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

/// Folded as the full-text index folds (å → a, ö → o, é → e, …).
pub fn fold(s: &str) -> String {
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
