//! A long table written on a thread of its own while its rows are made
//! on the caller's: at a million rows, aligning, cleaning and writing them
//! is about half the work, and a second core does it meanwhile.

use super::{styled, terminal_width};
use crate::present::table::Table;
use std::io::Write;

/// Rows handed over at a time.
const BATCH: usize = 1024;

type Rows = Vec<anyhow::Result<Vec<String>>>;

/// Writes `table` and then `rows` to standard output as
/// [`Table::stream`] does; returns the rows written. `rows` runs on this
/// thread and stops at its first error or when the output is closed.
pub fn stream(
    table: Table,
    rows: impl Iterator<Item = anyhow::Result<Vec<String>>>,
) -> anyhow::Result<usize> {
    let (width, bold) = (terminal_width(), styled());
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Rows>(4);
        let writer = scope.spawn(move || -> anyhow::Result<usize> {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let written = table.stream(width, bold, receive.into_iter().flatten(), &mut out)?;
            out.flush()?;
            Ok(written)
        });
        let mut batch = Vec::with_capacity(BATCH);
        for row in rows {
            let failed = row.is_err();
            batch.push(row);
            if batch.len() == BATCH || failed {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                // The writer stopped (its error is the one to tell).
                if send.send(full).is_err() || failed {
                    break;
                }
            }
        }
        if !batch.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}
