//! A project's name as prose writes it: after a cue ("I Socialfondsprojektet
//! Nya Steg ser man …", "arbetslöshetsprojektet X", "The project Inclusive
//! Steps …"), up to the word that ends it, keeping what names hold
//! (`Möjligheterna del 2`, `Ung Väg 9.0`, `Starta!`) and joining a name
//! broken over a line. A project the page names as an earlier one ("bygger
//! på erfarenheterna från projektet Y") is never the page's; a name the
//! page's heading also gives is preferred to any other.

use super::words::{
    earlier, ends_name, head, plausible, starts_lower, starts_name, starts_upper, tail,
    whole_words, CLAUSE_BYTES, JOINS_NAME, NAME_WORDS,
};
use crate::ingest::gazetteer::Gazetteer;

/// Words that introduce a project's name, most telling first.
const CUES: &[&str] = &[
    "socialfondsprojektet",
    "esf-projektet",
    "esf+-projektet",
    "projektet",
    "projekt",
];

/// English cues (esf.se's English pages); the name is in title case.
const ENGLISH_CUES: &[&str] = &[
    "the esf project",
    "the esf+ project",
    "the esf-funded project",
    "the social fund project",
    "the project",
];

/// Compounds with "projektet" that are not an ESF project of the page's own:
/// another fund's, or a part of one.
const OTHER_PROJECTS: &[&str] = &[
    "interreg",
    "vinnova",
    "leader",
    "eruf",
    "regionalfonds",
    "erasmus",
    "horisont",
    "amif",
    "formas",
    "forte",
    "del",
    "sido",
    "syster",
    "för",
];

/// Words after which a small number belongs to the name (`del 2`).
const NUMBERED: &[&str] = &["del", "etapp", "fas", "steg", "version"];

/// English words that end a name (names are in title case; these stop
/// even a capitalised run where a sentence goes on).
const ENGLISH_JOINS: &[&str] = &["of", "and", "for", "in", "to", "the", "on", "&", "+"];

/// Most mentions of each cue read: a page names its project early, and a
/// text of a million cues is read in linear time.
const MOST_CUES: usize = 100;

/// Bytes of a text searched for a name found elsewhere (the heading's, a
/// name said again).
const HEADING_SEARCH_BYTES: usize = 64 * 1024;

/// A name found after a cue.
#[derive(Debug, Clone)]
struct Candidate {
    name: String,
    /// How telling its cue is: lower is better.
    rank: usize,
    at: usize,
    earlier: bool,
}

/// The page's project in its prose: a name its heading also gives first,
/// then the most telling cue's, never an earlier project's; or, where no
/// cue names one, the name the heading and the prose share.
pub fn project_name(g: &Gazetteer, text: &str, heading: Option<&str>) -> Option<String> {
    let mut found = candidates(text);
    found.retain(|c| plausible(g, &c.name));
    let in_heading = |c: &&Candidate| heading.is_some_and(|h| contains_words(h, &c.name));
    if let Some(c) = found.iter().find(in_heading) {
        return Some(c.name.clone());
    }
    found.retain(|c| !c.earlier);
    found.sort_by_key(|c| (c.rank, c.at));
    if let Some(c) = found.first() {
        return Some(c.name.clone());
    }
    // A page names its project early: its heading's name is looked for in
    // its beginning only.
    let text = head(text, HEADING_SEARCH_BYTES);
    let by_heading = heading.and_then(|h| {
        super::heading::named_in_heading(g, h, text)
            .or_else(|| super::heading::about_heading(g, h, text))
    });
    by_heading.or_else(|| super::heading::lead_name(g, text))
}

/// Every name after a cue, with its cue's rank and where it stands.
fn candidates(text: &str) -> Vec<Candidate> {
    // ASCII case only: the cues are ASCII, and offsets must hold in `text`.
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for (rank, cue) in CUES.iter().enumerate() {
        for (at, _) in lower.match_indices(cue).take(MOST_CUES) {
            let end = at + cue.len();
            if lower[end..].starts_with(char::is_alphanumeric) || !cue_word(&lower, at, cue) {
                continue;
            }
            if let Some(name) = name_after(text, end) {
                let earlier = earlier(&lower[..at]);
                found.push(Candidate {
                    name,
                    rank,
                    at,
                    earlier,
                });
            }
        }
    }
    for (rank, cue) in ENGLISH_CUES.iter().enumerate() {
        for (at, _) in lower.match_indices(cue).take(MOST_CUES) {
            let before = lower[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if let Some(name) = english_name_after(&text[at + cue.len()..]) {
                let earlier = earlier(&lower[..at]);
                found.push(Candidate {
                    name,
                    rank: CUES.len() + rank,
                    at,
                    earlier,
                });
            }
        }
    }
    found
}

/// Whether the cue at `at` is a word of its own or a compound naming an
/// ESF project ("arbetslöshetsprojektet", not "Interreg-projektet").
fn cue_word(lower: &str, at: usize, cue: &str) -> bool {
    let start = lower[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '+'))
        .last()
        .map_or(at, |(i, _)| i);
    let prefix = &lower[start..at];
    if prefix.is_empty() {
        // "projekt" only as a word after a preposition ("Slutredovisning av
        // projekt X", "deltagare i projekt X").
        let word_before = lower[..at].split_whitespace().next_back();
        return cue != "projekt" || matches!(word_before, Some("av" | "för" | "om" | "i" | "inom"));
    }
    if cue == "projekt" || cue.starts_with("socialfond") || cue.starts_with("esf") {
        return false;
    }
    let bare = prefix.trim_end_matches('-');
    if prefix.ends_with('-') && matches!(bare, "esf" | "esf+" | "eu") {
        return true;
    }
    // Fund names also stand first in longer compounds ("interregprojektet").
    !OTHER_PROJECTS
        .iter()
        .any(|o| bare == *o || (o.len() >= 5 && bare.starts_with(o)))
}

