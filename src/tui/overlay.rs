//! The box over the screen that takes the keys while it is open: help,
//! the note editor, the facet picker, the export prompt. One enum, so an
//! overlay and its state can never disagree.

use super::app::Mode;
use super::facet_picker::FacetPicker;
use super::review::NoteEditor;
use super::state::State;

pub enum Overlay {
    Help { scroll: usize },
    Note(NoteEditor),
    Facets(FacetPicker),
    Export,
}

impl State {
    /// What has the keys now: an overlay, the search box, or the screen.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Note(_)) => Mode::Note,
            Some(Overlay::Facets(_)) => Mode::Facets,
            Some(Overlay::Export) => Mode::Export,
            None if self.filtering => Mode::Filtering,
            None => Mode::Normal,
        }
    }

    /// Closes any overlay and leaves the search box (Normal), or opens
    /// the search box, help or the export prompt.
    pub(super) fn set_mode(&mut self, mode: Mode) -> bool {
        match mode {
            Mode::Normal => {
                self.overlay = None;
                self.filtering = false;
            }
            Mode::Filtering => self.filtering = true,
            Mode::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Mode::Export => self.overlay = Some(Overlay::Export),
            // These open with their state: `open_note`, `open_picker`.
            Mode::Note | Mode::Facets => {}
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
