//! Golden tests for the five sample documents. Every expected value below
//! was written by hand from reading the documents in `assets/corpus/`.

use esf_browser::ingest::parse_bytes;
use esf_browser::model::{Format, MunicipalitySource, ParsedDocument, Project, Role};

fn seed(name: &str) -> ParsedDocument {
    let path = format!("{}/assets/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("seed file");
    parse_bytes(name, &bytes)
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// Municipalities, each with where the document gives it.
fn placed(each: &[(&str, &[&str])]) -> Vec<MunicipalitySource> {
    each.iter()
        .map(|(name, from)| MunicipalitySource {
            name: name.to_string(),
            from: strings(from),
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// (name, role, parent), sorted, for order-independent comparison.
fn orgs(p: &Project) -> Vec<(String, Role, Option<String>)> {
    let mut v: Vec<_> = p
        .organisations
        .iter()
        .map(|o| (o.name.clone(), o.role, o.parent.clone()))
        .collect();
    v.sort();
    v
}

fn org(name: &str, role: Role, parent: Option<&str>) -> (String, Role, Option<String>) {
    (name.to_string(), role, parent.map(str::to_string))
}

fn sorted(mut v: Vec<(String, Role, Option<String>)>) -> Vec<(String, Role, Option<String>)> {
    v.sort();
    v
}

#[test]
fn effektbutiken_esf2014() {
    let doc = seed("000_3baf275082b782be.txt");
    assert_eq!(doc.format, Format::Esf2014);
    assert_eq!(doc.title, s("2015/00730 - effektbutiken"));
    assert_eq!(doc.skipped_reason, None);
    assert!(doc.article.is_none());
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let p = doc.project.expect("project");
    let expected = Project {
        id: s("2015/00730"),
        name: s("effektbutiken"),
        fund: s("ESF"),
        programme_period: s("2014-2020"),
        owner: s("Social resursförvaltning, Göteborgs Stad, Aktivitetshus Väster, Funktionsstöd"),
        region: s("Västsverige"),
        start_date: s("2016-02-01"),
        end_date: s("2019-01-31"),
        total_budget_sek: Some(8_866_642),
        esf_grant_sek: Some(5_927_642),
        eu_cofinancing_rate_percent: Some(50.0),
        programme_area: s("2"),
        programme_area_name: s("Öka övergångarna till arbete"),
        specific_objective: s("2.3"),
        intervention_type: s("109"),
        planned_participants: Some(50),
        contact_name: s("Lena Malm"),
        contact_email: s("lena.malm@socialresurs.goteborg.se"),
        beneficiary_postcode: s("40060"),
        // Göteborgs Stad owns it; the text says "Stadsdelarna i Göteborg".
        municipalities: strings(&["Göteborg"]),
        municipality_sources: placed(&[("Göteborg", &["owner", "text"])]),
        organisations: p.organisations.clone(),
        description: p.description.clone(),
        ..Project::default()
    };
    assert_eq!(p, expected);
    let description = p.description.as_deref().unwrap();
    assert!(description.starts_with("Under 2014 tog Aktivitetshus Väster fram en förstudie"));
    assert!(description.ends_with("informera och engagera såväl chefer som medarbetare."));
    assert_eq!(description.matches("\n\n").count(), 7, "eight paragraphs");
    let unit = "Social resursförvaltning, Göteborgs Stad, Aktivitetshus Väster, Funktionsstöd";
    assert_eq!(
        orgs(&p),
        sorted(vec![
            org(unit, Role::Owner, Some("Göteborgs Stad")),
            org("Göteborgs Stad", Role::Owner, None),
            org("Arbetsförmedlingen", Role::Mentioned, None),
            org("Försäkringskassan", Role::Mentioned, None),
        ])
    );
}

#[test]
fn arbetsliv_och_halsa_nordost_esf2014() {
    let doc = seed("001_fa7e1b871c6b631c.txt");
    assert_eq!(doc.format, Format::Esf2014);
    assert_eq!(doc.title, s("2020/00551 - Arbetsliv och hälsa Nordost"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let p = doc.project.expect("project");
    let expected = Project {
        id: s("2020/00551"),
        name: s("Arbetsliv och hälsa Nordost"),
        fund: s("ESF"),
        programme_period: s("2014-2020"),
        owner: s("Socialförvaltning Nordost, Arbetsmarknadsenheten"),
        region: s("Västsverige"),
        start_date: s("2021-02-01"),
        end_date: s("2023-01-31"),
        total_budget_sek: Some(16_425_554),
        esf_grant_sek: Some(7_719_010),
        eu_cofinancing_rate_percent: Some(50.0),
        programme_area: s("2"),
        programme_area_name: s("Öka övergångarna till arbete"),
        specific_objective: s("2.1"),
        intervention_type: s("102"),
        planned_participants: Some(216),
        contact_name: s("Sofia Olsson Quist"),
        contact_email: s("sofia.olsson.quist@socialnordost.goteborg.se"),
        beneficiary_postcode: s("40258"),
        partners: strings(&[
            "Kompetenscentrum (Arbetsmarknad- och vuxenutbildningsförvaltning)",
            "Samordningsförbundet",
            "vårdcentralerna Närhälsan Angered",
            "Nötkärnan i Bergsjön",
        ]),
        // The owner is a unit of Göteborgs Stad; the text says "Östra Göteborg".
        municipalities: strings(&["Göteborg"]),
        municipality_sources: placed(&[("Göteborg", &["owner", "text"])]),
        organisations: p.organisations.clone(),
        description: p.description.clone(),
        ..Project::default()
    };
    assert_eq!(p, expected);
    let description = p.description.as_deref().unwrap();
    assert!(description.starts_with("Målsättningen för projekt Arbetsliv och hälsa Nordost"));
    assert!(description.ends_with("minst 70 % av deltagarna påvisar progression."));
    assert!(description.contains("16–64 år"), "en dash kept in prose");
    assert_eq!(
        orgs(&p),
        sorted(vec![
            // Göteborg's Socialförvaltning Nordost: the city owns it too.
            org(
                "Socialförvaltning Nordost, Arbetsmarknadsenheten",
                Role::Owner,
                Some("Göteborgs Stad")
            ),
            org("Göteborgs Stad", Role::Owner, None),
            org(
                "Kompetenscentrum (Arbetsmarknad- och vuxenutbildningsförvaltning)",
                Role::Partner,
                None
            ),
            // "Samordningsförbundet" in the list names a kind of actor, not
            // one: a mention. "vårdcentralerna" introduces the two named
            // ones and is no mention of its own.
            org("Samordningsförbund", Role::Mentioned, None),
            org("Närhälsan Angered", Role::Partner, Some("Närhälsan")),
            org("Nötkärnan i Bergsjön", Role::Partner, None),
            org("Socialtjänsten", Role::Mentioned, None),
        ])
    );
}

#[test]
fn nya_vagar_i_vellinge_esfplus() {
    let doc = seed("002_b2246aa585e43b84.txt");
    assert_eq!(doc.format, Format::Esfplus);
    assert_eq!(doc.title, s("22-002-S07 - Nya Vägar i Vellinge +"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let p = doc.project.expect("project");
    let extra = [
        ("Land som berörs", "Sverige"),
        ("Program CCI", "2021SE05SFPR"),
        ("Sekundärtema - Motverka barnfattigdom", "Nej"),
        ("Insats av strategisk betydelse", "Nej"),
    ];
    let expected = Project {
        id: s("22-002-S07"),
        name: s("Nya Vägar i Vellinge +"),
        fund: s("ESF+"),
        programme_period: s("2021-2027"),
        owner: s("VELLINGE KOMMUN"),
        owner_org_number: s("2120001033"),
        region: s("Sydsverige"),
        nuts2: s("SE22"),
        start_date: s("2023-03-01"),
        end_date: s("2026-02-28"),
        eu_cofinancing_rate_percent: Some(40.0),
        programme_area: s("A"),
        specific_objective: s("A2A"),
        intervention_type: s("140"),
        planned_participants: Some(140),
        beneficiary_postcode: s("23581"),
        beneficiary_city: s("VELLINGE"),
        partners: strings(&[
            "arbete och etablering myndighet och utförare i Vellinge kommun",
            "Försäkringskassan",
            "vuxenpsykiatrin Trelleborg/Malmö",
            "Näsets läkargrupp",
            "Vellinge Vårdcentral",
            "RSMH i Trelleborg",
        ]),
        extra: extra
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        // Owner VELLINGE KOMMUN, a unit "i Vellinge kommun" among the partners,
        // Stödmottagare ort VELLINGE; "vuxenpsykiatrin Trelleborg/Malmö" and
        // "RSMH i Trelleborg" in the text.
        municipalities: strings(&["Vellinge", "Trelleborg", "Malmö"]),
        municipality_sources: placed(&[
            ("Vellinge", &["owner", "partner", "place", "text"]),
            ("Trelleborg", &["text"]),
            ("Malmö", &["text"]),
        ]),
        organisations: p.organisations.clone(),
        description: p.description.clone(),
        ..Project::default()
    };
    assert_eq!(p, expected);
    let unit = "Arbete och etablering myndighet och utförare i Vellinge kommun";
    assert_eq!(
        orgs(&p),
        sorted(vec![
            org("Vellinge kommun", Role::Owner, None),
            org(unit, Role::Partner, Some("Vellinge kommun")),
            org("Försäkringskassan", Role::Partner, None),
            org("Vuxenpsykiatrin Trelleborg/Malmö", Role::Partner, None),
            org("Näsets läkargrupp", Role::Partner, None),
            org("Vellinge Vårdcentral", Role::Partner, None),
            org("RSMH i Trelleborg", Role::Partner, None),
            org("Arbetsförmedlingen", Role::Mentioned, None),
            org("Socialtjänsten", Role::Mentioned, None),
            org("Psykiatrin", Role::Mentioned, None),
            // "Vellinge Vårdcentral" is a name: no "Vårdcentral" is carved out.
        ])
    );
    let owner = p
        .organisations
        .iter()
        .find(|o| o.role == Role::Owner)
        .unwrap();
    assert_eq!(owner.as_written, "VELLINGE KOMMUN");
}

#[test]
fn inkluderande_rehabilitering_article() {
    let doc = seed("003_ece7e7cde554d52b.txt");
    assert_eq!(doc.format, Format::Article);
    let headline = "Framgångsrik västsvensk samordning för arbetslivsinriktad rehabilitering";
    assert_eq!(doc.title, s(headline));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let article = doc.article.expect("article");
    assert_eq!(article.title, headline);
    assert_eq!(article.project_name, s("Inkluderande rehabilitering"));
    assert!(article.body.starts_with("Socialfondsprojektet Inkluderande rehabilitering.\n\nProjektet Inkluderande rehabilitering började"));
    assert!(article.body.ends_with("säger Ola Andersson."));
    for chrome in [
        "Logotyp",
        "Stäng",
        "Webbinarium",
        "Mer information",
        "Bild i",
        "Läs mer",
        "Programområde:",
    ] {
        assert!(!article.body.contains(chrome), "chrome {chrome:?} in body");
    }
    assert!(
        article.body.contains("\n\nSju delprojekt\n\n"),
        "subheadings are paragraphs"
    );
    let p = doc.project.expect("project named by the side panel");
    let expected = Project {
        name: s("Inkluderande rehabilitering"),
        owner: s("Samordningsförbundet Hisingen"),
        region: s("Västsverige"),
        fund: s("ESF"),
        programme_period: s("2014-2020"),
        programme_area: s("2"),
        programme_area_name: s("Öka övergångarna till arbete"),
        specific_objective: s("2.1"),
        organisations: p.organisations.clone(),
        ..Project::default()
    };
    assert_eq!(p, expected);
    assert_eq!(
        orgs(&p),
        sorted(vec![
            org("Samordningsförbundet Hisingen", Role::Owner, None),
            org("Samordningsförbund", Role::Mentioned, None),
            org("Socialtjänsten", Role::Mentioned, None),
        ])
    );
}

const LEGACY_PARTNERS: [&str; 35] = [
    "angered",
    "Arbetsförmedling Kungälv",
    "Arbetsförmedling Stenungsund",
    "Arbetsförmedlingen Ale",
    "Arbetsförmedlingen Angered",
    "Arbetsförmedlingen Gamlestaden",
    "Arbetsförmedlingen Göteborg",
    "Arbetsförmedlingen i Alingsås",
    "Arbetsförmedlingen i Härryda",
    "Arbetsförmedlingen Järntorget",
    "Arbetsförmedlingen Lerum/Partille",
    "Arbetsliv och stöd (Socialtjänsten)",
    "Arbetsmarknad o socialförvaltn",
    "Arbetsmarknadsenheten",
    "DELTA",
    "Frölunda",
    "Göteborgs Stad Centrum",
    "Individ o familjeomsorg IFO",
    "Kommunförvaltning",
    "LFC Göteborg centrum",
    "LFC Nordväst Göteborg",
    "Norra Hisingen",
    "Regionkansliet",
    "Rehablotsen",
    "Samodningsförbundet Göteborg Nord-ost, C/O Vårdcentralen Gamlestadstorget",
    "SAMORDNINGSFÖRBUNDET ALE, KUNG",
    "Samordningsförbundet MPHLA",
    "SDF Askim-Frölunda-Högsbo",
    "SDF Örgryte",
    "Social och Arbetsförvaltningen i Partille kommun",
    "Socialtjänsten",
    "Stadskansliet",
    "Västra Göteborg",
    "Västra Hisingen",
    "Östra Göteborg",
];

#[test]
fn inkluderande_rehabilitering_legacy_page() {
    let doc = seed("004_cf34fbbf89898201.txt");
    assert_eq!(doc.format, Format::LegacyPage);
    assert_eq!(doc.title, s("Inkluderande rehabilitering"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let p = doc.project.expect("project");
    let expected = Project {
        name: s("Inkluderande rehabilitering"),
        fund: s("ESF"),
        programme_period: s("2007-2013"),
        owner: s("Samodningsförbundet Göteborg Nord-ost, C/O Vårdcentralen Gamlestadstorget"),
        region: s("Västsverige"),
        start_date: s("2014-01-02"),
        end_date: s("2014-10-31"),
        total_budget_sek: Some(974_500),
        esf_grant_sek: Some(974_500),
        programme_area: s("2"),
        programme_area_name: s("Ökat arbetskraftsutbud"),
        contact_name: s("Magnus Simonsson"),
        contact_email: s("magnus.simonsson@arbetsformedlingen.se"),
        contact_phone: s("010-486 90 20"),
        phase: s("Genomförande"),
        partners: strings(&LEGACY_PARTNERS),
        municipalities: strings(&[
            "Ale",
            "Alingsås",
            "Göteborg",
            "Härryda",
            "Kungälv",
            "Lerum",
            "Mölndal",
            "Partille",
            "Stenungsund",
            "Tjörn",
        ]),
        // The Kommun list; two units among the partners also name Göteborg
        // (Göteborgs Stad Centrum) and Partille (… i Partille kommun).
        municipality_sources: placed(&[
            ("Ale", &["list"]),
            ("Alingsås", &["list"]),
            ("Göteborg", &["list", "partner"]),
            ("Härryda", &["list"]),
            ("Kungälv", &["list"]),
            ("Lerum", &["list"]),
            ("Mölndal", &["list"]),
            ("Partille", &["list", "partner"]),
            ("Stenungsund", &["list"]),
            ("Tjörn", &["list"]),
        ]),
        organisations: p.organisations.clone(),
        description: p.description.clone(),
        ..Project::default()
    };
    assert_eq!(p, expected);
    let description = p.description.as_deref().unwrap();
    assert!(
        description.starts_with("Sammanfattning\n\nArbetsmarknaden kräver grundläggande förmågor.")
    );
    assert!(description.ends_with("svårigheter att komma in på arbetsmarknaden."));
    assert!(!description.contains('•') && !description.contains("Samarbetspartners"));
    assert!(!description.contains("In English"));
}

#[test]
fn legacy_page_organisations_fold_variants_and_branches() {
    let p = seed("004_cf34fbbf89898201.txt").project.unwrap();
    let find = |name: &str| p.organisations.iter().find(|o| o.name == name);
    let owner = find("Samordningsförbundet Göteborg Nordost").expect("folded owner");
    assert_eq!(owner.role, Role::Owner, "listed as partner too, owner wins");
    let af = |name: &str| find(name).and_then(|o| o.parent.as_deref());
    for branch in [
        "Arbetsförmedlingen Kungälv",
        "Arbetsförmedlingen Angered",
        "Arbetsförmedlingen Gamlestaden",
        "Arbetsförmedlingen Alingsås",
        "Arbetsförmedlingen Lerum/Partille",
    ] {
        assert_eq!(af(branch), Some("Arbetsförmedlingen"), "{branch}");
    }
    assert_eq!(af("Göteborgs Stad Centrum"), Some("Göteborgs Stad"));
    assert_eq!(
        af("Social och Arbetsförvaltningen i Partille kommun"),
        Some("Partille kommun")
    );
    assert!(find("Angered").is_some());
    assert!(find("Samordningsförbundet Ale, Kung").is_some());
    let partners = p
        .organisations
        .iter()
        .filter(|o| o.role == Role::Partner)
        .count();
    assert_eq!(
        partners, 33,
        "35 bullets, one of them the owner, one the kind of actor Socialtjänsten"
    );
    let mentioned: Vec<&str> = p
        .organisations
        .iter()
        .filter(|o| o.role == Role::Mentioned)
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(mentioned, vec!["Socialtjänsten", "Samordningsförbund"]);
}

#[test]
fn the_two_inkluderande_rehabilitering_projects_differ() {
    let legacy = seed("004_cf34fbbf89898201.txt").project.unwrap();
    let article = seed("003_ece7e7cde554d52b.txt").project.unwrap();
    assert_eq!(legacy.name, article.name);
    assert_ne!(legacy.owner, article.owner);
    assert_ne!(legacy.programme_period, article.programme_period);
}
