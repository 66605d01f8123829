//! A generated project as the normalised record an import would make of
//! its document, for filling a cache directly (`esf gen --db`).

use super::GenProject;
use crate::ingest::gazetteer::gazetteer;
use crate::ingest::orgs::OrgCollector;
use crate::model::{Format, Project, Role};

pub fn to_record(p: &GenProject) -> Project {
    let plus = p.format == Format::Esfplus;
    let legacy = p.format == Format::LegacyPage;
    let period = match p.format {
        Format::Esfplus => "2021-2027",
        Format::LegacyPage => "2007-2013",
        _ => "2014-2020",
    };
    let mut partners = if legacy {
        p.partners.clone()
    } else {
        Vec::new()
    };
    partners.extend(p.prose_partners.iter().cloned());
    let (area, area_name) = match p.area.split_once(' ') {
        Some((a, n)) => (a.to_string(), Some(n.to_string())),
        None => (p.area.clone(), None),
    };
    let mut project = Project {
        id: p.id.clone(),
        name: Some(p.name.clone()),
        fund: Some(if plus { "ESF+" } else { "ESF" }.to_string()),
        programme_period: Some(period.to_string()),
        owner: Some(p.owner.clone()),
        region: Some(p.region.clone()),
        nuts2: plus.then(|| p.nuts2.clone()),
        start_date: Some(p.start.clone()),
        end_date: Some(p.end.clone()),
        total_budget_sek: Some(p.budget),
        esf_grant_sek: Some(p.grant),
        eu_cofinancing_rate_percent: Some(p.rate as f64),
        programme_area: Some(area),
        programme_area_name: area_name,
        planned_participants: Some(p.participants),
        contact_name: Some(p.contact.clone()),
        contact_email: Some(p.email.clone()),
        phase: legacy.then(|| p.phase.clone()),
        municipalities: if legacy {
            p.municipalities.clone()
        } else {
            Vec::new()
        },
        description: Some(p.paragraphs.join("\n\n")),
        partners,
        ..Project::default()
    };
    project.organisations = organisations(&project, &p.mentioned);
    project
}

fn organisations(p: &Project, mentioned: &[String]) -> Vec<crate::model::OrgLink> {
    let g = gazetteer();
    let mut collector = OrgCollector::default();
    if let Some(owner) = &p.owner {
        collector.add(g, owner, Role::Owner);
    }
    for partner in &p.partners {
        collector.add(g, partner, Role::Partner);
    }
    for agency in mentioned {
        collector.add(g, agency, Role::Mentioned);
    }
    collector.finish()
}
