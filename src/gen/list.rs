//! Generated projects written as the fund's project list (a CSV export
//! with its bilingual headers), so the benchmarks cover list imports.

use super::{project, GenProject, Pool};
use crate::model::Format;
use std::io::Write;

/// The export's headers, as the project bank writes them.
const HEADERS: [&str; 18] = [
    "Diarienummer / Operation ID",
    "Stödmottagare / Beneficiary",
    "Projektägare organisationsnummer / Beneficiary ID",
    "Projektägare ort / Beneficiary city",
    "Stödmottagarens land / Beneficiary country",
    "Namn på insatsen / Operation Name",
    "Programområde / Priority",
    "Specifikt mål / Specific objective concerned",
    "Interventionsområde / Intervention field",
    "Total projektbudget / Total budget SEK",
    "Unionens medfinansieringsgrad / Union co-financing rate",
    "EU-stöd i SEK / EU contribution SEK",
    "Sammanfattning / Summary",
    "Sammanfattning engelsk / Summary in english",
    "Startdatum / Start date",
    "Slutdatum / End date",
    "EU-fond / EU fund",
    "Program CCI / Program CCI",
];

/// Writes `count` generated projects as one list (UTF-8 with a BOM,
/// commas, as the export is saved).
pub fn write_fund_list(
    pool: &Pool,
    seed: u64,
    count: usize,
    out: impl Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    out.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(HEADERS)?;
    for index in 0..count {
        csv.write_record(row(&project(pool, seed, index)))?;
    }
    csv.flush()
}

fn row(p: &GenProject) -> [String; 18] {
    let plus = p.format == Format::Esfplus;
    let id =
        p.id.clone()
            .unwrap_or_else(|| format!("2016/{:05}", p.index % 100_000));
    // The export's summaries are a paragraph or two, not a whole page.
    let summary: String = p
        .paragraphs
        .iter()
        .take(1)
        .map(|para| format!("<p>{para}</p>"))
        .collect();
    [
        id,
        p.owner.clone(),
        String::new(),
        p.place.clone(),
        "Sverige".into(),
        p.name.clone(),
        p.area.clone(),
        p.objective.clone(),
        String::new(),
        crate::present::format::thousands(p.budget),
        format!("{}%", p.rate),
        crate::present::format::thousands(p.grant),
        summary,
        String::new(),
        p.start.clone(),
        p.end.clone(),
        if plus { "ESF+" } else { "ESF" }.into(),
        if plus {
            "2021SE05SFPR001"
        } else {
            "2014SE05M9OP001"
        }
        .into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_has_the_headers_and_a_row_a_project() {
        let pool = Pool::new(1);
        let mut bytes = Vec::new();
        write_fund_list(&pool, 1, 3, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap().len(), 18);
        assert_eq!(reader.records().count(), 3);
    }
}
