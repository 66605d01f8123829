//! Related projects for the detail pane, found on another thread: around a
//! project of the big agencies that takes a few hundred milliseconds at a
//! million projects, which moving the selection must not wait for.

use crate::graph::Related;
use crate::store::Store;
use std::sync::mpsc::{channel, Receiver, Sender};

/// Related projects shown in the detail pane.
const SHOWN: usize = 5;

/// What finding related projects gives: them, or why they could not be read.
pub type Found = Result<Vec<Related>, String>;

/// The projects related to `key`, best first.
pub fn find(store: &Store, key: &str) -> Found {
    store
        .neighbourhood_of_project(key, true)
        .map(|(key, nb)| crate::graph::related(&nb, &key, SHOWN))
        .map_err(|e| e.to_string())
}

/// A thread with its own connection that answers the latest question only.
pub struct Finder {
    questions: Sender<String>,
    answers: Receiver<(String, Found)>,
}

impl Finder {
    pub fn start(reader: Store) -> Finder {
        let (questions, asked) = channel::<String>();
        let (answer, answers) = channel();
        std::thread::spawn(move || {
            while let Ok(mut key) = asked.recv() {
                // Keys the selection passed over while this one was found.
                while let Ok(newer) = asked.try_recv() {
                    key = newer;
                }
                let related = find(&reader, &key);
                if answer.send((key, related)).is_err() {
                    break;
                }
            }
        });
        Finder { questions, answers }
    }

    pub fn ask(&self, key: &str) {
        let _ = self.questions.send(key.to_string());
    }

    /// An answer, if one has come (perhaps for a project no longer shown).
    pub fn answer(&self) -> Option<(String, Found)> {
        self.answers.try_recv().ok()
    }
}
