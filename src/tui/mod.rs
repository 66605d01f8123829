//! The terminal browser: list, detail and help panes over the cache.
//!
//! The loop blocks on input, handles every event already waiting before it
//! draws (so fast typing never queues frames), and draws only when the
//! state changed, inside a synchronized update.

pub mod app;
mod browse;
pub mod clipboard;
pub mod config;
pub mod graph_state;
pub mod keymap;
pub mod layout;
pub mod org_list;
mod screens;
pub mod selection;
pub mod terminal;
pub mod theme;
pub mod view;
mod wrap;

use app::{App, Exit};
use config::Config;
use crossterm::event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// Runs the browser until the user quits; returns the exit status.
pub fn run(
    store: crate::store::Store,
    config: Config,
    notice: Option<String>,
) -> anyhow::Result<ExitCode> {
    let mut app = App::new(store, config.keys)?;
    app.message = notice;
    app.markers = config.markers;
    app.defer_filtering = true;
    terminal::watch_signals()?;
    let mut guard = terminal::setup(config.mouse)?;
    let size = guard.terminal.size()?;
    app.size = (size.width, size.height);
    draw(&mut guard.terminal, &mut app)?;
    let exit = loop {
        let mut changed = app.handle(event::read()?);
        while app.exit.is_none() && event::poll(Duration::ZERO)? {
            changed |= app.handle(event::read()?);
        }
        flush_outbox(&mut app)?;
        if let Some(exit) = app.exit {
            break exit;
        }
        if changed {
            // The keystroke shows at once; the results follow.
            draw(&mut guard.terminal, &mut app)?;
        }
        if app.run_pending_filter() {
            draw(&mut guard.terminal, &mut app)?;
        }
    };
    drop(guard);
    Ok(match exit {
        Exit::Quit => ExitCode::SUCCESS,
        Exit::Interrupted => ExitCode::from(130),
    })
}

fn draw(terminal: &mut terminal::Tui, app: &mut App) -> std::io::Result<()> {
    app.prepare_frame();
    let mut out = std::io::stdout();
    crossterm::queue!(out, BeginSynchronizedUpdate)?;
    terminal.draw(|frame| view::draw(frame, app, app.theme))?;
    crossterm::execute!(out, EndSynchronizedUpdate)?;
    Ok(())
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
