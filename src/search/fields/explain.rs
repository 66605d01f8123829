//! Why a project matched: the field, the text and the matched characters
//! of each term, for the rows on screen.

use super::{Field, FieldIndex, Reason};
use crate::search::matcher::{self, Hit, Needle};
use crate::search::query::{Query, Term};

impl FieldIndex {
    /// Why a project matched: for each term it has, the field and text
    /// where it is best found, with the matched characters (terms found in
    /// the same text share one reason).
    pub fn explain(&self, index: usize, query: &Query, name: &str, id: &str) -> Vec<Reason> {
        let mut reasons: Vec<Reason> = Vec::new();
        for term in query.positive_terms() {
            let needle = Needle::new(term);
            let shared = |v: u32| self.shared_hit(v, term, &needle);
            let Some((field, value, hit)) =
                self.best_hit(index, term, &needle, [true, true], shared)
            else {
                continue;
            };
            let text = match (field, value) {
                (_, Some(v)) => &*self.shared_text[v as usize],
                (Field::Id, None) => id,
                _ => name,
            };
            let positions = self.char_positions(field, index, value, term, hit);
            match reasons
                .iter_mut()
                .find(|r| r.field == field && r.text == text)
            {
                Some(reason) => {
                    reason.positions.extend(positions);
                    reason.positions.sort_unstable();
                    reason.positions.dedup();
                }
                None => reasons.push(Reason {
                    field,
                    text: text.to_string(),
                    positions,
                }),
            }
        }
        reasons
    }

    /// The words of terms that may be in texts, of groups none of whose
    /// terms is in the project's fields: what a text match must explain.
    pub fn unexplained<'q>(&self, index: usize, query: &'q Query) -> Vec<&'q str> {
        let in_fields = |t: &Term| {
            let needle = Needle::new(t);
            let shared = |v| self.shared_hit(v, t, &needle);
            !t.negated
                && self
                    .best_hit(index, t, &needle, [true, true], shared)
                    .is_some()
        };
        // A group is explained by any of its alternatives.
        let unexplained = query.groups.iter().filter(|g| !g.iter().any(in_fields));
        unexplained
            .flatten()
            .filter(|t| t.wants_text())
            .map(|t| t.text.as_str())
            .collect()
    }

    /// A term's hit in one shared value, with the term made ready once
    /// per row rather than once per value (this runs for every row drawn).
    fn shared_hit(&self, value: u32, term: &Term, needle: &Needle) -> Option<Hit> {
        let exact = term.exact_letters;
        self.shared.with_text(value as usize, exact, |t| {
            matcher::find_with(term, needle, t)
        })
    }

    /// The chars a hit covers, counted in the text the user sees.
    fn char_positions(
        &self,
        field: Field,
        index: usize,
        value: Option<u32>,
        term: &Term,
        hit: Hit,
    ) -> Vec<usize> {
        let haystacks = match (field, value) {
            (_, Some(_)) => &self.shared,
            (Field::Id, None) => &self.ids,
            _ => &self.names,
        };
        let at = value.map_or(index, |v| v as usize);
        haystacks.with_text(at, term.exact_letters, |t| {
            let first = t[..hit.start].chars().count();
            let count = t[hit.start..hit.end].chars().count();
            (first..first + count).collect()
        })
    }
}
