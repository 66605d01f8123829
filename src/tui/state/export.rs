//! `e`: the export prompt. The shell writes the file.

use super::{Notice, State};
use crate::export::Format;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;

impl State {
    pub(super) fn start_export(&mut self) -> bool {
        if self.row_count() == 0 || self.is_loading() {
            self.status.say(Notice::NothingToExport);
            return true;
        }
        self.overlay.enter(Context::Export)
    }

    /// The listed projects to a file in `format`, by the shell.
    pub(super) fn export(&mut self, format: Format) -> bool {
        let projects = &self.catalogue.projects;
        let keys = self.list.rows.iter().map(|&i| projects[i].key.clone());
        self.ask(Effect::Export {
            format,
            keys: keys.collect(),
            with_notes: self.export_notes,
            dir: self.export_dir.clone(),
        });
        true
    }
}
