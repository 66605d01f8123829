//! The search box over projects' fields: each term must match within one
//! field (name, diarienummer, owner, an organisation, a municipality,
//! region, programme area, specific objective), and every match says which
//! field and text it was found in.
//!
//! Names and diarienummer are the project's own; the other values are
//! shared by many projects and kept once, so a term is matched against
//! each organisation or municipality once per query, not once per project.

use super::matcher::{self, Hit, Needle};
use super::query::{Mode, Query, Term};
use super::{Haystacks, Match};
use serde::Serialize;
use std::collections::HashMap;

/// Where in a project a term was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    Name,
    Id,
    Owner,
    Partner,
    /// An organisation the documents name without a role.
    Mentioned,
    Municipality,
    Region,
    Area,
    Objective,
    /// The description and articles (the full-text index).
    Text,
}

const ORGANISATIONS: &[Field] = &[Field::Owner, Field::Partner, Field::Mentioned];

impl Field {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The fields a `name:` before a term limits it to (English and
    /// Swedish names, with or without å/ä/ö).
    pub fn scope(name: &str) -> Option<&'static [Field]> {
        Some(match name {
            "name" | "namn" => &[Field::Name],
            "id" | "dnr" | "diarienummer" => &[Field::Id],
            "owner" | "ägare" | "agare" => &[Field::Owner],
            "org" | "organisation" | "organization" => ORGANISATIONS,
            "partner" => &[Field::Partner],
            "kommun" | "municipality" => &[Field::Municipality],
            "region" | "län" | "lan" => &[Field::Region],
            "area" | "område" | "omrade" => &[Field::Area],
            "objective" | "mål" | "mal" => &[Field::Objective],
            "text" => &[Field::Text],
            _ => return None,
        })
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
    links: Vec<(Field, u32)>,
    link_ends: Vec<u32>,
}

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
const TEXT_RANKS: i64 = 49;

impl TextHits {
    /// The projects found for a term, best first.
    pub fn insert(&mut self, group: usize, term: usize, best_first: &[usize]) {
        let n = best_first.len().max(1) as i64;
        let scored = best_first
            .iter()
            .enumerate()
            .map(|(rank, &index)| (index, TEXT + TEXT_RANKS * (n - rank as i64) / n));
        self.found.entry((group, term)).or_default().extend(scored);
    }

