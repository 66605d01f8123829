//! The shape of the code, as docs/tests-and-layout.md draws it: at most ten
//! loose files at `src/`, no file over 500 lines, no function over 60, and
//! no import cycle between files but a module's with its own children.
//! Read from the sources, without their test modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MOST_LINES: usize = 500;
const MOST_FUNCTION_LINES: usize = 60;
const MOST_ROOT_FILES: usize = 10;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every source file: its module path (`["store", "write"]`) and text.
fn sources() -> Vec<(Vec<String>, PathBuf, String)> {
    let mut found = Vec::new();
    let mut folders = vec![src()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((module_of(&path), path, text));
            }
        }
    }
    found.sort();
    found
}

/// A path as the project names it (`src/store/write.rs`).
fn shown(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text before the test module, without line comments.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or(text);
    before_tests
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn at_most_ten_loose_files_at_the_root_of_src() {
    let loose: Vec<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(loose.len() <= MOST_ROOT_FILES, "{loose:?}");
}

#[test]
fn no_file_over_500_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, _, text)| text.lines().count() > MOST_LINES)
        .map(|(_, path, text)| format!("{} {}", shown(&path), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

/// Functions at the start of a line (after indentation) with their
/// lengths: from the signature to the closing brace at its indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let signature = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
        ]
        .iter()
        .any(|s| trimmed.starts_with(s))
            || (trimmed.starts_with("pub(in ") && trimmed.contains(") fn "));
        if !signature || trimmed.ends_with(';') {
            i += 1;
            continue;
        }
        let close = format!("{indent}}}");
        let end = (i..lines.len()).find(|&j| lines[j].trim_end() == close);
        let Some(end) = end else { break };
        let name = trimmed
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .split(['(', '<'])
            .next();
        found.push((name.unwrap_or("").to_string(), end - i + 1));
        i = end + 1;
    }
    found
}

#[test]
fn no_function_over_60_lines() {
    let mut long = Vec::new();
    for (_, path, text) in sources() {
        for (name, lines) in functions(&code(&text)) {
            if lines > MOST_FUNCTION_LINES {
                long.push(format!("{}::{name} {lines}", shown(&path)));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

/// Which files each file names (`crate::a::b`, `super::c`, `self::d`).
fn imports(
    files: &[(Vec<String>, PathBuf, String)],
) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let known: BTreeSet<Vec<String>> = files.iter().map(|f| f.0.clone()).collect();
    let resolve = |path: Vec<String>| -> Option<Vec<String>> {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| known.contains(p))
    };
    let mut edges = BTreeMap::new();
    for (module, _, text) in files {
        let mut named = BTreeSet::new();
        for target in named_paths(&code(text), module) {
            if let Some(file) = resolve(target).filter(|f| f != module) {
                named.insert(file);
            }
        }
        edges.insert(module.clone(), named);
    }
    edges
}

/// The paths a file's code names, made absolute; a `use x::{a, b::c}`
/// names each of its items.
fn named_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let words: Vec<&str> = code
        .split(|c: char| {
            !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{' || c == '}' || c == ',')
        })
        .collect();
    for word in words {
        let word = word.trim_matches(|c| c == ',' || c == '}');
        let (head, rest) = match word.split_once("::") {
            Some(split) => split,
            None => continue,
        };
        let base: Vec<String> = match head {
            "crate" => Vec::new(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            "self" => module.to_vec(),
            _ => continue,
        };
        let (prefix, group) = match rest.split_once('{') {
            Some((prefix, group)) => (prefix, Some(group)),
            None => (rest, None),
        };
        let mut base = base;
        let mut parts: Vec<&str> = prefix.split("::").filter(|p| !p.is_empty()).collect();
        while parts.first() == Some(&"super") {
            base.pop();
            parts.remove(0);
        }
        let mut path = base;
        path.extend(parts.iter().map(|p| p.to_string()));
        match group {
            None => found.push(path),
            Some(group) => {
                for item in group
                    .split(',')
                    .map(|i| i.trim_matches(|c| c == '{' || c == '}' || c == ' '))
                {
                    let mut each = path.clone();
                    each.extend(
                        item.split("::")
                            .filter(|p| !p.is_empty() && *p != "self")
                            .map(String::from),
                    );
                    found.push(each);
                }
            }
        }
    }
    found
}

/// One is the other's ancestor (a module and its own children).
fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The groups of files that import each other in a ring (Tarjan).
fn cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Vec<String>) {
            let at = self.index.len();
            self.index.insert(v, at);
            self.low.insert(v, at);
            self.stack.push(v);
            for w in self.edges.get(v).into_iter().flatten() {
                if related(v, w) || !self.edges.contains_key(w) {
                    continue;
                }
                let w = self.edges.get_key_value(w).unwrap().0;
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut ring = Vec::new();
                while let Some(w) = self.stack.pop() {
                    ring.push(w.join("::"));
                    if w == v {
                        break;
                    }
                }
                if ring.len() > 1 {
                    ring.sort();
                    self.found.push(ring);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_import_cycle_but_a_modules_with_its_own_children() {
    let files = sources();
    let rings = cycles(&imports(&files));
    assert!(rings.is_empty(), "{rings:#?}");
}

#[test]
fn a_ring_of_imports_is_found() {
    // The check itself can fail: two sibling files naming each other.
    let files = vec![
        (
            vec!["a".to_string()],
            PathBuf::from("a.rs"),
            "use crate::b::x;".to_string(),
        ),
        (
            vec!["b".to_string()],
            PathBuf::from("b.rs"),
            "use super::a::{y, z};".to_string(),
        ),
        (
            vec!["c".to_string()],
            PathBuf::from("c.rs"),
            "use crate::a::y;".to_string(),
        ),
    ];
    assert_eq!(
        cycles(&imports(&files)),
        [vec!["a".to_string(), "b".to_string()]]
    );
    let long = "fn long() {\n".to_string() + &"    x();\n".repeat(70) + "}\n";
    assert_eq!(functions(&long), [("long".to_string(), 72)]);
}