/// The name standing at `from` (just after a cue): quoted, or the words of
/// a name up to the one that ends it.
fn name_after(text: &str, from: usize) -> Option<String> {
    let rest = head(&text[from..], CLAUSE_BYTES);
    let rest = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\n'))?;
    if let Some(quoted) = quoted(rest) {
        return Some(quoted);
    }
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let line = tail(&text[..from], CLAUSE_BYTES);
    let line_before = line.len() - line.rfind('\n').map_or(0, |i| i + 1);
    let words = clause_words(rest, line_before);
    let taken = name_words(&words)?;
    let name = taken.join(" ");
    Some(shortened_by_repeat(text, from, &taken).unwrap_or(name))
}

/// Shortest line a line break may cut a name on: shorter lines are
/// headings or labels, whose end ends the name.
const WRAPPED_LINE: usize = 40;

/// The words of the clause starting a text (`line_before` bytes into its
/// line): a line break in a wrapped line is a space; a point inside a
/// number, and "!" inside a sentence, are part of the word.
fn clause_words(rest: &str, line_before: usize) -> Vec<&str> {
    let mut end = rest.len();
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after_space = chars.get(k + 2).map(|&(_, n)| n);
        let ends = match c {
            ',' | ';' | ':' | '(' | ')' | '?' | '–' | '—' | '”' | '"' => true,
            '\n' => next == Some('\n') || line_before + i < WRAPPED_LINE,
            '.' => !next.is_some_and(|n| n.is_ascii_digit()),
            '!' => !(next == Some(' ') && after_space.is_some_and(char::is_lowercase)),
            _ => false,
        };
        if ends {
            // "Starta!" keeps its mark when the sentence goes on.
            end = i;
            break;
        }
    }
    let clause = &rest[..end];
    clause.split_whitespace().collect()
}

/// The words of a name at the start of `words`, or none when the run
/// never ends where a name would.
fn name_words<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut taken: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let next = words.get(i + 1);
        if i > 0 && ends_name(&lower) {
            break;
        }
        if w.starts_with(|c: char| c.is_ascii_digit())
            && !(i > 0 && number_in_name(&taken, w, next))
        {
            break;
        }
        taken.push(w);
        if taken.len() > NAME_WORDS {
            return None;
        }
    }
    // A name may end in "+" ("Nya Vägar i Vellinge +"), never in "och".
    while taken
        .last()
        .is_some_and(|w| starts_lower(w) && JOINS_NAME.contains(w))
    {
        taken.pop();
    }
    let tail = taken.iter().rev().take_while(|w| starts_lower(w)).count();
    (!taken.is_empty() && tail < 4).then_some(taken)
}

/// `Ung Väg 9.0`, `Möjligheterna del 2`, `Nya Steg 2 startade`: a version
/// or part number ends a name; a count followed by its noun does not.
fn number_in_name(taken: &[&str], w: &str, next: Option<&&str>) -> bool {
    let digits = w.trim_end_matches(['!', '+']);
    let version = digits
        .split_once('.')
        .is_some_and(|(a, b)| a.len() <= 2 && !b.is_empty() && b.len() <= 2);
    let small = digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit());
    let numbered = taken.last().is_some_and(|p| NUMBERED.contains(p));
    let ends_here =
        next.is_none_or(|n| starts_name(n) || (ends_name(&n.to_lowercase()) && !starts_upper(n)));
    (version || small) && (numbered || ends_here)
}

/// "Nya Steg gläds åt goda resultat … Nya Steg har": when the page names
/// the project again, the name is the longest beginning that it repeats,
/// cut only where nothing but lower-case words follow.
fn shortened_by_repeat(text: &str, at: usize, taken: &[&str]) -> Option<String> {
    let text = head(text, HEADING_SEARCH_BYTES);
    let elsewhere = |name: &str| {
        text.match_indices(name)
            .any(|(i, _)| i != at + 1 && whole_words(text, i, name))
    };
    if elsewhere(&taken.join(" ")) {
        return None;
    }
    (1..taken.len())
        .rev()
        .filter(|&k| taken[k..].iter().all(|w| starts_lower(w)) && !starts_lower(taken[k - 1]))
        .map(|k| taken[..k].join(" "))
        .find(|prefix| elsewhere(prefix))
}

