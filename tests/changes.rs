//! "What changed since the last import", through the real binary: new,
//! changed and removed projects are listed until the user has seen them;
//! a file rewritten with the same content is no change.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let s = Setup {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(s.docs()).unwrap();
        for file in std::fs::read_dir("assets/corpus").unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, s.docs().join(file.file_name().unwrap())).unwrap();
        }
        s.ok(&["import", s.docs().to_str().unwrap()]);
        s
    }

    fn docs(&self) -> PathBuf {
        self.dir.path().join("docs")
    }

    fn doc(&self, name: &str) -> PathBuf {
        let found = std::fs::read_dir(self.docs())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(name));
        found.unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let dir = self.dir.path();
        let out = common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
            .args(args)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "esf {args:?}: {said}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn import(&self) {
        self.ok(&["import", "--prune", self.docs().to_str().unwrap()]);
    }

    /// (kind, key) of every unseen change, sorted.
    fn changes(&self) -> Vec<(String, String)> {
        // Nothing new is status 1 with `[]`, as every command says it.
        let dir = self.dir.path();
        let out = common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
            .args(["changes", "--json"])
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let mut pairs: Vec<(String, String)> = all
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().into(),
                    c["key"].as_str().unwrap().into(),
                )
            })
            .collect();
        pairs.sort();
        pairs
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

fn pair(kind: &str, key: &str) -> (String, String) {
    (kind.into(), key.into())
}

#[test]
fn an_import_marks_new_changed_and_removed_projects_until_seen() {
    let s = Setup::new();
    assert_eq!(s.changes(), [], "filling an empty cache is no news");

    // 001's budget changes, 000 is copied as a new project, 002 is gone.
    edit(&s.doc("001"), "16 425 554", "164 255 540");
    let copy = std::fs::read_to_string(s.doc("000")).unwrap();
    std::fs::write(
        s.docs().join("new.txt"),
        copy.replace("2015/00730", "2015/09999"),
    )
    .unwrap();
    std::fs::remove_file(s.doc("002")).unwrap();
    s.import();
    assert_eq!(
        s.changes(),
        [
            pair("changed", "2020/00551"),
            pair("new", "2015/09999"),
            pair("removed", "22-002-S07"),
        ]
    );
    let listed = s.ok(&["changes"]);
    assert!(
        listed.contains("Nya Vägar i Vellinge +"),
        "a removed project keeps its name"
    );

    s.ok(&["changes", "--mark-seen"]);
    assert_eq!(s.changes(), []);

    // The same bytes written again: no change.
    std::fs::write(s.doc("000"), std::fs::read(s.doc("000")).unwrap()).unwrap();
    s.import();
    assert_eq!(s.changes(), []);

    edit(&s.doc("000"), "8 866 642", "18 866 642");
    s.import();
    assert_eq!(s.changes(), [pair("changed", "2015/00730")]);
}

