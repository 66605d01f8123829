//! `e`: the list as it is filtered, written to a file in the current
//! folder as CSV, JSON or Markdown, with the user's notes if asked.
//! Contact persons are left out (`esf export --with-contacts` has them).

use super::effect::Effect;
use super::keymap::Action;
use super::keymap::Context;
use super::state::overlay::{export_update, ExportStep};
use super::state::{Notice, State};
use std::path::PathBuf;

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

/// Writes `esf-export-<time>.<ext>` in `dir`, never over an existing file;
/// one holding the user's notes is readable by them only.
pub(super) fn write_new(
    dir: &std::path::Path,
    ext: &str,
    text: &str,
    private: bool,
) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let stamp = crate::dates::timestamp_seconds(crate::dates::now()).replace([' ', ':'], "-");
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("esf-export-{stamp}{suffix}.{ext}"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        match options.open(&path) {
            Ok(mut file) => return file.write_all(text.as_bytes()).map(|_| path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some name is free")
}