fn contains_words(haystack: &str, name: &str) -> bool {
    haystack
        .match_indices(name)
        .any(|(i, _)| whole_words(haystack, i, name))
}

/// "Inclusive Steps has helped …": a title-case run.
fn english_name_after(rest: &str) -> Option<String> {
    let rest = head(rest, CLAUSE_BYTES).strip_prefix(' ')?;
    if let Some(q) = quoted(rest) {
        return Some(q);
    }
    let words = clause_words(rest, 0);
    let mut taken: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let joins = ENGLISH_JOINS.contains(&w.to_lowercase().as_str())
            && i > 0
            && words.get(i + 1).is_some_and(|n| starts_name(n));
        if !(starts_name(w) || joins) || taken.len() == NAME_WORDS {
            break;
        }
        taken.push(w);
    }
    (!taken.is_empty() && starts_upper(taken[0])).then(|| taken.join(" "))
}

/// A name in quotes at the start: ”…”, "…", «…», “…”.
pub fn quoted(rest: &str) -> Option<String> {
    let open = rest.chars().next()?;
    let close = match open {
        '”' | '"' => open,
        '“' => '”',
        '«' => '»',
        _ => return None,
    };
    let inner = &rest[open.len_utf8()..];
    let end = inner.find(close)?;
    let name = crate::ingest::text::fold_spaces(inner[..end].trim());
    (!name.is_empty() && name.chars().count() <= 80).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    fn named(text: &str) -> Option<String> {
        project_name(gazetteer(), text, None)
    }

    #[test]
    fn a_name_ends_where_the_sentence_goes_on() {
        assert_eq!(
            named("I Socialfondsprojektet Nya Steg ser man goda resultat.").as_deref(),
            Some("Nya Steg")
        );
        assert_eq!(
            named("I projektet Möjligheterna del 2 deltar 40 personer.").as_deref(),
            Some("Möjligheterna del 2")
        );
        assert_eq!(
            named("Inom arbetslöshetsprojektet Ljusare Tider har 30 fått jobb.").as_deref(),
            Some("Ljusare Tider")
        );
        assert_eq!(
            named("Deltagarna har fått stöd av flera handledare i projektet Framtidens\nArbetsplats som startade i maj.").as_deref(),
            Some("Framtidens Arbetsplats")
        );
    }

    #[test]
    fn a_headings_end_ends_the_name() {
        assert_eq!(
            named("Slutredovisning av projekt Nya Steg\nProjektet har gett resultat.").as_deref(),
            Some("Nya Steg")
        );
    }

    #[test]
    fn marks_and_numbers_that_names_hold() {
        assert_eq!(
            named("I projektet Ung Väg 9.0 får unga stöd.").as_deref(),
            Some("Ung Väg 9.0")
        );
        assert_eq!(
            named("I projektet Starta! får unga stöd.").as_deref(),
            Some("Starta!")
        );
        assert_eq!(
            named("Projektet Plug Ut 2.0 startade i maj.").as_deref(),
            Some("Plug Ut 2.0")
        );
        assert_eq!(
            named("I projektet Nya Steg 40 deltagare.").as_deref(),
            Some("Nya Steg")
        );
    }

    #[test]
    fn an_earlier_project_is_not_the_pages() {
        let text = "Nya Steg bygger på erfarenheterna från projektet Gamla Vägen. Nya Steg startade i maj.";
        assert_eq!(
            project_name(gazetteer(), text, Some("Nya Steg")).as_deref(),
            Some("Nya Steg")
        );
        assert_eq!(named(text), None);
    }

    #[test]
    fn english_pages_named_in_the_heading_and_the_prose() {
        let text = "Inclusive Steps is a project in Jönköping funded by the Social Fund.";
        assert_eq!(
            project_name(gazetteer(), text, Some("Inclusive Steps opens doors")).as_deref(),
            Some("Inclusive Steps")
        );
    }

    #[test]
    fn english_pages() {
        assert_eq!(
            named("The project Inclusive Steps has helped 200 people.").as_deref(),
            Some("Inclusive Steps")
        );
    }

    #[test]
    fn no_name_from_the_fund_or_another_funds_project() {
        assert_eq!(named("I projektet Karin Lindberg berättar om jobb."), None);
        assert_eq!(named("Ett projekt Europeiska socialfonden stöder."), None);
        assert_eq!(named("I Interreg-projektet Gränslöst arbetar vi."), None);
        assert_eq!(named("I Interregprojektet Gränslöst arbetar vi."), None);
        assert_eq!(named("Projektet har pågått i två år."), None);
    }
}
