//! Cell values both lists share: dates, funds, countries, programme
//! periods, rates and euro amounts as the exports write them.

use crate::ingest::normalise;
use crate::model::Project;

/// Fills a field the row has not filled yet; false when the value could
/// not be read.
pub fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            slot.get_or_insert(v);
            true
        }
        None => false,
    }
}

/// A cell read into its field, or else kept in `extra` under its header
/// with a warning on the row: nothing is dropped.
pub fn read_or_kept(p: &mut Project, read: bool, label: &str, value: &str) -> Option<String> {
    if read {
        return None;
    }
    crate::ingest::fields::add_extra(p, label, value);
    Some(format!(
        "{label}: could not read \"{}\"; kept in extra",
        crate::ingest::truncate_chars(value, 80)
    ))
}

/// `2023-09-04`, `2023-09-04 00:00:00`, `04/09/2023` (day first, as
/// Kohesio writes it), `4.9.2023` → `2023-09-04`.
pub fn date(value: &str) -> Option<String> {
    let value = value.trim();
    let day = value.split([' ', 'T']).next().unwrap_or(value);
    if let Some(iso) = normalise::date(day).filter(|d| d == day) {
        return Some(iso);
    }
    let parts: Vec<&str> = day.split(['/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let ok = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(ok(d, 1..=2) && ok(m, 1..=2) && ok(y, 4..=4)) {
        return None;
    }
    let iso = format!("{y}-{m:0>2}-{d:0>2}");
    normalise::date(&iso).filter(|d| *d == iso)
}

/// Which fund a row's fund cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fund {
    /// `ESF` or `ESF+` (a multi-fund `ERDF|ESF` counts as the social fund).
    Social(&'static str),
    /// Another fund, as its code.
    Other(String),
}

/// `ESF+`, `ESF`, `European Social Fund Plus`, `ERDF|ESF`, `YEI`, `ERDF`.
pub fn fund(value: &str) -> Fund {
    let mut other = None;
    for part in value.split(['|', ',', ';', '/']).map(str::trim) {
        let lower = part.to_lowercase();
        let plus = lower.contains("esf+") || lower.contains("plus") || lower == "fse+";
        if plus {
            return Fund::Social("ESF+");
        }
        if lower == "esf"
            || lower == "fse"
            || lower.contains("social fund")
            || lower == "socialfonden"
        {
            return Fund::Social("ESF");
        }
        if other.is_none() && !part.is_empty() {
            other = Some(part.to_string());
        }
    }
    Fund::Other(other.unwrap_or_else(|| value.trim().to_string()))
}

/// Whether a country cell names Sweden (`Sverige`, `Sweden`, `SE`, or a
/// multi-country `SE|FI`).
pub fn is_sweden(value: &str) -> bool {
    value.split(['|', ',', ';']).map(str::trim).any(|c| {
        let lower = c.to_lowercase();
        matches!(lower.as_str(), "se" | "sverige" | "sweden" | "swe")
    })
}

/// A country as the skip reason names it: the code when it is one.
pub fn country_name(value: &str) -> String {
    super::super::truncate_chars(value.trim(), 40)
}

/// `2021SE05SFPR001` → `2021-2027`; `2014SE05SFOP001` → `2014-2020`.
pub fn period_of_cci(cci: &str) -> Option<&'static str> {
    match cci.trim().get(..4)? {
        "2021" => Some("2021-2027"),
        "2014" => Some("2014-2020"),
        "2007" => Some("2007-2013"),
        _ => None,
    }
}

/// `2021-2027`, `2021 - 2027`, `2021–2027`.
pub fn period(value: &str) -> Option<&'static str> {
    let years: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|y| !y.is_empty())
        .collect();
    match years.as_slice() {
        ["2021", "2027"] => Some("2021-2027"),
        ["2014", "2020"] => Some("2014-2020"),
        ["2007", "2013"] => Some("2007-2013"),
        _ => None,
    }
}

/// `90%`, `40.0` (Kohesio), `0.9` (a spreadsheet's percent cell) → 90, 40, 90.
pub fn rate(value: &str) -> Option<f64> {
    let percent = normalise::percent(value)?;
    match !value.contains('%') && percent > 0.0 && percent < 1.0 {
        true => Some((percent * 10_000.0).round() / 100.0),
        false => Some(percent),
    }
}

/// `337478.4`, `1 234 567,50` → euro.
pub fn euro(value: &str) -> Option<f64> {
    let value = value.trim();
    // A plain decimal (`337478.4`, `0.5`): the point is the decimal mark
    // whatever the number of digits after it.
    let plain = value.split_once('.').is_some_and(|(w, c)| {
        !w.is_empty() && w.bytes().chain(c.bytes()).all(|b| b.is_ascii_digit())
    });
    match plain {
        true => value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v < 1e15),
        false => normalise::euro(value),
    }
}

/// `117.0` → `117`: a code a spreadsheet wrote as a number.
pub fn code(value: &str) -> String {
    value.strip_suffix(".0").unwrap_or(value).to_string()
}

/// A summary as text: HTML (`<p>…</p>`, `&amp;`) to paragraphs; a page
/// nested too deep for the HTML reader is kept as written.
pub fn summary(value: &str) -> Option<String> {
    use crate::ingest::html;
    let value = value.trim().trim_matches('"');
    let markup = value.contains('<') || value.contains('&');
    let text = match markup
        && html::nesting_depth(value) <= html::DEEPEST
        && html::elements_at_most(value) <= html::MOST_ELEMENTS
    {
        true => html::to_text(value),
        false => value.to_string(),
    };
    let lines: Vec<String> = text.lines().map(crate::ingest::text::fold_spaces).collect();
    crate::ingest::labelled::paragraphs(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_written_form() {
        assert_eq!(date("04/09/2023").as_deref(), Some("2023-09-04"));
        assert_eq!(date("2023-09-04 00:00:00").as_deref(), Some("2023-09-04"));
        assert_eq!(date("2023-03-01").as_deref(), Some("2023-03-01"));
        assert_eq!(date("31/02/2023"), None);
        assert_eq!(date("snart"), None);
        assert_eq!(date("2023-13-01"), None);
    }

    #[test]
    fn funds_countries_periods_and_rates() {
        assert_eq!(fund("ERDF|ESF"), Fund::Social("ESF"));
        assert_eq!(fund("ESF+"), Fund::Social("ESF+"));
        assert_eq!(fund("ERDF"), Fund::Other("ERDF".into()));
        assert_eq!(fund("JTF"), Fund::Other("JTF".into()));
        assert!(is_sweden("Sverige") && is_sweden("SE|FI") && !is_sweden("FI"));
        assert_eq!(period_of_cci("2021SE05SFPR"), Some("2021-2027"));
        assert_eq!(period_of_cci("2014SE05SFOP001"), Some("2014-2020"));
        assert_eq!(rate("90%"), Some(90.0));
        assert_eq!(rate("40.0"), Some(40.0));
        assert_eq!(rate("0.4"), Some(40.0));
        assert_eq!(euro("337478.4"), Some(337478.4));
        assert_eq!(euro("1 234,5"), Some(1234.5));
        assert_eq!(euro("12.345"), Some(12.345));
        assert_eq!(code("117.0"), "117");
    }

    #[test]
    fn an_html_summary_keeps_its_paragraphs() {
        let html = "<p>Första &amp; bästa.</p>\n<p>Andra<br>raden.</p>";
        assert_eq!(
            summary(html).as_deref(),
            Some("Första & bästa.\n\nAndra\nraden.")
        );
        assert_eq!(summary("  ").as_deref(), None);
    }
}
