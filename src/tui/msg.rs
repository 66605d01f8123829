//! Everything that can happen to the browser, as one enum on one channel:
//! a key, a mouse event, a paste, a resize, and each worker's arrival
//! (the whole catalogue, related projects, text matches). The loop turns
//! each into an update of the state; what the update asks of the world
//! outside comes back as effects (see `effect`).
//!
//! A leaf: it names plain data types only, never the state or the shell.

use super::effect::Mark;
use super::graph_state::GraphLoad;
use super::note_editor::NoteEditor;
use super::notice::Notice;
use crate::catalogue::Catalogue;
use crate::graph::{Ego, Related};
use crate::model::{Annotation, Change, OrgSummary, StoredProject};
use crate::search::fields::Reason;
use crossterm::event::{KeyEvent, MouseEvent};
use std::collections::HashMap;

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

/// One text term's matches: which term of the query, and the keys of the
/// projects whose texts hold it, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatches {
    /// The group of alternatives the term is in (`a | b` is one group).
    pub group: usize,
    /// The term within its group.
    pub term: usize,
    pub keys: Vec<String>,
}

/// What the texts hold for a query.
#[derive(Debug, Default)]
pub struct TextAnswer {
    pub query: String,
    /// The matches of each term looked for in texts.
    pub found: Vec<TermMatches>,
    /// A few words around the match, by project key.
    pub snippets: HashMap<String, Reason>,
    /// Why the texts could not be searched, if they could not.
    pub problem: Option<String>,
    /// Every match is here (not only the first page).
    pub complete: bool,
}
