//! "Did you mean" for an ID that is not in the cache, for the mistakes a
//! person makes typing one: the project meant is offered, and an ID like
//! no project's is answered with no suggestion. The projects below are
//! made up.

mod common;

use common::Cli;

const FUND_HEADER: &str = "Diarienummer / Operation ID,Namn på insatsen / Operation Name,\
Stödmottagare / Beneficiary,Projektägare organisationsnummer / Beneficiary ID,\
Total projektbudget / Total budget SEK,Startdatum / Start date,Slutdatum / End date,\
EU-fond / EU fund,Program CCI / Program CCI";

const PROJECTS: [&str; 4] = [
    "2016/00214,Jobbsprånget Kiruna,Kiruna kommun,212000-2627,\
     1 200 000,2016-03-01,2018-02-28,ESF,2014SE05M9OP001",
    "2019/00587,Unga in i arbete Gävle,Gävle kommun,212000-2262,\
     2 400 000,2019-09-01,2021-08-31,ESF,2014SE05M9OP001",
    "22-002-S08,Språkstöd Malmö,Malmö stad,212000-1124,\
     3 100 000,2023-01-01,2025-12-31,ESF+,2021SE05SFPR001",
    "23-017-S01,Kompetens i vården,Region Skåne,232100-0255,\
     5 000 000,2024-01-15,2026-12-31,ESF+,2021SE05SFPR001",
];

fn cache() -> Cli {
    let cli = Cli::new();
    let path = cli.dir.path().join("projektlista.csv");
    let rows: Vec<String> = PROJECTS.iter().map(|r| r.replace("     ", "")).collect();
    std::fs::write(&path, format!("{FUND_HEADER}\n{}\n", rows.join("\n"))).unwrap();
    cli.ok(&["import", path.to_str().unwrap()]);
    cli
}

/// What `esf show TYPED` says on standard error; it must find nothing.
fn said(cli: &Cli, typed: &str) -> String {
    let out = cli.run(&["show", typed]);
    assert_eq!(out.status.code(), Some(1), "{typed}");
    String::from_utf8(out.stderr).unwrap()
}

fn meant(typed: &str, suggestions: &str) -> String {
    format!("esf: no project with ID \"{typed}\"; did you mean: {suggestions}?\n")
}

#[test]
fn a_mistyped_id_is_answered_with_the_project_meant() {
    let cli = cache();
    let kiruna = "2016/00214 Jobbsprånget Kiruna";
    let cases = [
        ("2016/00215", kiruna, "a digit wrong"),
        ("2016/0214", kiruna, "a digit missing"),
        ("2016/002144", kiruna, "a digit too many"),
        ("2016/00241", kiruna, "two digits swapped"),
        ("2061/00214", kiruna, "two digits of the year swapped"),
        ("3016/00214", kiruna, "the first digit wrong"),
        ("2016/00214-", kiruna, "a character after it"),
        ("2016/214", kiruna, "the number's zeros left out"),
        (
            "2019/587",
            "2019/00587 Unga in i arbete Gävle",
            "the number's zeros left out",
        ),
        (
            "22-2-s8",
            "22-002-S08 Språkstöd Malmö",
            "every zero left out of an ESF+ ID",
        ),
        (
            "22-002-s07",
            "22-002-S08 Språkstöd Malmö",
            "the last digit, lower case",
        ),
        (
            "22-002-S8",
            "22-002-S08 Språkstöd Malmö",
            "a digit of the suffix missing",
        ),
        (
            "23-O17-S01",
            "23-017-S01 Kompetens i vården",
            "a letter O for a zero",
        ),
    ];
    for (typed, project, mistake) in cases {
        assert_eq!(said(&cli, typed), meant(typed, project), "{mistake}");
    }
}

#[test]
fn a_name_typed_for_an_id_is_answered_with_the_projects_of_that_name() {
    let cli = cache();
    let cases = [
        ("jobbsprånget", "2016/00214 Jobbsprånget Kiruna"),
        ("JOBBSPRÅNGET KIRUNA", "2016/00214 Jobbsprånget Kiruna"),
        ("jobbspranget", "2016/00214 Jobbsprånget Kiruna"),
        ("unga in i arbete", "2019/00587 Unga in i arbete Gävle"),
        ("arbete gävle", "2019/00587 Unga in i arbete Gävle"),
        ("malmö", "22-002-S08 Språkstöd Malmö"),
    ];
    for (typed, project) in cases {
        assert_eq!(said(&cli, typed), meant(typed, project), "{typed}");
    }
    // What is typed is words, never the full-text index's syntax.
    for typed in ["kiruna\"*", "(kiruna) jobbsprånget*", "{kiruna}:"] {
        let said = said(&cli, typed);
        assert!(
            said.ends_with("did you mean: 2016/00214 Jobbsprånget Kiruna?\n"),
            "{said}"
        );
    }
}

#[test]
fn an_id_like_no_project_is_answered_without_suggestions() {
    let cli = cache();
    for typed in ["qq-777-zz9", "1999/99999", "x", "ärende", "2016", "/-/"] {
        assert_eq!(
            said(&cli, typed),
            format!("esf: no project with ID \"{typed}\"\n"),
            "{typed}"
        );
    }
}

#[test]
fn every_command_that_takes_an_id_offers_the_same_project() {
    let cli = cache();
    let out = cli.run(&["graph", "2016/00215"]);
    assert_eq!(out.status.code(), Some(1));
    let graph = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        graph,
        "esf: no project or organisation \"2016/00215\"; did you mean 2016/00214?\n"
    );
    let out = cli.run(&["dossier", "2016/00215"]);
    assert_eq!(out.status.code(), Some(1));
    let dossier = String::from_utf8(out.stderr).unwrap();
    assert!(
        dossier.contains("did you mean: 2016/00214 Jobbsprånget Kiruna?"),
        "{dossier}"
    );
}
