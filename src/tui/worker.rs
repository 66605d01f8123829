//! A thread with its own cache connection that answers the latest question
//! only: questions asked while it was busy are passed over for the newest.
//! Related projects and text matches are found this way, so moving or
//! typing never waits for them.

use crate::store::Store;
use std::sync::mpsc::{channel, Receiver, Sender};

pub struct Latest<A> {
    questions: Sender<String>,
    answers: Receiver<A>,
}

impl<A: Send + 'static> Latest<A> {
    pub fn start(reader: Store, answer: fn(&Store, &str) -> A) -> Latest<A> {
        let (questions, asked) = channel::<String>();
        let (reply, answers) = channel();
        std::thread::spawn(move || {
            while let Ok(mut question) = asked.recv() {
                while let Ok(newer) = asked.try_recv() {
                    question = newer;
                }
                if reply.send(answer(&reader, &question)).is_err() {
                    break;
                }
            }
        });
        Latest { questions, answers }
    }

    pub fn ask(&self, question: &str) {
        let _ = self.questions.send(question.to_string());
    }

    /// The next answer that has come, if any.
    pub fn answer(&self) -> Option<A> {
        self.answers.try_recv().ok()
    }

    /// The newest answer that has come, older ones dropped.
    pub fn latest(&self) -> Option<A> {
        self.answers.try_iter().last()
    }
}