    fn score(&self, group: usize, term: usize, index: usize) -> Option<i64> {
        self.found.get(&(group, term))?.get(&index).copied()
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
    /// Texts are searched for whole words of a term that is not excluded,
    /// anchored to a field's start or end, or limited to other fields.
    fn wants_text(&self) -> bool {
        let anywhere = matches!(self.mode, Mode::Fuzzy | Mode::Exact);
        let allowed = self.fields.is_none_or(|f| f.contains(&Field::Text));
        !self.negated && anywhere && allowed
    }
}

/// The bonus for a query found whole in one text.
const TOGETHER: i64 = 50;

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
            if !self.own_links().contains(&(field, at)) {
                self.links.push((field, at));
            }
        }
        self.link_ends.push(self.links.len() as u32);
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
    fn own_links(&self) -> &[(Field, u32)] {
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

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn links_of(&self, index: usize) -> &[(Field, u32)] {
        let start = match index {
            0 => 0,
            _ => self.link_ends[index - 1] as usize,
        };
        &self.links[start..self.link_ends[index] as usize]
    }

    /// Projects matching the query, best first (ties in index order, which
    /// is name order). An empty query matches every project with score 0.
    pub fn filter(&self, query: &Query, text: &TextHits) -> Vec<Match> {
        if query.is_empty() {
            return (0..self.len())
                .map(|index| Match { index, score: 0 })
                .collect();
        }
        let shared = SharedHits::new(self, query, text);
        let mut found = self.score_all(query, &shared);
        found.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        found
    }

    /// Scores every project, on every core for large catalogues.
    fn score_all(&self, query: &Query, shared: &SharedHits) -> Vec<Match> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let score_range = |range: std::ops::Range<usize>| -> Vec<Match> {
            range
                .filter_map(|index| {
                    let score = self.score(index, query, shared)?;
                    Some(Match { index, score })
                })
                .collect()
        };
        if self.len() < PARALLEL_FROM || workers < 2 {
            return score_range(0..self.len());
        }
        let chunk = self.len().div_ceil(workers);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|w| {
                    let range = w * chunk..((w + 1) * chunk).min(self.len());
                    scope.spawn(move || score_range(range))
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// A project's score: each group's best alternative, summed, and a
    /// little more when every term is found in the same text (a name or an
    /// organisation holding the whole query); None when a group has no
    /// alternative that holds.
    fn score(&self, index: usize, query: &Query, shared: &SharedHits) -> Option<i64> {
        let mut total = 0;
        // Where the first term was found, and whether every other was too.
        let (mut first, mut together, mut found) = (None, true, 0);
        for (g, group) in query.groups.iter().enumerate() {
            let (best, place) = group
                .iter()
                .enumerate()
                .filter_map(|(t, term)| {
                    let (hits, needle) = (shared.of(g, t), &shared.needles[g][t]);
                    let hit = self.best_hit(index, term, needle, |v| hits[v as usize]);
                    match (term.negated, hit) {
                        (true, hit) => hit.is_none().then_some((0, None)),
                        (false, Some((f, v, h))) => Some((h.score, Some((f, v)))),
                        (false, None) => {
                            let score = shared.text.score(g, t, index)?;
                            Some((score, Some((Field::Text, None))))
                        }
                    }
                })
                .max_by_key(|&(score, _)| score)?;
            total += best;
            if let Some(place) = place {
                found += 1;
                together &= *first.get_or_insert(place) == place;
            }
        }
        Some(total + if together && found > 1 { TOGETHER } else { 0 })
    }

    /// The best place a term is found in a project: the field, the shared
    /// value (for shared fields) and the hit.
    fn best_hit(
        &self,
        index: usize,
        term: &Term,
        needle: &Needle,
        shared: impl Fn(u32) -> Option<Hit>,
    ) -> Option<(Field, Option<u32>, Hit)> {
        let allows = |f: Field| term.fields.is_none_or(|fs| fs.contains(&f));
        let mut best: Option<(Field, Option<u32>, Hit)> = None;
        let mut consider = |field, value, hit: Option<Hit>| {
            if let Some(hit) = hit {
                if best.is_none_or(|(_, _, b)| hit.score > b.score) {
                    best = Some((field, value, hit));
                }
            }
        };
        for (field, haystacks) in [(Field::Name, &self.names), (Field::Id, &self.ids)] {
            if allows(field) {
                let hit = haystacks.with_text(index, term.exact_letters, |t| {
                    matcher::find_with(term, needle, t)
                });
                consider(field, None, hit);
            }
        }
        for &(field, value) in self.links_of(index) {
            if allows(field) {
                consider(field, Some(value), shared(value));
            }
        }
        best
    }

    /// Why a project matched: for each term it has, the field and text
    /// where it is best found, with the matched characters (terms found in
    /// the same text share one reason).
    pub fn explain(&self, index: usize, query: &Query, name: &str, id: &str) -> Vec<Reason> {
        let mut reasons: Vec<Reason> = Vec::new();
        for term in query.positive_terms() {
            let shared = |v: u32| self.shared_hit(v, term);
            let needle = Needle::new(term);
            let Some((field, value, hit)) = self.best_hit(index, term, &needle, shared) else {
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
            let shared = |v| self.shared_hit(v, t);
            !t.negated && self.best_hit(index, t, &needle, shared).is_some()
        };
        // A group is explained by any of its alternatives.
        let unexplained = query.groups.iter().filter(|g| !g.iter().any(in_fields));
        unexplained
            .flatten()
            .filter(|t| t.wants_text())
            .map(|t| t.text.as_str())
            .collect()
    }

    /// Each shared value's hit for one term.
    fn shared_hits_for(&self, term: &Term) -> Vec<Option<Hit>> {
        let needle = Needle::new(term);
        let exact = term.exact_letters;
        (0..self.shared.len())
            .map(|v| {
                self.shared
                    .with_text(v, exact, |t| matcher::find_with(term, &needle, t))
            })
            .collect()
    }

    fn shared_hit(&self, value: u32, term: &Term) -> Option<Hit> {
        let exact = term.exact_letters;
        self.shared
            .with_text(value as usize, exact, |t| matcher::find(term, t))
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

/// Each term's hit in each shared value, computed once per query, and
/// the projects whose texts hold it.
struct SharedHits<'a> {
    /// Per group, per term: a hit per shared value.
    hits: Vec<Vec<Vec<Option<Hit>>>>,
    /// Per group, per term: the term made ready for the projects' own fields.
    needles: Vec<Vec<Needle>>,
    text: &'a TextHits,
}

impl SharedHits<'_> {
    fn new<'a>(index: &FieldIndex, query: &Query, text: &'a TextHits) -> SharedHits<'a> {
        let hits = query
            .groups
            .iter()
            .map(|group| group.iter().map(|t| index.shared_hits_for(t)).collect())
            .collect();
        let needles = query
            .groups
            .iter()
            .map(|group| group.iter().map(Needle::new).collect())
            .collect();
        SharedHits {
            hits,
            needles,
            text,
        }
    }

    fn of(&self, group: usize, term: usize) -> &[Option<Hit>] {
        &self.hits[group][term]
    }
}
