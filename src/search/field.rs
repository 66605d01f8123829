//! The fields of a project the search box matches in, and the names a
//! `name:` before a term gives them. A leaf: the query, the matcher and
//! the field index all name fields.

use serde::Serialize;

/// Where in a project a term was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    Name,
    Id,
    Owner,
    Partner,
    /// An organisation the documents name without a role.
    Mentioned,
    Municipality,
    Region,
    Area,
    Objective,
    /// The description and articles (the full-text index).
    Text,
    /// A municipality only the text names ("insatserna genomförs i
    /// Gävle"): the facet counts it, so `kommun:` finds it too, below
    /// every municipality a document gives as such.
    #[serde(rename = "municipality_in_text")]
    #[strum(serialize = "municipality in text")]
    MunicipalityInText,
}

const ORGANISATIONS: &[Field] = &[Field::Owner, Field::Partner, Field::Mentioned];

/// Every field, in the order of their numbers.
/// New fields are added last: a stored index keeps their numbers.
pub(super) const FIELDS: [Field; 11] = [
    Field::Name,
    Field::Id,
    Field::Owner,
    Field::Partner,
    Field::Mentioned,
    Field::Municipality,
    Field::Region,
    Field::Area,
    Field::Objective,
    Field::Text,
    Field::MunicipalityInText,
];

const MUNICIPALITIES: &[Field] = &[Field::Municipality, Field::MunicipalityInText];

impl Field {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The fields a `name:` before a term limits it to (English and
    /// Swedish names, with or without å/ä/ö).
    pub fn scope(name: &str) -> Option<&'static [Field]> {
        Some(match name {
            "name" | "namn" => &[Field::Name],
            "id" | "dnr" | "diarienummer" => &[Field::Id],
            "owner" | "ägare" | "agare" => &[Field::Owner],
            "org" | "organisation" | "organization" => ORGANISATIONS,
            "partner" => &[Field::Partner],
            "kommun" | "municipality" => MUNICIPALITIES,
            "region" | "län" | "lan" => &[Field::Region],
            "area" | "område" | "omrade" => &[Field::Area],
            "objective" | "mål" | "mal" => &[Field::Objective],
            "text" => &[Field::Text],
            _ => return None,
        })
    }
}
