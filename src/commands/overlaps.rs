//! `esf overlaps`: projects of one organisation that ran at the same time
//! and share a programme area, a specific objective or a municipality.

use super::{print_text, Context};
use crate::i18n::tf;
use crate::overlaps::{cross_fund_headline, headline, CrossFundPair, Pair};
use crate::present::sanitize;
use crate::store::{Store, StoreError};
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn run(ctx: &Context, a: &crate::cli::OverlapsArgs) -> anyhow::Result<ExitCode> {
    for given in [&a.org, &a.municipality].into_iter().flatten() {
        super::show::bounded_id(given)?;
    }
    let store = ctx.open_for_reading()?;
    if let Some(m) = &a.municipality {
        if !known_municipality(m) {
            let said = tf("no municipality {}", &[&crate::present::format::quoted(m)]);
            crate::say!("esf: {}", sanitize::line(&said));
            return Ok(super::failed());
        }
    }
    let mut out = Output {
        json: a.json,
        written: 0,
        failed: None,
    };
    let found = store.overlaps_each(
        a.org.as_deref(),
        a.municipality.as_deref(),
        true,
        &mut |pairs| out.write(&pairs),
    );
    let found = match found {
        Ok(found) => found,
        Err(StoreError::NotFound(name)) => return unknown_org(&store, &name),
        Err(e) => return Err(e.into()),
    };
    let cross = &found.cross_fund;
    out.write_cross(cross);
    out.finish()?;
    if !a.json {
        crate::say!("{}", counted(&found));
        if !cross.is_empty() {
            let said = tf(
                "pairs with another fund's project (by organisationsnummer): {}",
                &[&cross.len()],
            );
            crate::say!("{said}");
        }
    }
    Ok(super::found(found.count + cross.len() > 0))
}

/// Pairs written as they come: text grouped by organisation, or one JSON
/// array (`[]` when there are none). The first failed write stops the rest.
struct Output {
    json: bool,
    written: usize,
    failed: Option<anyhow::Error>,
}

impl Output {
    fn write(&mut self, pairs: &[Pair]) {
        self.write_each(pairs, text);
    }

    /// Pairs with another fund's projects, after the ESF pairs: in the same
    /// JSON array (their `kind` is `other_fund`), or under a heading.
    fn write_cross(&mut self, pairs: &[CrossFundPair]) {
        if !pairs.is_empty() {
            self.write_each(pairs, cross_text);
        }
    }

    /// `pairs` as JSON objects of the one array, or as `text` gives them.
    fn write_each<T: serde::Serialize>(&mut self, pairs: &[T], text: fn(&[T]) -> String) {
        if self.failed.is_some() {
            return;
        }
        let piece = match self.json {
            true => {
                let each: Vec<String> = pairs
                    .iter()
                    .map(crate::present::safe_json::to_string)
                    .collect();
                let lead = if self.written == 0 { "[\n" } else { ",\n" };
                format!("{lead}{}", each.join(",\n"))
            }
            false => {
                let gap = if self.written == 0 { "" } else { "\n" };
                format!("{gap}{}", text(pairs))
            }
        };
        self.written += pairs.len();
        if let Err(e) = print_text(&piece) {
            self.failed = Some(e);
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        match (self.json, self.written) {
            (true, 0) => print_text("[]\n"),
            (true, _) => print_text("\n]\n"),
            _ => Ok(()),
        }
    }
}

/// A municipality of the reference data, by its name in any case or
/// without å/ä/ö.
fn known_municipality(m: &str) -> bool {
    let g = crate::ingest::gazetteer::gazetteer();
    let typed = crate::search::as_typed(m);
    g.municipality(m).is_some()
        || g.municipalities
            .iter()
            .any(|k| crate::search::same_as_typed(&k.name, &typed))
}

/// An organisation no document names: a bad argument, with the nearest.
fn unknown_org(store: &Store, name: &str) -> anyhow::Result<ExitCode> {
    let orgs = store.organisation_names()?;
    let names: Vec<&str> = orgs.iter().map(String::as_str).collect();
    let close: Vec<String> = crate::search::nearest(name, &names, 3)
        .into_iter()
        .map(|n| format!("\"{n}\""))
        .collect();
    let name = crate::present::format::quoted(name);
    let said = match close.is_empty() {
        true => tf("no organisation {}", &[&name]),
        false => tf(
            "no organisation {}; did you mean {}?",
            &[&name, &close.join(", ")],
        ),
    };
    crate::say!("esf: {}", sanitize::line(&said));
    Ok(super::failed())
}

/// What was compared and what was left out, on one line.
fn counted(found: &crate::store::OverlapsFound) -> String {
    crate::overlaps::counted(found.count, found.compared, found.without_dates)
}

/// Pairs grouped under their organisation, each with its days, what it
/// shares and both projects.
pub fn text(pairs: &[Pair]) -> String {
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for pair in pairs {
        if last != Some(pair.organisation.as_str()) {
            let numbers = match pair.org_numbers.is_empty() {
                true => String::new(),
                false => format!(" ({})", pair.org_numbers.join(", ")),
            };
            let head = format!("{}{numbers}", pair.organisation);
            let gap = if last.is_some() { "\n" } else { "" };
            let _ = writeln!(out, "{gap}{}", sanitize::line(&head));
            last = Some(&pair.organisation);
        }
        let _ = writeln!(out, "  {}", sanitize::line(&headline(pair)));
        for side in &pair.projects {
            let _ = writeln!(out, "    {}", sanitize::line(&side.text()));
        }
    }
    out
}

/// Pairs with another fund's projects under a heading, grouped by
/// organisation and its organisationsnummer.
pub fn cross_text(pairs: &[CrossFundPair]) -> String {
    let mut out = String::new();
    let heading = crate::i18n::t("The same organisation funded by another fund in the same period");
    let _ = writeln!(out, "{heading}");
    let mut last: Option<(&str, &str)> = None;
    for pair in pairs {
        let this = (pair.organisation.as_str(), pair.org_number.as_str());
        if last != Some(this) {
            let head = format!("{} ({})", pair.organisation, pair.org_number);
            let _ = writeln!(out, "{}", sanitize::line(&head));
            last = Some(this);
        }
        let _ = writeln!(out, "  {}", sanitize::line(&cross_fund_headline(pair)));
        let _ = writeln!(out, "    {}", sanitize::line(&pair.project.text()));
        let _ = writeln!(out, "    {}", sanitize::line(&pair.other.text()));
    }
    out
}
