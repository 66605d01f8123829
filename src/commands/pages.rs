//! `esf calls` and `esf linked`: the documents that are no project's
//! record — calls for applications, and pages about a project.

use super::{print_json, print_text, styled, terminal_width, Context};
use crate::i18n::t;
use crate::present::format::{money, period_text, MISSING};
use crate::present::table::Table;
use std::process::ExitCode;

/// Every call for applications in the cache, by opening date.
pub fn calls(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let calls = ctx.open_for_reading()?.calls()?;
    if calls.is_empty() {
        return super::nothing_found(json, t("no calls for applications in the cache"));
    }
    if json {
        print_json(&calls)?;
        return Ok(super::found(!calls.is_empty()));
    }
    let headers = ["DIARIENUMMER", "TITLE", "REGION", "OPEN – CLOSE", "AMOUNT"].map(t);
    let mut table = Table::new(&headers).flexible(&[1]).right_aligned(&[4]);
    for c in &calls {
        let c = &c.call;
        table.row(vec![
            c.id.clone().unwrap_or_else(|| MISSING.into()),
            c.title.clone().unwrap_or_else(|| MISSING.into()),
            c.region.clone().unwrap_or_else(|| MISSING.into()),
            period_text(c.opens.as_deref(), c.closes.as_deref()).unwrap_or_else(|| MISSING.into()),
            money(c.amount_sek).unwrap_or_else(|| MISSING.into()),
        ]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(super::found(!calls.is_empty()))
}

/// Every page about a project, with the project it found in the cache.
pub fn linked(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let docs = ctx.open_for_reading()?.linked_documents()?;
    if docs.is_empty() {
        return super::nothing_found(json, t("no pages about projects in the cache"));
    }
    if json {
        print_json(&docs)?;
        return Ok(super::found(!docs.is_empty()));
    }
    let headers = ["PROJECT", "ABOUT", "OWNER", "KIND", "FILE"].map(t);
    let mut table = Table::new(&headers).flexible(&[1, 4]);
    for d in &docs {
        let l = &d.linked;
        let kind = match l.kind.as_str() {
            "final_report" => t("final report"),
            _ => t("page about a project"),
        };
        table.row(vec![
            d.project_key
                .clone()
                .unwrap_or_else(|| t("not in the cache").into()),
            l.project_name.clone().unwrap_or_else(|| MISSING.into()),
            l.owner.clone().unwrap_or_else(|| MISSING.into()),
            kind.into(),
            d.source.clone(),
        ]);
    }
    print_text(&table.render(terminal_width(), styled()))?;
    Ok(super::found(!docs.is_empty()))
}
