//! Terminal setup and restore on every way out: normal quit, error, panic
//! (restored in the hook, before the message), and every signal that would
//! end the process and can be caught (a signal thread restores and exits
//! with 128 + signal). `Ctrl-z` and SIGTSTP restore the terminal, stop the
//! process, and on `fg` set the terminal up again and have the loop redraw
//! the whole screen. Restoring never panics: errors are ignored, since a
//! dropped SSH link has no terminal.
//!
//! Setting up and restoring hold one lock from start to end, so a signal
//! that comes while the main thread restores waits for it to finish
//! before the process exits. They write straight to the terminal
//! (`write(2)` once it can take the bytes, never std's locked stdout): a
//! frame stuck on a stalled SSH link holds that lock, and must not keep a
//! signal from restoring the terminal and ending the process.

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::Command as _;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Stdout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Mouse reporting was asked for (set up again after a suspend).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// The terminal was set up again after a suspend: the loop must clear it
/// and draw everything.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Held while a frame is drawn and while the process is suspended, so no
/// frame lands on the shell's screen.
static SCREEN: Mutex<()> = Mutex::new(());
/// Held from the start to the end of setting the terminal up or restoring
/// it, so neither is ever seen half done.
static MODES: Mutex<()> = Mutex::new(());

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
    MOUSE.store(mouse, Ordering::SeqCst);
    enter()?;
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

/// Raw mode, the alternate screen, bracketed paste (a paste arrives as
/// one text, never as keys), no cursor, and the mouse if asked for.
fn enter() -> std::io::Result<()> {
    let _modes = hold(&MODES);
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut sequences = String::new();
    let _ = EnterAlternateScreen.write_ansi(&mut sequences);
    let _ = EnableBracketedPaste.write_ansi(&mut sequences);
    let _ = Hide.write_ansi(&mut sequences);
    if MOUSE.load(Ordering::SeqCst) {
        sequences.push_str(MOUSE_ON);
    }
    write_to_terminal(sequences.as_bytes())
}

/// A lock, also when a thread panicked holding it.
fn hold(lock: &'static Mutex<()>) -> MutexGuard<'static, ()> {
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// How long the terminal may take to accept a few bytes before they are
/// given up: a stalled link never holds up a restore or an exit.
const WRITE_WAIT_MS: i32 = 500;

/// Writes `bytes` to the terminal (standard output) directly, as long as
/// it takes them within [`WRITE_WAIT_MS`] each time.
fn write_to_terminal(mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        let mut ready = libc::pollfd {
            fd: libc::STDOUT_FILENO,
            events: libc::POLLOUT,
            revents: 0,
        };
        // SAFETY: one valid pollfd, and the count says one.
        match unsafe { libc::poll(&mut ready, 1, WRITE_WAIT_MS) } {
            1.. if ready.revents & libc::POLLOUT != 0 => {}
            -1 if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => {
                continue
            }
            -1 => return Err(std::io::Error::last_os_error()),
            _ => return Err(std::io::ErrorKind::TimedOut.into()),
        }
        // SAFETY: the pointer and length are those of a live slice.
        let written =
            unsafe { libc::write(libc::STDOUT_FILENO, bytes.as_ptr().cast(), bytes.len()) };
        match written {
            n if n > 0 => bytes = &bytes[n as usize..],
            -1 if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => {}
            -1 => return Err(std::io::Error::last_os_error()),
            _ => return Err(std::io::ErrorKind::WriteZero.into()),
        }
    }
    Ok(())
}

/// Is the terminal set up for the browser (not restored, not suspended)?
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// The screen, for one frame: a suspend waits for the frame to end.
pub fn hold_screen() -> MutexGuard<'static, ()> {
    hold(&SCREEN)
}

/// True once after the terminal was set up again: clear and draw it all.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Clears the screen and forgets what was drawn, so the next frame is
/// drawn whole. (`Terminal::clear` would first ask the terminal where its
/// cursor is, a round trip over SSH that not every terminal answers.)
pub fn forget_screen(terminal: &mut Tui) -> std::io::Result<()> {
    let area = terminal.get_frame().area();
    terminal.resize(area)
}

/// Leaves raw mode and the alternate screen and shows the cursor, once.
/// Safe to call from a panic hook or a signal thread.
pub fn restore() {
    leave();
}

/// Restores the terminal; false when it was not set up. A signal that
/// comes meanwhile waits for the lock, so it finds it restored.
fn leave() -> bool {
    let _modes = hold(&MODES);
    if !ACTIVE.load(Ordering::SeqCst) {
        return false;
    }
    let mut sequences = String::from(MOUSE_OFF);
    let _ = DisableBracketedPaste.write_ansi(&mut sequences);
    let _ = LeaveAlternateScreen.write_ansi(&mut sequences);
    let _ = Show.write_ansi(&mut sequences);
    let _ = write_to_terminal(sequences.as_bytes());
    let _ = disable_raw_mode();
    ACTIVE.store(false, Ordering::SeqCst);
    true
}

/// Stops the process as SIGTSTP would, the terminal restored for the
/// shell; on `fg` (SIGCONT) sets it up again and asks for a full redraw.
/// A process continued in the background stops again (SIGTTOU, left at its
/// default) as it takes the terminal back, until it is in the foreground.
/// With no shell to continue it (an orphaned process group: `tmux new
/// esf`, `ssh -t host esf`) the kernel drops the stop, and the browser
/// takes the terminal back at once and redraws.
pub fn suspend() {
    let _screen = hold_screen();
    let was_active = leave();
    stop_as_sigtstp_would();
    if was_active && enter().is_ok() {
        REDRAW.store(true, Ordering::SeqCst);
        // Wakes the loop, which is waiting for input, with the window's
        // size (it may have changed meanwhile).
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
    }
}

/// Raises SIGTSTP with its default action, then puts the handler back.
/// Not SIGSTOP: the kernel stops an orphaned process group for that too,
/// and nothing would ever continue it.
fn stop_as_sigtstp_would() {
    // SAFETY: sigaction with a zeroed action set to SIG_DFL, and the
    // previous action (signal-hook's handler) put back as it was.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return;
        }
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Signals whose default is to end the process, and that can be caught.
/// SIGPIPE is not among them: Rust ignores it, and a write to a closed
/// terminal is an error the loop ends on.
pub const ENDING: [i32; 7] = {
    use signal_hook::consts::*;
    [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM]
};

/// Signals are handled on a thread of their own, since the input loop may
/// be blocked on (or spinning over) a dead terminal: an ending signal
/// restores the terminal and exits with 128 + signal; SIGTSTP suspends.
pub fn watch_signals() -> std::io::Result<()> {
    use signal_hook::consts::SIGTSTP;
    let mut signals = signal_hook::iterator::Signals::new(ENDING.iter().chain(&[SIGTSTP]))?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                suspend();
            } else {
                restore();
                std::process::exit(128 + signal);
            }
        }
    });
    Ok(())
}
