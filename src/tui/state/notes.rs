//! Notes, bookmarks and review states in the browser: `n` edits the note
//! of the selected project, `b` toggles its bookmark, `r` steps its review
//! state. The shell writes every change at once (one transaction); what
//! was written comes back, and the annotations follow it.

use super::overlay::Overlay;
use super::{Notice, State};
use crate::model::Annotation;
use crate::tui::effect::{Effect, Mark};
use crate::tui::msg::NoteWritten;
use crate::tui::note_editor::NoteEditor;

impl State {
    /// The key and name of the selected project.
    fn selected_project(&self) -> Option<(String, Option<String>)> {
        let key = self.selected_key()?;
        let index = self.list.rows[self.list.selection.index];
        Some((key.to_string(), self.catalogue.projects[index].name.clone()))
    }

    /// Changes the selected project's bookmark or review state; the status
    /// bar says what happened, or why it could not.
    fn annotate(&mut self, mark: Mark) -> bool {
        let Some((key, name)) = self.selected_project() else {
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
        let Some((key, name)) = self.selected_project() else {
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

    /// A bookmark or review state written, or why not.
    pub(super) fn annotated(&mut self, mark: Mark, written: Result<Annotation, String>) -> bool {
        let notice = match written {
            Ok(a) => {
                self.annotations.written(&a);
                match mark {
                    Mark::Bookmark if a.bookmarked => Notice::Bookmarked,
                    Mark::Bookmark => Notice::BookmarkRemoved,
                    Mark::Review => Notice::Review(a.review),
                }
            }
            Err(e) => Notice::Said(e),
        };
        self.status.say(notice);
        self.detail.built_for = None;
        true
    }

    /// A note written; or, when it could not be, the editor back with the
    /// text (the user's: it stays until a save succeeds or they cancel).
    pub(super) fn note_written(&mut self, written: Result<NoteWritten, Box<NoteEditor>>) -> bool {
        let notice = match written {
            Ok(w) => {
                self.annotations.written(&w.stored);
                match w.kept_theirs {
                    true => Notice::NoteSavedAfterTheirs,
                    false if w.stored.note.is_empty() => Notice::NoteRemoved,
                    false => Notice::NoteSaved,
                }
            }
            Err(editor) => {
                self.overlay = Overlay::Note(*editor);
                Notice::NoteNotSaved
            }
        };
        self.status.say(notice);
        self.detail.built_for = None;
        true
    }
}

impl State {
    /// The changes the user has not seen, from the last imports.
    pub fn set_changes(&mut self, cache_id: String, changes: Vec<crate::model::Change>) {
        self.cache_id = Some(cache_id);
        self.changes = changes.into_iter().map(|c| (c.key.clone(), c)).collect();
    }

    /// Opening a project marks its change as seen.
    pub(super) fn mark_selected_seen(&mut self) {
        let key = self.selected_key().map(str::to_string);
        let (Some(key), Some(cache)) = (key, self.cache_id.clone()) else {
            return;
        };
        let Some(change) = self.changes.remove(&key) else {
            return;
        };
        self.ask(Effect::MarkSeen { cache, change });
    }
}
