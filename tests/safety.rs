//! Never lose, leak or overwrite: the user's files, notes and terminal,
//! tried through the real binary as a new user and as an attacker on a
//! shared server would. Tests that need root (another uid, a small file
//! system) say so when they skip.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{esf_beside as esf, run_checked as run};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

/// The files that differ between two snapshots.
fn changed(a: &[(PathBuf, Vec<u8>)], b: &[(PathBuf, Vec<u8>)]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = a
        .iter()
        .filter(|x| !b.contains(x))
        .chain(b.iter().filter(|x| !a.contains(x)))
        .map(|(p, _)| p.clone())
        .collect();
    out.dedup();
    out
}

/// Every file under `dir` with its bytes, to see that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    all.sort();
    all
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Runs the command as the unprivileged user `nobody` (root only).
fn as_nobody(cmd: &mut Command) -> &mut Command {
    cmd.uid(65534).gid(65534)
}

/// A folder anyone may enter and read (tempdirs are the owner's only).
fn open_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn imported(dir: &Path) -> PathBuf {
    let db = dir.join("cache.sqlite");
    let out = run(esf(&db).arg("import").arg(corpus()));
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn project_count(db: &Path) -> usize {
    let out = run(esf(db).args(["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array().unwrap().len()
}

// ---------------------------------------------------------------- data loss

#[test]
fn a_file_esf_did_not_make_is_refused_in_one_line_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("thesis.md"), "A\n").unwrap();
    std::fs::write(d.join("thesis.tex"), "B\n").unwrap();
    std::fs::write(d.join("passwd"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let other = d.join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    let _: String = conn
        .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch("CREATE TABLE cats (name); INSERT INTO cats VALUES ('Måns');")
        .unwrap();
    let before = snapshot(d);
    assert!(before
        .iter()
        .any(|(p, b)| p.ends_with("other.db-wal") && !b.is_empty()));
    for name in ["thesis.md", "thesis.tex", "passwd", "empty.txt", "other.db"] {
        let path = d.join(name);
        for args in [
            &["list"][..],
            &["import", "/nonexistent-too"],
            &["note", "x", "y"],
        ] {
            let out = run(common::esf_over(&path, &d.join("n/notes.sqlite")).args(args));
            let said = stderr(&out);
            assert!(!out.status.success(), "{name} {args:?}");
            assert_eq!(said.lines().count(), 1, "{name}: one line: {said}");
            assert!(said.contains(&path.display().to_string()) || args[0] == "import");
        }
        let out = run(esf(&path).arg("list"));
        assert!(stderr(&out).contains("left untouched"), "{}", stderr(&out));
    }
    let changed = changed(&snapshot(d), &before);
    assert!(
        changed.is_empty(),
        "every byte as it was, no file added: {changed:?}"
    );
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM cats", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1, "the other program's committed row is still there");
}

#[test]
fn the_notes_file_is_no_cache_and_a_cache_is_no_notes_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let notes = db.with_file_name("notes.sqlite");
    assert!(run(esf(&db).args(["note", "2015/00730", "ring Anna"]))
        .status
        .success());
    let before = snapshot(dir.path());
    let out = run(common::esf_over(&notes, &notes).arg("list"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("holds esf notes"), "{}", stderr(&out));
    let out = run(common::esf_over(&db, &db).args(["note", "2015/00730"]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a notes file"),
        "{}",
        stderr(&out)
    );
    let changed = changed(&snapshot(dir.path()), &before);
    assert!(changed.is_empty(), "{changed:?}");
}

#[test]
fn notes_pointed_at_another_programs_database_leave_its_journal_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let other = dir.path().join("budget.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    let _: String = conn
        .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
        .unwrap();
    conn.execute_batch("CREATE TABLE rows (x); INSERT INTO rows VALUES (1);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    for args in [&["note", "2015/00730", "hej"][..], &["notes"], &["list"]] {
        let out = run(common::esf_over(&db, &other).args(args));
        if args[0] != "list" {
            assert!(!out.status.success(), "{args:?}");
            let said = stderr(&out);
            assert!(said.contains("not an esf-browser notes file"), "{said}");
            assert!(!said.contains("left as it is") || said.lines().count() == 1);
        }
    }
    assert_eq!(std::fs::read(&other).unwrap(), before);
    let conn = rusqlite::Connection::open(&other).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "still in WAL");
}

#[test]
fn a_damaged_cache_of_esfs_own_is_moved_aside_never_over_an_earlier_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let mut asides = Vec::new();
    for round in 1..=3 {
        std::fs::write(&db, format!("damage number {round}\n")).unwrap();
        let out = run(esf(&db).args(["import", "--rebuild"]));
        let said = stderr(&out);
        assert!(out.status.success(), "{said}");
        assert_eq!(said.lines().count(), 1, "{said}");
        let aside = match round {
            1 => dir.path().join("cache.sqlite.damaged"),
            n => dir.path().join(format!("cache.sqlite.damaged-{n}")),
        };
        assert!(
            said.contains(&aside.display().to_string()),
            "names it: {said}"
        );
        asides.push(aside);
        assert_eq!(project_count(&db), 5, "rebuilt");
    }
    for (round, aside) in asides.iter().enumerate() {
        let kept = std::fs::read_to_string(aside).unwrap();
        assert_eq!(kept, format!("damage number {}\n", round + 1));
    }
}

#[test]
fn only_esfs_own_default_folders_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder");
    let out = run(esf(&missing.join("cache.sqlite")).arg("list"));
    assert!(!out.status.success());
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains(&missing.display().to_string()), "{said}");
    assert!(!dir.path().join("no").exists(), "no folder made");

    let home = dir.path().join("home");
    let out = run(Command::new(env!("CARGO_BIN_EXE_esf"))
        .arg("list")
        .env("ESF_LANG", "en")
        .env_remove("ESF_DB")
        .env_remove("ESF_NOTES")
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CONFIG_HOME", home.join(".config")));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(home.join(".cache/esf-browser/cache.sqlite").is_file());
}

#[test]
fn an_import_of_nothing_fails_in_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    assert!(run(esf(&db).args(["note", "2015/00730", "keep me"]))
        .status
        .success());
    assert!(
        run(esf(&db).arg("list")).status.success(),
        "the sample is in"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let junk = dir.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join("a.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let before = snapshot(dir.path());
    let cases: [(&Path, &str); 3] = [
        (Path::new("/nonexistent"), "does not exist"),
        (&empty, "holds no documents"),
        (&junk, "nothing was changed"),
    ];
    for (path, says) in cases {
        let out = run(esf(&db).arg("import").arg(path));
        let said = stderr(&out);
        assert!(!out.status.success(), "{path:?}");
        assert!(said.contains(says), "{path:?}: {said}");
        let errors = said.lines().filter(|l| !l.contains("skipped")).count();
        assert_eq!(errors, 1, "one line: {said}");
        let mut changed = changed(&snapshot(dir.path()), &before);
        // The import's lock file stays beside the cache, as after any import.
        changed.retain(|p| !p.ends_with("cache.sqlite.lock"));
        assert!(changed.is_empty(), "{path:?}: nothing changed: {changed:?}");
    }
    let listed = stdout(&run(esf(&db).arg("list")));
    assert!(listed.contains("effektbutiken"), "the sample corpus stays");
}

#[test]
fn a_rebuild_keeps_every_recorded_source_and_records_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    for (i, entry) in std::fs::read_dir(corpus()).unwrap().enumerate() {
        let path = entry.unwrap().path();
        let to = if i % 2 == 0 { &a } else { &b };
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    let db = dir.path().join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(&a)).status.success());
    assert!(run(esf(&db).arg("import").arg(&b)).status.success());
    let sources = std::fs::read_to_string(dir.path().join("cache.sqlite.sources")).unwrap();
    let legacy = [&a, &b]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("Beviljat ESF-stöd974")
        })
        .unwrap();
    let text = std::fs::read_to_string(&legacy).unwrap();
    std::fs::write(
        &legacy,
        text.replace("Beviljat ESF-stöd974", "Beviljat ESF-stöd975"),
    )
    .unwrap();
    let out = run(esf(&db).args(["import", "--rebuild", "--json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["updated"], 1, "{report}");
    assert_eq!(report["unchanged"], 4, "{report}");
    assert_eq!(report["projects"], 5, "{report}");
    let after = std::fs::read_to_string(dir.path().join("cache.sqlite.sources")).unwrap();
    assert_eq!(after, sources, "both folders still recorded");
    let changes = stdout(&run(esf(&db).args(["changes", "--json"])));
    assert!(changes.contains("x-552c407c19"), "{changes}");
    assert!(changes.contains("changed"), "{changes}");
}

#[test]
fn the_sources_list_is_part_of_the_commit() {
    if !nobody_can_run() {
        return;
    }
    let dir = open_folder();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::os::unix::fs::chown(&shared, Some(65534), Some(65534)).unwrap();
    let db = shared.join("cache.sqlite");
    let made = run(as_nobody(&mut esf(&db)).arg("import").arg(corpus()));
    assert!(made.status.success(), "{}", stderr(&made));
    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    std::fs::write(
        extra.join("new.txt"),
        seed.replace("2015/00730", "2015/99999"),
    )
    .unwrap();
    std::fs::set_permissions(&extra, std::fs::Permissions::from_mode(0o755)).unwrap();
    // The cache and its log files stay writable; the list beside them not.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(&shared);
    let out = run(as_nobody(&mut esf(&db)).arg("import").arg(&extra));
    let said = stderr(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("cache.sqlite.sources"),
        "names the list: {said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    let list = |s: &[(PathBuf, Vec<u8>)]| {
        s.iter()
            .find(|(p, _)| p.ends_with("cache.sqlite.sources"))
            .cloned()
    };
    assert_eq!(
        list(&snapshot(&shared)),
        list(&before),
        "the list as it was"
    );
    let listed = stdout(&run(as_nobody(&mut esf(&db)).arg("list")));
    assert!(
        !listed.contains("2015/99999"),
        "the import was undone: {listed}"
    );
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = run(as_nobody(&mut esf(&db)).args(["import", "--rebuild"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&run(as_nobody(&mut esf(&db)).arg("list")));
    assert_eq!(
        listed.lines().count(),
        6,
        "a rebuild loses nothing: {listed}"
    );
}

/// Root can run the binary as `nobody` here (it must reach the binary).
fn nobody_can_run() -> bool {
    let ok = is_root()
        && as_nobody(&mut Command::new(env!("CARGO_BIN_EXE_esf")))
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: needs root, and a binary the user nobody can run");
    }
    ok
}

// ------------------------------------------------------ leaks and injection

/// Sets the umask of the child to 022, as a shared server's shells have.
fn umask_022(cmd: &mut Command) -> &mut Command {
    // SAFETY: umask is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0o022);
            Ok(())
        })
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o777
}

#[test]
fn notes_are_readable_by_their_owner_only_and_the_cache_keeps_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = home.join("share");
    let cmd = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_esf"));
        cmd.args(args)
            .env("ESF_LANG", "en")
            .env("ESF_DB", home.join("cache.sqlite"))
            .env_remove("ESF_NOTES")
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", "/nonexistent");
        umask_022(&mut cmd);
        cmd
    };
    assert!(run(&mut cmd(&["note", "2015/00730", "private"]))
        .status
        .success());
    let folder = data.join("esf-browser");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join("notes.sqlite")), 0o600);
    let export = home.join("notes.json");
    let out = run(&mut cmd(&["notes", "--json"]));
    std::fs::write(&export, &out.stdout).unwrap();
    assert!(
        run(&mut cmd(&["notes", "import", export.to_str().unwrap()]))
            .status
            .success()
    );
    let backups = folder.join("notes-backups");
    assert_eq!(mode(&backups), 0o700);
    for backup in std::fs::read_dir(&backups).unwrap() {
        assert_eq!(mode(&backup.unwrap().path()), 0o600);
    }
    assert_eq!(
        mode(&home.join("cache.sqlite")),
        0o644,
        "a team may share it"
    );
}

