//! The browser's config file, `<user config dir>/esf-browser/config.toml`
//! (`~/.config/esf-browser/config.toml` on Linux):
//!
//! ```toml
//! mouse = true            # wheel and click; false leaves the mouse to the terminal
//! graph_markers = "braille"   # or "half_block" for fonts without Braille
//!
//! [keys]                  # action name = keys; the names are those in the help
//! move_down = ["j", "Down", "n"]
//! quit = ["q", "Ctrl-q"]
//! ```

use super::keymap::{Action, Key, KeyMap};
use ratatui::symbols::Marker;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the browser takes from the config file.
#[derive(Debug, Clone)]
pub struct Config {
    pub keys: KeyMap,
    pub mouse: bool,
    /// How the partner graph is drawn.
    pub markers: Marker,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keys: KeyMap::default(),
            mouse: true,
            markers: Marker::Braille,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    mouse: Option<bool>,
    graph_markers: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, Vec<String>>,
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
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (Config::default(), vec![format!("{}: {e}", path.display())]),
    }
}

/// Parses config text; `origin` names it in messages.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let file: ConfigFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => return (config, vec![format!("{origin}: {}", e.message())]),
    };
    let mut problems = Vec::new();
    if let Some(mouse) = file.mouse {
        config.mouse = mouse;
    }
    match file.graph_markers.as_deref() {
        None | Some("braille") => {}
        Some("half_block") => config.markers = Marker::HalfBlock,
        Some(other) => problems.push(format!(
            "{origin}: graph_markers is \"braille\" or \"half_block\", not \"{other}\""
        )),
    }
    for (name, keys) in &file.keys {
        let Some(action) = Action::from_name(name) else {
            problems.push(format!(
                "{origin}: no action called \"{name}\" (see the help, ?)"
            ));
            continue;
        };
        let parsed: Vec<Key> = keys
            .iter()
            .filter_map(|k| {
                let key = Key::parse(k);
                if key.is_none() {
                    problems.push(format!("{origin}: \"{k}\" is not a key name"));
                }
                key
            })
            .collect();
        config.keys.bind(action, &parsed);
    }
    (config, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebinding_and_problems() {
        let (config, problems) = parse(
            "mouse = false\ngraph_markers = \"half_block\"\n[keys]\nmove_down = [\"n\", \"Down\"]\nfly = [\"f\"]\nquit = [\"Ctrl-q\", \"Hyper-x\"]\n",
            "config.toml",
        );
        assert!(!config.mouse);
        assert_eq!(config.markers, Marker::HalfBlock);
        assert_eq!(config.keys.keys_of(Action::MoveDown), vec!["n", "Down"]);
        assert_eq!(config.keys.keys_of(Action::Quit), vec!["Ctrl-q"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("fly"));
    }

    #[test]
    fn broken_files_fall_back_to_defaults() {
        let (config, problems) = parse("keys = [", "config.toml");
        assert!(config.mouse);
        assert_eq!(problems.len(), 1);
    }
}
