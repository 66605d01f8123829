//! A project's name where no cue introduces it: the name a page's heading
//! and its prose share ("Ljusare Framtid ger unga jobb" above "Ljusare
//! Framtid är ett projekt …"), a heading "Om X" above prose about
//! "projektet", and a news lead opening with "X, som finansieras av
//! Europeiska socialfonden, …". Never a person's name, an organisation's
//! or the fund's.

use super::words::{
    ends_name, head, plausible, starts_lower, starts_name, starts_upper, tail, whole_words,
    CLAUSE_BYTES, JOINS_NAME, NAME_WORDS,
};
use crate::ingest::gazetteer::Gazetteer;

/// The name a page's heading and its prose share: the longest run of name
/// words in the heading that the prose writes as a project's. A run of two
/// capitalised words or with a mark no word has (a digit, "!", an inner
/// capital) needs a sentence about it; a single word needs one that calls
/// it a project ("X är ett projekt …", "X, som finansieras av …").
pub fn named_in_heading(g: &Gazetteer, heading: &str, text: &str) -> Option<String> {
    let words: Vec<&str> = heading
        .split_whitespace()
        .take(HEADING_WORDS)
        .map(|w| w.trim_end_matches([',', ':', ';', '?']))
        .map(|w| w.trim_matches(['”', '"', '“', '«', '»']))
        .filter(|w| !w.is_empty())
        .collect();
    let mut best: Option<String> = None;
    for start in 0..words.len() {
        for end in (start + 1..=words.len().min(start + NAME_WORDS)).rev() {
            let run = &words[start..end];
            let candidate = run.join(" ");
            if best.as_ref().is_some_and(|b| b.len() >= candidate.len()) {
                break;
            }
            let Some(marked) = name_run(run) else {
                continue;
            };
            // A heading naming an organisation ("Gymnasieskolan Lindbacka")
            // is its page's subject, not a project.
            let org = super::words::is_org(&candidate.to_lowercase());
            if plausible(g, &candidate)
                && !org
                && !person_in_heading(heading, &candidate)
                && named_as_project(text, &candidate, !marked)
            {
                best = Some(candidate);
                break;
            }
        }
    }
    best
}

/// Most words of a heading read for a name.
const HEADING_WORDS: usize = 16;

/// Most mentions of a name read.
const MOST_MENTIONS: usize = 64;

/// Whether the run is name words only, starting and ending with one: then
/// whether it is marked as a name (two capitals, a digit, "!", an inner
/// capital) rather than a single word.
fn name_run(run: &[&str]) -> Option<bool> {
    let first_last = starts_upper(run[0]) && starts_name(run[run.len() - 1]);
    let inner = run
        .iter()
        .all(|w| starts_name(w) || JOINS_NAME.contains(&w.to_lowercase().as_str()) || *w == "del");
    let capitals = run.iter().filter(|w| starts_upper(w)).count();
    let marked = run.iter().any(|w| {
        w.contains(|c: char| c.is_ascii_digit() || c == '!')
            || w.chars().skip(1).any(char::is_uppercase)
    });
    let long_word = run.len() == 1 && run[0].chars().count() >= 6;
    (first_last && inner && (capitals >= 2 || marked || long_word))
        .then_some(capitals >= 2 || marked)
}

/// Words around a person's name ("säger X", "X, projektledare").
const PERSON: &[&str] = &[
    "säger",
    "berättar",
    "projektledare",
    "samordnare",
    "chef",
    "direktör",
    "ordförande",
    "handledare",
    "coach",
    "handläggare",
    "minister",
    "forskare",
    "tillträder",
];

/// Words a heading about a person puts beside the name ("X ny chef").
const PERSON_HEADING: &[&str] = &[
    "ny ",
    "nya ",
    "utsedd",
    "utnämnd",
    "avgår",
    "anställd",
    "tillträder",
];

/// "Ulf Svensson ny chef för …": the heading speaks of a person.
fn person_in_heading(heading: &str, name: &str) -> bool {
    let Some(i) = heading.find(name) else {
        return false;
    };
    let after: String = heading[i + name.len()..].chars().take(40).collect();
    let after = after.to_lowercase();
    PERSON.iter().any(|p| after.contains(p))
        || PERSON_HEADING
            .iter()
            .any(|p| after.trim_start().starts_with(p))
}

/// Words of a sentence about a project.
const ABOUT_A_PROJECT: &[&str] = &["projekt", "socialfond", "esf", "social fund"];

fn about_a_project(s: &str) -> bool {
    let lower = s.to_lowercase();
    ABOUT_A_PROJECT.iter().any(|w| lower.contains(w))
}

/// The sentence around `i..j` in `text`.
fn sentence_around(text: &str, i: usize, j: usize) -> &str {
    let before = tail(&text[..i], CLAUSE_BYTES);
    let after = head(&text[j..], CLAUSE_BYTES);
    let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
    let end = after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
    &text[i - before.len() + start..j + end]
}

