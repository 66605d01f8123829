//! The search box over projects' fields: each term must match within one
//! field (name, diarienummer, owner, an organisation, a municipality,
//! region, programme area, specific objective), and every match says which
//! field and text it was found in.
//!
//! Names and diarienummer are the project's own; the other values are
//! shared by many projects and kept once, so a term is matched against
//! each organisation or municipality once per query, not once per project.
//! Only projects that could hold every group's terms are scored.

mod explain;
mod merge;
mod score;
mod shared;
pub(in crate::search) mod stored;
mod text_hits;

pub use explain::Explainer;
pub use text_hits::{TextHits, BEST_TEXT, RANKED_TEXTS};

pub use super::field::Field;
use super::field::FIELDS;

use super::query::Query;
use super::{Haystacks, Match};
use serde::Serialize;
use shared::Prepared;
use std::collections::HashMap;

/// A project's link to a shared value, with the field it is in there, in
/// one number: the field in the top four bits (four bytes a link instead
/// of eight; a million projects have about thirteen million links).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Link(u32);

const VALUE_BITS: u32 = 28;

impl Link {
    fn new(field: Field, value: u32) -> Link {
        let number = FIELDS.iter().position(|&f| f == field).unwrap_or(0) as u32;
        Link(number << VALUE_BITS | value)
    }

    fn field(self) -> Field {
        FIELDS[(self.0 >> VALUE_BITS) as usize % FIELDS.len()]
    }

    fn value(self) -> u32 {
        self.0 & ((1 << VALUE_BITS) - 1)
    }
}

/// Why a project matched: a field, its text and the matched characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub field: Field,
    pub text: String,
    /// Char positions in `text`.
    pub positions: Vec<usize>,
}

/// Every project's searchable fields.
#[derive(Debug, Default)]
pub struct FieldIndex {
    names: Haystacks,
    ids: Haystacks,
    /// Values many projects share, each once.
    shared: Haystacks,
    shared_text: Vec<Box<str>>,
    shared_at: HashMap<Box<str>, u32>,
    /// Each project's shared values, with the field each is in there.
    links: Vec<Link>,
    link_ends: Vec<u32>,
}

/// Candidates scored between two looks at whether to stop (a few ms).
const SCORED_AT_ONCE: usize = 1 << 16;

/// Below this many projects one thread is quicker than starting more.
const PARALLEL_FROM: usize = 20_000;

impl FieldIndex {
    /// Adds a project (its index is the number added before it).
    pub fn push(&mut self, name: &str, id: &str, shared: &[(Field, &str)]) {
        self.names.push(name);
        self.ids.push(id);
        for &(field, value) in shared {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let at = self.shared_value(value);
            // Beyond 268 million values a link cannot be written (never met).
            let link = Link::new(field, at);
            if at < 1 << VALUE_BITS && !self.own_links().contains(&link) {
                self.links.push(link);
            }
        }
        self.link_ends.push(self.links.len() as u32);
    }

    /// The number of a shared value (an organisation, a region, …).
    pub fn shared_number(&self, value: &str) -> Option<u32> {
        self.shared_at.get(value).copied()
    }

    /// The text of shared value `number`, as written.
    pub fn shared_value_text(&self, number: u32) -> Option<&str> {
        self.shared_text.get(number as usize).map(|t| &**t)
    }

    fn shared_value(&mut self, value: &str) -> u32 {
        if let Some(&at) = self.shared_at.get(value) {
            return at;
        }
        let at = self.shared_text.len() as u32;
        self.shared.push(value);
        self.shared_text.push(value.into());
        self.shared_at.insert(value.into(), at);
        at
    }

    /// The links of the project being added.
    fn own_links(&self) -> &[Link] {
        let start = self.link_ends.last().map_or(0, |&e| e as usize);
        &self.links[start..]
    }

