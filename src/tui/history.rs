//! The searches of this session, for the search box to walk back through
//! (`Ctrl-p` older, `Ctrl-n` newer, as fzf does): a search cleared by one
//! `Esc` too many comes back. Kept in memory only: nothing typed into the
//! box is written anywhere.

/// Searches at most kept; the oldest go first.
const MOST: usize = 100;

#[derive(Debug, Default)]
pub struct History {
    /// Oldest first, each once.
    searches: Vec<String>,
    /// Where the walk is, while it is walked.
    at: Option<usize>,
    /// What the box held when the walk began, for `newer` to come back to.
    draft: String,
}

impl History {
    /// A search left (kept or cleared) is the newest; blank ones are not
    /// kept. Ends any walk.
    pub fn record(&mut self, search: &str) {
        self.at = None;
        if search.trim().is_empty() {
            return;
        }
        self.searches.retain(|s| s != search);
        self.searches.push(search.to_string());
        if self.searches.len() > MOST {
            self.searches.remove(0);
        }
    }

    /// The search before the one shown (`current`: what the box holds
    /// now); None when there is none older.
    pub fn older(&mut self, current: &str) -> Option<String> {
        let at = match self.at {
            None => {
                self.draft = current.to_string();
                // The newest is what the box shows already: skip it.
                let newest = self.searches.last().is_some_and(|s| s == current);
                self.searches.len().checked_sub(1 + usize::from(newest))?
            }
            Some(at) => at.checked_sub(1)?,
        };
        self.at = Some(at);
        Some(self.searches[at].clone())
    }

    /// The search after the one shown, and past the newest what the box
    /// held when the walk began; None when no walk is under way.
    pub fn newer(&mut self) -> Option<String> {
        let at = self.at? + 1;
        match self.searches.get(at) {
            Some(search) => {
                self.at = Some(at);
                Some(search.clone())
            }
            None => {
                self.at = None;
                Some(std::mem::take(&mut self.draft))
            }
        }
    }

    /// Typing ends a walk: the next `older` starts from the newest again.
    pub fn stop_walking(&mut self) {
        self.at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_goes_back_and_forth_to_what_was_typed() {
        let mut history = History::default();
        for search in ["vellinge", "  ", "göteborg", "vellinge", "IPS"] {
            history.record(search);
        }
        assert_eq!(history.newer(), None, "no walk under way");
        assert_eq!(history.older("ku").as_deref(), Some("IPS"));
        assert_eq!(history.older("IPS").as_deref(), Some("vellinge"));
        assert_eq!(history.older("vellinge").as_deref(), Some("göteborg"));
        assert_eq!(history.older("göteborg"), None, "each search once");
        assert_eq!(history.newer().as_deref(), Some("vellinge"));
        assert_eq!(history.newer().as_deref(), Some("IPS"));
        assert_eq!(history.newer().as_deref(), Some("ku"), "the draft back");
        assert_eq!(history.newer(), None);
    }

    #[test]
    fn the_newest_shown_already_is_passed_over_and_the_oldest_go() {
        let mut history = History::default();
        history.record("a");
        history.record("b");
        assert_eq!(history.older("b").as_deref(), Some("a"));
        history.stop_walking();
        assert_eq!(history.older("").as_deref(), Some("b"));
        for n in 0..MOST + 5 {
            history.record(&n.to_string());
        }
        assert_eq!(history.searches.len(), MOST);
        assert_eq!(history.searches[0], "5");
    }
}
