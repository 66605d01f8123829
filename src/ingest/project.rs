//! Steps every format shares once its fields are read: labelled pairs to
//! fields, fund and programme, and the organisations tied to the project.

use super::fields::{self, Field};
use super::gazetteer::Gazetteer;
use super::labelled::Pair;
use super::orgs::{self, OrgCollector};
use crate::model::{Project, Role};

/// Applies labelled pairs; unknown labels go to `extra` with a warning.
pub fn apply_pairs(project: &mut Project, pairs: &[Pair], warnings: &mut Vec<String>) {
    let mut seen = Vec::new();
    for pair in pairs {
        match fields::field_for(&pair.label) {
            Some(field) => {
                let warning =
                    fields::apply_once(project, field, &pair.label, &pair.value, &mut seen);
                warnings.extend(warning);
            }
            None => unknown_label(project, &pair.label, &pair.value, warnings),
        }
    }
    budget_below_grant(project, pairs, warnings);
}

/// A total budget of less than half the grant it holds is a site's error
/// (`1 100` for `1 100 000`): no value, kept in `extra` with a warning.
fn budget_below_grant(project: &mut Project, pairs: &[Pair], warnings: &mut Vec<String>) {
    let (Some(budget), Some(grant)) = (project.total_budget_sek, project.esf_grant_sek) else {
        return;
    };
    if budget.saturating_mul(2) >= grant {
        return;
    }
    project.total_budget_sek = None;
    if let Some(pair) = pairs
        .iter()
        .find(|p| fields::field_for(&p.label) == Some(Field::Budget))
    {
        let value = super::text::fold_spaces(&pair.value);
        fields::add_extra(project, &pair.label, &value);
        warnings.push(format!(
            "{}: \"{value}\" is far below the grant of {}; kept in extra",
            pair.label,
            crate::present::format::money(Some(grant)).unwrap_or_default()
        ));
    }
}

/// A period that ends before it starts is kept as written, with a warning.
pub fn check_period(project: &Project, warnings: &mut Vec<String>) {
    if let (Some(start), Some(end)) = (&project.start_date, &project.end_date) {
        if end < start {
            warnings.push(format!(
                "the period ends ({end}) before it starts ({start})"
            ));
        }
    }
}

pub fn unknown_label(project: &mut Project, label: &str, value: &str, warnings: &mut Vec<String>) {
    fields::add_extra(project, label, &super::text::fold_spaces(value));
    warnings.push(format!("unknown label \"{label}\"; kept in extra"));
}

/// Programme periods, in order, with the year their calls began.
const PERIODS: &[(&str, i32)] = &[("2007-2013", 0), ("2014-2020", 2015), ("2021-2027", 2022)];

/// Fund and programme period from what the format and the document say.
/// `default_period` is the format's own programme, if it has one.
pub fn fill_programme(project: &mut Project, g: &Gazetteer, default_period: Option<&str>) {
    let by_area_name = project
        .programme_area_name
        .as_deref()
        .and_then(|n| g.period_of_area_name(n));
    let period = by_area_name
        .or(default_period)
        .map(str::to_string)
        .or_else(|| period_by_start(project.start_date.as_deref()));
    if project.programme_area_name.is_none() {
        if let (Some(p), Some(code)) = (period.as_deref(), project.programme_area.as_deref()) {
            project.programme_area_name = g.area_name(p, code).map(str::to_string);
        }
    }
    if project.fund.is_none() {
        project.fund = period.as_deref().map(|p| match p {
            "2021-2027" => "ESF+".to_string(),
            _ => "ESF".to_string(),
        });
    }
    project.programme_period = period;
}

/// A programme by start date, for documents that name no programme: calls
/// of a programme open the year after it formally starts.
fn period_by_start(start: Option<&str>) -> Option<String> {
    let year: i32 = start?.get(..4)?.parse().ok()?;
    PERIODS
        .iter()
        .rev()
        .find(|(_, from)| year >= *from)
        .map(|(p, _)| p.to_string())
}

/// Owner, listed partners, partners named in prose and mentioned actors,
/// then the municipalities all of them and the prose give (the prose cut
/// into words once for both).
pub fn link_organisations(project: &mut Project, g: &Gazetteer, prose: &str) {
    let prose_partners = orgs::partners_in_prose(g, prose);
    project.partners.extend(prose_partners);
    let mut collector = OrgCollector::default();
    if let Some(owner) = &project.owner {
        collector.add(g, owner, Role::Owner);
    }
    for partner in &project.partners {
        collector.add(g, partner, Role::Partner);
    }
    let prose = super::mentions::Prose::new(prose);
    collector.add_mentions(g, &prose);
    project.organisations = collector.finish();
    super::places::place_project(project, g, &prose);
}

/// `2015/00730 - effektbutiken` → id and name, for records whose pairs
/// leave them out.
pub fn fill_from_title(project: &mut Project, title: &str) {
    let Some((id, name)) = title.split_once(" - ") else {
        return;
    };
    let id = id.trim();
    let looks_like_id = id.chars().any(|c| c.is_ascii_digit()) && !id.contains(' ');
    if looks_like_id && project.id.is_none() {
        project.id = Some(id.to_string());
    }
    if project.name.is_none() && !name.trim().is_empty() {
        project.name = Some(name.trim().to_string());
    }
}

/// True when any pair's label means `field`.
pub fn has_field(pairs: &[Pair], wanted: &[Field]) -> bool {
    pairs
        .iter()
        .any(|p| fields::field_for(&p.label).is_some_and(|f| wanted.contains(&f)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::gazetteer;

    #[test]
    fn area_name_places_a_legacy_page_in_its_programme() {
        let mut p = Project {
            programme_area_name: Some("Ökat arbetskraftsutbud".into()),
            start_date: Some("2014-01-02".into()),
            ..Project::default()
        };
        fill_programme(&mut p, gazetteer(), None);
        assert_eq!(p.programme_period.as_deref(), Some("2007-2013"));
        assert_eq!(p.fund.as_deref(), Some("ESF"));
    }

    #[test]
    fn start_date_decides_when_nothing_else_does() {
        let mut p = Project {
            start_date: Some("2023-05-01".into()),
            ..Project::default()
        };
        fill_programme(&mut p, gazetteer(), None);
        assert_eq!(p.programme_period.as_deref(), Some("2021-2027"));
        assert_eq!(p.fund.as_deref(), Some("ESF+"));
    }
}
