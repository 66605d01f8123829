//! A field index patched: the projects an import kept, copied as they
//! are, and those it added, in list order.

use super::super::layout::Layout;
use super::super::patch::Source;
use super::{FieldIndex, Link};

impl FieldIndex {
    /// The projects of `plan`, each from `base` or `added`; with how each
    /// shared value of `added` is numbered in the new index. Every value
    /// of `base` keeps its number.
    pub(in crate::search) fn merged(
        base: &FieldIndex,
        added: &FieldIndex,
        plan: &[Source],
    ) -> (FieldIndex, Vec<u32>) {
        let mut merged = FieldIndex::default();
        for at in 0..base.shared_text.len() {
            merged.shared.push_from(&base.shared, at);
        }
        merged.shared_text = base.shared_text.clone();
        merged.shared_at = base.shared_at.clone();
        let numbers: Vec<u32> = added
            .shared_text
            .iter()
            .map(|text| merged.shared_value(text))
            .collect();
        for &source in plan {
            let (from, index) = match source {
                Source::Base(i) => (base, i),
                Source::Added(i) => (added, i),
            };
            merged.names.push_from(&from.names, index);
            merged.ids.push_from(&from.ids, index);
            let links = from.links_of(index);
            match source {
                Source::Base(_) => merged.links.extend_from_slice(links),
                Source::Added(_) => merged.links.extend(
                    links
                        .iter()
                        .map(|l| Link::new(l.field(), numbers[l.value() as usize])),
                ),
            }
            merged.link_ends.push(merged.links.len() as u32);
        }
        merged.shrink_to_fit();
        (merged, numbers)
    }

    /// The projects of a tail put in where `layout` says, those it leaves
    /// out taken out, in place; with how each shared value of `tail` is
    /// numbered here now (every value kept here keeps its number).
    pub(in crate::search) fn take_tail(
        &mut self,
        tail: FieldIndex,
        layout: &Layout,
    ) -> Option<Vec<u32>> {
        let numbers: Vec<u32> = (tail.shared_text.iter())
            .map(|text| self.shared_value(text))
            .collect();
        self.shared.last = Default::default();
        let links: Vec<Link> = (tail.links.iter())
            .map(|l| Some(Link::new(l.field(), *numbers.get(l.value() as usize)?)))
            .collect::<Option<_>>()?;
        layout.merge_haystacks(&mut self.names, tail.names)?;
        layout.merge_haystacks(&mut self.ids, tail.ids)?;
        layout.merge_runs(
            &mut self.links,
            &mut self.link_ends,
            &links,
            &tail.link_ends,
        )?;
        Some(numbers)
    }
}
