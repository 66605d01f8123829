//! `esf export`: the filtered projects as CSV, JSON or Markdown on
//! standard output; notes and contact persons only when asked for.

use super::list::{Listing, Query};
use super::Context;
use crate::cli::ExportFormat;
use crate::present::export::{self, Format, With};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// `esf export` from its arguments.
pub fn run_args(ctx: &Context, a: crate::cli::ExportArgs) -> anyhow::Result<ExitCode> {
    let query = Query::new(a.filter, &a.facets)?;
    let with = With {
        contacts: a.with_contacts,
        notes: a.with_notes,
    };
    let format = match (a.format, a.excel) {
        (ExportFormat::Csv, true) => Format::ExcelCsv,
        (_, true) => anyhow::bail!(crate::i18n::t("--excel goes with --format csv")),
        (format, false) => format.into(),
    };
    run(ctx, format, &query, with)
}

/// Writes each project as it is read, so memory stays flat however many
/// are exported (as `esf list --json` does).
pub fn run(ctx: &Context, format: Format, query: &Query, with: With) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let _snapshot = store.snapshot()?;
    let notes = with.notes || query.uses_notes();
    let listing = Listing::load(ctx, &store, notes, !query.facets.is_empty())?;
    let keys: Vec<&str> = listing
        .select(&store, query, None)?
        .into_iter()
        .map(|i| listing.cat.projects.key(i))
        .collect();
    let annotation = |key: &str| listing.annotations.get(key).cloned();
    let mut rows = keys.iter().filter_map(|key| {
        let record = store.record_of(key).transpose()?;
        Some(record.map_err(anyhow::Error::from).map(|record| {
            let row = export::rows(vec![record], with, &annotation).pop();
            row.expect("one row for one record")
        }))
    });
    let terminal = std::io::stdout().is_terminal();
    let shown = |piece: &str| match terminal {
        true => crate::present::sanitize::text(piece).into_owned(),
        false => piece.to_string(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    export::write_streamed(&mut out, &mut rows, keys.len(), (format, with), &shown)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
            ExportFormat::Markdown => Format::Markdown,
        }
    }
}
