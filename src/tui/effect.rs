//! What the browser asks of the world outside its state: reading the
//! cache, writing notes and files, the clipboard. Updates only return
//! these as values; the shell (`app`) runs them, in one place, and what
//! they give comes back as a message.
//!
//! A leaf: it names plain data types only, never the state or the shell.

use super::graph_state::GraphLoad;
use super::note_editor::NoteEditor;
use crate::export::Format;
use crate::model::Change;

/// One thing to do outside the state.
#[derive(Debug)]
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
