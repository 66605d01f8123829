//! Actions and the keys bound to them. The action names (snake_case) are
//! the names in the config file and in the help screen, so help is always
//! generated from the key map in force.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// Everything a key can do in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    First,
    Last,
    NextPane,
    PreviousPane,
    Open,
    Back,
    Filter,
    Sort,
    ToggleUnclassified,
    OpenGraph,
    Organisations,
    ToggleBranches,
    CopyId,
    CopySummary,
    EditNote,
    ToggleBookmark,
    CycleReview,
    Facets,
    ClearFacets,
    Export,
    Stats,
    Help,
    Quit,
}

impl Action {
    pub const ALL: [Action; 27] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::First,
        Action::Last,
        Action::NextPane,
        Action::PreviousPane,
        Action::Open,
        Action::Back,
        Action::Filter,
        Action::Sort,
        Action::ToggleUnclassified,
        Action::OpenGraph,
        Action::Organisations,
        Action::ToggleBranches,
        Action::CopyId,
        Action::CopySummary,
        Action::EditNote,
        Action::ToggleBookmark,
        Action::CycleReview,
        Action::Facets,
        Action::ClearFacets,
        Action::Export,
        Action::Stats,
        Action::Help,
        Action::Quit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::First => "first",
            Action::Last => "last",
            Action::NextPane => "next_pane",
            Action::PreviousPane => "previous_pane",
            Action::Open => "open",
            Action::Back => "back",
            Action::Filter => "filter",
            Action::Sort => "sort",
            Action::ToggleUnclassified => "toggle_unclassified",
            Action::OpenGraph => "open_graph",
            Action::Organisations => "organisations",
            Action::ToggleBranches => "toggle_branches",
            Action::CopyId => "copy_id",
            Action::CopySummary => "copy_summary",
            Action::EditNote => "edit_note",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::CycleReview => "cycle_review",
            Action::Facets => "facets",
            Action::ClearFacets => "clear_facets",
            Action::Export => "export",
            Action::Stats => "stats",
            Action::Help => "help",
            Action::Quit => "quit",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveDown => "next row, or scroll down",
            Action::MoveUp => "previous row, or scroll up",
            Action::PageDown => "one page down",
            Action::PageUp => "one page up",
            Action::First => "first row, or top",
            Action::Last => "last row, or bottom",
            Action::NextPane => "next pane",
            Action::PreviousPane => "previous pane",
            Action::Open => "open the project or organisation",
            Action::Back => "back (help, detail, filter, graph path)",
            Action::Filter => "fuzzy filter (Enter keeps, Esc clears)",
            Action::Sort => "next sort order",
            Action::ToggleUnclassified => "projects / unclassified documents",
            Action::OpenGraph => "partner graph of the selected project",
            Action::Organisations => "all organisations (Enter: their graph)",
            Action::ToggleBranches => "graph: branch offices rolled up / apart",
            Action::CopyId => "copy the diarienummer (OSC 52)",
            Action::CopySummary => "copy a short summary (OSC 52)",
            Action::EditNote => "your note (Enter saves, Esc cancels)",
            Action::ToggleBookmark => "bookmark on / off",
            Action::CycleReview => "review: unread → in review → done",
            Action::Facets => "facets: region, period, org, dates…",
            Action::ClearFacets => "clear every facet",
            Action::Export => "the list to a file: CSV, JSON, Markdown",
            Action::Stats => "charts of the filtered projects",
            Action::Help => "this help",
            Action::Quit => "quit",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// A key with its modifiers, as written in the config file: `j`, `G`,
/// `Ctrl-d`, `PageDown`, `F1`, `Enter`, `Esc`, `Tab`, `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Key {
        // Shift is part of the character (`G`, `?`); only Ctrl is kept.
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, rest) = match text
            .strip_prefix("Ctrl-")
            .or_else(|| text.strip_prefix("ctrl-"))
        {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let code = named_code(rest).or_else(|| {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(KeyCode::Char(c)),
                _ => None,
            }
        })?;
        Some(Key { code, ctrl })
    }

    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or("?".to_string(), |(n, _)| n.to_string()),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Down", KeyCode::Down),
    ("Up", KeyCode::Up),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageDown", KeyCode::PageDown),
    ("PageUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Backspace", KeyCode::Backspace),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Delete", KeyCode::Delete),
];

