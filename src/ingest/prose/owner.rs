//! A project's owner and partners as prose states them: "Lidköpings kommun
//! är projektägare", "Därför blir Arbetsmarknadsenheten projektägare",
//! "som ägs av Arbetsmarknadsenheten i Lidköpings kommun", "Projektet
//! leddes av X i samarbete med A, B och C" (X owns it, A–C are partners),
//! "X driver projektet tillsammans med A och B". Nothing else makes an
//! owner: a person, the fund, a lone "kommunen" never do.

use super::words::{head, is_org, tail, CLAUSE_BYTES, ORG_WORDS};
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::orgs;

/// Most mentions of each cue read in a sentence.
const MOST_CUES: usize = 16;

/// An owner read from prose and the partners its sentence names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ProseOwner {
    pub owner: Option<String>,
    pub partners: Vec<String>,
    /// The sentence that gave them, for whoever checks the reading.
    pub sentence: Option<String>,
}

/// Cues after which the owner is named; `true` where a person could be
/// meant too ("leds av"), so that only an organisation's name is taken.
const AFTER: &[(&str, bool)] = &[
    ("projektägare är ", false),
    ("projektägaren är ", false),
    ("projektägare var ", false),
    ("projektägaren var ", false),
    ("ägs av ", false),
    ("ägdes av ", false),
    ("huvudman är ", false),
    ("drivs av ", false),
    ("drevs av ", false),
    ("leds av ", true),
    ("leddes av ", true),
    ("is owned by ", false),
    ("is run by ", false),
    ("was run by ", false),
    ("is led by ", true),
    ("was led by ", true),
];

/// Cues before which the owner is named (its sentence's subject).
const BEFORE: &[&str] = &[
    " är projektägare",
    " blir projektägare",
    " var projektägare",
    " blev projektägare",
    " står som projektägare",
    " som projektägare",
    " är huvudman för projektet",
    " driver projektet",
    " drev projektet",
    " äger projektet",
    " is the project owner",
    " runs the project",
];

/// Words that open a sentence before a name ("Med X som projektägare").
const OPENERS: &[&str] = &[
    "Med", "Och", "Även", "Nu", "Här", "Där", "Sedan", "Därför", "Då", "Numera", "Idag", "I",
];

/// Verbs of an inverted sentence ("Sedan i år är X projektägare").
const INVERTED: &[&str] = &["är", "blir", "var", "blev"];

/// Where a name after a cue ends.
const NAME_ENDS: &[&str] = &[
    " tillsammans",
    " i samarbete",
    " i samverkan",
    " i partnerskap",
    " och ",
    " samt ",
    " med ",
    " som ",
    " inom ",
    " på uppdrag",
    " under ",
    " sedan ",
    " för att",
    " där ",
    " på ",
    " vid ",
    " hos ",
    " från ",
    " och",
    " together",
    " in cooperation",
    " in collaboration",
    " and ",
    " with ",
    " which ",
];

/// Phrases that open the partners' list in an owner's sentence.
const WITH: &[&str] = &[
    "tillsammans med ",
    "i samarbete med ",
    "i samverkan med ",
    "i partnerskap med ",
    "together with ",
    "in cooperation with ",
    "in collaboration with ",
];

/// Where a partners' list ends, short of its sentence's end.
const LIST_ENDS: &[&str] = &[
    " för att ",
    " som ",
    " kring ",
    " om ",
    " där ",
    " i syfte ",
    " med syfte ",
    " med målet ",
    " under ",
    " inom ramen ",
    " genom ",
    " to ",
];

/// Lower-case words that stand inside an organisation's name.
const NAME_INNER: &[&str] = &["i", "och", "för", "kommun", "stad", "&", "-"];

/// One word alone that names no organisation in particular.
const VAGUE: &[&str] = &[
    "kommunen",
    "projektet",
    "regionen",
    "förbundet",
    "samordningsförbundet",
    "föreningen",
    "stiftelsen",
    "företaget",
    "organisationen",
    "myndigheten",
    "staden",
    "enheten",
    "förvaltningen",
    "vi",
    "de",
    "den",
    "det",
    "man",
    "hon",
    "han",
];

/// The owner the prose names, with the partners named beside it: the
/// first sentence saying who owns the project, else who runs or leads it.
pub fn owner_in_prose(g: &Gazetteer, text: &str) -> ProseOwner {
    let sentences = sentences(text);
    let usable = |s: &&String| !super::words::speaks_of_earlier(s);
    let owns = |s: &&String| s.to_lowercase().contains("projektägare") || s.contains("ägs av");
    let ordered = sentences
        .iter()
        .filter(usable)
        .filter(owns)
        .chain(sentences.iter().filter(usable));
    let Some((found, owner, from)) = ordered
        .into_iter()
        .find_map(|s| owner_in_sentence(g, s).map(|(o, from)| (s, o, from)))
    else {
        return ProseOwner::default();
    };
    let mut partners = partners_after(g, &found[from..]);
    // "Projektet drivs av X i samverkan med A. Med X som projektägare …":
    // the partners of every sentence naming the same owner.
    let canonical = |n: &str| orgs::canonicalise(g, n).name;
    let own = canonical(&owner);
    for s in sentences.iter().filter(|s| *s != found) {
        if let Some((other, from)) = owner_in_sentence(g, s) {
            if canonical(&other) == own {
                for p in partners_after(g, &s[from..]) {
                    if !partners.contains(&p) {
                        partners.push(p);
                    }
                }
            }
        }
    }
    ProseOwner {
        owner: Some(owner),
        partners,
        sentence: Some(found.clone()),
    }
}

