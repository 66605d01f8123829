//! Why a project matched: the field, the text and the matched characters
//! of each term, for the rows on screen.

use super::{Field, FieldIndex, Reason};
use crate::search::matcher::{self, Hit, Needle};
use crate::search::query::{Query, Term};
use std::cell::RefCell;

/// Where a term is found: the field, and the shared value (None for the
/// name and the diarienummer).
pub type Place = (Field, Option<u32>);

/// A query made ready to explain many rows: each term's searcher made
/// once, and each shared value (an organisation many projects name)
/// matched once per term, not once per row it is in.
pub struct Explainer<'f, 'a> {
    fields: &'f FieldIndex,
    query: &'a Query,
    /// Per group, per term: its searcher (None for an excluded term).
    needles: Vec<Vec<Option<Needle>>>,
    /// Per term (in the order of `needles`, flattened): each shared
    /// value's hit, once worked out.
    shared: RefCell<Vec<Vec<Option<Option<Hit>>>>>,
}

impl<'f, 'a> Explainer<'f, 'a> {
    pub fn new(fields: &'f FieldIndex, query: &'a Query) -> Explainer<'f, 'a> {
        let needles: Vec<Vec<Option<Needle>>> = query
            .groups
            .iter()
            .map(|g| {
                let ready = |t: &Term| (!t.negated).then(|| Needle::new(t));
                g.iter().map(ready).collect()
            })
            .collect();
        let terms = needles.iter().map(Vec::len).sum();
        Explainer {
            fields,
            query,
            needles,
            shared: RefCell::new(vec![Vec::new(); terms]),
        }
    }

    /// Why a project (named `name`, with diarienummer or key `id`)
    /// matched: for each term it has, the field and text where it is best
    /// found, with the matched characters (terms found in the same text
    /// share one reason); and the terms that may be in texts, of groups
    /// none of whose terms is in its fields (what a text match must
    /// explain; excluded terms among them).
    pub fn explain(&self, index: usize, name: &str, id: &str) -> (Vec<Reason>, Vec<&'a Term>) {
        let mut reasons: Vec<Reason> = Vec::new();
        let mut missing = Vec::new();
        self.each_best(index, &mut missing, &mut |term, (field, value), hit| {
            let text = match (field, value) {
                (_, Some(v)) => &*self.fields.shared_text[v as usize],
                (Field::Id, None) => id,
                _ => name,
            };
            let positions = self.fields.char_positions(field, index, value, term, hit);
            add_reason(&mut reasons, field, text, positions);
        });
        (reasons, missing)
    }

    /// Where [`Explainer::explain`] finds each term a project has, in the
    /// same order: the field, and the shared value (None for the name and
    /// the diarienummer), without the matched characters (a table of many
    /// rows shows none). `places` and `missing` are cleared first.
    pub fn places(&self, index: usize, places: &mut Vec<Place>, missing: &mut Vec<&'a Term>) {
        places.clear();
        missing.clear();
        self.each_best(index, missing, &mut |_, place, _| places.push(place));
    }

    /// The text of a place [`Explainer::places`] gives, for a project
    /// named `name` with diarienummer or key `id`.
    pub fn place_text<'t>(&'t self, place: Place, name: &'t str, id: &'t str) -> &'t str {
        match place {
            (_, Some(v)) => &self.fields.shared_text[v as usize],
            (Field::Id, None) => id,
            _ => name,
        }
    }

    /// Each term's best place in a project's fields, with its hit; the
    /// terms that may be in texts, of groups none of whose terms is in
    /// the fields, added to `missing`.
    fn each_best(
        &self,
        index: usize,
        missing: &mut Vec<&'a Term>,
        found: &mut dyn FnMut(&Term, Place, Hit),
    ) {
        let mut number = 0;
        for (group, needles) in self.query.groups.iter().zip(&self.needles) {
            let mut in_fields = false;
            for (term, needle) in group.iter().zip(needles) {
                let at = number;
                number += 1;
                let Some(needle) = needle else { continue };
                let shared = |v: u32| self.shared_hit(at, v, term, needle);
                let Some((field, value, hit)) =
                    self.fields
                        .best_hit(index, term, needle, [true, true], shared)
                else {
                    continue;
                };
                in_fields = true;
                found(term, (field, value), hit);
            }
            if !in_fields {
                missing.extend(group.iter().filter(|t| t.wants_text()));
            }
        }
    }

    /// A term's hit in a shared value, worked out on its first row.
    fn shared_hit(&self, at: usize, value: u32, term: &Term, needle: &Needle) -> Option<Hit> {
        let mut memo = self.shared.borrow_mut();
        let memo = &mut memo[at];
        if memo.is_empty() {
            memo.resize(self.fields.shared_text.len(), None);
        }
        let slot = memo.get_mut(value as usize)?;
        *slot.get_or_insert_with(|| self.fields.shared_hit(value, term, needle))
    }
}

/// Adds the term's positions to the reason of the same field and text, or
/// a reason of its own.
fn add_reason(reasons: &mut Vec<Reason>, field: Field, text: &str, positions: Vec<usize>) {
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

impl FieldIndex {
    /// Why a project matched: for each term it has, the field and text
    /// where it is best found, with the matched characters (terms found in
    /// the same text share one reason).
    pub fn explain(&self, index: usize, query: &Query, name: &str, id: &str) -> Vec<Reason> {
        Explainer::new(self, query).explain(index, name, id).0
    }

    /// The words of terms that may be in texts, of groups none of whose
    /// terms is in the project's fields: what a text match must explain.
    pub fn unexplained<'q>(&self, index: usize, query: &'q Query) -> Vec<&'q str> {
        let (_, missing) = Explainer::new(self, query).explain(index, "", "");
        missing.iter().map(|t| t.text.as_str()).collect()
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
