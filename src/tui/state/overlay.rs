//! The overlay part of the state: who has the keys besides the screen,
//! the search box or a box over the screen (help, the note editor, the
//! facet picker, the export prompt), with that box's state.

use super::status::{Notice, Reply};
use crate::present::export::Format;
use crate::tui::effect::{DossierTo, Effect};
use crate::tui::export_prompt::{ExportPrompt, PromptStep};
use crate::tui::facet_picker::{FacetPicker, PickerStep};
use crate::tui::help::{HelpView, Place, Topic};
use crate::tui::keymap::{Action, Context};
use crate::tui::note_editor::{NoteEditor, NoteStep};

/// What an action does in help, for the browser to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpStep {
    Scroll(usize),
    /// What is typed to filter it changed: from the top again.
    Edited,
    Close,
    Quit,
    Ignored,
}

/// Help's update: scrolling `scroll` over its rows, a page at a time;
/// editing what filters it.
pub fn help_update(scroll: usize, action: Action, help: HelpSize) -> HelpStep {
    let (page, len) = (help.page, help.len);
    let last = len.saturating_sub(page);
    let to = match action {
        Action::Quit => return HelpStep::Quit,
        Action::Cancel => return HelpStep::Close,
        Action::DeleteBack | Action::ClearText => return HelpStep::Edited,
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

/// Who has the keys besides the screen: the search box, or a box over
/// the screen. One enum, so an overlay and its state can never disagree.
#[derive(Default)]
pub enum Overlay {
    /// The screen has the keys.
    #[default]
    Closed,
    /// Typing in the search box.
    SearchBox,
    /// Help, over what had the keys before (back when it closes).
    Help {
        view: HelpView,
        under: Box<Overlay>,
    },
    Note(NoteEditor),
    Facets(FacetPicker),
    Export,
    /// Where the selected project's dossier goes.
    Dossier {
        contacts: bool,
    },
    /// Naming the export's file.
    ExportFile(ExportPrompt),
}

/// What help scrolls over: its rows, and the rows a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpSize {
    pub page: usize,
    pub len: usize,
}

/// What an action in an overlay asks the state for.
pub enum OverlayStep {
    Ignored,
    /// Done here; the reply says if anything changed, is asked or said.
    Done(Reply),
    Quit,
    /// Name the file to write the list to in this format.
    Export(Format),
    /// Write the list to the file named.
    WriteExport {
        format: Format,
        file: String,
        replace: bool,
    },
    ToggleExportNotes,
    /// The dossier to a file or the clipboard, with contact persons or not.
    Dossier(DossierTo, bool),
    /// What only the state can answer for the picker (facet values, a
    /// facet picked).
    Picker(PickerStep),
}

impl Overlay {
    /// The overlay's update: an action while help, the note editor, the
    /// picker or the export prompt has the keys.
    pub fn update(&mut self, action: Action, help: HelpSize) -> OverlayStep {
        match self {
            Overlay::Help { view, .. } => match help_update(view.scroll, action, help) {
                HelpStep::Scroll(to) => {
                    view.scroll = to;
                    OverlayStep::Done(Reply::changed())
                }
                HelpStep::Edited => {
                    match action {
                        Action::DeleteBack => drop(view.filter.pop()),
                        _ => view.filter.clear(),
                    }
                    view.scroll = 0;
                    OverlayStep::Done(Reply::changed())
                }
                HelpStep::Close => self.close_help(),
                HelpStep::Quit => OverlayStep::Quit,
                HelpStep::Ignored => OverlayStep::Ignored,
            },
            Overlay::Note(editor) => match editor.update(action) {
                NoteStep::Edited => OverlayStep::Done(Reply::changed()),
                NoteStep::Ignored => OverlayStep::Ignored,
                NoteStep::Save => match self.take_note_editor() {
                    Some(editor) => {
                        OverlayStep::Done(Reply::changed().ask(Effect::SaveNote(editor)))
                    }
                    None => OverlayStep::Ignored,
                },
                NoteStep::Cancel => {
                    *self = Overlay::Closed;
                    OverlayStep::Done(Reply::changed().say(Notice::NoteNotChanged))
                }
            },
            Overlay::Facets(picker) => {
                let step = picker.update(action);
                self.picker_step(step)
            }
            Overlay::Export => match export_update(action) {
                ExportStep::Write(format) => {
                    *self = Overlay::Closed;
                    OverlayStep::Export(format)
                }
                ExportStep::ToggleNotes => OverlayStep::ToggleExportNotes,
                ExportStep::Cancel => self.close(),
                ExportStep::Ignored => OverlayStep::Ignored,
            },
            Overlay::Dossier { .. } | Overlay::ExportFile(_) => self.prompt_update(action),
            Overlay::Closed | Overlay::SearchBox => OverlayStep::Ignored,
        }
    }

    /// The dossier's and the export file's prompts.
    fn prompt_update(&mut self, action: Action) -> OverlayStep {
        match self {
            Overlay::Dossier { contacts } => match action {
                Action::ToggleContacts => {
                    *contacts = !*contacts;
                    OverlayStep::Done(Reply::changed())
                }
                Action::DossierFile => OverlayStep::Dossier(DossierTo::File, *contacts),
                Action::DossierCopy => OverlayStep::Dossier(DossierTo::Clipboard, *contacts),
                Action::Cancel => self.close(),
                _ => OverlayStep::Ignored,
            },
            Overlay::ExportFile(prompt) => match prompt.update(action) {
                PromptStep::Edited => OverlayStep::Done(Reply::changed()),
                PromptStep::Ignored => OverlayStep::Ignored,
                PromptStep::Write { file, replace } => {
                    let format = prompt.format;
                    *self = Overlay::Closed;
                    OverlayStep::WriteExport {
                        format,
                        file,
                        replace,
                    }
                }
                PromptStep::Cancel => {
                    *self = Overlay::Closed;
                    OverlayStep::Done(Reply::changed().say(Notice::NothingExported))
                }
            },
            _ => OverlayStep::Ignored,
        }
    }

    /// A printable character: typed into the note, or narrowing the
    /// picker (`as_in_list`: what the key does in the list, which the
    /// picker's first page follows).
    pub fn type_char(&mut self, c: char, as_in_list: Option<Action>) -> OverlayStep {
        match self {
            Overlay::Note(editor) => {
                editor.type_char(c);
                OverlayStep::Done(Reply::changed())
            }
            Overlay::Facets(picker) => {
                let step = picker.type_char(c, as_in_list);
                self.picker_step(step)
            }
            Overlay::ExportFile(prompt) => {
                prompt.type_char(c);
                OverlayStep::Done(Reply::changed())
            }
            Overlay::Help { view, .. } => {
                view.filter.push(c);
                view.scroll = 0;
                OverlayStep::Done(Reply::changed())
            }
            _ => OverlayStep::Ignored,
        }
    }

    /// What the picker said: its own steps done here, the rest for the state.
    fn picker_step(&mut self, step: PickerStep) -> OverlayStep {
        match step {
            PickerStep::Changed => OverlayStep::Done(Reply::changed()),
            PickerStep::Ignored => OverlayStep::Ignored,
            PickerStep::Close => self.close(),
            other => OverlayStep::Picker(other),
        }
    }

    /// Help closed: what had the keys before has them again.
    fn close_help(&mut self) -> OverlayStep {
        if let Overlay::Help { under, .. } = std::mem::take(self) {
            *self = *under;
        }
        OverlayStep::Done(Reply::changed())
    }

    /// Help on `topic`, over what has the keys now.
    pub fn open_help(&mut self, topic: Topic) -> bool {
        let under = Box::new(std::mem::take(self));
        *self = Overlay::Help {
            view: HelpView::new(topic),
            under,
        };
        true
    }

    fn close(&mut self) -> OverlayStep {
        *self = Overlay::Closed;
        OverlayStep::Done(Reply::changed())
    }

    /// Where keys are read now: each context has its own key map.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Closed => Context::Normal,
            Overlay::SearchBox => Context::Filter,
            Overlay::Help { .. } => Context::Help,
            Overlay::Note(_) => Context::Note,
            Overlay::Facets(_) => Context::Picker,
            Overlay::Export => Context::Export,
            Overlay::Dossier { .. } => Context::Dossier,
            Overlay::ExportFile(_) => Context::ExportFile,
        }
    }

    /// Closes any overlay (Normal), or opens the search box, help or the
    /// export prompt; the note editor and the picker open with their state.
    pub fn enter(&mut self, context: Context) -> bool {
        *self = match context {
            Context::Normal | Context::Reading => Overlay::Closed,
            Context::Filter => Overlay::SearchBox,
            Context::Help => Overlay::Help {
                view: HelpView::new(Topic {
                    context: Context::Normal,
                    place: Place::List,
                }),
                under: Box::default(),
            },
            Context::Export => Overlay::Export,
            Context::Dossier => Overlay::Dossier { contacts: false },
            Context::Note | Context::Picker | Context::ExportFile => return true,
        };
        true
    }

    /// How far help is scrolled (0 when it is not open).
    pub fn help_scroll(&self) -> usize {
        self.help().map_or(0, |h| h.scroll)
    }

    /// Help while it is open.
    pub fn help(&self) -> Option<&HelpView> {
        match self {
            Overlay::Help { view, .. } => Some(view),
            _ => None,
        }
    }

    pub fn picker(&self) -> Option<&FacetPicker> {
        match self {
            Overlay::Facets(picker) => Some(picker),
            _ => None,
        }
    }

    pub fn picker_mut(&mut self) -> Option<&mut FacetPicker> {
        match self {
            Overlay::Facets(picker) => Some(picker),
            _ => None,
        }
    }

    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        match self {
            Overlay::ExportFile(prompt) => Some(prompt),
            _ => None,
        }
    }

    pub fn export_prompt_mut(&mut self) -> Option<&mut ExportPrompt> {
        match self {
            Overlay::ExportFile(prompt) => Some(prompt),
            _ => None,
        }
    }

    pub fn note_editor(&self) -> Option<&NoteEditor> {
        match self {
            Overlay::Note(editor) => Some(editor),
            _ => None,
        }
    }

    pub fn note_editor_mut(&mut self) -> Option<&mut NoteEditor> {
        match self {
            Overlay::Note(editor) => Some(editor),
            _ => None,
        }
    }

    /// Closes the note editor, handing back what was written.
    pub fn take_note_editor(&mut self) -> Option<NoteEditor> {
        match std::mem::take(self) {
            Overlay::Note(editor) => Some(editor),
            other => {
                *self = other;
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
        assert_eq!(help_update(0, Action::PageDown, HELP), HelpStep::Scroll(10));
        assert_eq!(
            help_update(30, Action::PageDown, HELP),
            HelpStep::Scroll(35)
        );
        assert_eq!(help_update(3, Action::Last, HELP), HelpStep::Scroll(35));
        assert_eq!(help_update(3, Action::First, HELP), HelpStep::Scroll(0));
        assert_eq!(help_update(3, Action::Cancel, HELP), HelpStep::Close);
        assert_eq!(help_update(3, Action::Sort, HELP), HelpStep::Ignored);
    }

    #[test]
    fn one_enum_says_who_has_the_keys() {
        let mut overlay = Overlay::default();
        assert_eq!(overlay.context(), Context::Normal);
        overlay.enter(Context::Filter);
        assert_eq!(overlay.context(), Context::Filter);
        overlay.enter(Context::Help);
        assert_eq!(
            (overlay.context(), overlay.help().map(|h| h.scroll)),
            (Context::Help, Some(0))
        );
        overlay.enter(Context::Normal);
        assert_eq!(overlay.context(), Context::Normal, "closed, search box too");
    }

    const HELP: HelpSize = HelpSize { page: 10, len: 45 };

    fn done(step: OverlayStep) -> Reply {
        match step {
            OverlayStep::Done(reply) => reply,
            _ => panic!("done in the overlay"),
        }
    }

    #[test]
    fn a_note_saved_is_asked_for_and_a_note_cancelled_is_said() {
        let editor = NoteEditor::new("p1".into(), None, String::new());
        let mut overlay = Overlay::Note(editor);
        done(overlay.type_char('R', None));
        let saved = done(overlay.update(Action::Confirm, HELP));
        assert!(matches!(&saved.effects[..], [Effect::SaveNote(e)] if e.text == "R"));
        assert_eq!(
            overlay.context(),
            Context::Normal,
            "closed while it is written"
        );
        overlay = Overlay::Note(NoteEditor::new("p1".into(), None, String::new()));
        let cancelled = done(overlay.update(Action::Cancel, HELP));
        assert_eq!(cancelled.notice, Some(Notice::NoteNotChanged));
        assert!(cancelled.effects.is_empty());
    }

    #[test]
    fn help_scrolls_and_the_export_prompt_names_what_to_write() {
        let mut overlay = Overlay::Note(NoteEditor::new("p1".into(), None, "Ring".into()));
        let topic = Topic {
            context: Context::Note,
            place: Place::List,
        };
        overlay.open_help(topic);
        done(overlay.update(Action::PageDown, HELP));
        assert_eq!(overlay.help().map(|h| h.scroll), Some(10));
        done(overlay.type_char('s', None));
        assert_eq!(
            overlay.help().map(|h| (h.filter.as_str(), h.scroll)),
            Some(("s", 0))
        );
        done(overlay.update(Action::DeleteBack, HELP));
        assert_eq!(overlay.help().map(|h| h.filter.as_str()), Some(""));
        done(overlay.update(Action::Cancel, HELP));
        assert_eq!(
            overlay.note_editor().map(|e| e.text.as_str()),
            Some("Ring"),
            "help closed, the note is as it was"
        );
        overlay.open_help(topic);
        assert!(matches!(
            overlay.update(Action::Quit, HELP),
            OverlayStep::Quit
        ));
        overlay = Overlay::Export;
        let step = overlay.update(Action::ExportCsv, HELP);
        assert!(matches!(step, OverlayStep::Export(Format::Csv)));
        assert_eq!(overlay.context(), Context::Normal);
    }

    #[test]
    fn the_note_editor_is_handed_back_once() {
        let editor = NoteEditor::new("p1".into(), None, "Ring".into());
        let mut overlay = Overlay::Note(editor);
        let taken = overlay.take_note_editor().expect("the editor");
        assert_eq!(taken.text, "Ring");
        assert_eq!(overlay.context(), Context::Normal);
        overlay.enter(Context::Export);
        assert!(overlay.take_note_editor().is_none());
        assert_eq!(overlay.context(), Context::Export, "left open");
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