/// Keys `esf search` finds for a word (none is exit 1 and `[]`).
fn found_by(s: &Setup, word: &str) -> Vec<String> {
    let dir = s.dir.path();
    let out = common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
        .args(["search", word, "--json"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<String> = hits
        .iter()
        .map(|h| h["key"].as_str().unwrap().into())
        .collect();
    keys.sort();
    keys
}

/// FTS5's own check of the index against the texts it was built from.
fn full_text_index_is_sound(s: &Setup) -> bool {
    let conn = rusqlite::Connection::open(s.dir.path().join("cache.sqlite")).unwrap();
    conn.execute(
        "INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .is_ok()
}

#[test]
fn the_text_search_follows_changed_new_and_removed_descriptions() {
    let s = Setup::new();
    assert_eq!(found_by(&s, "lågaffektivt"), ["2020/00551"]);
    assert_eq!(found_by(&s, "Vaeksthusets"), ["22-002-S07"]);

    // 001's description says another word, 002 is gone, 000 is copied
    // with a description of its own.
    edit(
        &s.doc("001"),
        "lågaffektivt bemötande",
        "traumamedvetet bemötande",
    );
    std::fs::remove_file(s.doc("002")).unwrap();
    let copy = std::fs::read_to_string(s.doc("000")).unwrap();
    let copy = copy.replace("2015/00730", "2015/09999");
    std::fs::write(
        s.docs().join("new.txt"),
        format!("{copy}\nEtt kvarterslyft i Rinkeby.\n"),
    )
    .unwrap();
    s.import();

    assert_eq!(found_by(&s, "lågaffektivt"), Vec::<String>::new());
    assert_eq!(found_by(&s, "traumamedvetet"), ["2020/00551"]);
    assert_eq!(found_by(&s, "Vaeksthusets"), Vec::<String>::new());
    assert_eq!(found_by(&s, "kvarterslyft"), ["2015/09999"]);
    assert!(full_text_index_is_sound(&s));

    // Changed back, and 002 again: as the first import had it.
    edit(
        &s.doc("001"),
        "traumamedvetet bemötande",
        "lågaffektivt bemötande",
    );
    std::fs::copy(
        std::fs::read_dir("assets/corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("002"))
            .unwrap(),
        s.docs().join("002-again.txt"),
    )
    .unwrap();
    s.import();
    assert_eq!(found_by(&s, "lågaffektivt"), ["2020/00551"]);
    assert_eq!(found_by(&s, "traumamedvetet"), Vec::<String>::new());
    assert_eq!(found_by(&s, "Vaeksthusets"), ["22-002-S07"]);
    assert!(full_text_index_is_sound(&s));
}

/// Records as an older esf kept them: the description inside the JSON,
/// none beside it.
fn as_an_older_esf_kept_them(s: &Setup) {
    let conn = rusqlite::Connection::open(s.dir.path().join("cache.sqlite")).unwrap();
    conn.execute_batch(
        "UPDATE records SET record = json_set(record, '$.description', description),
                            description = NULL
         WHERE description IS NOT NULL;
         INSERT INTO project_fts (project_fts) VALUES ('rebuild');",
    )
    .unwrap();
}

#[test]
fn records_of_an_older_esf_are_searched_shown_and_compared_as_before() {
    let s = Setup::new();
    as_an_older_esf_kept_them(&s);
    assert_eq!(found_by(&s, "lågaffektivt"), ["2020/00551"]);
    assert!(s
        .ok(&["show", "2020/00551"])
        .contains("lågaffektivt bemötande"));
    assert!(full_text_index_is_sound(&s));

    // The same project read again from a second file: no change.
    let copy = std::fs::read_to_string(s.doc("000")).unwrap();
    std::fs::write(s.docs().join("000-copy.txt"), copy).unwrap();
    edit(
        &s.doc("001"),
        "lågaffektivt bemötande",
        "traumamedvetet bemötande",
    );
    s.import();
    assert_eq!(s.changes(), [pair("changed", "2020/00551")]);
    assert_eq!(found_by(&s, "traumamedvetet"), ["2020/00551"]);
    assert_eq!(found_by(&s, "lågaffektivt"), Vec::<String>::new());
    assert!(full_text_index_is_sound(&s));
}

#[test]
fn a_changed_project_says_each_field_before_and_after() {
    let s = Setup::new();
    let doc = s.doc("000_");
    edit(&doc, "8 866 642", "9 100 000");
    // An owner of 300 letters with an escape sequence in it.
    let owner = format!("Göteborgs Stad \u{1b}[31m{}", "x".repeat(300));
    edit(
        &doc,
        "Social resursförvaltning, Göteborgs Stad, Aktivitetshus Väster, Funktionsstöd",
        &owner,
    );
    s.import();
    let json: Value = serde_json::from_str(&s.ok(&["changes", "--json"])).unwrap();
    let change = &json[0];
    assert_eq!(
        (change["key"].as_str(), change["id"].as_str()),
        (Some("2015/00730"), Some("2015/00730"))
    );
    let fields = change["fields"].as_array().unwrap();
    let budget = fields
        .iter()
        .find(|f| f["field"] == "total_budget_sek")
        .unwrap();
    assert_eq!(
        (&budget["before"], &budget["after"]),
        (&Value::from(8_866_642), &Value::from(9_100_000))
    );
    let after = fields.iter().find(|f| f["field"] == "owner").unwrap()["after"]
        .as_str()
        .unwrap();
    assert_eq!(after.chars().count(), 201, "cut at 200 characters and …");
    assert!(after.starts_with("Göteborgs Stad \u{1b}[31m") && after.ends_with('…'));
    let table = s.ok(&["changes"]);
    assert!(
        table.contains("Total budget: 8 866 642 kr → 9 100 000 kr"),
        "{table}"
    );
    assert!(
        table.contains("Owner: Social resursförvaltning, Göteborgs Sta… → Göteborgs Stad ␛[31mxxx"),
        "{table}"
    );
    assert!(!table.contains('\u{1b}'), "no escape reaches the terminal");
}
