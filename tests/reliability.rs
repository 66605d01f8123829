//! Hostile documents, interrupted imports, damaged caches and concurrent
//! use, through the real binary: nothing is lost, nothing panics, every
//! skipped file is named with its reason.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

fn esf(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_esf"));
    // English labels whatever the locale: the tests read them.
    cmd.env("ESF_LANG", "en");
    cmd.arg("--db")
        .arg(db)
        .env("ESF_NOTES", notes_beside(db))
        .env("XDG_CONFIG_HOME", "/nonexistent");
    cmd
}

fn notes_beside(db: &Path) -> PathBuf {
    db.with_file_name("notes.sqlite")
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn seed() -> String {
    std::fs::read_to_string("assets/corpus/000_3baf275082b782be.txt").unwrap()
}

/// The seed as another project (its own diarienummer).
fn variant(n: u32) -> String {
    seed().replace("2015/00730", &format!("2015/9{n:04}"))
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'å' => 0xE5,
            'ä' => 0xE4,
            'ö' => 0xF6,
            'Å' => 0xC5,
            'Ä' => 0xC4,
            'Ö' => 0xD6,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

/// Files as the world sends them, each with whether it should be imported.
fn hostile_folder(dir: &Path) -> Vec<(&'static str, bool)> {
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write(
        "bom.txt",
        &[b"\xEF\xBB\xBF", variant(1).as_bytes()].concat(),
    );
    write("utf16.txt", &utf16le_with_bom(&variant(2)));
    let mut legacy = cp1252(&variant(3));
    legacy.extend(b"\nRaw CSI \x9b31m and \x9d here\n");
    write("cp1252.txt", &legacy);
    let text = variant(4);
    let middle = text.len() / 2;
    let middle = (middle..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let broken = [
        &text.as_bytes()[..middle],
        b"\xFF\xC3(\x80",
        &text.as_bytes()[middle..],
    ]
    .concat();
    write("invalid-utf8.txt", &broken);
    let mut long = b"Namn: ".to_vec();
    long.extend(std::iter::repeat_n(b'a', 20 * 1024 * 1024));
    write("one-20mb-line.txt", &long);
    write(
        "combining.txt",
        format!("Namn: x{}", "\u{301}".repeat(500_000)).as_bytes(),
    );
    write(
        "label-without-value.txt",
        b"Diarienummer:\nNamn:\nProjekt\xC3\xA4gare:\n",
    );
    write(
        "multibyte-before-colon.txt",
        "Ärendets nummer för åtgärd ✓: 7\nNamn: Öppet\n".as_bytes(),
    );
    write("escape\u{1b}[31m\nname.txt", variant(5).as_bytes());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("loop-b"), dir.join("loop-a")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop-a"), dir.join("loop-b")).unwrap();
        std::fs::create_dir(dir.join("sub")).unwrap();
        std::os::unix::fs::symlink(dir, dir.join("sub/back-up")).unwrap();
    }
    vec![
        ("bom.txt", true),
        ("utf16.txt", true),
        ("cp1252.txt", true),
        ("invalid-utf8.txt", true),
        ("one-20mb-line.txt", true),
        ("combining.txt", true),
        ("label-without-value.txt", true),
        ("multibyte-before-colon.txt", true),
        ("name.txt", true),
        ("loop-a", false),
        ("loop-b", false),
    ]
}

/// No terminal control reaches the output: ESC, C1 controls.
fn assert_inert(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}");
}

#[test]
fn hostile_files_are_imported_or_skipped_each_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let expected = hostile_folder(&docs);
    let db = dir.path().join("cache.sqlite");

    let out = run(esf(&db).arg("import").arg(&docs).arg("--json"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(String, String)> = report["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().into(),
                s["reason"].as_str().unwrap().into(),
            )
        })
        .collect();
    for (name, imported) in &expected {
        let skip = skipped.iter().find(|(p, _)| p.ends_with(name));
        match (imported, skip) {
            (true, Some((_, why))) => panic!("{name} skipped: {why}"),
            (false, None) => panic!("{name} neither imported nor reported"),
            (false, Some((_, why))) => assert!(!why.is_empty(), "{name} has a reason"),
            (true, None) => {}
        }
    }
    assert_eq!(count(&db, "documents"), 9, "every readable file is in");
    for n in 1..=5 {
        let id = format!("2015/9{n:04}");
        let shown = run(esf(&db).args(["show", &id]));
        assert!(shown.status.success(), "{id} was imported");
        assert!(String::from_utf8_lossy(&shown.stdout).contains("effektbutiken"));
    }

    // The plain report, the list and a show: no terminal control in them.
    let plain = run(esf(&db).arg("import").arg(&docs).arg("--rebuild"));
    assert_inert("the import report", &String::from_utf8_lossy(&plain.stdout));
    assert_inert("import messages", &String::from_utf8_lossy(&plain.stderr));
    let shown = run(esf(&db).args(["show", "2015/90003"]));
    assert_inert("show", &String::from_utf8_lossy(&shown.stdout));
    let listed = run(esf(&db).arg("list"));
    assert_inert("list", &String::from_utf8_lossy(&listed.stdout));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_and_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("good.txt"), variant(1)).unwrap();
    let secret = docs.join("secret.txt");
    std::fs::write(&secret, variant(2)).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: this user reads files without permission (root)");
        return;
    }
    let db = dir.path().join("cache.sqlite");
    let out = run(esf(&db).arg("import").arg(&docs).arg("--json"));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new"], 1);
    let skipped = &report["skipped_files"][0];
    assert!(skipped["path"].as_str().unwrap().ends_with("secret.txt"));
    assert!(skipped["reason"].as_str().unwrap().contains("ermission"));
}

