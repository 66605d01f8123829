//! Kohesio's exports: the country export (`Operation_Local_Identifier`,
//! `Fund_Code`, `Total_Eligible_Expenditure_amount` in euro, dates
//! `DD/MM/YYYY`, multi-valued cells joined by `|`) and the search page's
//! shorter sheet (`ID`, `PROJECT NAME`, `TOTAL BUDGET`, …). Money stays in
//! euro; nothing is converted.

use super::columns::{self, cell};
use super::other_fund::OtherFundRow;
use super::table::Row;
use super::values::{self, set, Fund};
use super::RowOutcome;
use crate::ingest::fields::add_extra;
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::project;
use crate::model::Project;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Uri,
    LocalId,
    Name,
    NameEnglish,
    Summary,
    SummaryEnglish,
    Start,
    End,
    Rate,
    Total,
    Currency,
    EuBudget,
    Owner,
    OrgNumber,
    Fund,
    FundName,
    Cci,
    Period,
    Intervention,
    Objective,
    Country,
    CountryCode,
    Postcode,
    Lau,
    Nuts2,
    Region,
    /// A column of the export with no field of its own: kept in `extra`.
    Known,
}

/// Columns that may stand more than once.
pub const REPEATABLE: &[Col] = &[Col::Known];

/// Header names in lower case: the country export's, then the search
/// page's.
pub const COLUMNS: &[(&str, Col)] = &[
    ("operation_unique_identifier", Col::Uri),
    ("operation_local_identifier", Col::LocalId),
    ("operation_name_programme_language", Col::Name),
    ("operation_name_english", Col::NameEnglish),
    ("operation_summary_programme_language", Col::Summary),
    ("operation_summary_english", Col::SummaryEnglish),
    ("operation_start_date", Col::Start),
    ("operation_end_date", Col::End),
    ("cofinancing_rate", Col::Rate),
    ("total_eligible_expenditure_amount", Col::Total),
    ("total_eligible_expenditure_currency", Col::Currency),
    ("project_eu_budget", Col::EuBudget),
    ("beneficiary_name", Col::Owner),
    ("beneficiary_local_identifier", Col::OrgNumber),
    ("fund_code", Col::Fund),
    ("fund_name", Col::FundName),
    ("programme_code", Col::Cci),
    ("programming_period", Col::Period),
    ("category_of_intervention", Col::Intervention),
    ("specific_objective_label", Col::Objective),
    ("country", Col::Country),
    ("countrycode", Col::CountryCode),
    ("postal_code", Col::Postcode),
    ("lau_labels", Col::Lau),
    ("nuts2_code", Col::Nuts2),
    ("region", Col::Region),
    ("beneficiary_unique_identifier", Col::Known),
    ("location_indicator_latitude_longitude", Col::Known),
    ("category_label", Col::Known),
    ("thematic_objective_id", Col::Known),
    ("thematic_objective_label", Col::Known),
    ("policy_objective_id", Col::Known),
    ("policy_objective_label", Col::Known),
    ("programme_name", Col::Known),
    ("nuts1_code", Col::Known),
    ("nuts1_label", Col::Known),
    ("nuts2_label", Col::Known),
    ("nuts3_code", Col::Known),
    ("nuts3_label", Col::Known),
    ("managingauthority", Col::Known),
    ("image_url", Col::Known),
    ("inforegio_id", Col::Known),
    ("inforegio_url", Col::Known),
    ("id", Col::Uri),
    ("project name", Col::Name),
    ("total budget", Col::Total),
    ("amount eu support", Col::EuBudget),
    ("start date", Col::Start),
    ("end date", Col::End),
    ("summary", Col::Summary),
];

/// Named when a header row is refused.
pub const EXPECTED: &str = "\"Operation_Local_Identifier\", \"Operation_Name_Programme_Language\", \"Beneficiary_Name\", \"Fund_Code\", \"Total_Eligible_Expenditure_amount\" (or the search page's \"ID\", \"PROJECT NAME\", \"TOTAL BUDGET\")";

/// An identifier or a name column, and two more.
pub fn recognised(cols: &[Option<Col>]) -> bool {
    let ids = [Col::LocalId, Col::Uri, Col::Name, Col::NameEnglish];
    columns::recognised(cols, &ids, &[Col::Country, Col::Region, Col::Known])
}

/// Whether the sheet says which fund each row is (the search page's
/// export does not).
pub fn names_fund(cols: &[Option<Col>]) -> bool {
    columns::count(cols, &[Col::Fund, Col::FundName]) > 0
}

