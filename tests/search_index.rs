//! The search index an import stores in the cache: `esf list --filter`
//! and "did you mean" answer from it as they would from every project,
//! and from every project when it is missing, stale or damaged.

mod common;

use common::Cli;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn cache(cli: &Cli) -> PathBuf {
    cli.dir.path().join("cache.sqlite")
}

fn import(cli: &Cli, files: &[&str]) {
    let mut args = vec!["import"];
    args.extend(files);
    cli.ok(&args);
}

fn json(cli: &Cli, args: &[&str]) -> Value {
    serde_json::from_str(&cli.answer(args)).expect("JSON")
}

/// The keys `list --filter Q --json` gives, each with why it matched.
fn listed(cli: &Cli, query: &str) -> Vec<String> {
    let list = json(cli, &["list", "--filter", query, "--json"]);
    let list = list.as_array().expect("an array");
    for p in list {
        assert!(
            p["matched"].as_array().is_some_and(|m| !m.is_empty()),
            "{p}"
        );
    }
    let mut keys: Vec<String> = list
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

fn sql(db: &Path, statement: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(statement).unwrap();
}

/// The import the stored index stands for (the one it was written for, or
/// that of the tail beside it which patches it), and the newest import.
fn index_import(db: &Path) -> (Option<i64>, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let built: Option<i64> = conn
        .query_row("SELECT import FROM search_index", [], |r| r.get(0))
        .ok();
    let tail: Option<(i64, i64)> = conn
        .query_row("SELECT import, base FROM search_index_tail", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .ok();
    let newest = conn
        .query_row("SELECT max(id) FROM imports", [], |r| r.get(0))
        .unwrap();
    match tail {
        Some((import, base)) if Some(base) == built && import == newest => (Some(import), newest),
        _ => (built, newest),
    }
}

/// Försäkringskassan is a partner of Nya Vägar i Vellinge + and is
/// mentioned in effektbutiken's description; no other sample names it.
const KASSAN: [&str; 2] = ["2015/00730", "22-002-S07"];

#[test]
fn the_stored_index_missing_or_damaged_gives_the_same_matches() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    assert_eq!(listed(&cli, "försäkringskassan"), KASSAN);
    assert_eq!(listed(&cli, "qxzjv"), Vec::<String>::new());
    sql(&db, "UPDATE search_index SET data = zeroblob(100)");
    assert_eq!(listed(&cli, "försäkringskassan"), KASSAN, "damaged");
    sql(&db, "DELETE FROM search_index");
    assert_eq!(listed(&cli, "försäkringskassan"), KASSAN, "missing");
}

#[test]
fn each_import_that_changes_projects_makes_the_index_anew() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus/000_3baf275082b782be.txt"]);
    assert_eq!(listed(&cli, "vellinge"), Vec::<String>::new());
    import(&cli, &["assets/corpus/002_b2246aa585e43b84.txt"]);
    assert_eq!(
        listed(&cli, "vellinge"),
        ["22-002-S07"],
        "the new project is found"
    );
    let (built, newest) = index_import(&db);
    assert_eq!(built, Some(newest));
    import(&cli, &["assets/corpus/002_b2246aa585e43b84.txt"]);
    let (built, newest) = index_import(&db);
    assert_eq!(built, Some(newest), "an unchanged import keeps it fresh");
}

#[test]
fn an_index_older_than_the_newest_import_is_not_used() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(
        &cli,
        &[
            "assets/corpus/000_3baf275082b782be.txt",
            "assets/corpus/002_b2246aa585e43b84.txt",
        ],
    );
    // As if another version had changed the projects and not the index.
    sql(&db, "UPDATE search_index SET import = import - 1; DELETE FROM projects WHERE key = '22-002-S07'");
    assert_eq!(listed(&cli, "vellinge"), Vec::<String>::new());
}

#[test]
fn an_unknown_id_is_answered_from_the_index_with_names() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    for round in ["stored", "missing"] {
        let out = cli.run(&["show", "2015/0073"]);
        assert_eq!(out.status.code(), Some(1), "{round}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("did you mean: 2015/00730 effektbutiken"),
            "{round}: {said}"
        );
        sql(&db, "DELETE FROM search_index");
    }
}

fn facet(cli: &Cli, name: &str) -> Value {
    json(cli, &["list", "--facet", name, "--json"])
}

#[test]
fn facet_counts_kept_by_the_import_are_those_counted_from_every_project() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    // Four of the five samples are in Västsverige, Nya Vägar in Sydsverige.
    let regions = facet(&cli, "region");
    assert_eq!(regions[0]["value"], "Västsverige");
    assert_eq!(regions[0]["projects"], 4);
    assert_eq!(regions[1]["value"], "Sydsverige");
    let names = [
        "region",
        "fund",
        "period",
        "area",
        "objective",
        "phase",
        "municipality",
        "org",
    ];
    let kept: Vec<Value> = names.iter().map(|f| facet(&cli, f)).collect();
    sql(&db, "DELETE FROM search_index");
    let counted: Vec<Value> = names.iter().map(|f| facet(&cli, f)).collect();
    assert_eq!(kept, counted);
}

