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
        Latest::start_in_steps(reader, move |store, question, reply| {
            reply(answer(store, question));
        })
    }

    /// A worker whose answer comes in steps (a first page, then the rest):
    /// `reply` gives a step and says whether to go on, false once a newer
    /// question waits (the rest of this answer is then passed over).
    pub fn start_in_steps(
        reader: Store,
        answer: impl Fn(&Store, &str, &mut dyn FnMut(A) -> bool) + Send + 'static,
    ) -> Latest<A> {
        let (questions, asked) = channel::<String>();
        let (reply, answers) = channel();
        std::thread::spawn(move || {
            let mut waiting = asked.recv().ok();
            while let Some(mut question) = waiting.take() {
                while let Ok(newer) = asked.try_recv() {
                    question = newer;
                }
                let mut closed = false;
                let mut step = |a: A| {
                    closed |= reply.send(a).is_err();
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn an_answer_in_steps_comes_step_by_step_for_the_latest_question() {
        let worker = Latest::start_in_steps(Store::in_memory().unwrap(), |_, q, reply| {
            if reply(format!("{q}: first")) {
                reply(format!("{q}: rest"));
            }
        });
        worker.ask("a");
        let mut got = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        while got.len() < 2 && Instant::now() < deadline {
            got.extend(worker.answer());
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(got, ["a: first", "a: rest"]);
    }
}
