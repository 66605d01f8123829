//! Every overlapping pair among one organisation's projects, swept in
//! order of their start. An organisation of two thousand projects makes a
//! hundred thousand pairs: each project's side and dates are made once and
//! shared by its pairs, and the pairs are sorted before they are made.

use super::{shared, Candidate, Pair, Shared, Side};
use std::sync::Arc;

/// Every overlapping pair among one organisation's projects, most days
/// first (then by the two keys), each with the one that starts first.
pub fn pairs_within(organisation: &str, projects: &[Candidate]) -> Vec<Pair> {
    let folded: Vec<Vec<String>> = projects.iter().map(folded_places).collect();
    let mut found: Vec<Found> = Vec::new();
    sweep(
        projects,
        &mut |(a, (a_start, a_end)), (b, (b_start, b_end))| {
            let (from, to) = (a_start.max(b_start), a_end.min(b_end));
            let (x, y) = (&projects[a], &projects[b]);
            if to < from || x.key == y.key || !may_share(x, y, (&folded[a], &folded[b])) {
                return;
            }
            let shared = shared(x, y);
            if !shared.is_empty() {
                let from_a = a_start >= b_start;
                let to_a = a_end <= b_end;
                found.push(Found {
                    sides: (a, b),
                    days: to - from + 1,
                    ends: (if from_a { a } else { b }, if to_a { a } else { b }),
                    shared,
                });
            }
        },
    );
    // Each project's place among the keys: pairs are sorted by numbers.
    let mut by_key: Vec<usize> = (0..projects.len()).collect();
    by_key.sort_by(|&i, &j| projects[i].key.cmp(&projects[j].key));
    let mut rank = vec![0; projects.len()];
    for (place, i) in by_key.into_iter().enumerate() {
        rank[i] = place;
    }
    found.sort_by_key(|f| (std::cmp::Reverse(f.days), rank[f.sides.0], rank[f.sides.1]));
    made(organisation, projects, found)
}

/// A project's municipalities as [`shared`] compares them: trimmed, in
/// lower case.
fn folded_places(c: &Candidate) -> Vec<String> {
    let fold = |m: &String| m.trim().chars().flat_map(char::to_lowercase).collect();
    c.municipalities.iter().map(fold).collect()
}

/// Whether [`shared`] finds anything for `a` and `b`, without making
/// what it finds: most projects that ran at the same time share nothing.
fn may_share(a: &Candidate, b: &Candidate, (pa, pb): (&[String], &[String])) -> bool {
    let same_period = match (&a.programme_period, &b.programme_period) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let same = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => !x.trim().is_empty() && x.trim().eq_ignore_ascii_case(y.trim()),
        _ => false,
    };
    let fields = same(&a.programme_area, &b.programme_area)
        || same(&a.specific_objective, &b.specific_objective);
    (same_period && fields) || pa.iter().any(|m| !m.is_empty() && pb.contains(m))
}

/// A pair found, before it is made: the two projects (their indexes), the
/// days together, the project whose start and whose end bound them.
struct Found {
    sides: (usize, usize),
    days: i64,
    ends: (usize, usize),
    shared: Vec<Shared>,
}

/// The pairs of `found`, in its order.
fn made(organisation: &str, projects: &[Candidate], found: Vec<Found>) -> Vec<Pair> {
    let mut sides: Vec<Option<Arc<Side>>> = vec![None; projects.len()];
    let mut side = |i: usize| {
        let made = sides[i].get_or_insert_with(|| Arc::new(Side::from(&projects[i])));
        Arc::clone(made)
    };
    let mut dates: Vec<Option<(String, String)>> = vec![None; projects.len()];
    let mut iso = |i: usize| {
        dates[i]
            .get_or_insert_with(|| {
                let (start, end) = projects[i].days().unwrap_or_default();
                let iso = crate::dates::iso_from_days;
                (iso(start), iso(end))
            })
            .clone()
    };
    let numbers: Arc<[String]> = Arc::from([]);
    found
        .into_iter()
        .map(|f| Pair {
            organisation: organisation.to_string(),
            org_numbers: Arc::clone(&numbers),
            projects: [side(f.sides.0), side(f.sides.1)],
            shared: f.shared,
            days: f.days,
            from: iso(f.ends.0).0,
            to: iso(f.ends.1).1,
        })
        .collect()
}

/// The keys of the projects in some pair among one organisation's
/// projects (the pairs themselves are not made).
pub fn keys_in_pairs(projects: &[Candidate], keys: &mut std::collections::HashSet<String>) {
    sweep(
        projects,
        &mut |(a, (a_start, a_end)), (b, (b_start, b_end))| {
            let (a, b) = (&projects[a], &projects[b]);
            let both = keys.contains(&a.key) && keys.contains(&b.key);
            let overlap = a_start.max(b_start) <= a_end.min(b_end) && a.key != b.key;
            if !both && overlap && !shared(a, b).is_empty() {
                keys.insert(a.key.clone());
                keys.insert(b.key.clone());
            }
        },
    );
}

/// A project (its index) with its period in days.
type Dated = (usize, (i64, i64));

/// Hands `each` every two dated projects whose periods may overlap: swept
/// in order of their start, each compared only with those that start
/// before it ends.
fn sweep(projects: &[Candidate], each: &mut dyn FnMut(Dated, Dated)) {
    let mut dated: Vec<(i64, i64, usize)> = projects
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.days().map(|(s, e)| (s, e, i)))
        .collect();
    let key = |i: usize| projects[i].key.as_str();
    dated.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| key(a.2).cmp(key(b.2))));
    dated.dedup_by(|a, b| key(a.2) == key(b.2));
    for (i, &(a_start, a_end, a)) in dated.iter().enumerate() {
        for &(b_start, b_end, b) in &dated[i + 1..] {
            if b_start > a_end {
                break;
            }
            each((a, (a_start, a_end)), (b, (b_start, b_end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(period: &str, area: &str, places: &[&str]) -> Candidate {
        Candidate {
            key: format!("{period}{area}{places:?}"),
            programme_period: Some(period.into()),
            programme_area: Some(area.into()),
            municipalities: places.iter().map(|p| p.to_string()).collect(),
            ..Candidate::default()
        }
    }

    #[test]
    fn the_quick_look_agrees_with_what_is_shared() {
        let all = [
            project("2014-2020", "2", &[]),
            project("2014-2020", " 2 ", &["Vellinge"]),
            project("2007-2013", "2", &["VELLINGE "]),
            project("2007-2013", "3", &["Malmö", " "]),
            project("2014-2020", "", &[" ", "malmö"]),
            project("2014-2020", "4", &["Lund"]),
        ];
        for a in &all {
            for b in &all {
                let places = (folded_places(a), folded_places(b));
                let quick = may_share(a, b, (&places.0, &places.1));
                assert_eq!(quick, !shared(a, b).is_empty(), "{a:?} {b:?}");
            }
        }
    }
}
