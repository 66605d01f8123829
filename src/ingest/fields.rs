//! The labels documents use and the project field each one fills.

use super::normalise;
use crate::model::Project;

/// What a label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    ProjectNumber,
    Name,
    Owner,
    OwnerOrgNumber,
    Region,
    Nuts2,
    Participants,
    Period,
    Start,
    End,
    Budget,
    Grant,
    ContactName,
    Email,
    Phone,
    Postcode,
    City,
    Area,
    Objective,
    Rate,
    Intervention,
    Fund,
    Phase,
    Municipalities,
    Partners,
    /// Known label with no field of its own: kept in `extra` silently.
    KnownExtra,
}

/// Labels in lower case. Longer labels come before their prefixes so that
/// glued labels (`Projektägare organisationsnummer…`) match the right one.
pub const LABELS: &[(&str, Field)] = &[
    ("projektägare organisationsnummer", Field::OwnerOrgNumber),
    ("organisationsnummer", Field::OwnerOrgNumber),
    ("diarienummer", Field::Id),
    ("projektnummer", Field::ProjectNumber),
    ("projektnamn", Field::Name),
    ("namn", Field::Name),
    ("projektägare", Field::Owner),
    ("nuts-2 kod", Field::Nuts2),
    ("nuts-2", Field::Nuts2),
    ("nuts2", Field::Nuts2),
    ("region", Field::Region),
    ("planerat antal deltagare", Field::Participants),
    ("antal deltagare", Field::Participants),
    ("projektperiod", Field::Period),
    ("startdatum", Field::Start),
    ("slutdatum", Field::End),
    ("total projektbudget", Field::Budget),
    ("total budget", Field::Budget),
    ("beviljat esf+-stöd", Field::Grant),
    ("beviljat esf-stöd", Field::Grant),
    ("beviljat stöd", Field::Grant),
    ("kontaktperson", Field::ContactName),
    ("e-postadress", Field::Email),
    ("e-post", Field::Email),
    ("telefonnummer", Field::Phone),
    ("telefon", Field::Phone),
    ("stödmottagare postnr", Field::Postcode),
    ("stödmottagare ort", Field::City),
    ("programområde", Field::Area),
    ("specifikt mål", Field::Objective),
    ("unionens medfinansieringsgrad", Field::Rate),
    ("eu-medfinansieringsgrad", Field::Rate),
    ("interventionstyp", Field::Intervention),
    ("berörd fond", Field::Fund),
    ("projektfas", Field::Phase),
    ("kommuner", Field::Municipalities),
    ("kommun", Field::Municipalities),
    ("samarbetspartners", Field::Partners),
    ("land som berörs", Field::KnownExtra),
    ("program cci", Field::KnownExtra),
    ("insats av strategisk betydelse", Field::KnownExtra),
    ("sekundärtema - motverka barnfattigdom", Field::KnownExtra),
];

pub fn field_for(label: &str) -> Option<Field> {
    let key = super::gazetteer::pattern_key(label);
    LABELS.iter().find(|(l, _)| *l == key).map(|(_, f)| *f)
}

/// Whether a label names a contact person's name, e-mail or phone, as the
/// parser reads labels: what `--with-contacts` alone gives.
pub fn is_contact_label(label: &str) -> bool {
    matches!(
        field_for(label),
        Some(Field::ContactName | Field::Email | Field::Phone)
    )
}

/// Leaves out the contact person (personal data): machine-readable
/// output carries it only when asked for (`--with-contacts`). A second
/// contact person, kept in `extra` under a contact label, goes too.
pub fn forget_contacts(project: &mut Project) {
    project.contact_name = None;
    project.contact_email = None;
    project.contact_phone = None;
    project.extra.retain(|label, _| !is_contact_label(label));
}

/// Like [`apply`], for a page's labels: a field given a second time (by
/// the same label or another naming it) keeps its first value (the second
/// goes to `extra` with a warning; lists and extras may repeat), and a sum
/// in kronor a page could not mean is no value (see [`implausible_kronor`]).
pub fn apply_once(
    project: &mut Project,
    field: Field,
    label: &str,
    value: &str,
    seen: &mut Vec<Field>,
) -> Option<String> {
    let repeats = matches!(
        field,
        Field::Municipalities | Field::Partners | Field::KnownExtra
    );
    if repeats || !seen.contains(&field) {
        seen.push(field);
        if let Some(warning) = implausible_kronor(project, field, label, value) {
            return Some(warning);
        }
        return apply(project, field, label, value);
    }
    let value = super::text::fold_spaces(value);
    if value.is_empty() {
        return None;
    }
    add_extra(project, label, &value);
    Some(format!(
        "{label}: given a second time (\"{value}\"); the first value is kept, this one is in extra"
    ))
}

