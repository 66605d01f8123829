//! Trust on a shared server, through the real binary: an edit is always
//! seen, no document takes another project's key, the list of sources is
//! followed only when it is the user's own, first runs at once and killed
//! first runs leave a usable cache and notes, and the umask's mode is kept.
//! Tests that need root (another uid) say so when they skip.

mod common;

use serde_json::Value;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

use common::{esf_beside as esf, run_checked as run};

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    String::from_utf8(out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn corpus_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/corpus")
        .join(name)
}

const EFFEKT: &str = "000_3baf275082b782be.txt";

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o777
}

/// The paths of every document the cache holds.
fn document_paths(db: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn.prepare("SELECT path FROM documents").unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

fn import_json(db: &Path, args: &[&str]) -> Value {
    let out = ok(esf(db).arg("import").args(args).arg("--json"));
    serde_json::from_str(&out).unwrap()
}

// ------------------------------------------------------------ wrong data

#[test]
fn an_edit_that_keeps_size_and_second_is_seen_by_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let doc = docs.join("effekt.txt");
    std::fs::copy(corpus_file(EFFEKT), &doc).unwrap();
    // A time no later read is older than: as an edit in the same second
    // as the read would have, every time.
    let when = SystemTime::now() + Duration::from_secs(3600);
    let stamp = |path: &Path| {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(when).unwrap();
    };
    stamp(&doc);
    let docs_arg = docs.to_str().unwrap();
    assert_eq!(import_json(&db, &[docs_arg])["new"], 1);
    // The same size, the same time, other words.
    let text = std::fs::read_to_string(&doc).unwrap();
    let edited = text.replace("effektbutiken", "effektbutikEN");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&doc, edited).unwrap();
    stamp(&doc);
    let report = import_json(&db, &[docs_arg]);
    assert_eq!(report["updated"], 1, "{report}");
    let shown = ok(esf(&db).args(["show", "2015/00730"]));
    assert!(shown.contains("effektbutikEN"), "{shown}");
    // Read again and found the same: unchanged, not updated.
    let report = import_json(&db, &[docs_arg]);
    assert_eq!(
        (report["unchanged"].clone(), report["updated"].clone()),
        (1.into(), 0.into())
    );
}

#[test]
fn no_document_takes_the_key_esf_gives_an_unnumbered_project() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for entry in std::fs::read_dir(corpus_file("")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    ok(esf(&db).arg("import").arg(&docs));
    let listed: Value = serde_json::from_str(&ok(esf(&db).args(["list", "--json"]))).unwrap();
    let unnumbered = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"].is_null())
        .expect("the sample has a project without a diarienummer");
    let key = unnumbered["key"].as_str().unwrap().to_string();
    let name = unnumbered["name"].as_str().unwrap().to_string();
    assert!(key.starts_with("x-"), "{key}");
    ok(esf(&db).args(["note", &key, "the real one"]));
    // A document that gives the made key as its diarienummer.
    let impostor = std::fs::read_to_string(corpus_file(EFFEKT))
        .unwrap()
        .replace("2015/00730", &key)
        .replace("effektbutiken", "Bedragarprojektet");
    std::fs::write(docs.join("impostor.txt"), impostor).unwrap();
    ok(esf(&db).arg("import").arg(&docs));
    for typed in [key.clone(), key.to_uppercase()] {
        let shown = ok(esf(&db).args(["show", &typed]));
        assert!(shown.contains(&name), "{typed}: {shown}");
        assert!(!shown.contains("Bedragarprojektet"), "{typed}: {shown}");
        assert!(
            shown.contains("the real one"),
            "{typed}: the note is the real project's"
        );
    }
    // The key esf gives the impostor reaches it.
    let impostor_key = format!("X-{}", key.to_uppercase());
    let shown = ok(esf(&db).args(["show", &impostor_key]));
    assert!(shown.contains("Bedragarprojektet"), "{shown}");
    let names = ok(esf(&db).args(["list", "--filter", "Bedragarprojektet"]));
    assert!(
        names.contains("Bedragarprojektet"),
        "the impostor is a project of its own"
    );
}

