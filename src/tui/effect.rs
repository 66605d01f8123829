//! What the browser asks of the world outside its state: reading the
//! cache, writing notes and files, the clipboard. Updates only return
//! these as values; the shell (`app`) runs them, in one place, and what
//! they give comes back as a message.
//!
//! A leaf: it names plain data types only, never the state or the shell.

use super::graph_state::GraphLoad;
use super::note_editor::NoteEditor;
use crate::model::Change;
use crate::present::export::Format;
use std::path::PathBuf;

/// One thing to do outside the state.
#[derive(Debug)]
pub enum Effect {
    /// Read a project in full for the detail pane.
    LoadDetail(String),
    /// Find the projects related to one (on the finder's thread).
    FindRelated(String),
    /// A neighbourhood for the graph: a new graph or a step in the one shown.
    Graph(GraphLoad),
    /// Every organisation, for their screen.
    LoadOrganisations,
    /// A default name for an export in `format`: in `dir`, not taken.
    SuggestExportFile { format: Format, dir: PathBuf },
    /// Projects (by key, in the list's order) to the file the user named
    /// (`~/` is the home folder, a relative name is from the current
    /// folder); an existing one only when `replace`.
    Export {
        format: Format,
        keys: Vec<String>,
        with_notes: bool,
        file: String,
        replace: bool,
    },
    /// The other language (English, Swedish), for every thread.
    SwitchLanguage,
    /// The project's note as the notes file has it now, for the editor.
    ReadNote { key: String, name: Option<String> },
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
    /// Text to the clipboard (OSC 52); `what` it is, for the status bar.
    Copy { text: String, what: Copied },
    /// Overlapping pairs for the overlaps screen.
    LoadOverlaps(OverlapScope),
    /// The keys of every project in an overlapping pair (the list's marks).
    FindOverlapMarks,
    /// The pairs one project makes (the detail's section).
    ProjectOverlaps(String),
    /// The coverage matrix of every project in the cache.
    LoadCoverage {
        by: crate::store::coverage::CoverageBy,
        region: Option<String>,
    },
    /// An organisation's projects (its units' too) for a timeline.
    LoadTimeline(String),
    /// A project's dossier, to a new file in `dir` or to the clipboard.
    Dossier {
        key: String,
        to: DossierTo,
        contacts: bool,
        dir: PathBuf,
    },
}

/// Whose overlaps the overlaps screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlapScope {
    Every,
    Organisation(String),
}

/// Where a dossier goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DossierTo {
    File,
    Clipboard,
}

/// What was copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Id,
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bookmark,
    Review,
}
