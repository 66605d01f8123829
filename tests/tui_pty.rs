//! The real binary in a pseudo-terminal: it filters, opens a project,
//! quits, and leaves the terminal as it found it.

mod common;

use common::pty::{assert_cooked, kill, wait_exit, Screen};
use portable_pty::CommandBuilder;
use std::io::{Read, Write};
use std::time::Duration;

#[test]
fn filter_open_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let pair = common::pty::terminal_80x24();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.env("ESF_LANG", "en");
    cmd.env("ESF_DB", dir.path().join("cache.sqlite"));
    cmd.env("XDG_CONFIG_HOME", dir.path());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let screen = Screen::watch(pair.master.try_clone_reader().unwrap(), 24, 80);
    let mut keys = pair.master.take_writer().unwrap();

    screen.wait_for("Projects 5/5");
    screen.wait_for("5/5 projects");
    // The message whole beside the counts, and help still in sight.
    screen.wait_for("? help");
    assert!(
        screen.text().contains("sample corpus, 5 projects"),
        "the first run says what it did"
    );
    assert!(
        screen.text().contains("esf import FOLDER"),
        "and how to add your own, whole at 80 columns"
    );
    keys.write_all(b"/vellinge").unwrap();
    screen.wait_for("/ vellinge");
    keys.write_all(b"\r").unwrap();
    keys.write_all(b"\r").unwrap();
    screen.wait_for("Details");
    // A frame may arrive in more than one read: wait for its end too.
    screen.wait_for("3 years");
    let shown = screen.text();
    assert!(
        shown.contains("Nya Vägar i Vellinge +") && shown.contains("22-002-S07"),
        "{shown}"
    );
    assert!(shown.contains("3 years"));
    keys.write_all(b"q").unwrap();

    let status = wait_exit(&mut *child);
    assert_eq!(status.exit_code(), 0);
    std::thread::sleep(Duration::from_millis(200));
    {
        let parser = screen.parser.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "left the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "cursor shown again");
    }
    let raw = screen.raw_text();
    assert!(
        raw.contains("\u{1b}[?2026h"),
        "frames in synchronized updates"
    );
    assert!(
        raw.contains("\u{1b}[?1000l"),
        "mouse reporting switched off"
    );
    assert_cooked(&*pair.slave, &screen);
}

#[test]
fn ctrl_c_and_sigterm_restore_the_terminal_and_say_how_it_ended() {
    for (how, code) in [("ctrl-c", 130), ("TERM", 143)] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
        s.screen.wait_for("5/5 projects");
        match how {
            "ctrl-c" => s.keys.write_all(b"\x03").unwrap(),
            signal => kill(s.child.process_id().unwrap(), signal),
        }
        let status = wait_exit(&mut *s.child);
        assert_eq!(status.exit_code(), code, "{how}");
        s.assert_restored();
    }
}

#[test]
fn a_panic_inside_a_draw_restores_the_terminal_before_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let mut s = common::pty::start(&db, &[("ESF_TEST_PANIC_IN_DRAW", "1")]);
    s.screen.wait_for("5/5 projects");
    s.keys.write_all(b"/x").unwrap();
    let status = wait_exit(&mut *s.child);
    assert_eq!(status.exit_code(), 101);
    std::thread::sleep(Duration::from_millis(300));
    let raw = s.screen.raw_text();
    let left = raw
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    let message = raw.find("as the test asked").expect("the panic message");
    assert!(left < message, "restored before the message");
    s.assert_restored();
}

#[test]
fn a_dropped_terminal_ends_the_browser_and_keeps_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let pair = common::pty::terminal_80x24();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.env("ESF_LANG", "en");
    cmd.env("ESF_DB", &db);
    cmd.env("XDG_CONFIG_HOME", dir.path());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("projects") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the browser never drew");
        seen.extend_from_slice(&buf[..n]);
    }
    // What a dropped SSH link does: every handle on the terminal's far end
    // closes.
    drop((reader, pair));
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while child.try_wait().unwrap().is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "still running 5 s after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_dumb_terminal_gets_the_plain_list_and_no_raw_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[("TERM", "dumb")]);
    let status = wait_exit(&mut *s.child);
    assert_eq!(status.exit_code(), 0);
    s.screen.wait_for("22-002-S07");
    assert!(s.screen.text().contains("needs a terminal"));
    let raw = s.screen.raw_text();
    assert!(!raw.contains("\u{1b}[?1049h"), "no alternate screen");
    s.assert_restored();
}

#[test]
fn a_burst_of_keys_is_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    // 5,000 steps then quit, in one write: the terminal must be read until
    // it is empty each time it is readable, or the quit waits for a key.
    let mut burst = vec![b'j'; 5000];
    burst.push(b'q');
    s.keys.write_all(&burst).unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
}

#[test]
fn enter_after_a_long_paste_is_taken_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    s.keys.write_all(b"/").unwrap();
    s.screen.wait_for("Enter keep");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 3000));
    paste.extend(b"\x1b[201~");
    s.keys.write_all(&paste).unwrap();
    s.screen.wait_for("xxx█");
    // Enter alone, no key after it: it must be taken now, not with the next.
    s.keys.write_all(b"\r").unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while s.screen.text().contains('█') {
        assert!(std::time::Instant::now() < deadline, "Enter never taken");
        std::thread::sleep(Duration::from_millis(50));
    }
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
}

#[test]
fn a_huge_window_is_drawn_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    for (rows, cols) in [(65535, 65535), (3000, 3000), (24, 80)] {
        let size = portable_pty::PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        s.master.resize(size).unwrap();
        std::thread::sleep(Duration::from_millis(500));
        assert!(
            s.child.try_wait().unwrap().is_none(),
            "alive at {cols}x{rows}"
        );
    }
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
    s.assert_restored();
}

#[test]
fn a_word_only_in_a_description_finds_its_project_with_the_words_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    // IPS is in no name or organisation: effektbutiken's description
    // first speaks of "Individual Placement and Support (IPS) för unga
    // vuxna", Nya Vägar's of "inslag av IPS".
    s.keys.write_all(b"/IPS").unwrap();
    s.screen.wait_for("2/5 projects");
    s.screen.wait_for("Support (IPS) för");
    s.screen.wait_for("inslag av IPS");
    let shown = s.screen.text();
    assert!(shown.contains("effektbutiken"), "{shown}");
    assert!(shown.contains("Nya Vägar"), "{shown}");
    assert!(shown.contains("text: …"), "{shown}");
    // Enter keeps the filter and leaves the box; q then quits.
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("f facets");
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
}
