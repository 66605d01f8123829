//! `esf parse` as a user runs it: the JSON contract, exit codes, plain text.

use serde_json::Value;
use std::process::Command;

fn esf(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_esf"))
        .env("ESF_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run esf")
}

const PROJECT_FIELDS: &[&str] = &[
    "id",
    "name",
    "fund",
    "programme_period",
    "owner",
    "owner_org_number",
    "region",
    "nuts2",
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
    "contact_name",
    "contact_email",
    "contact_phone",
    "beneficiary_postcode",
    "beneficiary_city",
    "phase",
    "partners",
    "municipalities",
    "organisations",
    "description",
    "extra",
];

#[test]
fn json_follows_the_contract() {
    let out = esf(&["parse", "--json", "assets/corpus"]);
    assert!(out.status.success());
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for doc in docs {
        for key in [
            "source",
            "format",
            "title",
            "skipped_reason",
            "project",
            "article",
            "warnings",
        ] {
            assert!(doc.get(key).is_some(), "missing {key}");
        }
        let project = &doc["project"];
        for key in PROJECT_FIELDS {
            assert!(project.get(*key).is_some(), "missing project.{key}");
        }
        for org in project["organisations"].as_array().unwrap() {
            assert!(org["name"].is_string() && org["as_written"].is_string());
            assert!(["owner", "partner", "mentioned"].contains(&org["role"].as_str().unwrap()));
        }
    }
    let first = &docs[0];
    assert_eq!(first["source"], "assets/corpus/000_3baf275082b782be.txt");
    assert_eq!(first["project"]["total_budget_sek"], 8_866_642);
    assert_eq!(
        first["project"]["eu_cofinancing_rate_percent"], 50,
        "an integer, not 50.0"
    );
    assert_eq!(first["project"]["nuts2"], Value::Null);
}

#[test]
fn unreadable_file_reports_and_fails_but_keeps_the_others() {
    let out = esf(&[
        "parse",
        "--json",
        "assets/corpus/000_3baf275082b782be.txt",
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(2), "an error");
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs[0]["format"], "esf2014");
    assert_eq!(docs[1]["format"], "skipped");
    assert!(docs[1]["skipped_reason"]
        .as_str()
        .unwrap()
        .contains("cannot read"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn empty_and_binary_files_are_skipped_with_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.7\n\x00\x01").unwrap();
    let out = esf(&["parse", "--json", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reasons: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["skipped_reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 2);
    assert!(reasons[0].contains("empty"));
    assert!(reasons[1].contains("PDF"));
}

#[test]
fn plain_text_is_readable_and_safe() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(&evil, "1/2 - Namn\x1b]0;pwned\x07\n\nDiarienummer:\n1/2\nNamn:\nX\x1b[2J\nRegion:\nStockholm\nProjektperiod:\n2020-01-01 - 2021-01-01\n").unwrap();
    let out = esf(&[
        "parse",
        "assets/corpus/002_b2246aa585e43b84.txt",
        evil.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Nya Vägar i Vellinge +"));
    assert!(text.contains("2023-03-01 – 2026-02-28"));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "no raw escapes"
    );
    assert!(text.contains("␛[2J"), "escapes shown visibly");
}
