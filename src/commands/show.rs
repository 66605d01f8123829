//! `esf show ID`: one project in full.

use super::{print_json, print_text, Context};
use crate::i18n::{t, tf};
use crate::model::{Annotation, StoredProject};
use crate::overlaps::{CrossFundPair, Side};
use crate::present::report;
use crate::present::sanitize;
use crate::store::Store;
use crate::store::StoreError;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The plain text keeps the contact person, as the detail pane does; the
/// JSON has it only with `contacts`.
pub fn run(ctx: &Context, id: &str, json: bool, contacts: bool) -> anyhow::Result<ExitCode> {
    bounded_id(id)?;
    let store = ctx.open_for_reading()?;
    let mut project = match store.project(id) {
        Ok(p) => p,
        Err(StoreError::NotFound(_)) => {
            crate::say!("esf: {}", sanitize::line(&not_found(&store, id)?));
            return Ok(super::found(false));
        }
        Err(e) => return Err(e.into()),
    };
    let yours = your_marks(ctx, &project.key);
    let found = store.everything_overlapping(&project.key, true)?;
    let overlaps: Vec<OverlapWith> = found.pairs.iter().map(OverlapWith::from).collect();
    let other_funds: Vec<OtherFundWith> =
        found.cross_fund.iter().map(OtherFundWith::from).collect();
    if json {
        if !contacts {
            crate::ingest::fields::forget_contacts(&mut project.project);
        }
        print_json(&Shown {
            project: &project,
            your_notes: yours.as_ref(),
            overlaps: &overlaps,
            other_funds: &other_funds,
        })?;
    } else {
        let mut text = plain(&project, yours.as_ref());
        text.push_str(&overlaps_text(&overlaps));
        text.push_str(&other_funds_text(&found.cross_fund));
        print_text(&text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A project as `esf show --json` gives it: the record, and the user's
/// marks when they have any.
#[derive(serde::Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    project: &'a StoredProject,
    #[serde(skip_serializing_if = "Option::is_none")]
    your_notes: Option<&'a Annotation>,
    /// Projects of the same organisation that ran at the same time and
    /// share something with this one.
    overlaps: &'a [OverlapWith],
    /// Other funds' projects of the same organisationsnummer that ran at
    /// the same time (rows of a Kohesio export).
    other_funds: &'a [OtherFundWith<'a>],
}

/// Another fund's project a project ran beside, as `show --json` gives
/// it: the pair of `esf overlaps` without the project itself.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OtherFundWith<'a> {
    pub organisation: &'a str,
    pub org_number: &'a str,
    pub other: &'a crate::overlaps::OtherSide,
    pub days: i64,
    pub from: &'a str,
    pub to: &'a str,
}

impl<'a> From<&'a CrossFundPair> for OtherFundWith<'a> {
    fn from(p: &'a CrossFundPair) -> OtherFundWith<'a> {
        OtherFundWith {
            organisation: &p.organisation,
            org_number: &p.org_number,
            other: &p.other,
            days: p.days,
            from: &p.from,
            to: &p.to,
        }
    }
}

/// Other funds' projects beside this one, each with the days together and
/// the organisationsnummer that ties them; nothing when there is none.
fn other_funds_text(pairs: &[CrossFundPair]) -> String {
    let mut out = String::new();
    if pairs.is_empty() {
        return out;
    }
    let heading = t("The same organisation funded by another fund in the same period");
    let _ = writeln!(out, "\n{heading}");
    for pair in pairs {
        let _ = writeln!(out, "  {}", sanitize::line(&pair.other.text()));
        let said = crate::overlaps::cross_fund_tie(pair);
        let _ = writeln!(out, "    {}", sanitize::line(&said));
    }
    out
}

/// Another project a project overlaps, as `show --json` and the dossier
/// give it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OverlapWith {
    /// The other project (its fields at the top of the JSON object).
    #[serde(flatten)]
    pub project: Side,
    pub organisation: String,
    pub shared: Vec<crate::overlaps::Shared>,
    pub days: i64,
    pub from: String,
    pub to: String,
}

impl From<&crate::overlaps::Pair> for OverlapWith {
    fn from(p: &crate::overlaps::Pair) -> OverlapWith {
        OverlapWith {
            project: Side::clone(&p.projects[1]),
            organisation: p.organisation.clone(),
            shared: p.shared.clone(),
            days: p.days,
            from: p.from.clone(),
            to: p.to.clone(),
        }
    }
}

