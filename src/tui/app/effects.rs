//! The effects run: the one place where the browser reads the cache and
//! writes notes and files. What an effect gives (or why it failed) goes
//! back to the state as a message.

use super::{export as file, related, text_search, App};
use crate::present::export::{self, Format, With};
use crate::tui::clipboard;
use crate::tui::effect::{Copied, Effect, Mark};
use crate::tui::graph_state::GraphLoad;
use crate::tui::msg::{Msg, NoteWritten};
use crate::tui::note_editor::NoteEditor;
use crate::tui::notice::Notice;
use std::collections::VecDeque;

impl App {
    /// Runs every effect, and those the messages they give ask for.
    pub(super) fn run_effects(&mut self, effects: Vec<Effect>) {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            if let Some(msg) = self.run(effect) {
                let (_, more) = self.state.update(msg);
                queue.extend(more);
            }
        }
    }

    /// A bookmark or review state changed in the notes file.
    fn annotate(&mut self, key: &str, name: Option<String>, mark: Mark) -> Msg {
        let written = self.notes.update(key, name.as_deref(), |a| match mark {
            Mark::Bookmark => a.bookmarked = !a.bookmarked,
            Mark::Review => a.review = a.review.next(),
        });
        Msg::Annotated { mark, written }
    }

    /// One effect; what it gives, as a message for the state.
    fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::LoadDetail(key) => {
                let read = self.store.project(&key).map(Box::new);
                let read = read.map_err(|e| e.to_string());
                Some(Msg::DetailRead { key, read })
            }
            Effect::FindRelated(key) => self.find_related(key),
            Effect::Graph(load) => Some(self.read_graph(load)),
            Effect::LoadOrganisations => {
                let read = self.store.organisations();
                Some(Msg::OrganisationsRead(read.map_err(|e| e.to_string())))
            }
            Effect::SuggestExportFile { format, dir } => {
                let file = file::free_name(&dir, format, crate::dates::now());
                let file = file.display().to_string();
                Some(Msg::ExportSuggested { format, file })
            }
            Effect::Export {
                format,
                keys,
                with_notes,
                file,
                replace,
            } => Some(self.export(
                format,
                &keys,
                with_notes,
                file::Target::named(&file, replace),
            )),
            Effect::SwitchLanguage => Some(switch_language()),
            Effect::Annotate { key, name, mark } => Some(self.annotate(&key, name, mark)),
            Effect::ReadNote { key, name } => {
                let text = self
                    .notes
                    .current_note(&key, self.state.annotations.get(&key));
                Some(Msg::NoteRead { key, name, text })
            }
            Effect::SaveNote(editor) => Some(Msg::NoteWritten(self.write_note(editor))),
            Effect::MarkSeen { cache, change } => {
                let marked = self.notes.mark_seen(&cache, &change.key, change.import_id);
                // Not written: the mark stays, to be marked seen later.
                marked.err().map(|why| Msg::SeenNotNoted { change, why })
            }
            Effect::SearchTexts(query) => match &self.text_searcher {
                Some(searcher) => {
                    searcher.ask(&query);
                    None
                }
                None => Some(Msg::Texts(text_search::answer(&self.store, &query))),
            },
            Effect::Copy { text, what } => Some(self.copy(&text, what)),
            other => self.run_answer(other),
        }
    }

    /// Text to the clipboard, through the terminal (OSC 52).
    fn copy(&mut self, text: &str, what: Copied) -> Msg {
        let Some(sequence) = clipboard::osc52(text, clipboard::route()) else {
            return Msg::Notice(Notice::CannotCopy);
        };
        self.outbox.push(sequence);
        let first = text.lines().next().unwrap_or_default();
        let first = crate::present::sanitize::line(first).into_owned();
        Msg::Notice(match what {
            Copied::Id => Notice::CopiedId(first),
            Copied::Summary => Notice::CopiedSummary(first),
        })
    }

    /// Related projects: asked of the finder's thread, or found here
    /// when there is none (an in-memory cache).
    fn find_related(&self, key: String) -> Option<Msg> {
        match &self.finder {
            Some(finder) => {
                finder.ask(&key);
                None
            }
            None => {
                let found = related::find(&self.store, &key);
                Some(Msg::Related { key, found })
            }
        }
    }

    fn read_graph(&self, load: GraphLoad) -> Msg {
        let read = super::graph::load(&self.store, &load.focus, load.rollup);
        let read = read.map_err(|e| e.to_string());
        Msg::GraphRead { load, read }
    }

    fn export(&self, format: Format, keys: &[String], notes: bool, to: file::Target) -> Msg {
        let typed = to.typed.clone();
        let refused = |taken, why| Msg::ExportRefused {
            format,
            file: typed.clone(),
            taken,
            why,
        };
        let text = match self.render_export(format, keys, notes) {
            Ok(text) => text,
            Err(e) => return Msg::Notice(Notice::CannotExport(e.to_string())),
        };
        match file::write(&to, &text.0, notes) {
            Ok(path) => Msg::Notice(Notice::Wrote {
                count: text.1,
                path: path.display().to_string(),
            }),
            Err(file::Refusal::Taken(path)) => refused(true, file::taken_text(&path)),
            Err(file::Refusal::Failed(why)) => refused(false, why),
        }
    }

    /// The listed projects in `format`, and how many there are.
    fn render_export(
        &self,
        format: Format,
        keys: &[String],
        notes: bool,
    ) -> anyhow::Result<(String, usize)> {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let records = self.store.records(&keys)?;
        let with = With {
            contacts: false,
            notes,
        };
        let annotations = &self.state.annotations;
        let rows = export::rows(records, with, &|key| annotations.get(key).cloned());
        Ok((export::render(&rows, format, with), rows.len()))
    }

    /// Read and written in one transaction: a note written elsewhere
    /// since the editor opened is kept, with this one after it.
    fn write_note(&mut self, mut editor: NoteEditor) -> Result<NoteWritten, Box<NoteEditor>> {
        let text = editor.text.trim_end().to_string();
        let mut kept_theirs = false;
        let written = self.notes.update(&editor.key, editor.name.as_deref(), |a| {
            kept_theirs = a.note != editor.original && !a.note.is_empty();
            a.note = match kept_theirs {
                true => format!("{}\n\n{text}", a.note),
                false => text,
            };
        });
        match written {
            Ok(stored) => Ok(NoteWritten {
                stored,
                kept_theirs,
            }),
            Err(why) => {
                // The editor says why, and keeps the text.
                editor.problem = Some(why);
                Err(Box::new(editor))
            }
        }
    }
}

/// The other language for every thread; said in it.
fn switch_language() -> Msg {
    use crate::i18n::{lang, set_for_program, Lang};
    set_for_program(match lang() {
        Lang::En => Lang::Sv,
        Lang::Sv => Lang::En,
    });
    Msg::Notice(Notice::LanguageSwitched)
}
