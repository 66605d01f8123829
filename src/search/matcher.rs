//! Where one term sits in one field's text, and how well: the whole field,
//! its start, a word start, inside a word (a fuzzy term of five letters or
//! more), or (six letters or more) a word that starts with the term but
//! for a typo or two. Never letters scattered over the field.

use super::fold;
use super::query::{Mode, Term};
use memchr::memmem;

/// A term found in a text: its score and the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub score: i64,
    pub start: usize,
    pub end: usize,
}

/// Scores by how a person would rank the places a term is found.
pub const WHOLE: i64 = 1000;
pub const FIELD_START: i64 = 900;
pub const FIELD_END: i64 = 850;
pub const WORD_START: i64 = 800;
pub const INSIDE_WORD: i64 = 500;
/// A word start with one typo; each further typo costs as much again.
pub const ONE_TYPO: i64 = 300;
const TYPO_COST: i64 = 100;

/// Fuzzy terms shorter than this match only at a word start: "lund" is
/// not looked for inside Frölunda, "arbetsmarknad" is inside compounds.
const INSIDE_FROM: usize = 5;
/// Terms at least this long may have a typo; this long, two. Shorter
/// terms with a typo match too many other words ("malmo" would be
/// "malma"), and the pieces a near word must hold would be two letters,
/// which nearly every name has.
const TYPO_FROM: usize = 6;
const TWO_TYPOS_FROM: usize = 10;
/// Longer terms are not typed by hand: they must stand as they are (and
/// the edit-distance table stays on the stack).
const TYPOS_UP_TO: usize = 48;

/// A term made ready to be looked for in many texts: its searcher and,
/// for typos, its letters and the pieces one of which a near word holds.
pub struct Needle {
    finder: memmem::Finder<'static>,
    letters: Vec<char>,
    /// Typos allowed, and the pieces (None: no typos for this term).
    typos: Option<(usize, Vec<memmem::Finder<'static>>)>,
    /// What a folded text must hold to be worth a look: the term, or one
    /// of its pieces when typos are allowed.
    scan: Vec<memmem::Finder<'static>>,
}

impl Needle {
    pub fn new(term: &Term) -> Needle {
        let letters: Vec<char> = term.text.chars().collect();
        let allowed = match letters.len() {
            n if n > TYPOS_UP_TO => 0,
            n if n >= TWO_TYPOS_FROM => 2,
            n if n >= TYPO_FROM => 1,
            _ => 0,
        };
        let finder = |text: &str| memmem::Finder::new(text.as_bytes()).into_owned();
        let typos = (allowed > 0 && term.mode == Mode::Fuzzy).then(|| {
            let pieces: Vec<String> = pieces(&letters, allowed + 1).collect();
            (allowed, pieces)
        });
        let scan = match &typos {
            Some((_, pieces)) => pieces.iter().map(|p| finder(&fold(p))).collect(),
            None => vec![finder(&fold(&term.text))],
        };
        Needle {
            finder: finder(&term.text),
            letters,
            typos: typos.map(|(n, pieces)| (n, pieces.iter().map(|p| finder(p)).collect())),
            scan,
        }
    }