/// One row: another country is skipped by reason, another fund's row is
/// kept apart (never a project), a row with no name is skipped; the rest
/// is a project.
pub fn read_row(cols: &[Option<Col>], header: &[String], row: &Row, g: &Gazetteer) -> RowOutcome {
    let cells = &row.cells;
    let other = match not_ours(cols, cells) {
        Some(NotOurs::Country(reason)) => return RowOutcome::Skip(reason),
        Some(NotOurs::Fund(code)) => Some(code),
        None => None,
    };
    let (mut p, warnings) = read_cells(cols, header, cells, g);
    if let Some(code) = other {
        let local = cell(cols, cells, Col::LocalId).or_else(|| cell(cols, cells, Col::Uri));
        let reason = format!("another fund ({code}), kept apart for overlaps");
        let kept = OtherFundRow::of(&code, local, row.line, p);
        return RowOutcome::OtherFund(Box::new(kept), reason);
    }
    if p.name.is_none() {
        return RowOutcome::Skip("no name".to_string());
    }
    if p.fund.is_some() {
        let period = p.programme_period.take();
        project::fill_programme(&mut p, g, period.as_deref());
    }
    let prose = p.description.clone().unwrap_or_default();
    project::link_organisations(&mut p, g, &prose);
    RowOutcome::Keep(Box::new(p), warnings)
}

/// The row's cells as a project's fields, English ones where the
/// programme language's are missing.
fn read_cells(
    cols: &[Option<Col>],
    header: &[String],
    cells: &[String],
    g: &Gazetteer,
) -> (Project, Vec<String>) {
    let euro = cell(cols, cells, Col::Currency).is_none_or(|c| c.eq_ignore_ascii_case("eur"));
    let mut p = Project::default();
    let mut warnings = Vec::new();
    let mut second = Vec::new();
    for (i, col) in cols.iter().enumerate() {
        let (Some(col), Some(value)) = (col, cells.get(i).filter(|v| !v.is_empty())) else {
            continue;
        };
        let label = super::label(header, i);
        if matches!(col, Col::NameEnglish | Col::SummaryEnglish) {
            second.push((*col, label, value.clone()));
            continue;
        }
        warnings.extend(fill(&mut p, *col, &label, value, euro, g));
    }
    for (col, label, value) in second {
        match col {
            Col::NameEnglish if p.name.is_none() => p.name = Some(value),
            Col::SummaryEnglish if p.description.is_none() => {
                p.description = values::summary(&value)
            }
            _ => add_extra(&mut p, &label, &value),
        }
    }
    (p, warnings)
}

/// Why a row is not an ESF project in Sweden.
enum NotOurs {
    /// Another fund's, in Sweden (or the row names no country): its code.
    Fund(String),
    /// Another country's (whatever its fund): the reason it is skipped.
    Country(String),
}

/// Another fund or another country.
fn not_ours(cols: &[Option<Col>], cells: &[String]) -> Option<NotOurs> {
    let fund = cell(cols, cells, Col::Fund).or_else(|| cell(cols, cells, Col::FundName));
    let other = match fund.map(values::fund) {
        Some(Fund::Other(code)) => Some(crate::ingest::truncate_chars(&code, 40)),
        _ => None,
    };
    let country = cell(cols, cells, Col::CountryCode).or_else(|| cell(cols, cells, Col::Country));
    let abroad = country.filter(|c| !values::is_sweden(c));
    match (other, abroad) {
        (Some(code), Some(_)) => Some(NotOurs::Country(format!("another fund ({code})"))),
        (Some(code), None) => Some(NotOurs::Fund(code)),
        (None, Some(c)) => Some(NotOurs::Country(format!(
            "another country ({})",
            values::country_name(c)
        ))),
        (None, None) => None,
    }
}

/// `2021SE05SFPR001_22-002-S01` → `22-002-S01`; `2018/00076` as it is.
pub fn diarienummer(local: &str) -> Option<String> {
    let last = local.rsplit('_').next().unwrap_or(local).trim();
    let b = last.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let plus = b.len() >= 9
        && digits(0..2)
        && b[2] == b'-'
        && digits(3..6)
        && b.get(6..8) == Some(b"-S")
        && b.len() > 8
        && digits(8..b.len());
    let old = b.len() == 10 && digits(0..4) && b[4] == b'/' && digits(5..10);
    (plus || old).then(|| last.to_string())
}

