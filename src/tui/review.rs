//! Notes, bookmarks and review states in the browser: `n` edits the note
//! of the selected project, `b` toggles its bookmark, `r` steps its review
//! state. Every change is written at once (one transaction).

use super::effect::{Effect, Mark};
use super::keymap::Action;
use super::keymap::Context;
use super::msg::NoteWritten;
use super::note_editor::{NoteEditor, NoteStep};
use super::state::overlay::Overlay;
use super::state::{Notice, State};
use crate::model::Annotation;
use crate::store::Notes;
use std::collections::HashMap;

/// The user's notes as the browser is given them: the notes file's
/// connection (which only the shell uses) and every annotation in it,
/// read once (which the state keeps in step with every write).
#[derive(Default)]
pub struct Reviews {
    notes: Option<Notes>,
    annotations: Annotations,
}

impl Reviews {
    pub fn over(notes: Notes) -> Reviews {
        match notes.all() {
            Ok(all) => Reviews {
                annotations: Annotations {
                    by_key: all.into_iter().map(|a| (a.key.clone(), a)).collect(),
                    unavailable: None,
                },
                notes: Some(notes),
            },
            Err(e) => Reviews::unavailable(e.to_string()),
        }
    }

    pub fn unavailable(why: String) -> Reviews {
        Reviews {
            notes: None,
            annotations: Annotations {
                unavailable: Some(why),
                ..Annotations::default()
            },
        }
    }

    /// The connection for the shell, the annotations for the state.
    pub fn split(self) -> (Option<Notes>, Annotations) {
        (self.notes, self.annotations)
    }
}

/// The user's annotations by project key: what the views and filters read.
#[derive(Debug, Default)]
pub struct Annotations {
    by_key: HashMap<String, Annotation>,
    /// Why notes cannot be used (a damaged notes file, no data folder).
    pub unavailable: Option<String>,
}

impl Annotations {
    pub fn get(&self, key: &str) -> Option<&Annotation> {
        self.by_key.get(key)
    }

    /// How many annotations are for projects none of `keys` names: kept,
    /// and listed by `esf notes`.
    pub fn orphans<'a>(&self, keys: impl Iterator<Item = &'a str>) -> usize {
        let mut missing: std::collections::HashSet<&str> =
            self.by_key.keys().map(String::as_str).collect();
        for key in keys {
            if missing.is_empty() {
                break;
            }
            missing.remove(key);
        }
        missing.len()
    }

    /// Takes in an annotation as written (a blank one is gone).
    pub fn written(&mut self, stored: &Annotation) {
        if stored.is_blank() {
            self.by_key.remove(&stored.key);
        } else {
            self.by_key.insert(stored.key.clone(), stored.clone());
        }
    }
}

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

    /// Writing a note: the editor edits, and says when to save or cancel.
    pub(super) fn on_note_action(&mut self, action: Action) -> bool {
        let Some(editor) = self.overlay.note_editor_mut() else {
            return self.overlay.enter(Context::Normal);
        };
        match editor.update(action) {
            NoteStep::Edited => true,
            NoteStep::Ignored => false,
            NoteStep::Save => self.save_note(),
            NoteStep::Cancel => {
                self.status.say(Notice::NoteNotChanged);
                self.overlay.enter(Context::Normal)
            }
        }
    }

    pub(super) fn type_in_note(&mut self, c: char) -> bool {
        match self.overlay.note_editor_mut() {
            Some(editor) => {
                editor.type_char(c);
                true
            }
            None => false,
        }
    }

    fn save_note(&mut self) -> bool {
        let Some(editor) = self.overlay.take_note_editor() else {
            return false;
        };
        self.ask(Effect::SaveNote(editor));
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