/// Whether the prose writes the name as its project's: as the subject of a
/// sentence about a project ("X har …", "X, som …"; `strict`: "X är ett
/// projekt", "X, som … projekt"), never as a person's ("säger X", "X,
/// projektledare").
fn named_as_project(text: &str, name: &str, strict: bool) -> bool {
    let mut said = false;
    let mut named = false;
    for (i, _) in text.match_indices(name).take(MOST_MENTIONS) {
        if !whole_words(text, i, name) {
            continue;
        }
        let before = tail(&text[..i], 40).to_lowercase();
        let before = before.split_whitespace().next_back().unwrap_or("");
        let after = &text[i + name.len()..];
        let after = after.trim_start_matches(['”', '"', '»']);
        let soon: String = after.chars().take(40).collect::<String>().to_lowercase();
        said |= PERSON
            .iter()
            .any(|p| before.starts_with(p) || soon.contains(p));
        let sentence = sentence_around(text, i, i + name.len());
        let after = head(after, CLAUSE_BYTES);
        let next = after.split_whitespace().next().unwrap_or("");
        let subject =
            after.starts_with(", som") || (ends_name(&next.to_lowercase()) && starts_lower(next));
        let called = if strict {
            let clause = after.split(['.', '!', '?']).next().unwrap_or("");
            let clause = clause
                .trim_start_matches(", ")
                .split(',')
                .next()
                .unwrap_or("");
            (after.starts_with(" är ett") || after.starts_with(", som")) && about_a_project(clause)
        } else {
            about_a_project(sentence)
        };
        named |= subject && called;
    }
    named && !said
}

/// Words that may open a lead's relative clause about the project.
const LEAD_VERBS: &[&str] = &[
    "finansieras",
    "drivs",
    "startade",
    "pågår",
    "ägs",
    "riktar sig",
];

/// "Vägen Fram, som finansieras av Europeiska socialfonden, har …": the
/// name a news lead (its first line of prose) opens with.
pub fn lead_name(g: &Gazetteer, text: &str) -> Option<String> {
    let lead = text
        .lines()
        .map(str::trim)
        .find(|l| l.chars().count() >= 60)?;
    let (name, rest) = head(lead, CLAUSE_BYTES).split_once(", som ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = (1..=NAME_WORDS).contains(&words.len())
        && starts_upper(words[0])
        && words
            .iter()
            .all(|w| starts_name(w) || JOINS_NAME.contains(w));
    let clause = rest.split([',', '.']).next().unwrap_or("");
    let sentence = rest.split(". ").next().unwrap_or("");
    let verb = LEAD_VERBS.iter().any(|v| clause.starts_with(v));
    let about = about_a_project(clause) || (verb && about_a_project(sentence));
    let org = super::words::is_org(&name.to_lowercase());
    (shaped && about && !org && plausible(g, name)).then(|| name.to_string())
}

/// "Om Nya Steg" above prose that speaks of "projektet": the heading's name.
pub fn about_heading(g: &Gazetteer, heading: &str, text: &str) -> Option<String> {
    let name = heading.trim().strip_prefix("Om ")?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = !words.is_empty()
        && words.len() <= NAME_WORDS
        && starts_upper(words[0])
        && starts_name(words[words.len() - 1])
        && !name.contains(['.', '?', ':', ',']);
    let speaks = text.to_lowercase().contains("projektet");
    let org = super::words::is_org(&name.to_lowercase());
    (shaped && speaks && !org && plausible(g, name)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    #[test]
    fn a_heading_and_prose_that_share_a_name() {
        let g = gazetteer();
        let text = "Ljusare Framtid har hjälpt 80 unga i projektet till jobb.";
        assert_eq!(
            named_in_heading(g, "Ljusare Framtid ger unga jobb", text).as_deref(),
            Some("Ljusare Framtid")
        );
        let text = "Kompetenslyftet är ett projekt i Ljusdal.";
        assert_eq!(
            named_in_heading(g, "Kompetenslyftet stärker vården", text).as_deref(),
            Some("Kompetenslyftet")
        );
        let text = "Kompetenslyftet har gett resultat i projekt.";
        assert_eq!(
            named_in_heading(g, "Kompetenslyftet stärker vården", text),
            None,
            "a single word needs a sentence calling it a project"
        );
    }

    #[test]
    fn a_name_in_quotes_in_the_heading() {
        let text = "”Nya Steg” har gett 40 unga jobb i projektet.";
        assert_eq!(
            named_in_heading(gazetteer(), "”Nya Steg” ger resultat", text).as_deref(),
            Some("Nya Steg")
        );
    }

    #[test]
    fn no_persons_organisations_or_years() {
        let g = gazetteer();
        let text = "Karin Lind har arbetat med projekt. Det säger Karin Lind.";
        assert_eq!(named_in_heading(g, "Karin Lind ny direktör", text), None);
        let text = "Gymnasieskolan Lindbacka har drivit flera ESF-projekt.";
        assert_eq!(named_in_heading(g, "Gymnasieskolan Lindbacka", text), None);
        let text = "Under 2023 deltog många i projekt.";
        assert_eq!(named_in_heading(g, "Rekord under 2023", text), None);
        let lead = "Folkhögskolan Norrbacka, som driver projektet, har fått stöd av Europeiska socialfonden.";
        assert_eq!(lead_name(g, lead), None);
    }

    #[test]
    fn a_lead_opening_with_the_name() {
        let lead =
            "Vägen Fram, som finansieras av Europeiska socialfonden, har hjälpt 60 till jobb.";
        assert_eq!(lead_name(gazetteer(), lead).as_deref(), Some("Vägen Fram"));
        let lead = "Simhallen, som byggs nu, öppnar i höst enligt projektledaren på kommunen.";
        assert_eq!(lead_name(gazetteer(), lead), None);
    }
}
