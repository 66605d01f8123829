//! Words of a text query as the full-text index should look for them:
//! split where the index splits (at anything not a letter or digit),
//! lower-cased and cut to their Swedish stem (Snowball), so that one form
//! finds the others: "psykiska ohälsan" finds "psykisk ohälsa", and as a
//! prefix "arbetsmarknad" finds "arbetsmarknadsinsatser".

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Stems shorter than this would find too much as prefixes: the word is
/// looked for as it is.
const SHORTEST_STEM: usize = 3;

fn swedish() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Swedish))
}

/// Snowball leaves the definite -n of nouns in -a ("ohälsan", "kvinnan"):
/// without it, the stem also finds the indefinite form.
fn definite_a(mut stem: String) -> String {
    if stem.ends_with("an") && stem.chars().count() >= 6 {
        stem.pop();
    }
    stem
}

/// The stems of a query's words, in order.
pub fn stems(words: &str) -> Vec<String> {
    words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let word = w.to_lowercase();
            let stem = definite_a(swedish().stem(&word).into_owned());
            match stem.chars().count() >= SHORTEST_STEM {
                true => stem,
                false => word,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(stems("psykiska ohälsan"), ["psykisk", "ohälsa"]);
        assert_eq!(stems("psykisk ohälsa"), ["psykisk", "ohäls"]);
        assert_eq!(stems("arbetsmarknaden"), ["arbetsmarknad"]);
    }

    #[test]
    fn punctuation_splits_as_the_index_does() {
        assert_eq!(stems("IPS-metoden"), ["ips", "metod"]);
        assert_eq!(stems("2015/00730"), ["2015", "00730"]);
        assert_eq!(stems("covid-19"), ["covid", "19"]);
        assert!(stems("\" * ( ) - /").is_empty());
    }
}
