//! The key tables say what the key maps do: every context's table in
//! docs/keys-and-config.md lists exactly the default keys of each action,
//! and each of the README's ten keys is bound as the README says.

use esf_browser::tui::keymap::{Action, Context, HelpRow, Key, KeyMap};
use std::collections::{BTreeMap, BTreeSet};

type Tables = BTreeMap<(Context, Action), BTreeSet<String>>;

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The part of a Markdown page from the heading `## title` to the next.
fn section<'a>(page: &'a str, title: &str) -> &'a str {
    let heading = format!("\n## {title}\n");
    let section = page.split(heading.as_str()).nth(1).unwrap();
    section.split("\n## ").next().unwrap()
}

/// (context, action) → keys, read from the tables of a section; a line
/// outside a table naming a context (`` (`filter`) ``) starts its table.
fn key_tables(section: &str) -> Tables {
    let mut context = Context::Normal;
    let mut found = BTreeMap::new();
    for line in section.lines() {
        if let Some(name) = line.split("(`").nth(1).and_then(|r| r.split('`').next()) {
            if !line.starts_with('|') {
                context = name.parse().unwrap_or(context);
            }
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[2].starts_with('`') {
            continue;
        }
        for (keys, action) in cells[1].split(" / ").zip(cells[2].split(" / ")) {
            let action = Action::from_name(action.trim_matches('`')).unwrap();
            let labels = keys
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|k| Key::parse(k).unwrap().label())
                .collect();
            found.insert((context, action), labels);
        }
    }
    found
}

/// Every action the default maps bind, with its keys.
fn default_keys() -> Tables {
    let map = KeyMap::default();
    let mut keys = BTreeMap::new();
    for context in <Context as strum::IntoEnumIterator>::iter() {
        for HelpRow { keys: k, name, .. } in map.help_rows(context) {
            let bound = k.split(' ').map(str::to_string).collect();
            keys.insert((context, Action::from_name(name).unwrap()), bound);
        }
    }
    keys
}

#[test]
fn the_docs_list_every_default_key_of_every_context() {
    let said = key_tables(section(&read("docs/keys-and-config.md"), "Keys"));
    let bound = default_keys();
    for ((context, action), keys) in &bound {
        let name = action.name();
        assert_eq!(
            said.get(&(*context, *action)),
            Some(keys),
            "{name} in {}",
            context.name()
        );
    }
    assert_eq!(
        said.len(),
        bound.len(),
        "no action in the docs that the maps lack"
    );
}

#[test]
fn the_readmes_ten_keys_are_bound_as_it_says() {
    let said = key_tables(section(&read("README.md"), "Ten keys"));
    let bound = default_keys();
    let actions: usize = said.len();
    assert!(actions >= 10, "the README names {actions} actions");
    for ((context, action), keys) in &said {
        let name = action.name();
        assert_eq!(
            bound.get(&(*context, *action)),
            Some(keys),
            "{name} in the README"
        );
    }
}