#[test]
fn links_planted_beside_the_cache_are_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let private = d.join("private.txt");
    std::fs::write(&private, "mine\n").unwrap();
    let db = imported(d);
    for planted in ["cache.sqlite.sources.tmp", ".esf-sources-x"] {
        std::os::unix::fs::symlink(&private, d.join(planted)).unwrap();
    }
    assert!(run(esf(&db).args(["import", "--rebuild"])).status.success());
    assert_eq!(std::fs::read_to_string(&private).unwrap(), "mine\n");

    let target = d.join("made-by-esf");
    for name in ["dangling.sqlite", "locked.sqlite"] {
        let path = d.join(name);
        let link = if name == "dangling.sqlite" {
            path.clone()
        } else {
            PathBuf::from(format!("{}.lock", path.display()))
        };
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let out = run(esf(&path).arg("import").arg(corpus()));
        assert!(!out.status.success(), "{name}");
        assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
        assert!(
            !target.exists(),
            "{name}: nothing made at the link's target"
        );
    }
    let linked = d.join("linked.sqlite");
    std::os::unix::fs::symlink(&db, &linked).unwrap();
    assert!(
        run(esf(&linked).arg("list")).status.success(),
        "a link to a cache"
    );
    let to_text = d.join("to-text.sqlite");
    std::os::unix::fs::symlink(&private, &to_text).unwrap();
    assert!(!run(esf(&to_text).arg("list")).status.success());
    assert_eq!(std::fs::read_to_string(&private).unwrap(), "mine\n");
}

