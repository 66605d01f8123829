//! The municipalities a project concerns, from every place a document
//! gives one: its Kommun list, an owner or partner that is a municipality
//! or one of its units ("VELLINGE KOMMUN", "Göteborgs Stad Centrum"), the
//! beneficiary's town ("Stödmottagare ort: VELLINGE") and municipality names
//! in its text. A region gives none of its own accord.

use super::gazetteer::{ActorKind, Gazetteer};
use super::mentions::Prose;
use super::text::starts_upper;
use crate::model::{MunicipalitySource, Project, Role};

/// Fills `municipalities` (the list's first, then the others) and
/// `municipality_sources` (each with where it came from).
pub fn place_project(project: &mut Project, g: &Gazetteer, prose: &Prose) {
    let mut found = Found::default();
    for listed in &project.municipalities {
        let name = g.municipality(listed).map_or(listed.as_str(), |m| &m.name);
        found.add(name, "list");
    }
    for link in &project.organisations {
        let from = match link.role {
            Role::Owner => "owner",
            Role::Partner => "partner",
            Role::Mentioned => "text",
        };
        let own = municipality_of_org(g, &link.name);
        let parent = link
            .parent
            .as_deref()
            .and_then(|p| municipality_of_org(g, p));
        if let Some(name) = own.or(parent) {
            found.add(name, from);
        }
    }
    if let Some(m) = project
        .beneficiary_city
        .as_deref()
        .and_then(|c| g.municipality(c))
    {
        found.add(&m.name, "place");
    }
    for name in named_in_text(g, prose) {
        found.add(name, "text");
    }
    project.municipalities = found.0.iter().map(|s| s.name.clone()).collect();
    project.municipality_sources = found.0;
}

#[derive(Default)]
struct Found(Vec<MunicipalitySource>);

impl Found {
    fn add(&mut self, name: &str, from: &str) {
        match self.0.iter_mut().find(|s| s.name == name) {
            Some(s) if !s.from.iter().any(|f| f == from) => s.from.push(from.to_string()),
            Some(_) => {}
            None => self.0.push(MunicipalitySource {
                name: name.to_string(),
                from: vec![from.to_string()],
            }),
        }
    }
}

/// Words that open a list of municipalities in prose: "De deltagande
/// kommunerna är A, B och C", "tio kommuner - A, B, …", "kommunerna: A och B".
const LIST_NOUNS: &[&str] = &["kommunerna", "kommuner", "municipalities"];

/// What may stand between the noun and its list.
const LIST_OPENERS: &[&str] = &["är", "-", "–", "—", ":", "(", "som deltar är", "are", "of"];

