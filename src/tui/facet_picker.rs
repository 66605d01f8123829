//! The facet picker (`f`): first the facets with what each is set to, then
//! one facet's values with their counts under the current filter; "active
//! during" takes a year, month, date or range typed in. `F` clears all.
//!
//! The picker is a state of its own with its own update; it knows nothing
//! of the browser, which counts the values it asks for and applies what it
//! picks (the state's `picker_asks`).

use super::keymap::Action;
use super::selection::Selection;
use crate::catalogue::facets::Facet;

/// The rows of the first stage: every facet, then "active during".
pub const ACTIVE_ROW: usize = Facet::ALL.len();

/// Rows the picker shows at most (its box is sized to the screen).
const PAGE: usize = 12;

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

/// What an action did in the picker, for the browser to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerStep {
    /// Moved or edited: draw again.
    Changed,
    Ignored,
    Close,
    /// The values of this facet are wanted (with their counts).
    WantValues(Facet),
    /// The "active during" prompt is wanted.
    WantActive,
    /// This value, or any (None), for the facet.
    Pick(Facet, Option<String>),
    /// The "active during" text typed (empty: any time).
    SetActive(String),
}

impl Default for FacetPicker {
    fn default() -> FacetPicker {
        FacetPicker {
            stage: Stage::Facets,
            selection: Selection::default(),
            facet_row: 0,
        }
    }
}

impl FacetPicker {
    pub fn update(&mut self, action: Action) -> PickerStep {
        match self.stage {
            Stage::Facets => self.on_facet_row(action),
            Stage::Values { .. } => self.on_value(action),
            Stage::Active { .. } => self.on_active(action),
        }
    }

    /// A character typed: it narrows the values or writes the period. On
    /// the list of facets, `as_in_list` is what the key means in the list
    /// (`j`, `k`, `q`, `f` as the user bound them).
    pub fn type_char(&mut self, c: char, as_in_list: Option<Action>) -> PickerStep {
        match &mut self.stage {
            Stage::Facets => match as_in_list {
                Some(Action::Quit | Action::Facets | Action::Back) => PickerStep::Close,
                Some(a @ (Action::MoveDown | Action::MoveUp | Action::First | Action::Last)) => {
                    self.on_facet_row(a)
                }
                _ => PickerStep::Ignored,
            },
            Stage::Values { query, .. } => {
                query.push(c);
                self.narrow_values()
            }
            Stage::Active { text } => {
                text.push(c);
                PickerStep::Changed
            }
        }
    }

    /// The values asked for with `WantValues`, to choose from.
    pub fn show_values(&mut self, facet: Facet, values: Vec<(String, usize)>) {
        let shown = (0..values.len()).collect();
        self.stage = Stage::Values {
            facet,
            values,
            shown,
            query: String::new(),
        };
        self.selection.reset();
    }

    /// The prompt asked for with `WantActive`, with the period in force.
    pub fn show_active(&mut self, text: String) {
        self.stage = Stage::Active { text };
    }

    fn on_facet_row(&mut self, action: Action) -> PickerStep {
        match action {
            Action::Cancel => PickerStep::Close,
            Action::Confirm => {
                self.facet_row = self.selection.index;
                match Facet::ALL.get(self.facet_row) {
                    Some(facet) => PickerStep::WantValues(*facet),
                    None => PickerStep::WantActive,
                }
            }
            other => self.step(other, ACTIVE_ROW + 1),
        }
    }