fn named_code(name: &str) -> Option<KeyCode> {
    if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        return Some(KeyCode::F(n));
    }
    if name == "Space" {
        return Some(KeyCode::Char(' '));
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<Key, Action>,
}

/// The defaults: none needs AltGr on a Swedish keyboard.
const DEFAULTS: &[(Action, &[&str])] = &[
    (Action::MoveDown, &["j", "Down"]),
    (Action::MoveUp, &["k", "Up"]),
    (Action::PageDown, &["PageDown", "Ctrl-d"]),
    (Action::PageUp, &["PageUp", "Ctrl-u"]),
    (Action::First, &["g", "Home"]),
    (Action::Last, &["G", "End"]),
    (Action::NextPane, &["Tab"]),
    (Action::PreviousPane, &["BackTab"]),
    (Action::Open, &["Enter"]),
    (Action::Back, &["Esc", "Backspace"]),
    (Action::Filter, &["/"]),
    (Action::Sort, &["s"]),
    (Action::ToggleUnclassified, &["u"]),
    (Action::OpenGraph, &["p"]),
    (Action::Organisations, &["o"]),
    (Action::ToggleBranches, &["B"]),
    (Action::CopyId, &["y"]),
    (Action::CopySummary, &["Y"]),
    (Action::EditNote, &["n"]),
    (Action::ToggleBookmark, &["b"]),
    (Action::CycleReview, &["r"]),
    (Action::Facets, &["f"]),
    (Action::ClearFacets, &["F"]),
    (Action::Export, &["e"]),
    (Action::Stats, &["S"]),
    (Action::Help, &["?", "F1"]),
    (Action::Quit, &["q"]),
];

impl Default for KeyMap {
    fn default() -> KeyMap {
        let mut bindings = HashMap::new();
        for (action, keys) in DEFAULTS {
            for key in keys.iter().filter_map(|k| Key::parse(k)) {
                bindings.insert(key, *action);
            }
        }
        KeyMap { bindings }
    }
}

impl KeyMap {
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// Rebinds an action to exactly these keys (taking them from others).
    pub fn bind(&mut self, action: Action, keys: &[Key]) {
        self.bindings.retain(|_, a| *a != action);
        for key in keys {
            self.bindings.insert(*key, action);
        }
    }

    /// Keys of an action, as labels: single characters first.
    pub fn keys_of(&self, action: Action) -> Vec<String> {
        let mut labels: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k.label())
            .collect();
        labels.sort_by_key(|l| (l.chars().count(), l.clone()));
        labels
    }

    /// (keys, action name, description) for every action: the help screen.
    pub fn help_rows(&self) -> Vec<(String, &'static str, &'static str)> {
        Action::ALL
            .iter()
            .map(|a| (self.keys_of(*a).join(" "), a.name(), a.describe()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_label() {
        for text in [
            "j", "G", "Ctrl-d", "PageDown", "F1", "Enter", "?", "/", "BackTab", "Space",
        ] {
            assert_eq!(Key::parse(text).unwrap().label(), text);
        }
        assert_eq!(Key::parse("Nope"), None);
    }

    #[test]
    fn defaults_need_no_altgr_on_a_swedish_keyboard() {
        const ALTGR: &[char] = &['[', ']', '{', '}', '\\', '|', '~', '@', '$', '€', '£'];
        let map = KeyMap::default();
        for key in map.bindings.keys() {
            if let KeyCode::Char(c) = key.code {
                assert!(!ALTGR.contains(&c), "{c} needs AltGr");
            }
        }
    }

    #[test]
    fn every_action_has_a_key_and_a_unique_name() {
        let map = KeyMap::default();
        for a in Action::ALL {
            assert!(!map.keys_of(a).is_empty(), "{}", a.name());
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
    }

    #[test]
    fn rebinding_moves_keys() {
        let mut map = KeyMap::default();
        map.bind(Action::MoveDown, &[Key::parse("n").unwrap()]);
        assert_eq!(map.keys_of(Action::MoveDown), vec!["n"]);
        assert_eq!(map.action(Key::parse("j").unwrap()), None);
    }
}
