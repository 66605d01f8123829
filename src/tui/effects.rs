//! What the browser asks of the world outside its state: reading the
//! cache, writing notes and files, the clipboard. Updates only queue these
//! as values; they run here, in one place, and what they give (or the
//! reason they failed) comes back into the state or the status bar.

use super::app::App;
use super::clipboard;
use super::graph_state::{self, GraphLoad};
use super::note_editor::NoteEditor;
use super::org_list::OrgList;
use super::related;
use crate::export::{self, Format, With};
use crate::i18n::{t, tf};
use crate::model::Change;
use std::path::PathBuf;

/// One thing to do outside the state.
pub enum Effect {
    /// Read a project in full for the detail pane, and find its related ones.
    LoadDetail(String),
    /// A neighbourhood for the graph: a new graph or a step in the one shown.
    Graph(GraphLoad),
    /// Every organisation, for their screen.
    LoadOrganisations,
    /// The list as it is filtered, to a new file.
    Export(Format),
    /// A change to a project's bookmark or review state, written at once.
    Annotate {
        key: String,
        name: Option<String>,
        mark: Mark,
    },
    /// The note being written, saved (the editor stays open if it fails).
    SaveNote(NoteEditor),
    /// The user has seen what an import changed in a project.
    MarkSeen { cache: String, change: Change },
    /// The texts searched for the search box's terms.
    SearchTexts(String),
    /// Text to the clipboard (OSC 52); `what` names it in the status bar.
    Copy { text: String, what: &'static str },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bookmark,
    Review,
}

impl super::state::State {
    /// Queues an effect; it runs when the event has been handled.
    pub(super) fn ask(&mut self, effect: Effect) {
        self.asked.push(effect);
    }
}

impl App {
    /// Runs every queued effect (those an effect queues, too).
    pub(super) fn run_effects(&mut self) {
        while !self.asked.is_empty() {
            for effect in std::mem::take(&mut self.state.asked) {
                self.run(effect);
            }
        }
    }

    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::LoadDetail(key) => self.load_detail(&key),
            Effect::Graph(load) => self.load_graph(load),
            Effect::LoadOrganisations => self.load_organisations(),
            Effect::Export(format) => self.export(format),
            Effect::Annotate { key, name, mark } => self.write_mark(&key, name.as_deref(), mark),
            Effect::SaveNote(editor) => self.write_note(editor),
            Effect::MarkSeen { cache, change } => {
                if let Err(e) = self
                    .reviews
                    .mark_seen(&cache, &change.key, change.import_id)
                {
                    // Not written: the mark stays, to be marked seen later.
                    self.message = Some(e);
                    self.changes.insert(change.key.clone(), change);
                }
            }
            Effect::SearchTexts(query) => match &self.text_searcher {
                Some(searcher) => searcher.ask(&query),
                None => {
                    let answer = super::text_search::answer(&self.store, &query);
                    self.state.texts_arrived(answer);
                }
            },
            Effect::Copy { text, what } => {
                self.outbox.push(clipboard::osc52(&text));
                let first = text.lines().next().unwrap_or_default();
                let first = crate::sanitize::line(first);
                self.message = Some(tf("copied {}: {}", &[&what, &first]));
            }
        }
    }

    fn load_detail(&mut self, key: &str) {
        self.related = Vec::new();
        self.related_pending = false;
        self.detail = match self.store.project(key) {
            Ok(detail) => Some(detail),
            Err(e) => {
                self.message = Some(format!("{}: {e}", t("cannot read the project")));
                None
            }
        };
        let Some(key) = self.detail.as_ref().map(|d| d.key.clone()) else {
            return;
        };
        match &self.finder {
            Some(finder) => {
                finder.ask(&key);
                self.related_pending = true;
            }
            None => {
                let found = related::find(&self.store, &key);
                self.state.related_arrived(found);
            }
        }
    }

    fn load_graph(&mut self, load: GraphLoad) {
        match graph_state::load(&self.store, &load.focus, load.rollup) {
            Ok(Some(ego)) => self.state.graph_arrived(load, ego),
            Ok(None) => self.state.graph_not_found(),
            Err(e) => self.message = Some(format!("{}: {e}", t("cannot read the graph"))),
        }
    }

    fn load_organisations(&mut self) {
        match self.store.organisations() {
            Ok(all) => self.state.organisations_arrived(OrgList::new(all)),
            Err(e) => self.message = Some(format!("{}: {e}", t("cannot read organisations"))),
        }
    }

    fn export(&mut self, format: Format) {
        self.message = Some(match self.write_export(format) {
            Ok((path, n)) => format!(
                "{} {n} {} {} {}",
                t("wrote"),
                t("projects"),
                t("to"),
                path.display()
            ),
            Err(e) => format!("{}: {e}", t("cannot export")),
        });
    }

    fn write_export(&self, format: Format) -> anyhow::Result<(PathBuf, usize)> {
        let keys: Vec<&str> = self
            .list
            .rows
            .iter()
            .map(|&i| self.catalogue.projects[i].key.as_str())
            .collect();
        let records = self.store.records(&keys)?;
        let with = With {
            contacts: false,
            notes: self.export_notes,
        };
        let rows = export::rows(records, with, &|key| self.reviews.get(key).cloned());
        let text = export::render(&rows, format, with);
        let path =
            super::export::write_new(&self.export_dir, format.extension(), &text, with.notes)?;
        Ok((path, rows.len()))
    }

    fn write_mark(&mut self, key: &str, name: Option<&str>, mark: Mark) {
        let result = self.reviews.update(key, name, |a| match mark {
            Mark::Bookmark => a.bookmarked = !a.bookmarked,
            Mark::Review => a.review = a.review.next(),
        });
        self.message = Some(match result {
            Ok(a) if mark == Mark::Bookmark => {
                let said = if a.bookmarked {
                    "bookmarked"
                } else {
                    "bookmark removed"
                };
                t(said).to_string()
            }
            Ok(a) => format!("{}: {}", t("review"), t(a.review.as_str())),
            Err(e) => e,
        });
        self.detail_built_for = None;
    }

    fn write_note(&mut self, mut editor: NoteEditor) {
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
                self.overlay = Some(super::overlay::Overlay::Note(editor));
                t("the note was not saved; it is still here").into()
            }
        });
        self.detail_built_for = None;
    }
}