#[test]
fn links_out_of_the_imported_folder_are_skipped_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let outside = dir.path().join("someone-elses.txt");
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    std::fs::write(&outside, seed.replace("2015/00730", "2015/77777")).unwrap();
    std::fs::copy(
        corpus().join("001_fa7e1b871c6b631c.txt"),
        docs.join("own.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, docs.join("link.txt")).unwrap();
    let db = dir.path().join("cache.sqlite");
    let out = run(esf(&db).arg("import").arg(&docs));
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("skipped") && said.contains("--follow-symlinks"),
        "{said}"
    );
    assert!(!stdout(&run(esf(&db).arg("list"))).contains("2015/77777"));
    let out = run(esf(&db).args(["import", "--follow-symlinks"]).arg(&docs));
    assert!(out.status.success());
    assert!(stdout(&run(esf(&db).arg("list"))).contains("2015/77777"));
}

/// A document whose name carries C1 controls, bidi overrides and escapes
/// that would run in a terminal (OSC 52 sets the clipboard, OSC 8 links).
fn hostile_cache(dir: &Path) -> PathBuf {
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    let evil = "effekt\u{9b}31m\u{202e}kiwt\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{1b}]8;;http://x\u{1b}\\";
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("evil.txt"), seed.replace("effektbutiken", evil)).unwrap();
    let db = dir.join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(&docs)).status.success());
    db
}

