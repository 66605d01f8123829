//! The ways a document may write a value the record holds in one form: an
//! amount with or without thousands separators, a date in figures or in
//! words, in Swedish or English.

/// `4973906` as `4973906`, `4 973 906`, `4.973.906`, `4,973,906`.
pub fn amount(n: i64) -> Vec<String> {
    let digits = n.unsigned_abs().to_string();
    let mut forms = vec![digits.clone()];
    if digits.len() > 3 {
        for sep in [" ", ".", ","] {
            forms.push(grouped(&digits, sep));
        }
    }
    if n < 0 {
        forms = forms.into_iter().map(|f| format!("-{f}")).collect();
    }
    forms
}

/// `3544067.52` as `3 544 067,52`, `3,544,067.52`, `3544067.52`; a whole
/// number as [`amount`] does (a `,00` after it is left to the text).
pub fn decimal_amount(v: f64) -> Vec<String> {
    if !v.is_finite() || v.abs() >= 1e15 {
        return Vec::new();
    }
    let cents = (v.abs() * 100.0).round() as i64;
    let (whole, part) = (cents / 100, cents % 100);
    let wholes = amount(whole);
    if part == 0 {
        return wholes;
    }
    let mut forms = Vec::new();
    for w in &wholes {
        // `3 544 067,52` and `3,544,067.52`: the decimal mark is the one
        // the grouping does not use.
        for mark in [",", "."] {
            if !w.contains(mark) {
                forms.push(format!("{w}{mark}{part:02}"));
            }
        }
    }
    forms
}

/// Month names, Swedish then English, full and short.
const MONTHS: [[&str; 4]; 12] = [
    ["januari", "january", "jan", "jan"],
    ["februari", "february", "feb", "feb"],
    ["mars", "march", "mar", "mar"],
    ["april", "april", "apr", "apr"],
    ["maj", "may", "maj", "may"],
    ["juni", "june", "jun", "jun"],
    ["juli", "july", "jul", "jul"],
    ["augusti", "august", "aug", "aug"],
    ["september", "september", "sep", "sept"],
    ["oktober", "october", "okt", "oct"],
    ["november", "november", "nov", "nov"],
    ["december", "december", "dec", "dec"],
];

/// `2023-09-04` as `2023-09-04`, `04/09/2023`, `4.9.2023`, `4 september
/// 2023`, `4 sep. 2023`, `September 4, 2023`; in lower case (the text is
/// searched folded).
pub fn date(iso: &str) -> Vec<String> {
    let Some((y, m, d)) = ymd(iso) else {
        return vec![iso.to_lowercase()];
    };
    let mut forms = vec![
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}/{m:02}/{d:02}"),
        format!("{d:02}/{m:02}/{y}"),
        format!("{d}/{m}/{y}"),
        format!("{d:02}.{m:02}.{y}"),
        format!("{d}.{m}.{y}"),
        format!("{y}{m:02}{d:02}"),
    ];
    for name in month_names(m) {
        forms.push(format!("{d} {name} {y}"));
        forms.push(format!("{d:02} {name} {y}"));
        forms.push(format!("{d}. {name} {y}"));
        forms.push(format!("{name} {d}, {y}"));
        forms.push(format!("{name} {d} {y}"));
    }
    forms.sort();
    forms.dedup();
    forms
}

/// A month and year alone (`oktober 2015`, `2015-10`): where a page gives
/// no day, and the record the first or last of the month.
pub fn month_of(iso: &str) -> Vec<String> {
    let Some((y, m, d)) = ymd(iso) else {
        return Vec::new();
    };
    // A month alone gives its first or last day, never the 15th.
    if d != 1 && d < 28 {
        return Vec::new();
    }
    let mut forms = vec![format!("{y}-{m:02}")];
    forms.extend(month_names(m).map(|name| format!("{name} {y}")));
    forms.sort();
    forms.dedup();
    forms
}

fn month_names(m: u32) -> impl Iterator<Item = String> {
    let names = MONTHS[(m - 1) as usize];
    names
        .into_iter()
        .flat_map(|n| [n.to_string(), format!("{n}.")])
        .filter(|n| !n.ends_with("..") && n.len() > 1)
}

fn ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut parts = iso.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// `2120001033` as `2120001033` and `212000-1033`.
pub fn org_number(n: &str) -> Vec<String> {
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    let mut forms = vec![n.to_lowercase()];
    if digits.len() == 10 {
        forms.push(digits.clone());
        forms.push(format!("{}-{}", &digits[..6], &digits[6..]));
    }
    forms.dedup();
    forms
}

fn grouped(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_with_every_separator() {
        let forms = amount(4_973_906);
        for written in ["4973906", "4 973 906", "4.973.906", "4,973,906"] {
            assert!(forms.contains(&written.to_string()), "{written}: {forms:?}");
        }
        assert_eq!(amount(974_500)[1], "974 500");
        assert_eq!(amount(500), ["500"]);
    }

    #[test]
    fn euro_keep_their_cents_with_the_other_mark() {
        let forms = decimal_amount(3_544_067.52);
        assert!(forms.contains(&"3 544 067,52".to_string()), "{forms:?}");
        assert!(forms.contains(&"3,544,067.52".to_string()));
        assert!(!forms.contains(&"3,544,067,52".to_string()));
        assert_eq!(decimal_amount(1_204_350.0)[1], "1 204 350");
    }

    #[test]
    fn dates_in_figures_and_words() {
        let forms = date("2023-09-04");
        for written in [
            "2023-09-04",
            "04/09/2023",
            "4 september 2023",
            "4 sep. 2023",
            "4 sept 2023",
            "september 4, 2023",
        ] {
            assert!(forms.contains(&written.to_string()), "{written}: {forms:?}");
        }
        assert!(month_of("2015-10-01").contains(&"oktober 2015".to_string()));
        assert!(month_of("2015-10-15").is_empty());
        assert_eq!(date("soon"), ["soon"]);
    }

    #[test]
    fn org_numbers_with_and_without_the_hyphen() {
        assert!(org_number("2120001033").contains(&"212000-1033".to_string()));
    }
}
