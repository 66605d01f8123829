//! Dates written out in words, as pages and prose give them: "1 September
//! 2023", "31 augusti 2026", "1 sep. 2023", besides ISO dates.

use super::normalise;

/// Month names in Swedish and English, and their short forms.
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("februari", 2),
    ("february", 2),
    ("mars", 3),
    ("march", 3),
    ("april", 4),
    ("maj", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("juli", 7),
    ("july", 7),
    ("augusti", 8),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word || (word.len() <= 4 && name.starts_with(&word)))
        .map(|(_, m)| *m)
}

/// A date found in a text, with the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

/// Every date in the text, ISO or in words, in the order they stand.
pub fn dates_in(text: &str) -> Vec<Found> {
    let words: Vec<(usize, &str)> = words_with_offsets(text);
    let mut found = Vec::new();
    for i in 0..words.len() {
        let (at, word) = words[i];
        if let Some(iso) = normalise::date(word) {
            found.push(Found {
                iso,
                start: at,
                end: at + word.len(),
            });
            continue;
        }
        if let Some(date) = words.get(i..i + 3).and_then(day_month_year) {
            let (last_at, last) = words[i + 2];
            found.push(Found {
                iso: date,
                start: at,
                end: last_at + last.len(),
            });
        }
    }
    found
}

/// The one date a value gives, in any of the forms.
pub fn date(value: &str) -> Option<String> {
    let found = dates_in(value);
    (found.len() == 1).then(|| found[0].iso.clone())
}

/// A period in prose: the first two dates joined by "till", "-", "–",
/// "to", "and", "och" (`från 1 september 2023 till 31 augusti 2026`).
pub fn period_in(text: &str) -> Option<(String, String)> {
    let found = dates_in(text);
    found.windows(2).find_map(|pair| {
        let between = text[pair[0].end..pair[1].start].trim().to_lowercase();
        let joins = ["till", "-", "–", "—", "to", "och", "and", "t.o.m.", "–till"];
        joins
            .contains(&between.as_str())
            .then(|| (pair[0].iso.clone(), pair[1].iso.clone()))
    })
}

fn day_month_year(w: &[(usize, &str)]) -> Option<String> {
    let day: u32 = w[0].1.trim_end_matches('.').parse().ok()?;
    let month = month(w[1].1)?;
    let year: u32 = w[2]
        .1
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    let iso = format!("{year:04}-{month:02}-{day:02}");
    normalise::date(&iso)
}

/// Words split at blanks and commas, each with its byte offset.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let breaks = c.is_whitespace() || c == ',' || c == '(' || c == ')';
        match (breaks, start) {
            (true, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words_in_both_languages() {
        assert_eq!(date("1 September 2023").as_deref(), Some("2023-09-01"));
        assert_eq!(date("31 augusti 2026").as_deref(), Some("2026-08-31"));
        assert_eq!(date("1 sep. 2023").as_deref(), Some("2023-09-01"));
        assert_eq!(date("2023-09-01").as_deref(), Some("2023-09-01"));
        assert_eq!(date("31 februari 2023"), None, "no such day");
        assert_eq!(date("1 Mars"), None, "no year");
        assert_eq!(date("Mars 2023"), None);
    }

    #[test]
    fn a_period_is_two_dates_joined() {
        assert_eq!(
            period_in("Projektet pågår från 1 september 2023 till 31 augusti 2026."),
            Some(("2023-09-01".into(), "2026-08-31".into()))
        );
        assert_eq!(
            period_in("Projekttid: 2019-01-01 – 2021-12-31"),
            Some(("2019-01-01".into(), "2021-12-31".into()))
        );
        assert_eq!(
            period_in("Publicerad 2024-03-12. Starten var 1 maj 2023."),
            None,
            "two dates that are no period"
        );
    }
}
