//! The keys an ID typed with a mistake could have been, found through the
//! keys in sorted order (case aside) instead of by comparing every key: a
//! mistake leaves the start of the ID before it intact. Each place the
//! first mistake could be, up to where no key starts as typed, is tried
//! with each mistake made there (a character left out, one too many, one
//! of the characters keys have there instead, two swapped); what follows
//! it must then be as typed, but for the last characters (where further
//! mistakes may be). Keys the typed text starts with, or that start with
//! it, are looked up too. A superset: [`super::similar::similar_keys`]
//! decides.

/// Keys in sorted order, case aside (the cache's index of keys).
pub trait SortedKeys {
    type Error;
    /// The first key at or after `from`.
    fn first_from(&self, from: &str) -> Result<Option<String>, Self::Error>;
    /// Up to `most` keys that start with `prefix`, in order.
    fn starting_with(&self, prefix: &str, most: usize) -> Result<Vec<String>, Self::Error>;
}

/// Keys looked at for each way of typing: enough for any real prefix.
const PER_PREFIX: usize = 64;

/// Keys that start as typed, when the typed text is a key's start.
const LONGER: usize = 256;

/// A character after every other in sorted order: `prefix` + it is past
/// every key starting with `prefix`.
const LAST: char = '\u{10FFFF}';

/// Keys `typed` could have been typed for, with at most one mistake
/// before its last `tail` characters. Unsorted, each once.
pub fn candidates<K: SortedKeys>(
    keys: &K,
    typed: &str,
    tail: usize,
) -> Result<Vec<String>, K::Error> {
    let typed: Vec<char> = typed.trim().chars().collect();
    let mut found = Vec::new();
    for at in 0..=typed.len() {
        let intact: String = typed[..at].iter().collect();
        let next = children(keys, &intact)?;
        if next.is_empty() && at > 0 {
            break; // No key starts as typed this far.
        }
        for variant in mistakes_at(&typed, at, &next) {
            let fixed = variant.len().saturating_sub(tail).max(at + 1);
            let prefix: String = variant.iter().take(fixed).collect();
            found.extend(keys.starting_with(&prefix, PER_PREFIX)?);
        }
    }
    found.extend(typed_with_more(keys, &typed)?);
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

/// The typed text with one mistake at `at` set right: a character left
/// out (each of `next`), one too many, another typed (each of `next`),
/// two swapped.
fn mistakes_at(typed: &[char], at: usize, next: &[char]) -> Vec<Vec<char>> {
    let (before, after) = typed.split_at(at);
    let with = |middle: &[char], rest: &[char]| -> Vec<char> {
        before.iter().chain(middle).chain(rest).copied().collect()
    };
    // As typed: every mistake in the last characters (tried once).
    let mut variants = match at {
        0 => vec![with(&[], after)],
        _ => Vec::new(),
    };
    if let [first, rest @ ..] = after {
        variants.push(with(&[], rest));
        for c in next.iter().filter(|c| !c.eq_ignore_ascii_case(first)) {
            variants.push(with(&[*c], rest));
        }
        if let [second, rest @ ..] = rest {
            variants.push(with(&[*second, *first], rest));
        }
    }
    variants.extend(next.iter().map(|c| with(&[*c], after)));
    variants
}

/// The characters keys starting with `prefix` have next, one seek each.
fn children<K: SortedKeys>(keys: &K, prefix: &str) -> Result<Vec<char>, K::Error> {
    let mut next = Vec::new();
    let mut from = format!("{prefix}\u{1}");
    while next.len() < PER_PREFIX {
        let Some(key) = keys.first_from(&from)? else {
            break;
        };
        let Some(c) = after_prefix(&key, prefix) else {
            break;
        };
        next.push(c.to_ascii_lowercase());
        from = format!("{prefix}{c}{LAST}");
    }
    Ok(next)
}

/// The character of `key` after `prefix`, when it starts with it.
fn after_prefix(key: &str, prefix: &str) -> Option<char> {
    let head = key.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| key[prefix.len()..].chars().next())
        .flatten()
}

/// Keys the typed text starts with (`2015/00730-nope`), and keys that
/// start with it (`2015/0073`).
fn typed_with_more<K: SortedKeys>(keys: &K, typed: &[char]) -> Result<Vec<String>, K::Error> {
    let mut found = Vec::new();
    for end in 1..typed.len() {
        let start: String = typed[..end].iter().collect();
        if let Some(key) = keys.first_from(&start)? {
            if key.eq_ignore_ascii_case(&start) {
                found.push(key);
            }
        }
    }
    let whole: String = typed.iter().collect();
    found.extend(keys.starting_with(&whole, LONGER)?);
    Ok(found)
}

