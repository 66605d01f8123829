//! "Did you mean": the projects whose key is a few typing mistakes from
//! what was typed, nearest first, then those whose name matches it.

use super::Haystacks;

/// Up to `limit` of `count` projects: keys (`key_at`) within a quarter of
/// the typed length in edits (at least two), then fuzzy name matches.
pub fn similar<'a>(
    text: &str,
    limit: usize,
    count: usize,
    key_at: &dyn Fn(usize) -> &'a str,
    names: &Haystacks,
) -> Vec<usize> {
    let mut picked = similar_keys(text, limit, count, key_at);
    add_similar_names(&mut picked, text, limit, names);
    picked
}

/// Up to `limit` of `count` keys within a quarter of the typed length in
/// edits (at least two), nearest first.
pub fn similar_keys<'a>(
    text: &str,
    limit: usize,
    count: usize,
    key_at: &dyn Fn(usize) -> &'a str,
) -> Vec<usize> {
    let wanted: Vec<char> = text.trim().chars().flat_map(char::to_uppercase).collect();
    let tolerance = tolerance(text);
    let mut rows = Rows::default();
    let typed: String = wanted.iter().collect();
    let bag = Bag::of(&wanted);
    let mut by_key: Vec<(usize, usize)> = (0..count)
        .filter_map(|i| {
            let key = key_at(i);
            // Most keys are ASCII: their length in letters is known unread.
            let too_long_or_short = key.is_ascii() && key.len().abs_diff(wanted.len()) > tolerance;
            let near = match too_long_or_short || bag.too_far(key, tolerance) {
                true => None,
                false => rows.distance_within(&wanted, key, tolerance),
            };
            Some((near.or_else(|| extended(&typed, key))?, i))
        })
        .collect();
    by_key.sort();
    by_key.into_iter().map(|(_, i)| i).take(limit).collect()
}

/// The edits a key may be from `text`: a quarter of its length, at least
/// two.
pub fn tolerance(text: &str) -> usize {
    let typed = text.trim().chars().flat_map(char::to_uppercase).count();
    (typed / 4).max(2)
}

/// Fills `picked` up to `limit` with the projects whose name matches.
pub fn add_similar_names(picked: &mut Vec<usize>, text: &str, limit: usize, names: &Haystacks) {
    if picked.len() >= limit {
        return;
    }
    for m in names.filter(text) {
        if picked.len() >= limit {
            break;
        }
        if !picked.contains(&m.index) {
            picked.push(m.index);
        }
    }
}

/// The order in which `names` are suggested for `text`: those the search
/// box would match, best first, then the others as given.
pub fn by_name(text: &str, names: &[&str]) -> Vec<usize> {
    let matched = Haystacks::new(names).filter(text);
    let mut taken = vec![false; names.len()];
    let mut order = Vec::with_capacity(names.len());
    for m in matched {
        taken[m.index] = true;
        order.push(m.index);
    }
    order.extend((0..names.len()).filter(|&i| !taken[i]));
    order
}

/// A key typed with more after it (`2015/00730-nope`), or the start of
/// one: as far as the extra characters, when the key is long enough to
/// say something (a short key starts too many typed words).
fn extended(typed: &str, key: &str) -> Option<usize> {
    const SAYS_SOMETHING: usize = 6;
    let (short, long) = match typed.len() <= key.len() {
        true => (typed, key),
        false => (key, typed),
    };
    let starts =
        long.is_char_boundary(short.len()) && long[..short.len()].eq_ignore_ascii_case(short);
    (short.len() >= SAYS_SOMETHING && starts).then(|| long.len() - short.len())
}

/// The characters typed, counted: keys whose characters differ from them
/// by more than the tolerance are set aside before the edit distance (it
/// is never less than that difference), in a few steps instead of a table.
struct Bag {
    /// Typed ASCII characters by their code (others are never in an ASCII
    /// key: they only count in `len`).
    counts: [u8; 128],
    len: usize,
}

impl Bag {
    fn of(wanted: &[char]) -> Bag {
        let mut bag = Bag {
            counts: [0; 128],
            len: wanted.len(),
        };
        for &c in wanted.iter().filter(|c| c.is_ascii()) {
            bag.counts[c as usize] = bag.counts[c as usize].saturating_add(1);
        }
        bag
    }

