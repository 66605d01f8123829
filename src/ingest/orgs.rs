//! Organisation names: canonical forms, parents, partner lists in prose and
//! well-known actors mentioned in text.

use super::gazetteer::{ActorKind, Gazetteer};
use super::text::starts_upper;
use crate::model::{OrgLink, Role};

/// Canonical name and parent organisation for a name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    pub name: String,
    pub parent: Option<String>,
}

/// Folds case, spacing, known misspellings and address parts, and finds the
/// organisation a unit or branch office belongs to.
pub fn canonicalise(g: &Gazetteer, written: &str) -> Canonical {
    let cleaned = clean_name(g, written);
    if let Some(actor) = g.actor_named(&cleaned) {
        return Canonical {
            name: actor.canonical.clone(),
            parent: None,
        };
    }
    if let Some(branch) = agency_branch(g, &cleaned) {
        return branch;
    }
    let parent = parent_of(g, &cleaned);
    Canonical {
        name: cleaned,
        parent,
    }
}

/// Spacing, trailing punctuation, `c/o` addresses, variants and shouting.
fn clean_name(g: &Gazetteer, written: &str) -> String {
    let folded = super::text::fold_spaces(written);
    let lower = folded.to_lowercase();
    let without_address = match lower.find(", c/o").or_else(|| lower.find(" c/o ")) {
        Some(i) => &folded[..i],
        None => &folded,
    };
    let trimmed = without_address
        .trim_end_matches(['.', ',', ';', ':'])
        .trim();
    let words: Vec<String> = trimmed.split(' ').map(|w| fix_variant(g, w)).collect();
    let shouting = words.len() > 1 && is_upper_case(trimmed);
    let words: Vec<String> = words
        .into_iter()
        .map(|w| if shouting { title_word(&w) } else { w })
        .collect();
    capitalise_first(&words.join(" "))
}

fn fix_variant(g: &Gazetteer, word: &str) -> String {
    let bare = word.trim_end_matches(',');
    let Some(right) = g.variants.get(&bare.to_lowercase()) else {
        return word.to_string();
    };
    let mut fixed = if starts_upper(bare) {
        capitalise_first(right)
    } else {
        right.clone()
    };
    if is_upper_case(bare) && bare.chars().count() > 1 {
        fixed = fixed.to_uppercase();
    }
    fixed.push_str(&word[bare.len()..]);
    fixed
}