/// The municipalities lists in prose name, each once, in the order given;
/// a list's first name counts as much as the others.
pub fn listed_in_prose(g: &Gazetteer, text: &str) -> Vec<String> {
    // Offsets in `lower` must hold in `text`: ASCII case only.
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<String> = Vec::new();
    for noun in LIST_NOUNS {
        // A page lists its municipalities once or twice, not thousands of times.
        for (at, _) in lower.match_indices(noun).take(200) {
            let end = at + noun.len();
            let whole = !lower[end..].starts_with(char::is_alphanumeric)
                && !lower[..at].ends_with(char::is_alphanumeric);
            let Some(list) = whole.then(|| list_after(&text[end..])).flatten() else {
                continue;
            };
            for name in municipalities_in_list(g, list) {
                if !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// The list just after a list noun and its opener, to the sentence's end
/// (a single line break is no end).
fn list_after(rest: &str) -> Option<&str> {
    // A list of all 290 municipalities is shorter.
    let trimmed = super::prose::words::head(rest, 4096).trim_start();
    let opened = LIST_OPENERS
        .iter()
        .find_map(|o| trimmed.strip_prefix(o))
        .map(|r| r.trim_start_matches([':', ' ', '\n']))?;
    let end = opened
        .find(". ")
        .into_iter()
        .chain(opened.find(".\n"))
        .chain(opened.find("\n\n"))
        .chain(opened.find([')', ';']))
        .min()
        .unwrap_or(opened.len());
    Some(opened[..end].trim_end_matches('.'))
}

/// Each part of a list that is a municipality (`Skara`, `Skara kommun`,
/// `och Götene`); a list stops at its first part that is none.
fn municipalities_in_list(g: &Gazetteer, list: &str) -> Vec<String> {
    let flat = list.replace('\n', " ");
    let mut names = Vec::new();
    for part in super::orgs::split_partner_list(&flat) {
        let name = part.trim();
        let name = name.strip_prefix("och ").unwrap_or(name);
        let bare = name
            .strip_suffix(" kommun")
            .or_else(|| name.strip_suffix(" stad"))
            .unwrap_or(name);
        let hit = g
            .municipality(bare)
            .map(|m| m.name.as_str())
            .or_else(|| municipality_of_org(g, name));
        match hit {
            Some(m) => names.push(m.to_string()),
            None => break,
        }
    }
    names
}

/// The municipality an organisation is or belongs to (`Skara kommun`,
/// `Arbetsmarknadsenheten i Skara kommun`), by its canonical name.
pub fn municipality_of(g: &Gazetteer, org: &str) -> Option<String> {
    let c = super::orgs::canonicalise(g, org);
    municipality_of_org(g, &c.name)
        .or_else(|| c.parent.as_deref().and_then(|p| municipality_of_org(g, p)))
        .map(str::to_string)
}

/// `Vellinge kommun`, `Göteborgs Stad` → the municipality's name.
fn municipality_of_org<'g>(g: &'g Gazetteer, org: &str) -> Option<&'g str> {
    let actor = g.actor_named(org)?;
    if actor.kind != ActorKind::Municipality {
        return None;
    }
    g.municipalities
        .iter()
        .find(|m| m.org_name == actor.canonical)
        .map(|m| m.name.as_str())
}

/// Municipality names standing in the text as names: capitalised, and not
/// the first word of a sentence ("Vara" and "Mark" are also words) unless
/// "kommun" or "stad" follows. Genitives count ("Malmös").
fn named_in_text<'g>(g: &'g Gazetteer, prose: &Prose) -> Vec<&'g str> {
    let mut found: Vec<&str> = Vec::new();
    let words = &prose.words;
    for (i, w) in words.iter().enumerate() {
        let word = w.text;
        if !starts_upper(word) {
            continue;
        }
        let next = words.get(i + 1).map(|n| n.text.to_lowercase());
        // "Kalmar län", "Region Kalmar läns": the county, not the town.
        if matches!(next.as_deref(), Some("län" | "läns")) {
            continue;
        }
        let named = matches!(next.as_deref(), Some("kommun" | "stad"));
        if !named && (starts_sentence(prose.text, w.at) || after_a_name(g, prose, i)) {
            continue;
        }
        // Two-word names ("Upplands Väsby", "Lilla Edet") have two capitals.
        let two = words
            .get(i + 1)
            .filter(|n| starts_upper(n.text))
            .map(|n| format!("{word} {}", n.text));
        let hit = [two.as_deref(), Some(word)]
            .into_iter()
            .flatten()
            .find_map(|w| municipality_named(g, w));
        if let Some(name) = hit {
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    found
}

/// Capitalised words that open a sentence before a place ("Från Berg …").
const OPENERS: &[&str] = &[
    "Från", "Till", "Vid", "På", "Med", "Och", "Även", "Här", "Där", "Nu", "För", "Om", "Av",
    "Inom", "Runt", "Kring", "Hela", "In",
];

/// "Anna Berg", "Coompanion Hofors": the second word of a longer name (a
/// person's, an organisation's) that is no known actor, is no place.
fn after_a_name(g: &Gazetteer, prose: &Prose, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &prose.words[p]) else {
        return false;
    };
    let joined = &prose.text[prev.at + prev.text.len()..prose.words[i].at] == " ";
    let known = g
        .first_words
        .contains_key(prev.text.to_lowercase().as_str())
        || g.municipality(prev.text).is_some();
    joined && starts_upper(prev.text) && !known && !OPENERS.contains(&prev.text)
}

/// The municipality a word (or two) names, itself or as a genitive.
fn municipality_named<'g>(g: &'g Gazetteer, word: &str) -> Option<&'g str> {
    let m = g.municipality(word).or_else(|| {
        let bare = word.strip_suffix('s')?;
        g.municipality(bare).filter(|m| !m.name.ends_with('s'))
    })?;
    Some(m.name.as_str())
}

