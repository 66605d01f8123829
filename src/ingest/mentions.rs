//! Well-known actors named in prose: agencies, regions, municipalities, and
//! kinds of actor (samordningsförbund, vårdcentral) where a word names one
//! in passing, never where it is part of a name.

use super::gazetteer::{ActorKind, Gazetteer};
use super::text::starts_upper;

/// A word of the text and where it starts.
#[derive(Clone, Copy)]
pub struct Word<'a> {
    pub at: usize,
    pub text: &'a str,
}

impl Word<'_> {
    fn end(&self) -> usize {
        self.at + self.text.len()
    }
}

/// A document's prose cut into words once, for every reader of it (the
/// actors named, the municipalities named).
pub struct Prose<'a> {
    pub text: &'a str,
    pub words: Vec<Word<'a>>,
}

impl<'a> Prose<'a> {
    pub fn new(text: &'a str) -> Prose<'a> {
        Prose {
            text,
            words: words_of(text),
        }
    }
}

/// Actors named anywhere in the text, each once (longest name wins), with
/// the words that name it.
pub fn mentions(g: &Gazetteer, prose: &Prose) -> Vec<(String, String)> {
    let (text, words) = (prose.text, &prose.words);
    let mut found: Vec<(String, String)> = Vec::new();
    let mut lower = String::new();
    let mut i = 0;
    while i < words.len() {
        lower_into(&mut lower, words[i].text);
        let hit = g
            .first_words
            .get(lower.as_str())
            .and_then(|&longest| longest_match(g, &words[i..], longest));
        let Some((len, actor)) = hit else {
            i += 1;
            continue;
        };
        let actor = &g.actors[actor];
        let passing = actor.kind != ActorKind::Generic || !in_a_name(text, words, i, len);
        if passing && !found.iter().any(|(c, _)| *c == actor.canonical) {
            let written: Vec<&str> = words[i..i + len].iter().map(|w| w.text).collect();
            found.push((actor.canonical.clone(), written.join(" ")));
        }
        i += len;
    }
    found
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let is_word =
        |c: char| c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric());
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_word(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                if at - from > 1 {
                    words.push(Word {
                        at: from,
                        text: &text[from..at],
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Whether the words `i..i + len` are part of a longer name: a capitalised
/// word follows them in the same phrase ("Samordningsförbundet Hisingen"),
/// or one comes before them and they are capitalised too ("Vellinge
/// Vårdcentral") or it is a genitive ("Sjuhärads samordningsförbund").
fn in_a_name(text: &str, words: &[Word], i: usize, len: usize) -> bool {
    let joined = |a: &Word, b: &Word| text[a.end()..b.at].chars().all(|c| c == ' ');
    let (first, last) = (&words[i], &words[i + len - 1]);
    let next = words
        .get(i + len)
        .filter(|n| joined(last, n) && starts_upper(n.text));
    let before = i
        .checked_sub(1)
        .map(|p| &words[p])
        .filter(|p| joined(p, first) && starts_upper(p.text));
    next.is_some() || before.is_some_and(|p| starts_upper(first.text) || p.text.ends_with('s'))
}

/// Lower-cases into a reused buffer (this runs once per word of prose).
fn lower_into(buf: &mut String, word: &str) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The longest name starting at the first word: its length in words and
/// the actor it names.
fn longest_match(g: &Gazetteer, words: &[Word], longest: usize) -> Option<(usize, usize)> {
    (1..=longest.min(words.len())).rev().find_map(|len| {
        let written: Vec<&str> = words[..len].iter().map(|w| w.text).collect();
        let key = written.join(" ").to_lowercase();
        g.patterns.get(&key).map(|&i| (len, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    fn names(text: &str) -> Vec<String> {
        mentions(gazetteer(), &Prose::new(text))
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    #[test]
    fn mentions_take_the_longest_name() {
        assert_eq!(
            names("Göteborgs Stad och Försäkringskassan samt socialtjänsten."),
            vec!["Göteborgs Stad", "Försäkringskassan", "Socialtjänsten"]
        );
    }

    #[test]
    fn a_kind_of_actor_inside_a_name_is_no_mention() {
        for text in [
            "Vi samverkar med Vellinge Vårdcentral om remisser.",
            "Projektet drivs av Samordningsförbundet Hisingen.",
            "Sjuhärads samordningsförbund är medfinansiär.",
            "Med vuxenpsykiatrin Trelleborg och Näsets läkargrupp.",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_kind_of_actor_named_in_passing_is_a_mention() {
        assert_eq!(
            names("Deltagarna har kontakt med vårdcentralen. Arbetsförmedlingen deltar."),
            vec!["Vårdcentral", "Arbetsförmedlingen"]
        );
        assert_eq!(
            names("Med Försäkringskassan, socialtjänsten och psykiatrin."),
            vec!["Försäkringskassan", "Socialtjänsten", "Psykiatrin"]
        );
    }
}