/// A folder of `n` generated documents.
fn generated(dir: &Path, n: usize) -> PathBuf {
    generated_batch(dir, n, 1)
}

/// A folder of `n` generated documents, different for each seed.
fn generated_batch(dir: &Path, n: usize, seed: u64) -> PathBuf {
    let docs = dir.join(format!("generated-{seed}"));
    let out = run(Command::new(env!("CARGO_BIN_EXE_esf"))
        .env("ESF_LANG", "en")
        .env("ESF_LANG", "en")
        .args([
            "gen",
            "--count",
            &n.to_string(),
            "--seed",
            &seed.to_string(),
            "--out",
        ])
        .arg(&docs));
    assert!(out.status.success());
    docs
}

fn corpus() -> PathBuf {
    PathBuf::from("assets/corpus")
}

fn wal_bytes(db: &Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).map_or(0, |m| m.len())
}

/// Starts an import and waits until it is writing (its log grows).
fn import_under_way(db: &Path, docs: &Path) -> Child {
    let mut child = esf(db)
        .arg("import")
        .arg(docs)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while wal_bytes(db) < 2_000_000 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended too soon to interrupt"
        );
        assert!(
            Instant::now() < deadline,
            "the import never started writing"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

/// A hangup ends the import as it ends a login session's processes, even
/// when these tests run under `nohup` (which would hand the import an
/// ignored SIGHUP).
fn default_hangup(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: between fork and exec only the async-signal-safe `signal`
    // is called.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGHUP, libc::SIG_DFL);
            Ok(())
        });
    }
}

/// Starts an import and waits until it has written everything and is
/// about to commit (the test switch makes it wait there).
fn import_about_to_commit(db: &Path, docs: &Path) -> Child {
    let marker = db.with_extension("about-to-commit");
    let mut cmd = esf(db);
    cmd.arg("import")
        .arg(docs)
        .env("ESF_TEST_HOLD_BEFORE_COMMIT", &marker)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    default_hangup(&mut cmd);
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while !marker.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended early"
        );
        assert!(Instant::now() < deadline, "the import never got there");
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

