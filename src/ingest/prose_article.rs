//! `article` without a side panel: today's esf.se news layout and older film
//! pages name the project only in their prose ("I Socialfondsprojektet
//! Framtidens Arbetsplats …", "ESF-projektet ”Steg för steg”") and its
//! municipalities in a list ("De deltagande kommunerna är Lidköping, …").
//! A page that never speaks of the European Social Fund is not taken for one.

use super::gazetteer::Gazetteer;
use super::text::CleanText;
use super::{labelled, orgs, FormatParser, Parsed};
use crate::model::{Format, Project};

pub struct ProseArticle;

/// Words that introduce a project's name, most telling first.
const CUES: &[&str] = &[
    "socialfondsprojektet",
    "esf-projektet",
    "esf+-projektet",
    "projektet",
];

/// Words that end a name taken from prose: verbs and relative words that
/// follow a name in a sentence.
const ENDS_NAME: &[&str] = &[
    "är",
    "var",
    "har",
    "hade",
    "ska",
    "skulle",
    "får",
    "fick",
    "kan",
    "kunde",
    "kommer",
    "som",
    "där",
    "vilket",
    "startade",
    "startar",
    "drivs",
    "drevs",
    "pågår",
    "pågick",
    "riktar",
    "vänder",
    "syftar",
    "erbjuder",
    "ger",
    "gav",
    "hjälper",
    "arbetar",
    "började",
    "avslutades",
    "finansieras",
    "handlar",
    "leds",
    "om",
    "med",
    "på",
    "deltar",
    "deltog",
    "samarbetar",
    "fokuserar",
    "bygger",
    "utvecklar",
    "stöttar",
    "stödjer",
    "når",
    "testar",
    "visar",
    "innebär",
];

/// Most words a name taken from prose may have.
const NAME_WORDS: usize = 8;