/// "Overlaps with": each other project, its days together and what it
/// shares; nothing when there is none.
fn overlaps_text(overlaps: &[OverlapWith]) -> String {
    let mut out = String::new();
    if overlaps.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n{}", t("Overlaps with"));
    for o in overlaps {
        let _ = writeln!(out, "  {}", sanitize::line(&o.project.text()));
        let said = tf(
            "days together: {} ({} – {}) · shares: {}",
            &[
                &o.days,
                &o.from,
                &o.to,
                &crate::overlaps::shared_text(&o.shared),
            ],
        );
        let _ = writeln!(out, "    {}", sanitize::line(&said));
    }
    out
}

/// The user's note, bookmark and review state of a project, if any. Notes
/// that cannot be read do not keep the project from being shown: a line
/// says why they are missing.
pub(super) fn your_marks(ctx: &Context, key: &str) -> Option<Annotation> {
    let found = ctx.open_notes().and_then(|notes| Ok(notes.get(key)?));
    match found {
        Ok(found) => found.filter(|a| !a.is_blank()),
        Err(e) => {
            let said = format!("{e:#}");
            crate::say!("esf: {}", sanitize::line(&said));
            None
        }
    }
}

/// An ID within the query's bound, or the one line saying not: checked
/// before any lookup, as an unknown ID is compared with every key.
pub(super) fn bounded_id(id: &str) -> anyhow::Result<()> {
    crate::search::query::check_id_bound(id).map_err(|e| anyhow::anyhow!(e))
}

/// The diarienummer as written of the project with this key (`None` for a
/// made key, or a project no longer in the cache).
pub(super) fn id_of(store: &Store, key: &str) -> anyhow::Result<Option<String>> {
    Ok(store.summary_of(key)?.and_then(|s| s.id))
}

/// "no project with ID …", with the closest matches.
pub(super) fn not_found(store: &Store, id: &str) -> anyhow::Result<String> {
    let mut close = Vec::new();
    for (key, name) in super::matches::similar(store, id, 3)? {
        close.push(format!("{key} {}", name.unwrap_or_default()));
    }
    let id = crate::present::format::quoted(id);
    Ok(match close.as_slice() {
        [] => tf("no project with ID {}", &[&id]),
        _ => tf(
            "no project with ID {}; did you mean: {}?",
            &[&id, &close.join("; ")],
        ),
    })
}

fn plain(s: &StoredProject, yours: Option<&Annotation>) -> String {
    let mut out = report::project_detail(&s.key, &s.project, yours);
    for article in &s.articles {
        let _ = writeln!(
            out,
            "\n{}: {}\n  {}",
            t("Article"),
            sanitize::line(&article.title),
            sanitize::line(&article.source)
        );
    }
    for d in &s.linked {
        let kind = match d.kind.as_str() {
            "final_report" => t("final report"),
            _ => t("page about a project"),
        };
        let title = d
            .title
            .as_deref()
            .unwrap_or(crate::present::format::MISSING);
        let _ = writeln!(
            out,
            "\n{}: {} ({kind})\n  {}",
            t("About the project"),
            sanitize::line(title),
            sanitize::line(&d.source)
        );
    }
    if let Some(section) = crate::present::detail::disagreements(&s.field_sources) {
        let _ = writeln!(out, "\n{}", section.title);
        for (label, value) in &section.rows {
            let _ = writeln!(
                out,
                "  {:<width$}{}",
                label,
                sanitize::line(value),
                width = report::LABEL_WIDTH
            );
        }
    }
    let given = crate::present::detail::sources_given(&s.source_fields);
    if !given.is_empty() {
        let _ = writeln!(out, "\n{}", t("Sources"));
    }
    for (head, fields) in &given {
        let _ = writeln!(out, "  {}", sanitize::line(head));
        for line in super::explain::wrapped(&sanitize::line(fields), 76) {
            let _ = writeln!(out, "    {line}");
        }
    }
    let _ = writeln!(out, "\n{}: {}", t("Source"), sanitize::line(&s.source));
    for other in s.sources.iter().filter(|p| **p != s.source) {
        let from = match s.kohesio.as_ref() == Some(other) {
            true => " (Kohesio)",
            false => "",
        };
        let _ = writeln!(out, "{}: {}{from}", t("Also in"), sanitize::line(other));
    }
    out
}
