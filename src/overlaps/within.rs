//! Every overlapping pair among one organisation's projects, swept in
//! order of their start. An organisation of two thousand projects makes a
//! hundred thousand pairs: each project's side and dates are made once and
//! shared by its pairs, and the pairs are sorted before they are made.

use super::{shared, Candidate, Pair, Shared, Side};
use std::sync::Arc;

/// Every overlapping pair among one organisation's projects, most days
/// first (then by the two keys), each with the one that starts first.
pub fn pairs_within(organisation: &str, projects: &[Candidate]) -> Vec<Pair> {
    let mut found: Vec<Found> = Vec::new();
    sweep(
        projects,
        &mut |(a, (a_start, a_end)), (b, (b_start, b_end))| {
            let (from, to) = (a_start.max(b_start), a_end.min(b_end));
            if to < from || projects[a].key == projects[b].key {
                return;
            }
            let shared = shared(&projects[a], &projects[b]);
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
    let key = |i: usize| projects[i].key.as_str();
    found.sort_by(|x, y| {
        y.days
            .cmp(&x.days)
            .then_with(|| key(x.sides.0).cmp(key(y.sides.0)))
            .then_with(|| key(x.sides.1).cmp(key(y.sides.1)))
    });
    made(organisation, projects, found)
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
