//! What the browser writes to the terminal, a frame at a time: a frame is
//! kept until it is whole and then written in one synchronized update, or
//! not at all when it changes nothing on screen (a frame drawn because
//! related projects arrived below the pane's edge is colour resets and a
//! hidden cursor hidden again: 44 bytes for nothing, over SSH).
//! Outside a frame, what is written goes straight to standard output.

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::cell::RefCell;
use std::io::{self, Write};

const HIDE: &[u8] = b"\x1b[?25l";
const SHOW: &[u8] = b"\x1b[?25h";

/// The terminal's writer: a frame between [`begin`] and [`end`] is kept
/// (on the drawing thread), anything else goes straight out.
#[derive(Default)]
pub struct FrameOut;

#[derive(Default)]
struct Frame {
    bytes: Vec<u8>,
    open: bool,
    /// The terminal's cursor was last told to hide.
    hidden: bool,
}

thread_local! {
    static FRAME: RefCell<Frame> = RefCell::new(Frame::default());
}

/// What is written from now on is kept until [`end`].
pub fn begin() {
    FRAME.with_borrow_mut(|f| {
        f.bytes.clear();
        f.open = true;
    });
}

/// Writes the frame, unless it changes nothing on screen.
pub fn end() -> io::Result<()> {
    FRAME.with_borrow_mut(|f| {
        f.open = false;
        if !changes_anything(&f.bytes, f.hidden) {
            return Ok(());
        }
        f.hidden = cursor_hidden(&f.bytes).unwrap_or(f.hidden);
        let mut out = io::stdout().lock();
        crossterm::queue!(out, BeginSynchronizedUpdate)?;
        out.write_all(&f.bytes)?;
        crossterm::execute!(out, EndSynchronizedUpdate)
    })
}

impl Write for FrameOut {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let kept =
            FRAME.with_borrow_mut(|f| f.open.then(|| f.bytes.extend_from_slice(bytes)).is_some());
        match kept {
            true => Ok(bytes.len()),
            false => io::stdout().write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match FRAME.with_borrow(|f| f.open) {
            true => Ok(()),
            false => io::stdout().flush(),
        }
    }
}

/// Anything but colour and attribute changes (`ESC [ … m`), and hiding a
/// cursor that is hidden, changes the screen.
fn changes_anything(frame: &[u8], hidden: bool) -> bool {
    let mut rest = frame;
    while !rest.is_empty() {
        if hidden && rest.starts_with(HIDE) {
            rest = &rest[HIDE.len()..];
            continue;
        }
        match sgr_len(rest) {
            Some(n) => rest = &rest[n..],
            None => return true,
        }
    }
    false
}

/// The length of the `ESC [ digits;… m` at the start of `bytes`.
fn sgr_len(bytes: &[u8]) -> Option<usize> {
    let params = bytes.strip_prefix(b"\x1b[")?;
    let n = params
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    (params.get(n) == Some(&b'm')).then_some(2 + n + 1)
}

/// Whether the frame leaves the cursor hidden (its last word on it).
fn cursor_hidden(frame: &[u8]) -> Option<bool> {
    let last = |seq: &[u8]| frame.windows(seq.len()).rposition(|w| w == seq);
    match (last(HIDE), last(SHOW)) {
        (Some(h), Some(s)) => Some(h > s),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESETS: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m";

    #[test]
    fn only_resets_and_a_hidden_cursor_hidden_again_change_nothing() {
        let nothing = [RESETS, HIDE].concat();
        assert!(!changes_anything(&nothing, true));
        assert!(changes_anything(&nothing, false), "the cursor is hidden");
        assert!(!changes_anything(b"", false));
        let cell = [b"\x1b[3;2H".as_slice(), b"x", RESETS, HIDE].concat();
        assert!(changes_anything(&cell, true));
        let shown = [RESETS, SHOW, b"\x1b[5;9H".as_slice()].concat();
        assert!(changes_anything(&shown, true));
        assert!(changes_anything(b"\x1b[2J", true));
        assert!(changes_anything(b"m", true), "text");
    }

    #[test]
    fn the_cursor_is_as_the_frame_last_said() {
        assert_eq!(cursor_hidden(&[SHOW, HIDE].concat()), Some(true));
        assert_eq!(cursor_hidden(&[HIDE, SHOW].concat()), Some(false));
        assert_eq!(cursor_hidden(RESETS), None);
    }

    #[test]
    fn a_frame_is_kept_until_its_end() {
        begin();
        FrameOut.write_all(RESETS).unwrap();
        FrameOut.flush().unwrap();
        assert_eq!(FRAME.with_borrow(|f| f.bytes.clone()), RESETS, "kept");
        end().unwrap();
        assert!(!FRAME.with_borrow(|f| f.open), "ended, unwritten");
    }
}
