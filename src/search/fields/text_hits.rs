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
    /// Per term: project index to its score (best found first, scored
    /// highest, all below any field match).
    found: HashMap<(usize, usize), HashMap<usize, i64>>,
}

/// Text matches score below every field match.
const TEXT: i64 = 100;
const TEXT_RANKS: i64 = 48;

/// The text matches ranked by BM25 (the rest come in the cache's order).
pub const RANKED_TEXTS: usize = 200;

impl TextHits {
    /// The projects found for a term, the best [`RANKED_TEXTS`] first by
    /// rank: those score by their rank, the rest alike (ties go by name).
    pub fn insert(&mut self, group: usize, term: usize, best_first: &[usize]) {
        let ranked = RANKED_TEXTS as i64;
        let scored = best_first.iter().enumerate().map(|(rank, &index)| {
            let left = (ranked - rank as i64).max(0);
            let bonus = if left > 0 {
                1 + TEXT_RANKS * left / ranked
            } else {
                0
            };
            (index, TEXT + bonus)
        });
        self.found.entry((group, term)).or_default().extend(scored);
    }

    pub(super) fn score(&self, group: usize, term: usize, index: usize) -> Option<i64> {
        self.found.get(&(group, term))?.get(&index).copied()
    }

    /// Marks the projects found for a term.
    pub(super) fn mark(&self, group: usize, term: usize, into: &mut Bits) {
        for &index in self
            .found
            .get(&(group, term))
            .into_iter()
            .flat_map(|f| f.keys())
        {
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