/// The weights of related projects use the number of projects: kept by
/// the import, it gives the same scores as counting them.
#[test]
fn the_project_count_kept_by_the_import_gives_the_same_related_scores() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus/000_3baf275082b782be.txt"]);
    import(&cli, &["assets/corpus"]);
    let kept = json(&cli, &["related", "2015/00730", "--json"]);
    assert!(!kept.as_array().unwrap().is_empty());
    sql(
        &db,
        "UPDATE facet_counts SET projects = 1000 WHERE facet = 'projects'",
    );
    let wrong = json(&cli, &["related", "2015/00730", "--json"]);
    assert_ne!(kept, wrong, "the kept count is the one used");
    import(&cli, &["assets/corpus"]);
    assert_eq!(
        json(&cli, &["related", "2015/00730", "--json"]),
        wrong,
        "unchanged: kept as it is"
    );
    sql(&db, "DELETE FROM facet_counts");
    let counted = json(&cli, &["related", "2015/00730", "--json"]);
    assert_eq!(kept, counted);
    sql(&db, "UPDATE search_index SET import = import - 1");
    assert_eq!(
        json(&cli, &["related", "2015/00730", "--json"]),
        counted,
        "stale: counted"
    );
}

/// The `text` reasons of each project `list --filter Q --json` gives.
fn text_reasons(list: &Value) -> Vec<(String, Vec<Value>)> {
    let list = list.as_array().expect("an array");
    let texts = |p: &Value| -> Vec<Value> {
        let matched = p["matched"].as_array().unwrap().iter();
        matched.filter(|r| r["field"] == "text").cloned().collect()
    };
    let key = |p: &Value| p["key"].as_str().unwrap().to_string();
    list.iter().map(|p| (key(p), texts(p))).collect()
}

/// Whether a reason is the words around "arbete" in a text.
fn is_snippet(reason: &Value) -> bool {
    let text = reason["text"].as_str().unwrap().to_lowercase();
    text != "arbete"
        && text.contains("arbet")
        && !reason["positions"].as_array().unwrap().is_empty()
}

#[test]
fn only_the_best_text_matches_get_their_words_around_unless_each_is_asked_for() {
    let cli = Cli::new();
    cli.ok(&["gen", "--count", "2500", "--seed", "7"]);
    let plain = text_reasons(&json(&cli, &["list", "--filter", "arbete", "--json"]));
    let args = ["list", "--filter", "arbete", "--json", "--snippets"];
    let every = text_reasons(&json(&cli, &args));
    let keys = |l: &[(String, Vec<Value>)]| l.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        keys(&plain),
        keys(&every),
        "the same projects in the same order"
    );
    let only_texts: Vec<&Vec<Value>> = plain
        .iter()
        .map(|p| &p.1)
        .filter(|r| !r.is_empty())
        .collect();
    assert!(only_texts.len() > 250, "{} texts", only_texts.len());
    for (n, reasons) in only_texts.iter().enumerate() {
        match n < 200 {
            true => assert!(is_snippet(&reasons[0]), "{n}: {reasons:?}"),
            false => assert_eq!(
                reasons[..],
                [serde_json::json!({"field": "text", "text": "arbete", "positions": []})],
                "{n}"
            ),
        }
    }
    let each_a_snippet = every.iter().flat_map(|p| &p.1).all(is_snippet);
    assert!(each_a_snippet, "--snippets: each the words around");
    let table = cli.ok(&["list", "--filter", "arbete"]);
    let named = table
        .lines()
        .filter(|l| l.ends_with("text: arbete"))
        .count();
    assert_eq!(named, only_texts.len() - 200, "the table as the JSON");
}

#[test]
fn the_rows_of_a_filtered_list_are_those_of_the_records_whether_the_index_gives_them_or_not() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    cli.ok(&["gen", "--count", "300", "--seed", "3"]);
    let queries = [
        "a",
        "inkl",
        "kommun",
        "arbete",
        "vellinge | göteborg",
        "2015",
    ];
    let from_index: Vec<String> = queries
        .iter()
        .map(|q| cli.answer(&["list", "--filter", q]))
        .collect();
    sql(&db, "DELETE FROM search_index");
    for (q, indexed) in queries.iter().zip(&from_index) {
        assert!(indexed.lines().count() > 2, "{q}: {indexed}");
        assert_eq!(&cli.answer(&["list", "--filter", q]), indexed, "{q}");
    }
}

