//! The box over the screen that takes the keys while it is open: help,
//! the note editor, the facet picker, the export prompt. One enum, so an
//! overlay and its state can never disagree.

use super::facet_picker::FacetPicker;
use super::keymap::Action;
use super::keymap::Context;
use super::note_editor::NoteEditor;
use super::state::State;
use crate::export::Format;

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

pub enum Overlay {
    Help { scroll: usize },
    Note(NoteEditor),
    Facets(FacetPicker),
    Export,
}

impl State {
    /// What has the keys now, an overlay, the search box or the screen:
    /// each context has its own key map.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Note(_)) => Context::Note,
            Some(Overlay::Facets(_)) => Context::Picker,
            Some(Overlay::Export) => Context::Export,
            None if self.filtering => Context::Filter,
            None => Context::Normal,
        }
    }

    /// Closes any overlay and leaves the search box (Normal), or opens
    /// the search box, help or the export prompt.
    pub(super) fn enter(&mut self, context: Context) -> bool {
        match context {
            Context::Normal => {
                self.overlay = None;
                self.filtering = false;
            }
            Context::Filter => self.filtering = true,
            Context::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Context::Export => self.overlay = Some(Overlay::Export),
            // These open with their state: `start_note`, `open_facets`.
            Context::Note | Context::Picker => {}
        }
        true
    }

    pub fn help_scroll(&self) -> usize {
        match &self.overlay {
            Some(Overlay::Help { scroll }) => *scroll,
            _ => 0,
        }
    }

    pub fn picker(&self) -> Option<&FacetPicker> {
        match &self.overlay {
            Some(Overlay::Facets(picker)) => Some(picker),
            _ => None,
        }
    }

    pub(super) fn picker_open(&mut self) -> Option<&mut FacetPicker> {
        match &mut self.overlay {
            Some(Overlay::Facets(picker)) => Some(picker),
            _ => None,
        }
    }

    pub fn note_editor(&self) -> Option<&NoteEditor> {
        match &self.overlay {
            Some(Overlay::Note(editor)) => Some(editor),
            _ => None,
        }
    }

    pub(super) fn note_editor_open(&mut self) -> Option<&mut NoteEditor> {
        match &mut self.overlay {
            Some(Overlay::Note(editor)) => Some(editor),
            _ => None,
        }
    }

    /// Closes the note editor, handing back what was written.
    pub(super) fn take_note_editor(&mut self) -> Option<NoteEditor> {
        match self.overlay.take() {
            Some(Overlay::Note(editor)) => Some(editor),
            other => {
                self.overlay = other;
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
