//! What a caseworker meets on the first day: exit statuses, long
//! arguments, errors in words, a dumb terminal, Swedish messages and the
//! CSV Swedish Excel opens.

mod common;

use common::Cli;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn nothing_found_reads_the_same_in_every_command() {
    let cli = Cli::new();
    cli.ok(&["list"]);
    // The sample has no calls and no pages about projects, and nothing
    // changed since it was made.
    for args in [
        &["list", "--filter", "qxzjvq"][..],
        &["orgs", "--filter", "qxzjvq"],
        &["calls"],
        &["linked"],
        &["changes"],
        &["graph", "qxzjvq"],
        &["related", "2015/99999"],
        &["search", "qxzjvq"],
    ] {
        let out = cli.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).starts_with("esf: "),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?}: nothing but the line");
        let mut json = args.to_vec();
        json.push("--json");
        let out = cli.run(&json);
        assert_eq!(out.status.code(), Some(1), "{json:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "[]",
            "{json:?}"
        );
    }
}

#[test]
fn nothing_found_is_1_and_an_error_is_2() {
    let cli = Cli::new();
    cli.ok(&["list"]);
    for args in [
        &["show", "2015/99999"][..],
        &["list", "--filter", "qxzjvq"],
        &["list", "--filter", "qxzjvq", "--json"],
        &["list", "--region", "Västsverige", "--filter", "qxzjvq"],
        &["search", "qxzjvq"],
        &["search", "qxzjvq", "--json"],
        &["orgs", "--filter", "qxzjvq"],
        &["graph", "qxzjvq"],
        &["related", "2015/99999"],
    ] {
        let out = cli.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    }
    let empty_json = cli.run(&["list", "--filter", "qxzjvq", "--json"]);
    assert_eq!(String::from_utf8_lossy(&empty_json.stdout).trim(), "[]");
    for args in [
        &["show"][..],
        &["list", "--bogus"],
        &["list", "--active", "soon"],
    ] {
        assert_eq!(cli.run(args).status.code(), Some(2), "{args:?}");
    }
    let folder = cli.dir.path().to_str().unwrap();
    let out = cli.run(&["--db", folder, "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is a folder, not a file"),
        "{}",
        stderr(&out)
    );
    for args in [
        &["show", "2015/00730"][..],
        &["list", "--filter", "inkl"],
        &["search", "IPS"],
    ] {
        assert_eq!(cli.run(args).status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn a_long_argument_is_quoted_by_one_short_line() {
    let cli = Cli::new();
    cli.ok(&["list"]);
    let long = format!("{}\nsecond line", "x".repeat(100_000));
    for command in [
        &["show"][..],
        &["list", "--filter"],
        &["search"],
        &["graph"],
    ] {
        let mut args = command.to_vec();
        args.push(&long);
        let said = stderr(&cli.run(&args));
        let shown: String = said.chars().take(300).collect();
        assert_eq!(said.lines().count(), 1, "{command:?}: {shown}");
        assert!(said.len() < 300, "{command:?}: {shown}");
        assert!(!said.contains("second line"), "{command:?}");
    }
}

#[test]
fn a_journal_sqlite_cannot_create_is_said_once_in_words() {
    let cli = Cli::new();
    cli.ok(&["list"]);
    let db = cli.dir.path().join("cache.sqlite");
    let wal = cli.dir.path().join("cache.sqlite-wal");
    let _ = std::fs::remove_file(&wal);
    std::fs::create_dir(&wal).unwrap();
    let out = common::esf_over(&db, &cli.dir.path().join("notes.sqlite"))
        .arg("list")
        .output()
        .unwrap();
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(!said.contains("Error code"), "{said}");
    assert_eq!(
        said.matches("cannot").count(),
        2,
        "once for us, once in words: {said}"
    );
    assert!(said.contains("is it a folder"), "{said}");
}

#[test]
fn an_empty_esf_db_means_the_default_cache() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_esf"))
        .args(["show", "2015/00730"])
        .env("ESF_DB", "")
        .env("ESF_NOTES", "")
        .env("ESF_LANG", "en")
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(home.path().join("cache/esf-browser/cache.sqlite").exists());
}

#[test]
fn a_dumb_terminal_gets_no_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let mut s = common::pty::start(&db, &[("TERM", "dumb")]);
    let status = common::pty::wait_exit(&mut *s.child);
    assert_eq!(status.exit_code(), 0);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let raw = s.screen.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("effektbutiken"), "the list instead: {text}");
    assert!(!raw.contains(&0x1b), "an escape code: {text:?}");
    drop(s.keys);
}

