//! Project keys: the diarienummer when a project has one, otherwise a
//! stable key derived from name, owner and start date.

use crate::ingest::{gazetteer::gazetteer, orgs::canonicalise, text::fold_spaces};
use crate::model::Project;
use xxhash_rust::xxh3::xxh3_64;

/// `2015/00730` stays itself (blanks removed, upper case); a project
/// without one gets `x-` and ten hex digits of a hash of its identity.
pub fn project_key(p: &Project) -> String {
    if let Some(id) = p.id.as_deref().map(key_of_id).filter(|i| !i.is_empty()) {
        return id;
    }
    let identity = format!(
        "{}|{}|{}",
        name_key(p.name.as_deref()).unwrap_or_default(),
        owner_key(p.owner.as_deref()).unwrap_or_default(),
        p.start_date.as_deref().unwrap_or_default()
    );
    format!("x-{:010x}", xxh3_64(identity.as_bytes()) >> 24)
}

/// How users may write an ID: any case, stray blanks.
pub fn normalise_id(id: &str) -> String {
    id.split_whitespace().collect::<String>().to_uppercase()
}

/// The key of a project whose document gives `id`. Keys esf makes begin
/// `x-`; an id a document gives that begins so (in any case) gets a
/// second `X-`, so no document can take a made key, and two ids never
/// share one (the prefix is only ever added, so it can be taken off).
pub fn key_of_id(id: &str) -> String {
    let id = normalise_id(id);
    match id.starts_with("X-") {
        true => format!("X-{id}"),
        false => id,
    }
}

/// The key a user means by an ID typed at a command: a made key as such
/// (`x-` and ten hex digits, in any case), else a diarienummer's key.
pub fn key_typed(id: &str) -> String {
    let id = id.trim();
    let bytes = id.as_bytes();
    let made = bytes.len() == 12
        && bytes[..2].eq_ignore_ascii_case(b"x-")
        && bytes[2..].iter().all(u8::is_ascii_hexdigit);
    match made {
        true => id.to_ascii_lowercase(),
        false => key_of_id(id),
    }
}

/// A project's name folded for matching articles to projects.
pub fn name_key(name: Option<&str>) -> Option<String> {
    name.map(|n| fold_spaces(n).to_lowercase())
        .filter(|n| !n.is_empty())
}

/// The owner's canonical organisation name, folded.
pub fn owner_key(owner: Option<&str>) -> Option<String> {
    owner
        .map(|o| canonicalise(gazetteer(), o).name.to_lowercase())
        .filter(|o| !o.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let mut p = Project {
            id: Some(" 2015/00730 ".into()),
            ..Project::default()
        };
        assert_eq!(project_key(&p), "2015/00730");
        p.id = Some("22-002-s07".into());
        assert_eq!(project_key(&p), "22-002-S07");
        p.id = None;
        p.name = Some("Inkluderande rehabilitering".into());
        p.owner = Some("Samodningsförbundet Göteborg Nord-ost".into());
        let a = project_key(&p);
        p.owner = Some("Samordningsförbundet Göteborg Nordost, c/o X".into());
        assert_eq!(project_key(&p), a, "owner variants fold to one key");
        p.owner = Some("Samordningsförbundet Hisingen".into());
        assert_ne!(project_key(&p), a);
        assert!(a.starts_with("x-") && a.len() == 12);
    }

    #[test]
    fn no_id_a_document_gives_takes_a_made_key() {
        let made = Project {
            name: Some("Inkluderande rehabilitering".into()),
            ..Project::default()
        };
        let made = project_key(&made);
        let impostor = Project {
            id: Some(made.clone()),
            ..Project::default()
        };
        assert_ne!(project_key(&impostor).to_lowercase(), made);
        assert_eq!(project_key(&impostor), format!("X-{}", made.to_uppercase()));
        // Ids that begin X- stay apart from each other.
        assert_eq!(key_of_id("x-1"), "X-X-1");
        assert_eq!(key_of_id("X-X-1"), "X-X-X-1");
        assert_eq!(key_of_id("2015/00730"), "2015/00730");
        // A user typing a made key reaches the made key, in any case.
        assert_eq!(key_typed(&made.to_uppercase()), made);
        assert_eq!(key_typed(" 2015/00730 "), "2015/00730");
        assert_eq!(key_typed("x-1"), "X-X-1");
        assert_eq!(
            key_typed("xé12345678"),
            "XÉ12345678",
            "no panic inside a character"
        );
    }
}
