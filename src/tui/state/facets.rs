//! The browser around the facet picker: opening it, counting the values
//! it asks for, and applying what it picks.

use super::overlay::Overlay;
use super::{Notice, State};
use crate::facets::{Active, Facet};
use crate::tui::facet_picker::{FacetPicker, PickerStep};
use crate::tui::keymap::Context;

impl State {
    pub(super) fn open_facets(&mut self) -> bool {
        if self.is_loading() {
            self.status.say(Notice::FacetsWait);
            return true;
        }
        self.overlay = Overlay::Facets(FacetPicker::default());
        true
    }

    pub(super) fn clear_facets(&mut self) -> bool {
        if self.search.facets.is_empty() {
            return false;
        }
        self.search.facets = Default::default();
        self.status.say(Notice::FacetsCleared);
        self.refilter_keeping_selection();
        true
    }

    /// Does what the picker asked for.
    pub(super) fn picker_asks(&mut self, step: PickerStep) -> bool {
        match step {
            PickerStep::Changed => true,
            PickerStep::Ignored => false,
            PickerStep::Close => self.overlay.enter(Context::Normal),
            PickerStep::WantValues(facet) => {
                let values = self.facet_values(facet);
                if let Some(picker) = self.overlay.picker_mut() {
                    picker.show_values(facet, values);
                }
                true
            }
            PickerStep::WantActive => {
                let text = self
                    .search
                    .facets
                    .active
                    .as_ref()
                    .map_or(String::new(), |a| a.text.clone());
                if let Some(picker) = self.overlay.picker_mut() {
                    picker.show_active(text);
                }
                true
            }
            PickerStep::Pick(facet, value) => {
                match value {
                    Some(value) => self.search.facets.chosen.insert(facet, value),
                    None => self.search.facets.chosen.remove(&facet),
                };
                self.refilter_keeping_selection();
                self.overlay.enter(Context::Normal)
            }
            PickerStep::SetActive(text) => self.set_active(&text),
        }
    }

    /// The facet's values with their counts among the fuzzy filter's
    /// matches, under the other facets.
    fn facet_values(&self, facet: Facet) -> Vec<(String, usize)> {
        let matched: Vec<usize> = self
            .catalogue
            .filter(&self.search.query)
            .into_iter()
            .map(|m| m.index)
            .collect();
        let annotations = &self.annotations;
        let notes = |key: &str| annotations.get(key);
        self.catalogue
            .facet_counts(facet, &matched, &self.search.facets, &notes)
    }

    /// "Active during" from what was typed; a mistake is said and the
    /// prompt stays.
    fn set_active(&mut self, text: &str) -> bool {
        let active = match text {
            "" => None,
            text => match Active::parse(text) {
                Ok(active) => Some(active),
                Err(e) => {
                    self.status.say(Notice::Said(e));
                    return true;
                }
            },
        };
        self.search.facets.active = active;
        self.refilter_keeping_selection();
        self.overlay.enter(Context::Normal)
    }
}
