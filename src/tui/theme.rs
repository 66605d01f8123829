//! Styles: the terminal's own colours plus the 16 ANSI colours, and none
//! at all with `NO_COLOR`. The selection is reversed and bold, so it shows
//! without colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn tint(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The character under a text's cursor: reversed, as a terminal's
    /// block cursor shows it.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn header(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Characters the filter matched.
    pub fn matched(self) -> Style {
        self.tint(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.tint(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.tint(Color::DarkGray)
        }
    }

    pub fn label(self) -> Style {
        self.tint(Color::Cyan)
    }

    pub fn missing(self) -> Style {
        self.tint(Color::DarkGray)
    }

    pub fn section(self) -> Style {
        self.tint(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.tint(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn message(self) -> Style {
        self.tint(Color::Green)
    }
}
