//! Helpers shared by the browser's tests.
#![allow(dead_code)]

pub mod pty;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use esf_browser::import::{ImportOptions, Input};
use esf_browser::store::{Notes, Store};
use esf_browser::tui::app::App;
use esf_browser::tui::keymap::KeyMap;
use esf_browser::tui::review::Reviews;
use esf_browser::tui::theme::Theme;
use esf_browser::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The `esf` binary over the cache `db` and the notes `notes`, with
/// English labels whatever the locale and no user config.
pub fn esf_over(db: &std::path::Path, notes: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_esf"));
    cmd.env("ESF_LANG", "en")
        .env("ESF_DB", db)
        .env("ESF_NOTES", notes)
        .env("XDG_CONFIG_HOME", "/nonexistent");
    cmd
}

/// The binary over the cache `db` and the notes beside it.
pub fn esf_beside(db: &std::path::Path) -> std::process::Command {
    esf_over(db, &db.with_file_name("notes.sqlite"))
}

/// Runs a command to its end; it must never have panicked.
pub fn run_checked(cmd: &mut std::process::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("panicked"), "{said}");
    out
}

/// The binary over a cache and notes of its own, in a temporary folder.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        let dir = self.dir.path();
        esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
            .args(args)
            .output()
            .unwrap()
    }

    /// Standard output of a run that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "esf {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

impl Cli {
    /// Standard output of a lookup that may find nothing: then its status
    /// is 1 and it prints nothing, or an empty JSON array.
    pub fn answer(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let text = String::from_utf8(out.stdout).unwrap();
        match out.status.code() {
            Some(0) => {}
            Some(1) => assert!(
                matches!(text.trim(), "" | "[]"),
                "esf {args:?}: 1 with {text}"
            ),
            other => panic!(
                "esf {args:?}: {other:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
        text
    }
}

/// An in-memory cache holding these inputs.
pub fn store_of(inputs: &[Input]) -> Store {
    let mut store = Store::in_memory().unwrap();
    esf_browser::import::import(
        &mut store,
        inputs,
        &ImportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    store
}

/// The browser over an in-memory cache holding the sample corpus.
pub fn sample_app(width: u16, height: u16) -> App {
    app_over(store_of(&Input::sample()), width, height)
}

pub fn app_over(store: Store, width: u16, height: u16) -> App {
    let mut app = App::new(store, KeyMap::default()).unwrap();
    app.set_reviews(Reviews::over(Notes::in_memory().unwrap()));
    app.state.theme = Theme { color: false };
    app.handle(Event::Resize(width, height));
    app
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types each character as a key press.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(key(KeyCode::Char(c)));
    }
}

/// Draws the app on a test terminal of its size.
pub fn draw(app: &mut App) -> Terminal<TestBackend> {
    app.prepare_frame();
    let (w, h) = app.state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = app.state.theme;
    terminal.draw(|f| view::draw(f, &app.state, theme)).unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &mut App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
