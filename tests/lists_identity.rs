//! A project that one list gives without its diarienummer (a Kohesio row
//! with no local identifier) is the numbered project of another list when
//! organisationsnummer, name and start date all agree, whichever file
//! comes first; anything less, or two numbered projects to choose from,
//! keeps it apart. The rows below are made up; the organisationsnummer
//! have right check digits.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

const FUND_HEADER: &str = "Diarienummer / Operation ID,Namn på insatsen / Operation Name,\
Stödmottagare / Beneficiary,Projektägare organisationsnummer / Beneficiary ID,\
Total projektbudget / Total budget SEK,Startdatum / Start date,Slutdatum / End date,\
EU-fond / EU fund,Program CCI / Program CCI";

const KOHESIO_HEADER: &str = "Operation_Unique_Identifier,Operation_Local_Identifier,\
Operation_Name_Programme_Language,Operation_Start_Date,Operation_End_Date,\
Total_Eligible_Expenditure_amount,Total_Eligible_Expenditure_Currency,Beneficiary_Name,\
Beneficiary_Local_Identifier,Fund_Code,Programming_Period,Country";

fn write(cli: &common::Cli, name: &str, header: &str, rows: &[&str]) -> PathBuf {
    let path = cli.dir.path().join(name);
    std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    path
}

fn fund_list(cli: &common::Cli, rows: &[&str]) -> PathBuf {
    write(cli, "projektlista.csv", FUND_HEADER, rows)
}

fn kohesio(cli: &common::Cli, rows: &[&str]) -> PathBuf {
    write(cli, "SE-pp21-27.csv", KOHESIO_HEADER, rows)
}

fn import(cli: &common::Cli, path: &Path) {
    cli.ok(&["import", path.to_str().unwrap()]);
}

/// Each project's key and the number of sources it lists.
fn projects(cli: &common::Cli) -> Vec<(String, usize)> {
    let list: Value = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    let mut keys: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys.into_iter()
        .map(|key| {
            let shown: Value = serde_json::from_str(&cli.ok(&["show", &key, "--json"])).unwrap();
            (key, shown["sources"].as_array().map_or(0, Vec::len))
        })
        .collect()
}

const VIDARE: &str = "23-050-S02,Vägen Vidare,Lindås kommun,802400-1235,\
3 200 000,2024-01-15,2026-12-31,ESF+,2021SE05SFPR";
const VIDARE_IN_KOHESIO: &str = "https://linkedopendata.eu/entity/Q501,,vägen  vidare,\
15/01/2024,31/12/2026,290000,EUR,LINDÅS KOMMUN,8024001235,ESF+,2021-2027,Sweden";

#[test]
fn a_numberless_row_with_the_same_number_name_and_start_is_the_numbered_project() {
    let cli = common::Cli::new();
    import(&cli, &fund_list(&cli, &[VIDARE]));
    import(&cli, &kohesio(&cli, &[VIDARE_IN_KOHESIO]));
    assert_eq!(projects(&cli), [("23-050-S02".to_string(), 2)]);
    // The numbered source stands for the project: it keeps its number.
    let shown: Value = serde_json::from_str(&cli.ok(&["show", "23-050-S02", "--json"])).unwrap();
    assert_eq!(shown["id"], "23-050-S02");
    assert_eq!(shown["name"], "Vägen Vidare");
}

#[test]
fn the_numberless_row_imported_first_joins_the_numbered_one_when_it_comes() {
    let cli = common::Cli::new();
    import(&cli, &kohesio(&cli, &[VIDARE_IN_KOHESIO]));
    let alone = projects(&cli);
    assert_eq!(alone.len(), 1);
    assert!(alone[0].0.starts_with("x-"), "{alone:?}");
    import(&cli, &fund_list(&cli, &[VIDARE]));
    assert_eq!(projects(&cli), [("23-050-S02".to_string(), 2)]);
    // It goes on under its number: nothing was removed.
    let changes: Value = serde_json::from_str(&cli.ok(&["changes", "--json"])).unwrap();
    let kinds: Vec<(&str, &str)> = changes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["key"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("new", "23-050-S02")]);
}

#[test]
fn another_start_date_or_another_number_keeps_the_rows_apart() {
    let cli = common::Cli::new();
    import(&cli, &fund_list(&cli, &[VIDARE]));
    let later_start = VIDARE_IN_KOHESIO.replace("15/01/2024", "15/01/2025");
    let other_owner = VIDARE_IN_KOHESIO
        .replace("Q501", "Q502")
        .replace("8024001235", "5566778899");
    import(&cli, &kohesio(&cli, &[&later_start, &other_owner]));
    let found = projects(&cli);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.contains(&("23-050-S02".to_string(), 1)), "{found:?}");
}

#[test]
fn two_numbered_projects_with_one_identity_leave_a_numberless_row_apart() {
    let cli = common::Cli::new();
    let again = VIDARE.replace("23-050-S02", "23-050-S03");
    import(&cli, &fund_list(&cli, &[VIDARE, &again]));
    import(&cli, &kohesio(&cli, &[VIDARE_IN_KOHESIO]));
    let found = projects(&cli);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|(_, sources)| *sources == 1), "{found:?}");
}
