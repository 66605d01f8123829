//! The filtered projects as a file: CSV, JSON or Markdown, with the user's
//! notes when asked. Contact persons are personal data: they are left out
//! unless asked for. Pure: records and annotations in, text out.

use crate::model::KeyedProject;
use crate::model::{Annotation, Project};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// CSV as Swedish Excel opens it: a byte-order mark, semicolons,
    /// decimal commas.
    ExcelCsv,
    Json,
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv | Format::ExcelCsv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }
}

/// What goes into an export beyond the public record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct With {
    pub contacts: bool,
    pub notes: bool,
}

/// One exported project: the record, and the user's notes if asked.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub key: String,
    #[serde(flatten)]
    pub project: Project,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub your_notes: Option<Annotation>,
}

/// Rows for records, contact persons dropped unless asked for; `notes`
/// gives a project's annotation (a blank one when it has none).
pub fn rows(
    records: Vec<KeyedProject>,
    with: With,
    notes: &dyn Fn(&str) -> Option<Annotation>,
) -> Vec<Row> {
    records
        .into_iter()
        .map(|r| {
            let mut project = r.project;
            if !with.contacts {
                crate::ingest::fields::forget_contacts(&mut project);
            }
            let your_notes = with.notes.then(|| {
                notes(&r.key).unwrap_or_else(|| Annotation {
                    key: r.key.clone(),
                    ..Annotation::default()
                })
            });
            Row {
                key: r.key,
                project,
                your_notes,
            }
        })
        .collect()
}

pub fn render(rows: &[Row], format: Format, with: With) -> String {
    match format {
        Format::Csv => csv(rows, with, Dialect::PLAIN, true),
        Format::ExcelCsv => csv(rows, with, Dialect::EXCEL, true),
        Format::Json => crate::present::safe_json::to_string(rows) + "\n",
        Format::Markdown => markdown(rows, with, Some(rows.len())),
    }
}

/// Writes the export as its rows come, the same bytes [`render`] gives:
/// only one row is in memory at a time, whatever the number of projects
/// (`total` is the number the Markdown heading names). `shown` makes each
/// piece of CSV or Markdown safe for a terminal; JSON is inert already.
pub fn write_streamed(
    out: &mut dyn std::io::Write,
    rows: &mut dyn Iterator<Item = anyhow::Result<Row>>,
    total: usize,
    (format, with): (Format, With),
    shown: &dyn Fn(&str) -> String,
) -> anyhow::Result<()> {
    let piece = |rows: &[Row], head: bool| match format {
        Format::Csv => csv(rows, with, Dialect::PLAIN, head),
        Format::ExcelCsv => csv(rows, with, Dialect::EXCEL, head),
        Format::Markdown => markdown(rows, with, head.then_some(total)),
        Format::Json => crate::present::safe_json::to_string(rows),
    };
    if format == Format::Json {
        let streamed = Streamed(std::cell::RefCell::new(Some(rows)));
        crate::present::safe_json::to_writer(&mut *out, &streamed)?;
        out.write_all(b"\n")?;
        return Ok(());
    }
    out.write_all(shown(&piece(&[], true)).as_bytes())?;
    for row in rows {
        out.write_all(shown(&piece(&[row?], false)).as_bytes())?;
    }
    Ok(())
}

