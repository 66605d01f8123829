//! Notes, bookmarks and review states through the real binary: they live
//! apart from the cache and outlive rebuilds, damaged caches and
//! migrations; a damaged notes file is refused, never replaced.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    notes: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache").join("cache.sqlite");
    let notes = dir.path().join("data").join("notes.sqlite");
    // esf creates only its own default folders: these a user made.
    std::fs::create_dir(db.parent().unwrap()).unwrap();
    std::fs::create_dir(notes.parent().unwrap()).unwrap();
    Setup {
        _dir: dir,
        db,
        notes,
    }
}

impl Setup {
    fn esf(&self, args: &[&str]) -> Output {
        let out = common::esf_over(&self.db, &self.notes)
            .args(args)
            .output()
            .unwrap();
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
        out
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.esf(args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "esf {args:?}: {said}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn notes_json(&self) -> Vec<Value> {
        serde_json::from_str(&self.ok(&["notes", "--json"])).unwrap()
    }
}

/// The sample corpus's 2016 project and the 2014 pre-study of the same name.
const EFFEKT: &str = "2015/00730";

fn annotate(s: &Setup) {
    s.ok(&["note", EFFEKT, "Ring", "Anna", "om", "uppföljningen"]);
    s.ok(&["bookmark", EFFEKT]);
    s.ok(&["review", "22-002-s07", "in-review"]);
}

fn assert_annotations_kept(s: &Setup) {
    let notes = s.notes_json();
    assert_eq!(notes.len(), 2, "{notes:?}");
    let effekt = &notes[0];
    assert_eq!(effekt["key"], EFFEKT);
    assert_eq!(effekt["note"], "Ring Anna om uppföljningen");
    assert_eq!(effekt["bookmarked"], true);
    assert_eq!(effekt["review"], "unread");
    assert_eq!(effekt["orphaned"], false);
    assert_eq!(notes[1]["key"], "22-002-S07");
    assert_eq!(notes[1]["name"], "Nya Vägar i Vellinge +");
    assert_eq!(notes[1]["review"], "in-review");
}

#[test]
fn notes_survive_a_rebuild_and_a_damaged_cache() {
    let s = setup();
    annotate(&s);
    s.ok(&["import", "--rebuild", "assets/corpus"]);
    assert_annotations_kept(&s);
    let mut bytes = std::fs::read(&s.db).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&s.db, bytes).unwrap();
    // A command that reads never rebuilds: it says how to.
    let listed = s.esf(&["list"]);
    assert_eq!(listed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&listed.stderr).contains("esf import --rebuild"));
    let rebuilt = s.esf(&["import", "--rebuild"]);
    assert!(String::from_utf8_lossy(&rebuilt.stderr).contains("rebuilt"));
    assert_annotations_kept(&s);
}

#[test]
fn show_gives_your_marks_as_the_detail_pane_does() {
    let s = setup();
    s.ok(&["list"]);
    let before = s.ok(&["show", EFFEKT]);
    assert!(!before.contains("Your notes"), "no marks, no section");
    assert!(!s.notes.exists(), "showing writes no notes file");
    annotate(&s);
    let shown = s.ok(&["show", EFFEKT]);
    let after_title: Vec<&str> = shown.lines().skip(1).take(4).collect();
    assert_eq!(
        after_title,
        [
            "",
            "Your notes",
            "  ★ bookmarked · review: unread",
            "  Ring Anna om uppföljningen"
        ]
    );
    let json: Value = serde_json::from_str(&s.ok(&["show", EFFEKT, "--json"])).unwrap();
    assert_eq!(json["name"], "effektbutiken");
    assert_eq!(json["your_notes"]["note"], "Ring Anna om uppföljningen");
    let other = s.ok(&["show", "22-002-S07"]);
    assert!(other.contains("  review: in-review\n"), "{other}");
    let sv = s.ok(&["--lang", "sv", "show", EFFEKT]);
    assert!(
        sv.contains("Dina anteckningar\n  ★ bokmärkt · granskning: oläst"),
        "{sv}"
    );
}

#[test]
fn notes_of_a_project_gone_from_the_corpus_are_kept_as_orphaned() {
    let s = setup();
    let dir = s.db.parent().unwrap().parent().unwrap().join("docs");
    std::fs::create_dir_all(&dir).unwrap();
    for file in std::fs::read_dir("assets/corpus").unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
    }
    s.ok(&["import", dir.to_str().unwrap()]);
    annotate(&s);
    std::fs::remove_file(dir.join("002_b2246aa585e43b84.txt")).unwrap();
    s.ok(&["import", "--prune", dir.to_str().unwrap()]);
    let notes = s.notes_json();
    assert_eq!(notes[1]["key"], "22-002-S07");
    assert_eq!(notes[1]["orphaned"], true);
    s.ok(&["bookmark", "22-002-S07"]);
    let table = s.ok(&["notes"]);
    let row = table.lines().find(|l| l.starts_with("22-002-S07")).unwrap();
    let cells: Vec<&str> = row.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(cells[1].trim(), "★", "the bookmark stays: {table}");
    assert_eq!(
        cells[3].trim(),
        "orphaned",
        "in a column of its own: {table}"
    );
    assert!(table.lines().next().unwrap().contains("STATUS"), "{table}");
    s.ok(&["review", "22-002-S07", "done"]);
    assert_eq!(s.notes_json()[1]["review"], "done", "orphans stay editable");
}

