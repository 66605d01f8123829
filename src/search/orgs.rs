//! Filtering organisations (`esf orgs --filter`, the organisations
//! screen): an organisationsnummer finds the organisation that has it;
//! other text is matched against every name the organisation goes by,
//! term by term as the project search matches a field (contiguous, a typo
//! or two in a long word, `!term` excludes, `a | b` either): never letters
//! scattered over a name.

use super::matcher::{self, Needle};
use super::query::{Query, Term};
use super::Haystacks;
use crate::model::{org_number, OrgSummary};

pub struct OrgFilter {
    haystacks: Haystacks,
}

impl OrgFilter {
    pub fn new(all: &[OrgSummary]) -> OrgFilter {
        let names: Vec<String> = all.iter().map(names_of).collect();
        OrgFilter {
            haystacks: Haystacks::new(names.iter().map(String::as_str)),
        }
    }

    /// Indices into `all` of those `query` finds, best first (ties in
    /// their order); every one, in their order, for an empty query.
    pub fn filter(&self, all: &[OrgSummary], query: &str) -> Vec<usize> {
        if let Some(number) = org_number::normalise(query) {
            return (0..all.len())
                .filter(|&i| all[i].org_numbers.contains(&number))
                .collect();
        }
        let query = Query::parse(query);
        if query.is_empty() {
            return (0..self.haystacks.len()).collect();
        }
        let needles = needles(&query);
        let mut found: Vec<(i64, usize)> = (0..self.haystacks.len())
            .filter_map(|i| Some((self.score(i, &query, &needles)?, i)))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// Each group's best alternative, summed; None when a group has none
    /// or an excluded term is found.
    fn score(&self, index: usize, query: &Query, needles: &[Vec<Needle>]) -> Option<i64> {
        let mut total = 0;
        for (group, needles) in query.groups.iter().zip(needles) {
            let best = group
                .iter()
                .zip(needles)
                .filter_map(
                    |(term, needle)| match (term.negated, self.hit(index, term, needle)) {
                        (true, None) => Some(0),
                        (true, Some(_)) => None,
                        (false, hit) => hit.map(|h| h.score),
                    },
                )
                .max()?;
            total += best;
        }
        Some(total)
    }

    fn hit(&self, index: usize, term: &Term, needle: &Needle) -> Option<matcher::Hit> {
        self.haystacks.with_text(index, term.exact_letters, |t| {
            matcher::find_with(term, needle, t)
        })
    }

    /// Matched characters of the organisation's own name (the first of
    /// its names), for highlighting.
    pub fn positions(&self, index: usize, query: &str) -> Vec<usize> {
        if index >= self.haystacks.len() {
            return Vec::new();
        }
        let query = Query::parse(query);
        let mut positions = Vec::new();
        for term in query.groups.iter().flatten().filter(|t| !t.negated) {
            let needle = Needle::new(term);
            self.haystacks.with_text(index, term.exact_letters, |text| {
                let Some(hit) = matcher::find_with(term, &needle, text) else {
                    return;
                };
                // The own name ends where the other names begin.
                let own = text.find("  ").unwrap_or(text.len());
                let chars = text[..hit.start.min(own)].chars().count();
                let len = text[hit.start.min(own)..hit.end.min(own)].chars().count();
                positions.extend(chars..chars + len);
            });
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

fn needles(query: &Query) -> Vec<Vec<Needle>> {
    let group = |g: &Vec<Term>| g.iter().map(Needle::new).collect();
    query.groups.iter().map(group).collect()
}

/// The name it goes by, then the others, two spaces between.
fn names_of(o: &OrgSummary) -> String {
    let mut names = vec![o.name.as_str()];
    names.extend(o.other_names.iter().map(String::as_str));
    names.join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str) -> OrgSummary {
        OrgSummary {
            name: name.to_string(),
            ..OrgSummary::default()
        }
    }

    fn names(all: &[OrgSummary], query: &str) -> Vec<String> {
        let filter = OrgFilter::new(all);
        let found = filter.filter(all, query);
        found.into_iter().map(|i| all[i].name.clone()).collect()
    }

    #[test]
    fn terms_stand_together_in_a_name_never_scattered() {
        let all = [
            org("Föreningen Stjärnan Kiruna"),
            org("Försäkringskassan"),
            org("Försäkringskassan Göteborg"),
        ];
        assert_eq!(
            names(&all, "försäk"),
            ["Försäkringskassan", "Försäkringskassan Göteborg"]
        );
        assert_eq!(names(&all, "kassan !göteborg"), ["Försäkringskassan"]);
        assert_eq!(names(&all, "kiruna | göteborg").len(), 2);
        assert_eq!(
            names(&all, "forsakringskasan"),
            ["Försäkringskassan", "Försäkringskassan Göteborg"]
        );
    }

    #[test]
    fn the_positions_are_the_own_names_letters() {
        let all = [org("Vellinge kommun")];
        let filter = OrgFilter::new(&all);
        assert_eq!(filter.positions(0, "kommun"), (9..15).collect::<Vec<_>>());
    }
}
