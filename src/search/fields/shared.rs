//! A query made ready for every project: each term's hit in each shared
//! value (once per query), its searcher, and the projects that could hold
//! it at all, so only those are scored.

use super::{Field, FieldIndex, TextHits};
use crate::search::candidates::Bits;
use crate::search::matcher::{self, Hit, Needle};
use crate::search::query::{Query, Term};

/// A query made ready: per group, per term.
pub(super) struct Prepared<'a> {
    terms: Vec<Vec<PreparedTerm>>,
    pub text: &'a TextHits,
}

/// One term made ready.
pub(super) struct PreparedTerm {
    pub needle: Needle,
    /// A hit per shared value.
    pub shared: Vec<Option<Hit>>,
    /// Projects whose name, or whose diarienummer, could hold the term.
    pub in_name: Bits,
    pub in_id: Bits,
    /// Projects any of whose fields could hold it.
    pub anywhere: Bits,
}

impl<'a> Prepared<'a> {
    /// The query made ready, term by term; None once `stop` says so.
    pub fn new_until(
        index: &FieldIndex,
        query: &Query,
        text: &'a TextHits,
        stop: &dyn Fn() -> bool,
    ) -> Option<Prepared<'a>> {
        let mut terms = Vec::new();
        for group in &query.groups {
            let mut ready = Vec::new();
            for term in group {
                if stop() {
                    return None;
                }
                ready.push(index.prepare(term));
            }
            terms.push(ready);
        }
        Some(Prepared { terms, text })
    }

    pub fn term(&self, group: usize, term: usize) -> &PreparedTerm {
        &self.terms[group][term]
    }

    /// The projects that could match the query: in every group, one that
    /// could hold an alternative in its fields or was found in its texts.
    /// A group with an excluded term may match where nothing is found.
    pub fn candidates(&self, query: &Query, len: usize) -> Bits {
        let mut all: Option<Bits> = None;
        for (g, group) in query.groups.iter().enumerate() {
            if group.iter().any(|t| t.negated) {
                continue;
            }
            let mut either = Bits::none(len);
            for (t, prepared) in self.terms[g].iter().enumerate() {
                either.or_with(&prepared.anywhere);
                self.text.mark(g, t, &mut either);
            }
            match &mut all {
                Some(bits) => bits.and_with(&either),
                None => all = Some(either),
            }
        }
        all.unwrap_or_else(|| Bits::all(len))
    }
}

impl FieldIndex {
    fn prepare(&self, term: &Term) -> PreparedTerm {
        let needle = Needle::new(term);
        let allows = |f: Field| term.fields.is_none_or(|fs| fs.contains(&f));
        let mut in_name = Bits::none(self.len());
        if allows(Field::Name) {
            self.names.holding(needle.scan(), &mut in_name);
        }
        let mut in_id = Bits::none(self.len());
        if allows(Field::Id) {
            self.ids.holding(needle.scan(), &mut in_id);
        }
        let shared = self.shared_hits_for(term, &needle);
        let mut anywhere = in_name.clone();
        anywhere.or_with(&in_id);
        if shared.iter().any(Option::is_some) {
            self.mark_linked(&shared, allows, &mut anywhere);
        }
        PreparedTerm {
            needle,
            shared,
            in_name,
            in_id,
            anywhere,
        }
    }

    /// Each shared value's hit for one term.
    fn shared_hits_for(&self, term: &Term, needle: &Needle) -> Vec<Option<Hit>> {
        let mut holding = Bits::none(self.shared.len());
        self.shared.holding(needle.scan(), &mut holding);
        let mut hits = vec![None; self.shared.len()];
        for v in holding.indices() {
            hits[v] = self.shared.with_text(v, term.exact_letters, |t| {
                matcher::find_with(term, needle, t)
            });
        }
        hits
    }

    /// Marks the projects holding a shared value that has a hit, in a
    /// field the term may match in.
    fn mark_linked(&self, hits: &[Option<Hit>], allows: impl Fn(Field) -> bool, into: &mut Bits) {
        // A bit per value stays in the fastest cache; the hits do not.
        let mut hit = Bits::none(hits.len());
        hits.iter()
            .enumerate()
            .filter(|(_, h)| h.is_some())
            .for_each(|(v, _)| hit.set(v));
        let mut start = 0;
        for (index, &end) in self.link_ends.iter().enumerate() {
            let end = end as usize;
            let links = &self.links[start..end];
            if links
                .iter()
                .any(|&l| hit.has(l.value() as usize) && allows(l.field()))
            {
                into.set(index);
            }
            start = end;
        }
    }
}
