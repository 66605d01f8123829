//! The real binary in a pseudo-terminal: it filters, opens a project,
//! quits, and leaves the terminal as it found it.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Screen {
    fn watch(mut reader: Box<dyn Read + Send>, rows: u16, cols: u16) -> Screen {
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Screen { parser, raw }
    }

    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {what:?}; screen:\n{}", self.text());
    }

    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }
}

#[test]
fn filter_open_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.env("ESF_DB", dir.path().join("cache.sqlite"));
    cmd.env("XDG_CONFIG_HOME", dir.path());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let screen = Screen::watch(pair.master.try_clone_reader().unwrap(), 24, 80);
    let mut keys = pair.master.take_writer().unwrap();

    screen.wait_for("Projects 5/5");
    assert!(
        screen.text().contains("bundled sample corpus"),
        "the first run says what it did"
    );
    keys.write_all(b"/vellinge").unwrap();
    screen.wait_for("/ vellinge");
    keys.write_all(b"\r").unwrap();
    keys.write_all(b"\r").unwrap();
    screen.wait_for("Details");
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

fn wait_exit(child: &mut (dyn portable_pty::Child + Send + Sync)) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "esf did not exit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `stty -a` on the same terminal: line editing and echo are back on.
fn assert_cooked(slave: &(dyn portable_pty::SlavePty + Send), screen: &Screen) {
    let mut stty = CommandBuilder::new("stty");
    stty.arg("-a");
    let mut child = slave.spawn_command(stty).unwrap();
    wait_exit(&mut *child);
    std::thread::sleep(Duration::from_millis(200));
    let raw = screen.raw_text();
    let report = &raw[raw.rfind("speed").unwrap_or(0)..];
    assert!(
        report.contains(" icanon") && !report.contains("-icanon"),
        "{report}"
    );
    assert!(
        report.contains(" echo ") && !report.contains("-echo "),
        "{report}"
    );
}
