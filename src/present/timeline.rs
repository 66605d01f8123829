//! A timeline for people: one row per project (its diarienummer and name,
//! a bar over the years, its ESF grant), a year line, the gaps, and the
//! projects without dates apart.

use crate::catalogue::timeline::{self, Bar, Timeline};
use crate::i18n::{t, tf};
use crate::present::sanitize;
use crate::present::table::cut;
use unicode_width::UnicodeWidthStr;

/// The project column's width.
const LABEL: usize = 26;
/// The grant column's width (`10 000 000 000 kr`).
const GRANT: usize = 14;
/// The narrowest a timeline is drawn.
pub const MIN_WIDTH: usize = 80;

/// The timeline as text, `width` characters wide (at least 80).
pub fn text(tl: &Timeline, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let bar_width = width - LABEL - GRANT - 2;
    let mut out = String::new();
    if let Some(axis) = timeline::axis(tl) {
        for b in &tl.projects {
            let days = b.days().expect("dated projects have days");
            let bar = timeline::bar(days, axis, bar_width);
            let grant = grant_text(b);
            out.push_str(&format!("{} {bar} {grant:>GRANT$}\n", label(b)));
        }
        let years = timeline::year_line(axis, bar_width);
        out.push_str(&format!("{} {years}\n", " ".repeat(LABEL)));
    }
    out.push_str(&gaps(tl));
    out.push_str(&undated(tl));
    out
}

/// `2015/00730 Inkluderande reh…`, padded to the column.
fn label(b: &Bar) -> String {
    let name = b.name.as_deref().unwrap_or("—");
    let text = sanitize::line(&format!("{} {name}", b.key)).into_owned();
    let cut = cut(&text, LABEL);
    format!("{cut}{}", " ".repeat(LABEL.saturating_sub(cut.width())))
}

fn grant_text(b: &Bar) -> String {
    b.esf_grant_sek.map_or("—".to_string(), |kr| {
        format!("{} kr", crate::present::format::thousands(kr))
    })
}

fn gaps(tl: &Timeline) -> String {
    let mut out = match tl.gaps.len() {
        0 if tl.projects.len() > 1 => format!("{}\n", t("No gap between the projects' periods.")),
        0 => String::new(),
        n => format!("{}\n", tf("Gaps with no project ({}):", &[&n])),
    };
    for g in &tl.gaps {
        let days = tf("{} days", &[&g.days]);
        out.push_str(&format!("  {} – {} ({days})\n", g.from, g.to));
    }
    out
}

/// The projects without a start or an end date, counted and listed.
fn undated(tl: &Timeline) -> String {
    if tl.undated.is_empty() {
        return String::new();
    }
    let n = tl.undated.len();
    let mut out = format!(
        "{}\n",
        tf("Without a start or an end date, so in no bar ({}):", &[&n])
    );
    for b in &tl.undated {
        let dates = format!(
            "{} – {}",
            b.start.as_deref().unwrap_or("?"),
            b.end.as_deref().unwrap_or("?")
        );
        let name = b.name.as_deref().unwrap_or("—");
        let line = format!("  {} {name}  {dates}  {}", b.key, grant_text(b));
        out.push_str(&sanitize::line(&line));
        out.push('\n');
    }
    out
}
