//! The effects run: the one place where the browser reads the cache and
//! writes notes and files. What an effect gives (or why it failed) goes
//! back into the state.

use super::related;
use super::App;
use crate::export::{self, Format, With};
use crate::i18n::{t, tf};
use crate::tui::clipboard;
use crate::tui::effect::{Effect, Mark};
use crate::tui::graph_state::{self, GraphLoad};
use crate::tui::note_editor::NoteEditor;
use crate::tui::org_list::OrgList;
use std::path::PathBuf;

impl App {
    /// Runs every effect (and those the state asks for meanwhile).
    pub(super) fn run_effects(&mut self, mut effects: Vec<Effect>) {
        while !effects.is_empty() {
            for effect in effects {
                self.run(effect);
            }
            effects = std::mem::take(&mut self.state.asked);
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
                    .state
                    .reviews
                    .mark_seen(&cache, &change.key, change.import_id)
                {
                    // Not written: the mark stays, to be marked seen later.
                    self.state.message = Some(e);
                    self.state.changes.insert(change.key.clone(), change);
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
                self.state.outbox.push(clipboard::osc52(&text));
                let first = text.lines().next().unwrap_or_default();
                let first = crate::sanitize::line(first);
                self.state.message = Some(tf("copied {}: {}", &[&what, &first]));
            }
        }
    }

    fn load_detail(&mut self, key: &str) {
        self.state.related = Vec::new();
        self.state.related_pending = false;
        self.state.detail = match self.store.project(key) {
            Ok(detail) => Some(detail),
            Err(e) => {
                self.state.message = Some(format!("{}: {e}", t("cannot read the project")));
                None
            }
        };
        let Some(key) = self.state.detail.as_ref().map(|d| d.key.clone()) else {
            return;
        };
        match &self.finder {
            Some(finder) => {
                finder.ask(&key);
                self.state.related_pending = true;
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
            Err(e) => self.state.message = Some(format!("{}: {e}", t("cannot read the graph"))),
        }
    }

    fn load_organisations(&mut self) {
        match self.store.organisations() {
            Ok(all) => self.state.organisations_arrived(OrgList::new(all)),
            Err(e) => self.state.message = Some(format!("{}: {e}", t("cannot read organisations"))),
        }
    }

    fn export(&mut self, format: Format) {
        self.state.message = Some(match self.write_export(format) {
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
            .state
            .list
            .rows
            .iter()
            .map(|&i| self.state.catalogue.projects[i].key.as_str())
            .collect();
        let records = self.store.records(&keys)?;
        let with = With {
            contacts: false,
            notes: self.state.export_notes,
        };
        let rows = export::rows(records, with, &|key| self.state.reviews.get(key).cloned());
        let text = export::render(&rows, format, with);
        let path = crate::tui::export::write_new(
            &self.state.export_dir,
            format.extension(),
            &text,
            with.notes,
        )?;
        Ok((path, rows.len()))
    }

    fn write_mark(&mut self, key: &str, name: Option<&str>, mark: Mark) {
        let result = self.state.reviews.update(key, name, |a| match mark {
            Mark::Bookmark => a.bookmarked = !a.bookmarked,
            Mark::Review => a.review = a.review.next(),
        });
        self.state.message = Some(match result {
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
        self.state.detail_built_for = None;
    }

    fn write_note(&mut self, mut editor: NoteEditor) {
        let text = editor.text.trim_end().to_string();
        // Read and written in one transaction: a note written elsewhere
        // since the editor opened is kept, with this one after it.
        let mut kept_theirs = false;
        let result = self
            .state
            .reviews
            .update(&editor.key, editor.name.as_deref(), |a| {
                kept_theirs = a.note != editor.original && !a.note.is_empty();
                a.note = match kept_theirs {
                    true => format!("{}\n\n{text}", a.note),
                    false => text,
                };
            });
        self.state.message = Some(match result {
            Ok(_) if kept_theirs => {
                t("note saved after the one written meanwhile elsewhere").into()
            }
            Ok(a) if a.note.is_empty() => t("note removed").into(),
            Ok(_) => t("note saved").into(),
            Err(e) => {
                // The text is the user's: it stays in the editor, which
                // says why, until a save succeeds or they cancel.
                editor.problem = Some(e);
                self.state.overlay = Some(crate::tui::overlay::Overlay::Note(editor));
                t("the note was not saved; it is still here").into()
            }
        });
        self.state.detail_built_for = None;
    }
}
