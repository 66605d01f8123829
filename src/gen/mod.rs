//! A deterministic corpus generator for benchmarks (`esf gen`): documents
//! in all four formats with Swedish names, the 290 municipalities, the ESF
//! regions, ~20,000 organisations reused with a heavy tail, 3–6 KB each, in
//! the encodings and line endings of the real world. Same seed, same corpus.

mod list;
mod record;
mod render;
pub mod rng;
mod words;

pub use list::write_fund_list;
pub use record::to_record;
pub use render::render;
pub use rng::Rng;

use crate::ingest::gazetteer::{gazetteer, ActorKind};
use crate::model::Format;
use words::*;

/// Organisations in the pool.
pub const POOL_SIZE: usize = 20_000;

/// One generated project, before it is written as a document.
#[derive(Debug, Clone)]
pub struct GenProject {
    pub index: usize,
    pub format: Format,
    pub id: Option<String>,
    pub name: String,
    pub owner: String,
    pub region: String,
    pub nuts2: String,
    pub place: String,
    pub municipalities: Vec<String>,
    pub start: String,
    pub end: String,
    pub budget: i64,
    pub grant: i64,
    pub rate: i64,
    pub area: String,
    pub objective: String,
    pub participants: i64,
    pub contact: String,
    pub email: String,
    pub phase: String,
    pub partners: Vec<String>,
    pub paragraphs: Vec<String>,
    /// Agencies named in the prose, and the partners its list sentence names.
    pub mentioned: Vec<String>,
    pub prose_partners: Vec<String>,
}

/// The organisations projects are drawn from, most used first.
pub struct Pool {
    pub names: Vec<String>,
}

impl Pool {
    pub fn new(seed: u64) -> Pool {
        let g = gazetteer();
        let mut names: Vec<String> = AGENCIES.iter().map(|s| s.to_string()).collect();
        names.extend(
            g.actors
                .iter()
                .filter(|a| a.kind == ActorKind::Region)
                .map(|a| a.canonical.clone()),
        );
        names.extend(g.municipalities.iter().map(|m| m.org_name.clone()));
        for m in &g.municipalities {
            names.push(format!("Arbetsförmedlingen {}", m.name));
        }
        let mut rng = Rng::new(seed ^ 0x5EED);
        while names.len() < POOL_SIZE {
            names.push(synthetic_org(&mut rng));
        }
        names.truncate(POOL_SIZE);
        Pool { names }
    }

    /// An organisation, popular ones far more often.
    pub fn draw(&self, rng: &mut Rng) -> &str {
        &self.names[rng.zipf(self.names.len())]
    }
}

fn synthetic_org(rng: &mut Rng) -> String {
    let place = &rng.pick(&gazetteer().municipalities).name;
    match rng.below(3) {
        0 => format!("{} i {} kommun", rng.pick(UNIT_TYPES), place),
        1 => format!("{} {} {}", rng.pick(ORG_FORMS), rng.pick(ORG_WORDS), place),
        _ => format!("{} {}", rng.pick(ORG_WORDS), rng.pick(BRANCHES)),
    }
}

/// Generates project `index` of the corpus with `seed`.
pub fn project(pool: &Pool, seed: u64, index: usize) -> GenProject {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
    let format = match rng.below(20) {
        0..=8 => Format::Esf2014,
        9..=14 => Format::Esfplus,
        15..=17 => Format::LegacyPage,
        _ => Format::Article,
    };
    let m = rng.pick(&gazetteer().municipalities).clone();
    let (start_year, id) = identity(&mut rng, format, index);
    let start = format!("{start_year}-{:02}-01", rng.between(1, 12));
    let end_year = start_year + rng.between(1, 3);
    let end = format!("{end_year}-{:02}-{}", rng.between(1, 12), 28);
    let budget = rng.between(300, 30_000) * 1000 + rng.between(0, 999);
    let rate = if format == Format::Esfplus {
        *rng.pick(&[40, 50, 60])
    } else {
        50
    };
    let partners = (0..rng.between(2, 7))
        .map(|_| pool.draw(&mut rng).to_string())
        .collect();
    let owner = owner(&mut rng, &m.name, &m.org_name);
    let person = person(&mut rng);
    let prose = paragraphs(&mut rng, pool, &m.name, &m.region);
    GenProject {
        index,
        format,
        id,
        name: project_name(&mut rng, &m.name),
        email: format!(
            "{}@{}.se",
            person.to_lowercase().replace(' ', "."),
            m.name.to_lowercase().replace(' ', "")
        ),
        contact: person,
        owner,
        region: m.region.clone(),
        nuts2: m.nuts2.clone(),
        municipalities: (0..rng.below(4))
            .map(|_| rng.pick(&gazetteer().municipalities).name.clone())
            .collect(),
        place: m.name.clone(),
        start,
        end,
        budget,
        grant: budget * rate / 100,
        rate,
        area: area(&mut rng, format),
        objective: format!("{}.{}", rng.between(1, 3), rng.between(1, 3)),
        participants: rng.between(10, 400),
        phase: rng
            .pick(&["Genomförande", "Avslutat", "Analys och planering"])
            .to_string(),
        partners,
        paragraphs: prose.paragraphs,
        mentioned: prose.mentioned,
        prose_partners: prose.partners,
    }
}

