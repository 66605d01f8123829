//! Why the free search for a place finds more than the place's field:
//! `/göteborg` finds the projects with Göteborg as a municipality (what
//! `kommun:göteborg` and the Municipality facet find) and those that name
//! it elsewhere, in a project's or an organisation's name ("Göteborgs
//! Stad") or only in their text. Counted over the rows listed, when the
//! query is one municipality's name and nothing else.

use crate::catalogue::Catalogue;
use crate::search::fold;
use crate::search::query::{Mode, Query};
use std::collections::HashSet;

/// The rows listed for a place's name, by where they name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceCount {
    /// The municipality, as the gazetteer writes it.
    pub name: String,
    /// The field search that finds it as a municipality (`kommun:göteborg`).
    pub field_query: String,
    /// Rows with it as a municipality.
    pub as_municipality: usize,
    /// Rows naming it in a name or an organisation, not as a municipality.
    pub in_names: usize,
    /// Rows naming it only in their text.
    pub only_in_text: usize,
}

impl PlaceCount {
    /// The free search finds more than the field: worth saying why.
    pub fn finds_more(&self) -> bool {
        self.in_names + self.only_in_text > 0
    }
}

/// The count for `rows` (the list for `query`), when the query is one
/// municipality's name.
pub fn count(catalogue: &Catalogue, query: &str, rows: &[usize]) -> Option<PlaceCount> {
    let typed = query.trim();
    let name = municipality_named(typed)?;
    let field_query = format!("kommun:{}", typed.trim_start_matches('\'').to_lowercase());
    let indices =
        |q: &str| -> HashSet<usize> { catalogue.filter(q).into_iter().map(|m| m.index).collect() };
    let (municipal, fields) = (indices(&field_query), indices(typed));
    let mut counted = PlaceCount {
        name: name.to_string(),
        field_query,
        as_municipality: 0,
        in_names: 0,
        only_in_text: 0,
    };
    for row in rows {
        match (municipal.contains(row), fields.contains(row)) {
            (true, _) => counted.as_municipality += 1,
            (false, true) => counted.in_names += 1,
            (false, false) => counted.only_in_text += 1,
        }
    }
    Some(counted)
}

/// The municipality a query of one plain word names (`göteborg`,
/// `goteborg`), as the gazetteer writes it.
fn municipality_named(typed: &str) -> Option<&'static str> {
    let query = Query::parse(typed);
    let [group] = &query.groups[..] else {
        return None;
    };
    let term = group.first()?;
    let plain = !term.negated && term.fields.is_none();
    if !plain || !matches!(term.mode, Mode::Fuzzy | Mode::Exact) || typed.contains(' ') {
        return None;
    }
    let gazetteer = crate::ingest::gazetteer::gazetteer();
    let lower = typed.trim_start_matches('\'').to_lowercase();
    let exact = gazetteer
        .municipalities
        .iter()
        .find(|m| m.name.to_lowercase() == lower);
    let folded = || {
        let lower = fold(&lower);
        let mut municipalities = gazetteer.municipalities.iter();
        municipalities.find(|m| fold(&m.name.to_lowercase()) == lower)
    };
    exact.or_else(folded).map(|m| m.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FacetRow, ProjectSummary};
    use crate::search::fields::Field;

    /// Four projects: one in Göteborg, one whose partner is Göteborgs
    /// Stad, one named after Göteborg, one in Lund.
    fn catalogue() -> Catalogue {
        let mut c = Catalogue::default();
        type Project<'a> = (&'a str, &'a str, &'a [(Field, &'a str)]);
        let projects: [Project; 4] = [
            ("a", "Steget", &[(Field::Municipality, "Göteborg")]),
            ("b", "Vägen", &[(Field::Partner, "Göteborgs Stad")]),
            ("c", "Göteborgsmodellen", &[]),
            ("d", "Lundaleden", &[(Field::Municipality, "Lund")]),
        ];
        for (key, name, fields) in projects {
            let summary = ProjectSummary {
                key: key.into(),
                name: Some(name.into()),
                ..Default::default()
            };
            c.push_faceted(summary, fields, &FacetRow::default());
        }
        c
    }

    #[test]
    fn the_rows_are_counted_by_where_they_name_the_place() {
        let c = catalogue();
        // Row 3 (Lund) stands for a project the texts found.
        let counted = count(&c, "göteborg", &[0, 1, 2, 3]).unwrap();
        assert_eq!(counted.name, "Göteborg");
        assert_eq!(counted.field_query, "kommun:göteborg");
        assert_eq!(
            (
                counted.as_municipality,
                counted.in_names,
                counted.only_in_text
            ),
            (1, 2, 1)
        );
        assert!(counted.finds_more());
        let same = count(&c, "göteborg", &[0]).unwrap();
        assert!(!same.finds_more(), "nothing to explain");
        assert_eq!(count(&c, "steget", &[0]), None, "not a place");
    }

    #[test]
    fn only_one_plain_word_naming_a_municipality_counts() {
        assert_eq!(municipality_named("göteborg"), Some("Göteborg"));
        assert_eq!(municipality_named("GOTEBORG"), Some("Göteborg"));
        assert_eq!(municipality_named("habo"), Some("Habo"));
        assert_eq!(municipality_named("göteb"), None);
        assert_eq!(municipality_named("kommun:göteborg"), None);
        assert_eq!(municipality_named("!göteborg"), None);
        assert_eq!(municipality_named("göteborg vellinge"), None);
        assert_eq!(municipality_named("nya"), None);
    }
}
