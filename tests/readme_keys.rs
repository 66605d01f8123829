//! The README's key tables say what the key maps do: every context's
//! table lists exactly the default keys of each action.

use esf_browser::tui::keymap::{Action, Context, HelpRow, Key, KeyMap};
use std::collections::{BTreeMap, BTreeSet};

/// (context, action) → keys, read from the README's tables under "## Keys".
fn readme_tables() -> BTreeMap<(Context, Action), BTreeSet<String>> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Keys\n").nth(1).unwrap();
    let section = section.split("\n## ").next().unwrap();
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

#[test]
fn the_readme_lists_every_default_key_of_every_context() {
    let map = KeyMap::default();
    let readme = readme_tables();
    for context in <Context as strum::IntoEnumIterator>::iter() {
        for HelpRow { keys, name, .. } in map.help_rows(context) {
            let action = Action::from_name(name).unwrap();
            let bound: BTreeSet<String> = keys.split(' ').map(str::to_string).collect();
            let said = readme.get(&(context, action));
            assert_eq!(said, Some(&bound), "{} in {}", name, context.name());
        }
    }
    let rows: usize = <Context as strum::IntoEnumIterator>::iter()
        .map(|c| map.help_rows(c).len())
        .sum();
    assert_eq!(
        readme.len(),
        rows,
        "no action in the README that the maps lack"
    );
}