/// Fills the field a column names; a value that cannot be read is kept in
/// `extra` under its header with a warning.
fn fill(
    p: &mut Project,
    col: Col,
    label: &str,
    value: &str,
    euro: bool,
    g: &Gazetteer,
) -> Option<String> {
    let text = || Some(value.to_string());
    let read = match col {
        Col::LocalId => local_id(p, label, value),
        Col::Name => set(&mut p.name, text()),
        Col::Owner => set(&mut p.owner, text()),
        Col::OrgNumber => org_number(p, label, value),
        Col::Start => set(&mut p.start_date, values::date(value)),
        Col::End => set(&mut p.end_date, values::date(value)),
        Col::Rate => set(&mut p.eu_cofinancing_rate_percent, values::rate(value)),
        Col::Total | Col::EuBudget if !euro => return not_in_euro(p, label, value),
        Col::Total => set(&mut p.total_budget_eur, values::euro(value)),
        Col::EuBudget => set(&mut p.eu_contribution_eur, values::euro(value)),
        Col::Summary => set(&mut p.description, values::summary(value)),
        Col::Fund => match values::fund(value) {
            Fund::Social(name) => set(&mut p.fund, Some(name.to_string())),
            Fund::Other(_) => false,
        },
        Col::Cci | Col::Period => period(p, col, label, value),
        Col::Intervention => {
            let codes: Vec<String> = value.split('|').map(|c| values::code(c.trim())).collect();
            set(&mut p.intervention_type, Some(codes.join(", ")))
        }
        Col::Objective => set(&mut p.specific_objective, text()),
        Col::Postcode => set(&mut p.beneficiary_postcode, text()),
        Col::Nuts2 => set(
            &mut p.nuts2,
            value.split('|').next().map(|s| s.trim().to_string()),
        ),
        Col::Region => set(&mut p.region, text()),
        Col::Lau => municipalities(p, label, value, g),
        Col::Uri | Col::FundName | Col::Country | Col::CountryCode | Col::Currency | Col::Known => {
            add_extra(p, label, value);
            true
        }
        Col::NameEnglish | Col::SummaryEnglish => true,
    };
    values::read_or_kept(p, read, label, value)
}

/// The diarienummer in the local identifier; the whole identifier is
/// kept in extra when it is more than that.
fn local_id(p: &mut Project, label: &str, value: &str) -> bool {
    let id = diarienummer(value);
    if id.as_deref() != Some(value) {
        add_extra(p, label, value);
    }
    set(&mut p.id, id);
    true
}

/// The owner's organisationsnummer, or the cell in extra.
fn org_number(p: &mut Project, label: &str, value: &str) -> bool {
    let number = crate::model::org_number::normalise(value).map(|_| value.to_string());
    if !set(&mut p.owner_org_number, number) {
        add_extra(p, label, value);
    }
    true
}

/// An amount in another currency stays as written, never converted.
fn not_in_euro(p: &mut Project, label: &str, value: &str) -> Option<String> {
    add_extra(p, label, value);
    Some(format!(
        "{label}: \"{}\" is in another currency than euro; kept in extra",
        crate::ingest::truncate_chars(value, 40)
    ))
}

/// The programme period from the programme's CCI (kept in extra too) or
/// from the period column, which wins.
fn period(p: &mut Project, col: Col, label: &str, value: &str) -> bool {
    if col == Col::Cci {
        add_extra(p, label, value);
        if let Some(period) = values::period_of_cci(value) {
            p.programme_period.get_or_insert(period.to_string());
        }
        return true;
    }
    let period = values::period(value).map(str::to_string);
    let read = period.is_some();
    if read {
        p.programme_period = period;
    }
    read
}

/// The municipalities of the LAU labels; a label that is none is kept.
fn municipalities(p: &mut Project, label: &str, value: &str, g: &Gazetteer) -> bool {
    for place in value.split('|').map(str::trim) {
        match g.municipality(place) {
            Some(m) if !p.municipalities.contains(&m.name) => p.municipalities.push(m.name.clone()),
            Some(_) => {}
            None => add_extra(p, label, place),
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diarienummer_from_the_local_identifier() {
        assert_eq!(
            diarienummer("2021SE05SFPR001_22-002-S01").as_deref(),
            Some("22-002-S01")
        );
        assert_eq!(diarienummer("2018/00076").as_deref(), Some("2018/00076"));
        assert_eq!(diarienummer("2021SE16RFPR001_X12"), None);
        assert_eq!(diarienummer(""), None);
    }
}