impl FormatParser for ProseArticle {
    fn format(&self) -> Format {
        Format::Article
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        let text = doc.lines.join("\n");
        match from_esf_site(doc) && speaks_of_esf(&text) && named_project(&text).is_some() {
            true => 3,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let content: Vec<&String> = doc.lines.iter().filter(|l| !g.is_chrome(l)).collect();
        let headline = content.iter().position(|l| !l.trim().is_empty());
        let title = headline.map(|i| content[i].trim().to_string());
        let rest = headline.map_or(&content[..0], |i| &content[i + 1..]);
        let body = labelled::paragraphs(rest.iter().copied()).unwrap_or_default();
        let p = Project {
            name: named_project(&body),
            municipalities: listed_municipalities(g, &body),
            ..Project::default()
        };
        super::article::finish(p, g, title, body, Vec::new())
    }
}

/// Lines only the fund's own site has: its name in the header or footer,
/// its print header. A page without one is someone else's page about a
/// project (`linked_page`).
const SITE_MARKS: &[&str] = &[
    "svenska esf-rådet",
    "esf-rådet",
    "esf.se",
    "www.esf.se",
    "logotyp på utskrifter",
];

/// Whether the page is the fund's own (esf.se).
pub fn from_esf_site(doc: &CleanText) -> bool {
    doc.lines.iter().any(|l| {
        let key = super::gazetteer::pattern_key(l.trim());
        let key = key.trim_start_matches(['©', ' ']);
        SITE_MARKS.contains(&key) || key.starts_with("© svenska esf-rådet")
    })
}

/// Whether the page speaks of the European Social Fund at all.
pub fn speaks_of_esf(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["socialfond", "esf-", "esf+", " esf ", "(esf)"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The project's name from the prose: after the most telling cue that is
/// followed by a name (quoted, or starting with a capital letter).
pub fn named_project(text: &str) -> Option<String> {
    // ASCII case only: the cues are ASCII, and the offsets must hold in
    // `text` (full lower-casing changes lengths: "İ" is two characters).
    let lower = text.to_ascii_lowercase();
    CUES.iter().find_map(|cue| {
        lower.match_indices(cue).find_map(|(at, _)| {
            let before = lower[..at].chars().next_back();
            // "Socialfondsprojektet" holds "projektet": a cue is a whole word;
            // "Interreg-projektet" is another fund's project.
            if before.is_some_and(char::is_alphanumeric) || another_funds(&lower[..at]) {
                return None;
            }
            name_after(&text[at + cue.len()..])
        })
    })
}

/// A cue joined by a hyphen to a word other than ESF's own
/// ("Interreg-projektet", "Vinnova-projektet").
fn another_funds(before: &str) -> bool {
    let Some(word) = before.strip_suffix('-') else {
        return false;
    };
    let word = word
        .rsplit(|c: char| !c.is_alphanumeric() && c != '+')
        .next();
    !matches!(word, Some("esf" | "esf+"))
}

/// `”Steg för steg”`, or `Framtidens Arbetsplats` up to the word that ends
/// the name.
fn name_after(rest: &str) -> Option<String> {
    let rest = rest.strip_prefix(' ')?;
    if let Some(quoted) = quoted(rest) {
        return Some(quoted);
    }
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let clause = rest
        .split(['.', ',', ';', ':', '!', '?', '(', ')', '\n'])
        .next()?;
    let words: Vec<&str> = clause
        .split_whitespace()
        .take_while(|w| !ENDS_NAME.contains(&w.to_lowercase().as_str()))
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .take(NAME_WORDS)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A name in quotes at the start: ”…”, "…", «…», “…”.
fn quoted(rest: &str) -> Option<String> {
    let open = rest.chars().next()?;
    let close = match open {
        '”' | '"' => open,
        '“' => '”',
        '«' => '»',
        _ => return None,
    };
    let inner = &rest[open.len_utf8()..];
    let end = inner.find(close)?;
    let name = inner[..end].trim();
    (!name.is_empty() && name.chars().count() <= 80).then(|| name.to_string())
}

/// "De deltagande kommunerna är Lidköping, Götene och Skara": the
/// municipalities such a list names.
fn listed_municipalities(g: &Gazetteer, text: &str) -> Vec<String> {
    // Offsets in `lower` must hold in `text`: ASCII case only.
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for (at, cue) in lower.match_indices("kommunerna är ") {
        let list = text[at + cue.len()..]
            .split(['.', '\n'])
            .next()
            .unwrap_or("");
        for part in orgs::split_partner_list(list) {
            let name = part.trim();
            let name = name.strip_prefix("och ").unwrap_or(name);
            if let Some(m) = g.municipality(name) {
                if !found.contains(&m.name) {
                    found.push(m.name.clone());
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    #[test]
    fn names_come_after_the_cue_up_to_the_verb() {
        let named = |t: &str| named_project(t);
        assert_eq!(
            named("I Socialfondsprojektet Framtidens Arbetsplats får unga prova yrken.").as_deref(),
            Some("Framtidens Arbetsplats")
        );
        assert_eq!(
            named("Se filmen om ESF-projektet ”Steg för steg” där deltagare berättar.").as_deref(),
            Some("Steg för steg")
        );
        assert_eq!(
            named("Projektet har pågått länge. I projektet Nya Vägar i Vellinge + deltar 140.")
                .as_deref(),
            Some("Nya Vägar i Vellinge +")
        );
        assert_eq!(named("Projektet har pågått i två år."), None);
        assert_eq!(named("I Interreg-projektet Gränslöst arbetar vi."), None);
    }

    #[test]
    fn letters_that_lower_case_to_longer_ones_never_shift_the_name() {
        let text = "İİİİ I Socialfondsprojektet Framtidens Arbetsplats får unga prova.";
        assert_eq!(
            named_project(text).as_deref(),
            Some("Framtidens Arbetsplats")
        );
        let text = "İİ De deltagande kommunerna är Lidköping och Skara.";
        assert_eq!(
            listed_municipalities(gazetteer(), text),
            ["Lidköping", "Skara"]
        );
    }

    #[test]
    fn a_list_of_municipalities_in_prose() {
        let text = "De deltagande kommunerna är Lidköping, Götene och Skara. Fler kan komma.";
        assert_eq!(
            listed_municipalities(gazetteer(), text),
            ["Lidköping", "Götene", "Skara"]
        );
    }

    #[test]
    fn only_pages_that_speak_of_the_fund() {
        assert!(speaks_of_esf(
            "Projektet finansieras av Europeiska socialfonden."
        ));
        assert!(speaks_of_esf("ett ESF-projekt i Skåne"));
        assert!(!speaks_of_esf(
            "Projektet finansieras av Vinnova och Tillväxtverket."
        ));
    }
}
