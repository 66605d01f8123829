//! What the README and docs/ say about exit statuses and counts is what
//! the program does: each statement is read from the pages and checked
//! against the real binary on the sample corpus.

mod common;

use common::Cli;
use serde_json::Value;

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The README and every page under docs/, by name.
fn pages() -> Vec<(String, String)> {
    let mut names = vec!["README.md".to_string()];
    let docs = std::fs::read_dir(format!("{}/docs", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for entry in docs {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            names.push(format!("docs/{name}"));
        }
    }
    names.sort();
    names
        .into_iter()
        .map(|n| (read(&n), n))
        .map(|(t, n)| (n, t))
        .collect()
}

/// The statements of a page: each table row, and each sentence of its
/// paragraphs (lines joined), code blocks left out.
fn statements(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut paragraph = Vec::new();
    let mut code = false;
    for line in page.lines() {
        if line.starts_with("```") {
            code = !code;
            continue;
        }
        if code {
            continue;
        }
        if line.starts_with('|') || line.trim().is_empty() {
            let text = paragraph.join(" ");
            out.extend(text.split(". ").map(str::to_string));
            paragraph.clear();
            if line.starts_with('|') {
                out.push(line.to_string());
            }
        } else {
            paragraph.push(line.trim());
        }
    }
    out.extend(paragraph.join(" ").split(". ").map(str::to_string));
    out
}

/// The words of `esf …` as a test can run it, or None for a form with
/// placeholders (`FILE`, `ID`), choices, a pipe or a redirection.
fn runnable(command: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = command.split_whitespace().skip(1).collect();
    let placeholder = |w: &&str| {
        w.len() > 1
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c == '.')
    };
    let syntax = |w: &&str| w.contains(['[', ']', '|', '<', '>', '…']) || w.contains("...");
    if words.is_empty() || words.iter().any(|w| placeholder(w) || syntax(w)) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| w.trim_matches('\'').to_string())
            .collect(),
    )
}

/// (command, exit status) for each runnable `esf …` a clause of a
/// statement gives an exit status after: "`esf import /nonexistent`, …: exit status 2", or a
/// table row "| `esf list --filter qxzjv` | 1 |".
fn exit_claims(statement: &str) -> Vec<(Vec<String>, i32)> {
    let cells: Vec<&str> = statement.split('|').map(str::trim).collect();
    if cells.len() == 4 && cells[1].starts_with("`esf ") {
        if let (Some(words), Ok(code)) = (runnable(cells[1].trim_matches('`')), cells[2].parse()) {
            return vec![(words, code)];
        }
    }
    let mut claims = Vec::new();
    for clause in cells.iter().flat_map(|c| c.split("; ")) {
        let pattern = ["exit status ", "exits ", "exit code ", "exit "];
        for (at, _) in clause.match_indices("exit") {
            let rest = &clause[at..];
            let Some(p) = pattern.iter().find(|p| rest.starts_with(**p)) else {
                continue;
            };
            let digits: String = rest[p.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let before = &clause[..at];
            let command = before
                .rsplit('`')
                .skip(1)
                .step_by(2)
                .find(|c| c.starts_with("esf "));
            if let (Ok(code), Some(words)) = (digits.parse(), command.and_then(runnable)) {
                claims.push((words, code));
            }
        }
    }
    claims
}

#[test]
fn every_exit_status_the_docs_give_a_command_is_the_programs() {
    let mut checked = 0;
    for (name, page) in pages() {
        for statement in statements(&page) {
            for (words, code) in exit_claims(&statement) {
                let cli = Cli::new();
                let args: Vec<&str> = words.iter().map(String::as_str).collect();
                let out = cli.run(&args);
                let said = String::from_utf8_lossy(&out.stderr);
                assert!(!said.contains("panicked"), "{name}: esf {args:?}: {said}");
                assert_eq!(
                    out.status.code(),
                    Some(code),
                    "{name}: esf {args:?}: {said}"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 20,
        "only {checked} statements of exit statuses found"
    );
}

/// The number a statement puts in bold before `what`: "**59 organisations**".
fn bold_count(page: &str, what: &str) -> usize {
    let at = page.find(&format!(" {what}")).unwrap();
    let start = page[..at].rfind(['*', ' ']).unwrap() + 1;
    page[start..at].parse().unwrap()
}

fn json(cli: &Cli, args: &[&str]) -> Vec<Value> {
    serde_json::from_str::<Value>(&cli.ok(args))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_docs_counts_of_the_sample_are_the_programs() {
    let page = read("docs/record-and-formats.md");
    let sample = page.split("## The sample corpus").nth(1).unwrap();
    let cli = Cli::new();
    let report: Value =
        serde_json::from_str(&cli.ok(&["import", "assets/corpus", "--json"])).unwrap();
    assert_eq!(report["seen"], bold_count(sample, "documents,") as u64);
    let projects = json(&cli, &["list", "--json"]);
    assert_eq!(projects.len(), bold_count(sample, "projects**"));
    let orgs = json(&cli, &["orgs", "--json"]);
    assert_eq!(orgs.len(), bold_count(sample, "organisations**"));
    let tied = orgs
        .iter()
        .filter(|o| o["roles"].as_array().is_some_and(|r| !r.is_empty()));
    let said = sample.split("organisations** (").nth(1).unwrap();
    let said: usize = said.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(tied.count(), said, "organisations tied to a project");
}

#[test]
fn every_count_of_municipalities_the_docs_give_is_the_programs() {
    let cli = Cli::new();
    let coverage: Value = serde_json::from_str(&cli.ok(&["coverage", "--json"])).unwrap();
    let rows = coverage["rows"].as_array().unwrap().len();
    let mut said = 0;
    for (name, page) in pages() {
        for (at, _) in page.match_indices(" municipalities") {
            let before = page[..at].rsplit([' ', '\n', '(']).next().unwrap();
            if let Ok(n) = before.parse::<usize>() {
                assert_eq!(n, rows, "{name}: {n} municipalities");
                said += 1;
            }
        }
    }
    assert!(
        said >= 2,
        "the docs give the number of municipalities {said} times"
    );
}

#[test]
fn the_readmes_searches_find_what_it_says_on_the_sample() {
    let readme = read("README.md");
    let searches = readme.split("## Six searches").nth(1).unwrap();
    let searches = searches.split("\n## ").next().unwrap();
    let cli = Cli::new();
    let mut rows = 0;
    for line in searches.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|c| c.trim_matches(['|', ' ']))
            .collect();
        let query = cells[0].trim_matches('`').replace("\\|", "|");
        let said: usize = cells[2].split(' ').next().unwrap().parse().unwrap();
        let found = cli.answer(&["list", "--json", "--filter", &query]);
        let found = serde_json::from_str::<Value>(&found).unwrap();
        assert_eq!(found.as_array().unwrap().len(), said, "{query}");
        rows += 1;
    }
    assert_eq!(rows, 6);
}
