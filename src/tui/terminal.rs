//! Terminal setup and restore on every way out: normal quit, error, panic
//! (restored in the hook, before the message), SIGTERM and SIGHUP (a
//! signal thread restores and exits with 128 + signal). Restoring never
//! panics: errors are ignored, since a dropped SSH link has no terminal.

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Mouse reporting: buttons and wheel in SGR form, no motion events (they
/// would wake the program, and an SSH link, for nothing).
const MOUSE_ON: &str = "\u{1b}[?1000h\u{1b}[?1006h";
const MOUSE_OFF: &str = "\u{1b}[?1006l\u{1b}[?1000l";

/// Restores the terminal when dropped, however the browser ends.
pub struct Guard {
    pub terminal: Tui,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

pub fn setup(mouse: bool) -> std::io::Result<Guard> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = std::io::stdout();
    // Bracketed paste: a paste arrives as one text, never as keys.
    execute!(out, EnterAlternateScreen, EnableBracketedPaste, Hide)?;
    if mouse {
        out.write_all(MOUSE_ON.as_bytes())?;
        out.flush()?;
    }
    let (width, height) = crossterm::terminal::size()?;
    let options = TerminalOptions {
        viewport: Viewport::Fixed(drawn_area(width, height)),
    };
    let terminal = Terminal::with_options(CrosstermBackend::new(std::io::stdout()), options)?;
    Ok(Guard { terminal })
}

/// The largest screen drawn: a window of 65535×65535 would need hundreds
/// of gigabytes of cells; beyond this the rest of the window stays blank.
pub const MAX_COLUMNS: u16 = 1000;
pub const MAX_ROWS: u16 = 400;

/// The part of a window of `width` × `height` that is drawn.
pub fn drawn_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_COLUMNS), height.min(MAX_ROWS))
}

/// Follows a resize of the window, within the drawn maximum.
pub fn resize(terminal: &mut Tui, width: u16, height: u16) -> std::io::Result<()> {
    let area = drawn_area(width, height);
    if terminal.get_frame().area() != area {
        terminal.resize(area)?;
    }
    Ok(())
}

/// Leaves raw mode and the alternate screen and shows the cursor, once.
/// Safe to call from a panic hook or a signal thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = std::io::stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = queue!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// SIGTERM and SIGHUP end the browser from a thread of their own, since
/// the input loop may be blocked on (or spinning over) a dead terminal.
pub fn watch_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
