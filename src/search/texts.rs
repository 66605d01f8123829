//! Many strings in one buffer, for the search box and its stored index.

/// Many strings in one buffer: a million separate allocations would cost
/// a third more memory and scatter the scan. Ends are four bytes each (a
/// million names are some 60 MB of text).
#[derive(Debug, Default)]
pub(super) struct Texts {
    pub(super) bytes: String,
    pub(super) ends: Vec<u32>,
}

impl Texts {
    pub(super) fn get(&self, index: usize) -> &str {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.bytes[start as usize..self.ends[index] as usize]
    }

    /// Adds a text; past 4 GB in all (never met) it is kept empty.
    pub(super) fn push(&mut self, text: &str) {
        let end = self.bytes.len() + text.len();
        match u32::try_from(end) {
            Ok(end) => {
                self.bytes.push_str(text);
                self.ends.push(end);
            }
            Err(_) => self.ends.push(self.ends.last().copied().unwrap_or(0)),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }
}
