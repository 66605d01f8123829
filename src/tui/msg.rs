//! Everything that can happen to the browser, as one enum on one channel:
//! a key, a mouse event, a paste, a resize, and each worker's arrival
//! (the whole catalogue, related projects, text matches). The loop turns
//! each into an update of the state; what the update asks of the world
//! outside comes back as effects (see `effect`).
//!
//! A leaf: it names plain data types only, never the state or the shell.

use super::effect::{Mark, OverlapScope};
use super::graph_state::GraphLoad;
use super::note_editor::NoteEditor;
use super::notice::Notice;
use crate::catalogue::Catalogue;
use crate::graph::{Ego, Related};
use crate::model::{Annotation, Change, OrgSummary, StoredProject};
use crate::present::export::Format;
use crossterm::event::{KeyEvent, MouseEvent};

/// One thing that happened.
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Text pasted (bracketed paste): text, never keys.
    Paste(String),
    /// The area drawn, after the window's size changed.
    Resize(u16, u16),
    /// Every project, read on a thread of its own (or why not).
    Loaded(Result<Box<Catalogue>, String>),
    /// Related projects found for the project of `key`.
    Related {
        key: String,
        found: Found,
    },
    /// Text matches for a query: a first page, then every match.
    Texts(TextAnswer),
    /// The project of `key` read in full for the detail pane.
    DetailRead {
        key: String,
        read: Result<Box<StoredProject>, String>,
    },
    /// A neighbourhood read for the graph (`None`: its focus is gone).
    GraphRead {
        load: GraphLoad,
        read: Result<Option<Ego>, String>,
    },
    /// Every organisation, read for their screen.
    OrganisationsRead(Result<Vec<OrgSummary>, String>),
    /// Something to say that an effect gave (a file written, a copy).
    Notice(Notice),
    /// A free default name for an export, for the prompt to open on.
    ExportSuggested {
        format: Format,
        file: String,
    },
    /// An export not written: the name back to the prompt, with why
    /// (`taken`: the file exists; Enter again replaces it).
    ExportRefused {
        format: Format,
        file: String,
        taken: bool,
        why: String,
    },
    /// A project's bookmark or review state written.
    Annotated {
        mark: Mark,
        written: Result<Annotation, String>,
    },
    /// The note as the notes file holds it now, for the editor to open.
    NoteRead {
        key: String,
        name: Option<String>,
        text: String,
    },
    /// A note written (or the editor back with why it was not).
    NoteWritten(Result<NoteWritten, Box<NoteEditor>>),
    /// The change that could not be noted as seen, with why.
    SeenNotNoted {
        change: Change,
        why: String,
    },
    /// Overlapping pairs read for the overlaps screen.
    OverlapsRead {
        scope: OverlapScope,
        read: Result<crate::store::OverlapsFound, String>,
    },
    /// The keys of every project in an overlapping pair.
    OverlapMarks(Result<crate::catalogue::key_set::KeySet, String>),
    /// The pairs the project of `key` makes.
    ProjectOverlaps {
        key: String,
        found: Result<crate::overlaps::OfProject, String>,
    },
    /// The coverage matrix read.
    CoverageRead(Result<Box<crate::catalogue::coverage::Coverage>, String>),
    /// An organisation's projects read for its timeline.
    TimelineRead {
        organisation: String,
        read: Result<Vec<crate::model::ProjectSummary>, String>,
    },
}

/// A note as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteWritten {
    pub stored: Annotation,
    /// A note written elsewhere meanwhile was kept, this one after it.
    pub kept_theirs: bool,
}

/// What finding related projects gives: them, or why they could not be read.
pub type Found = Result<Vec<Related>, String>;

pub use crate::catalogue::texts::{TermMatches, TextAnswer};
