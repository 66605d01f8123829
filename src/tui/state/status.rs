//! The status bar's part of the state: what the browser says to the user,
//! one [`Notice`] at a time, cleared by the next key; and the [`Reply`]
//! each part's update gives back.

use crate::tui::effect::Effect;
pub use crate::tui::notice::Notice;

/// What a part's update gives back: whether the screen changed, what to
/// ask of the world outside, and what to say.
#[derive(Debug, Default)]
pub struct Reply {
    pub changed: bool,
    pub effects: Vec<Effect>,
    pub notice: Option<Notice>,
}

impl Reply {
    pub fn changed() -> Reply {
        Reply {
            changed: true,
            ..Reply::default()
        }
    }

    pub fn ask(mut self, effect: Effect) -> Reply {
        self.effects.push(effect);
        self
    }

    pub fn say(mut self, notice: Notice) -> Reply {
        self.notice = Some(notice);
        self
    }
}

/// What the status bar says now, if anything.
#[derive(Debug, Default)]
pub struct Status {
    pub said: Option<Notice>,
}

impl Status {
    /// Says `notice` (over whatever was said).
    pub fn say(&mut self, notice: Notice) {
        self.said = Some(notice);
    }

    /// Says `notice` unless something is said already.
    pub fn say_if_quiet(&mut self, notice: Notice) {
        self.said.get_or_insert(notice);
    }

    /// A key clears what was said; true when something was.
    pub fn clear(&mut self) -> bool {
        self.said.take().is_some()
    }

    /// What is said, in the language in force.
    pub fn text(&self) -> Option<String> {
        self.said.as_ref().map(Notice::text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_clears_what_was_said_and_a_quiet_word_waits_its_turn() {
        let mut status = Status::default();
        status.say(Notice::FacetsCleared);
        status.say_if_quiet(Notice::Orphans(2));
        assert_eq!(status.said, Some(Notice::FacetsCleared));
        assert!(status.clear());
        assert!(!status.clear(), "nothing left to clear");
        status.say_if_quiet(Notice::Orphans(2));
        assert_eq!(status.said, Some(Notice::Orphans(2)));
    }
}
