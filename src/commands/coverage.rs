//! `esf coverage`: projects and ESF grants per municipality and programme
//! area, objective or start year, every municipality a row.

use super::{print_data, print_json, print_text, terminal_width, Context};
use crate::catalogue::coverage::{self, Coverage};
use crate::cli::{CoverageArgs, CoverageByArg};
use crate::i18n::tf;
use crate::ingest::gazetteer::gazetteer;
use crate::store::coverage::CoverageBy;
use std::process::ExitCode;

pub fn run(ctx: &Context, a: CoverageArgs) -> anyhow::Result<ExitCode> {
    let region = match a.region.as_deref() {
        Some(typed) => Some(region_named(typed)?),
        None => None,
    };
    let by = match a.by {
        CoverageByArg::ProgrammeArea => CoverageBy::ProgrammeArea,
        CoverageByArg::Objective => CoverageBy::Objective,
        CoverageByArg::Year => CoverageBy::Year,
    };
    let store = ctx.open_for_reading()?;
    let groups = store.coverage_groups(by)?;
    let c = coverage::build(gazetteer(), by, region.as_deref(), &groups);
    match (a.json, a.csv) {
        (true, _) => print_json(&c)?,
        (_, true) => print_data(&crate::present::coverage::csv(&c))?,
        _ => print_text(&readable(&c))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The region or county asked for, or the one line naming those there are.
fn region_named(typed: &str) -> anyhow::Result<String> {
    coverage::region_named(gazetteer(), typed).map_err(|names| {
        let shown = crate::present::format::quoted(typed);
        anyhow::anyhow!(tf(
            "no region or county {}; there are: {}",
            &[&shown, &names.join(", ")]
        ))
    })
}

/// A title saying what the rows and columns are, then the matrix.
fn readable(c: &Coverage) -> String {
    let what = match c.by {
        "year" => crate::i18n::t("start year"),
        "objective" => crate::i18n::t("specific objective"),
        _ => crate::i18n::t("programme area"),
    };
    let place = c
        .region
        .clone()
        .unwrap_or_else(|| crate::i18n::t("Sweden").to_string());
    let mut out = tf(
        "Projects per municipality and {}: {} ({} municipalities)",
        &[
            &what,
            &crate::present::sanitize::line(&place),
            &c.rows.len(),
        ],
    );
    out.push('\n');
    out.push_str(&crate::present::coverage::text(c, terminal_width()));
    out
}
