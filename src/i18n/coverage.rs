//! Every text the program says has its Swedish: the sources are read for
//! the texts given to `t`, `tf` and `t_count` (and header rows mapped
//! through `t`), and for messages written in English past them.

use std::path::Path;

/// Macros whose text reaches the user as it is written.
const MESSAGE_MACROS: &[&str] = &[
    "say!(",
    "bail!(",
    "anyhow!(",
    "#[error(",
    "write!(f,",
    "writeln!(out,",
    "write!(out,",
    "writeln!(\n        out,\n        ",
    "writeln!(\n            out,\n            ",
    "Damaged(",
    "Damaged(format!(",
    "why: format!(",
    "refuse(",
    "refuse(format!(",
    "Err(format!(",
    "Ok(Err(format!(",
    "message = Some(format!(",
    "print_text(&format!(",
    "Some(format!(",
    "notice = format!(",
    "ensure_writable(",
];

/// Files that write a file format: one language, so that an export reads
/// back and compares the same whatever the locale it was made in.
const FILE_FORMATS: &[&str] = &["src/present/notes_file.rs", "src/present/export.rs"];

/// Folders whose texts are part of a record (a parse warning, a title
/// made for a final report): stored in the cache, which users of every
/// language share, so they stay in one language like the record's keys.
const RECORD_DATA: &[&str] = &["src/ingest", "src/ingest/lists"];

/// The source files, as (path, text), without their test modules.
fn sources() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !skipped(&path) {
                let text = std::fs::read_to_string(&path).unwrap();
                let text = match text.find("#[cfg(test)]\nmod tests") {
                    Some(at) => text[..at].to_string(),
                    None => text,
                };
                found.push((path.display().to_string(), text));
            }
        }
    }
    found
}

/// This file, and the writers of file formats.
fn skipped(path: &Path) -> bool {
    let in_folder = |folder: &&str| path.parent().is_some_and(|p| p.ends_with(folder));
    path.ends_with("i18n/coverage.rs")
        || FILE_FORMATS.iter().any(|f| path.ends_with(f))
        || RECORD_DATA.iter().any(in_folder)
}

/// The string literal that starts at `at` (just after its opening quote).
fn literal(text: &str, at: usize) -> String {
    let mut out = String::new();
    let mut chars = text[at..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => break,
            },
            '"' => break,
            c => out.push(c),
        }
    }
    out
}

/// Each literal right after one of `openings` (`t("`), where the opening
/// is not the end of a longer name (`set("`).
fn literals_after(text: &str, opening: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(opening) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        found.push(literal(text, at + opening.len()));
    }
    found
}

/// The texts of `["ID", "NAME"].map(t)`.
fn header_rows(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("].map(t)") {
        let Some(open) = text[..at].rfind('[') else {
            continue;
        };
        let row = &text[open + 1..at];
        for (q, _) in row.match_indices('"').step_by(2) {
            found.push(literal(row, q + 1));
        }
    }
    found
}

/// `t_count(n, "projects")`: the word after the first argument.
fn counted_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("t_count(") {
        let rest = &text[at..];
        let Some(quote) = rest.find('"') else {
            continue;
        };
        if rest[..quote].contains(')') {
            continue;
        }
        found.push(literal(rest, quote + 1));
    }
    found
}

fn looked_up(text: &str) -> Vec<String> {
    let mut found = literals_after(text, "t(\"");
    found.extend(literals_after(text, "tf(\""));
    found.extend(header_rows(text));
    found.extend(counted_words(text));
    found
}

#[test]
fn every_text_looked_up_has_its_swedish() {
    let swedish: std::collections::HashSet<&str> =
        super::swedish::entries().map(|(en, _)| en).collect();
    let mut missing = Vec::new();
    for (path, text) in sources() {
        for en in looked_up(&text) {
            if !swedish.contains(en.as_str()) {
                missing.push(format!("{path}: {en:?}"));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "no Swedish for:\n{}",
        missing.join("\n")
    );
}

/// A message macro's text is only values and punctuation: its words come
/// from `t` or `tf`.
fn has_words(message: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in message.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    // Option names (`--active`) and commands (`esf notes`) are not words
    // to translate.
    let mut words = plain.split_whitespace().filter(|w| !w.starts_with("--"));
    let mut english = false;
    while let Some(word) = words.next() {
        let word = word.trim_start_matches('(');
        if word == "esf" || word == "esf:" {
            words.next().filter(|_| word == "esf");
            continue;
        }
        english |= word
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 2);
    }
    english
}

#[test]
fn no_message_is_written_in_english_past_the_lookup() {
    let mut english = Vec::new();
    for (path, text) in sources() {
        for opening in MESSAGE_MACROS {
            for at in text
                .match_indices(opening)
                .map(|(at, _)| at + opening.len())
            {
                let rest = text[at..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let message = literal(rest, 0);
                if has_words(&message) {
                    english.push(format!("{path}: {message:?}"));
                }
            }
        }
    }
    assert!(
        english.is_empty(),
        "English past t/tf:\n{}",
        english.join("\n")
    );
}