/// Whether the word at `at` begins a sentence or paragraph.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '(', '»']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '•', '-', '–'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;
    use crate::model::OrgLink;

    fn sources(p: &Project) -> Vec<(String, Vec<String>)> {
        p.municipality_sources
            .iter()
            .map(|s| (s.name.clone(), s.from.clone()))
            .collect()
    }

    fn owned_by(owner: &str, parent: Option<&str>, role: Role) -> OrgLink {
        OrgLink {
            name: owner.into(),
            role,
            as_written: owner.into(),
            parent: parent.map(str::to_string),
        }
    }

    fn pair(name: &str, from: &[&str]) -> (String, Vec<String>) {
        (name.into(), from.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn owner_place_list_and_text_each_say_where_they_came_from() {
        let mut p = Project {
            municipalities: vec!["Partille".into()],
            beneficiary_city: Some("VELLINGE".into()),
            organisations: vec![
                owned_by("Vellinge kommun", None, Role::Owner),
                owned_by(
                    "Göteborgs Stad Centrum",
                    Some("Göteborgs Stad"),
                    Role::Partner,
                ),
                owned_by("Region Skåne", None, Role::Partner),
            ],
            ..Project::default()
        };
        let text = "Deltagare från Trelleborg och Malmös stadsdelar. Vara med i projektet. \
                    Det säger Anna Berg.";
        place_project(&mut p, gazetteer(), &Prose::new(text));
        assert_eq!(
            sources(&p),
            vec![
                pair("Partille", &["list"]),
                pair("Vellinge", &["owner", "place"]),
                pair("Göteborg", &["partner"]),
                pair("Trelleborg", &["text"]),
                pair("Malmö", &["text"]),
            ]
        );
        assert_eq!(
            p.municipalities,
            ["Partille", "Vellinge", "Göteborg", "Trelleborg", "Malmö"]
        );
    }

    #[test]
    fn lists_in_prose_keep_their_first_name() {
        let g = gazetteer();
        assert_eq!(
            listed_in_prose(
                g,
                "Projektet når tio kommuner - Ale, Lerum, Partille och Kungälv. Fler kan komma."
            ),
            ["Ale", "Lerum", "Partille", "Kungälv"]
        );
        assert_eq!(
            listed_in_prose(
                g,
                "De deltagande kommunerna är\nLidköping, Götene och Skara kommun."
            ),
            ["Lidköping", "Götene", "Skara"]
        );
        assert_eq!(
            listed_in_prose(g, "Kommunerna: Boden och Luleå."),
            ["Boden", "Luleå"]
        );
        assert!(listed_in_prose(g, "Flera kommuner är med. Kommunerna är nöjda.").is_empty());
    }

    #[test]
    fn words_that_are_also_municipalities_need_to_stand_as_names() {
        let mut p = Project::default();
        let text =
            "Vara ett stöd. Mark och vatten. Projektet i Vara kommun. Lund är stor.\n\nAle kommun";
        place_project(&mut p, gazetteer(), &Prose::new(text));
        assert_eq!(p.municipalities, ["Vara", "Ale"]);
    }
}
