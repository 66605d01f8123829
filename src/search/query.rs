//! The search box's language, fzf's with field names: terms are ANDed;
//! `'term` exact, `^term` at the start of a field, `term$` at its end,
//! `!term` excludes; `a | b` (or `a OR b`, `a ELLER b`: no AltGr needed)
//! either; `field:term` looks in one field only. Anything else is text: no
//! input is an error.

use super::field::Field;
use super::{fold, is_foldable, lower_case};

/// The language in brief, for help screens: an example and what it does.
pub const SYNTAX: &[(&str, &str)] = &[
    ("vellinge", "in a field or the texts"),
    ("efektbutik", "a typo or two is forgiven"),
    ("'ips", "exactly as typed"),
    ("^nya  kommun$", "at the start / end of a field"),
    ("!malmö", "leaves out where it stands"),
    ("a | b  a OR b", "either (ELLER too)"),
    ("org: kommun: namn:", "in one field (region: id: text: …)"),
    ("212000-1033", "an organisationsnummer"),
];

/// The longest query read, in characters: the search box cuts a paste or
/// typing there, the command line refuses a longer one. Work grows with a
/// query's length, and no search needs more.
pub const MAX_QUERY_CHARS: usize = 256;

/// Cuts a query to [`MAX_QUERY_CHARS`]; true when something was cut.
pub fn cut_to_bound(query: &mut String) -> bool {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => {
            query.truncate(at);
            true
        }
        None => false,
    }
}

/// A query from the command line, or the one line saying it is too long.
pub fn check_bound(query: &str) -> Result<(), String> {
    let chars = query.chars().count();
    match chars > MAX_QUERY_CHARS {
        true => Err(crate::i18n::tf(
            "the query has {} characters; at most {} are read",
            &[&chars, &MAX_QUERY_CHARS],
        )),
        false => Ok(()),
    }
}

/// An ID from the command line, or the one line saying it is too long: an
/// unknown one is compared with every key and name, so it has the
/// query's bound.
pub fn check_id_bound(id: &str) -> Result<(), String> {
    let chars = id.chars().count();
    match chars > MAX_QUERY_CHARS {
        true => Err(crate::i18n::tf(
            "the ID has {} characters; at most {} are read",
            &[&chars, &MAX_QUERY_CHARS],
        )),
        false => Ok(()),
    }
}

/// How a term must sit in a field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Contiguous, or with a typo or two at a word start.
    Fuzzy,
    /// Contiguous, exactly as typed (`'term`).
    Exact,
    /// At the start of the field (`^term`).
    Prefix,
    /// At the end of the field (`term$`).
    Suffix,
    /// The whole field (`^term$`).
    Whole,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Lower-cased, and folded (å → a) unless `exact_letters`.
    pub text: String,
    /// The term has å/ä/ö and the like: it matches those letters only.
    pub exact_letters: bool,
    pub mode: Mode,
    /// `!term`: a project where it matches is left out.
    pub negated: bool,
    /// `field:term`: the fields it may match in (None: every field).
    pub fields: Option<&'static [Field]>,
}

/// Alternatives of which one must match (`a | b`).
pub type Group = Vec<Term>;

/// A parsed query: every group must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Group>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut groups: Vec<Group> = Vec::new();
        let mut joining = false;
        for word in input.split_whitespace() {
            if is_or(word) {
                joining = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(word) else {
                continue;
            };
            let named = term.names_abbreviated();
            match groups.last_mut() {
                Some(group) if joining => group.push(term),
                _ => groups.push(vec![term]),
            }
            if let Some(group) = groups.last_mut() {
                group.extend(named);
            }
            joining = false;
        }
        Query { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Terms a project must have (not excluded ones), each group's first.
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| !t.negated)
    }
}

fn is_or(word: &str) -> bool {
    matches!(word, "|" | "OR" | "ELLER")
}

