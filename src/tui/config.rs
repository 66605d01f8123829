//! The browser's config file, `<user config dir>/esf-browser/config.toml`
//! (`~/.config/esf-browser/config.toml` on Linux):
//!
//! ```toml
//! mouse = true            # wheel and click; false leaves the mouse to the terminal
//! graph_markers = "braille"   # or "half_block" for fonts without Braille
//!
//! [keys]                  # action name = keys; the names are those in the help
//! move_down = ["j", "Down", "Ctrl-n"]
//! quit = ["q", "Ctrl-q"]
//!
//! [keys.note]             # the other contexts: filter, picker, note, export, help
//! new_line = ["Ctrl-j"]
//! ```
//!
//! A setting esf does not know, a bad value or a key bound twice is
//! reported, and everything else applies.

use super::keymap::{Action, Context, Key, KeyMap};
use crate::i18n::{t, tf};
use crate::present::format::quoted;
use ratatui::symbols::Marker;
use std::path::{Path, PathBuf};

/// What the browser takes from the config file.
#[derive(Debug, Clone)]
pub struct Config {
    pub keys: KeyMap,
    pub mouse: bool,
    /// How the partner graph is drawn.
    pub markers: Marker,
    /// What could not be applied, shown at the top of the help.
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keys: KeyMap::default(),
            mouse: true,
            markers: Marker::Braille,
            problems: Vec::new(),
        }
    }
}

/// Where the config file is looked for.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "esf-browser")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config; problems are returned as messages, the rest applies.
pub fn load(path: Option<&Path>) -> (Config, Vec<String>) {
    let Some(path) = path else {
        return (Config::default(), Vec::new());
    };
    use crate::files::read_bounded::{self, Refused};
    // Regular files of at most 1 MB: a config linked to /dev/zero or made
    // a FIFO is refused in one line, never read for ever or waited on.
    let read = read_bounded::read(
        path,
        read_bounded::CONFIG_LIMIT,
        read_bounded::Links::Follow,
    );
    let text = read.and_then(|bytes| {
        String::from_utf8(bytes).map_err(|_| Refused::Io(std::io::ErrorKind::InvalidData.into()))
    });
    match text {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(Refused::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            (Config::default(), Vec::new())
        }
        Err(e) => (Config::default(), vec![format!("{}: {e}", path.display())]),
    }
}

/// Parses config text; `origin` names it in messages.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let table: toml::Table = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => return (config, vec![format!("{origin}: {}", e.message())]),
    };
    let mut problems = Vec::new();
    for (name, value) in &table {
        let problem = match name.as_str() {
            "mouse" => value
                .as_bool()
                .map(|m| config.mouse = m)
                .ok_or_else(|| "mouse is true or false".to_string()),
            "graph_markers" => markers(value).map(|m| config.markers = m),
            "keys" => {
                bind_keys(&mut config.keys, value, &mut problems);
                Ok(())
            }
            other => Err(tf(
                "no setting called {}; it was left out",
                &[&quoted(other)],
            )),
        };
        if let Err(why) = problem {
            problems.push(why);
        }
    }
    let problems = problems
        .into_iter()
        .map(|p| format!("{origin}: {p}"))
        .collect();
    (config, problems)
}

fn markers(value: &toml::Value) -> Result<Marker, String> {
    match value.as_str() {
        Some("braille") => Ok(Marker::Braille),
        Some("half_block") => Ok(Marker::HalfBlock),
        _ => Err(tf(
            "graph_markers is \"braille\" or \"half_block\", not {}",
            &[&format!("{value:?}")],
        )),
    }
}

/// `[keys]` binds the normal context; `[keys.CONTEXT]` the others.
fn bind_keys(map: &mut KeyMap, value: &toml::Value, problems: &mut Vec<String>) {
    let Some(table) = value.as_table() else {
        problems.push(t("keys is a table of action = [keys]").into());
        return;
    };
    for (name, value) in table {
        match (value, name.parse::<Context>()) {
            (toml::Value::Table(_), Ok(context)) => bind_context(map, context, value, problems),
            (toml::Value::Table(_), Err(_)) => {
                problems.push(tf("no key context called {}", &[&quoted(name)]))
            }
            (_, _) => bind_action(map, Context::Normal, name, value, problems),
        }
    }
}

fn bind_context(
    map: &mut KeyMap,
    context: Context,
    value: &toml::Value,
    problems: &mut Vec<String>,
) {
    for (name, keys) in value.as_table().into_iter().flatten() {
        bind_action(map, context, name, keys, problems);
    }
}

fn bind_action(
    map: &mut KeyMap,
    context: Context,
    name: &str,
    keys: &toml::Value,
    problems: &mut Vec<String>,
) {
    let Some(action) = Action::from_name(name) else {
        problems.push(tf(
            "no action called {} (see the help, ?)",
            &[&quoted(name)],
        ));
        return;
    };
    let names: Vec<&str> = match keys {
        toml::Value::Array(items) => items.iter().filter_map(toml::Value::as_str).collect(),
        toml::Value::String(one) => vec![one.as_str()],
        _ => Vec::new(),
    };
    let mut parsed = Vec::new();
    for k in names {
        match Key::parse(k) {
            Some(key) => parsed.push(key),
            None => problems.push(tf("{} is not a key name", &[&quoted(k)])),
        }
    }
    for taken in map.bind(context, action, &parsed) {
        let (key, from, context) = (taken.key.label(), taken.from.name(), context.name());
        problems.push(tf(
            "{} was {} in {}; now it is {}",
            &[&key, &from, &context, &name],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebinding_and_problems() {
        let (config, problems) = parse(
            "mouse = false\ngraph_markers = \"half_block\"\n[keys]\nmove_down = [\"n\", \"Down\"]\nfly = [\"f\"]\nquit = [\"Ctrl-q\", \"Hyper-x\"]\nprevious_pane = [\"Shift-Tab\"]\n[keys.picker]\nmove_down = [\"Ctrl-n\"]\n",
            "config.toml",
        );
        assert!(!config.mouse);
        assert_eq!(config.markers, Marker::HalfBlock);
        let keys = &config.keys;
        assert_eq!(
            keys.keys_of(Context::Normal, Action::MoveDown),
            vec!["n", "Down"]
        );
        assert_eq!(keys.keys_of(Context::Normal, Action::Quit), vec!["Ctrl-q"]);
        assert_eq!(
            keys.keys_of(Context::Picker, Action::MoveDown),
            vec!["Ctrl-n"]
        );
        assert_eq!(
            keys.keys_of(Context::Normal, Action::PreviousPane),
            vec!["BackTab"]
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("fly")));
        assert!(problems.iter().any(|p| p.contains("Hyper-x")));
        assert!(
            problems.iter().any(|p| p.contains("n was edit_note")),
            "a key bound twice is said: {problems:?}"
        );
    }

    #[test]
    fn an_unknown_setting_leaves_the_rest_in_force() {
        let (config, problems) = parse(
            "colour = \"dark\"\nmouse = false\n[keys]\nquit = [\"Ctrl-q\"]\n",
            "config.toml",
        );
        assert!(!config.mouse);
        assert_eq!(
            config.keys.keys_of(Context::Normal, Action::Quit),
            vec!["Ctrl-q"]
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("colour"));
    }

    #[test]
    fn broken_files_fall_back_to_defaults() {
        let (config, problems) = parse("keys = [", "config.toml");
        assert!(config.mouse);
        assert_eq!(problems.len(), 1);
    }
}
