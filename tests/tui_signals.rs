//! Signals to the real binary in a pseudo-terminal: every signal that ends
//! it gives the terminal back as it was, and a suspend (SIGTSTP or
//! `Ctrl-z`) gives it back until SIGCONT, which takes it again and redraws
//! the whole screen.

mod common;

use common::pty::{kill, wait_exit, Session};
use std::io::Write;
use std::time::{Duration, Instant};

/// The process state letter of /proc/PID/stat (`T` when stopped).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 1..];
    after_name.trim_start().chars().next().unwrap()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "never {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Line editing and echo on the terminal, as the pty's own termios says.
fn cooked(s: &Session) -> bool {
    let termios = s.master.get_termios().unwrap();
    let flags = termios.local_flags.bits();
    flags & libc::ICANON != 0 && flags & libc::ECHO != 0
}

/// What the terminal was sent from byte `from` on.
fn sent_since(s: &Session, from: usize) -> String {
    String::from_utf8_lossy(&s.screen.raw.lock().unwrap()[from..]).into_owned()
}

fn sent_so_far(s: &Session) -> usize {
    s.screen.raw.lock().unwrap().len()
}

#[test]
fn every_ending_signal_restores_the_terminal_and_exits_with_128_plus_it() {
    for (signal, number) in [
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
        ("HUP", 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
        s.screen.wait_for("5/5 projects");
        let from = sent_so_far(&s);
        kill(s.child.process_id().unwrap(), signal);
        let status = wait_exit(&mut *s.child);
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
        s.assert_restored();
        let sent = sent_since(&s, from);
        for (sequence, what) in [
            ("\u{1b}[?1000l", "mouse reporting off"),
            ("\u{1b}[?1049l", "the alternate screen left"),
            ("\u{1b}[?25h", "the cursor shown"),
        ] {
            assert!(sent.contains(sequence), "SIG{signal}: {what}");
        }
    }
}

/// Whether the main thread of `pid` is blocked in a write.
fn writing(pid: u32) -> bool {
    let call = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/syscall"));
    call.is_ok_and(|c| c.split_whitespace().next() == Some(&libc::SYS_write.to_string()))
}

#[test]
fn a_signal_while_a_frame_is_stuck_on_a_stalled_link_still_restores_and_ends() {
    // The terminal stops reading (a stalled SSH link): the browser's
    // frames fill its buffer until a write blocks, holding std's stdout
    // lock. SIGTERM must still give the terminal its modes back and end
    // the browser, not wait on that lock for ever.
    let dir = tempfile::tempdir().unwrap();
    let s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    let pid = s.child.process_id().unwrap();
    let mut s = s;
    let stalled = s.screen.parser.lock().unwrap(); // the reader stops here
    let mut wide = false;
    wait_until("a frame stuck writing", || {
        // Each resize draws the whole screen anew.
        wide = !wide;
        let size = portable_pty::PtySize {
            rows: if wide { 40 } else { 24 },
            cols: if wide { 120 } else { 80 },
            pixel_width: 0,
            pixel_height: 0,
        };
        s.master.resize(size).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        writing(pid)
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(writing(pid), "still stuck");
    kill(pid, "TERM");
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 128 + 15);
    assert!(cooked(&s), "line editing and echo back");
    drop(stalled);
}

/// The browser started from an interactive shell with job control (and
/// no line editor of its own): the shell and its session, the browser's
/// process id.
fn browser_in_a_shell(dir: &std::path::Path) -> (Session, u32) {
    let mut shell = portable_pty::CommandBuilder::new("bash");
    shell.args(["--norc", "--noprofile", "--noediting", "-i"]);
    let env = [("PS1", "$ "), ("XDG_CONFIG_HOME", "/nonexistent")];
    let s = common::pty::start_command(shell, &dir.join("cache.sqlite"), &env);
    s.screen.wait_for("$");
    let esf = env!("CARGO_BIN_EXE_esf");
    let mut s = s;
    s.keys.write_all(format!("{esf}\r").as_bytes()).unwrap();
    s.screen.wait_for("5/5 projects");
    let pid = child_of(s.child.process_id().unwrap());
    (s, pid)
}

/// Stops the browser, started from a shell, with `stop`, checks the
/// terminal is the shell's while it is stopped, brings it back with `fg`
/// and checks it drew everything again.
fn suspend_and_continue(stop: impl FnOnce(&mut Session, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, pid) = browser_in_a_shell(dir.path());
    assert!(!cooked(&s), "raw mode while it runs");
    let from = sent_so_far(&s);
    stop(&mut s, pid);
    wait_until("stopped", || state(pid) == 'T');
    s.screen.wait_for("Stopped");
    {
        let parser = s.screen.parser.lock().unwrap();
        assert!(!parser.screen().alternate_screen(), "the shell's screen");
        assert!(!parser.screen().hide_cursor(), "the cursor shown");
        assert!(!parser.screen().contents().contains("5/5 projects"));
    }
    let sent = sent_since(&s, from);
    assert!(sent.contains("\u{1b}[?1000l"), "mouse reporting off");
    assert!(cooked(&s), "line editing and echo back while stopped");
    assert_eq!(state(pid), 'T', "still stopped");

    let from = sent_so_far(&s);
    s.keys.write_all(b"fg\r").unwrap();
    assert_taken_again_and_redrawn(&s, from);
    // And it works as before.
    s.keys.write_all(b"q").unwrap();
    wait_until("esf ended", || {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
    s.screen.wait_for("$");
    assert!(cooked(&s), "line editing and echo back after it ends");
    s.keys.write_all(b"exit\r").unwrap();
    wait_exit(&mut *s.child);
}

/// Since byte `from`, the browser took the terminal again (alternate
/// screen, raw mode, mouse on) and drew the whole screen anew, not only
/// what changed: the title, every project of the list and the key hints.
fn assert_taken_again_and_redrawn(s: &Session, from: usize) {
    wait_until("back on the alternate screen", || {
        s.screen.parser.lock().unwrap().screen().alternate_screen()
    });
    s.screen.wait_for("5/5 projects");
    wait_until("raw mode again", || !cooked(s));
    wait_until("drawn again", || {
        let sent = sent_since(s, from);
        [
            "Projects 5/5",
            "effektbutiken",
            "22-002-S07",
            "5/5 projects",
        ]
        .iter()
        .all(|drawn| sent.contains(drawn))
    });
    assert!(
        sent_since(s, from).contains("\u{1b}[?1000h"),
        "mouse reporting on again"
    );
}

#[test]
fn sigtstp_gives_the_terminal_back_and_fg_takes_it_again_redrawn() {
    suspend_and_continue(|_, pid| kill(pid, "TSTP"));
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again_redrawn() {
    suspend_and_continue(|s, _| s.keys.write_all(b"\x1a").unwrap());
}

#[test]
fn ctrl_z_with_no_shell_to_continue_it_leaves_the_browser_running_redrawn() {
    // Started in a session of its own (as `tmux new esf` or `ssh -t host
    // esf` start it), the browser's process group is orphaned: the kernel
    // drops a stop there, and a SIGSTOP would freeze it for good.
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    let pid = s.child.process_id().unwrap();
    for stop in [b"\x1a".as_slice(), b"\x1a"] {
        let from = sent_so_far(&s);
        s.keys.write_all(stop).unwrap();
        wait_until("the terminal given back", || {
            sent_since(&s, from).contains("\u{1b}[?1049l")
        });
        assert_taken_again_and_redrawn(&s, from);
        for _ in 0..10 {
            assert_ne!(state(pid), 'T', "never stopped");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // And it works as before.
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
    s.assert_restored();
}

/// The esf a shell started (the shell's only child).
fn child_of(shell: u32) -> u32 {
    let mut found = String::new();
    wait_until("esf started", || {
        found = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .unwrap_or_default();
        !found.trim().is_empty()
    });
    found.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn in_a_shell_ctrl_z_stops_bg_keeps_it_stopped_and_fg_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = portable_pty::CommandBuilder::new("bash");
    shell.args(["--norc", "--noprofile", "-i"]);
    let env = [("PS1", "$ "), ("XDG_CONFIG_HOME", "/nonexistent")];
    let mut s = common::pty::start_command(shell, &dir.path().join("cache.sqlite"), &env);
    s.screen.wait_for("$");
    let esf = env!("CARGO_BIN_EXE_esf");
    s.keys.write_all(format!("{esf}\r").as_bytes()).unwrap();
    s.screen.wait_for("5/5 projects");
    let pid = child_of(s.child.process_id().unwrap());

    s.keys.write_all(b"\x1a").unwrap();
    wait_until("stopped", || state(pid) == 'T');
    s.screen.wait_for("Stopped");
    // In the background it cannot take the terminal: it waits, stopped.
    s.keys.write_all(b"bg\r").unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(state(pid), 'T', "stopped while in the background");
    let from = sent_so_far(&s);
    s.keys.write_all(b"fg\r").unwrap();
    wait_until("back on the alternate screen", || {
        s.screen.parser.lock().unwrap().screen().alternate_screen()
    });
    s.screen.wait_for("5/5 projects");
    assert!(
        sent_since(&s, from).contains("effektbutiken"),
        "drawn again"
    );
    s.keys.write_all(b"q").unwrap();
    wait_until("esf ended", || {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
    s.keys.write_all(b"exit\r").unwrap();
    wait_exit(&mut *s.child);
}
