//! Values as written in documents to typed values: money, dates, periods,
//! percentages, counts and programme areas.

/// `8 866 642`, `974 500 kr`, `1 250 000,00 SEK` → whole kronor.
pub fn money(value: &str) -> Option<i64> {
    let lower = value.trim().to_lowercase();
    let unit_less = ["kronor", "sek", "kr.", "kr", ":-"]
        .iter()
        .fold(lower.as_str(), |s, unit| {
            s.trim_end_matches(unit).trim_end()
        });
    let whole = strip_decimals(unit_less);
    let digits: String = whole
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != ',')
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Drops a decimal part of one or two digits (`974 500,00`, `12.50`).
fn strip_decimals(s: &str) -> &str {
    match s.rfind([',', '.']) {
        Some(i) if (1..=2).contains(&(s.len() - i - 1)) => &s[..i],
        _ => s,
    }
}

/// `3 544 067,52 €`, `€3,544,067.52`, `EUR 2 130 769.50` → euro with cents.
/// The last `,` or `.` before one or two digits at the end is the decimal
/// mark; every other one groups thousands.
pub fn euro(value: &str) -> Option<f64> {
    let lower = value.trim().to_lowercase();
    let bare = lower
        .replace(['€', '\u{a0}', '\u{202f}'], " ")
        .replace("eur", " ");
    let bare: String = bare.chars().filter(|c| !c.is_whitespace()).collect();
    if bare.is_empty() {
        return None;
    }
    let (whole, cents) = match bare.rfind([',', '.']) {
        Some(i) if (1..=2).contains(&(bare.len() - i - 1)) => (&bare[..i], &bare[i + 1..]),
        _ => (bare.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| *c != ',' && *c != '.').collect();
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !all_digits(&whole) || !all_digits(cents) || whole.len() > 15 {
        return None;
    }
    format!("{whole}.{cents:0<2}").parse().ok()
}

/// A whole number such as `50` or `1 200`.
pub fn count(value: &str) -> Option<i64> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `50%`, `50 %`, `40,5 %` → 50, 50, 40.5.
pub fn percent(value: &str) -> Option<f64> {
    let number = value.trim().trim_end_matches('%').trim().replace(',', ".");
    let parsed: f64 = number.parse().ok()?;
    (parsed.is_finite() && (0.0..=100.0).contains(&parsed)).then_some(parsed)
}

/// Every valid ISO date (`YYYY-MM-DD`) in the text, in order.
pub fn dates_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 10 <= bytes.len() {
        let window = &bytes[i..i + 10];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary && looks_like_iso(window) && valid_date(window) {
            found.push(String::from_utf8_lossy(window).into_owned());
            i += 10;
        } else {
            i += 1;
        }
    }
    found
}

fn looks_like_iso(w: &[u8]) -> bool {
    w.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    })
}

