//! Notes, bookmarks and review states in the browser: `n` edits the note
//! of the selected project, `b` toggles its bookmark, `r` steps its review
//! state. Every change is written at once (one transaction).

use super::app::{App, Mode};
use super::keymap::Action;
use crate::i18n::t;
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

    fn update(
        &mut self,
        key: &str,
        name: Option<&str>,
        change: impl FnOnce(&mut Annotation),
    ) -> Result<Annotation, String> {
        let Some(notes) = &mut self.notes else {
            let why = self.unavailable.as_deref().unwrap_or("no notes file");
            return Err(format!("notes are not available: {why}"));
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

/// A note being written.
pub struct NoteEditor {
    pub key: String,
    pub name: Option<String>,
    pub text: String,
    /// The note when the editor opened.
    original: String,
    /// Why the last save failed: the text stays here until it is saved.
    pub problem: Option<String>,
}

impl App {
    /// The key and name of the selected project.
    fn selected_project(&self) -> Option<(String, Option<String>)> {
        let key = self.selected_key()?;
        let index = self.rows[self.selection.index];
        Some((key.to_string(), self.catalogue.projects[index].name.clone()))
    }

    /// Changes the selected project's annotation; the status bar says what
    /// happened, or why it could not.
    fn annotate(
        &mut self,
        change: impl FnOnce(&mut Annotation),
        said: impl Fn(&Annotation) -> String,
    ) -> bool {
        let Some((key, name)) = self.selected_project() else {
            return false;
        };
        self.message = Some(match self.reviews.update(&key, name.as_deref(), change) {
            Ok(stored) => said(&stored),
            Err(e) => e,
        });
        self.detail_built_for = None;
        true
    }

    pub(super) fn toggle_bookmark(&mut self) -> bool {
        self.annotate(
            |a| a.bookmarked = !a.bookmarked,
            |a| {
                t(if a.bookmarked {
                    "bookmarked"
                } else {
                    "bookmark removed"
                })
                .to_string()
            },
        )
    }

    pub(super) fn cycle_review(&mut self) -> bool {
        self.annotate(
            |a| a.review = a.review.next(),
            |a| format!("{}: {}", t("review"), t(a.review.as_str())),
        )
    }

    pub(super) fn start_note(&mut self) -> bool {
        let Some((key, name)) = self.selected_project() else {
            return false;
        };
        let text = self.reviews.current_note(&key);
        self.note_editor = Some(NoteEditor {
            key,
            name,
            original: text.clone(),
            text,
            problem: None,
        });
        self.set_mode(Mode::Note)
    }

    /// Writing a note: Confirm saves, NewLine starts a line, Cancel leaves
    /// it as it was.
    pub(super) fn on_note_action(&mut self, action: Action) -> bool {
        let Some(editor) = &mut self.note_editor else {
            return self.set_mode(Mode::Normal);
        };
        match action {
            Action::Cancel => {
                self.note_editor = None;
                self.message = Some(t("note not changed").into());
                return self.set_mode(Mode::Normal);
            }
            Action::NewLine => editor.text.push('\n'),
            Action::Confirm => return self.save_note(),
            Action::DeleteBack => {
                editor.text.pop();
            }
            Action::ClearText => editor.text.clear(),
            _ => return false,
        }
        true
    }

    pub(super) fn type_in_note(&mut self, c: char) -> bool {
        match &mut self.note_editor {
            Some(editor) => {
                editor.text.push(c);
                true
            }
            None => false,
        }
    }

    fn save_note(&mut self) -> bool {
        let Some(mut editor) = self.note_editor.take() else {
            return false;
        };
        let text = editor.text.trim_end().to_string();
        // Read and written in one transaction: a note written elsewhere
        // since the editor opened is kept, with this one after it.
        let mut kept_theirs = false;
        let result = self
            .reviews
            .update(&editor.key, editor.name.as_deref(), |a| {
                kept_theirs = a.note != editor.original && !a.note.is_empty();
                a.note = match kept_theirs {
                    true => format!("{}\n\n{text}", a.note),
                    false => text,
                };
            });
        self.message = Some(match result {
            Ok(_) if kept_theirs => {
                t("note saved after the one written meanwhile elsewhere").into()
            }
            Ok(a) if a.note.is_empty() => t("note removed").into(),
            Ok(_) => t("note saved").into(),
            Err(e) => {
                // The text is the user's: it stays in the editor, which
                // says why, until a save succeeds or they cancel.
                editor.problem = Some(e);
                self.message = Some(t("the note was not saved; it is still here").into());
                self.note_editor = Some(editor);
                return true;
            }
        });
        self.detail_built_for = None;
        self.set_mode(Mode::Normal)
    }
}

impl App {
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
        if let Err(e) = self
            .reviews
            .mark_seen(&cache, &change.key, change.import_id)
        {
            self.message = Some(e);
        }
    }
}
