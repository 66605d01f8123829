//! A stored index patched by an import that touched few projects: the
//! projects it kept, less those it removed or changed, and those it added
//! or changed, in list order (the order a rebuild gives: name without
//! regard to ASCII case, as SQLite's NOCASE compares, then key).

use std::cmp::Ordering;

/// Where a project of a patched index comes from: the index it patches,
/// or the index of the projects added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::search) enum Source {
    Base(usize),
    Added(usize),
}

/// One side of a patch: its number of projects, each one's name and key,
/// and whether it is left out.
pub(in crate::search) struct Side<'a> {
    pub len: usize,
    pub name: &'a dyn Fn(usize) -> &'a str,
    pub key: &'a dyn Fn(usize) -> &'a str,
    pub gone: &'a dyn Fn(usize) -> bool,
}

/// The projects of `base` that are not gone and those of `added`, merged
/// in list order (each side is in list order already). None when the
/// order cannot be told: two projects without a name (SQLite puts a
/// missing name before an empty one; the index keeps both empty).
pub(in crate::search) fn plan(base: &Side, added: &Side) -> Option<Vec<Source>> {
    let mut plan = Vec::with_capacity(base.len + added.len);
    let (mut i, mut j) = (0, 0);
    while i < base.len || j < added.len {
        if i < base.len && (base.gone)(i) {
            i += 1;
            continue;
        }
        let take_added = match (i < base.len, j < added.len) {
            (true, true) => before(added, j, base, i)?,
            (false, _) => true,
            (true, false) => false,
        };
        if take_added {
            plan.push(Source::Added(j));
            j += 1;
        } else {
            plan.push(Source::Base(i));
            i += 1;
        }
    }
    Some(plan)
}

/// Whether project `a` of one side comes before project `b` of the other.
fn before(sa: &Side, a: usize, sb: &Side, b: usize) -> Option<bool> {
    let (na, nb) = ((sa.name)(a), (sb.name)(b));
    if na.is_empty() && nb.is_empty() {
        return None;
    }
    let order = nocase(na, nb).then_with(|| (sa.key)(a).as_bytes().cmp((sb.key)(b).as_bytes()));
    Some(order == Ordering::Less)
}

/// SQLite's NOCASE: bytes compared with ASCII letters in lower case.
fn nocase(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(
        names: &'a [&'a str],
        keys: &'a [&'a str],
        gone: &'a dyn Fn(usize) -> bool,
        name: &'a dyn Fn(usize) -> &'a str,
        key: &'a dyn Fn(usize) -> &'a str,
    ) -> Side<'a> {
        Side {
            len: names.len().min(keys.len()),
            name,
            key,
            gone,
        }
    }

    #[test]
    fn the_added_go_where_a_rebuild_puts_them_and_the_gone_are_left_out() {
        let base_names = ["alfa", "Beta", "beta", "Ökad", "örn"];
        let base_keys = ["k1", "k2", "k3", "k4", "k5"];
        let added_names = ["BETA", "Z", "Ål"];
        let added_keys = ["k25", "k0", "k9"];
        let bn = |i: usize| base_names[i];
        let bk = |i: usize| base_keys[i];
        let an = |i: usize| added_names[i];
        let ak = |i: usize| added_keys[i];
        let gone = |i: usize| i == 0;
        let none = |_: usize| false;
        let base = side(&base_names, &base_keys, &gone, &bn, &bk);
        let added = side(&added_names, &added_keys, &none, &an, &ak);
        let plan = plan(&base, &added).unwrap();
        use Source::*;
        // "BETA" k25 sorts after "Beta" k2 and before "beta" k3; "Z" before
        // any non-ASCII letter; "Ål" (Ã… in bytes) before "Ökad" (Ã–).
        assert_eq!(
            plan,
            [
                Base(1),
                Added(0),
                Base(2),
                Added(1),
                Added(2),
                Base(3),
                Base(4)
            ]
        );
    }

    #[test]
    fn two_nameless_projects_are_no_plan() {
        let empty = [""];
        let keys = ["a"];
        let n = |_: usize| "";
        let k = |_: usize| "a";
        let none = |_: usize| false;
        let base = side(&empty, &keys, &none, &n, &k);
        let added = side(&empty, &keys, &none, &n, &k);
        assert!(plan(&base, &added).is_none());
    }
}
