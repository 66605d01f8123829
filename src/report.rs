//! Plain-text rendering of records for people at a terminal. Every string
//! from a document passes through the sanitiser.

use crate::dates;
use crate::i18n::t;
use crate::model::{ParsedDocument, Project};
use crate::sanitize;
use std::fmt::Write;

/// A parsed document as readable, aligned text.
pub fn document(doc: &ParsedDocument) -> String {
    let mut out = String::new();
    let title = doc.title.as_deref().unwrap_or("(no title)");
    let _ = writeln!(
        out,
        "{}  [{}]",
        sanitize::line(&doc.source),
        doc.format.as_str()
    );
    let _ = writeln!(out, "  {}", sanitize::line(title));
    if let Some(reason) = &doc.skipped_reason {
        let _ = writeln!(out, "  skipped: {}", sanitize::line(reason));
    }
    if let Some(p) = &doc.project {
        sections_text(&mut out, None, p);
        if let Some(d) = &p.description {
            let words = d.split_whitespace().count();
            let _ = writeln!(out, "  {:<LABEL_WIDTH$}{words} words", "Description");
        }
    }
    if let Some(a) = &doc.article {
        field(&mut out, "article", Some(a.title.as_str()));
        field(&mut out, "about project", a.project_name.as_deref());
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "  warning: {}", sanitize::line(w));
    }
    out
}

const LABEL_WIDTH: usize = 22;

fn field(out: &mut String, label: &str, value: Option<&str>) {
    let shown = value.map_or("—".into(), sanitize::line);
    let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", format!("{label}:"), shown);
}

/// `2016-02-01 – 2019-01-31`; `?` for a missing end.
pub fn period_text(start: Option<&str>, end: Option<&str>) -> Option<String> {
    match (start, end) {
        (None, None) => None,
        (s, e) => Some(format!("{} – {}", s.unwrap_or("?"), e.unwrap_or("?"))),
    }
}

/// How long an inclusive period lasts: `3 years`, `10 months`, `2 years 3 months`.
pub fn duration_text(start: &str, end: &str) -> Option<String> {
    let days = dates::days_from_iso(end)? - dates::days_from_iso(start)? + 1;
    if days <= 0 {
        return None;
    }
    let months = (days as f64 / 30.44).round() as i64;
    let (years, rest) = (months / 12, months % 12);
    let unit = |n: i64, one: &'static str, many: &'static str| {
        format!("{n} {}", if n == 1 { t(one) } else { t(many) })
    };
    Some(match (years, rest) {
        (0, 0) => unit(days, "day", "days"),
        (0, m) => unit(m, "month", "months"),
        (y, 0) => unit(y, "year", "years"),
        (y, m) => format!(
            "{} {}",
            unit(y, "year", "years"),
            unit(m, "month", "months")
        ),
    })
}

/// The grouped fields (shared with the browser's detail pane), as text.
fn sections_text(out: &mut String, key: Option<&str>, p: &Project) {
    for section in crate::detail::sections(key, p) {
        let _ = writeln!(out, "\n{}", section.title);
        for (label, value) in &section.rows {
            let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", label, sanitize::line(value));
        }
    }
    if !p.extra.is_empty() {
        let _ = writeln!(out, "\nOther labels");
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

/// A project in full, grouped, for `esf show`.
pub fn project_detail(key: &str, p: &Project) -> String {
    let mut out = String::new();
    let title = p.name.as_deref().unwrap_or(key);
    let _ = writeln!(out, "{}", sanitize::line(title));
    sections_text(&mut out, Some(key), p);
    if let Some(d) = &p.description {
        let _ = writeln!(out, "\nDescription\n{}", sanitize::text(d));
    }
    out
}

/// `8866642` → `8 866 642`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(
            duration_text("2016-02-01", "2019-01-31").as_deref(),
            Some("3 years")
        );
        assert_eq!(
            duration_text("2014-01-02", "2014-10-31").as_deref(),
            Some("10 months")
        );
        assert_eq!(
            duration_text("2023-03-01", "2026-02-28").as_deref(),
            Some("3 years")
        );
        assert_eq!(
            duration_text("2020-01-01", "2021-03-31").as_deref(),
            Some("1 year 3 months")
        );
        assert_eq!(
            duration_text("2020-01-01", "2020-01-10").as_deref(),
            Some("10 days")
        );
        assert_eq!(duration_text("2020-01-10", "2020-01-01"), None);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(8_866_642), "8 866 642");
        assert_eq!(thousands(500), "500");
        assert_eq!(thousands(-1000), "-1 000");
    }

    #[test]
    fn document_text_is_sanitised() {
        let mut doc = ParsedDocument::skipped("evil\u{1b}]0;x\u{7}.txt", "binary");
        doc.title = Some("t\u{9b}2J".into());
        let shown = document(&doc);
        assert!(!shown.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)));
    }
}