/// The first column of a table `esf list` printed.
fn first_column(table: &str) -> Vec<String> {
    let rows = table.lines().skip(1);
    rows.map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_table_written_before_the_texts_are_searched_lists_what_the_json_lists_in_its_order() {
    let cli = Cli::new();
    cli.ok(&["gen", "--count", "1500", "--seed", "5"]);
    for q in [
        "arbete",
        "inkl",
        "göteborg | malmö",
        "arbete !inkl",
        "kommun",
        "arbetsträning",
    ] {
        let list = json(&cli, &["list", "--filter", q, "--json"]);
        let keys: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["key"].as_str().unwrap().to_string())
            .collect();
        assert!(keys.len() > 20, "{q}: {}", keys.len());
        assert_eq!(
            first_column(&cli.answer(&["list", "--filter", q])),
            keys,
            "{q}"
        );
    }
}

#[test]
fn an_index_of_an_older_layout_is_made_anew_by_the_next_import_changed_or_not() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    let version = |db: &Path| -> Vec<u8> {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("SELECT substr(data, 1, 8) FROM search_index", [], |r| {
            r.get(0)
        })
        .unwrap()
    };
    assert_eq!(version(&db), b"esfidx04");
    sql(
        &db,
        "UPDATE search_index SET data = CAST('esfidx03' AS BLOB)",
    );
    assert_eq!(
        listed(&cli, "försäkringskassan"),
        KASSAN,
        "searched without it"
    );
    import(&cli, &["assets/corpus"]);
    assert_eq!(version(&db), b"esfidx04", "made anew");
    assert_eq!(listed(&cli, "försäkringskassan"), KASSAN);
}

#[test]
fn an_unknown_id_is_answered_with_the_keys_and_names_it_looks_like() {
    let cli = Cli::new();
    let db = cache(&cli);
    import(&cli, &["assets/corpus"]);
    let cases = [
        ("2051/00730", "2015/00730 effektbutiken"),
        ("2015/00703", "2015/00730 effektbutiken"),
        ("22-002-s70", "22-002-S07 Nya Vägar i Vellinge +"),
        ("X-552C407C91", "x-552c407c19 Inkluderande rehabilitering"),
        ("nya vägar", "22-002-S07 Nya Vägar i Vellinge +"),
        ("effektbutik", "2015/00730 effektbutiken"),
    ];
    for round in ["stored", "missing"] {
        for (typed, meant) in cases {
            let out = cli.run(&["show", typed]);
            assert_eq!(out.status.code(), Some(1), "{round} {typed}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!("esf: no project with ID \"{typed}\"; did you mean: {meant}?\n"),
                "{round}"
            );
        }
        let out = cli.run(&["show", "vellinge 9"]);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "esf: no project with ID \"vellinge 9\"\n",
            "{round}: nothing alike"
        );
        sql(&db, "DELETE FROM search_index");
    }
}

#[test]
fn rows_after_the_first_made_a_chunk_at_a_time_are_those_made_one_by_one() {
    let cli = Cli::new();
    let db = cache(&cli);
    cli.ok(&["gen", "--count", "5000", "--seed", "3"]);
    // Rows the index cannot give (a start date of a year only, no name)
    // are read from the cache in their places.
    sql(
        &db,
        "UPDATE projects SET start_date = substr(start_date, 1, 4) WHERE rowid_ % 40 = 0;
         UPDATE projects SET name = NULL WHERE rowid_ % 97 = 0;
         DELETE FROM search_index;",
    );
    cli.ok(&["gen", "--count", "1", "--seed", "9"]);
    let queries: [&[&str]; 5] = [
        &["arbete"],
        &["arbete", "--snippets"],
        &["kommun | arbete"],
        &["stöd -kommun"],
        &["owner:kommun arbete"],
    ];
    let list = |q: &[&str]| cli.answer(&[&["list", "--filter"], q].concat());
    let from_index: Vec<String> = queries.iter().map(|q| list(q)).collect();
    let year_only = |l: &&str| (2000..2040).any(|y| l.contains(&format!("  {y} – ")));
    let late = from_index[0].lines().skip(600).filter(year_only).count();
    assert!(
        late > 10,
        "rows read from the cache after the first: {late}"
    );
    let only_texts = from_index[0].lines().skip(600);
    assert!(only_texts.filter(|l| l.ends_with("text: arbete")).count() > 10);
    // Without the index, each row is made as the first ones are.
    sql(&db, "DELETE FROM search_index");
    for (q, indexed) in queries.iter().zip(&from_index) {
        assert!(indexed.lines().count() > 1000, "{q:?}");
        assert_eq!(&list(q), indexed, "{q:?}");
    }
}