#[test]
fn notes_of_another_caches_projects_are_not_called_orphaned() {
    let s = setup();
    s.ok(&["list"]);
    s.ok(&["note", EFFEKT, "seen in the team's cache"]);
    // A second cache, of one document that is another project.
    let docs = s.db.parent().unwrap().parent().unwrap().join("vellinge");
    std::fs::create_dir_all(&docs).unwrap();
    let page = "assets/corpus/002_b2246aa585e43b84.txt";
    std::fs::copy(page, docs.join("vellinge.txt")).unwrap();
    let other = Setup {
        _dir: tempfile::tempdir().unwrap(),
        db: s.db.with_file_name("other.sqlite"),
        notes: s.notes.clone(),
    };
    other.ok(&["import", docs.to_str().unwrap()]);
    let notes = other.notes_json();
    assert_eq!(notes[0]["key"], EFFEKT);
    assert_eq!(
        notes[0]["orphaned"], false,
        "never in this cache: {notes:?}"
    );
    let table = other.ok(&["notes"]);
    assert!(!table.contains("orphaned"), "{table}");
}

#[test]
fn exports_read_back_into_empty_notes() {
    for format in ["--json", "--markdown"] {
        let s = setup();
        annotate(&s);
        let export = s.notes.with_file_name(format!("export{format}"));
        std::fs::write(&export, s.ok(&["notes", format])).unwrap();
        std::fs::remove_file(&s.notes).unwrap();
        let said = s.ok(&["notes", "import", export.to_str().unwrap()]);
        assert!(said.starts_with("2 added"), "{said}");
        assert_annotations_kept(&s);
    }
}

#[test]
fn a_newer_change_here_is_kept_when_an_older_export_is_read() {
    let s = setup();
    annotate(&s);
    let export = s.notes.with_file_name("export.json");
    std::fs::write(&export, s.ok(&["notes", "--json"])).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    s.ok(&["note", EFFEKT, "newer"]);
    let said = s.ok(&["notes", "import", export.to_str().unwrap()]);
    assert!(said.contains("1 kept"), "{said}");
    assert_eq!(s.notes_json()[0]["note"], "newer");
}

fn backups(notes: &Path) -> Vec<PathBuf> {
    let dir = notes.with_file_name("notes-backups");
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    all.sort();
    all
}

#[test]
fn a_damaged_notes_file_is_refused_with_its_latest_backup_and_left_as_it_is() {
    let s = setup();
    annotate(&s);
    let export = s.notes.with_file_name("export.json");
    std::fs::write(&export, s.ok(&["notes", "--json"])).unwrap();
    s.ok(&["notes", "import", export.to_str().unwrap()]);
    let backup = backups(&s.notes).pop().expect("a backup before the import");
    let mut bytes = std::fs::read(&s.notes).unwrap();
    bytes[..16].copy_from_slice(b"not a database!!");
    std::fs::write(&s.notes, &bytes).unwrap();
    for args in [
        &["notes"][..],
        &["note", EFFEKT, "more"],
        &["bookmark", EFFEKT],
    ] {
        let out = s.esf(args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(said.contains(&s.notes.display().to_string()), "{said}");
        assert!(said.contains(&backup.display().to_string()), "{said}");
        assert_eq!(said.lines().count(), 1, "{said}");
    }
    assert_eq!(std::fs::read(&s.notes).unwrap(), bytes, "untouched");
    assert!(
        s.ok(&["list"]).contains("effektbutiken"),
        "the cache still works"
    );
}

#[test]
fn a_backup_is_made_before_the_notes_are_migrated() {
    let s = setup();
    std::fs::create_dir_all(s.notes.parent().unwrap()).unwrap();
    {
        let mut conn = rusqlite::Connection::open(&s.notes).unwrap();
        esf_browser::store::notes::migrate_to(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO annotations (key, name, note, bookmarked, review, updated)
             VALUES ('2015/00730', 'effektbutiken', 'från förra versionen', 1, 'done', 1)",
            [],
        )
        .unwrap();
    }
    let notes = s.notes_json();
    assert_eq!(notes[0]["note"], "från förra versionen");
    let saved = backups(&s.notes);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let conn = rusqlite::Connection::open(&saved[0]).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup is the file as it was");
    let note: String = conn
        .query_row("SELECT note FROM annotations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note, "från förra versionen");
    s.notes_json();
    assert_eq!(backups(&s.notes).len(), 1, "only before a migration");
}

#[test]
fn reading_notes_creates_no_files() {
    let s = setup();
    s.ok(&["notes", "--json"]);
    assert!(!s.notes.exists());
    let left = std::fs::read_dir(s.notes.parent().unwrap())
        .unwrap()
        .count();
    assert_eq!(left, 0, "nothing beside where the notes would be");
}