impl Term {
    /// A word of the query as a term; None when nothing is left of it
    /// (a lone `!`, `^` or `'`).
    fn parse(word: &str) -> Option<Term> {
        // `!org:x` and `org:!x` both exclude.
        let (outer, rest) = strip(word, '!');
        let (fields, rest) = scope(rest);
        let (inner, rest) = strip(rest, '!');
        let negated = outer || inner;
        let (quoted, rest) = strip(rest, '\'');
        let (anchored, rest) = strip(rest, '^');
        let (ended, rest) = match rest.len() > 1 && rest.ends_with('$') {
            true => (true, &rest[..rest.len() - 1]),
            false => (false, rest),
        };
        if rest.is_empty() {
            return None;
        }
        // An organisationsnummer, however written, is looked for as the
        // cache writes it, and never with a typo (another digit is another
        // organisation).
        let number = crate::model::org_number::normalise(rest);
        let rest = number.as_deref().unwrap_or(rest);
        let mode = match (quoted || negated || number.is_some(), anchored, ended) {
            (_, true, true) => Mode::Whole,
            (_, true, false) => Mode::Prefix,
            (_, false, true) => Mode::Suffix,
            (true, false, false) => Mode::Exact,
            (false, false, false) => Mode::Fuzzy,
        };
        let lower = lower_case(rest);
        let mut exact_letters = lower.chars().any(is_foldable);
        let mut mode = mode;
        if mode == Mode::Fuzzy {
            if let Some(exact) = municipality_named(fields, &lower) {
                (mode, exact_letters) = (Mode::Whole, exact_letters || exact);
            }
        }
        let text = if exact_letters { lower } else { fold(&lower) };
        Some(Term {
            text,
            exact_letters,
            mode,
            negated,
            fields,
        })
    }
}

/// `kommun:köping` names a municipality: it finds that municipality, as
/// the facet of the same name does, and not every name holding the word
/// (Linköping, Nyköping). Some(true) when the letters are a name as
/// written (`habo` is Habo, not Håbo); Some(false) when they are one only
/// folded (`goteborg`).
fn municipality_named(fields: Option<&[Field]>, lower: &str) -> Option<bool> {
    if fields.is_none() || fields != Field::scope("kommun") {
        return None;
    }
    let municipalities = &crate::ingest::gazetteer::gazetteer().municipalities;
    let names = || municipalities.iter().map(|m| lower_case(&m.name));
    if names().any(|name| name == lower) {
        return Some(true);
    }
    let folded = fold(lower);
    names().any(|name| fold(&name) == folded).then_some(false)
}

/// Abbreviation → the names it stands for.
const ABBREVIATIONS: &str = include_str!("../../assets/gazetteer/abbreviations.tsv");

impl Term {
    /// The organisations an abbreviation (`fk`, `AF`, `SKR`) stands for,
    /// as alternatives found exactly; none for an excluded or anchored
    /// term (an exclusion must hold for every name, not for one).
    fn names_abbreviated(&self) -> Vec<Term> {
        if self.negated || !matches!(self.mode, Mode::Fuzzy) {
            return Vec::new();
        }
        let names = ABBREVIATIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .find(|(short, _)| *short == self.text)
            .map(|(_, names)| names);
        let term = |name: &str| {
            let lower = lower_case(name);
            let exact_letters = lower.chars().any(is_foldable);
            Term {
                text: if exact_letters { lower } else { fold(&lower) },
                exact_letters,
                mode: Mode::Exact,
                negated: false,
                fields: self.fields,
            }
        };
        names
            .into_iter()
            .flat_map(|n| n.split('|'))
            .map(term)
            .collect()
    }
}

fn strip(word: &str, mark: char) -> (bool, &str) {
    match word.strip_prefix(mark) {
        Some(rest) => (true, rest),
        None => (false, word),
    }
}