/// Fills the field a label names. Returns a warning when the value cannot
/// be read; the raw value then goes to `extra` so nothing is lost.
pub fn apply(project: &mut Project, field: Field, label: &str, value: &str) -> Option<String> {
    let value = super::text::fold_spaces(value);
    if value.is_empty() {
        return None;
    }
    let text = || Some(value.clone());
    let ok = match field {
        Field::Id => set(&mut project.id, text()),
        Field::ProjectNumber => return project_number(project, label, &value),
        Field::Name => set(&mut project.name, text()),
        Field::Owner => set(&mut project.owner, text()),
        Field::OwnerOrgNumber => set(&mut project.owner_org_number, text()),
        Field::Region => set(&mut project.region, text()),
        Field::Nuts2 => set(&mut project.nuts2, text()),
        Field::Participants => set(&mut project.planned_participants, normalise::count(&value)),
        Field::Period => period(project, &value),
        Field::Start => set(&mut project.start_date, normalise::date(&value)),
        Field::End => set(&mut project.end_date, normalise::date(&value)),
        Field::Budget | Field::Grant => return money_field(project, field, label, &value),
        Field::ContactName => set(&mut project.contact_name, text()),
        Field::Email => set(&mut project.contact_email, text()),
        Field::Phone => set(&mut project.contact_phone, text()),
        Field::Postcode => set(&mut project.beneficiary_postcode, text()),
        Field::City => set(&mut project.beneficiary_city, text()),
        Field::Area => area(project, &value),
        Field::Objective => set(&mut project.specific_objective, text()),
        Field::Rate => set(
            &mut project.eu_cofinancing_rate_percent,
            normalise::percent(&value),
        ),
        Field::Intervention => set(&mut project.intervention_type, text()),
        Field::Fund => set(&mut project.fund, text()),
        Field::Phase => set(&mut project.phase, text()),
        Field::Municipalities => extend(&mut project.municipalities, &value),
        Field::Partners => extend(&mut project.partners, &value),
        Field::KnownExtra => {
            add_extra(project, label, &value);
            true
        }
    };
    if ok {
        return None;
    }
    add_extra(project, label, &value);
    Some(format!(
        "{label}: could not read \"{value}\"; kept in extra"
    ))
}

/// More kronor than any ESF project has had (the whole Swedish programme
/// is a few billion): such an amount is a mistake, not a budget.
pub const MOST_KRONOR: i64 = 10_000_000_000;

/// Fewer kronor than any ESF project has had: `1.1` or `2,5` in a kronor
/// field is a site's error (millions written short), not a sum.
pub const LEAST_KRONOR: i64 = 1_000;

/// A budget or grant; an unreadable or implausible one goes to `extra`
/// with a warning saying which.
fn money_field(project: &mut Project, field: Field, label: &str, value: &str) -> Option<String> {
    let slot = match field {
        Field::Budget => &mut project.total_budget_sek,
        _ => &mut project.esf_grant_sek,
    };
    let warning = match normalise::money(value) {
        Some(kr) if kr <= MOST_KRONOR => {
            *slot = Some(kr);
            return None;
        }
        Some(_) => format!(
            "{label}: \"{value}\" is more than any ESF project has had (over 10 000 000 000 kr); kept in extra"
        ),
        None => format!("{label}: could not read \"{value}\"; kept in extra"),
    };
    add_extra(project, label, value);
    Some(warning)
}

/// A page's budget or grant written as a decimal (`1.1`, `2,5`: millions
/// written short) or under [`LEAST_KRONOR`]: a site's error, kept in
/// `extra` with a warning and no value. (A list's cells are numbers a
/// spreadsheet wrote, `4973906.5` among them: they are read as before.)
fn implausible_kronor(
    project: &mut Project,
    field: Field,
    label: &str,
    value: &str,
) -> Option<String> {
    if !matches!(field, Field::Budget | Field::Grant) {
        return None;
    }
    let kr = normalise::money(value)?;
    if !tenths(value) && kr >= LEAST_KRONOR {
        return None;
    }
    let value = super::text::fold_spaces(value);
    add_extra(project, label, &value);
    Some(format!(
        "{label}: \"{value}\" is no plausible sum in kronor (a decimal, or under 1 000 kr); kept in extra"
    ))
}