    /// What a folded text must hold for the term to match in it.
    pub fn scan(&self) -> &[memmem::Finder<'static>] {
        &self.scan
    }
}

/// Finds `term` in `text` (lower-cased, and folded unless the term has
/// å/ä/ö and the like).
pub fn find(term: &Term, text: &str) -> Option<Hit> {
    find_with(term, &Needle::new(term), text)
}

/// [`find`] with the term made ready once for many texts.
pub fn find_with(term: &Term, needle: &Needle, text: &str) -> Option<Hit> {
    let t = term.text.as_str();
    let hit = |score, start| Hit {
        score,
        start,
        end: start + t.len(),
    };
    match term.mode {
        Mode::Whole => (text == t).then(|| hit(WHOLE, 0)),
        Mode::Prefix => text.starts_with(t).then(|| hit(FIELD_START, 0)),
        Mode::Suffix => text
            .ends_with(t)
            .then(|| hit(FIELD_END, text.len() - t.len())),
        Mode::Exact => contiguous(needle, t, text, 1),
        Mode::Fuzzy => {
            contiguous(needle, t, text, INSIDE_FROM).or_else(|| with_typos(needle, text))
        }
    }
}

/// The best place the term stands as it is: the whole text, its start, a
/// word start, or inside a word (for terms of `inside_from` chars or more).
fn contiguous(needle: &Needle, t: &str, text: &str, inside_from: usize) -> Option<Hit> {
    let mut inside = None;
    for start in needle.finder.find_iter(text.as_bytes()) {
        let score = match start {
            0 if t.len() == text.len() => WHOLE,
            0 => FIELD_START,
            _ if is_word_start(text, start) => WORD_START,
            _ => {
                inside = inside.or(Some(start));
                continue;
            }
        };
        return Some(Hit {
            score,
            start,
            end: start + t.len(),
        });
    }
    let start = inside.filter(|_| t.chars().count() >= inside_from)?;
    Some(Hit {
        score: INSIDE_WORD,
        start,
        end: start + t.len(),
    })
}

fn is_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A word that begins with the term but for one typo (two for long terms):
/// a letter wrong, missing, extra or two swapped.
fn with_typos(needle: &Needle, text: &str) -> Option<Hit> {
    let (allowed, pieces) = needle.typos.as_ref()?;
    let (allowed, term) = (*allowed, &needle.letters);
    // A word within `allowed` typos holds one of `allowed + 1` pieces of
    // the term exactly: texts with none are passed over cheaply.
    if !pieces.iter().any(|p| p.find(text.as_bytes()).is_some()) {
        return None;
    }
    let mut best: Option<Hit> = None;
    // The first letter is taken as typed: "ohälsa" is not "hälsa".
    let starts = text
        .char_indices()
        .filter(|&(i, c)| c == term[0] && is_word_start(text, i));
    for (start, _) in starts {
        let Some((typos, len)) = prefix_distance(term, &text[start..], allowed) else {
            continue;
        };
        let score = ONE_TYPO - TYPO_COST * (typos as i64 - 1);
        if best.is_none_or(|b| score > b.score) {
            best = Some(Hit {
                score,
                start,
                end: start + len,
            });
        }
    }
    best
}

/// The term cut into `n` pieces of about equal length.
fn pieces(term: &[char], n: usize) -> impl Iterator<Item = String> + '_ {
    let size = term.len() / n;
    (0..n).map(move |i| {
        let end = if i + 1 == n {
            term.len()
        } else {
            (i + 1) * size
        };
        term[i * size..end].iter().collect()
    })
}

