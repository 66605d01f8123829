//! The effects of the overlaps, coverage and timeline screens and of the
//! dossier, run with the commands' own searches (`esf overlaps`, `esf
//! coverage`, `esf timeline`, `esf dossier`). Every organisation's
//! overlaps are compared on a thread of their own when the cache is a
//! file; what they give comes back as a message.

use super::App;
use crate::catalogue::coverage;
use crate::i18n::tf;
use crate::ingest::gazetteer::gazetteer;
use crate::present::sanitize;
use crate::store::Store;
use crate::tui::clipboard;
use crate::tui::effect::{DossierTo, Effect, OverlapScope};
use crate::tui::msg::Msg;
use crate::tui::notice::Notice;
use std::path::Path;

impl App {
    /// One of these effects; what it gives, as a message for the state.
    pub(super) fn run_answer(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::LoadOverlaps(OverlapScope::Every) => {
                self.on_thread(|store| overlaps(store, OverlapScope::Every))
            }
            Effect::LoadOverlaps(scope) => Some(overlaps(&self.store, scope)),
            Effect::FindOverlapMarks => self.on_thread(|store| {
                let keys = store.overlapping_keys(true).map_err(|e| e.to_string());
                Msg::OverlapMarks(keys)
            }),
            Effect::ProjectOverlaps(key) => {
                let found = self.store.everything_overlapping(&key, true);
                let found = found.map_err(|e| e.to_string());
                Some(Msg::ProjectOverlaps { key, found })
            }
            Effect::LoadCoverage { by, region } => {
                let read = self.store.coverage_groups(by).map_err(|e| e.to_string());
                let built = read.map(|groups| {
                    Box::new(coverage::build(gazetteer(), by, region.as_deref(), &groups))
                });
                Some(Msg::CoverageRead(built))
            }
            Effect::LoadTimeline(organisation) => {
                let read = self.store.projects_of_organisation(&organisation);
                let read = read.map_err(|e| e.to_string());
                Some(Msg::TimelineRead { organisation, read })
            }
            Effect::Dossier {
                key,
                to,
                contacts,
                dir,
            } => Some(Msg::Notice(self.dossier(&key, to, contacts, &dir))),
            _ => None,
        }
    }

    /// `work` on a thread with a connection of its own, its message sent
    /// on the shell's channel; here and now over an in-memory cache.
    fn on_thread(&self, work: impl FnOnce(&Store) -> Msg + Send + 'static) -> Option<Msg> {
        let reader = self.store.reopen().ok().flatten();
        match (reader, &self.outlet) {
            (Some(reader), Some(outlet)) => {
                let outlet = outlet.clone();
                std::thread::spawn(move || {
                    super::first_frame::wait();
                    // The browser may have quit meanwhile.
                    let _ = outlet.send(work(&reader));
                });
                None
            }
            _ => Some(work(&self.store)),
        }
    }

    /// The dossier written to a new file or copied; what happened, said.
    fn dossier(&mut self, key: &str, to: DossierTo, contacts: bool, dir: &Path) -> Notice {
        let text = match self.dossier_text(key, contacts) {
            Ok(text) => text,
            Err(e) => return Notice::Said(tf("cannot make the dossier: {}", &[&e])),
        };
        match to {
            DossierTo::File => match write_dossier(dir, key, &text) {
                Ok(path) => {
                    let path = sanitize::line(&path.display().to_string()).into_owned();
                    Notice::Said(tf("dossier written to {}", &[&path]))
                }
                Err(e) => Notice::Said(tf("cannot write the dossier: {}", &[&e])),
            },
            DossierTo::Clipboard => match clipboard::osc52(&text, clipboard::route()) {
                Some(sequence) => {
                    self.outbox.push(sequence);
                    let lines = text.lines().count();
                    Notice::Said(tf("dossier copied ({} lines of Markdown)", &[&lines]))
                }
                None => Notice::CannotCopy,
            },
        }
    }

    /// The dossier as `esf dossier` makes it: contact persons only when
    /// asked for, the user's marks and note as the browser has them.
    fn dossier_text(&self, key: &str, contacts: bool) -> anyhow::Result<String> {
        let mut project = self.store.project(key)?;
        if !contacts {
            crate::ingest::fields::forget_contacts(&mut project.project);
        }
        let yours = self.state.annotations.get(key).cloned();
        let dossier = self.store.dossier_of(&project, yours, contacts)?;
        Ok(crate::present::dossier::render(&dossier))
    }
}

/// Pairs the overlaps screen reads, organisations in name order, before
/// it stops: a million projects make millions of pairs, which `esf
/// overlaps` writes as it finds them.
pub const KEPT_PAIRS: usize = 20_000;

/// The pairs of the scope, the first [`KEPT_PAIRS`] of them.
fn overlaps(store: &Store, scope: OverlapScope) -> Msg {
    let org = match &scope {
        OverlapScope::Every => None,
        OverlapScope::Organisation(name) => Some(name.as_str()),
    };
    let mut kept = Vec::new();
    let read = store.overlaps_until(org, None, true, &mut |pairs| {
        let room = KEPT_PAIRS.saturating_sub(kept.len());
        kept.extend(pairs.into_iter().take(room));
        kept.len() < KEPT_PAIRS
    });
    let read = read.map(|found| crate::store::OverlapsFound {
        pairs: kept,
        ..found
    });
    let read = read.map_err(|e| e.to_string());
    Msg::OverlapsRead { scope, read }
}

/// `esf-dossier-<key>.md` in `dir` (its absolute path), never over any
/// file that is there: `-2`, `-3`, … until a name is free. Readable by
/// its owner only: a dossier may hold a note and contact persons.
fn write_dossier(dir: &Path, key: &str, text: &str) -> std::io::Result<std::path::PathBuf> {
    let dir = std::fs::canonicalize(dir)?;
    let stem: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    super::export::write_named(&dir, &format!("esf-dossier-{stem}"), "md", text, true)
}
