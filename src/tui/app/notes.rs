//! The notes file as the shell uses it: only the shell reads or writes
//! it. What it reads or writes goes back to the state as a message.

use crate::i18n::{t, tf};
use crate::model::Annotation;
use crate::store::Notes;

/// The notes file, or why there is none.
pub(super) struct NotesFile {
    pub(super) notes: Option<Notes>,
    pub(super) unavailable: Option<String>,
}

impl NotesFile {
    /// The note as the file has it now (another `esf` may have written
    /// it), else as it was read at the start.
    pub(super) fn current_note(&self, key: &str, read: Option<&Annotation>) -> String {
        let stored = self.notes.as_ref().and_then(|n| n.get(key).ok().flatten());
        stored
            .or_else(|| read.cloned())
            .map(|a| a.note)
            .unwrap_or_default()
    }

    /// Changes a project's annotation in one transaction.
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
        notes.update(key, name, change).map_err(|e| e.to_string())
    }

    /// Notes that the user has seen a project as an import left it.
    pub(super) fn mark_seen(
        &mut self,
        cache: &str,
        key: &str,
        import_id: i64,
    ) -> Result<(), String> {
        let Some(notes) = &mut self.notes else {
            return Ok(());
        };
        notes
            .mark_seen(cache, &[(key, import_id)])
            .map_err(|e| e.to_string())
    }
}
