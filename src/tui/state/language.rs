//! Switching between English and Swedish while the browser runs: the
//! shell sets the language (a global every thread reads); every screen is
//! drawn from the state in the language in force, and what was laid out
//! in words beforehand (the detail's lines) is laid out again.

use super::State;
use crate::tui::effect::Effect;

impl State {
    /// `L`: the other language, every screen redrawn in it.
    pub(super) fn switch_language(&mut self) -> bool {
        self.detail.built_for = None;
        self.ask(Effect::SwitchLanguage);
        true
    }
}
