//! Plain-text rendering of records for people at a terminal. Every string
//! from a document passes through the sanitiser.

use crate::i18n::{t, tf};
use crate::model::{Annotation, Call, LinkedDoc, ParsedDocument, Project};
use crate::present::format::MISSING;
use crate::present::sanitize;
use std::fmt::Write;

/// A parsed document as readable, aligned text.
pub fn document(doc: &ParsedDocument) -> String {
    let mut out = String::new();
    let title = doc.title.as_deref().unwrap_or(t("(no title)"));
    let _ = writeln!(
        out,
        "{}  [{}]",
        sanitize::line(&doc.source),
        doc.format.as_str()
    );
    let _ = writeln!(out, "  {}", sanitize::line(title));
    if let Some(reason) = &doc.skipped_reason {
        let _ = writeln!(out, "  {}: {}", t("skipped"), sanitize::line(reason));
    }
    if let Some(p) = &doc.project {
        sections_text(&mut out, None, p);
        if let Some(d) = &p.description {
            let words = d.split_whitespace().count();
            let words = tf("{} words", &[&words]);
            let _ = writeln!(out, "  {:<LABEL_WIDTH$}{words}", t("Description"));
        }
    }
    if let Some(a) = &doc.article {
        field(&mut out, t("article"), Some(a.title.as_str()));
        field(&mut out, t("about project"), a.project_name.as_deref());
    }
    if let Some(c) = &doc.call {
        rows_text(&mut out, &crate::present::detail::call_rows(c));
    }
    if let Some(l) = &doc.linked {
        rows_text(&mut out, &crate::present::detail::linked_rows(l));
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "  {}: {}", t("warning"), sanitize::line(w));
    }
    out
}

pub(crate) const LABEL_WIDTH: usize = 22;

fn field(out: &mut String, label: &str, value: Option<&str>) {
    let shown = value.map_or(MISSING.into(), sanitize::line);
    let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", format!("{label}:"), shown);
}

fn rows_text(out: &mut String, rows: &[(String, String)]) {
    for (label, value) in rows {
        let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", label, sanitize::line(value));
    }
}

/// `Label: value` lines (they wrap in a pane, where padding would not).
fn colon_rows(out: &mut String, rows: &[(String, String)]) {
    for (label, value) in rows {
        let _ = writeln!(out, "{label}: {}", sanitize::line(value));
    }
}

/// A call's fields and text, for the browser's pane.
pub fn call_text(c: &Call) -> String {
    let mut out = String::new();
    colon_rows(&mut out, &crate::present::detail::call_rows(c));
    if let Some(d) = &c.description {
        let _ = writeln!(out, "\n{}", sanitize::text(d));
    }
    out
}

/// What a page about a project says of it, and its text, for the pane.
pub fn linked_text(l: &LinkedDoc) -> String {
    let mut out = String::new();
    colon_rows(&mut out, &crate::present::detail::linked_rows(l));
    let _ = writeln!(out, "\n{}", sanitize::text(&l.body));
    out
}

/// The grouped fields (shared with the browser's detail pane), as text.
fn sections_text(out: &mut String, key: Option<&str>, p: &Project) {
    for section in crate::present::detail::sections(key, p) {
        let _ = writeln!(out, "\n{}", section.title);
        for (label, value) in &section.rows {
            let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", label, sanitize::line(value));
        }
    }
    if !p.extra.is_empty() {
        let _ = writeln!(out, "\n{}", t("Other labels"));
        for (label, value) in &p.extra {
            let _ = writeln!(
                out,
                "  {}: {}",
                sanitize::line(label),
                sanitize::line(value)
            );
        }
    }
}

/// A project in full, grouped, for `esf show`: the user's marks and note
/// first when they have any, as the detail pane has them.
pub fn project_detail(key: &str, p: &Project, yours: Option<&Annotation>) -> String {
    let mut out = String::new();
    let title = p.name.as_deref().unwrap_or(key);
    let _ = writeln!(out, "{}", sanitize::line(title));
    if let Some(a) = yours {
        let _ = writeln!(out, "\n{}", t("Your notes"));
        let _ = writeln!(out, "  {}", crate::present::detail::marks_line(a));
        for line in sanitize::text(&a.note).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    sections_text(&mut out, Some(key), p);
    if let Some(d) = &p.description {
        let _ = writeln!(out, "\n{}\n{}", t("Description"), sanitize::text(d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_text_is_sanitised() {
        let mut doc = ParsedDocument::skipped("evil\u{1b}]0;x\u{7}.txt", "binary");
        doc.title = Some("t\u{9b}2J".into());
        let shown = document(&doc);
        assert!(!shown.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)));
    }
}