/// A JSON array written from an iterator of rows as they come.
struct Streamed<'a>(std::cell::RefCell<Option<&'a mut dyn Iterator<Item = anyhow::Result<Row>>>>);

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(None)?;
        for row in self.0.borrow_mut().take().into_iter().flatten() {
            seq.serialize_element(&row.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

const COLUMNS: &[&str] = &[
    "key",
    "id",
    "name",
    "owner",
    "owner_org_number",
    "region",
    "nuts2",
    "fund",
    "programme_period",
    "start_date",
    "end_date",
    "total_budget_sek",
    "esf_grant_sek",
    "eu_cofinancing_rate_percent",
    "programme_area",
    "programme_area_name",
    "specific_objective",
    "intervention_type",
    "planned_participants",
    "phase",
    "partners",
    "municipalities",
    "organisations",
];
const CONTACT_COLUMNS: &[&str] = &["contact_name", "contact_email", "contact_phone"];

const NOTE_COLUMNS: &[&str] = &["bookmarked", "review", "note"];

/// The Excel CSV's column headings in Swedish: a file made for a person
/// to open, never read back (plain CSV and JSON keep the record's keys).
const SWEDISH_HEADINGS: &[(&str, &str)] = &[
    ("key", "nyckel"),
    ("id", "diarienummer"),
    ("name", "namn"),
    ("owner", "projektägare"),
    ("owner_org_number", "organisationsnummer"),
    ("region", "region"),
    ("nuts2", "NUTS-2"),
    ("fund", "fond"),
    ("programme_period", "programperiod"),
    ("start_date", "startdatum"),
    ("end_date", "slutdatum"),
    ("total_budget_sek", "total budget (kr)"),
    ("esf_grant_sek", "ESF-stöd (kr)"),
    ("eu_cofinancing_rate_percent", "EU:s medfinansiering (%)"),
    ("programme_area", "programområde"),
    ("programme_area_name", "programområdets namn"),
    ("specific_objective", "specifikt mål"),
    ("intervention_type", "insatstyp"),
    ("planned_participants", "planerade deltagare"),
    ("phase", "fas"),
    ("partners", "partner"),
    ("municipalities", "kommuner"),
    ("organisations", "organisationer"),
    ("contact_name", "kontaktperson"),
    ("contact_email", "e-post"),
    ("contact_phone", "telefon"),
    ("bookmarked", "bokmärkt"),
    ("review", "granskning"),
    ("note", "anteckning"),
];

fn heading(key: &str, swedish: bool) -> &str {
    let found = SWEDISH_HEADINGS.iter().find(|(k, _)| *k == key);
    match (swedish, found) {
        (true, Some((_, sv))) => sv,
        _ => key,
    }
}

/// How a CSV file separates fields and writes decimals.
#[derive(Clone, Copy)]
struct Dialect {
    /// The byte-order mark that tells Excel the file is UTF-8.
    bom: &'static str,
    delimiter: u8,
    decimal: char,
}

impl Dialect {
    const PLAIN: Dialect = Dialect {
        bom: "",
        delimiter: b',',
        decimal: '.',
    };
    const EXCEL: Dialect = Dialect {
        bom: "\u{feff}",
        delimiter: b';',
        decimal: ',',
    };
}

/// RFC 4180 CSV with a header row (unless `head` is false: rows that
/// follow others); lists joined with "; ".
fn csv(rows: &[Row], with: With, dialect: Dialect, head: bool) -> String {
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if with.contacts {
        header.extend(CONTACT_COLUMNS);
    }
    if with.notes {
        header.extend(NOTE_COLUMNS);
    }
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .delimiter(dialect.delimiter)
        .from_writer(if head { dialect.bom } else { "" }.as_bytes().to_vec());
    let mut write = |cells: Vec<String>| {
        // Writing to memory cannot fail.
        let _ = out.write_record(cells.into_iter().map(safe_cell));
    };
    if head {
        let swedish = !dialect.bom.is_empty() && crate::i18n::lang() == crate::i18n::Lang::Sv;
        write(
            header
                .iter()
                .map(|s| heading(s, swedish).to_string())
                .collect(),
        );
    }
    for r in rows {
        write(row_cells(r, with, dialect.decimal));
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One project's cells, in the header's order.
fn row_cells(r: &Row, with: With, decimal: char) -> Vec<String> {
    let mut cells = cells(r, decimal);
    if with.contacts {
        let p = &r.project;
        cells.extend([&p.contact_name, &p.contact_email, &p.contact_phone].map(text));
    }
    if let Some(a) = &r.your_notes {
        cells.extend([
            if a.bookmarked { "yes" } else { "no" }.to_string(),
            a.review.as_str().to_string(),
            a.note.clone(),
        ]);
    }
    cells
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn number<T: ToString>(v: Option<T>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// A number with `decimal` for its decimal point.
fn decimal_number(v: Option<f64>, decimal: char) -> String {
    number(v).replace('.', &decimal.to_string())
}

fn cells(r: &Row, decimal: char) -> Vec<String> {
    let p = &r.project;
    let orgs: Vec<String> = p
        .organisations
        .iter()
        .map(|o| format!("{} ({})", o.name, o.role.as_str()))
        .collect();
    vec![
        r.key.clone(),
        text(&p.id),
        text(&p.name),
        text(&p.owner),
        text(&p.owner_org_number),
        text(&p.region),
        text(&p.nuts2),
        text(&p.fund),
        text(&p.programme_period),
        text(&p.start_date),
        text(&p.end_date),
        number(p.total_budget_sek),
        number(p.esf_grant_sek),
        decimal_number(p.eu_cofinancing_rate_percent, decimal),
        text(&p.programme_area),
        text(&p.programme_area_name),
        text(&p.specific_objective),
        text(&p.intervention_type),
        number(p.planned_participants),
        text(&p.phase),
        p.partners.join("; "),
        p.municipalities.join("; "),
        orgs.join("; "),
    ]
}

/// A cell a spreadsheet would run as a formula gets a `'` in front
/// (numbers, negative ones included, stay numbers).
fn defused(cell: String) -> String {
    let is_number = cell.replacen(',', ".", 1).parse::<f64>().is_ok();
    let risky =
        cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && !is_number);
    if risky {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Control characters made visible as on the screen (`cat export.csv`
/// must not run what a document smuggled in), formulas defused.
pub fn safe_cell(cell: String) -> String {
    defused(crate::present::sanitize::text(&cell).into_owned())
}

/// A readable report: one section per project with its main fields,
/// under a heading with the number of projects (`total`; none for rows
/// that follow others).
fn markdown(rows: &[Row], with: With, total: Option<usize>) -> String {
    let mut out = total.map_or(String::new(), |n| format!("# ESF projects ({n})\n"));
    for r in rows {
        let p = &r.project;
        let _ = writeln!(
            out,
            "\n## {} {}\n",
            one_line(&r.key),
            one_line(p.name.as_deref().unwrap_or(""))
        );
        let money = crate::present::format::money;
        let period =
            crate::present::format::period_text(p.start_date.as_deref(), p.end_date.as_deref());
        let fields = [
            ("Owner", p.owner.clone()),
            ("Region", p.region.clone()),
            ("Fund", p.fund.clone()),
            ("Programme period", p.programme_period.clone()),
            ("Period", period),
            ("Total budget", money(p.total_budget_sek)),
            ("ESF grant", money(p.esf_grant_sek)),
            ("Phase", p.phase.clone()),
            (
                "Municipalities",
                Some(p.municipalities.join(", ")).filter(|m| !m.is_empty()),
            ),
            (
                "Partners",
                Some(p.partners.join(", ")).filter(|m| !m.is_empty()),
            ),
        ];
        let contacts = [
            ("Contact", p.contact_name.clone()),
            ("E-mail", p.contact_email.clone()),
            ("Phone", p.contact_phone.clone()),
        ];
        let shown = fields
            .iter()
            .chain(contacts.iter().filter(|_| with.contacts));
        for (label, value) in shown {
            if let Some(v) = value {
                let _ = writeln!(out, "- {label}: {}", one_line(v));
            }
        }
        if let Some(a) = &r.your_notes {
            let bookmark = if a.bookmarked { "bookmarked, " } else { "" };
            let _ = writeln!(out, "- Your review: {bookmark}{}", a.review.as_str());
            for line in a.note.lines() {
                let _ = writeln!(out, "\n> {}", crate::present::sanitize::line(line));
            }
        }
    }
    out
}

/// Text from a document on one line, inert: no control character, and no
/// Markdown or HTML a renderer would follow (links, images, scripts).
fn one_line(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    crate::present::sanitize::markdown(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_project(name: &str, rate: f64) -> Vec<Row> {
        let project = Project {
            name: Some(name.into()),
            eu_cofinancing_rate_percent: Some(rate),
            total_budget_sek: Some(-1_500),
            partners: vec!["A".into(), "B".into()],
            ..Project::default()
        };
        vec![Row {
            key: "2015/00730".into(),
            project,
            your_notes: None,
        }]
    }

    #[test]
    fn excel_csv_has_a_bom_semicolons_and_decimal_commas() {
        let csv = render(
            &one_project("=HYPERLINK(\"x\")", 53.5),
            Format::ExcelCsv,
            With::default(),
        );
        let (header, row) = csv.split_once("\r\n").unwrap();
        assert!(header.starts_with("\u{feff}key;id;name;owner;"), "{header}");
        let cells: Vec<&str> = row.trim_end().split(';').collect();
        assert_eq!(cells[0], "2015/00730");
        assert_eq!(
            cells[2], "\"'=HYPERLINK(\"\"x\"\")\"",
            "a formula stays defused"
        );
        assert_eq!(cells[11], "-1500", "a negative number stays a number");
        assert_eq!(cells[13], "53,5", "a decimal comma");
        assert!(row.contains("\"A; B\""), "a list with ; is quoted: {row}");
    }

    #[test]
    fn a_streamed_export_is_the_rendered_one() {
        let mut rows = one_project("första", 50.0);
        rows.extend(one_project("andra\tmed tabb", 60.0));
        let with = With {
            contacts: true,
            notes: false,
        };
        for format in [
            Format::Csv,
            Format::ExcelCsv,
            Format::Json,
            Format::Markdown,
        ] {
            let mut out = Vec::new();
            let mut each = rows.clone().into_iter().map(anyhow::Ok);
            let same = |piece: &str| piece.to_string();
            write_streamed(&mut out, &mut each, 2, (format, with), &same).unwrap();
            let rendered = render(&rows, format, with);
            assert_eq!(String::from_utf8(out).unwrap(), rendered, "{format:?}");
        }
    }

    #[test]
    fn plain_csv_keeps_commas_and_points() {
        let csv = render(&one_project("-rm", 53.5), Format::Csv, With::default());
        assert!(csv.starts_with("key,id,name,"));
        assert!(csv.contains(",53.5,"), "{csv}");
        assert!(csv.contains(",'-rm,"), "{csv}");
    }
}
