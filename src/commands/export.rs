//! `esf export`: the (filtered) projects as CSV or JSON. Contact persons
//! are personal data and are left out unless asked for.

use super::list::select;
use super::{print_json, print_text, Context};
use crate::catalogue::Catalogue;
use crate::cli::ExportFormat;
use crate::model::Project;
use crate::sanitize;
use crate::store::KeyedProject;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(
    ctx: &Context,
    format: ExportFormat,
    filter: Option<&str>,
    with_contacts: bool,
) -> anyhow::Result<ExitCode> {
    let store = ctx.open_for_reading()?;
    let cat = Catalogue::load(&store)?;
    let keys: Vec<&str> = select(&cat, filter, None)
        .into_iter()
        .map(|i| cat.projects[i].key.as_str())
        .collect();
    let mut records = store.records(&keys)?;
    if !with_contacts {
        records
            .iter_mut()
            .for_each(|r| drop_contacts(&mut r.project));
    }
    match format {
        ExportFormat::Json => print_json(&records)?,
        ExportFormat::Csv => {
            let text = csv(&records, with_contacts);
            // Raw data for files and pipes; made safe only for a terminal.
            if std::io::stdout().is_terminal() {
                print_text(&sanitize::text(&text))?;
            } else {
                print_text(&text)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn drop_contacts(p: &mut Project) {
    p.contact_name = None;
    p.contact_email = None;
    p.contact_phone = None;
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

/// RFC 4180 CSV with a header row; lists joined with "; ".
pub fn csv(records: &[KeyedProject], with_contacts: bool) -> String {
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if with_contacts {
        header.extend(CONTACT_COLUMNS);
    }
    let mut out = csv_line(header.iter().map(|s| s.to_string()));
    for r in records {
        let mut cells = cells(r);
        if with_contacts {
            let p = &r.project;
            cells.extend([&p.contact_name, &p.contact_email, &p.contact_phone].map(text));
        }
        out.push_str(&csv_line(cells.into_iter()));
    }
    out
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn number<T: ToString>(v: Option<T>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn cells(r: &KeyedProject) -> Vec<String> {
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
        number(p.eu_cofinancing_rate_percent),
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

fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}
