//! Notes, bookmarks and review states in the browser: `n` edits the note
//! of the selected project, `b` toggles its bookmark, `r` steps its review
//! state. Every change is written at once (one transaction).

use super::effect::{Effect, Mark};
use super::keymap::Action;
use super::keymap::Context;
use super::note_editor::{NoteEditor, NoteStep};
use super::overlay::Overlay;
use super::state::State;
use crate::i18n::{t, tf};
use crate::model::Annotation;
use crate::store::Notes;
use std::collections::HashMap;

/// The user's annotations, read once and kept in step with every write.
#[derive(Default)]
pub struct Reviews {
    notes: Option<Notes>,
    by_key: HashMap<String, Annotation>,
    /// Why notes cannot be used (a damaged notes file, no data folder).
    pub unavailable: Option<String>,
}

impl Reviews {
    pub fn over(notes: Notes) -> Reviews {
        match notes.all() {
            Ok(all) => Reviews {
                by_key: all.into_iter().map(|a| (a.key.clone(), a)).collect(),
                notes: Some(notes),
                unavailable: None,
            },
            Err(e) => Reviews::unavailable(e.to_string()),
        }
    }

    pub fn unavailable(why: String) -> Reviews {
        Reviews {
            unavailable: Some(why),
            ..Reviews::default()
        }
    }

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

    /// The note as the file has it now (another `esf` may have written it).
    fn current_note(&self, key: &str) -> String {
        let stored = self.notes.as_ref().and_then(|n| n.get(key).ok().flatten());
        stored
            .or_else(|| self.by_key.get(key).cloned())
            .map(|a| a.note)
            .unwrap_or_default()
    }

    pub(super) fn update(
        &mut self,
        key: &str,
        name: Option<&str>,
        change: impl FnOnce(&mut Annotation),
    ) -> Result<Annotation, String> {
        let Some(notes) = &mut self.notes else {
            let why = self.unavailable.as_deref().unwrap_or(t("no notes file"));
            return Err(tf("notes are not available: {}", &[&why]));
        };
        let stored = notes.update(key, name, change).map_err(|e| e.to_string())?;
        if stored.is_blank() {
            self.by_key.remove(key);
        } else {
            self.by_key.insert(key.to_string(), stored.clone());
        }
        Ok(stored)
    }
}

impl Reviews {
    /// Notes that the user has seen a project as an import left it.
    pub fn mark_seen(&mut self, cache: &str, key: &str, import_id: i64) -> Result<(), String> {
        let Some(notes) = &mut self.notes else {
            return Ok(());
        };
        notes
            .mark_seen(cache, &[(key, import_id)])
            .map_err(|e| e.to_string())
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

    pub(super) fn start_note(&mut self) -> bool {
        let Some((key, name)) = self.selected_project() else {
            return false;
        };
        let text = self.reviews.current_note(&key);
        self.overlay = Some(Overlay::Note(NoteEditor::new(key, name, text)));
        true
    }

    /// Writing a note: the editor edits, and says when to save or cancel.
    pub(super) fn on_note_action(&mut self, action: Action) -> bool {
        let Some(editor) = self.note_editor_open() else {
            return self.enter(Context::Normal);
        };
        match editor.update(action) {
            NoteStep::Edited => true,
            NoteStep::Ignored => false,
            NoteStep::Save => self.save_note(),
            NoteStep::Cancel => {
                self.message = Some(t("note not changed").into());
                self.enter(Context::Normal)
            }
        }
    }

    pub(super) fn type_in_note(&mut self, c: char) -> bool {
        match self.note_editor_open() {
            Some(editor) => {
                editor.type_char(c);
                true
            }
            None => false,
        }
    }

    fn save_note(&mut self) -> bool {
        let Some(editor) = self.take_note_editor() else {
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