/// The owner a sentence names and where the rest of it (its partners)
/// begins.
fn owner_in_sentence(g: &Gazetteer, s: &str) -> Option<(String, usize)> {
    // ASCII case only, so that offsets hold in `s` ("İ" lower-cases longer).
    owner_at(g, s, &s.to_ascii_lowercase())
}

fn owner_at(g: &Gazetteer, s: &str, lower: &str) -> Option<(String, usize)> {
    for &(cue, org_only) in AFTER {
        for (at, _) in lower.match_indices(cue).take(MOST_CUES) {
            let from = at + cue.len();
            let name = name_after(head(&s[from..], CLAUSE_BYTES));
            if let Some(name) = name.and_then(|n| acceptable(g, &n, org_only)) {
                return Some((name, from));
            }
        }
    }
    for cue in BEFORE {
        for (at, _) in lower.match_indices(cue).take(MOST_CUES) {
            let end = at + cue.len();
            if s[end..].starts_with(|c: char| c.is_alphanumeric() && c != 'n') {
                continue;
            }
            let before = tail(&s[..at], CLAUSE_BYTES);
            let name = name_before(g, before).or_else(|| inverted(before));
            if let Some(name) = name.and_then(|n| acceptable(g, &n, false)) {
                return Some((name, end));
            }
        }
    }
    for (at, cue) in lower.match_indices(" projektägare").take(MOST_CUES) {
        let end = at + cue.len();
        if s[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let before = tail(&s[..at], CLAUSE_BYTES);
        if let Some(name) = inverted(before).and_then(|n| acceptable(g, &n, false)) {
            return Some((name, end));
        }
    }
    None
}

/// The sentences of a text: a single line break is a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let flat = crate::ingest::text::fold_spaces(&paragraph.replace('\n', " "));
        let mut start = 0;
        let chars: Vec<(usize, char)> = flat.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 2).map(|&(_, n)| n);
            let spaced = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
            if matches!(c, '.' | '!' | '?') && spaced && next.is_some_and(char::is_uppercase) {
                out.push(flat[start..i].trim().to_string());
                start = i + 1;
            }
        }
        out.push(
            flat[start..]
                .trim_end_matches(['.', '!', '?'])
                .trim()
                .to_string(),
        );
    }
    out.retain(|s| !s.is_empty());
    out
}

/// "Arbetsmarknadsenheten i Lidköpings kommun i samarbete med …": the name
/// up to the words that end it.
fn name_after(rest: &str) -> Option<String> {
    let rest = rest.split([',', ';', ':', '(', '.', '–']).next()?;
    let mut end = rest.len();
    for e in NAME_ENDS {
        for (i, _) in rest.match_indices(e) {
            // "Social- och arbetsmarknadsförvaltningen": a shared ending.
            if e.trim() == "och" && rest[..i].ends_with('-') {
                continue;
            }
            end = end.min(i);
            break;
        }
    }
    let name = &rest[..end];
    let words: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The name just before a cue: capitalised words and the small words
/// inside names, back to where the sentence's other words begin.
fn name_before(g: &Gazetteer, before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut from = words.len();
    while from > 0 && words.len() - from < 8 && name_word(words[from - 1]) {
        // "A och B är projektägare" names two: only a shared ending
        // ("Social- och arbetsmarknadsförvaltningen") joins across "och".
        let shared = from >= 2 && words[from - 2].ends_with('-');
        if words[from - 1] == "och" && !shared {
            break;
        }
        from -= 1;
    }
    let mut span = &words[from..];
    // "Med Hofors kommun som projektägare": a sentence's opening word.
    while span
        .first()
        .is_some_and(|w| !starts_upper(w) || OPENERS.contains(w))
    {
        span = &span[1..];
    }
    let name = span.join(" ");
    // "Kommunen Ale": the municipality's own name for it.
    if let Some(place) = name.strip_prefix("Kommunen ") {
        return g.municipality(place).map(|m| m.org_name.clone());
    }
    (!span.is_empty()).then_some(name)
}

/// "Sedan i år är Arbetsmarknadsenheten projektägare": the name between the
/// verb and the cue.
fn inverted(before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let verb = words
        .iter()
        .rposition(|w| INVERTED.contains(&w.to_lowercase().as_str()))?;
    let span = &words[verb + 1..];
    let all_name = !span.is_empty() && span.iter().all(|w| name_word(w));
    (all_name && starts_upper(span[0])).then(|| span.join(" "))
}

fn name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    starts_upper(w)
        || NAME_INNER.contains(&lower.as_str())
        || (w.ends_with('-') && starts_upper(w))
        || ORG_WORDS
            .iter()
            .any(|o| o.len() > 3 && lower.ends_with(&format!("{o}en")))
        || ORG_WORDS.iter().any(|o| o.len() > 3 && lower.ends_with(o))
}