    /// Whether an ASCII key differs from the typed characters, counted
    /// without their order, by more than `max` (a key outside ASCII is
    /// never set aside here).
    fn too_far(&self, key: &str, max: usize) -> bool {
        if !key.is_ascii() {
            return false;
        }
        let mut left = self.counts;
        let (mut missing, mut extra) = (self.len, 0);
        for b in key.bytes() {
            let c = b.to_ascii_uppercase() as usize;
            match left[c] {
                0 => extra += 1,
                _ => {
                    left[c] -= 1;
                    missing -= 1;
                }
            }
            if extra > max {
                return true;
            }
        }
        missing.max(extra) > max
    }
}

/// The two rows of the edit-distance table, kept between calls so a
/// million keys cost no allocation each.
#[derive(Default)]
struct Rows {
    key: Vec<char>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Rows {
    /// The Levenshtein distance (over characters, ignoring case) between
    /// `a` (upper case) and `b`, or None when it is over `max`.
    fn distance_within(&mut self, a: &[char], b: &str, max: usize) -> Option<usize> {
        // Most keys are ASCII: their length is known before they are read.
        if b.is_ascii() && a.len().abs_diff(b.len()) > max {
            return None;
        }
        self.key.clear();
        match b.is_ascii() {
            true => self
                .key
                .extend(b.bytes().map(|c| c.to_ascii_uppercase() as char)),
            false => self.key.extend(b.chars().flat_map(char::to_uppercase)),
        }
        let b = &self.key;
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        self.previous.clear();
        self.previous.extend(0..=b.len());
        for (i, &ca) in a.iter().enumerate() {
            self.current.clear();
            self.current.push(i + 1);
            for (j, &cb) in b.iter().enumerate() {
                let substitution = self.previous[j] + usize::from(ca != cb);
                let deletion = self.previous[j + 1] + 1;
                let insertion = self.current[j] + 1;
                self.current.push(substitution.min(deletion).min(insertion));
            }
            // Every way on already costs more than allowed.
            if self.current.iter().all(|&d| d > max) {
                return None;
            }
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let distance = self.previous[b.len()];
        (distance <= max).then_some(distance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().flat_map(char::to_uppercase).collect();
        Rows::default().distance_within(&a, b, max)
    }

    #[test]
    fn the_count_of_characters_never_sets_aside_a_key_within_reach() {
        let typed: Vec<char> = "2015/00731".chars().collect();
        let bag = Bag::of(&typed);
        for key in [
            "2015/00730",
            "2015/0073",
            "2015/007311",
            "2105/00731",
            "x-2015/0073",
        ] {
            let within = distance("2015/00731", key, 2).is_some();
            assert!(!(within && bag.too_far(key, 2)), "{key}");
        }
        assert!(bag.too_far("2023/45642", 2));
        let swedish: Vec<char> = "VÄXJÖ1".chars().collect();
        assert!(
            !Bag::of(&swedish).too_far("VAXJO1", 2),
            "two letters outside ASCII: two edits"
        );
        assert!(Bag::of(&swedish).too_far("ABCDE1", 2));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(distance("2015/00731", "2015/00730", 2), Some(1));
        assert_eq!(distance("", "abc", 3), Some(3));
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(
            distance("x-552C407C19", "x-552c407c19", 2),
            Some(0),
            "case is no mistake"
        );
    }

    #[test]
    fn keys_first_then_names() {
        let keys = ["2015/00730", "2020/00551", "22-002-S07"];
        let names = Haystacks::new([
            "effektbutiken",
            "Arbetsliv och hälsa Nordost",
            "Nya Vägar i Vellinge +",
        ]);
        let key_at = |i: usize| keys[i];
        assert_eq!(similar("2015/0073", 3, 3, &key_at, &names), [0]);
        assert_eq!(similar("2015/00730-nope", 3, 3, &key_at, &names), [0]);
        assert_eq!(
            similar("22-002-S07/extra/words", 3, 3, &key_at, &names),
            [2]
        );
        assert_eq!(similar("vellinge", 3, 3, &key_at, &names), [2]);
        assert_eq!(
            similar("qqqqqqqqqqqqqqq", 3, 3, &key_at, &names),
            Vec::<usize>::new()
        );
    }
}