// --------------------------------------------------------- the sources list

/// A cache with `docs` (one document) imported, and a private folder of
/// the owner's beside it that must never reach the cache.
const GARBAGE: &str = "garbage written over the cache\n";

struct Team {
    dir: tempfile::TempDir,
    db: PathBuf,
    docs: PathBuf,
    private: PathBuf,
}

fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let docs = dir.path().join("docs");
    let private = dir.path().join("private");
    std::fs::create_dir(&docs).unwrap();
    std::fs::create_dir(&private).unwrap();
    std::fs::copy(corpus_file(EFFEKT), docs.join("effekt.txt")).unwrap();
    std::fs::write(private.join("id_rsa.txt"), "PRIVATE KEY of the owner\n").unwrap();
    ok(esf(&db).arg("import").arg(&docs));
    Team {
        dir,
        db,
        docs,
        private,
    }
}

impl Team {
    fn list(&self) -> PathBuf {
        self.dir.path().join("cache.sqlite.sources")
    }

    fn leaked(&self) -> bool {
        document_paths(&self.db)
            .iter()
            .any(|p| p.contains("private"))
    }

    /// The list made group-writable, as a team's umask makes it, and
    /// the private folder added to it by a member.
    fn tamper_in_place(&self) {
        std::fs::set_permissions(self.list(), std::fs::Permissions::from_mode(0o664)).unwrap();
        std::fs::write(self.list(), self.tampered_text()).unwrap();
    }

    fn damage(&self) {
        std::fs::write(&self.db, GARBAGE).unwrap();
    }

    /// Each command fails in one line saying `why`, the cache untouched.
    fn each_refused(&self, commands: &[&[&str]], why: &str) {
        for args in commands {
            let out = run(esf(&self.db).args(*args));
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let said = stderr(&out);
            assert_eq!(said.lines().count(), 1, "{args:?}: {said}");
            assert!(said.contains(why), "{args:?}: {said}");
        }
        assert_eq!(std::fs::read_to_string(&self.db).unwrap(), GARBAGE);
    }

    /// The list with the private folder added, as a team member would.
    fn tampered_text(&self) -> String {
        let text = std::fs::read_to_string(self.list()).unwrap();
        let line = serde_json::json!({ "path": self.private.to_str().unwrap() });
        let (body, signature) = text.split_at(text.find("# signature").unwrap_or(text.len()));
        format!("{body}{line}\n{signature}")
    }
}

#[test]
fn a_list_changed_by_someone_who_may_write_it_is_never_followed_unasked() {
    let t = team();
    // The team's umask lets members write the list; one adds a folder.
    t.tamper_in_place();
    let out = run(esf(&t.db).args(["import", "--rebuild"]));
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("not followed") && said.contains("--trust-sources"),
        "{said}"
    );
    assert!(!t.leaked(), "nothing of the private folder is read");
    // An import of a named folder goes on, without the list's sources.
    let out = run(esf(&t.db).arg("import").arg(&t.docs));
    assert!(out.status.success() && stderr(&out).contains("not followed"));
    assert!(!t.leaked());
    let rewritten = std::fs::read_to_string(t.list()).unwrap();
    assert!(!rewritten.contains("private"), "the list is not laundered");
}

#[test]
fn a_command_that_reads_never_rebuilds_from_the_list() {
    let t = team();
    t.tamper_in_place();
    t.damage();
    // Without the owner's list nothing says the file is esf's: every
    // command, the owner's import too, leaves it and names the list.
    let commands = [
        &["list"][..],
        &["show", "2015/00730"],
        &["import", "--rebuild"],
    ];
    t.each_refused(&commands, "does not carry your signature");
    assert!(!t.dir.path().join("cache.sqlite.damaged").exists());
}