/// `2,5`, `1.1`, `4 973 906,5`: a decimal with one digit after its mark,
/// which no sum in kronor and öre is written with.
fn tenths(value: &str) -> bool {
    let digits = value.trim_end_matches(|c: char| !c.is_ascii_digit());
    let bytes = digits.as_bytes();
    bytes.len() >= 3
        && matches!(bytes[bytes.len() - 2], b'.' | b',')
        && bytes[bytes.len() - 3].is_ascii_digit()
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

fn extend(list: &mut Vec<String>, value: &str) -> bool {
    list.extend(
        value
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    );
    true
}

fn period(project: &mut Project, value: &str) -> bool {
    match normalise::period(value) {
        Some((start, end)) => {
            project.start_date = Some(start);
            project.end_date = Some(end);
            true
        }
        None => false,
    }
}

fn area(project: &mut Project, value: &str) -> bool {
    let parsed = normalise::programme_area(value);
    if parsed.area.is_none() && parsed.name.is_none() {
        return false;
    }
    project.programme_area = parsed.area.or(project.programme_area.take());
    project.programme_area_name = parsed.name.or(project.programme_area_name.take());
    if parsed.objective.is_some() && project.specific_objective.is_none() {
        project.specific_objective = parsed.objective;
    }
    true
}

/// The project number repeats the diarienummer; a different one is kept.
fn project_number(project: &mut Project, label: &str, value: &str) -> Option<String> {
    if project.id.as_deref() == Some(value) {
        return None;
    }
    add_extra(project, label, value);
    project
        .id
        .is_some()
        .then(|| format!("{label} \"{value}\" differs from the diarienummer; kept in extra"))
}

pub fn add_extra(project: &mut Project, label: &str, value: &str) {
    let entry = project.extra.entry(label.to_string()).or_default();
    if !entry.is_empty() {
        entry.push_str("; ");
    }
    entry.push_str(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_resolve_case_and_space_insensitively() {
        assert_eq!(field_for("Beviljat ESF-stöd"), Some(Field::Grant));
        assert_eq!(field_for("NUTS-2  kod"), Some(Field::Nuts2));
        assert_eq!(field_for("Målgrupp"), None);
    }

    #[test]
    fn unreadable_values_go_to_extra_with_a_warning() {
        let mut p = Project::default();
        let warning = apply(
            &mut p,
            Field::Budget,
            "Total projektbudget",
            "cirka en miljon",
        );
        assert!(warning.is_some());
        assert_eq!(p.total_budget_sek, None);
        assert_eq!(p.extra["Total projektbudget"], "cirka en miljon");
    }

    #[test]
    fn implausible_amounts_are_refused_with_a_warning() {
        let mut p = Project::default();
        let budget = "9 223 372 036 854 775 807 kr";
        let warning = apply(&mut p, Field::Budget, "Total projektbudget", budget).unwrap();
        assert!(warning.contains("more than any ESF project"), "{warning}");
        assert_eq!(p.total_budget_sek, None);
        assert_eq!(p.extra["Total projektbudget"], budget);
        assert_eq!(
            apply(&mut p, Field::Grant, "Beviljat ESF-stöd", "10 000 000 000"),
            None
        );
        assert_eq!(p.esf_grant_sek, Some(10_000_000_000));
    }

    #[test]
    fn a_pages_decimal_kronor_are_no_value_and_a_lists_cells_are_read() {
        for (value, kr) in [
            ("1.1", None),
            ("2,5 kr", None),
            ("999", None),
            ("4 973 906,5", None),
            ("4 973 906", Some(4_973_906)),
            ("4.973.906", Some(4_973_906)),
            ("4 973 906,00 kr", Some(4_973_906)),
        ] {
            let mut p = Project::default();
            let warning = apply_once(
                &mut p,
                Field::Budget,
                "Total projektbudget",
                value,
                &mut vec![],
            );
            assert_eq!(p.total_budget_sek, kr, "{value}");
            assert_eq!(warning.is_some(), kr.is_none(), "{value}: {warning:?}");
        }
        let mut p = Project::default();
        assert_eq!(
            apply(&mut p, Field::Grant, "Beviljat stöd", "4973906.5"),
            None
        );
        assert_eq!(p.esf_grant_sek, Some(4_973_906), "a spreadsheet's number");
    }

    #[test]
    fn empty_values_stay_null() {
        let mut p = Project::default();
        assert_eq!(apply(&mut p, Field::Email, "E-post", "  "), None);
        assert_eq!(p.contact_email, None);
        assert!(p.extra.is_empty());
    }
}
