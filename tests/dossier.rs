//! `esf dossier`, through the real binary, over `tests/fixtures/overlaps`
//! (see tests/overlaps.rs for what the fixtures hold).

mod common;

use common::Cli;

fn cli() -> Cli {
    let cli = Cli::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/overlaps");
    cli.ok(&["import", fixtures]);
    cli
}

/// The lines of a section: from its heading to the next.
fn section<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    let start = md.find(&format!("\n## {heading}\n")).expect(heading);
    md[start + 1..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn a_dossier_holds_the_facts_organisations_overlaps_sources_and_your_note() {
    let cli = cli();
    cli.ok(&["note", "23-102-S01", "Följ upp med ägaren"]);
    cli.ok(&["review", "23-102-S01", "in-review"]);
    let md = cli.ok(&["dossier", "23-102-S01"]);
    assert!(
        md.starts_with("# Dossier: 23-102-S01 Brobygget Syd\n"),
        "{md}"
    );
    assert!(section(&md, "Period").contains(&"- Period: 2023-12-02 – 2024-12-31"));
    assert_eq!(
        section(&md, "Owner and partners"),
        ["- Owner: Stiftelsen Brobyggarna \\(org. no. 802400-0005\\)"]
    );
    // The beneficiary's town, which the text names too.
    assert_eq!(
        section(&md, "Municipalities"),
        ["- Kiruna \\(place, text\\)"]
    );
    assert_eq!(
        section(&md, "Overlaps with"),
        [
            "- 23-101-S01 Brobygget Norr · Stiftelsen Brobyggarna · 2023-01-01 – 2023-12-31 — \
          days together: 30 \\(2023-12-02 – 2023-12-31\\) · shares: programme area A"
        ]
    );
    let related = section(&md, "Related projects");
    assert!(
        related
            .iter()
            .any(|l| l.starts_with("- 23-101-S01 Brobygget Norr — shares: Stiftelsen Brobyggarna")),
        "{related:?}"
    );
    let sources = section(&md, "Sources");
    assert_eq!(sources.len(), 1);
    assert!(sources[0].ends_with("23-102-S01.txt \\(esfplus\\): Diarienummer, Name, Fund, Programme period, Owner, Org. number, Start date, End date, EU co-financing, Programme area, Specific objective, Region, Beneficiary, Municipalities"), "{}", sources[0]);
    assert_eq!(
        section(&md, "Your notes"),
        ["- review: in-review", "> Följ upp med ägaren"]
    );
}

#[test]
fn a_partner_is_named_with_its_number_and_units_with_their_organisation() {
    let cli = cli();
    let md = cli.ok(&["dossier", "23-104-S01"]);
    assert_eq!(
        section(&md, "Owner and partners"),
        [
            "- Owner: Föreningen Kustlänken \\(org. no. 802411-0002\\)",
            "- Partner: Stiftelsen Brobyggarna \\(org. no. 802400-0005\\)",
            "- Partner: Arbetsförmedlingen \\(no organisationsnummer given\\)",
        ]
    );
    assert_eq!(
        section(&md, "Overlaps with"),
        ["- no project of the same organisation overlaps this one"]
    );
    let md = cli.ok(&["dossier", "23-107-S01"]);
    assert!(
        section(&md, "Owner and partners")
            .contains(&"- Owner: SDF Örgryte \\(unit of Göteborgs Stad; org. no. 212000-1355\\)"),
        "{md}"
    );
}

#[test]
fn contact_persons_only_with_with_contacts() {
    let cli = cli();
    let md = cli.ok(&["dossier", "23-101-S01"]);
    assert!(!md.contains("Exempelsson"), "{md}");
    let md = cli.ok(&["dossier", "23-101-S01", "--with-contacts"]);
    assert!(md.contains("- Contact: Eva Exempelsson"), "{md}");
    assert!(
        md.contains("- E-mail: eva.exempelsson@brobyggarna.example"),
        "{md}"
    );
}

#[test]
fn text_from_documents_becomes_no_link_image_or_html() {
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/overlaps/23-101-S01.txt"
    ))
    .unwrap();
    let hostile = "Brobygget [x](javascript:alert(1)) ![](http://tracker.example/p.png) <script>alert(1)</script> \u{1b}]0;pwned\u{7}";
    std::fs::write(
        docs.join("evil.txt"),
        seed.replace("Brobygget Norr", hostile),
    )
    .unwrap();
    cli.ok(&["import", docs.to_str().unwrap()]);
    let md = cli.ok(&["dossier", "23-101-S01"]);
    assert!(!md.contains(['\u{1b}', '\u{7}']), "{md}");
    for line in md.lines() {
        let mut escaped = false;
        for c in line.chars() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, c) => assert!(!"[]()!<>|`*_~&".contains(c), "{c} unescaped in {line}"),
            }
        }
    }
    assert!(md.contains("\\[x\\]\\(javascript:alert\\(1\\)\\)"), "{md}");
    assert!(md.contains("\\<script\\>"), "{md}");
}

#[test]
fn a_dossier_goes_to_a_new_file_never_over_one_that_exists() {
    let cli = cli();
    let file = cli.dir.path().join("dossier.md");
    let out = cli.run(&["dossier", "23-102-S01", "--out", file.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, cli.ok(&["dossier", "23-102-S01"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::write(&file, "mine").unwrap();
    let out = cli.run(&["dossier", "23-101-S01", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.starts_with("esf: ") && said.ends_with("exists; esf writes a dossier only to a new file (give another name, or remove it first)\n"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn an_unknown_id_is_one_line_and_exit_1() {
    let cli = cli();
    let out = cli.run(&["dossier", "23-999-S99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
}

#[test]
fn a_dossier_speaks_swedish() {
    let cli = cli();
    let out = cli.run(&["--lang", "sv", "dossier", "23-102-S01"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Akt: 23-102-S01 Brobygget Syd\n"), "{md}");
    for heading in [
        "Ägare och partner",
        "Kommuner",
        "Relaterade projekt",
        "Överlappar med",
        "Källor",
        "Dina anteckningar",
    ] {
        assert!(md.contains(&format!("\n## {heading}\n")), "{heading}: {md}");
    }
    assert!(
        md.contains("- Ägare: Stiftelsen Brobyggarna \\(org.nr 802400-0005\\)"),
        "{md}"
    );
}
