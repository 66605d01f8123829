//! Plain-text rendering of records for people at a terminal. Every string
//! from a document passes through the sanitiser.

use crate::model::{OrgLink, ParsedDocument, Project, Role};
use crate::sanitize;
use std::fmt::Write;

/// A parsed document as readable, aligned text.
pub fn document(doc: &ParsedDocument) -> String {
    let mut out = String::new();
    let title = doc.title.as_deref().unwrap_or("(no title)");
    let _ = writeln!(
        out,
        "{}  [{}]",
        sanitize::line(&doc.source),
        doc.format.as_str()
    );
    let _ = writeln!(out, "  {}", sanitize::line(title));
    if let Some(reason) = &doc.skipped_reason {
        let _ = writeln!(out, "  skipped: {}", sanitize::line(reason));
    }
    if let Some(p) = &doc.project {
        project(&mut out, p);
    }
    if let Some(a) = &doc.article {
        field(&mut out, "article", Some(a.title.as_str()));
        field(&mut out, "about project", a.project_name.as_deref());
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "  warning: {}", sanitize::line(w));
    }
    out
}

const LABEL_WIDTH: usize = 22;

fn field(out: &mut String, label: &str, value: Option<&str>) {
    let shown = value.map_or("—".into(), sanitize::line);
    let _ = writeln!(out, "  {:<LABEL_WIDTH$}{}", format!("{label}:"), shown);
}

fn project(out: &mut String, p: &Project) {
    let money = |v: Option<i64>| v.map(|n| format!("{} kr", thousands(n)));
    let number = |v: Option<i64>| v.map(|n| n.to_string());
    let rows: [(&str, Option<String>); 19] = [
        ("id", p.id.clone()),
        ("name", p.name.clone()),
        ("fund", p.fund.clone()),
        ("programme period", p.programme_period.clone()),
        ("owner", p.owner.clone()),
        ("owner org. number", p.owner_org_number.clone()),
        ("region", p.region.clone()),
        ("NUTS-2", p.nuts2.clone()),
        ("period", period(p)),
        ("total budget", money(p.total_budget_sek)),
        ("ESF grant", money(p.esf_grant_sek)),
        (
            "EU co-financing",
            p.eu_cofinancing_rate_percent.map(|r| format!("{r} %")),
        ),
        ("programme area", area(p)),
        ("specific objective", p.specific_objective.clone()),
        ("intervention type", p.intervention_type.clone()),
        ("planned participants", number(p.planned_participants)),
        ("contact", contact(p)),
        ("beneficiary", beneficiary(p)),
        ("phase", p.phase.clone()),
    ];
    for (label, value) in rows {
        field(out, label, value.as_deref());
    }
    list(out, "municipalities", &p.municipalities);
    organisations(out, &p.organisations);
    for (label, value) in &p.extra {
        field(out, &format!("extra {label}"), Some(value));
    }
    if let Some(d) = &p.description {
        let words = d.split_whitespace().count();
        let _ = writeln!(out, "  {:<LABEL_WIDTH$}{words} words", "description:");
    }
}

fn period(p: &Project) -> Option<String> {
    match (&p.start_date, &p.end_date) {
        (None, None) => None,
        (s, e) => Some(format!(
            "{} – {}",
            s.as_deref().unwrap_or("?"),
            e.as_deref().unwrap_or("?")
        )),
    }
}

fn area(p: &Project) -> Option<String> {
    match (&p.programme_area, &p.programme_area_name) {
        (Some(a), Some(n)) => Some(format!("{a} {n}")),
        (a, n) => a.clone().or_else(|| n.clone()),
    }
}

fn contact(p: &Project) -> Option<String> {
    let parts: Vec<&str> = [&p.contact_name, &p.contact_email, &p.contact_phone]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn beneficiary(p: &Project) -> Option<String> {
    let parts: Vec<&str> = [&p.beneficiary_postcode, &p.beneficiary_city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn list(out: &mut String, label: &str, items: &[String]) {
    let joined = items.join(", ");
    field(out, label, (!items.is_empty()).then_some(joined.as_str()));
}

fn organisations(out: &mut String, orgs: &[OrgLink]) {
    for role in [Role::Owner, Role::Partner, Role::Mentioned] {
        let names: Vec<String> = orgs
            .iter()
            .filter(|o| o.role == role)
            .map(|o| o.name.clone())
            .collect();
        if !names.is_empty() {
            list(out, &format!("{} orgs", role.as_str()), &names);
        }
    }
}

/// `8866642` → `8 866 642`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(8_866_642), "8 866 642");
        assert_eq!(thousands(500), "500");
        assert_eq!(thousands(-1000), "-1 000");
    }

    #[test]
    fn document_text_is_sanitised() {
        let mut doc = ParsedDocument::skipped("evil\u{1b}]0;x\u{7}.txt", "binary");
        doc.title = Some("t\u{9b}2J".into());
        let shown = document(&doc);
        assert!(!shown.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)));
    }
}
