//! The facet picker (`f`): first the facets with what each is set to, then
//! one facet's values with their counts under the current filter; "active
//! during" takes a year, month, date or range typed in. `F` clears all.
//!
//! The picker is a state of its own with its own update; it knows nothing
//! of the browser, which counts the values it asks for and applies what it
//! picks (the state's `picker_asks`).

use super::keymap::Action;
use super::line_edit::{LineEdit, LineOp};
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
    /// indices into `values` matching `query`, best first. The rows are
    /// "(any)" then the values shown while nothing is typed, and only the
    /// values shown once something is.
    Values {
        facet: Facet,
        values: Vec<(String, usize)>,
        shown: Vec<usize>,
        query: LineEdit,
    },
    /// Typing the period for "active during".
    Active { text: LineEdit },
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
                query.insert(c);
                self.narrow_values()
            }
            Stage::Active { text } => {
                text.insert(c);
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
            query: LineEdit::default(),
        };
        self.selection.reset();
    }

    /// Whether the value rows begin with "(any)": only while nothing is
    /// typed, so that what is typed is always what Enter takes.
    pub fn offers_any(&self) -> bool {
        matches!(&self.stage, Stage::Values { query, .. } if query.trim().is_empty())
    }

    /// The prompt asked for with `WantActive`, with the period in force.
    pub fn show_active(&mut self, text: String) {
        self.stage = Stage::Active {
            text: LineEdit::new(text),
        };
    }

    /// Something is typed and no value holds it.
    pub fn matches_nothing(&self) -> bool {
        let typed = !self.offers_any();
        matches!(&self.stage, Stage::Values { shown, .. } if typed && shown.is_empty())
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
            // No text here: the start and end of the text are the rows'.
            Action::LineStart => self.step(Action::First, ACTIVE_ROW + 1),
            Action::LineEnd => self.step(Action::Last, ACTIVE_ROW + 1),
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
    /// Confirm picks the highlighted row ("(any)", offered while nothing
    /// is typed, clears the facet; with nothing matching, nothing).
    fn on_value(&mut self, action: Action) -> PickerStep {
        let any = usize::from(self.offers_any());
        let Stage::Values {
            facet,
            values,
            shown,
            query,
        } = &mut self.stage
        else {
            return PickerStep::Ignored;
        };
        if let Some(op) = LineOp::of(action) {
            return match query.apply(op) {
                true => self.narrow_values(),
                false => PickerStep::Changed,
            };
        }
        match action {
            Action::Cancel => self.back_to_facets(),
            Action::Confirm => match self.selection.index.checked_sub(any) {
                None => PickerStep::Pick(*facet, None),
                Some(n) => match shown.get(n) {
                    Some(&i) => PickerStep::Pick(*facet, Some(values[i].0.clone())),
                    None => PickerStep::Ignored,
                },
            },
            other => {
                let len = shown.len() + any;
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
        let wanted = crate::search::as_typed(query.as_str());
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
        if let Some(op) = LineOp::of(action) {
            text.apply(op);
            return PickerStep::Changed;
        }
        match action {
            Action::Cancel => self.back_to_facets(),
            Action::Confirm => PickerStep::SetActive(text.trim().to_string()),
            _ => PickerStep::Ignored,
        }
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
        let picked = PickerStep::Pick(Facet::ALL[0], Some("Sydsverige".into()));
        assert_eq!(picker.update(Action::Confirm), picked);
        assert_eq!(
            picker.update(Action::Cancel),
            PickerStep::Changed,
            "back to the facets"
        );
        assert!(matches!(picker.stage, Stage::Facets));
    }

    /// What is typed is what Enter takes: the best match, highlighted;
    /// "(any)" only while nothing is typed; nothing when nothing matches.
    #[test]
    fn enter_takes_the_best_match_of_what_was_typed_never_any() {
        let mut picker = FacetPicker::default();
        let facet = Facet::ALL[0];
        let values = vec![
            ("Ale".to_string(), 3),
            ("Göteborg".to_string(), 58),
            ("Östra Göteborg".to_string(), 1),
        ];
        picker.show_values(facet, values);
        assert!(picker.offers_any());
        "göteb".chars().for_each(|c| _ = picker.type_char(c, None));
        assert!(!picker.offers_any());
        assert_eq!(picker.selection.index, 0);
        let goteborg = PickerStep::Pick(facet, Some("Göteborg".into()));
        assert_eq!(picker.update(Action::Confirm), goteborg);
        picker.update(Action::MoveDown);
        let ostra = PickerStep::Pick(facet, Some("Östra Göteborg".into()));
        assert_eq!(picker.update(Action::Confirm), ostra);
        "zz".chars().for_each(|c| _ = picker.type_char(c, None));
        assert_eq!(picker.update(Action::Confirm), PickerStep::Ignored);
        picker.update(Action::ClearText);
        assert!(picker.offers_any(), "cleared: (any) is back, first");
        assert_eq!(
            picker.update(Action::Confirm),
            PickerStep::Pick(facet, None)
        );
    }

    #[test]
    fn the_narrowing_text_is_edited_at_its_cursor() {
        let mut picker = FacetPicker::default();
        let values = vec![("Göteborg".to_string(), 58), ("Lund".to_string(), 2)];
        picker.show_values(Facet::ALL[0], values);
        "gxteb".chars().for_each(|c| _ = picker.type_char(c, None));
        (0..3).for_each(|_| _ = picker.update(Action::CursorLeft));
        picker.update(Action::DeleteBack);
        picker.type_char('ö', None);
        let Stage::Values { query, shown, .. } = &picker.stage else {
            panic!("values shown");
        };
        assert_eq!((query.as_str(), query.cursor()), ("göteb", 2));
        assert_eq!(shown, &vec![0]);
        assert_eq!(picker.update(Action::LineEnd), PickerStep::Changed);
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
