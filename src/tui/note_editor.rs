//! The note being written: its own state and its own update. It knows
//! nothing of the browser around it; the browser acts on what it says.

use super::keymap::Action;
use super::line_edit::{LineEdit, LineOp};

/// A note being written.
#[derive(Debug)]
pub struct NoteEditor {
    pub key: String,
    pub name: Option<String>,
    pub text: LineEdit,
    /// The note when the editor opened.
    pub(super) original: String,
    /// Why the last save failed: the text stays here until it is saved.
    pub problem: Option<String>,
}

/// What an action did to the note, for the browser to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteStep {
    Edited,
    Save,
    Cancel,
    Ignored,
}

impl NoteEditor {
    pub fn new(key: String, name: Option<String>, text: String) -> NoteEditor {
        NoteEditor {
            key,
            name,
            original: text.clone(),
            text: LineEdit::new(text),
            problem: None,
        }
    }

    pub fn update(&mut self, action: Action) -> NoteStep {
        if let Some(op) = LineOp::of(action) {
            self.text.apply(op);
            return NoteStep::Edited;
        }
        match action {
            Action::Confirm => return NoteStep::Save,
            Action::Cancel => return NoteStep::Cancel,
            Action::NewLine => self.text.insert('\n'),
            _ => return NoteStep::Ignored,
        }
        NoteStep::Edited
    }

    pub fn type_char(&mut self, c: char) {
        self.text.insert(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_edits_and_says_when_to_save_or_cancel() {
        let mut note = NoteEditor::new("k".into(), None, "Ring".into());
        note.type_char('!');
        assert_eq!(note.update(Action::NewLine), NoteStep::Edited);
        note.type_char('x');
        assert_eq!(note.update(Action::DeleteBack), NoteStep::Edited);
        assert_eq!(note.text, "Ring!\n");
        assert_eq!(note.update(Action::Confirm), NoteStep::Save);
        assert_eq!(note.update(Action::Cancel), NoteStep::Cancel);
        assert_eq!(note.update(Action::Sort), NoteStep::Ignored);
        assert_eq!(note.original, "Ring");
    }

    #[test]
    fn the_note_is_written_where_the_cursor_is() {
        let mut note = NoteEditor::new("k".into(), None, "Ring Anna".into());
        note.update(Action::LineStart);
        "Idag: ".chars().for_each(|c| note.type_char(c));
        note.update(Action::LineEnd);
        note.update(Action::DeleteWordBack);
        "Per".chars().for_each(|c| note.type_char(c));
        assert_eq!(note.text, "Idag: Ring Per");
        assert_eq!(note.update(Action::CursorLeft), NoteStep::Edited);
        assert_eq!(note.text.cursor(), 13);
    }
}