#[test]
fn messages_are_swedish_with_lang_sv() {
    let cli = Cli::new();
    cli.ok(&["list"]);
    let sv = |args: &[&str]| {
        let mut all = vec!["--lang", "sv"];
        all.extend(args);
        let out = cli.run(&all);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (text, stderr(&out))
    };
    let (_, said) = sv(&["show", "2015/00731"]);
    assert!(
        said.contains("inget projekt med ID \"2015/00731\"; menade du"),
        "{said}"
    );
    let (_, said) = sv(&["list", "--filter", "qxzjvq"]);
    assert!(said.contains("inget projekt matchar"), "{said}");
    let (_, said) = sv(&["list", "--region", "Mars"]);
    assert!(said.contains("inget projekt har region \"Mars\""), "{said}");
    let (orgs, _) = sv(&["orgs"]);
    assert!(
        orgs.contains("myndighet") && orgs.contains("nämnd"),
        "{orgs}"
    );
    assert!(
        !orgs.contains("agency") && !orgs.contains("mentioned"),
        "{orgs}"
    );
    let (graph, _) = sv(&["graph", "2015/00730"]);
    assert!(
        graph.contains("ägare") && graph.contains("3 projekt"),
        "{graph}"
    );
    let (related, _) = sv(&["related", "2015/00730"]);
    assert!(
        related.starts_with("POÄNG") && related.contains("GEMENSAMT"),
        "{related}"
    );
    let (show, _) = sv(&["show", "2015/00730"]);
    assert!(
        show.contains("\nBeskrivning\n") && show.contains("Källa:"),
        "{show}"
    );
    cli.ok(&["import", "assets/corpus"]);
    let (report, _) = sv(&["import", "assets/corpus"]);
    assert!(
        report.contains("lästa 5, nya 0") && report.contains("oförändrade 5"),
        "{report}"
    );
    let (json, _) = sv(&["import", "assets/corpus", "--json"]);
    assert!(json.contains("\"unchanged\": 5"), "JSON keys stay: {json}");
}

#[test]
fn an_excel_csv_has_a_bom_semicolons_and_defused_formulas() {
    let cli = Cli::new();
    let csv = cli.ok(&["export", "--format", "csv", "--excel"]);
    assert!(csv.starts_with("\u{feff}key;id;name;"), "{csv:.80}");
    assert_eq!(csv.lines().count(), 6, "a header and five projects");
    assert!(csv.contains(";2015/00730;effektbutiken;"), "{csv}");
    let plain = cli.ok(&["export"]);
    assert!(plain.starts_with("key,id,name,"), "plain CSV as it was");
    let wrong = cli.run(&["export", "--format", "json", "--excel"]);
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn a_swedish_excel_csv_has_swedish_headings_and_a_plain_csv_keeps_the_keys() {
    let cli = Cli::new();
    let csv = cli.ok(&["--lang", "sv", "export", "--format", "csv", "--excel"]);
    assert!(
        csv.starts_with("\u{feff}nyckel;diarienummer;namn;projektägare;organisationsnummer;"),
        "{csv:.120}"
    );
    assert!(csv.contains("ESF-stöd (kr)"), "{csv:.400}");
    let plain = cli.ok(&["--lang", "sv", "export", "--format", "csv"]);
    assert!(
        plain.starts_with("key,id,name,"),
        "read back whatever the language"
    );
}

#[test]
fn a_diarienummer_is_shown_as_the_document_writes_it() {
    let cli = Cli::new();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let page = std::fs::read_to_string("assets/corpus/002_b2246aa585e43b84.txt").unwrap();
    std::fs::write(
        docs.join("vellinge.txt"),
        page.replace("22-002-S07", "22-002-s07"),
    )
    .unwrap();
    cli.ok(&["import", docs.to_str().unwrap()]);
    let listed = cli.ok(&["list"]);
    assert!(
        listed.contains("\n22-002-s07  Nya Vägar i Vellinge +"),
        "{listed}"
    );
    assert!(!listed.contains("22-002-S07"), "{listed}");
    let shown = cli.ok(&["show", "22-002-S07"]);
    assert!(
        shown.contains("22-002-s07") && !shown.contains("22-002-S07"),
        "{shown}"
    );
}

#[test]
fn x_in_the_browsers_export_prompt_writes_the_csv_swedish_excel_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.cwd(&out);
    let mut s = common::pty::start_command(cmd, &db, &[]);
    s.screen.wait_for("5/5 projects"); // every project in: exports wait for that
    use std::io::Write;
    s.keys.write_all(b"e").unwrap();
    s.screen.wait_for("x Excel");
    s.keys.write_all(b"x").unwrap();
    // The file prompt opens on a default name; the caseworker names one.
    s.screen.wait_for("esf-export-");
    s.keys.write_all(b"\x15").unwrap();
    let named = out.join("lista.csv");
    s.keys
        .write_all(named.to_str().unwrap().as_bytes())
        .unwrap();
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("wrote 5 projects");
    s.keys.write_all(b"q").unwrap();
    common::pty::wait_exit(&mut *s.child);
    let files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0], named);
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(csv.starts_with("\u{feff}key;id;name;"), "{csv:.60}");
}
