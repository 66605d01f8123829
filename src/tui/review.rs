//! The user's notes, bookmarks and review states as the browser holds
//! them: the notes file's connection (the shell's) and what it holds (the
//! state's).

pub use super::state::Annotations;
use crate::store::Notes;

/// The user's notes as the browser is given them: the notes file's
/// connection (which only the shell uses) and every annotation in it,
/// read once (which the state keeps in step with every write).
#[derive(Default)]
pub struct Reviews {
    notes: Option<Notes>,
    annotations: Annotations,
}

impl Reviews {
    pub fn over(notes: Notes) -> Reviews {
        match notes.all() {
            Ok(all) => Reviews {
                annotations: Annotations::of(all),
                notes: Some(notes),
            },
            Err(e) => Reviews::unavailable(e.to_string()),
        }
    }

    pub fn unavailable(why: String) -> Reviews {
        Reviews {
            notes: None,
            annotations: Annotations::unavailable(why),
        }
    }

    /// The connection for the shell, the annotations for the state.
    pub fn split(self) -> (Option<Notes>, Annotations) {
        (self.notes, self.annotations)
    }
}