/// Written in capitals only (`VELLINGE KOMMUN`).
pub fn is_upper_case(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn title_word(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.as_str() {
        "kommun" | "och" | "i" | "o" | "för" | "stad" => lower,
        _ => capitalise_first(&lower),
    }
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Arbetsförmedlingen i Alingsås` → branch `Arbetsförmedlingen Alingsås`.
fn agency_branch(g: &Gazetteer, name: &str) -> Option<Canonical> {
    let (head, rest) = name.split_once(' ')?;
    let actor = g.actor_named(head)?;
    if actor.kind != ActorKind::Agency {
        return None;
    }
    let place = rest.strip_prefix("i ").unwrap_or(rest);
    Some(Canonical {
        name: format!("{} {}", actor.canonical, place),
        parent: Some(actor.canonical.clone()),
    })
}

/// A known organisation a unit belongs to: a comma-separated part
/// (`Förvaltning, Göteborgs Stad, Enhet`), a leading name
/// (`Göteborgs Stad Centrum`) or a trailing `i X kommun`.
fn parent_of(g: &Gazetteer, name: &str) -> Option<String> {
    let known = |part: &str| {
        g.actor_named(part)
            .filter(|a| a.kind != ActorKind::Generic)
            .map(|a| a.canonical.clone())
    };
    if name.contains(',') {
        if let Some(p) = name.split(',').find_map(|part| known(part.trim())) {
            return Some(p);
        }
    }
    let words: Vec<&str> = name.split(' ').collect();
    (1..words.len())
        .find_map(|n| {
            let head = known(&words[..n].join(" "));
            let tail = known(&words[words.len() - n..].join(" "));
            head.or(tail)
        })
        .or_else(|| super::districts::district_parent(g, name))
}

/// Splits a prose list of partners: commas, `samt`, and `och` where it
/// joins names (a capitalised word on either side), never inside brackets.
pub fn split_partner_list(list: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for comma_part in split_outside_brackets(list, ',') {
        split_conjunctions(&comma_part, &mut parts);
    }
    parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches('.').trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn split_outside_brackets(s: &str, sep: char) -> Vec<String> {
    let (mut parts, mut current, mut depth) = (Vec::new(), String::new(), 0i32);
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == sep && depth <= 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

fn split_conjunctions(part: &str, out: &mut Vec<String>) {
    let words: Vec<&str> = part.split_whitespace().collect();
    let mut current: Vec<&str> = Vec::new();
    let mut depth = 0i32;
    for (i, word) in words.iter().enumerate() {
        let joins_names = || {
            let before = i > 0 && starts_upper(words[i - 1]);
            let after = words.get(i + 1).is_some_and(|w| starts_upper(w));
            // "Vård- och omsorgscollege": the "och" of a shared word ending.
            let shared_ending = i > 0 && words[i - 1].ends_with('-');
            *word == "samt" || (*word == "och" && (before || after) && !shared_ending)
        };
        if depth == 0 && !current.is_empty() && joins_names() {
            out.push(current.join(" "));
            current.clear();
        } else {
            current.push(word);
        }
        depth += word.matches('(').count() as i32 - word.matches(')').count() as i32;
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
}

/// `vårdcentralerna Närhälsan Angered` → `Närhälsan Angered`: a leading
/// plural noun that introduces a name is not part of the name.
pub fn strip_list_noun(part: &str) -> &str {
    let Some((first, rest)) = part.split_once(' ') else {
        return part;
    };
    let plural = ["erna", "arna", "orna"].iter().any(|e| first.ends_with(e));
    if plural && first.chars().all(char::is_lowercase) && starts_upper(rest) {
        rest
    } else {
        part
    }
}

/// Partner lists introduced in prose by phrases from the gazetteer.
pub fn partners_in_prose(g: &Gazetteer, text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let phrases = list_starts(g, text);
    let mut begins: Vec<usize> = phrases.iter().map(|&(begin, _)| begin).collect();
    begins.sort_unstable();
    for &(_, start) in &phrases {
        // A list ends at the next phrase at the latest: a paragraph of
        // 50,000 lists and no full stop is read once, not 50,000 times.
        let next = begins.partition_point(|&b| b < start);
        let until = begins.get(next).map_or(text.len(), |&b| b.max(start));
        let list = super::text::fold_spaces(sentence_rest(&text[start..until]));
        for partner in split_partner_list(&list) {
            if seen.insert(partner.clone()) {
                found.push(partner);
            }
        }
    }
    found
}

/// Where partner lists begin: just after each phrase, once per place even
/// when a longer phrase contains a shorter one, with where that phrase
/// begins. Phrases are found through an anchor word they share
/// ("projekt"), so the text is scanned once.
fn list_starts(g: &Gazetteer, text: &str) -> Vec<(usize, usize)> {
    let mut ends = Vec::new();
    for anchor in memchr::memmem::find_iter(text.as_bytes(), ANCHOR.as_bytes()) {
        for phrase in g.partner_phrases.iter().filter(|p| p.contains(ANCHOR)) {
            let Some(start) = anchor.checked_sub(phrase.find(ANCHOR).unwrap_or(0)) else {
                continue;
            };
            let rest = text
                .get(start..)
                .and_then(|t| super::normalise::strip_prefix_ci(t, phrase));
            if let Some(rest) = rest {
                ends.push((start, text.len() - rest.len()));
            }
        }
    }
    for phrase in g.partner_phrases.iter().filter(|p| !p.contains(ANCHOR)) {
        ends.extend(
            text.to_lowercase()
                .match_indices(phrase.as_str())
                .map(|(i, m)| (i, i + m.len())),
        );
    }
    ends.retain(|&(b, e)| text.is_char_boundary(b) && text.is_char_boundary(e));
    // Once per place: the longest phrase ending there is kept.
    ends.sort_unstable_by_key(|&(b, e)| (e, b));
    ends.dedup_by_key(|&mut (_, e)| e);
    ends
}

/// A word every usual partner phrase holds ("Samverkande aktörer i
/// projektet är"), without its first letter so either case matches.
const ANCHOR: &str = "rojekt";

/// Text up to the end of the sentence: a full stop (outside brackets)
/// followed by a capital letter or the end, or the end of the paragraph.
fn sentence_rest(s: &str) -> &str {
    let s = s.split("\n\n").next().unwrap_or(s);
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' | '!' | '?' | ';' if depth <= 0 => {
                let next = s[i + 1..].trim_start().chars().next();
                if next.is_none_or(char::is_uppercase) {
                    return &s[..i];
                }
            }
            _ => {}
        }
    }
    s
}

/// A kind of actor named without its place (Socialtjänsten, Vårdcentral).
pub fn is_generic(g: &Gazetteer, name: &str) -> bool {
    g.actor_named(name)
        .is_some_and(|a| a.kind == ActorKind::Generic)
}

/// Collects organisation links, one per canonical name, strongest role kept.
#[derive(Debug, Default)]
pub struct OrgCollector {
    links: Vec<OrgLink>,
    /// Where each canonical name stands in `links`: a list of 80,000
    /// partners is collected in linear time, not in its square.
    at: std::collections::HashMap<String, usize>,
}

impl OrgCollector {
    pub fn add(&mut self, g: &Gazetteer, written: &str, role: Role) {
        let written = super::text::fold_spaces(written);
        if written.is_empty() {
            return;
        }
        let canonical = canonicalise(g, strip_list_noun(&written));
        let parent = canonical.parent.clone();
        // "Socialtjänsten" in a partner list names a kind of actor, not
        // one organisation: a mention, never a partner.
        let role = match role == Role::Partner && is_generic(g, &canonical.name) {
            true => Role::Mentioned,
            false => role,
        };
        self.push(OrgLink {
            name: canonical.name,
            role,
            as_written: written,
            parent: canonical.parent,
        });
        if role == Role::Owner {
            if let Some(parent) = parent {
                self.add(g, &parent, Role::Owner);
            }
        }
    }

    /// Mentions add nothing for an organisation already linked, nor for the
    /// parent of one (a branch named in a list is also "mentioned" by name).
    pub fn add_mentions(&mut self, g: &Gazetteer, prose: &super::mentions::Prose) {
        // Mentions are the weakest role: they never replace a link, so the
        // parents named stay those of the links made before them.
        let parents: std::collections::HashSet<String> =
            self.links.iter().filter_map(|l| l.parent.clone()).collect();
        for (canonical, written) in super::mentions::mentions(g, prose) {
            if !parents.contains(&canonical) {
                self.push(OrgLink {
                    name: canonical,
                    role: Role::Mentioned,
                    as_written: written,
                    parent: None,
                });
            }
        }
    }

    fn push(&mut self, link: OrgLink) {
        match self.at.get(&link.name) {
            Some(&i) if link.role < self.links[i].role => self.links[i] = link,
            Some(_) => {}
            None => {
                self.at.insert(link.name.clone(), self.links.len());
                self.links.push(link);
            }
        }
    }

    pub fn finish(self) -> Vec<OrgLink> {
        self.links
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    fn canon(s: &str) -> (String, Option<String>) {
        let c = canonicalise(gazetteer(), s);
        (c.name, c.parent)
    }

    #[test]
    fn variants_and_addresses_fold() {
        let expected = ("Samordningsförbundet Göteborg Nordost".to_string(), None);
        assert_eq!(
            canon("Samodningsförbundet Göteborg Nord-ost, C/O Vårdcentralen Gamlestadstorget"),
            expected
        );
        assert_eq!(canon("Samordningsförbundet  Göteborg Nordost"), expected);
        assert_eq!(canon("VELLINGE KOMMUN").0, "Vellinge kommun");
        assert_eq!(
            canon("SAMORDNINGSFÖRBUNDET ALE, KUNG").0,
            "Samordningsförbundet Ale, Kung"
        );
        assert_eq!(canon("DELTA").0, "DELTA");
        assert_eq!(canon("angered").0, "Angered");
    }

    #[test]
    fn branches_and_units_find_their_parent() {
        let af = Some("Arbetsförmedlingen".to_string());
        assert_eq!(
            canon("Arbetsförmedlingen Angered"),
            ("Arbetsförmedlingen Angered".into(), af.clone())
        );
        assert_eq!(
            canon("Arbetsförmedling Kungälv"),
            ("Arbetsförmedlingen Kungälv".into(), af.clone())
        );
        assert_eq!(
            canon("Arbetsförmedlingen i Alingsås"),
            ("Arbetsförmedlingen Alingsås".into(), af)
        );
        let gbg = Some("Göteborgs Stad".to_string());
        assert_eq!(
            canon("Social resursförvaltning, Göteborgs Stad, Enhet").1,
            gbg
        );
        assert_eq!(canon("Göteborgs Stad Centrum").1, gbg);
        assert_eq!(
            canon("Social och Arbetsförvaltningen i Partille kommun")
                .1
                .as_deref(),
            Some("Partille kommun")
        );
        // Göteborg's socialförvaltningar and stadsdelsförvaltningar roll up.
        assert_eq!(
            canon("Socialförvaltning Nordost, Arbetsmarknadsenheten").1,
            gbg
        );
        assert_eq!(canon("SDF Örgryte").1, gbg);
    }

    #[test]
    fn prose_lists_split_on_names_not_on_words() {
        let parts = split_partner_list(
            "Kompetenscentrum (Arbetsmarknad- och vuxenutbildningsförvaltning), Samordningsförbundet \
             och vårdcentralerna Närhälsan Angered och Nötkärnan i Bergsjön.",
        );
        assert_eq!(
            parts,
            vec![
                "Kompetenscentrum (Arbetsmarknad- och vuxenutbildningsförvaltning)",
                "Samordningsförbundet",
                "vårdcentralerna Närhälsan Angered",
                "Nötkärnan i Bergsjön"
            ]
        );
        let parts = split_partner_list("Vård- och omsorgscollege Gävleborg och Region Gävleborg");
        assert_eq!(
            parts,
            vec!["Vård- och omsorgscollege Gävleborg", "Region Gävleborg"]
        );
        let parts = split_partner_list("arbete och etablering i Vellinge kommun, Näsets läkargrupp och Vellinge Vårdcentral samt RSMH");
        assert_eq!(
            parts,
            vec![
                "arbete och etablering i Vellinge kommun",
                "Näsets läkargrupp",
                "Vellinge Vårdcentral",
                "RSMH"
            ]
        );
    }
}