fn assert_inert(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && c != '\r' && esf_browser::present::sanitize::is_unsafe(c))
        .collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}");
}

#[test]
fn json_and_text_exports_carry_no_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_cache(dir.path());
    let json = stdout(&run(esf(&db).args(["list", "--json"])));
    assert_inert("list --json", &json);
    assert!(
        json.contains("\\u009b") && json.contains("\\u202e"),
        "{json}"
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        rows[0]["name"].as_str().unwrap().contains('\u{9b}'),
        "the data kept"
    );
    for args in [
        &["show", "2015/00730", "--json"][..],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
        &["parse", "--json"],
    ] {
        let mut cmd = esf(&db);
        cmd.args(args);
        if args[0] == "parse" {
            cmd.arg(dir.path().join("docs/evil.txt"));
        }
        let out = run(&mut cmd);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_inert(&format!("{args:?}"), &stdout(&out));
    }
}

#[test]
fn the_clipboard_gets_what_the_screen_shows_never_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_cache(dir.path());
    let mut s = common::pty::start(&db, &[]);
    s.screen.wait_for("Projects 1/1");
    use std::io::Write;
    s.keys.write_all(b"Y").unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let copied = loop {
        let raw = s.screen.raw_text();
        if let Some(at) = raw.find("\u{1b}]52;c;") {
            let rest = &raw[at + 7..];
            if let Some(end) = rest.find('\u{7}') {
                break rest[..end].to_string();
            }
        }
        assert!(Instant::now() < deadline, "never copied");
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = String::from_utf8(decode_base64(&copied)).unwrap();
    assert!(text.contains("effekt"), "{text}");
    assert_inert("the clipboard", &text);
    s.keys.write_all(b"q").unwrap();
    common::pty::wait_exit(&mut *s.child);
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

// ------------------------------------------------------------ the browser

#[test]
fn a_paste_is_text_in_the_search_box_and_the_note_never_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let mut s = common::pty::start(&db, &[]);
    s.screen.wait_for("Projects 5/5");
    use std::io::Write;
    assert!(
        s.screen.raw_text().contains("\u{1b}[?2004h"),
        "bracketed paste on"
    );
    s.keys.write_all(b"/").unwrap();
    s.keys.write_all(b"\x1b[200~vell\ninge\x1b[201~").unwrap();
    s.screen.wait_for("/ vell inge");
    // No project holds both terms; waiting for the filtered list first
    // keeps the 5/5 of before the paste from passing for the one after Esc.
    s.screen.wait_for("Projects 0/5");
    s.keys.write_all(b"\x1b").unwrap(); // Esc: the filter goes
    s.screen.wait_for("Projects 5/5");
    s.keys.write_all(b"n").unwrap();
    s.screen.wait_for("Note ·");
    s.keys
        .write_all(b"\x1b[200~first line\nsecond line\nq\x1b[201~")
        .unwrap();
    s.screen.wait_for("second line");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("note saved");
    s.keys.write_all(b"q").unwrap();
    assert_eq!(common::pty::wait_exit(&mut *s.child).exit_code(), 0);
    let json = stdout(&run(esf(&db).args(["notes", "--json"])));
    assert!(json.contains("first line\\nsecond line\\nq"), "{json}");
}