/// `name:term` and the like: the fields named, and the rest of the word.
/// An unknown name before a colon is text (`2015:00730`, `kl:10`).
fn scope(word: &str) -> (Option<&'static [Field]>, &str) {
    let Some((name, rest)) = word.split_once(':') else {
        return (None, word);
    };
    match Field::scope(&lower_case(name)) {
        Some(fields) if !rest.is_empty() => (Some(fields), rest),
        _ => (None, word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<Vec<(String, Mode, bool)>> {
        Query::parse(q)
            .groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|t| (t.text.clone(), t.mode, t.negated))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_fzf_marks() {
        assert_eq!(
            terms("'vellinge ^nya stad$ ^malmö$ !malmo"),
            [
                vec![("vellinge".into(), Mode::Exact, false)],
                vec![("nya".into(), Mode::Prefix, false)],
                vec![("stad".into(), Mode::Suffix, false)],
                vec![("malmö".into(), Mode::Whole, false)],
                vec![("malmo".into(), Mode::Exact, true)],
            ]
        );
    }

    #[test]
    fn either_with_a_bar_or_a_word_that_needs_no_altgr() {
        let either = vec![
            ("lund".into(), Mode::Fuzzy, false),
            ("malmo".into(), Mode::Fuzzy, false),
        ];
        let with_letters = vec![
            ("lund".into(), Mode::Fuzzy, false),
            ("malmö".into(), Mode::Fuzzy, false),
        ];
        assert_eq!(terms("lund | malmö"), [with_letters]);
        assert_eq!(terms("lund OR malmo"), std::slice::from_ref(&either));
        assert_eq!(terms("lund ELLER malmo"), [either]);
        assert_eq!(terms("or eller").len(), 2, "lower-case words are words");
        assert_eq!(
            terms("| lund |").len(),
            1,
            "a bar at either end joins nothing"
        );
    }

    #[test]
    fn folding_follows_the_letters_typed() {
        let q = Query::parse("GÖTEBORG Goteborg");
        assert_eq!(q.groups[0][0].text, "göteborg");
        assert!(q.groups[0][0].exact_letters);
        assert_eq!(q.groups[1][0].text, "goteborg");
        assert!(!q.groups[1][0].exact_letters);
    }

    #[test]
    fn fields_by_english_and_swedish_names_and_anything_else_is_text() {
        let q = Query::parse("namn:steg ägare:lund kommun:ale 2015:00730 x:");
        assert_eq!(q.groups[0][0].fields, Some(&[Field::Name][..]));
        assert_eq!(q.groups[1][0].fields, Some(&[Field::Owner][..]));
        assert_eq!(
            q.groups[2][0].fields,
            Some(&[Field::Municipality, Field::MunicipalityInText][..])
        );
        assert_eq!(
            (q.groups[3][0].text.as_str(), q.groups[3][0].fields),
            ("2015:00730", None)
        );
        assert_eq!(q.groups[4][0].text, "x:");
    }

    #[test]
    fn an_organisationsnummer_is_one_exact_term_however_written() {
        for written in ["2120001033", "212000-1033", "16212000-1033"] {
            assert_eq!(
                terms(written),
                vec![vec![("212000-1033".to_string(), Mode::Exact, false)]]
            );
        }
    }

    #[test]
    fn a_municipality_named_in_full_after_kommun_is_that_municipality() {
        let first = |q: &str| Query::parse(q).groups[0][0].clone();
        let koping = first("kommun:köping");
        assert_eq!((koping.mode, koping.text.as_str()), (Mode::Whole, "köping"));
        let habo = first("kommun:habo");
        assert!(habo.exact_letters, "Habo, not Håbo: {habo:?}");
        let goteborg = first("kommun:goteborg");
        assert_eq!(goteborg.mode, Mode::Whole, "found folded too");
        assert!(!goteborg.exact_letters);
        assert_eq!(first("kommun:göteb").mode, Mode::Fuzzy, "a part is fuzzy");
        assert_eq!(first("köping").mode, Mode::Fuzzy, "anywhere, as typed");
        assert_eq!(first("org:köping").mode, Mode::Fuzzy);
    }

    #[test]
    fn hostile_input_is_text() {
        for q in [
            "-", "/", "\"", "*", "AND", "(", ")", "!", "^", "'", "$", "^$", "::", "\u{0}",
        ] {
            let _ = Query::parse(q);
        }
        assert!(Query::parse("! ^ '").is_empty());
        assert_eq!(terms("$")[0][0].0, "$");
        assert_eq!(terms("covid-19")[0][0].0, "covid-19");
    }

    #[test]
    fn an_abbreviation_also_looks_for_the_names_it_stands_for() {
        let q = Query::parse("FK malmö");
        let texts: Vec<&str> = q.groups[0].iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["fk", "försäkringskassan"]);
        assert_eq!(q.groups[1].len(), 1);
        let skr: Vec<String> = Query::parse("skr").groups[0]
            .iter()
            .map(|t| t.text.clone())
            .collect();
        assert_eq!(
            skr,
            [
                "skr",
                "sveriges kommuner och regioner",
                "sveriges kommuner och landsting"
            ]
        );
        // An exclusion or an exact word is left as it is.
        assert_eq!(Query::parse("!af").groups[0].len(), 1);
        assert_eq!(Query::parse("'af").groups[0].len(), 1);
    }
}
