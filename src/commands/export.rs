//! `esf export`: the filtered projects as CSV, JSON or Markdown on
//! standard output; notes and contact persons only when asked for.

use super::list::{Listing, Query};
use super::{print_data, Context};
use crate::cli::ExportFormat;
use crate::export::{self, Format, With};
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

pub fn run(ctx: &Context, format: Format, query: &Query, with: With) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let notes = with.notes || query.uses_notes();
    let listing = Listing::load(ctx, &store, notes, !query.facets.is_empty())?;
    let keys: Vec<&str> = listing
        .select(&store, query, None)?
        .into_iter()
        .map(|i| listing.cat.projects[i].key.as_str())
        .collect();
    let records = store.records(&keys)?;
    let rows = export::rows(records, with, &|key| listing.annotations.get(key).cloned());
    let text = export::render(&rows, format, with);
    print_data(&text)?;
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
