//! Words and spans every reader of prose shares: where a name may start
//! and end, what is a person's or an organisation's name, and a clause
//! cut to a bounded length (prose is read near each cue, never whole).

use crate::ingest::gazetteer::Gazetteer;

/// Words that end a name taken from prose: verbs, pronouns and relative
/// words that follow a name in a sentence (the first word is never one),
/// one space between each.
const ENDS_NAME: &str = "\
    is was has had will helps helped aims offers gives runs started \
    är var har hade ska skulle får fick kan kunde kommer som där vilket vilka startade \
    startar drivs drevs pågår pågick riktar riktade vänder syftar syftade erbjuder erbjöd \
    ger gav hjälper hjälpte arbetar arbetade började avslutades finansieras finansierades \
    handlar handlade leds leddes om med på deltar deltog samarbetar fokuserar bygger byggde \
    utvecklar utvecklade stöttar stödjer når nådde testar testade visar visade innebär ser \
    såg finns fanns blir blev gör gjorde går gick möter mötte lär lärde jobbar jobbade tar \
    tog satsar satsade träffar träffas kallas heter lyckas lyckades vill ville behöver \
    samlar samlade skapar skapade stärker stärkte använder använde genomförs genomfördes \
    utbildar utbildade ägs ägdes beviljades sker skedde fortsätter fortsatte löper omfattar \
    omfattade inleddes inleds lanserades presenterar berättar välkomnar man vi de hon han \
    det den nu också även redan bland under efter sedan genom via hos vid enligt mellan inom \
    sig ett en the";

/// Whether a (lower-case) word ends a name.
pub fn ends_name(lower: &str) -> bool {
    ENDS_NAME.split(' ').any(|w| w == lower)
}

/// Lower-case words that may stand inside a name when a name word follows
/// them ("Arbetsliv och hälsa Nordost", "Nya Vägar i Vellinge").
pub const JOINS_NAME: &[&str] = &["och", "i", "för", "till", "av", "från", "&", "+"];

/// Bytes around a cue that hold its name, or its sentence's beginning.
pub const CLAUSE_BYTES: usize = 400;

/// At most `len` bytes from the start of `s`, cut at a character boundary.
pub fn head(s: &str, len: usize) -> &str {
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most `len` bytes from the end of `s`, cut at a character boundary.
pub fn tail(s: &str, len: usize) -> &str {
    let mut start = s.len().saturating_sub(len);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Most words a name taken from prose may have.
pub const NAME_WORDS: usize = 8;

/// Words before a cue, in its sentence, that make the project an earlier
/// (or another) one.
const EARLIER: &[&str] = &[
    "erfarenhet",
    "tidigare",
    "föregå",
    "bygger på",
    "byggde på",
    "bygger vidare",
    "fortsättning",
    "efterföljare",
    "avslutade",
    "lärdomar",
    "resultaten från",
    "resultat från",
    "previous",
    "earlier",
    "builds on",
    "experience",
];

/// Whether a sentence speaks of an earlier project ("det tidigare
/// projektet", "bygger på erfarenheterna från …").
pub fn speaks_of_earlier(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    EARLIER.iter().any(|w| lower.contains(w))
}

/// Whether the sentence before a cue makes its project an earlier one.
pub fn earlier(before: &str) -> bool {
    let before = tail(before, CLAUSE_BYTES);
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    EARLIER.iter().any(|w| sentence.contains(w))
}

pub fn starts_upper(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

pub fn starts_lower(w: &str) -> bool {
    w.starts_with(char::is_lowercase)
}

/// A word that may carry a name on: capitalised, a number, `+`.
pub fn starts_name(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || w == "+"
}

/// Whether `name` at `i` in `text` stands as whole words.
pub fn whole_words(text: &str, i: usize, name: &str) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + name.len()..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Names that are never a project's: the fund and its managing authority,
/// a known organisation or municipality, a lone pronoun.
pub fn plausible(g: &Gazetteer, name: &str) -> bool {
    let lower = name.to_lowercase();
    let funder = [
        "socialfond",
        "esf-rådet",
        "esf",
        "europeiska",
        "eu",
        "european",
    ]
    .iter()
    .any(|f| lower == *f || lower.starts_with(&format!("{f} ")) || lower.contains("esf-rådet"));
    let known = g.actor_named(name).is_some() || g.municipality(name).is_some();
    !funder && !known && !looks_like_a_person(name) && name.chars().count() <= 80
}

/// Endings of Swedish surnames.
const SURNAME_ENDINGS: &[&str] = &[
    "sson", "berg", "ström", "lund", "gren", "qvist", "kvist", "dahl", "holm", "blad", "stedt",
    "sjö", "lind", "vall", "bäck", "borg",
];

/// "Karin Lindberg", "Ulf Svensson": a given name and a surname.
fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, last] = words[..] else {
        return false;
    };
    let capitalised = |w: &str| {
        starts_upper(w)
            && w.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    let surname = SURNAME_ENDINGS.iter().any(|e| last.ends_with(e));
    capitalised(first) && capitalised(last) && surname
}

/// Parts of a word that make a name an organisation's.
pub const ORG_WORDS: &[&str] = &[
    "kommun",
    "stad",
    "region",
    "förbund",
    "förening",
    "enhet",
    "förvaltning",
    "nämnd",
    "stiftelse",
    "myndighet",
    "verket",
    "kassan",
    "förmedling",
    "universitet",
    "högskola",
    "skola",
    "college",
    "centrum",
    "center",
    "institut",
    "bolag",
    "kyrka",
    "länsstyrelse",
    "organisation",
    "akademi",
    "sällskap",
    "företag",
    "kooperativ",
    "gymnasi",
    "utbildning",
    "council",
    "municipality",
    "association",
    "ab",
];

pub fn is_org(lower: &str) -> bool {
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ORG_WORDS
            .iter()
            .any(|o| w.contains(o) && (o.len() > 2 || w == *o))
    })
}
