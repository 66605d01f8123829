//! A project's score for a query: each group's best alternative, summed;
//! or, when one field value (the name, one organisation) holds a term of
//! every group, that value's score with a bonus no spread over several
//! fields can reach. An organisation or a municipality the documents only
//! mention ranks below every owner, partner or other field.

use super::shared::Prepared;
use super::{Field, FieldIndex};
use crate::search::matcher::{self, Hit, Needle, ONE_TYPO, WHOLE};
use crate::search::query::{Query, Term};

/// Where in a project a term is found: the field, and the shared value
/// for shared fields (None for the name and the diarienummer).
pub(super) type Place = (Field, Option<u32>);

/// More than the best and the worst match of a term can differ by (a
/// whole field against two typos): one tier of the ranking.
const TIER: i64 = WHOLE - (ONE_TYPO - 100) + 1;

/// Below every other field, however well it matches.
const MENTION_BELOW: i64 = TIER;

/// The bonus, per term, for a query found whole in one field value: more
/// than any spread of its terms over several fields can score.
const TOGETHER: i64 = TIER;

fn below(field: Field) -> i64 {
    match field {
        Field::Mentioned | Field::MunicipalityInText => MENTION_BELOW,
        _ => 0,
    }
}

/// The best score each place gives a group (its best alternative there).
type GroupPlaces = Vec<(Place, i64)>;

impl FieldIndex {
    /// None when a group has no alternative that holds (or an excluded
    /// term is found).
    pub(super) fn score(&self, index: usize, query: &Query, prepared: &Prepared) -> Option<i64> {
        let mut spread = 0;
        let mut groups: Vec<GroupPlaces> = Vec::new();
        // Places matter only to a query of several groups.
        let places_wanted = query.groups.len() > 1;
        for (g, group) in query.groups.iter().enumerate() {
            let (best, places) = self.group_score(index, g, group, prepared, places_wanted)?;
            spread += best;
            if !group.iter().any(|t| t.negated) {
                groups.push(places);
            }
        }
        Some(spread.max(together(&groups).unwrap_or(i64::MIN)))
    }

    /// A group's best score, and (when wanted) the best it gets in each
    /// place.
    fn group_score(
        &self,
        index: usize,
        g: usize,
        group: &[Term],
        prepared: &Prepared,
        places_wanted: bool,
    ) -> Option<(i64, GroupPlaces)> {
        let mut best: Option<i64> = None;
        let mut places = GroupPlaces::new();
        for (t, term) in group.iter().enumerate() {
            let ready = prepared.term(g, t);
            let own = [ready.in_name.has(index), ready.in_id.has(index)];
            let mut in_fields = None;
            let shared = |v: u32| ready.shared[v as usize];
            self.each_hit(
                index,
                term,
                &ready.needle,
                own,
                &shared,
                &mut |place, hit| {
                    in_fields = in_fields.max(Some(hit.score));
                    if places_wanted && !term.negated {
                        match places.iter_mut().find(|p| p.0 == place) {
                            Some(p) => p.1 = p.1.max(hit.score),
                            None => places.push((place, hit.score)),
                        }
                    }
                },
            );
            let in_text = prepared.text.score(g, t, index);
            best = match term.negated {
                true if in_fields.is_none() && in_text.is_none() => best.max(Some(0)),
                true => best,
                false => best.max(in_fields.or(in_text)),
            };
        }
        Some((best?, places))
    }

    /// Each place a term is found in a project, its hit scored for its
    /// field. `own`: whether the name and the diarienummer could hold the
    /// term at all.
    pub(super) fn each_hit(
        &self,
        index: usize,
        term: &Term,
        needle: &Needle,
        own: [bool; 2],
        shared: &dyn Fn(u32) -> Option<Hit>,
        found: &mut dyn FnMut(Place, Hit),
    ) {
        let allows = |f: Field| term.fields.is_none_or(|fs| fs.contains(&f));
        let mut consider = |place: Place, hit: Option<Hit>| {
            if let Some(mut hit) = hit {
                hit.score -= below(place.0);
                found(place, hit);
            }
        };
        let fields = [(Field::Name, &self.names), (Field::Id, &self.ids)];
        for ((field, haystacks), could) in fields.into_iter().zip(own) {
            if could && allows(field) {
                let hit = haystacks.with_text(index, term.exact_letters, |t| {
                    matcher::find_with(term, needle, t)
                });
                consider((field, None), hit);
            }
        }
        for &link in self.links_of(index) {
            if allows(link.field()) {
                consider((link.field(), Some(link.value())), shared(link.value()));
            }
        }
    }

    /// The best place a term is found in a project, with its hit.
    pub(super) fn best_hit(
        &self,
        index: usize,
        term: &Term,
        needle: &Needle,
        own: [bool; 2],
        shared: impl Fn(u32) -> Option<Hit>,
    ) -> Option<(Field, Option<u32>, Hit)> {
        let mut best: Option<(Field, Option<u32>, Hit)> = None;
        self.each_hit(
            index,
            term,
            needle,
            own,
            &shared,
            &mut |(field, value), hit| {
                if best.is_none_or(|(_, _, b)| hit.score > b.score) {
                    best = Some((field, value, hit));
                }
            },
        );
        best
    }
}

/// The best score of one place holding every group, with the bonus; none
/// for a query of one group.
fn together(groups: &[GroupPlaces]) -> Option<i64> {
    let (first, rest) = groups.split_first()?;
    if rest.is_empty() {
        return None;
    }
    first
        .iter()
        .filter_map(|&(place, score)| {
            let others: Option<i64> = rest
                .iter()
                .map(|g| g.iter().find(|p| p.0 == place).map(|p| p.1))
                .sum();
            Some(score + others? + TOGETHER * groups.len() as i64)
        })
        .max()
}
