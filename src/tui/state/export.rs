//! `e`: the export prompt. The shell writes the file.

use super::overlay::{export_update, ExportStep};
use super::{Notice, State};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};

impl State {
    pub(super) fn start_export(&mut self) -> bool {
        if self.row_count() == 0 || self.is_loading() {
            self.status.say(Notice::NothingToExport);
            return true;
        }
        self.overlay.enter(Context::Export)
    }

    /// A format writes the file; the notes are turned on or off.
    pub(super) fn on_export_action(&mut self, action: Action) -> bool {
        match export_update(action) {
            ExportStep::Write(format) => {
                let projects = &self.catalogue.projects;
                let keys = self.list.rows.iter().map(|&i| projects[i].key.clone());
                self.ask(Effect::Export {
                    format,
                    keys: keys.collect(),
                    with_notes: self.export_notes,
                    dir: self.export_dir.clone(),
                });
                self.overlay.enter(Context::Normal)
            }
            ExportStep::ToggleNotes => {
                self.export_notes = !self.export_notes;
                true
            }
            ExportStep::Cancel => self.overlay.enter(Context::Normal),
            ExportStep::Ignored => false,
        }
    }
}