/// Zeros a number of the ID may start with, when left out ("2015/730"
/// for 2015/00730, "22-2-S8" for 22-002-S08).
const ZEROS: usize = 4;

/// Keys that are the typed text with zeros put back before its numbers:
/// people drop a number's leading zeros, several mistakes at once for an
/// edit distance but one for them.
pub fn zeros_left_out<K: SortedKeys>(keys: &K, typed: &str) -> Result<Vec<String>, K::Error> {
    let typed: Vec<char> = typed.trim().chars().collect();
    let typed = typed.as_slice();
    let runs = digit_runs(typed);
    if runs.is_empty() || runs.len() > 3 {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let ways = (ZEROS + 1).pow(runs.len() as u32);
    for way in 1..ways {
        let mut padded = String::new();
        let (mut rest, mut from) = (way, 0);
        for &start in &runs {
            padded.extend(&typed[from..start]);
            padded.extend(std::iter::repeat_n('0', rest % (ZEROS + 1)));
            rest /= ZEROS + 1;
            from = start;
        }
        padded.extend(&typed[from..]);
        if let Some(key) = keys.first_from(&padded)? {
            if key.eq_ignore_ascii_case(&padded) {
                found.push(key);
            }
        }
    }
    Ok(found)
}

/// Where each run of digits after the first character starts.
fn digit_runs(typed: &[char]) -> Vec<usize> {
    (1..typed.len())
        .filter(|&i| typed[i].is_ascii_digit() && !typed[i - 1].is_ascii_digit())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    /// Keys sorted as the cache's index of keys sorts them, case aside.
    struct Sorted(Vec<String>);

    impl Sorted {
        fn of(keys: &[&str]) -> Sorted {
            let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            keys.sort_by_key(|k| k.to_ascii_lowercase());
            Sorted(keys)
        }
    }

    impl SortedKeys for Sorted {
        type Error = Infallible;
        fn first_from(&self, from: &str) -> Result<Option<String>, Infallible> {
            let from = from.to_ascii_lowercase();
            Ok(self
                .0
                .iter()
                .find(|k| k.to_ascii_lowercase() >= from)
                .cloned())
        }
        fn starting_with(&self, prefix: &str, most: usize) -> Result<Vec<String>, Infallible> {
            let starts = |k: &&String| {
                k.get(..prefix.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
            };
            Ok(self.0.iter().filter(starts).take(most).cloned().collect())
        }
    }

    fn near(keys: &[&str], typed: &str) -> Vec<String> {
        candidates(&Sorted::of(keys), typed, 1).unwrap()
    }

    #[test]
    fn one_mistake_anywhere_is_found() {
        let keys = ["2015/00730", "2016/00731", "22-002-S07", "x-552c407c19"];
        for typed in [
            "3015/00730",
            "2015/00731",
            "2015/0730",
            "2015/007300",
            "2105/00730",
            "22-002-s70",
            "22-002-s08",
            "X-552C407C91",
        ] {
            let found = near(&keys, typed);
            let meant = keys.iter().any(|k| found.contains(&k.to_string()));
            assert!(meant, "{typed}: {found:?}");
        }
        assert_eq!(near(&keys, "2015/00730-nope"), ["2015/00730"]);
        // 2016/00731 too: a 6 for the 5, and a last character more.
        assert_eq!(near(&keys, "2015/0073"), ["2015/00730", "2016/00731"]);
        assert!(near(&keys, "qqqqqq-999").is_empty());
    }

    #[test]
    fn a_number_typed_without_its_leading_zeros_is_found() {
        let keys = ["2015/00730", "2016/00731", "22-002-S07"];
        let padded = |typed| zeros_left_out(&Sorted::of(&keys), typed).unwrap();
        assert_eq!(padded("2015/730"), ["2015/00730"]);
        assert_eq!(padded("2016/0731"), ["2016/00731"]);
        assert_eq!(padded("22-2-s7"), ["22-002-S07"]);
        assert!(padded("2017/730").is_empty());
        assert!(padded("2015/00730").is_empty(), "nothing to put back");
    }
}
