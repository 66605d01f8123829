//! Where a tail's projects go among an index's, and the index's columns
//! moved in place to take them (see [`super::tail`]).

use super::texts::Texts;
use super::Haystacks;

/// Where a tail's projects go among an index's, and which of the index's
/// are left out.
pub(in crate::search) struct Layout {
    /// The index's projects left out, rising.
    gone: Vec<usize>,
    /// For each of the tail's projects, how many of the index's kept
    /// projects come before it (never falling).
    at: Vec<usize>,
}

impl Layout {
    pub(in crate::search) fn new(gone: Vec<usize>, at: Vec<usize>) -> Layout {
        Layout { gone, at }
    }

    /// The number of projects after the merge.
    pub(in crate::search) fn len(&self, before: usize) -> usize {
        before - self.gone.len() + self.at.len()
    }

    /// The place of the index's project `i` after the merge, if kept.
    pub(in crate::search) fn place_of_kept(&self, i: usize) -> Option<usize> {
        let gone_before = self.gone.partition_point(|&g| g < i);
        if self.gone.get(gone_before) == Some(&i) {
            return None;
        }
        let kept = i - gone_before;
        Some(kept + self.at.partition_point(|&a| a <= kept))
    }

    /// The place of the tail's project `j` after the merge.
    pub(in crate::search) fn place_of_added(&self, j: usize) -> Option<usize> {
        Some(self.at.get(j)? + j)
    }

    /// One value a project: the index's left out, the tail's put in.
    pub(in crate::search) fn merge_each<T: Copy + Default>(&self, data: &mut Vec<T>, added: &[T]) {
        let mut next_gone = self.gone.iter().peekable();
        let mut i = 0;
        data.retain(|_| {
            let gone = next_gone.next_if_eq(&&i).is_some();
            i += 1;
            !gone
        });
        let (kept, m) = (data.len(), added.len().min(self.at.len()));
        data.resize(kept + m, T::default());
        let (mut k, mut j) = (kept, m);
        while j > 0 {
            let o = k + j - 1;
            if self.at[j - 1] >= k {
                j -= 1;
                data[o] = added[j];
            } else {
                k -= 1;
                data[o] = data[k];
            }
        }
    }

    /// A run of values a project (project `i`'s are
    /// `data[ends[i - 1]..ends[i]]`): the index's left out, the tail's put
    /// in. None past four thousand million values (never met).
    pub(in crate::search) fn merge_runs<T: Copy + Default>(
        &self,
        data: &mut Vec<T>,
        ends: &mut Vec<u32>,
        added: &[T],
        added_ends: &[u32],
    ) -> Option<()> {
        remove_runs(data, ends, &self.gone);
        let (n, m) = (ends.len(), added_ends.len().min(self.at.len()));
        let total = data.len() + run_start(added_ends, m);
        u32::try_from(total).ok()?;
        data.resize(total, T::default());
        ends.resize(n + m, 0);
        let (mut k, mut j, mut write) = (n, m, total);
        while j > 0 {
            let o = k + j - 1;
            let end = write;
            if self.at[j - 1] >= k {
                j -= 1;
                let (from, to) = (run_start(added_ends, j), run_end(added_ends, j));
                write -= to - from;
                data[write..end].copy_from_slice(added.get(from..to)?);
            } else {
                k -= 1;
                let (from, to) = (run_start(ends, k), run_end(ends, k));
                write -= to - from;
                data.copy_within(from..to, write);
            }
            ends[o] = end as u32;
        }
        Some(())
    }

    /// Texts, a project each.
    pub(in crate::search) fn merge_texts(&self, texts: &mut Texts, added: Texts) -> Option<()> {
        let mut bytes = std::mem::take(&mut texts.bytes).into_bytes();
        let added_bytes = added.bytes.as_bytes();
        self.merge_runs(&mut bytes, &mut texts.ends, added_bytes, &added.ends)?;
        // Whole texts moved: it is UTF-8 still (checked, as it was read).
        texts.bytes = String::from_utf8(bytes).ok()?;
        Some(())
    }

    /// Haystacks, a project each.
    pub(in crate::search) fn merge_haystacks(
        &self,
        haystacks: &mut Haystacks,
        added: Haystacks,
    ) -> Option<()> {
        let Haystacks {
            folded,
            unfolded,
            unfolded_ends,
            ..
        } = added;
        self.merge_texts(&mut haystacks.folded, folded)?;
        let (data, ends) = (&mut haystacks.unfolded, &mut haystacks.unfolded_ends);
        self.merge_runs(data, ends, &unfolded, &unfolded_ends)?;
        haystacks.last = Default::default();
        Some(())
    }
}

/// Leaves out the runs of projects `gone` (rising), moving the others up.
fn remove_runs<T: Copy>(data: &mut Vec<T>, ends: &mut Vec<u32>, gone: &[usize]) {
    let Some(&first) = gone.first() else {
        return;
    };
    let first = first.min(ends.len());
    let mut from = run_start(ends, first);
    let (mut write, mut kept) = (from, first);
    let mut gone = gone.iter().peekable();
    for i in first..ends.len() {
        let end = ends[i] as usize;
        if gone.next_if_eq(&&i).is_none() {
            data.copy_within(from..end, write);
            write += end - from;
            ends[kept] = write as u32;
            kept += 1;
        }
        from = end;
    }
    data.truncate(write);
    ends.truncate(kept);
}

fn run_start(ends: &[u32], i: usize) -> usize {
    match i {
        0 => 0,
        _ => ends[i - 1] as usize,
    }
}

fn run_end(ends: &[u32], i: usize) -> usize {
    ends[i] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Index projects 0..5, of which 1 and 3 are left out; the tail's two
    /// go before the index's first kept and after its third kept.
    fn layout() -> Layout {
        Layout::new(vec![1, 3], vec![0, 3])
    }

    #[test]
    fn one_value_a_project_is_merged_in_place() {
        let mut data = vec![10, 11, 12, 13, 14];
        layout().merge_each(&mut data, &[20, 21]);
        assert_eq!(data, [20, 10, 12, 14, 21]);
        let mut none: Vec<i32> = vec![10, 11];
        Layout::new(vec![], vec![]).merge_each(&mut none, &[]);
        assert_eq!(none, [10, 11]);
    }

    #[test]
    fn runs_are_merged_in_place_with_their_ends() {
        // Runs: [a], [b b], [], [d], [e e e].
        let mut data: Vec<char> = "abbdeee".chars().collect();
        let mut ends = vec![1, 3, 3, 4, 7];
        let added: Vec<char> = "xyy".chars().collect();
        layout()
            .merge_runs(&mut data, &mut ends, &added, &[1, 3])
            .unwrap();
        assert_eq!(data.iter().collect::<String>(), "xaeeeyy");
        assert_eq!(ends, [1, 2, 2, 5, 7]);
        let layout = layout();
        let places: Vec<Option<usize>> = (0..5).map(|i| layout.place_of_kept(i)).collect();
        assert_eq!(places, [Some(1), None, Some(2), None, Some(3)]);
        assert_eq!(layout.place_of_added(1), Some(4));
    }

    #[test]
    fn texts_are_merged_whole() {
        let mut texts = Texts::default();
        for t in ["alfa", "beta", "gamma", "delta", "epsilon"] {
            texts.push(t);
        }
        let mut added = Texts::default();
        added.push("Ål");
        added.push("öga");
        layout().merge_texts(&mut texts, added).unwrap();
        let all: Vec<&str> = (0..texts.len()).map(|i| texts.get(i)).collect();
        assert_eq!(all, ["Ål", "alfa", "gamma", "epsilon", "öga"]);
    }
}
