//! A key with its modifiers, as the config file and the help screen
//! write it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as written in the config file: `j`, `G`,
/// `Ctrl-d`, `Alt-Enter`, `PageDown`, `F1`, `Enter`, `Esc`, `Tab`,
/// `Shift-Tab` (or `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Key {
        // Shift is part of the character (`G`, `?`); Ctrl and Alt are kept.
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub fn parse(text: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, text);
        loop {
            if let Some(r) = strip_modifier(rest, "Ctrl-") {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = strip_modifier(rest, "Alt-") {
                (alt, rest) = (true, r);
            } else {
                break;
            }
        }
        if rest.eq_ignore_ascii_case("Shift-Tab") {
            rest = "BackTab";
        }
        let code = named_code(rest).or_else(|| {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(KeyCode::Char(c)),
                _ => None,
            }
        })?;
        Some(Key { code, ctrl, alt })
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
        let alt = if self.alt { "Alt-" } else { "" };
        let ctrl = if self.ctrl { "Ctrl-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }

    /// A character typed into a text field, if this key is one.
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

fn strip_modifier<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && text.len() > prefix.len()).then(|| &text[prefix.len()..])
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
