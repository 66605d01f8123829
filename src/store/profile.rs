//! With `ESF_PROFILE` set, an import, `esf list --filter` or the
//! browser's way to its first frame (standard error sent to a file)
//! writes to standard error when each of its phases ended, in seconds
//! from its start: where the time of a large import or list goes (the
//! profiles in docs/performance.md come from it). Nothing is written
//! otherwise.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Notes that `phase` has ended; the first call starts the clock.
pub fn mark(phase: &str) {
    let start = START.get_or_init(|| std::env::var_os("ESF_PROFILE").map(|_| Instant::now()));
    if let Some(start) = start {
        let seconds = start.elapsed().as_secs_f64();
        eprintln!("{seconds:>8.3} s  {phase}");
    }
}
