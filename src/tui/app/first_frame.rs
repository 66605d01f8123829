//! Work that waits for the first frame. On two cores, reading a million
//! projects and comparing every organisation's projects on their threads
//! took the cores the first frame needed: it came after half a second
//! instead of tens of milliseconds.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

static DRAWN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// The longest a thread waits: a browser that never draws (a test's)
/// still gets its projects.
const LONGEST: Duration = Duration::from_millis(500);

/// The first frame is on the screen: what waits for it may start.
pub fn drawn() {
    let (lock, ready) = &DRAWN;
    if let Ok(mut drawn) = lock.lock() {
        *drawn = true;
    }
    ready.notify_all();
}

/// Returns once the first frame is drawn, or after [`LONGEST`].
pub fn wait() {
    let (lock, ready) = &DRAWN;
    if let Ok(drawn) = lock.lock() {
        let _ = ready.wait_timeout_while(drawn, LONGEST, |drawn| !*drawn);
    }
}
