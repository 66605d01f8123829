//! The state's moves on the selected project's own marks: its bookmark,
//! review state and note (written by the shell, given back here), and
//! the changes the user has not seen.

use super::notes::NotesMsg;
use super::overlay::Overlay;
use super::{Notice, Selected, State, Unseen};
use crate::tui::effect::{Effect, Mark};
use crate::tui::note_editor::NoteEditor;

impl State {
    /// The selected project's key and name (a note keeps the name).
    fn selected_project(&self) -> Option<Selected> {
        let key = self.selected_key()?.to_string();
        let index = self.list.rows[self.list.selection.index];
        let name = self.catalogue.projects.name(index).map(str::to_string);
        Some(Selected { key, name })
    }

    /// Changes the selected project's bookmark or review state; the status
    /// bar says what happened, or why it could not.
    fn annotate(&mut self, mark: Mark) -> bool {
        let Some(Selected { key, name }) = self.selected_project() else {
            return false;
        };
        self.ask(Effect::Annotate { key, name, mark });
        true
    }

    pub(super) fn toggle_bookmark(&mut self) -> bool {
        self.annotate(Mark::Bookmark)
    }

    pub(super) fn cycle_review(&mut self) -> bool {
        self.annotate(Mark::Review)
    }

    /// `n`: the note is read as the notes file has it now (another `esf`
    /// may have written it); the editor opens when it arrives.
    pub(super) fn start_note(&mut self) -> bool {
        let Some(Selected { key, name }) = self.selected_project() else {
            return false;
        };
        self.ask(Effect::ReadNote { key, name });
        true
    }

    /// The note read: the editor opens on it.
    pub(super) fn note_read(&mut self, key: String, name: Option<String>, text: String) -> bool {
        self.overlay = Overlay::Note(NoteEditor::new(key, name, text));
        true
    }

    /// What the shell wrote to the notes file: taken in and said; the
    /// detail shows it.
    pub(super) fn notes_written(&mut self, msg: NotesMsg) -> bool {
        let notice = self.annotations.update(msg);
        self.detail.built_for = None;
        self.say(notice)
    }

    /// A note that could not be written: the editor back with the text
    /// (the user's: it stays until a save succeeds or they cancel).
    pub(super) fn note_not_written(&mut self, editor: NoteEditor) -> bool {
        self.overlay = Overlay::Note(editor);
        self.detail.built_for = None;
        self.say(Notice::NoteNotSaved)
    }

    /// The changes the user has not seen, from the last imports.
    pub fn set_changes(&mut self, cache_id: String, changes: Vec<crate::model::Change>) {
        self.changes = Unseen::of(cache_id, changes);
    }

    /// Opening a project marks its change as seen.
    pub(super) fn mark_selected_seen(&mut self) {
        let key = self.selected_key().map(str::to_string);
        if let Some(seen) = key.and_then(|key| self.changes.seen(&key)) {
            self.ask(seen);
        }
    }
}
