//! `article` without a side panel: today's esf.se news layout and older film
//! pages name the project only in their prose ("I Socialfondsprojektet
//! Framtidens Arbetsplats …", "ESF-projektet ”Steg för steg”") and its
//! municipalities in a list ("De deltagande kommunerna är Lidköping, …").
//! A page that never speaks of the European Social Fund is not taken for one.

use super::gazetteer::Gazetteer;
use super::prose::name as prose_name;
use super::text::CleanText;
use super::{labelled, page_fields, FormatParser, Parsed};
use crate::model::{Format, Project};

pub struct ProseArticle;

impl FormatParser for ProseArticle {
    fn format(&self) -> Format {
        Format::Article
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        if !from_esf_site(doc) {
            return 0;
        }
        let g = super::gazetteer::gazetteer();
        let (title, body) = headline_and_body(doc, g);
        let text = doc.lines.join("\n");
        let facts = page_fields::find(&doc.lines, FACTS);
        let named = page_fields::first(&facts, Fact::Name).is_some()
            || prose_name::project_name(g, &body, title.as_deref()).is_some();
        match speaks_of_esf(&text) && named {
            true => 3,
            false => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        let (title, body) = headline_and_body(doc, g);
        let facts = page_fields::find(&doc.lines, FACTS);
        let stated = |what| page_fields::first(&facts, what).map(str::to_string);
        let p = Project {
            name: stated(Fact::Name)
                .or_else(|| prose_name::project_name(g, &body, title.as_deref())),
            owner: stated(Fact::Owner),
            ..Project::default()
        };
        super::article::finish(p, g, title, body, Vec::new())
    }
}

/// A fact box's labels (`Projektnamn: …`, `Projektägare: …`), on the
/// label's line or the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Name,
    Owner,
}

const FACTS: &[(&str, Fact)] = &[
    ("projektnamn", Fact::Name),
    ("projektets namn", Fact::Name),
    ("projektägare", Fact::Owner),
    ("stödmottagare", Fact::Owner),
    ("project owner", Fact::Owner),
];

/// The page's headline (its first line of content) and the paragraphs
/// below it.
fn headline_and_body(doc: &CleanText, g: &Gazetteer) -> (Option<String>, String) {
    let content: Vec<&String> = doc.lines.iter().filter(|l| !g.is_chrome(l)).collect();
    let headline = content.iter().position(|l| !l.trim().is_empty());
    let title = headline.map(|i| content[i].trim().to_string());
    let rest = headline.map_or(&content[..0], |i| &content[i + 1..]);
    let body = labelled::paragraphs(rest.iter().copied()).unwrap_or_default();
    (title, body)
}

/// Lines only the fund's own site has: its name in the header or footer,
/// its print header. A page without one is someone else's page about a
/// project (`linked_page`).
const SITE_MARKS: &[&str] = &[
    "svenska esf-rådet",
    "swedish esf council",
    "the swedish esf council",
    "esf-rådet",
    "esf.se",
    "www.esf.se",
    "logotyp på utskrifter",
];

/// Whether the page is the fund's own (esf.se).
/// A saved page's title, header and footer count too, each part of a
/// title such as "Nyheter | Svenska ESF-rådet" on its own.
pub fn from_esf_site(doc: &CleanText) -> bool {
    let site_parts = doc
        .site_lines
        .iter()
        .flat_map(|l| l.split(['|', '–']).flat_map(|part| part.split(" - ")));
    doc.lines.iter().map(String::as_str).any(is_site_mark)
        || site_parts.into_iter().any(is_site_mark)
}

fn is_site_mark(line: &str) -> bool {
    let key = super::gazetteer::pattern_key(line.trim());
    let key = key.trim_start_matches(['©', ' ']);
    SITE_MARKS.contains(&key)
        || key.starts_with("svenska esf-rådet")
        || key.starts_with("swedish esf council")
}

/// Whether the page speaks of the European Social Fund at all.
pub fn speaks_of_esf(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "socialfond",
        "esf-",
        "esf+",
        " esf ",
        "(esf)",
        "social fund",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The project's name from the prose, where no heading is known.
pub fn named_project(text: &str) -> Option<String> {
    prose_name::project_name(super::gazetteer::gazetteer(), text, None)
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
            crate::ingest::places::listed_in_prose(gazetteer(), text),
            ["Lidköping", "Skara"]
        );
    }

    #[test]
    fn a_list_of_municipalities_in_prose() {
        let text = "De deltagande kommunerna är Lidköping, Götene och Skara. Fler kan komma.";
        assert_eq!(
            crate::ingest::places::listed_in_prose(gazetteer(), text),
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
