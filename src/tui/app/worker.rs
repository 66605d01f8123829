//! A thread with its own cache connection that answers the latest question
//! only: questions asked while it was busy are passed over for the newest.
//! Related projects and text matches are found this way, so moving or
//! typing never waits for them. Answers are handed to a `deliver` function
//! (the shell's one channel of messages), which says false once nobody
//! listens any more.

use crate::store::Store;
use std::sync::mpsc::{channel, Sender};

/// Where questions go to the thread.
pub struct Latest {
    questions: Sender<String>,
}

impl Latest {
    pub fn start<A: 'static>(
        reader: Store,
        answer: fn(&Store, &str) -> A,
        deliver: impl Fn(A) -> bool + Send + 'static,
    ) -> Latest {
        let in_one_step = move |store: &Store, question: &str, reply: &mut dyn FnMut(A) -> bool| {
            reply(answer(store, question));
        };
        Latest::start_in_steps(reader, in_one_step, deliver)
    }

    /// A worker whose answer comes in steps (a first page, then the rest):
    /// `reply` gives a step and says whether to go on, false once a newer
    /// question waits (the rest of this answer is then passed over).
    pub fn start_in_steps<A>(
        reader: Store,
        answer: impl Fn(&Store, &str, &mut dyn FnMut(A) -> bool) + Send + 'static,
        deliver: impl Fn(A) -> bool + Send + 'static,
    ) -> Latest {
        let (questions, asked) = channel::<String>();
        std::thread::spawn(move || {
            let mut waiting = asked.recv().ok();
            while let Some(mut question) = waiting.take() {
                while let Ok(newer) = asked.try_recv() {
                    question = newer;
                }
                let mut closed = false;
                let mut step = |a: A| {
                    closed |= !deliver(a);
                    waiting = asked.try_recv().ok();
                    !closed && waiting.is_none()
                };
                answer(&reader, &question, &mut step);
                if closed {
                    break;
                }
                if waiting.is_none() {
                    waiting = asked.recv().ok();
                }
            }
        });
        Latest { questions }
    }

    pub fn ask(&self, question: &str) {
        let _ = self.questions.send(question.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn an_answer_in_steps_comes_step_by_step_for_the_latest_question() {
        let (sender, answers) = channel();
        let deliver = move |a: String| sender.send(a).is_ok();
        let worker = Latest::start_in_steps(
            Store::in_memory().unwrap(),
            |_, q, reply| {
                if reply(format!("{q}: first")) {
                    reply(format!("{q}: rest"));
                }
            },
            deliver,
        );
        worker.ask("a");
        let wait = Duration::from_secs(10);
        let got: Vec<String> = (0..2)
            .filter_map(|_| answers.recv_timeout(wait).ok())
            .collect();
        assert_eq!(got, ["a: first", "a: rest"]);
    }
}