/// The fewest typos (at most `allowed`, and at least one) between the term
/// and a start of `text`, with the bytes of that start. Swapped neighbours
/// count as one typo.
fn prefix_distance(term: &[char], text: &str, allowed: usize) -> Option<(usize, usize)> {
    const ROW: usize = TYPOS_UP_TO + 3;
    let mut word = [' '; ROW];
    let mut taken = 0;
    for (slot, c) in word.iter_mut().zip(text.chars().take(term.len() + allowed)) {
        *slot = c;
        taken += 1;
    }
    let width = taken + 1;
    // Three rows of the table: typos between term[..i] and word[..j].
    let (mut before, mut above, mut row) = ([0u8; ROW], [0u8; ROW], [0u8; ROW]);
    for (j, cell) in above.iter_mut().enumerate().take(width) {
        *cell = j as u8;
    }
    for i in 1..=term.len() {
        row[0] = i as u8;
        for j in 1..width {
            let same = term[i - 1] == word[j - 1];
            let mut d = (above[j - 1] + u8::from(!same))
                .min(above[j] + 1)
                .min(row[j - 1] + 1);
            if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        // Every way on already has too many typos (a swap looks back one
        // row, so both rows must be past hope).
        let hopeless = |r: &[u8]| r[..width].iter().all(|&d| d as usize > allowed);
        if hopeless(&row) && hopeless(&above) {
            return None;
        }
        (before, above) = (above, row);
    }
    // The word's start is the term's length but for one letter at most:
    // "psykiska" is not "psykia…" with two letters left out.
    let shortest = term.len().saturating_sub(1).max(1);
    let (j, typos) = (shortest..width)
        .map(|j| (j, above[j] as usize))
        .min_by_key(|&(j, d)| (d, usize::MAX - j))?;
    if typos == 0 || typos > allowed {
        // No typo means the term stands as it is, which `contiguous` found
        // or refused (a short term inside a word).
        return None;
    }
    let end = text
        .char_indices()
        .nth(j - 1)
        .map(|(at, c)| at + c.len_utf8())?;
    Some((typos, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Query;

    fn score(query: &str, text: &str) -> Option<i64> {
        let q = Query::parse(query);
        find(&q.groups[0][0], text).map(|h| h.score)
    }

    fn found(query: &str, text: &str) -> Option<String> {
        let q = Query::parse(query);
        find(&q.groups[0][0], text).map(|h| text[h.start..h.end].to_string())
    }

    #[test]
    fn places_rank_as_a_reader_would() {
        assert_eq!(score("vellinge", "vellinge"), Some(WHOLE));
        assert_eq!(score("vellinge", "vellinge kommun"), Some(FIELD_START));
        assert_eq!(score("vellinge", "nya vägar i vellinge"), Some(WORD_START));
        assert_eq!(score("teborg", "göteborgs stad"), Some(INSIDE_WORD));
        assert_eq!(
            score("lund", "frölunda"),
            None,
            "short terms only at word starts"
        );
        assert_eq!(
            score("'lund", "frölunda"),
            Some(INSIDE_WORD),
            "unless exact"
        );
        assert_eq!(
            score("te", "göteborgs stad"),
            None,
            "short terms only at word starts"
        );
        assert_eq!(
            score("go", "göteborgs stad"),
            None,
            "folded text is given by the caller"
        );
    }

    #[test]
    fn letters_scattered_over_a_field_never_match() {
        assert_eq!(
            score("vellinge", "västra götalandsregionen, lindesberg"),
            None
        );
        assert_eq!(score("rehab", "arbetsförmedlingen halland bäckebol"), None);
        assert_eq!(score("malmo", "digitala steg jamtland, malung"), None);
    }

    #[test]
    fn a_typo_or_two_at_a_word_start() {
        assert_eq!(
            found("efektbutik", "effektbutiken i ale"),
            Some("effektbutik".into())
        );
        assert_eq!(
            found("stegvs", "stegvis in i arbete"),
            Some("stegvis".into())
        );
        assert_eq!(found("möte", "mote i ale"), None, "ö is exact");
        assert_eq!(
            found("arbetsfomredlingen", "arbetsformedlingen"),
            Some("arbetsformedlingen".into()),
            "two letters swapped"
        );
        assert_eq!(score("stegvs", "stegvis"), Some(ONE_TYPO));
        assert_eq!(score("lund", "land"), None, "short words need every letter");
        assert_eq!(score("malmo", "malma"), None, "so do five letters");
        assert_eq!(
            score("malmoe", "malmo stad"),
            Some(ONE_TYPO),
            "six may have one"
        );
        assert_eq!(score("vellinge", "malmö"), None);
        assert_eq!(
            score("psykiska", "psykiatrin"),
            None,
            "not two letters short"
        );
        assert_eq!(
            score("ohälsa", "arbetsliv och hälsa"),
            None,
            "the first letter counts"
        );
    }

    #[test]
    fn anchors_and_exact_terms() {
        assert_eq!(score("^nya", "nya vägar i vellinge"), Some(FIELD_START));
        assert_eq!(score("^vägar", "nya vägar i vellinge"), None);
        assert_eq!(score("inge$", "nya vägar i vellinge"), Some(FIELD_END));
        assert_eq!(score("^ale$", "ale"), Some(WHOLE));
        assert_eq!(
            score("'efektbutik", "effektbutiken"),
            None,
            "exact: no typo"
        );
        assert_eq!(
            score("'ek", "effektbutiken"),
            Some(INSIDE_WORD),
            "exact: anywhere"
        );
    }
}