#[test]
fn a_damaged_cache_is_named_by_readers_and_set_aside_by_the_owners_import_only() {
    let t = team();
    t.damage();
    let commands = [
        &["list"][..],
        &["show", "2015/00730"],
        &["search", "arbete"],
    ];
    t.each_refused(&commands, "esf import --rebuild");
    let out = run(esf(&t.db).args(["import", "--rebuild"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("rebuilt"), "{}", stderr(&out));
    assert!(!t.leaked());
}

#[test]
fn a_list_another_user_wrote_is_followed_only_when_asked() {
    if !is_root() {
        eprintln!("skipped: needs root to give the list to another uid");
        return;
    }
    let t = team();
    std::fs::write(t.list(), t.tampered_text()).unwrap();
    std::os::unix::fs::chown(t.list(), Some(65534), Some(65534)).unwrap();
    let out = run(esf(&t.db).args(["import", "--rebuild"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("belongs to another user (uid 65534)"),
        "{}",
        stderr(&out)
    );
    assert!(!t.leaked());
    // Asked for, it is followed.
    ok(esf(&t.db).args(["import", "--rebuild", "--trust-sources"]));
    assert!(t.leaked(), "--trust-sources follows the list as it is");
}

#[test]
fn a_list_that_is_a_fifo_or_a_link_to_a_device_is_refused_at_once() {
    let t = team();
    std::fs::remove_file(t.list()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", t.list()).unwrap();
    let out = run(esf(&t.db).args(["import", "--rebuild"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    std::fs::remove_file(t.list()).unwrap();
    let fifo = std::ffi::CString::new(t.list().to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a free path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let mut child = esf(&t.db)
        .args(["import", "--rebuild"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("a FIFO as the list hangs the import");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

/// A team's cache with a second folder, `more`, imported and on record.
fn team_with_a_second_folder() -> (Team, PathBuf) {
    let t = team();
    let more = t.dir.path().join("more");
    std::fs::create_dir(&more).unwrap();
    let vellinge = corpus_file("002_b2246aa585e43b84.txt");
    std::fs::copy(vellinge, more.join("vellinge.txt")).unwrap();
    ok(esf(&t.db).arg("import").arg(&more));
    (t, more)
}

#[test]
fn a_recorded_folder_that_became_a_link_is_skipped_with_a_reason() {
    let (t, more) = team_with_a_second_folder();
    // A member swaps the folder for a link to the owner's private folder.
    std::fs::rename(&more, t.dir.path().join("more-old")).unwrap();
    std::os::unix::fs::symlink(&t.private, &more).unwrap();
    let report = import_json(&t.db, &["--rebuild"]);
    let skipped = report["skipped_files"].as_array().unwrap();
    let reason = skipped
        .iter()
        .find(|s| s["path"].as_str().unwrap().ends_with("more"))
        .map(|s| s["reason"].as_str().unwrap().to_string());
    assert!(
        reason
            .as_deref()
            .is_some_and(|r| r.contains("symbolic link")),
        "{report}"
    );
    assert!(!t.leaked());
}

#[test]
fn a_recorded_folder_that_changed_hands_is_skipped_with_a_reason() {
    if !is_root() {
        eprintln!("skipped: needs root to give a folder to another uid");
        return;
    }
    let (t, more) = team_with_a_second_folder();
    std::os::unix::fs::chown(&more, Some(65534), Some(65534)).unwrap();
    let report = import_json(&t.db, &["--rebuild"]);
    let said = report["skipped_files"].to_string();
    assert!(
        said.contains("now belongs to another user (uid 65534"),
        "{report}"
    );
}

#[test]
fn a_folder_swapped_for_a_link_while_an_import_reads_it_gives_nothing_of_the_link() {
    let t = team();
    // The same file names in the private folder as in the one imported.
    std::fs::copy(corpus_file(EFFEKT), t.private.join("effekt.txt")).unwrap();
    let marker = t.dir.path().join("listed");
    let mut import = esf(&t.db);
    import
        .arg("import")
        .arg(&t.docs)
        .arg("--json")
        .env("ESF_TEST_HOLD_AFTER_LISTING", &marker)
        .stdout(std::process::Stdio::piped());
    let child = import.spawn().unwrap();
    let started = Instant::now();
    while !marker.exists() {
        assert!(started.elapsed() < Duration::from_secs(60), "never listed");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Between the listing and the reading, the folder becomes a link.
    std::fs::rename(&t.docs, t.dir.path().join("docs-old")).unwrap();
    std::os::unix::fs::symlink(&t.private, &t.docs).unwrap();
    std::fs::remove_file(&marker).unwrap();
    let out = child.wait_with_output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let said = report["skipped_files"].to_string();
    assert!(
        said.contains("another file has taken its place"),
        "{report}"
    );
    assert!(!t.leaked());
}

#[test]
fn a_team_database_given_as_notes_is_refused_and_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let tracker = dir.path().join("tracker.sqlite");
    let conn = rusqlite::Connection::open(&tracker).unwrap();
    conn.execute_batch("CREATE TABLE cases (id INTEGER PRIMARY KEY, who TEXT)")
        .unwrap();
    drop(conn);
    std::fs::set_permissions(&tracker, std::fs::Permissions::from_mode(0o664)).unwrap();
    let before = std::fs::read(&tracker).unwrap();
    let out = run(
        common::esf_over(&dir.path().join("cache.sqlite"), &tracker).args([
            "note",
            "2015/00730",
            "a note",
        ]),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not an esf-browser notes file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(mode(&tracker), 0o664, "the team keeps its access");
    assert_eq!(std::fs::read(&tracker).unwrap(), before);
}

// ------------------------------------------------- starting and stopping

#[test]
fn first_commands_at_once_on_a_new_cache_all_succeed() {
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        let children: Vec<_> = (0..4)
            .map(|i| {
                let mut cmd = esf(&db);
                match i % 2 {
                    0 => cmd.arg("list"),
                    _ => cmd.arg("import").arg(corpus_file(EFFEKT)),
                };
                cmd.stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".esf"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn a_cache_a_killed_first_run_left_in_esfs_folder_is_finished() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache/esf-browser/cache.sqlite");
    std::fs::create_dir_all(cache.parent().unwrap()).unwrap();
    let made_empty = |path: &Path| std::fs::write(path, b"").unwrap();
    let header_only = |path: &Path| {
        let conn = rusqlite::Connection::open(path).unwrap();
        let _: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .unwrap();
    };
    for leave in [made_empty, header_only] {
        let _ = std::fs::remove_file(&cache);
        leave(&cache);
        let out = run(Command::new(env!("CARGO_BIN_EXE_esf"))
            .arg("list")
            .env("ESF_LANG", "en")
            .env_remove("ESF_DB")
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", "/nonexistent"));
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("effektbutiken"));
    }
}

#[test]
fn first_notes_written_at_once_are_all_kept_and_an_empty_notes_file_is_finished() {
    let keys = ["2015/00730", "22-002-S07", "2020/00551"];
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        ok(esf(&db).arg("list"));
        if round == 3 {
            // A first write killed between making the file and filling it.
            std::fs::write(dir.path().join("notes.sqlite"), b"").unwrap();
        }
        let children: Vec<_> = keys
            .iter()
            .map(|key| {
                esf(&db)
                    .args(["note", key, &format!("note on {key}")])
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let notes = ok(esf(&db).args(["notes", "--json"]));
        for key in keys {
            assert!(
                notes.contains(&format!("note on {key}")),
                "round {round}: {notes}"
            );
        }
    }
}

#[test]
fn under_umask_002_the_cache_its_log_and_its_sources_are_the_teams() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let mut cmd = esf(&db);
    cmd.arg("import").arg(corpus_file(EFFEKT));
    // SAFETY: umask is async-signal-safe and only sets this child's mask.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o002);
            Ok(())
        });
    }
    ok(&mut cmd);
    for name in [
        "cache.sqlite",
        "cache.sqlite-wal",
        "cache.sqlite-shm",
        "cache.sqlite.sources",
    ] {
        assert_eq!(mode(&dir.path().join(name)), 0o664, "{name}");
    }
}
