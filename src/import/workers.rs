//! Reading and parsing on every core while one thread writes.

use super::read::{read_input, Outcome};
use super::Input;
use crate::store::{Known, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Reads and parses on worker threads; `save` runs here, in input order of
/// completion. Stops early when `save` fails.
pub fn run_workers(
    inputs: &[Input],
    known: &Known,
    save: &mut dyn FnMut(usize, Outcome) -> Result<()>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<(usize, Outcome)>(256);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(index) else {
                    break;
                };
                if sender.send((index, read_input(input, known))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut done = 0;
        for (index, outcome) in receiver {
            save(index, outcome)?;
            done += 1;
            progress(done, inputs.len());
        }
        Ok(())
    })
}
