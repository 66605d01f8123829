//! The facet picker (`f`): first the facets with what each is set to, then
//! one facet's values with their counts under the current filter; "active
//! during" takes a year, month, date or range typed in. `F` clears all.

use super::app::{App, Mode};
use super::keymap::{Action, Context, Key};
use super::overlay::Overlay;
use super::selection::Selection;
use crate::facets::{Active, Facet};
use crate::i18n::t;

/// The rows of the first stage: every facet, then "active during".
pub const ACTIVE_ROW: usize = Facet::ALL.len();

pub enum Stage {
    /// Choosing a facet.
    Facets,
    /// Choosing one of a facet's values (with their counts); `shown` are
    /// indices into `values` matching `query`.
    Values {
        facet: Facet,
        values: Vec<(String, usize)>,
        shown: Vec<usize>,
        query: String,
    },
    /// Typing the period for "active during".
    Active { text: String },
}

pub struct FacetPicker {
    pub stage: Stage,
    pub selection: Selection,
    /// The facet row to come back to.
    facet_row: usize,
}

/// Rows the picker shows at most (its box is sized to the screen).
const PAGE: usize = 12;

impl App {
    pub(super) fn open_facets(&mut self) -> bool {
        if self.is_loading() {
            self.message = Some(t("facets wait until every project is in").into());
            return true;
        }
        self.overlay = Some(Overlay::Facets(FacetPicker {
            stage: Stage::Facets,
            selection: Selection::default(),
            facet_row: 0,
        }));
        true
    }

    pub(super) fn clear_facets(&mut self) -> bool {
        if self.facets.is_empty() {
            return false;
        }
        self.facets = Default::default();
        self.message = Some(t("facets cleared").into());
        self.refilter_keeping_selection();
        true
    }

    pub(super) fn on_picker_action(&mut self, action: Action) -> bool {
        let Some(picker) = self.picker() else {
            return self.set_mode(Mode::Normal);
        };
        match picker.stage {
            Stage::Facets => self.on_facet_row_action(action),
            Stage::Values { .. } => self.on_value_action(action),
            Stage::Active { .. } => self.on_active_action(action),
        }
    }

    /// A character typed in the picker: it narrows the values or writes the
    /// period; on the list of facets it means what it means in the list
    /// (`j`, `k`, `q`, `f` as the user bound them).
    pub(super) fn type_in_picker(&mut self, key: Key, c: char) -> bool {
        let Some(picker) = self.picker_open() else {
            return false;
        };
        match &mut picker.stage {
            Stage::Facets => match self.keys.action(Context::Normal, key) {
                Some(Action::Quit | Action::Facets | Action::Back) => self.close_picker(),
                Some(a @ (Action::MoveDown | Action::MoveUp | Action::First | Action::Last)) => {
                    self.on_facet_row_action(a)
                }
                _ => false,
            },
            Stage::Values { query, .. } => {
                query.push(c);
                self.narrow_values()
            }
            Stage::Active { text } => {
                text.push(c);
                true
            }
        }
    }

    fn picker_mut(&mut self) -> &mut FacetPicker {
        self.picker_open().expect("the picker is open")
    }

    fn on_facet_row_action(&mut self, action: Action) -> bool {
        let rows = ACTIVE_ROW + 1;
        match action {
            Action::Cancel => self.close_picker(),
            Action::Confirm => {
                let row = self.picker_mut().selection.index;
                self.picker_mut().facet_row = row;
                match Facet::ALL.get(row) {
                    Some(facet) => self.show_values(*facet),
                    None => self.show_active(),
                }
                true
            }
            other => self.picker_move(other, rows),
        }
    }