#[cfg(unix)]
#[test]
fn an_interrupted_import_leaves_the_cache_as_it_was_and_the_next_one_completes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = generated(dir.path(), 3000);
    for signal in ["KILL", "TERM", "HUP"] {
        let db = dir.path().join(format!("{signal}.sqlite"));
        assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
        let before = (count(&db, "projects"), count(&db, "documents"));
        let child = import_about_to_commit(&db, &docs);
        Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status()
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success(), "{signal} ended the import");
        assert_eq!(integrity(&db), "ok", "{signal}");
        assert_eq!(
            (count(&db, "projects"), count(&db, "documents")),
            before,
            "{signal}: exactly as before"
        );
        let sources = std::fs::read_to_string(format!("{}.sources", db.display())).unwrap();
        assert!(
            !sources.contains("generated"),
            "{signal}: the folder is not on record"
        );
        let out = run(esf(&db).arg("import").arg(&docs).arg("--json"));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let skipped = report["skipped"].as_i64().unwrap();
        assert_eq!(
            count(&db, "documents"),
            before.1 + 3000 - skipped,
            "{signal}"
        );
    }
}

#[test]
fn a_damaged_cache_is_named_by_readers_and_rebuilt_by_an_import() {
    type Damage = fn(&Path);
    let kinds: [(&str, Damage); 6] = [
        ("header", |db| overwrite(db, 0, &[0x55; 100])),
        ("truncated", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            std::fs::OpenOptions::new()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }),
        ("garbage page", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            overwrite(db, len - 4096, &[0xA5; 4096]);
        }),
        ("plain text", |db| {
            std::fs::write(db, "these are my notes\n").unwrap()
        }),
        ("zero bytes", |db| std::fs::write(db, b"").unwrap()),
        ("newer schema", |db| {
            let conn = rusqlite::Connection::open(db).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }),
    ];
    for (kind, damage) in kinds {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cache.sqlite");
        assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
        damage(&db);
        // A command that reads says what is wrong and how to mend it, and
        // writes nothing.
        let damaged = std::fs::read(&db).unwrap();
        let out = run(esf(&db).arg("list"));
        assert_eq!(out.status.code(), Some(2), "{kind}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(said.lines().count(), 1, "{kind}: one line: {said}");
        assert!(said.contains("esf import --rebuild"), "{kind}: {said}");
        assert_eq!(std::fs::read(&db).unwrap(), damaged, "{kind}: untouched");
        let out = run(esf(&db).args(["import", "--rebuild"]));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{kind}: {said}");
        assert_eq!(said.lines().count(), 1, "{kind}: one line: {said}");
        assert!(said.contains("rebuilt"), "{kind}: {said}");
        assert!(
            dir.path().join("cache.sqlite.damaged").exists(),
            "{kind}: moved aside"
        );
        let out = run(esf(&db).arg("list"));
        let listed = String::from_utf8_lossy(&out.stdout);
        assert!(
            listed.contains("Nya Vägar i Vellinge +"),
            "{kind}: {listed}"
        );
        assert_eq!(count(&db, "projects"), 5, "{kind}");
    }
}

fn overwrite(path: &Path, at: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(bytes).unwrap();
}

#[test]
fn two_imports_at_once_queue_and_readers_are_never_locked_out() {
    let dir = tempfile::tempdir().unwrap();
    let docs = generated(dir.path(), 3000);
    let db = dir.path().join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
    let mut first = import_under_way(&db, &docs);
    let second = esf(&db)
        .arg("import")
        .arg(corpus())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reads = 0;
    while first.try_wait().unwrap().is_none() {
        let out = run(esf(&db).args(["list", "--filter", "effekt"]));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !said.contains("locked"), "{said}");
        reads += 1;
    }
    assert!(first.wait().unwrap().success());
    let second = second.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{said}");
    assert!(
        said.contains("another import"),
        "the second one said it waits: {said}"
    );
    assert!(reads > 0, "read while the import ran");
    assert!(count(&db, "documents") >= 3000);
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn the_log_stays_small_through_a_long_session_of_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
    let mut browser = common::pty::start(&db, &[]);
    browser.screen.wait_for("effektbutiken");
    for round in 1..=4 {
        let docs = generated_batch(dir.path(), 600, round);
        let out = run(esf(&db).arg("import").arg(&docs));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !said.contains("locked"), "{said}");
        assert!(
            wal_bytes(&db) < 512 * 1024,
            "after import {round} the log holds {} bytes",
            wal_bytes(&db)
        );
        browser.keys.write_all(b"j").unwrap();
        assert!(
            browser.child.try_wait().unwrap().is_none(),
            "the browser is still there"
        );
    }
    assert_eq!(count(&db, "documents"), 5 + 4 * 600);
    browser.keys.write_all(b"q").unwrap();
    assert!(common::pty::wait_exit(&mut *browser.child).success());
}

