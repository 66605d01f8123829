//! What tells a call for applications apart when it does not call itself
//! one: today's esf.se layout (a programme area heading `POA1: …`, a
//! call's own diarienummer `24-030`, application dates), a call document's
//! dates in its prose, and the header and footer lines a document saved
//! page by page repeats.

use super::written_dates;

/// `24-030`: the diarienummer of an ESF+ call. Its projects' numbers
/// extend it (`24-030-S12`), so it is never a project's.
pub fn is_call_id(value: &str) -> bool {
    let b = value.trim().as_bytes();
    b.len() == 6
        && b[2] == b'-'
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// `POA1: Stärkt kompetensförsörjning …`, `PO B – Social inkludering`: a
/// programme area's heading, as today's call pages open with it. Returns
/// the line as written.
pub fn area_heading(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = line.strip_prefix("PO")?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let code_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let after = rest[code_len..].trim_start();
    let named = after
        .strip_prefix([':', '–', '-', '—'])
        .is_some_and(|name| name.trim_start().starts_with(char::is_alphabetic));
    ((1..=3).contains(&code_len) && rest.starts_with(|c: char| c.is_ascii_uppercase()) && named)
        .then_some(line)
}

/// Words a line about a call's application dates holds.
const ABOUT_APPLYING: &[&str] = &["ansök", "utlysning"];
const OPENING: &[&str] = &["öppnar", "öppen från", "från och med", "från den", "från"];
const CLOSING: &[&str] = &[
    "stänger",
    "sista",
    "senast",
    "till och med",
    "t.o.m.",
    "till",
];

/// The opening and closing dates a call's prose gives ("Utlysningen
/// öppnar den 1 mars 2024 och stänger den 15 maj 2024", "Sista dag att
/// ansöka är 2024-05-15"), each from a line about applying.
pub fn prose_dates(lines: &[String]) -> (Option<String>, Option<String>) {
    let (mut opens, mut closes) = (None, None);
    for line in lines {
        if line.len() > 1_000 {
            continue;
        }
        let lower = line.to_lowercase();
        if !ABOUT_APPLYING.iter().any(|w| lower.contains(w)) {
            continue;
        }
        let mut from = 0;
        for found in written_dates::dates_in(line) {
            let before = line[from..found.start].to_lowercase();
            from = found.end;
            let slot = match (last_of(&before, CLOSING), last_of(&before, OPENING)) {
                (Some(c), Some(o)) if c > o => &mut closes,
                (Some(_), None) => &mut closes,
                (_, Some(_)) => &mut opens,
                (None, None) => continue,
            };
            slot.get_or_insert(found.iso);
        }
    }
    (opens, closes)
}

/// Where the last of `words` stands in `text`.
fn last_of(text: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| text.rfind(w)).max()
}

/// Short lines a document repeats three times or more: the headers and
/// footers of its pages (`Diarienummer: 2023/00789`, the title), which
/// are no part of its text.
pub fn repeated_lines(lines: &[String]) -> Vec<&str> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for line in lines {
        let line = line.trim();
        if !line.is_empty() && line.chars().count() <= 100 {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(l, _)| l)
        .collect()
}

/// How far down a document's heading may call it a call.
const HEADING_WITHIN: usize = 30;

/// A heading near the top that begins with the word (`Utlysning inom
/// programområde A`, `Utlysningen Kompetens i välfärden`): a short line,
/// no sentence.
pub fn headed_as_call(lines: &[String]) -> bool {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(HEADING_WITHIN)
        .any(|l| {
            let first = l
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let first = first.trim_end_matches([':', ',', '–', '-']);
            matches!(first, "utlysning" | "utlysningen")
                && l.split_whitespace().count() > 1
                && l.chars().count() <= 120
                && !l.ends_with(['.', '!', '?'])
        })
}

/// `Sida 2 av 6`, `Page 2 of 6`, `Sida 2`: a page's number.
pub fn is_page_number(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    let number = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [page, n] => matches!(page.as_str(), "sida" | "page") && number(n),
        [page, n, of, m] => {
            matches!(page.as_str(), "sida" | "page")
                && matches!(of.as_str(), "av" | "of")
                && number(n)
                && number(m)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_calls_number_and_its_area_heading() {
        assert!(is_call_id("24-030") && is_call_id(" 23-101 "));
        assert!(!is_call_id("24-030-S12") && !is_call_id("2024-030") && !is_call_id("2015/00730"));
        assert!(area_heading("POA1: Stärkt kompetensförsörjning").is_some());
        assert!(area_heading("PO B – Social inkludering").is_some());
        assert!(area_heading("POLITIK: något").is_none());
        assert!(area_heading("Posten: Ja").is_none());
    }

    #[test]
    fn dates_from_prose_about_applying() {
        let page = lines(
            "Projektet startar 1 januari 2025.\n\
             Utlysningen öppnar den 4 mars 2024 och stänger den 15 maj 2024.",
        );
        assert_eq!(
            prose_dates(&page),
            (Some("2024-03-04".into()), Some("2024-05-15".into()))
        );
        assert!(headed_as_call(&lines(
            "Meny\nUtlysning inom programområde A"
        )));
        assert!(!headed_as_call(&lines(
            "Utlysningen öppnar snart för ansökningar."
        )));
        assert!(!headed_as_call(&lines("Utlysningar")));
        let page = lines("Sista dag att ansöka är 2024-05-15.");
        assert_eq!(prose_dates(&page), (None, Some("2024-05-15".into())));
    }
}
