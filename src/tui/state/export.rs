//! The export from the browser: `e` asks for a format, then for the
//! file's name (a default the shell found free, ready to accept), then
//! the shell writes the listed projects there and says the absolute path;
//! a taken name comes back to the prompt to be replaced or changed.

use super::overlay::Overlay;
use super::{Notice, State};
use crate::present::export::Format;
use crate::tui::effect::Effect;
use crate::tui::export_prompt::ExportPrompt;
use crate::tui::keymap::Context;

impl State {
    pub(super) fn start_export(&mut self) -> bool {
        if self.row_count() == 0 || self.is_loading() {
            self.status.say(Notice::NothingToExport);
            return true;
        }
        self.overlay.enter(Context::Export)
    }

    /// A format chosen: the shell finds a free default name for it.
    pub(super) fn export(&mut self, format: Format) -> bool {
        self.ask(Effect::SuggestExportFile {
            format,
            dir: self.export_dir.clone(),
        });
        true
    }

    /// The default name found: the prompt opens on it.
    pub(super) fn export_suggested(&mut self, format: Format, file: String) -> bool {
        self.overlay = Overlay::ExportFile(ExportPrompt::new(format, file));
        true
    }

    /// The listed projects to the file named, by the shell.
    pub(super) fn write_export(&mut self, format: Format, file: String, replace: bool) -> bool {
        let projects = &self.catalogue.projects;
        let keys = self.list.rows.iter().map(|&i| projects.key(i).to_string());
        self.ask(Effect::Export {
            format,
            keys: keys.collect(),
            with_notes: self.export_notes,
            file,
            replace,
        });
        true
    }

    /// Nothing written: the prompt back with the name and why (`taken`:
    /// the file is there, and Enter again replaces it).
    pub(super) fn export_refused(
        &mut self,
        format: Format,
        file: String,
        taken: bool,
        why: String,
    ) -> bool {
        let mut prompt = ExportPrompt::new(format, file.clone());
        prompt.refused(file, taken, why);
        self.overlay = Overlay::ExportFile(prompt);
        true
    }
}