/// A small file system of its own (Linux, root); unmounted when dropped.
struct Mounted(PathBuf);

impl Mounted {
    fn tmpfs(at: &Path, size: &str) -> Option<Mounted> {
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a small file system here (needs root)");
        }
        ok.then(|| Mounted(at.to_path_buf()))
    }

    fn read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_undoes_the_import_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let Some(small) = Mounted::tmpfs(&dir.path().join("small"), "4m") else {
        return;
    };
    let db = small.0.join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
    let noted = run(esf(&db).args(["note", "2015/00730", "call the owner"]));
    assert!(noted.status.success());
    let notes_before = std::fs::read(notes_beside(&db)).unwrap();
    let docs = generated(dir.path(), 2000);
    let out = run(esf(&db).arg("import").arg(&docs));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("the disk is full"), "{said}");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db, "projects"), 5, "as before the import");
    let listed = run(esf(&db).arg("list"));
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stdout).contains("effektbutiken"));
    assert_eq!(std::fs::read(notes_beside(&db)).unwrap(), notes_before);
    let note = run(esf(&db).args(["note", "2015/00730"]));
    assert_eq!(String::from_utf8_lossy(&note.stdout), "call the owner\n");
    // A note that meets a full disk is said as a note, not as an import.
    fill(&small.0.join("filler"));
    let long = "ring ägaren ".repeat(5_000);
    let out = run(esf(&db).args(["note", "22-002-S07", &long]));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains("the disk is full; nothing was written"),
        "{said}"
    );
    assert!(!said.contains("import"), "{said}");
    assert_eq!(std::fs::read(notes_beside(&db)).unwrap(), notes_before);
}

#[test]
fn a_full_disk_at_the_checkpoint_keeps_the_import_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let Some(small) = Mounted::tmpfs(&dir.path().join("small"), "48m") else {
        return;
    };
    let db = small.0.join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
    let docs = generated(dir.path(), 2000);
    let filler = small.0.join("filler");
    let out = run(esf(&db)
        .arg("import")
        .arg(&docs)
        .env("ESF_TEST_FILL_BEFORE_CHECKPOINT", &filler));
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the import is saved: {said}");
    assert!(said.contains("the import is saved, but its log"), "{said}");
    assert!(said.contains("the disk is full"), "{said}");
    let found = said.split(" projects in the cache").next().unwrap();
    let reported: i64 = found.rsplit('\n').next().unwrap().trim().parse().unwrap();
    assert!(reported > 2000, "{said}");
    assert_eq!(count(&db, "projects"), reported, "the cache reads right");
    // Space again: the next import empties the log.
    std::fs::remove_file(&filler).unwrap();
    let out = run(esf(&db).arg("import").arg(corpus()));
    assert!(out.status.success());
    let log = std::fs::metadata(small.0.join("cache.sqlite-wal"))
        .unwrap()
        .len();
    assert_eq!(log, 0, "the log was emptied");
}

/// Writes to `path` until the file system is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
}

#[test]
fn a_read_only_cache_folder_is_read_and_named_when_written() {
    let dir = tempfile::tempdir().unwrap();
    let Some(shared) = Mounted::tmpfs(&dir.path().join("shared"), "16m") else {
        return;
    };
    let db = shared.0.join("cache.sqlite");
    assert!(run(esf(&db).arg("import").arg(corpus())).status.success());
    shared.read_only();
    let listed = run(esf(&db).arg("list"));
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(listed.status.success(), "{said}");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("effektbutiken"));
    let out = run(esf(&db).arg("import").arg(corpus()));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains(&shared.0.display().to_string()),
        "names it: {said}"
    );
    assert!(said.contains("read-only"), "{said}");
    assert_eq!(said.lines().count(), 1, "one clear line: {said}");
}
