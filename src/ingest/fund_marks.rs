//! The fund's own marks on a record. Other funders' decisions are laid out
//! like the project bank's records (a diarienummer, a name, dates, a sum),
//! so a block of labelled pairs alone makes no ESF project: it needs a
//! label only the fund's records use, or the fund named on the page, or
//! labels all of which are the fund's record's own, and never another
//! funder's labels or name in place of the fund's.

use super::labelled::Pair;
use super::text::CleanText;

/// Labels only the fund's project-bank records use (2014–2020 and ESF+).
const FUND_LABELS: &[&str] = &[
    "beviljat esf-stöd",
    "beviljat esf+-stöd",
    "berörd fond",
    "program cci",
    "unionens medfinansieringsgrad",
    "specifikt mål",
    "programområde",
    "interventionstyp",
    "stödmottagare postnr",
    "stödmottagare ort",
    "projektägare organisationsnummer",
    "nuts-2 kod",
    "sekundärtema - motverka barnfattigdom",
    "insats av strategisk betydelse",
    "land som berörs",
    "planerat antal deltagare",
];

/// Labels of other funders' decisions that the fund's records never use.
const FOREIGN_LABELS: &[&str] = &[
    "koordinator",
    "projektkoordinator",
    "huvudsökande",
    "startdatum-slutdatum",
    "start- och slutdatum",
    "bidragsmottagare",
    "finansiär",
    "beviljat belopp",
    "bidrag",
];

/// Other funders, as their own pages name them (whole words).
const OTHER_FUNDERS: &[&str] = &[
    "vinnova",
    "forte",
    "tillväxtverket",
    "arvsfonden",
    "allmänna arvsfonden",
    "regionala utvecklingsfonden",
    "regionalfonden",
    "eruf",
    "interreg",
    "energimyndigheten",
    "vetenskapsrådet",
    "jordbruksverket",
    "landsbygdsprogrammet",
    "horisont europa",
    "horizon europe",
    "kulturrådet",
];

/// The fund named in a page's text.
const FUND_NAMES: &[&str] = &[
    "esf",
    "esf+",
    "esf-rådet",
    "esf-rådets",
    "socialfonden",
    "socialfondens",
    "europeiska socialfonden",
    "socialfondsprojekt",
    "socialfondsprojektet",
    "socialfondsprogrammet",
];

/// Whether a block of pairs on this page is the fund's record.
pub fn is_the_funds(doc: &CleanText, pairs: &[Pair]) -> bool {
    let keys: Vec<String> = pairs
        .iter()
        .map(|p| super::gazetteer::pattern_key(&p.label))
        .collect();
    if keys.iter().any(|k| FUND_LABELS.contains(&k.as_str())) {
        return true;
    }
    if keys
        .iter()
        .any(|k| FOREIGN_LABELS.iter().any(|f| compact(f) == compact(k)))
    {
        return false;
    }
    let text = doc.lines.join("\n").to_lowercase();
    if OTHER_FUNDERS.iter().any(|f| names(&text, f)) {
        return false;
    }
    let all_the_funds = pairs
        .iter()
        .all(|p| super::fields::field_for(&p.label).is_some());
    all_the_funds || FUND_NAMES.iter().any(|f| names(&text, f))
}

/// `Startdatum – Slutdatum` → `startdatum-slutdatum`: dashes and the
/// blanks around them as one.
fn compact(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
        .collect()
}

/// Whether `text` (lower case) holds `word` as a whole word or phrase.
fn names(text: &str, word: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '+');
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let glued = word.ends_with('+') && after.is_some_and(char::is_alphanumeric);
        !part(before) && !part(after) && !glued
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_whole_words() {
        assert!(names("finansieras av vinnova.", "vinnova"));
        assert!(!names("projektet ska fortsätta", "forte"));
        assert!(names("ett esf-projekt", "esf"));
        assert!(!names("esf+ finansierar", "esf"));
        assert!(names("esf+ finansierar", "esf+"));
        assert!(!names("desfal", "esf"));
    }

    #[test]
    fn another_funders_labels_in_any_spacing() {
        let pair = |label: &str| Pair {
            label: label.into(),
            value: "x".into(),
        };
        let doc = CleanText {
            lines: vec!["Diarienummer:".into()],
            warnings: vec![],
            site_lines: vec![],
        };
        for label in [
            "Startdatum – Slutdatum",
            "Start- och slutdatum",
            "KOORDINATOR",
        ] {
            let pairs = [
                pair("Diarienummer"),
                pair("Namn"),
                pair(label),
                pair("Region"),
            ];
            assert!(!is_the_funds(&doc, &pairs), "{label}");
        }
        let pairs = [
            pair("Diarienummer"),
            pair("Namn"),
            pair("Region"),
            pair("Projektperiod"),
        ];
        assert!(is_the_funds(&doc, &pairs), "the record's own labels only");
        let pairs = [
            pair("Diarienummer"),
            pair("Koordinator"),
            pair("Specifikt mål"),
        ];
        assert!(
            is_the_funds(&doc, &pairs),
            "a label only the fund's record has"
        );
    }
}