#[test]
fn a_note_that_cannot_be_saved_stays_in_the_editor_with_the_reason() {
    if !nobody_can_run() {
        return;
    }
    let dir = open_folder();
    let db = imported(dir.path());
    assert!(run(esf(&db).args(["note", "2020/00551", "earlier"]))
        .status
        .success());
    let notes = db.with_file_name("notes.sqlite");
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let p = f.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut s = start_as_nobody(&db);
    s.screen.wait_for("Projects 5/5");
    use std::io::Write;
    s.keys.write_all(b"n").unwrap();
    s.screen.wait_for("Note ·");
    s.keys.write_all(b"call the owner on Monday").unwrap();
    s.screen.wait_for("Monday");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("not saved");
    let shown = s.screen.text();
    assert!(shown.contains("read-only"), "says why: {shown}");
    assert!(
        shown.contains("call the owner on Monday"),
        "the text stays: {shown}"
    );
    s.keys.write_all(b"\x1b").unwrap();
    s.screen.wait_for("note not changed");
    s.keys.write_all(b"q").unwrap();
    common::pty::wait_exit(&mut *s.child);
}

fn start_as_nobody(db: &Path) -> common::pty::Session {
    let mut cmd = portable_pty::CommandBuilder::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
    cmd.arg(env!("CARGO_BIN_EXE_esf"));
    common::pty::start_command(cmd, db, &[])
}

#[test]
fn a_browser_export_with_notes_is_readable_by_its_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    assert!(run(esf(&db).args(["note", "2015/00730", "private"]))
        .status
        .success());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // SAFETY: umask only sets this process's mask (022, a server's usual).
    unsafe { libc::umask(0o022) };
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.cwd(&out);
    let mut s = common::pty::start_command(cmd, &db, &[]);
    s.screen.wait_for("5/5 projects"); // every project in: exports wait for that
    use std::io::Write;
    s.keys.write_all(b"e").unwrap();
    s.screen.wait_for("notes: off");
    s.keys.write_all(b"n").unwrap();
    s.screen.wait_for("notes: on");
    s.keys.write_all(b"c").unwrap();
    // The file prompt opens on a default name; the caseworker names one.
    s.screen.wait_for("esf-export-");
    s.keys.write_all(b"\x15").unwrap();
    s.keys
        .write_all(out.join("lista.csv").to_str().unwrap().as_bytes())
        .unwrap();
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("wrote 5 projects");
    s.keys.write_all(b"q").unwrap();
    common::pty::wait_exit(&mut *s.child);
    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(std::fs::read_to_string(&files[0])
        .unwrap()
        .contains("private"));
    assert_eq!(mode(&files[0]), 0o600, "it holds notes");
}