    /// Moving keys in a list of `len` rows.
    fn picker_move(&mut self, action: Action, len: usize) -> bool {
        let page = PAGE as isize;
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::First => -(len as isize),
            Action::Last => len as isize,
            _ => return false,
        };
        self.picker_step(delta, len)
    }

    fn picker_step(&mut self, delta: isize, len: usize) -> bool {
        self.picker_mut().selection.move_by(delta, len, PAGE)
    }

    fn close_picker(&mut self) -> bool {
        self.set_mode(Mode::Normal)
    }

    fn back_to_facets(&mut self) -> bool {
        let picker = self.picker_mut();
        picker.stage = Stage::Facets;
        let row = picker.facet_row;
        picker.selection.select(row, ACTIVE_ROW + 1, PAGE);
        true
    }

    /// The facet's values with their counts among the fuzzy filter's
    /// matches, under the other facets.
    fn show_values(&mut self, facet: Facet) {
        let matched: Vec<usize> = self
            .catalogue
            .filter(&self.query)
            .into_iter()
            .map(|m| m.index)
            .collect();
        let reviews = &self.reviews;
        let notes = |key: &str| reviews.get(key);
        let values = self
            .catalogue
            .facet_counts(facet, &matched, &self.facets, &notes);
        let shown = (0..values.len()).collect();
        let picker = self.picker_mut();
        picker.stage = Stage::Values {
            facet,
            values,
            shown,
            query: String::new(),
        };
        picker.selection.reset();
    }

    fn show_active(&mut self) {
        let text = self
            .facets
            .active
            .as_ref()
            .map_or(String::new(), |a| a.text.clone());
        self.picker_mut().stage = Stage::Active { text };
    }

    /// Choosing a value: moving keys move, typing narrows the values,
    /// Confirm picks (the first row, "any", clears the facet).
    fn on_value_action(&mut self, action: Action) -> bool {
        let Some(FacetPicker {
            stage: Stage::Values { shown, query, .. },
            ..
        }) = self.picker_open()
        else {
            return false;
        };
        let len = shown.len() + 1;
        match action {
            Action::Cancel => self.back_to_facets(),
            Action::Confirm => self.pick_value(),
            Action::DeleteBack => {
                query.pop();
                self.narrow_values()
            }
            Action::ClearText => {
                query.clear();
                self.narrow_values()
            }
            other => self.picker_move(other, len),
        }
    }

    /// Values that start with the query first, then those containing it.
    fn narrow_values(&mut self) -> bool {
        let Some(FacetPicker {
            stage:
                Stage::Values {
                    shown,
                    query,
                    values,
                    ..
                },
            selection,
            ..
        }) = self.picker_open()
        else {
            return false;
        };
        let wanted = query.to_lowercase();
        let lower: Vec<String> = values.iter().map(|(v, _)| v.to_lowercase()).collect();
        *shown = (0..values.len())
            .filter(|&i| lower[i].contains(&wanted))
            .collect();
        shown.sort_by_key(|&i| !lower[i].starts_with(&wanted));
        selection.reset();
        true
    }

    fn pick_value(&mut self) -> bool {
        let Some(FacetPicker {
            stage:
                Stage::Values {
                    facet,
                    values,
                    shown,
                    ..
                },
            selection,
            ..
        }) = self.picker()
        else {
            return false;
        };
        let facet = *facet;
        let chosen = match selection.index {
            0 => None,
            n => shown.get(n - 1).map(|&i| values[i].0.clone()),
        };
        match chosen {
            Some(value) => self.facets.chosen.insert(facet, value),
            None => self.facets.chosen.remove(&facet),
        };
        self.refilter_keeping_selection();
        self.close_picker()
    }

    fn on_active_action(&mut self, action: Action) -> bool {
        let Some(FacetPicker {
            stage: Stage::Active { text },
            ..
        }) = self.picker_open()
        else {
            return false;
        };
        match action {
            Action::Cancel => return self.back_to_facets(),
            Action::DeleteBack => {
                text.pop();
            }
            Action::ClearText => text.clear(),
            Action::Confirm if text.trim().is_empty() => {
                self.facets.active = None;
                self.refilter_keeping_selection();
                return self.close_picker();
            }
            Action::Confirm => match Active::parse(text) {
                Ok(active) => {
                    self.facets.active = Some(active);
                    self.refilter_keeping_selection();
                    return self.close_picker();
                }
                Err(e) => self.message = Some(e),
            },
            _ => return false,
        }
        true
    }
}
