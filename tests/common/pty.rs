//! The real binary in a pseudo-terminal, seen through a terminal emulator.

use portable_pty::CommandBuilder;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Screen {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Screen {
    pub fn watch(mut reader: Box<dyn Read + Send>, rows: u16, cols: u16) -> Screen {
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

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {what:?}; screen:\n{}", self.text());
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }
}

pub fn wait_exit(child: &mut (dyn portable_pty::Child + Send + Sync)) -> portable_pty::ExitStatus {
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
pub fn assert_cooked(slave: &(dyn portable_pty::SlavePty + Send), screen: &Screen) {
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

/// A new pseudo-terminal of 80×24.
pub fn terminal_80x24() -> portable_pty::PtyPair {
    portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

/// `esf` running in a pseudo-terminal of its own.
pub struct Session {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub screen: Screen,
    pub keys: Box<dyn std::io::Write + Send>,
    pub master: Box<dyn portable_pty::MasterPty + Send>,
    pub slave: Box<dyn portable_pty::SlavePty + Send>,
}

/// Starts the browser over the cache `db` at 80×24, with extra variables.
pub fn start(db: &std::path::Path, env: &[(&str, &str)]) -> Session {
    let cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    let config = db.parent().unwrap().to_str().unwrap();
    let mut all = vec![("XDG_CONFIG_HOME", config)];
    all.extend_from_slice(env);
    start_command(cmd, db, &all)
}

/// Starts `cmd` (the browser, in a folder of its own, or run through
/// another program) over the cache `db` at 80×24: in English, in an xterm,
/// with no config, then the variables of `env`.
pub fn start_command(
    mut cmd: CommandBuilder,
    db: &std::path::Path,
    env: &[(&str, &str)],
) -> Session {
    let pair = terminal_80x24();
    cmd.env("ESF_LANG", "en");
    cmd.env("ESF_DB", db);
    cmd.env("ESF_NOTES", db.with_file_name("notes.sqlite"));
    cmd.env("XDG_CONFIG_HOME", "/nonexistent");
    cmd.env("TERM", "xterm-256color");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let child = pair.slave.spawn_command(cmd).unwrap();
    let screen = Screen::watch(pair.master.try_clone_reader().unwrap(), 24, 80);
    let keys = pair.master.take_writer().unwrap();
    Session {
        child,
        screen,
        keys,
        master: pair.master,
        slave: pair.slave,
    }
}

impl Session {
    /// The terminal is as the shell left it: main screen, cursor shown,
    /// line editing on.
    pub fn assert_restored(&self) {
        std::thread::sleep(Duration::from_millis(200));
        {
            let parser = self.screen.parser.lock().unwrap();
            assert!(
                !parser.screen().alternate_screen(),
                "left the alternate screen"
            );
            assert!(!parser.screen().hide_cursor(), "cursor shown again");
        }
        assert_cooked(&*self.slave, &self.screen);
    }
}

/// Sends `signal` (by name: TERM, TSTP, …) to the process `pid`.
pub fn kill(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
