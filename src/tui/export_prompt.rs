//! The export's file name being typed: its own state and update. It
//! opens on a default the shell found free, ready to accept; a name that
//! is taken is written over only after a second Enter on that same name.
//! It knows nothing of the browser around it; the browser acts on what it
//! says.

use super::keymap::Action;
use super::line_edit::{LineEdit, LineOp};
use crate::present::export::Format;

/// A file name for an export, being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    pub format: Format,
    /// The name as typed: a path, `~/` for the home folder.
    pub text: LineEdit,
    /// The name that is taken, when the user was told so: Enter on it
    /// again writes over it.
    pub taken: Option<String>,
    /// Why the last try wrote nothing.
    pub problem: Option<String>,
}

/// What an action did to the prompt, for the browser to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptStep {
    Edited,
    /// Write to the file named; `replace`: the user said yes to a taken one.
    Write {
        file: String,
        replace: bool,
    },
    Cancel,
    Ignored,
}

impl ExportPrompt {
    pub fn new(format: Format, text: String) -> ExportPrompt {
        ExportPrompt {
            format,
            text: LineEdit::new(text),
            taken: None,
            problem: None,
        }
    }

    pub fn update(&mut self, action: Action) -> PromptStep {
        match action {
            Action::Confirm => return self.confirm(),
            Action::Cancel => return PromptStep::Cancel,
            _ => match LineOp::of(action) {
                Some(op) => {
                    self.text.apply(op);
                }
                None => return PromptStep::Ignored,
            },
        }
        self.edited();
        PromptStep::Edited
    }

    pub fn type_char(&mut self, c: char) {
        if !c.is_control() {
            self.text.insert(c);
            self.edited();
        }
    }

    /// A paste: its first line, without control characters.
    pub fn paste(&mut self, text: &str) {
        let line = text.lines().next().unwrap_or_default();
        let clean: String = line.chars().filter(|c| !c.is_control()).collect();
        self.text.insert_str(&clean);
        self.edited();
    }

    fn confirm(&mut self) -> PromptStep {
        let file = self.text.trim().to_string();
        if file.is_empty() {
            return PromptStep::Ignored;
        }
        let replace = self.taken.as_deref() == Some(file.as_str());
        PromptStep::Write { file, replace }
    }

    /// Another name: what was said of the last one no longer holds.
    fn edited(&mut self) {
        self.taken = None;
        self.problem = None;
    }

    /// The file is there already: said, and a second Enter replaces it.
    pub fn refused(&mut self, file: String, taken: bool, why: String) {
        self.taken = taken.then_some(file);
        self.problem = Some(why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt() -> ExportPrompt {
        let text = "/home/anna/esf-export.csv".to_string();
        ExportPrompt::new(Format::Csv, text)
    }

    #[test]
    fn enter_accepts_the_default_as_it_stands() {
        let mut p = prompt();
        let step = p.update(Action::Confirm);
        assert_eq!(
            step,
            PromptStep::Write {
                file: "/home/anna/esf-export.csv".into(),
                replace: false
            }
        );
    }

    #[test]
    fn a_taken_name_is_replaced_only_on_a_second_enter_on_that_name() {
        let mut p = prompt();
        p.refused(p.text.to_string(), true, "exists".into());
        let again = p.update(Action::Confirm);
        assert!(matches!(again, PromptStep::Write { replace: true, .. }));
        p.refused(p.text.to_string(), true, "exists".into());
        p.type_char('x');
        assert_eq!(p.problem, None, "another name: the warning is gone");
        let other = p.update(Action::Confirm);
        assert!(matches!(other, PromptStep::Write { replace: false, .. }));
    }

    #[test]
    fn editing_keys_edit_and_an_empty_name_writes_nothing() {
        let mut p = prompt();
        assert_eq!(p.update(Action::ClearText), PromptStep::Edited);
        assert_eq!(p.update(Action::Confirm), PromptStep::Ignored);
        p.paste("lista.csv\nrm -rf /");
        p.type_char('\u{1b}');
        assert_eq!(p.text.as_str(), "lista.csv");
        assert_eq!(p.update(Action::DeleteBack), PromptStep::Edited);
        assert_eq!(p.text.as_str(), "lista.cs");
        assert_eq!(p.update(Action::Cancel), PromptStep::Cancel);
        assert_eq!(p.update(Action::Sort), PromptStep::Ignored);
    }
}
