//! What arrives from other threads: the whole catalogue after the first
//! screen, and related projects for the detail shown.

use super::app::App;
use crate::catalogue::Catalogue;
use std::sync::mpsc::TryRecvError;

impl App {
    /// Takes the whole catalogue when it has arrived; true when it did (the
    /// list is filtered and sorted again, the selected project kept).
    pub fn poll_loading(&mut self) -> bool {
        let Some(receiver) = &self.loading else {
            return false;
        };
        let loaded = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return false,
            Ok(loaded) => loaded.map_err(|e| e.to_string()),
            Err(TryRecvError::Disconnected) => Err("reading stopped".to_string()),
        };
        self.loading = None;
        self.state.loading = false;
        match loaded {
            Ok(catalogue) => {
                self.say_orphans(&catalogue);
                // A filter typed meanwhile starts at its best match.
                let selected = self
                    .selected_key()
                    .filter(|_| !self.list.filter_pending)
                    .map(str::to_string);
                let before = (self.list.selection.clone(), self.list.detail_scroll);
                self.catalogue = catalogue;
                // Text matches point into the list they were found for.
                self.state.texts = Default::default();
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
                let said = crate::i18n::tf("cannot read every project: {}", &[&e]);
                self.message = Some(said);
            }
        }
        self.settle();
        true
    }

    /// Says, if nothing else is said, how many notes have lost their project.
    fn say_orphans(&mut self, catalogue: &Catalogue) {
        let orphans = self
            .reviews
            .orphans(catalogue.projects.iter().map(|p| p.key.as_str()));
        if orphans > 0 && self.message.is_none() {
            self.message = Some(format!(
                "{orphans} {} (esf notes)",
                crate::i18n::t("of your notes are for projects no longer in the cache")
            ));
        }
    }

    /// Takes related projects found for the detail shown; true when they
    /// came.
    pub fn poll_related(&mut self) -> bool {
        let Some(finder) = &self.finder else {
            return false;
        };
        let mut arrived = false;
        let state = &mut self.state;
        while let Some((key, related)) = finder.answer() {
            if state.detail.as_ref().is_some_and(|d| d.key == key) {
                state.related_arrived(related);
                arrived = true;
            }
        }
        arrived
    }
}

impl App {
    /// Takes the text matches when they have come; true when they did.
    pub fn poll_texts(&mut self) -> bool {
        let Some(answer) = self.text_searcher.as_ref().and_then(|t| t.latest()) else {
            return false;
        };
        self.state.texts_arrived(answer);
        self.settle();
        true
    }
}

impl super::state::State {
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// Something is coming from another thread that the screen will show.
    pub fn is_waiting(&self) -> bool {
        self.is_loading() || self.related_pending || self.texts.asked.is_some()
    }

    /// Related projects for the detail shown, or why there are none.
    pub(super) fn related_arrived(&mut self, found: super::related::Found) {
        self.related = found.unwrap_or_else(|e| {
            let said = crate::i18n::t("cannot find related projects");
            self.message = Some(format!("{said}: {e}"));
            Vec::new()
        });
        self.related_pending = false;
        self.detail_built_for = None;
    }

    /// Text matches for a query: the list takes them in if the query is
    /// still the one typed (a newer one has been asked for otherwise).
    pub(super) fn texts_arrived(&mut self, answer: super::text_search::TextAnswer) {
        if answer.query != self.list.query {
            return;
        }
        if let Some(problem) = answer.problem {
            self.message = Some(format!(
                "{}: {problem}",
                crate::i18n::t("cannot search the texts")
            ));
        }
        let mut hits = crate::search::fields::TextHits::default();
        for (group, term, keys) in &answer.found {
            hits.insert(*group, *term, &self.catalogue.indices_of(keys));
        }
        // After a first page the rest is still being searched.
        let asked = (!answer.complete).then(|| answer.query.clone());
        self.texts = super::state::Texts {
            query: answer.query,
            hits,
            snippets: answer.snippets,
            asked,
        };
        self.refilter_keeping_selection();
    }
}