/// The prose part of a project: paragraphs and who they name.
struct Prose {
    paragraphs: Vec<String>,
    mentioned: Vec<String>,
    partners: Vec<String>,
}

fn identity(rng: &mut Rng, format: Format, index: usize) -> (i64, Option<String>) {
    match format {
        Format::Esf2014 => {
            let year = rng.between(2014, 2021);
            (year + 1, Some(format!("{year}/{index:05}")))
        }
        Format::Esfplus => {
            let year = rng.between(2022, 2026);
            (
                year,
                Some(format!(
                    "{}-{:03}-S{:02}",
                    year % 100,
                    index % 1000,
                    index / 1000
                )),
            )
        }
        _ => (rng.between(2008, 2014), None),
    }
}

fn owner(rng: &mut Rng, place: &str, municipality: &str) -> String {
    match rng.below(4) {
        0 => municipality.to_string(),
        1 => format!("{}, {}", rng.pick(UNIT_TYPES), municipality),
        2 => format!("Samordningsförbundet {place}"),
        _ => format!("{} {} {place}", rng.pick(ORG_FORMS), rng.pick(ORG_WORDS)),
    }
}

fn person(rng: &mut Rng) -> String {
    const FIRST: &[&str] = &[
        "Anna", "Erik", "Maria", "Johan", "Sara", "Ali", "Fatima", "Lars", "Karin", "Ahmed",
        "Elin", "Mikael",
    ];
    const LAST: &[&str] = &[
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Hassan",
        "Lindqvist",
    ];
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn project_name(rng: &mut Rng, place: &str) -> String {
    let base = format!("{} {}", rng.pick(NAME_FIRST), rng.pick(NAME_SECOND));
    let place = if rng.chance(0.4) {
        format!(" {place}")
    } else {
        String::new()
    };
    format!("{base}{place}{}", rng.pick(NAME_SUFFIX))
}

fn area(rng: &mut Rng, format: Format) -> String {
    match format {
        Format::Esfplus => rng.pick(&["A", "B", "C"]).to_string(),
        Format::LegacyPage => rng
            .pick(&["2 Ökat arbetskraftsutbud", "1 Kompetensförsörjning"])
            .to_string(),
        _ => rng.between(1, 3).to_string(),
    }
}

/// 3–6 KB of prose naming agencies and a partner list.
fn paragraphs(rng: &mut Rng, pool: &Pool, place: &str, region: &str) -> Prose {
    let target = rng.between(3_000, 5_500) as usize;
    let mut prose = Prose {
        paragraphs: Vec::new(),
        mentioned: Vec::new(),
        partners: Vec::new(),
    };
    let mut size = 0;
    while size < target {
        let count = rng.between(3, 6);
        let sentences: Vec<String> = (0..count)
            .map(|_| sentence(rng, pool, place, region, &mut prose.mentioned))
            .collect();
        let paragraph = sentences.join(" ");
        size += paragraph.len() + 2;
        prose.paragraphs.push(paragraph);
    }
    prose.partners = (0..3).map(|_| pool.draw(rng).to_string()).collect();
    let at = rng.below(prose.paragraphs.len());
    let list = format!(
        " Samverkande aktörer i projektet är {}, {} och {}.",
        prose.partners[0], prose.partners[1], prose.partners[2]
    );
    prose.paragraphs[at].push_str(&list);
    prose
}

fn sentence(
    rng: &mut Rng,
    pool: &Pool,
    place: &str,
    region: &str,
    mentioned: &mut Vec<String>,
) -> String {
    let template = *rng.pick(SENTENCES);
    let group = *rng.pick(TARGET_GROUPS);
    let method = *rng.pick(METHODS);
    let agency = pool.names[rng.zipf(40)].clone();
    if template.contains("{agency}") && !mentioned.contains(&agency) {
        mentioned.push(agency.clone());
    }
    template
        .replace("{group}", group)
        .replace("{method}", method)
        .replace("{agency}", &agency)
        .replace("{place}", place)
        .replace("{region}", region)
}

/// What a list row and the filter would hold for a generated project: its
/// summary, and the organisation and municipality names the filter sees.
pub fn summary(p: &GenProject) -> (crate::model::ProjectSummary, String) {
    let names: Vec<&str> = p
        .partners
        .iter()
        .chain(&p.prose_partners)
        .chain(&p.mentioned)
        .chain(&p.municipalities)
        .map(String::as_str)
        .collect();
    let summary = crate::model::ProjectSummary {
        key: p
            .id
            .clone()
            .unwrap_or_else(|| format!("x-{:010x}", p.index)),
        id: p.id.clone(),
        name: Some(p.name.clone()),
        owner: Some(p.owner.clone()),
        region: Some(p.region.clone()),
        start_date: Some(p.start.clone()),
        end_date: Some(p.end.clone()),
        total_budget_sek: Some(p.budget),
        esf_grant_sek: Some(p.grant),
        ..Default::default()
    };
    (summary, names.join("  "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let pool = Pool::new(1);
        assert_eq!(pool.names.len(), POOL_SIZE);
        let a = project(&pool, 1, 42);
        let b = project(&pool, 1, 42);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        let formats: std::collections::HashSet<_> =
            (0..200).map(|i| project(&pool, 1, i).format).collect();
        assert_eq!(formats.len(), 4);
    }
}
