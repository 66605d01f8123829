//! The fund's project list: the project bank's export, the list of
//! operations the managing authority publishes. Bilingual headers
//! (`Diarienummer / Operation ID`), kronor written `4 973 906`, rates
//! `90%`, ISO dates, the summary in HTML.

use super::columns::{self, cell};
use super::table::Row;
use super::values::{self, set, Fund};
use super::RowOutcome;
use crate::ingest::fields::{self, add_extra, Field};
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::project;
use crate::model::Project;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Id,
    Owner,
    OrgNumber,
    City,
    Postcode,
    Country,
    Name,
    Area,
    Objective,
    Intervention,
    Budget,
    Rate,
    Grant,
    Summary,
    SummaryEnglish,
    Start,
    End,
    Fund,
    Cci,
    Region,
    Municipality,
}

/// Header names in lower case; bilingual headers match by either half.
pub const COLUMNS: &[(&str, Col)] = &[
    ("diarienummer", Col::Id),
    ("operation id", Col::Id),
    ("stödmottagare", Col::Owner),
    ("beneficiary", Col::Owner),
    ("projektägare", Col::Owner),
    ("projektägare organisationsnummer", Col::OrgNumber),
    ("organisationsnummer", Col::OrgNumber),
    ("beneficiary id", Col::OrgNumber),
    ("projektägare ort", Col::City),
    ("stödmottagare ort", Col::City),
    ("beneficiary city", Col::City),
    ("stödmottagare postnr", Col::Postcode),
    ("projektägare postnummer", Col::Postcode),
    ("beneficiary postcode", Col::Postcode),
    ("stödmottagarens land", Col::Country),
    ("beneficiary country", Col::Country),
    ("namn på insatsen", Col::Name),
    ("operation name", Col::Name),
    ("projektnamn", Col::Name),
    ("programområde", Col::Area),
    ("priority", Col::Area),
    ("specifikt mål", Col::Objective),
    ("specific objective concerned", Col::Objective),
    ("specific objective", Col::Objective),
    ("interventionsområde", Col::Intervention),
    ("intervention field", Col::Intervention),
    ("interventionstyp", Col::Intervention),
    ("total projektbudget", Col::Budget),
    ("total budget sek", Col::Budget),
    ("unionens medfinansieringsgrad", Col::Rate),
    ("union co-financing rate", Col::Rate),
    ("eu-stöd i sek", Col::Grant),
    ("eu contribution sek", Col::Grant),
    ("beviljat esf-stöd", Col::Grant),
    ("sammanfattning", Col::Summary),
    ("summary", Col::Summary),
    ("sammanfattning engelsk", Col::SummaryEnglish),
    ("summary in english", Col::SummaryEnglish),
    ("startdatum", Col::Start),
    ("start date", Col::Start),
    ("slutdatum", Col::End),
    ("end date", Col::End),
    ("eu-fond", Col::Fund),
    ("eu fund", Col::Fund),
    ("program cci", Col::Cci),
    ("region", Col::Region),
    ("kommun", Col::Municipality),
];

/// Named when a header row is refused.
pub const EXPECTED: &str = "\"Diarienummer / Operation ID\", \"Namn på insatsen / Operation Name\", \"Stödmottagare / Beneficiary\", \"Total projektbudget / Total budget SEK\", \"Startdatum / Start date\"";

/// An id or a name column, and two more.
pub fn recognised(cols: &[Option<Col>]) -> bool {
    columns::recognised(
        cols,
        &[Col::Id, Col::Name],
        &[Col::Region, Col::Municipality],
    )
}

/// One row: another fund or country is skipped by reason, a row with
/// neither name nor id too; the rest is a project.
pub fn read_row(cols: &[Option<Col>], header: &[String], row: &Row, g: &Gazetteer) -> RowOutcome {
    let cells = &row.cells;
    if let Some(reason) = not_ours(cols, cells) {
        return RowOutcome::Skip(reason);
    }
    let mut p = Project::default();
    let mut warnings = Vec::new();
    let mut english = None;
    for (i, col) in cols.iter().enumerate() {
        let (Some(col), Some(value)) = (col, cells.get(i).filter(|v| !v.is_empty())) else {
            continue;
        };
        let label = super::label(header, i);
        if *col == Col::SummaryEnglish {
            english = Some((label, value.clone()));
            continue;
        }
        let warning = fill(&mut p, *col, &label, value);
        warnings.extend(warning);
    }
    if p.name.is_none() {
        return RowOutcome::Skip("no name".to_string());
    }
    if let Some((label, text)) = english {
        match p.description {
            Some(_) => add_extra(&mut p, &label, &text),
            None => p.description = values::summary(&text),
        }
    }
    let cci_period = p.programme_period.take();
    project::fill_programme(&mut p, g, cci_period.as_deref());
    let prose = p.description.clone().unwrap_or_default();
    project::link_organisations(&mut p, g, &prose);
    RowOutcome::Keep(Box::new(p), warnings)
}

/// Another fund or another country: the reason the row is skipped.
fn not_ours(cols: &[Option<Col>], cells: &[String]) -> Option<String> {
    if let Some(Fund::Other(code)) = cell(cols, cells, Col::Fund).map(values::fund) {
        return Some(format!(
            "another fund ({})",
            crate::ingest::truncate_chars(&code, 40)
        ));
    }
    let country = cell(cols, cells, Col::Country)?;
    (!values::is_sweden(country))
        .then(|| format!("another country ({})", values::country_name(country)))
}

/// Fills the field a column names; a value that cannot be read is kept in
/// `extra` under its header with a warning.
fn fill(p: &mut Project, col: Col, label: &str, value: &str) -> Option<String> {
    let text = || Some(value.to_string());
    let read = match col {
        Col::Id => set(&mut p.id, text()),
        Col::Name => set(&mut p.name, text()),
        Col::Owner => set(&mut p.owner, text()),
        Col::OrgNumber => set(
            &mut p.owner_org_number,
            crate::model::org_number::normalise(value).and(text()),
        ),
        Col::City => set(&mut p.beneficiary_city, text()),
        Col::Postcode => set(&mut p.beneficiary_postcode, text()),
        Col::Region => set(&mut p.region, text()),
        Col::Area => return fields::apply(p, Field::Area, label, value),
        Col::Budget => return fields::apply(p, Field::Budget, label, value),
        Col::Grant => return fields::apply(p, Field::Grant, label, value),
        Col::Municipality => return fields::apply(p, Field::Municipalities, label, value),
        Col::Objective => set(&mut p.specific_objective, text()),
        Col::Intervention => set(&mut p.intervention_type, Some(values::code(value))),
        Col::Rate => set(&mut p.eu_cofinancing_rate_percent, values::rate(value)),
        Col::Summary => set(&mut p.description, values::summary(value)),
        Col::Start => set(&mut p.start_date, values::date(value)),
        Col::End => set(&mut p.end_date, values::date(value)),
        Col::Fund => match values::fund(value) {
            Fund::Social(name) => set(&mut p.fund, Some(name.to_string())),
            Fund::Other(_) => false,
        },
        Col::Cci => {
            add_extra(p, label, value);
            p.programme_period = values::period_of_cci(value).map(str::to_string);
            true
        }
        Col::Country => {
            add_extra(p, label, value);
            true
        }
        Col::SummaryEnglish => true,
    };
    values::read_or_kept(p, read, label, value)
}