// ------------------------------------------------------------ availability

#[test]
fn a_reader_opens_a_cache_whose_log_files_are_gone() {
    if !nobody_can_run() {
        return;
    }
    let dir = open_folder();
    let db = imported(dir.path());
    for side in ["cache.sqlite-wal", "cache.sqlite-shm"] {
        std::fs::remove_file(dir.path().join(side)).unwrap();
    }
    let notes = tempfile::tempdir().unwrap();
    let out =
        run(as_nobody(&mut common::esf_over(&db, &notes.path().join("n.sqlite"))).arg("list"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("effektbutiken"));
    assert!(
        !dir.path().join("cache.sqlite-wal").exists(),
        "the reader wrote nothing"
    );
}

#[test]
fn an_import_does_not_wait_for_a_reader_after_its_commit() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let reader =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let n: i64 = reader
        .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5, "the reader holds its snapshot");
    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    std::fs::write(
        extra.join("n.txt"),
        seed.replace("2015/00730", "2015/55555"),
    )
    .unwrap();
    let started = Instant::now();
    let out = run(esf(&db).arg("import").arg(&extra));
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    // The old final checkpoint sat out the whole 30-second busy timeout.
    assert!(took < Duration::from_secs(20), "took {took:?}");
    reader.execute_batch("COMMIT").unwrap();
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let corpus = corpus().display().to_string();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["list", "--facet", "region"],
        &["show", "2015/00730"],
        &["show", "2015/00730", "--json"],
        &["search", "arbete"],
        &["search", "arbete", "--json"],
        &["orgs"],
        &["orgs", "--json"],
        &["graph", "2015/00730"],
        &["graph", "2015/00730", "--json"],
        &["graph", "2015/00730", "--dot"],
        &["related", "2015/00730"],
        &["export", "--format", "csv"],
        &["export", "--format", "json"],
        &["export", "--format", "markdown"],
        &["notes"],
        &["notes", "--json"],
        &["changes"],
        &["coverage"],
        &["coverage", "--csv"],
        &["coverage", "--json"],
        &["timeline", "Göteborgs Stad"],
        &["timeline", "Göteborgs Stad", "--json"],
        &["parse", &corpus, "--json"],
        &["parse", &corpus],
        &["--help"],
    ];
    for args in commands {
        let mut child = esf(&db)
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader is gone before a byte is written
        let out = child.wait_with_output().unwrap();
        let said = stderr(&out);
        assert!(
            !said.contains("ipe") && !said.contains("rror"),
            "{args:?}: {said}"
        );
        // `changes` finds nothing new in a fresh cache: status 1, no error.
        let found_nothing = args[0] == "changes" && out.status.code() == Some(1);
        assert!(
            out.status.success() || found_nothing,
            "{args:?}: {:?}",
            out.status
        );
    }
}

#[test]
fn a_link_given_by_name_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let secret = dir.path().join("secret.txt");
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    std::fs::write(&secret, seed.replace("2015/00730", "2015/66666")).unwrap();
    std::os::unix::fs::symlink(&secret, docs.join("swapped.txt")).unwrap();
    let db = dir.path().join("cache.sqlite");
    // Given by name, a link is the user's own choice and is followed.
    let out = run(esf(&db).arg("import").arg(docs.join("swapped.txt")));
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&run(esf(&db).arg("list")));
    assert!(listed.contains("2015/66666"), "{listed}");
}

#[test]
fn a_closed_standard_error_never_makes_a_command_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    for args in [
        &["list", "--filter", "qqqqzzzz"][..],
        &["show", "2099/00000"],
        &["import", "/nonexistent"],
        &["notes"],
    ] {
        let mut child = esf(&db)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take()); // nobody reads what it says
        let status = child.wait().unwrap();
        assert_ne!(status.code(), Some(101), "{args:?} panicked");
    }
}
