//! A project's dossier: Markdown to paste into a case system or a memo.
//! Every text from a document is escaped as the Markdown export escapes
//! it, so nothing a document says becomes a link, an image or HTML.
//! Pure: what the cache and the notes gave in, text out.

use crate::graph::Related;
use crate::i18n::{t, tf};
use crate::model::{Annotation, Role, StoredProject};
use crate::overlaps::{CrossFundPair, Pair};
use crate::present::format::MISSING;
use std::fmt::Write as _;

/// An organisation of the project as the dossier names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub role: Role,
    /// The organisation it is a unit of, if any.
    pub parent: Option<String>,
    /// Its organisationsnummer (or its parent's), where documents give one.
    pub numbers: Vec<String>,
}

/// Everything a dossier holds.
pub struct Dossier<'a> {
    pub project: &'a StoredProject,
    pub organisations: Vec<Named>,
    pub related: Vec<Related>,
    /// The project first in each.
    pub overlaps: Vec<Pair>,
    /// Other funds' projects of its organisationsnummer at the same time.
    pub cross_fund: Vec<CrossFundPair>,
    pub yours: Option<Annotation>,
    pub contacts: bool,
}

/// Text from a document on one line, inert in Markdown.
fn md(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    crate::present::sanitize::markdown(&words.join(" "))
}

pub fn render(d: &Dossier) -> String {
    let s = d.project;
    let name = s.project.name.as_deref().unwrap_or(&s.key);
    let mut out = format!("# {}: {} {}\n", t("Dossier"), md(&s.key), md(name));
    facts(&mut out, d);
    organisations(&mut out, &d.organisations);
    heading(&mut out, "Municipalities");
    match crate::present::detail::municipalities_text(&s.project) {
        Some(m) => line(&mut out, &m),
        None => line(&mut out, t("none given")),
    }
    related(&mut out, &d.related);
    overlaps(&mut out, &d.overlaps);
    other_funds(&mut out, &d.cross_fund);
    sources(&mut out, s);
    yours(&mut out, d.yours.as_ref());
    out
}

fn heading(out: &mut String, title: &'static str) {
    let _ = write!(out, "\n## {}\n\n", t(title));
}

/// A bullet; every character of it escaped (a document's text and the
/// dossier's own words alike).
fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "- {}", md(text));
}

/// The detail's fields, grouped as `esf show` groups them; contact
/// persons only when asked for.
fn facts(out: &mut String, d: &Dossier) {
    let personal = [t("Contact"), t("E-mail"), t("Phone")];
    let skipped = [t("Organisations"), t("Municipalities")];
    for section in crate::present::detail::sections(Some(&d.project.key), &d.project.project) {
        if skipped.contains(&section.title) {
            continue;
        }
        let rows: Vec<&(String, String)> = section
            .rows
            .iter()
            .filter(|(label, value)| {
                value != MISSING && (d.contacts || !personal.contains(&label.as_str()))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = write!(out, "\n## {}\n\n", section.title);
        for (label, value) in rows {
            line(out, &format!("{label}: {value}"));
        }
    }
}

fn organisations(out: &mut String, orgs: &[Named]) {
    heading(out, "Owner and partners");
    let shown: Vec<&Named> = orgs
        .iter()
        .filter(|o| matches!(o.role, Role::Owner | Role::Partner))
        .collect();
    if shown.is_empty() {
        line(out, t("none given"));
    }
    for o in shown {
        let mut about = Vec::new();
        if let Some(parent) = &o.parent {
            about.push(tf("unit of {}", &[parent]));
        }
        match o.numbers.is_empty() {
            true => about.push(t("no organisationsnummer given").to_string()),
            false => about.push(format!("{} {}", t("org. no."), o.numbers.join(", "))),
        }
        let role = match o.role {
            Role::Owner => t("Owner"),
            _ => t("Partner"),
        };
        line(out, &format!("{role}: {} ({})", o.name, about.join("; ")));
    }
}

fn related(out: &mut String, found: &[Related]) {
    heading(out, "Related projects");
    if found.is_empty() {
        line(out, t("no project shares an organisation with this one"));
    }
    for r in found {
        let shared: Vec<String> = r.shared.iter().map(|s| s.text()).collect();
        let said = tf("shares: {}", &[&shared.join("; ")]);
        line(out, &format!("{} {} — {said}", r.key, r.name));
    }
}

fn overlaps(out: &mut String, pairs: &[Pair]) {
    heading(out, "Overlaps with");
    if pairs.is_empty() {
        line(
            out,
            t("no project of the same organisation overlaps this one"),
        );
    }
    for pair in pairs {
        let other = &pair.projects[1];
        let side = other.text();
        let said = crate::overlaps::headline(pair);
        line(out, &format!("{side} — {said}"));
    }
}

fn other_funds(out: &mut String, pairs: &[CrossFundPair]) {
    heading(
        out,
        "The same organisation funded by another fund in the same period",
    );
    if pairs.is_empty() {
        let none = "no other fund's project of the same organisationsnummer ran at the same time (of the Kohesio exports imported)";
        line(out, t(none));
    }
    for pair in pairs {
        let said = crate::overlaps::cross_fund_tie(pair);
        line(out, &format!("{} — {said}", pair.other.text()));
    }
}

fn sources(out: &mut String, s: &StoredProject) {
    heading(out, "Sources");
    if s.source_fields.is_empty() {
        for source in &s.sources {
            line(out, source);
        }
    }
    for sf in &s.source_fields {
        let fields: Vec<&str> = sf
            .fields
            .iter()
            .map(|f| crate::present::detail::field_label(f))
            .collect();
        let kind = crate::present::detail::kind_text(&sf.kind);
        line(
            out,
            &format!("{} ({}): {}", sf.source, kind, fields.join(", ")),
        );
    }
    for a in &s.articles {
        line(
            out,
            &format!("{}: {} ({})", t("Article"), a.title, a.source),
        );
    }
    for l in &s.linked {
        let title = l.title.as_deref().unwrap_or(MISSING);
        let kind = crate::present::detail::kind_text(&l.kind);
        line(out, &format!("{}: {} ({})", kind, title, l.source));
    }
}

/// The user's marks and note, the note as written (control characters
/// shown as markers), as `esf export --with-notes` writes it.
fn yours(out: &mut String, a: Option<&Annotation>) {
    heading(out, "Your notes");
    let Some(a) = a else {
        line(out, t("no note, not bookmarked, not reviewed"));
        return;
    };
    line(out, &crate::present::detail::marks_line(a));
    for text in a.note.lines() {
        let _ = write!(out, "\n> {}\n", crate::present::sanitize::line(text));
    }
}
