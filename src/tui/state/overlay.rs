//! The overlay part of the state: who has the keys besides the screen,
//! the search box or a box over the screen (help, the note editor, the
//! facet picker, the export prompt), with that box's state.

use crate::export::Format;
use crate::tui::facet_picker::FacetPicker;
use crate::tui::keymap::{Action, Context};
use crate::tui::note_editor::NoteEditor;

/// What an action does in help, for the browser to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpStep {
    Scroll(usize),
    Close,
    Quit,
    Ignored,
}

/// Help's update: scrolling `scroll` over `len` rows, `page` at a time.
pub fn help_update(scroll: usize, action: Action, page: usize, len: usize) -> HelpStep {
    let last = len.saturating_sub(page);
    let to = match action {
        Action::Quit => return HelpStep::Quit,
        Action::Cancel => return HelpStep::Close,
        Action::MoveDown => scroll + 1,
        Action::MoveUp => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        Action::First => 0,
        Action::Last => last,
        _ => return HelpStep::Ignored,
    };
    HelpStep::Scroll(to.min(last))
}

/// What an action does in the export prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportStep {
    Write(Format),
    ToggleNotes,
    Cancel,
    Ignored,
}

pub fn export_update(action: Action) -> ExportStep {
    match action {
        Action::ExportCsv => ExportStep::Write(Format::Csv),
        Action::ExportExcel => ExportStep::Write(Format::ExcelCsv),
        Action::ExportJson => ExportStep::Write(Format::Json),
        Action::ExportMarkdown => ExportStep::Write(Format::Markdown),
        Action::ToggleExportNotes => ExportStep::ToggleNotes,
        Action::Cancel => ExportStep::Cancel,
        _ => ExportStep::Ignored,
    }
}

/// Who has the keys besides the screen: the search box, or a box over
/// the screen. One enum, so an overlay and its state can never disagree.
#[derive(Default)]
pub enum Overlay {
    /// The screen has the keys.
    #[default]
    Closed,
    /// Typing in the search box.
    SearchBox,
    Help {
        scroll: usize,
    },
    Note(NoteEditor),
    Facets(FacetPicker),
    Export,
}

impl Overlay {
    /// Where keys are read now: each context has its own key map.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Closed => Context::Normal,
            Overlay::SearchBox => Context::Filter,
            Overlay::Help { .. } => Context::Help,
            Overlay::Note(_) => Context::Note,
            Overlay::Facets(_) => Context::Picker,
            Overlay::Export => Context::Export,
        }
    }

    /// Closes any overlay (Normal), or opens the search box, help or the
    /// export prompt; the note editor and the picker open with their state.
    pub fn enter(&mut self, context: Context) -> bool {
        *self = match context {
            Context::Normal => Overlay::Closed,
            Context::Filter => Overlay::SearchBox,
            Context::Help => Overlay::Help { scroll: 0 },
            Context::Export => Overlay::Export,
            Context::Note | Context::Picker => return true,
        };
        true
    }

    pub fn help_scroll(&self) -> usize {
        match self {
            Overlay::Help { scroll } => *scroll,
            _ => 0,
        }
    }

    pub fn picker(&self) -> Option<&FacetPicker> {
        match self {
            Overlay::Facets(picker) => Some(picker),
            _ => None,
        }
    }

    pub fn picker_mut(&mut self) -> Option<&mut FacetPicker> {
        match self {
            Overlay::Facets(picker) => Some(picker),
            _ => None,
        }
    }

    pub fn note_editor(&self) -> Option<&NoteEditor> {
        match self {
            Overlay::Note(editor) => Some(editor),
            _ => None,
        }
    }

    pub fn note_editor_mut(&mut self) -> Option<&mut NoteEditor> {
        match self {
            Overlay::Note(editor) => Some(editor),
            _ => None,
        }
    }

    /// Closes the note editor, handing back what was written.
    pub fn take_note_editor(&mut self) -> Option<NoteEditor> {
        match std::mem::take(self) {
            Overlay::Note(editor) => Some(editor),
            other => {
                *self = other;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_scrolls_within_its_rows_and_closes() {
        assert_eq!(
            help_update(0, Action::PageDown, 10, 45),
            HelpStep::Scroll(10)
        );
        assert_eq!(
            help_update(30, Action::PageDown, 10, 45),
            HelpStep::Scroll(35)
        );
        assert_eq!(help_update(3, Action::Last, 10, 45), HelpStep::Scroll(35));
        assert_eq!(help_update(3, Action::First, 10, 45), HelpStep::Scroll(0));
        assert_eq!(help_update(3, Action::Cancel, 10, 45), HelpStep::Close);
        assert_eq!(help_update(3, Action::Sort, 10, 45), HelpStep::Ignored);
    }

    #[test]
    fn one_enum_says_who_has_the_keys() {
        let mut overlay = Overlay::default();
        assert_eq!(overlay.context(), Context::Normal);
        overlay.enter(Context::Filter);
        assert_eq!(overlay.context(), Context::Filter);
        overlay.enter(Context::Help);
        assert_eq!(
            (overlay.context(), overlay.help_scroll()),
            (Context::Help, 0)
        );
        overlay.enter(Context::Normal);
        assert_eq!(overlay.context(), Context::Normal, "closed, search box too");
    }

    #[test]
    fn the_note_editor_is_handed_back_once() {
        let editor = NoteEditor::new("p1".into(), None, "Ring".into());
        let mut overlay = Overlay::Note(editor);
        let taken = overlay.take_note_editor().expect("the editor");
        assert_eq!(taken.text, "Ring");
        assert_eq!(overlay.context(), Context::Normal);
        overlay.enter(Context::Export);
        assert!(overlay.take_note_editor().is_none());
        assert_eq!(overlay.context(), Context::Export, "left open");
    }

    #[test]
    fn the_export_prompt_names_a_format_or_a_toggle() {
        assert_eq!(
            export_update(Action::ExportJson),
            ExportStep::Write(Format::Json)
        );
        assert_eq!(
            export_update(Action::ToggleExportNotes),
            ExportStep::ToggleNotes
        );
        assert_eq!(export_update(Action::MoveDown), ExportStep::Ignored);
    }
}
