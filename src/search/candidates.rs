//! Which projects could match a term, found before any project is scored:
//! one scan of every name (or id) in its buffer instead of a search per
//! project, and the projects of each shared value that matched. A superset
//! of the matches: the scoring that follows decides.

use super::Haystacks;
use memchr::memmem::Finder;

/// A set of candidate indices, one bit each (a million in 125 KB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn none(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn all(len: usize) -> Bits {
        let mut bits = Bits {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if let Some(last) = bits.words.last_mut() {
            let used = len % 64;
            if used != 0 {
                *last = (1u64 << used) - 1;
            }
        }
        bits
    }

    pub fn set(&mut self, index: usize) {
        self.words[index / 64] |= 1 << (index % 64);
    }

    pub fn has(&self, index: usize) -> bool {
        self.words[index / 64] & (1 << (index % 64)) != 0
    }

    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The indices in the set, in increasing order.
    pub fn indices(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count());
        for (w, &word) in self.words.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                out.push(w * 64 + rest.trailing_zeros() as usize);
                rest &= rest - 1;
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Haystacks {
    /// Marks every candidate whose folded text holds one of the pieces.
    pub(super) fn holding(&self, pieces: &[Finder<'_>], into: &mut Bits) {
        let bytes = self.folded.bytes.as_bytes();
        let ends = &self.folded.ends;
        for piece in pieces {
            let width = piece.needle().len();
            if width == 0 {
                *into = Bits::all(self.len());
                return;
            }
            let (mut from, mut index) = (0, 0);
            while let Some(found) = piece.find(&bytes[from..]) {
                let at = from + found;
                index = candidate_at(ends, index, at);
                let Some(&end) = ends.get(index) else { break };
                let end = end as usize;
                if at + width <= end {
                    into.set(index);
                    from = end;
                } else {
                    // Across the boundary of two candidates: look on.
                    from = at + 1;
                }
            }
        }
    }
}

/// The candidate whose text holds byte `at`, looking on from `from`
/// (finds come in order): a few steps, then a binary search.
fn candidate_at(ends: &[u32], mut from: usize, at: usize) -> usize {
    for _ in 0..8 {
        match ends.get(from) {
            Some(&end) if end as usize <= at => from += 1,
            _ => return from,
        }
    }
    from + ends[from..].partition_point(|&end| end as usize <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(texts: &[&str], pieces: &[&str]) -> Vec<usize> {
        let haystacks = Haystacks::new(texts.iter().copied());
        let finders: Vec<Finder> = pieces.iter().map(|p| Finder::new(p.as_bytes())).collect();
        let mut bits = Bits::none(texts.len());
        haystacks.holding(&finders, &mut bits);
        bits.indices()
    }

    #[test]
    fn a_piece_marks_the_texts_it_is_in_never_across_two() {
        let texts = ["Nya vägar", "Göteborg", "ab", "cd", "", "Vellinge vägar"];
        assert_eq!(holding(&texts, &["vag"]), vec![0, 5]);
        assert_eq!(holding(&texts, &["got"]), vec![1]);
        assert_eq!(holding(&texts, &["bc"]), Vec::<usize>::new(), "ab|cd");
        assert_eq!(holding(&texts, &["ab", "cd"]), vec![2, 3]);
        assert_eq!(holding(&texts, &[""]), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn sets_of_any_size() {
        for len in [0, 1, 63, 64, 65, 200] {
            let all = Bits::all(len);
            assert_eq!(all.count(), len);
            assert_eq!(all.indices(), (0..len).collect::<Vec<_>>());
            let mut some = Bits::none(len);
            (0..len).step_by(3).for_each(|i| some.set(i));
            let mut both = all.clone();
            both.and_with(&some);
            assert_eq!(both, some);
            let mut either = Bits::none(len);
            either.or_with(&some);
            assert_eq!(either.count(), len.div_ceil(3));
        }
    }
}