    pub fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.shared.shrink_to_fit();
        self.links.shrink_to_fit();
        self.link_ends.shrink_to_fit();
        self.shared_at.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.link_ends.len()
    }

    /// The projects' names, as the search box sees them.
    pub fn names(&self) -> &Haystacks {
        &self.names
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where project `index`'s links start among every project's.
    pub fn link_start(&self, index: usize) -> usize {
        match index {
            0 => 0,
            _ => self.link_ends.get(index - 1).map_or(0, |&e| e as usize),
        }
    }

    /// The shared values project `index` links to, in the order of its
    /// links (a value in two fields is there twice).
    pub fn linked_values(&self, index: usize) -> impl Iterator<Item = u32> + '_ {
        let links = match index < self.len() {
            true => self.links_of(index),
            false => &[],
        };
        links.iter().map(|l| l.value())
    }

    fn links_of(&self, index: usize) -> &[Link] {
        let start = match index {
            0 => 0,
            _ => self.link_ends[index - 1] as usize,
        };
        &self.links[start..self.link_ends[index] as usize]
    }

    /// Projects matching the query, best first (ties in index order, which
    /// is name order). An empty query matches every project with score 0.
    pub fn filter(&self, query: &Query, text: &TextHits) -> Vec<Match> {
        self.filter_until(query, text, &|| false)
            .unwrap_or_default()
    }

    /// [`filter`](Self::filter), given up (None) as soon as `stop` says so:
    /// asked between steps of a few milliseconds, so a key typed meanwhile
    /// is shown at once rather than after a filter already out of date.
    pub fn filter_until(
        &self,
        query: &Query,
        text: &TextHits,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<Match>> {
        if query.is_empty() {
            let all = (0..self.len()).map(|index| Match { index, score: 0 });
            return Some(all.collect());
        }
        let prepared = Prepared::new_until(self, query, text, stop)?;
        let candidates = prepared.candidates(query, self.len()).indices();
        let mut found = Vec::new();
        for part in candidates.chunks(SCORED_AT_ONCE) {
            if stop() {
                return None;
            }
            found.extend(self.score_all(query, &prepared, part));
        }
        Some(best_first(found))
    }

    /// Scores the candidates, on every core when they are many.
    fn score_all(&self, query: &Query, prepared: &Prepared, candidates: &[usize]) -> Vec<Match> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let score_part = |part: &[usize]| -> Vec<Match> {
            part.iter()
                .filter_map(|&index| {
                    let score = self.score(index, query, prepared)?;
                    Some(Match { index, score })
                })
                .collect()
        };
        if candidates.len() < PARALLEL_FROM || workers < 2 {
            return score_part(candidates);
        }
        let chunk = candidates.len().div_ceil(workers);
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| scope.spawn(move || score_part(part)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }
}

/// Matches best first, ties in index order, from matches in index order.
/// Scores take a few dozen values: counting them and placing each match
/// is quicker than sorting a million.
fn best_first(found: Vec<Match>) -> Vec<Match> {
    let mut counts: std::collections::BTreeMap<std::cmp::Reverse<i64>, usize> = Default::default();
    for m in &found {
        *counts.entry(std::cmp::Reverse(m.score)).or_default() += 1;
    }
    if counts.len() > 1024 {
        let mut found = found;
        found.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        return found;
    }
    let scores: Vec<i64> = counts.keys().map(|r| r.0).collect();
    let mut next: Vec<usize> = counts
        .values()
        .scan(0, |start, &n| {
            let at = *start;
            *start += n;
            Some(at)
        })
        .collect();
    let mut placed = vec![Match { index: 0, score: 0 }; found.len()];
    for m in found {
        let bucket = scores.partition_point(|&s| s > m.score);
        placed[next[bucket]] = m;
        next[bucket] += 1;
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_first_and_ties_in_index_order() {
        let scores = [5, 900, 5, 1000, 900, 5];
        let found = scores
            .iter()
            .enumerate()
            .map(|(index, &score)| Match { index, score })
            .collect();
        let order: Vec<usize> = best_first(found).iter().map(|m| m.index).collect();
        assert_eq!(order, [3, 1, 4, 0, 2, 5]);
        // Many distinct scores take the sort.
        let many = (0..3000)
            .map(|i| Match {
                index: i,
                score: (i % 1500) as i64,
            })
            .collect();
        let sorted = best_first(many);
        assert_eq!((sorted[0].index, sorted[1].index), (1499, 2999));
        assert!(sorted.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