    /// Moving keys in a list of `len` rows.
    fn step(&mut self, action: Action, len: usize) -> PickerStep {
        let page = PAGE as isize;
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::First => -(len as isize),
            Action::Last => len as isize,
            _ => return PickerStep::Ignored,
        };
        match self.selection.move_by(delta, len, PAGE) {
            true => PickerStep::Changed,
            false => PickerStep::Ignored,
        }
    }

    fn back_to_facets(&mut self) -> PickerStep {
        self.stage = Stage::Facets;
        self.selection.select(self.facet_row, ACTIVE_ROW + 1, PAGE);
        PickerStep::Changed
    }

    /// Choosing a value: moving keys move, typing narrows the values,
    /// Confirm picks (the first row, "any", clears the facet).
    fn on_value(&mut self, action: Action) -> PickerStep {
        let Stage::Values {
            facet,
            values,
            shown,
            query,
        } = &mut self.stage
        else {
            return PickerStep::Ignored;
        };
        match action {
            Action::Cancel => self.back_to_facets(),
            Action::Confirm => {
                let chosen = match self.selection.index {
                    0 => None,
                    n => shown.get(n - 1).map(|&i| values[i].0.clone()),
                };
                PickerStep::Pick(*facet, chosen)
            }
            Action::DeleteBack => {
                query.pop();
                self.narrow_values()
            }
            Action::ClearText => {
                query.clear();
                self.narrow_values()
            }
            other => {
                let len = shown.len() + 1;
                self.step(other, len)
            }
        }
    }

    /// Values that start with the query first, then those containing it
    /// (case and, typed without them, å/ä/ö folded).
    fn narrow_values(&mut self) -> PickerStep {
        let Stage::Values {
            values,
            shown,
            query,
            ..
        } = &mut self.stage
        else {
            return PickerStep::Ignored;
        };
        let wanted = crate::search::as_typed(query);
        let lower: Vec<String> = values
            .iter()
            .map(|(v, _)| crate::search::comparable(v, &wanted))
            .collect();
        *shown = (0..values.len())
            .filter(|&i| lower[i].contains(&wanted))
            .collect();
        shown.sort_by_key(|&i| !lower[i].starts_with(&wanted));
        self.selection.reset();
        PickerStep::Changed
    }

    fn on_active(&mut self, action: Action) -> PickerStep {
        let Stage::Active { text } = &mut self.stage else {
            return PickerStep::Ignored;
        };
        match action {
            Action::Cancel => return self.back_to_facets(),
            Action::Confirm => return PickerStep::SetActive(text.trim().to_string()),
            Action::DeleteBack => {
                text.pop();
            }
            Action::ClearText => text.clear(),
            _ => return PickerStep::Ignored,
        }
        PickerStep::Changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_walks_to_a_value_and_picks_it() {
        let mut picker = FacetPicker::default();
        assert_eq!(picker.update(Action::Last), PickerStep::Changed);
        assert_eq!(picker.selection.index, ACTIVE_ROW);
        picker.update(Action::First);
        assert_eq!(
            picker.update(Action::Confirm),
            PickerStep::WantValues(Facet::ALL[0])
        );
        let values = vec![
            ("Västsverige".to_string(), 4),
            ("Sydsverige".to_string(), 1),
        ];
        picker.show_values(Facet::ALL[0], values);
        picker.type_char('s', None);
        picker.type_char('y', None);
        picker.update(Action::MoveDown);
        let picked = PickerStep::Pick(Facet::ALL[0], Some("Sydsverige".into()));
        assert_eq!(picker.update(Action::Confirm), picked);
        assert_eq!(
            picker.update(Action::Cancel),
            PickerStep::Changed,
            "back to the facets"
        );
        assert!(matches!(picker.stage, Stage::Facets));
    }

    #[test]
    fn the_period_is_typed_and_handed_over() {
        let mut picker = FacetPicker::default();
        picker.show_active(String::new());
        for c in "2016-03".chars() {
            picker.type_char(c, None);
        }
        assert_eq!(
            picker.update(Action::Confirm),
            PickerStep::SetActive("2016-03".into())
        );
    }

    #[test]
    fn typing_without_the_letters_or_in_capitals_narrows_the_values() {
        let mut picker = FacetPicker::default();
        let values = vec![
            ("Göteborgs Stad".to_string(), 2),
            ("Försäkringskassan".to_string(), 2),
            ("Östra Göteborg".to_string(), 1),
        ];
        let shown = |p: &FacetPicker| match &p.stage {
            Stage::Values { shown, .. } => shown.clone(),
            _ => Vec::new(),
        };
        picker.show_values(Facet::ALL[0], values.clone());
        "GOTEB".chars().for_each(|c| _ = picker.type_char(c, None));
        assert_eq!(shown(&picker), vec![0, 2], "starting with it first");
        picker.show_values(Facet::ALL[0], values);
        "östra".chars().for_each(|c| _ = picker.type_char(c, None));
        assert_eq!(shown(&picker), vec![2], "ö typed is ö");
    }
}
