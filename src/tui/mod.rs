//! The terminal browser: list, detail and help panes over the cache.
//!
//! Every key, paste, resize and worker's arrival is a message (`msg`); the
//! state (`state`) updates and gives back effects (`effect`), which the
//! shell (`app`) runs, the only code that reads the cache or the notes;
//! what they give comes back as messages. The views (`view`) draw from the
//! state. The loop blocks on input, handles every event already waiting
//! before it draws (so fast typing never queues frames), takes in what the
//! workers sent, and draws only when the state changed, inside a
//! synchronized update.

pub mod app;
pub mod clipboard;
pub mod config;
pub mod detail_lines;
pub mod effect;
pub mod export_prompt;
pub mod facet_picker;
mod frame_out;
pub mod graph_state;
pub mod help;
pub mod history;
pub mod hits;
pub mod keymap;
pub mod layout;
pub mod line_edit;
pub mod msg;
pub mod note_editor;
pub mod notice;
pub mod org_list;
pub mod review;
pub mod selection;
pub mod state;
pub mod stats_screen;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

pub use app::text_search;
use app::{App, Exit};
use config::Config;
use crossterm::event;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// Runs the browser until the user quits; returns the exit status.
pub fn run(
    store: crate::store::Store,
    config: Config,
    reviews: review::Reviews,
    unseen: Option<crate::model::Unseen>,
    notice: Option<String>,
) -> anyhow::Result<ExitCode> {
    let mouse = config.mouse;
    let mut app = App::starting(store, config.keys.clone())?;
    crate::store::profile::mark("browser: first screen of projects read");
    app.set_reviews(reviews);
    given(&mut app.state, config, unseen, notice);
    terminal::watch_signals()?;
    let mut guard = terminal::setup(mouse)?;
    let size = guard.terminal.get_frame().area();
    app.state.size = (size.width, size.height);
    draw(&mut guard.terminal, &mut app)?;
    crate::store::profile::mark("browser: first frame drawn");
    app::first_frame::drawn();
    let exit = loop {
        let mut changed = false;
        if input_ready(&app)? {
            changed |= app.handle(event::read()?);
            while app.state.exit.is_none() && more_input()? {
                changed |= app.handle(event::read()?);
            }
        }
        changed |= app.receive();
        terminal::resize(&mut guard.terminal, app.state.size.0, app.state.size.1)?;
        flush_outbox(&mut app)?;
        if let Some(exit) = app.state.exit {
            break exit;
        }
        if std::mem::take(&mut app.state.suspend) {
            terminal::suspend();
        }
        if terminal::take_redraw() {
            // Back from a suspend: the screen is the shell's, draw it all.
            terminal::forget_screen(&mut guard.terminal)?;
            changed = true;
        }
        if changed {
            // The keystroke shows at once; the results follow.
            draw(&mut guard.terminal, &mut app)?;
        }
        // A key typed while the filter runs stops it: the key shows first.
        let key_waiting = || more_input().unwrap_or(false);
        if app.run_pending_filter(&key_waiting) {
            draw(&mut guard.terminal, &mut app)?;
        }
    };
    drop(guard);
    // A million small allocations take half a second to free, and the
    // process ends now anyway.
    std::mem::forget(std::mem::take(&mut app.state.catalogue));
    Ok(match exit {
        Exit::Quit => ExitCode::SUCCESS,
        Exit::Interrupted => ExitCode::from(130),
    })
}

/// What the command gives the browser to start with: the config's
/// markers and problems, what imports changed, a word to say.
fn given(
    state: &mut state::State,
    config: Config,
    unseen: Option<crate::model::Unseen>,
    notice: Option<String>,
) {
    if let Some(unseen) = unseen {
        state.set_changes(unseen.cache_id, unseen.changes);
    }
    if let Some(notice) = notice {
        state.status.say(state::Notice::Said(notice));
    }
    state.config_problems = config.problems;
    state.markers = config.markers;
    state.list.defer_filtering = true;
}

/// Is more input waiting? Asked with a wait of 0.1 ms, not none: with a
/// zero timeout crossterm's tty source never looks at keys it has already
/// read, so a burst of keys came one per loop, each filtered on its own
/// (echo of "inkl" typed at once at a million projects: 4.9 s).
fn more_input() -> std::io::Result<bool> {
    event::poll(Duration::from_micros(100))
}

/// Blocks for input, or while projects load or related projects are found,
/// waits a little for it so what came can be shown.
fn input_ready(app: &App) -> std::io::Result<bool> {
    if app.state.is_waiting() {
        event::poll(Duration::from_millis(50))
    } else {
        Ok(true)
    }
}

fn draw(terminal: &mut terminal::Tui, app: &mut App) -> std::io::Result<()> {
    let _screen = terminal::hold_screen();
    if !terminal::is_active() {
        // Suspended: the whole screen is drawn on the way back.
        return Ok(());
    }
    app.prepare_frame();
    // Written whole in one synchronized update, or not at all when it
    // changes nothing on screen.
    frame_out::begin();
    let drawn = terminal.draw(|frame| {
        let state = &app.state;
        if !state.search.query.is_empty() && panic_in_draw_asked() {
            panic!("a panic inside a draw, as the test asked");
        }
        view::draw(frame, state, state.theme)
    });
    let written = frame_out::end();
    drawn?;
    written
}

/// The reliability tests' way to make a draw fail (read once, not per frame).
fn panic_in_draw_asked() -> bool {
    static ASKED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ASKED.get_or_init(|| std::env::var_os("ESF_TEST_PANIC_IN_DRAW").is_some())
}

/// Sequences meant for the terminal itself (clipboard).
fn flush_outbox(app: &mut App) -> std::io::Result<()> {
    if app.outbox.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout();
    for sequence in app.outbox.drain(..) {
        out.write_all(sequence.as_bytes())?;
    }
    out.flush()
}
