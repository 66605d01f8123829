//! Reading and parsing on every core while one thread writes.

use super::read::{read_input, Outcome};
use super::Input;
use crate::ingest::lists::{ListPart, ListReader};
use crate::store::DocMeta;
use crate::store::{Known, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Rows of a list read and written a chunk at a time: the writing of one
/// goes on while the next is read.
const LIST_CHUNK: usize = 2_048;

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
                let sent = match read_input(input, known) {
                    Outcome::List(list) => send_list(&sender, index, *list),
                    outcome => sender.send((index, outcome)).is_ok(),
                };
                if !sent {
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

/// Hands the list over at once and its rows as they are read; false when
/// nothing takes them any more.
fn send_list(
    sender: &mpsc::SyncSender<(usize, Outcome)>,
    index: usize,
    (meta, reader): (DocMeta, ListReader),
) -> bool {
    let (rows, taken) = mpsc::sync_channel(2);
    let head = Box::new((meta, reader.head.clone()));
    if sender
        .send((index, Outcome::ListRows(head, taken)))
        .is_err()
    {
        return false;
    }
    // One thread reads: the others write the rows and work out their
    // records, and the writing is what the import waits for.
    let skipped = reader.read(LIST_CHUNK, 1, &mut |chunk| {
        rows.send(ListPart::Rows(chunk)).is_ok()
    });
    rows.send(ListPart::End(skipped)).is_ok()
}
