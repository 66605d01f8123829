//! Units of a municipality named without it: "SDF Örgryte", "Östra
//! Göteborg", "Socialförvaltning Nordost", "Rinkeby-Kista
//! stadsdelsförvaltning" belong to their city (`assets/gazetteer/districts.tsv`).

use super::gazetteer::Gazetteer;

/// Words that make a district's name a unit's name, before or after it.
const UNIT_WORDS: &[&str] = &[
    "sdf",
    "sdn",
    "stadsdel",
    "stadsdelen",
    "stadsdelsförvaltning",
    "stadsdelsförvaltningen",
    "stadsdelsnämnd",
    "stadsdelsnämnden",
    "socialförvaltning",
    "socialförvaltningen",
];

/// The municipality organisation a unit's name belongs to, if the name (or
/// one of its comma-separated parts) is one of its districts.
pub fn district_parent(g: &Gazetteer, name: &str) -> Option<String> {
    name.split(',')
        .find_map(|part| district_of_part(g, part))
        .map(str::to_string)
}

fn district_of_part<'g>(g: &'g Gazetteer, part: &str) -> Option<&'g str> {
    let lower = part.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (unit_word, rest) = match words.as_slice() {
        [first, rest @ ..] if UNIT_WORDS.contains(first) => (true, rest),
        [rest @ .., last] if UNIT_WORDS.contains(last) => (true, rest),
        all => (false, all),
    };
    let rest = rest.join(" ");
    g.districts
        .iter()
        .find(|d| d.key == rest && (d.alone || unit_word))
        .map(|d| d.parent.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    fn parent(name: &str) -> Option<String> {
        district_parent(gazetteer(), name)
    }

    #[test]
    fn units_named_without_their_city_belong_to_it() {
        let gbg = Some("Göteborgs Stad".to_string());
        assert_eq!(parent("SDF Örgryte"), gbg);
        assert_eq!(parent("Östra Göteborg"), gbg);
        assert_eq!(parent("SDF Askim-Frölunda-Högsbo"), gbg);
        assert_eq!(
            parent("Socialförvaltning Nordost, Arbetsmarknadsenheten"),
            gbg
        );
        assert_eq!(
            parent("Rinkeby-Kista stadsdelsförvaltning").as_deref(),
            Some("Stockholms stad")
        );
    }

    #[test]
    fn a_place_alone_or_another_city_s_unit_is_no_district() {
        for name in [
            "Angered",
            "Bromma",
            "Socialförvaltningen",
            "Nordost",
            "Frölunda",
            "SDF Lund",
        ] {
            assert_eq!(parent(name), None, "{name}");
        }
    }
}
