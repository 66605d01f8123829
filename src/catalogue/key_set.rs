//! A set of project keys in one buffer, sorted: the browser marks the
//! projects in an overlapping pair, most of a million, in some 15 bytes a
//! key (a set of strings took about 70).

use std::cmp::Ordering;

/// Keys, each once, in byte order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KeySet {
    found: Found,
}

/// Keys gathered in any order, any number of times each.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    bytes: String,
    ends: Vec<u32>,
}

impl Found {
    pub fn push(&mut self, key: &str) {
        let end = self.bytes.len() + key.len();
        // Past 4 GB of keys (never met) a key is left out.
        if let Ok(end) = u32::try_from(end) {
            self.bytes.push_str(key);
            self.ends.push(end);
        }
    }

    fn get(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            _ => self.ends[index - 1] as usize,
        };
        &self.bytes[start..self.ends[index] as usize]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The keys gathered, each once, sorted.
    pub fn into_set(self) -> KeySet {
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.get(a as usize).cmp(self.get(b as usize)));
        order.dedup_by(|a, b| self.get(*a as usize) == self.get(*b as usize));
        let mut sorted = Found {
            bytes: String::with_capacity(self.bytes.len()),
            ends: Vec::with_capacity(order.len()),
        };
        for at in order {
            sorted.push(self.get(at as usize));
        }
        sorted.bytes.shrink_to_fit();
        KeySet { found: sorted }
    }
}

impl KeySet {
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains(&self, key: &str) -> bool {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = (low + high) / 2;
            match self.found.get(middle).cmp(key) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return true,
            }
        }
        false
    }

    /// Every key, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.found.get(i))
    }
}

impl<'a> FromIterator<&'a str> for KeySet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(keys: I) -> KeySet {
        let mut found = Found::default();
        for key in keys {
            found.push(key);
        }
        found.into_set()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_kept_once_and_found() {
        let set: KeySet = ["2015/00730", "22-002-S07", "", "2015/00730", "Ö-1", "x-1"]
            .into_iter()
            .collect();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            ["", "2015/00730", "22-002-S07", "x-1", "Ö-1"]
        );
        for key in ["", "2015/00730", "22-002-S07", "x-1", "Ö-1"] {
            assert!(set.contains(key), "{key}");
        }
        for key in ["2015/0073", "22-002-s07", "x-2", "Ö"] {
            assert!(!set.contains(key), "{key}");
        }
        assert!(!KeySet::default().contains(""));
    }
}
