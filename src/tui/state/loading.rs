//! What arrives from other threads: the whole catalogue after the first
//! screen, related projects for the detail shown, text matches.

use super::{Notice, State};
use crate::catalogue::Catalogue;

impl State {
    /// The whole catalogue has arrived (or why it could not be read): the
    /// list is filtered and sorted again, the selected project kept.
    pub(super) fn loaded(&mut self, loaded: Result<Box<Catalogue>, String>) -> bool {
        self.loading = false;
        match loaded {
            Ok(catalogue) => {
                self.say_orphans(&catalogue);
                // A filter typed meanwhile starts at its best match.
                let selected = self
                    .selected_key()
                    .filter(|_| !self.list.filter_pending)
                    .map(str::to_string);
                let before = (self.list.selection.clone(), self.list.detail_scroll);
                self.catalogue = *catalogue;
                // Text matches point into the list they were found for.
                self.search.texts = Default::default();
                self.refilter();
                self.list.filter_pending = false;
                match selected.and_then(|k| self.row_of(&k)) {
                    Some(at) if at == before.0.index => {
                        (self.list.selection, self.list.detail_scroll) = before;
                    }
                    Some(at) => {
                        let height = self.list_height();
                        self.list.selection.index = at;
                        self.list.selection.follow(height);
                    }
                    None => {}
                }
            }
            Err(e) => {
                self.status.say(Notice::CannotReadEveryProject(e));
            }
        }
        true
    }

    /// Says, if nothing else is said, how many notes have lost their project.
    fn say_orphans(&mut self, catalogue: &Catalogue) {
        let orphans = self
            .annotations
            .orphans(catalogue.projects.iter().map(|p| p.key.as_str()));
        if orphans > 0 {
            self.status.say_if_quiet(Notice::Orphans(orphans));
        }
    }
}

impl State {
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// Something is coming from another thread that the screen will show.
    pub fn is_waiting(&self) -> bool {
        self.is_loading() || self.detail.related_pending || self.search.texts.asked.is_some()
    }

    /// Text matches for a query: the list takes them in if the query is
    /// still the one typed (a newer one has been asked for otherwise).
    pub(super) fn texts_arrived(&mut self, answer: crate::tui::msg::TextAnswer) -> bool {
        let catalogue = &self.catalogue;
        let indices_of = |keys: &[String]| catalogue.indices_of(keys);
        let (taken, notice) = self.search.texts_arrived(answer, indices_of);
        if let Some(notice) = notice {
            self.status.say(notice);
        }
        if taken {
            self.refilter_keeping_selection();
        }
        true
    }
}
