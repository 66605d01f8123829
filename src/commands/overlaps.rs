//! `esf overlaps`: projects of one organisation that ran at the same time
//! and share a programme area, a specific objective or a municipality.

use super::Context;
use crate::i18n::tf;
use crate::overlaps::{cross_fund_headline, write_headline, CrossFundPair, Pair};
use crate::present::sanitize;
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

pub fn run(ctx: &Context, a: &crate::cli::OverlapsArgs) -> anyhow::Result<ExitCode> {
    for given in [&a.org, &a.municipality].into_iter().flatten() {
        super::show::bounded_id(given)?;
    }
    crate::store::profile::mark("begun");
    let store = ctx.open_for_reading()?;
    crate::store::profile::mark("cache opened");
    if let Some(m) = &a.municipality {
        if !known_municipality(m) {
            let said = tf("no municipality {}", &[&crate::present::format::quoted(m)]);
            crate::say!("esf: {}", sanitize::line(&said));
            return Ok(super::failed());
        }
    }
    let mut out = Output::new(a.json);
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
    crate::store::profile::mark("written");
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

/// Pairs written as they come, through one buffer: text grouped by
/// organisation, or one JSON array (`[]` when there are none). The first
/// failed write stops the rest.
struct Output {
    json: bool,
    written: usize,
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    failed: Option<std::io::Error>,
}

impl Output {
    fn new(json: bool) -> Output {
        Output {
            json,
            written: 0,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            failed: None,
        }
    }

    fn write(&mut self, pairs: &[Pair]) {
        self.write_each(pairs, write_text, crate::present::pairs_json::write_pairs);
    }

    /// Pairs with another fund's projects, after the ESF pairs: in the same
    /// JSON array (their `kind` is `other_fund`), or under a heading.
    fn write_cross(&mut self, pairs: &[CrossFundPair]) {
        if !pairs.is_empty() {
            let text: Text<CrossFundPair> =
                |out, pairs| out.write_all(cross_text(pairs).as_bytes());
            self.write_each(pairs, text, json_each);
        }
    }

    /// `pairs` as `json` writes them as objects of the one array, or as
    /// `text` writes them.
    fn write_each<T>(&mut self, pairs: &[T], text: Text<T>, json: Json<T>) {
        if self.failed.is_some() {
            return;
        }
        let done = match self.json {
            true => json(&mut self.out, pairs, self.written),
            false => {
                let gap = if self.written == 0 { "" } else { "\n" };
                self.out
                    .write_all(gap.as_bytes())
                    .and_then(|()| text(&mut self.out, pairs))
            }
        };
        self.written += pairs.len();
        if let Err(e) = done {
            self.failed = Some(e);
        }
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e.into());
        }
        let end = match (self.json, self.written) {
            (true, 0) => "[]\n",
            (true, _) => "\n]\n",
            _ => "",
        };
        self.out.write_all(end.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}

/// How a kind of pair is written as text.
type Text<T> = fn(&mut dyn std::io::Write, &[T]) -> std::io::Result<()>;

/// How a kind of pair is written as objects of the JSON array, after so
/// many written before.
type Json<T> = fn(&mut dyn std::io::Write, &[T], usize) -> std::io::Result<()>;

/// Each pair as an object of the array, each pretty-printed on its own.
fn json_each<T: serde::Serialize>(
    out: &mut dyn std::io::Write,
    pairs: &[T],
    before: usize,
) -> std::io::Result<()> {
    for (i, pair) in pairs.iter().enumerate() {
        let lead = if before + i == 0 { "[\n" } else { ",\n" };
        out.write_all(lead.as_bytes())?;
        crate::present::safe_json::to_writer(&mut *out, pair)?;
    }
    Ok(())
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
/// shares and both projects. A project's line is made (and sanitised) once
/// however many pairs it is in.
fn write_text(out: &mut dyn std::io::Write, pairs: &[Pair]) -> std::io::Result<()> {
    let mut lines: HashMap<&str, String> = HashMap::new();
    let mut head = String::new();
    let mut last: Option<&str> = None;
    for pair in pairs {
        if last != Some(pair.organisation.as_str()) {
            let numbers = match pair.org_numbers.is_empty() {
                true => String::new(),
                false => format!(" ({})", pair.org_numbers.join(", ")),
            };
            let head = format!("{}{numbers}", pair.organisation);
            let gap = if last.is_some() { "\n" } else { "" };
            writeln!(out, "{gap}{}", sanitize::line(&head))?;
            last = Some(&pair.organisation);
        }
        head.clear();
        write_headline(&mut head, pair);
        out.write_all(b"  ")?;
        out.write_all(sanitize::line(&head).as_bytes())?;
        out.write_all(b"\n")?;
        for side in &pair.projects {
            let line = lines
                .entry(side.key.as_str())
                .or_insert_with(|| format!("    {}\n", sanitize::line(&side.text())));
            out.write_all(line.as_bytes())?;
        }
    }
    Ok(())
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
