//! The notes as a file: `esf notes --json` and `--markdown` write it,
//! `esf notes import` reads either back. Pure text in and out.

use crate::dates;
use crate::model::{Annotation, ReviewState};
use serde::Serialize;
use std::fmt::Write as _;

/// An annotation as exported: with whether its project is still in the cache.
#[derive(Debug, Clone, Serialize)]
pub struct Exported<'a> {
    #[serde(flatten)]
    pub annotation: &'a Annotation,
    /// The project's diarienummer as written (`None` for a made key, or a
    /// project not in this cache).
    pub id: Option<String>,
    /// The project is no longer in the cache; the note is kept.
    pub orphaned: bool,
}

const TITLE: &str = "# esf-browser notes";

/// Markdown a person can read and `esf notes import` can read back: one
/// section per project, the note quoted so nothing in it reads as structure.
pub fn to_markdown(notes: &[Exported]) -> String {
    let mut out = format!("{TITLE}\n");
    for e in notes {
        let a = e.annotation;
        let _ = writeln!(
            out,
            "\n## {} {}",
            a.key,
            one_line(a.name.as_deref().unwrap_or(""))
        );
        let _ = writeln!(out, "\n- bookmarked: {}", yes_no(a.bookmarked));
        let _ = writeln!(out, "- review: {}", a.review.as_str());
        let _ = writeln!(
            out,
            "- updated: {} UTC",
            dates::timestamp_seconds(a.updated)
        );
        if e.orphaned {
            let _ = writeln!(out, "- orphaned: yes (no longer in the cache)");
        }
        if !a.note.is_empty() {
            out.push('\n');
            for line in a.note.split('\n') {
                let _ = writeln!(out, "> {line}");
            }
        }
    }
    out
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an export back: JSON (an array) or the Markdown above.
pub fn parse(text: &str) -> Result<Vec<Annotation>, String> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('[') {
        return serde_json::from_str(text)
            .map_err(|e| crate::i18n::tf("not a notes export: {}", &[&e]));
    }
    if !text.trim_start().starts_with(TITLE) {
        return Err(crate::i18n::tf(
            "not a notes export: it should be JSON or start with \"{}\"",
            &[&TITLE],
        ));
    }
    parse_markdown(text)
}

fn parse_markdown(text: &str) -> Result<Vec<Annotation>, String> {
    let mut notes: Vec<Annotation> = Vec::new();
    // Whether the current note has had a quoted line (its first may be blank).
    let mut quoted_yet = false;
    for (n, line) in text.lines().enumerate() {
        let at = |msg: &str| format!("line {}: {msg}", n + 1);
        if let Some(heading) = line.strip_prefix("## ") {
            notes.push(section(heading).ok_or_else(|| at("a section without a key"))?);
            quoted_yet = false;
            continue;
        }
        let Some(current) = notes.last_mut() else {
            continue;
        };
        if let Some(quoted) = line.strip_prefix('>') {
            let quoted = quoted.strip_prefix(' ').unwrap_or(quoted);
            if quoted_yet {
                current.note.push('\n');
            }
            current.note.push_str(quoted);
            quoted_yet = true;
        } else if let Some(item) = line.strip_prefix("- ") {
            field(current, item).map_err(|e| at(&e))?;
        }
    }
    Ok(notes)
}

fn section(heading: &str) -> Option<Annotation> {
    let (key, name) = heading
        .trim()
        .split_once(' ')
        .unwrap_or((heading.trim(), ""));
    (!key.is_empty()).then(|| Annotation {
        key: crate::present::sanitize::unescape_markdown(key),
        name: Some(crate::present::sanitize::unescape_markdown(name.trim()))
            .filter(|n| !n.is_empty()),
        ..Annotation::default()
    })
}

fn field(a: &mut Annotation, item: &str) -> Result<(), String> {
    let (label, value) = item.split_once(':').ok_or("a list item without a label")?;
    let value = value.trim();
    match label.trim() {
        "bookmarked" => a.bookmarked = value == "yes",
        "review" => {
            a.review = ReviewState::parse(value)
                .ok_or_else(|| format!("unknown review state \"{value}\""))?;
        }
        "updated" => {
            a.updated = dates::parse_timestamp(value.trim_end_matches("UTC"))
                .ok_or("a time stamp it cannot read")?;
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Annotation {
        Annotation {
            key: "2015/00730".into(),
            name: Some("Inkluderande rehabilitering".into()),
            note: "\nRing Anna.\n## not a heading\n- nor a field: x\n".into(),
            bookmarked: true,
            review: ReviewState::InReview,
            updated: 1_700_000_041,
        }
    }

    #[test]
    fn markdown_reads_back() {
        let a = sample();
        let text = to_markdown(&[Exported {
            annotation: &a,
            id: None,
            orphaned: true,
        }]);
        assert!(text.contains("## 2015/00730 Inkluderande rehabilitering"));
        assert_eq!(parse(&text).unwrap(), vec![a]);
    }

    #[test]
    fn escaped_keys_and_names_read_back_as_they_were() {
        let a = Annotation {
            key: "ESF_1*2".into(),
            name: Some("Steg [2] (IPS) <b>".into()),
            ..sample()
        };
        // As `esf notes --markdown` writes them: made inert.
        let inert = Annotation {
            key: crate::present::sanitize::markdown(&a.key),
            name: a.name.as_deref().map(crate::present::sanitize::markdown),
            ..a.clone()
        };
        let text = to_markdown(&[Exported {
            annotation: &inert,
            id: None,
            orphaned: false,
        }]);
        assert!(text.contains("ESF\\_1\\*2"), "{text}");
        assert_eq!(parse(&text).unwrap(), vec![a]);
    }

    #[test]
    fn json_reads_back_and_foreign_text_is_refused() {
        let a = sample();
        let json = serde_json::to_string(&[Exported {
            annotation: &a,
            id: None,
            orphaned: false,
        }])
        .unwrap();
        assert_eq!(parse(&json).unwrap(), vec![a]);
        assert!(parse("hello").unwrap_err().contains("not a notes export"));
        assert!(parse("# esf-browser notes\n## x\n- review: maybe")
            .unwrap_err()
            .starts_with("line 3"));
    }
}