fn valid_date(w: &[u8]) -> bool {
    let num = |r: std::ops::Range<usize>| -> u32 {
        std::str::from_utf8(&w[r])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    };
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

/// A single date value.
pub fn date(value: &str) -> Option<String> {
    let found = dates_in(value);
    (found.len() == 1).then(|| found[0].clone())
}

/// `2016-02-01 - 2019-01-31`, `2014-01-02 till 2014-10-31`, en dashes.
pub fn period(value: &str) -> Option<(String, String)> {
    let found = dates_in(value);
    match found.as_slice() {
        [start, end] => Some((start.clone(), end.clone())),
        _ => None,
    }
}

/// `2`, `A`, `2 Ökat arbetskraftsutbud`, `Programområde 2 Ökat …`,
/// `2.1 Öka övergångarna till arbete` → (area, specific objective, name).
pub fn programme_area(value: &str) -> ProgrammeArea {
    let rest = value.trim();
    let rest = strip_prefix_ci(rest, "programområde")
        .unwrap_or(rest)
        .trim();
    let (code, name) = match rest.split_once(' ') {
        Some((code, name)) => (code, Some(name.trim())),
        None => (rest, None),
    };
    let code = code.trim_end_matches([':', '.', ',']);
    if !is_area_code(code) {
        return ProgrammeArea {
            area: None,
            objective: None,
            name: (!rest.is_empty()).then(|| rest.to_string()),
        };
    }
    let (area, objective) = match code.split_once('.') {
        Some((area, _)) => (area.to_string(), Some(code.to_string())),
        None => (code.to_string(), None),
    };
    ProgrammeArea {
        area: Some(area),
        objective,
        name: name.filter(|n| !n.is_empty()).map(str::to_string),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeArea {
    pub area: Option<String>,
    pub objective: Option<String>,
    pub name: Option<String>,
}

/// `2`, `A`, `2.1`: short codes, not words.
fn is_area_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let head = parts.next().unwrap_or("");
    let head_ok = (!head.is_empty() && head.len() <= 2 && head.chars().all(|c| c.is_ascii_digit()))
        || (head.len() == 1 && head.chars().all(|c| c.is_ascii_uppercase()));
    head_ok && parts.all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Case-insensitive prefix strip that respects char boundaries.
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let (first, want) = (s.bytes().next()?, prefix.bytes().next()?);
    if first.is_ascii() && want.is_ascii() && !first.eq_ignore_ascii_case(&want) {
        return None;
    }
    // Fast path: the same bytes but for ASCII case.
    if let Some(head) = s.as_bytes().get(..prefix.len()) {
        if head.eq_ignore_ascii_case(prefix.as_bytes()) && s.is_char_boundary(prefix.len()) {
            return Some(&s[prefix.len()..]);
        }
    }
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(rest.next().map_or("", |(i, _)| &s[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_forms() {
        assert_eq!(money("8 866 642"), Some(8_866_642));
        assert_eq!(money("974 500 kr"), Some(974_500));
        assert_eq!(money("1 250 000,00 SEK"), Some(1_250_000));
        assert_eq!(money("1.250.000 kr"), Some(1_250_000));
        assert_eq!(money("12 500:-"), Some(12_500));
        assert_eq!(money("okänt"), None);
        assert_eq!(money(""), None);
        assert_eq!(money("99999999999999999999999"), None);
    }

    #[test]
    fn periods() {
        let p = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            period("2016-02-01 - 2019-01-31"),
            p("2016-02-01", "2019-01-31")
        );
        assert_eq!(
            period("2014-01-02 till 2014-10-31"),
            p("2014-01-02", "2014-10-31")
        );
        assert_eq!(
            period("2017-09-01 – 2020-08-31"),
            p("2017-09-01", "2020-08-31")
        );
        assert_eq!(
            period("2017-09-01–2020-08-31"),
            p("2017-09-01", "2020-08-31")
        );
        assert_eq!(period("2017-02-30 - 2020-08-31"), None);
        assert_eq!(period("snart"), None);
    }

    #[test]
    fn single_dates() {
        assert_eq!(date("2023-03-01"), Some("2023-03-01".to_string()));
        assert_eq!(date("2024-02-29"), Some("2024-02-29".to_string()));
        assert_eq!(date("2023-02-29"), None);
        assert_eq!(date("12023-03-01"), None);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent("50%"), Some(50.0));
        assert_eq!(percent("60 %"), Some(60.0));
        assert_eq!(percent("40,5 %"), Some(40.5));
        assert_eq!(percent("många"), None);
        assert_eq!(percent("150%"), None);
    }

    #[test]
    fn euro_forms() {
        assert_eq!(euro("3 544 067,52 €"), Some(3_544_067.52));
        assert_eq!(euro("€3,544,067.52"), Some(3_544_067.52));
        assert_eq!(euro("EUR 2 130 769.5"), Some(2_130_769.5));
        assert_eq!(euro("1.000.000 €"), Some(1_000_000.0));
        assert_eq!(euro("okänt"), None);
        assert_eq!(euro("€"), None);
    }

    #[test]
    fn counts() {
        assert_eq!(count("50"), Some(50));
        assert_eq!(count("1 200"), Some(1200));
        assert_eq!(count("ca 50"), None);
    }

    #[test]
    fn programme_areas() {
        let a = programme_area("Programområde 2 Ökat arbetskraftsutbud");
        assert_eq!(a.area.as_deref(), Some("2"));
        assert_eq!(a.objective, None);
        assert_eq!(a.name.as_deref(), Some("Ökat arbetskraftsutbud"));
        let b = programme_area("2.1 Öka övergångarna till arbete");
        assert_eq!(b.area.as_deref(), Some("2"));
        assert_eq!(b.objective.as_deref(), Some("2.1"));
        assert_eq!(b.name.as_deref(), Some("Öka övergångarna till arbete"));
        let c = programme_area("A");
        assert_eq!((c.area.as_deref(), c.name), (Some("A"), None));
        let d = programme_area("Kompetensförsörjning");
        assert_eq!(
            (d.area, d.name.as_deref()),
            (None, Some("Kompetensförsörjning"))
        );
    }

    #[test]
    fn prefix_ci_is_char_safe() {
        assert_eq!(strip_prefix_ci("ÖKAT x", "ökat"), Some(" x"));
        assert_eq!(strip_prefix_ci("ö", "öka"), None);
    }
}