fn starts_upper(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

/// An owner worth keeping: an organisation's name, never the fund, a
/// person or a word naming no one in particular.
fn acceptable(g: &Gazetteer, name: &str, org_only: bool) -> Option<String> {
    let name = name.trim().trim_matches(['”', '"', '“']).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower = name.to_lowercase();
    let known = g.actor_named(name).is_some() || g.municipality(name).is_some();
    let org = known || is_org(&lower);
    let funder = lower.contains("socialfond") || lower.contains("esf") || lower == "eu";
    let vague = words.len() == 1 && VAGUE.contains(&lower.as_str());
    let person = !org
        && (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| starts_upper(w) && w.chars().all(char::is_alphabetic));
    let ok = starts_upper(name)
        && (1..=10).contains(&words.len())
        && !funder
        && !vague
        && !person
        && (org || !org_only);
    ok.then(|| name.to_string())
}

/// Partners named after the owner: "… i samarbete med A, B och C".
fn partners_after(g: &Gazetteer, rest: &str) -> Vec<String> {
    let rest = head(rest, 4 * CLAUSE_BYTES);
    let lower = rest.to_ascii_lowercase();
    let Some((at, phrase)) = WITH
        .iter()
        .filter_map(|w| lower.find(w).map(|at| (at, w)))
        .min()
    else {
        return Vec::new();
    };
    let mut list = &rest[at + phrase.len()..];
    for end in LIST_ENDS {
        if let Some(i) = list.find(end) {
            list = &list[..i];
        }
    }
    orgs::split_partner_list(list)
        .into_iter()
        .map(|p| {
            let p = p.strip_prefix("och ").unwrap_or(&p).trim();
            // "Skara kommun och tio andra kommuner": the name ends at "och".
            let p = match p.split_once(" och ") {
                Some((name, rest)) if rest.starts_with(char::is_lowercase) => name,
                _ => p,
            };
            orgs::strip_list_noun(p).to_string()
        })
        .filter(|p| starts_upper(p) || g.actor_named(p).is_some())
        .filter(|p| p.split_whitespace().count() <= 8)
        .filter(|p| {
            let lower = p.to_lowercase();
            !lower.contains("socialfond") && !lower.contains("esf")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    fn owner(text: &str) -> (Option<String>, Vec<String>) {
        let found = owner_in_prose(gazetteer(), text);
        (found.owner, found.partners)
    }

    fn just(name: &str) -> (Option<String>, Vec<String>) {
        (Some(name.to_string()), Vec::new())
    }

    #[test]
    fn owners_before_and_after_their_cue() {
        assert_eq!(
            owner("Projektet startade i maj. Lidköpings kommun är projektägare."),
            just("Lidköpings kommun")
        );
        assert_eq!(
            owner("Från årsskiftet blir Arbetsmarknadsenheten projektägare."),
            just("Arbetsmarknadsenheten")
        );
        assert_eq!(
            owner("Ett projekt som ägs av Arbetsmarknadsenheten i Lidköpings kommun.\n\nMer text."),
            just("Arbetsmarknadsenheten i Lidköpings kommun")
        );
        assert_eq!(
            owner("Kommunen Skara är projektägare."),
            just("Skara kommun")
        );
    }

    #[test]
    fn an_owner_and_its_partners_in_one_sentence() {
        assert_eq!(
            owner("Projektet leddes av Lidköpings kommun i samarbete med Götene kommun, Skara kommun och Coompanion Skaraborg."),
            (
                Some("Lidköpings kommun".to_string()),
                vec!["Götene kommun".into(), "Skara kommun".into(), "Coompanion Skaraborg".into()]
            )
        );
        assert_eq!(
            owner("Folkhögskolan Norrbacka driver projektet tillsammans med Arbetsförmedlingen och Bodens kommun för att nå fler."),
            (
                Some("Folkhögskolan Norrbacka".to_string()),
                vec!["Arbetsförmedlingen".into(), "Bodens kommun".into()]
            )
        );
    }

    #[test]
    fn no_owner_from_people_the_fund_or_vague_words() {
        assert_eq!(
            owner("Projektet leds av Anna Berg, som är projektledare."),
            (None, vec![])
        );
        assert_eq!(owner("Kommunen är projektägare."), (None, vec![]));
        assert_eq!(
            owner("Projektet drivs av Europeiska socialfonden."),
            (None, vec![])
        );
        assert_eq!(owner("Det drivs av oss."), (None, vec![]));
        assert_eq!(
            owner("Projektägare är Anna Berg på Skara kommun."),
            (None, vec![])
        );
        assert_eq!(
            owner("Det tidigare projektet drevs av Skara kommun."),
            (None, vec![])
        );
    }
}
