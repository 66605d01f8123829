//! How values are written for people, in one place: money, millions,
//! periods, durations, and "—" for what a document does not say. Plain
//! text in, plain text out (sanitise where it is drawn).

use crate::dates;
use crate::i18n::t;

/// Shown for a value the document does not give.
pub const MISSING: &str = "—";

/// The value, or [`MISSING`].
pub fn or_missing(v: Option<String>) -> String {
    v.unwrap_or_else(|| MISSING.to_string())
}

/// `8 866 642 kr`.
pub fn money(v: Option<i64>) -> Option<String> {
    v.map(|n| format!("{} kr", thousands(n)))
}

/// `3 544 067,52 €`: euro as a Kohesio page gives them, cents kept.
pub fn euro(v: Option<f64>) -> Option<String> {
    let v = v.filter(|v| v.is_finite())?;
    let cents = (v * 100.0).round() as i64;
    Some(format!(
        "{},{:02} €",
        thousands(cents / 100),
        (cents % 100).abs()
    ))
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

/// `8.9 M` (`8,9 mnkr` in Swedish): kronor in millions, one decimal.
pub fn millions(kr: i128) -> String {
    let number = decimal(kr as f64 / 1e6, 1);
    match crate::i18n::lang() {
        crate::i18n::Lang::Sv => format!("{number} {}", t("M")),
        crate::i18n::Lang::En => format!("{number} M"),
    }
}

/// `0.76` (`0,76` in Swedish): a number with `places` decimals.
pub fn decimal(n: f64, places: usize) -> String {
    let text = format!("{n:.places$}");
    match crate::i18n::lang() {
        crate::i18n::Lang::Sv => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
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

/// Why a project matched, as a line: `partner: Vellinge Vårdcentral; name: …`.
pub fn reasons(reasons: &[crate::search::fields::Reason]) -> String {
    let mut out = String::new();
    for (n, r) in reasons.iter().enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        out.push_str(t(r.field.as_str()));
        out.push_str(": ");
        out.push_str(&r.text);
    }
    out
}

/// At most this many characters of a user's argument are quoted back.
const QUOTED_AT_MOST: usize = 60;

/// A user's argument as a message quotes it: its first line, at most
/// [`QUOTED_AT_MOST`] characters ("…" where cut), made safe.
pub fn clipped(arg: &str) -> String {
    let first = arg.lines().next().unwrap_or_default();
    let cut = first.chars().count() > QUOTED_AT_MOST || first.len() < arg.trim_end().len();
    let mut shown: String = first.chars().take(QUOTED_AT_MOST).collect();
    if cut {
        shown.push('…');
    }
    crate::present::sanitize::line(&shown).into_owned()
}

/// [`clipped`] in quotation marks.
pub fn quoted(arg: &str) -> String {
    format!("\"{}\"", clipped(arg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_argument_is_quoted_by_its_first_line() {
        assert_eq!(quoted("inkl"), "\"inkl\"");
        let long = "x".repeat(100_000);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(60)));
        assert_eq!(quoted("first\nsecond"), "\"first…\"");
        assert_eq!(quoted("a\u{1b}[2J"), "\"a␛[2J\"");
    }

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
    fn money_and_missing_values() {
        assert_eq!(money(Some(974_500)).as_deref(), Some("974 500 kr"));
        assert_eq!(or_missing(money(None)), "—");
        assert_eq!(
            period_text(Some("2016-02-01"), None).as_deref(),
            Some("2016-02-01 – ?")
        );
    }
}
