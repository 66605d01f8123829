//! Projects found by the full-text index for the terms that may match in
//! texts, scored below every field match.

use super::Field;
use crate::search::candidates::Bits;
use crate::search::query::{Mode, Query, Term};
use std::collections::HashMap;

/// Projects whose texts hold a term, found by the full-text index, for
/// each (group, term) of a query that may match in texts.
#[derive(Debug, Default)]
pub struct TextHits {
    /// Per term: each project's score above [`TEXT`], plus one (0: not
    /// found), by project index: a byte a project, where a map of a
    /// common word's million matches took 34 MB.
    found: HashMap<(usize, usize), Vec<u8>>,
}

/// Text matches score below every field match.
const TEXT: i64 = 100;
const TEXT_RANKS: i64 = 48;

/// The best a text match scores: a field match scoring more is listed
/// before every text match.
pub const BEST_TEXT: i64 = TEXT + TEXT_RANKS + 1;

/// The text matches ranked by BM25 (the rest come in the cache's order).
pub const RANKED_TEXTS: usize = 200;

impl TextHits {
    /// The projects found for a term, the best [`RANKED_TEXTS`] first by
    /// rank: those score by their rank, the rest alike (ties go by name).
    pub fn insert(&mut self, group: usize, term: usize, best_first: &[usize]) {
        let ranked = RANKED_TEXTS as i64;
        let scores = self.found.entry((group, term)).or_default();
        if let Some(&largest) = best_first.iter().max() {
            if scores.len() <= largest {
                scores.resize(largest + 1, 0);
            }
        }
        for (rank, &index) in best_first.iter().enumerate() {
            let left = (ranked - rank as i64).max(0);
            let bonus = if left > 0 {
                1 + TEXT_RANKS * left / ranked
            } else {
                0
            };
            scores[index] = bonus as u8 + 1;
        }
    }

    /// A project's score for a term its texts hold; None where they do not.
    pub fn score(&self, group: usize, term: usize, index: usize) -> Option<i64> {
        let scores = self.found.get(&(group, term))?;
        let stored = *scores.get(index)?;
        (stored > 0).then(|| TEXT + i64::from(stored) - 1)
    }

    /// Marks the projects found for a term.
    pub(super) fn mark(&self, group: usize, term: usize, into: &mut Bits) {
        let scores = self.found.get(&(group, term)).into_iter().flatten();
        for (index, _) in scores.enumerate().filter(|(_, &s)| s > 0) {
            if index < into.len() {
                into.set(index);
            }
        }
    }
}

impl Query {
    /// The terms to look for in texts too: (group, term, words).
    pub fn text_terms(&self) -> Vec<(usize, usize, &str)> {
        let mut wanted = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            for (t, term) in group.iter().enumerate() {
                if term.wants_text() {
                    wanted.push((g, t, term.text.as_str()));
                }
            }
        }
        wanted
    }
}

impl Term {
    /// Texts are searched for whole words of a term that is not anchored
    /// to a field's start or end, or limited to other fields. An excluded
    /// term is too: it leaves out whatever the term alone would find.
    pub(super) fn wants_text(&self) -> bool {
        let anywhere = matches!(self.mode, Mode::Fuzzy | Mode::Exact);
        let allowed = self.fields.is_none_or(|f| f.contains(&Field::Text));
        anywhere && allowed
    }
}
