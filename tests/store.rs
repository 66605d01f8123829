//! The cache on temporary databases: import, re-import, changes, prune,
//! duplicates, damage, concurrency and migration. Expected counts are
//! written by hand from the sample documents.

use esf_browser::import::{ImportOptions, Input};
use esf_browser::model::ImportReport;
use esf_browser::store::{schema, sources, Store};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

/// A temporary folder with copies of the five sample documents.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn open(db: &Path) -> Store {
    Store::open(db).unwrap().store
}

fn import(store: &mut Store, paths: &[PathBuf], options: ImportOptions) -> ImportReport {
    esf_browser::import::import(store, &Input::from_paths(paths), &options, &mut |_, _| {}).unwrap()
}

fn touch_later(path: &Path, seconds: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    let later = SystemTime::now() + Duration::from_secs(seconds);
    file.set_modified(later).unwrap();
}

#[test]
fn importing_the_seeds_gives_five_projects() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    let r = import(&mut store, &[corpus()], ImportOptions::default());
    assert_eq!((r.seen, r.new, r.updated, r.unchanged), (5, 5, 0, 0));
    assert_eq!((r.unclassified, r.skipped, r.removed), (0, 0, 0));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // Four records plus the project the article's side panel names.
    assert_eq!(r.projects, 5);
    let keys: Vec<String> = store
        .summaries()
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    for id in ["2015/00730", "2020/00551", "22-002-S07"] {
        assert!(keys.contains(&id.to_string()), "{id}");
    }
}

#[test]
fn the_two_inkluderande_rehabilitering_stay_apart_and_the_article_finds_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    import(&mut store, &[corpus()], ImportOptions::default());
    let named: Vec<_> = store
        .summaries()
        .unwrap()
        .into_iter()
        .filter(|s| s.name.as_deref() == Some("Inkluderande rehabilitering"))
        .collect();
    assert_eq!(named.len(), 2);
    for summary in named {
        let p = store.project(&summary.key).unwrap();
        let hisingen = p.project.owner.as_deref() == Some("Samordningsförbundet Hisingen");
        let titles: Vec<&str> = p.articles.iter().map(|a| a.title.as_str()).collect();
        if hisingen {
            assert_eq!(
                titles,
                vec!["Framgångsrik västsvensk samordning för arbetslivsinriktad rehabilitering"]
            );
        } else {
            assert!(titles.is_empty(), "the 2014 pre-study has no article");
            assert_eq!(p.project.start_date.as_deref(), Some("2014-01-02"));
        }
    }
}

#[test]
fn reimporting_unchanged_files_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let mut store = open(&db);
    import(&mut store, &[corpus()], ImportOptions::default());
    let before = stamps(&db);
    std::thread::sleep(Duration::from_millis(1100));
    let r = import(&mut store, &[corpus()], ImportOptions::default());
    assert_eq!((r.seen, r.new, r.updated, r.unchanged), (5, 0, 0, 5));
    assert_eq!(stamps(&db), before, "no document row was written again");
}

/// (path, imported_at) of every document, read straight from the file.
fn stamps(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT path, imported_at FROM documents ORDER BY path")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn a_changed_file_changes_its_project() {
    let corpus = corpus_copy();
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    let file = corpus.path().join("000_3baf275082b782be.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("8 866 642", "9 000 000")
            .replace("\neffektbutiken\n", "\nEffektbutiken 2.0\n"),
    )
    .unwrap();
    let r = import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    assert_eq!((r.updated, r.unchanged, r.new), (1, 4, 0));
    let p = store.project("2015/00730").unwrap().project;
    assert_eq!(p.total_budget_sek, Some(9_000_000));
    assert_eq!(p.name.as_deref(), Some("Effektbutiken 2.0"));
    assert_eq!(store.search("Effektbutiken", 10).unwrap().len(), 1);
    assert_eq!(store.project_count().unwrap(), 5);
}

#[test]
fn prune_removes_projects_whose_files_are_gone() {
    let corpus = corpus_copy();
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    std::fs::remove_file(corpus.path().join("002_b2246aa585e43b84.txt")).unwrap();
    let kept = import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    assert_eq!(
        (kept.removed, kept.projects),
        (0, 5),
        "without --prune nothing goes"
    );
    let options = ImportOptions {
        prune: true,
        ..Default::default()
    };
    let pruned = import(&mut store, &[corpus.path().to_path_buf()], options);
    assert_eq!((pruned.removed, pruned.projects), (1, 4));
    assert!(store.project("22-002-S07").is_err());
    assert!(
        store.search("Vellinge", 10).unwrap().is_empty(),
        "gone from the full-text index too"
    );
}

#[test]
fn the_same_diarienummer_twice_gives_one_project_and_the_newer_file_wins() {
    let corpus = corpus_copy();
    let copy = corpus.path().join("zz_effektbutiken_rev2.txt");
    let text = std::fs::read_to_string(corpus.path().join("000_3baf275082b782be.txt")).unwrap();
    std::fs::write(&copy, text.replace("8 866 642", "8 900 000")).unwrap();
    touch_later(&copy, 3600);
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    let r = import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    assert_eq!((r.new, r.projects), (6, 5));
    let warning = r
        .warnings
        .iter()
        .find(|w| w.contains("2015/00730"))
        .expect("a warning");
    assert!(
        warning.contains("zz_effektbutiken_rev2.txt")
            && warning.contains("000_3baf275082b782be.txt")
    );
    let p = store.project("2015/00730").unwrap();
    assert_eq!(p.project.total_budget_sek, Some(8_900_000));
    assert_eq!(p.sources.len(), 2);
}

#[test]
fn rebuild_starts_from_an_empty_cache() {
    let corpus = corpus_copy();
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    let one = corpus.path().join("001_fa7e1b871c6b631c.txt");
    let options = ImportOptions {
        replace: true,
        ..Default::default()
    };
    let r = import(&mut store, std::slice::from_ref(&one), options);
    assert_eq!((r.new, r.projects), (1, 1));
}

#[test]
fn a_rebuild_reads_everything_again_and_reports_what_changed() {
    let corpus = corpus_copy();
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    let all = [corpus.path().to_path_buf()];
    import(&mut store, &all, ImportOptions::default());
    let edited = corpus.path().join("001_fa7e1b871c6b631c.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        text.replace(
            "Arbetsliv och hälsa Nordost",
            "Arbetsliv och hälsa i Nordost",
        ),
    )
    .unwrap();
    std::fs::remove_file(corpus.path().join("000_3baf275082b782be.txt")).unwrap();
    let options = ImportOptions {
        rebuild: true,
        ..Default::default()
    };
    let r = import(&mut store, &all, options);
    assert_eq!((r.new, r.updated, r.unchanged, r.removed), (0, 1, 3, 1));
    assert_eq!(r.projects, 4);
    let changes = store.changes().unwrap();
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.key.as_str(), c.kind.as_str()))
        .collect();
    assert!(kinds.contains(&("2015/00730", "removed")), "{kinds:?}");
    assert_eq!(kinds.len(), 2, "one changed, one removed: {kinds:?}");
}

#[test]
fn a_damaged_cache_is_rebuilt_from_the_recorded_sources() {
    let corpus = corpus_copy();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    {
        let mut store = open(&db);
        import(
            &mut store,
            &[corpus.path().to_path_buf()],
            ImportOptions::default(),
        );
        sources::record(&db, &[sources::absolute(corpus.path())]).unwrap();
    }
    let _ = std::fs::remove_file(dir.path().join("c.sqlite-wal"));
    std::fs::write(&db, b"this is not a database at all, just some text").unwrap();
    let (store, notice) = esf_browser::import::open(&db).unwrap();
    let notice = notice.expect("says it rebuilt");
    assert!(
        notice.contains("rebuilt") && notice.contains("1 recorded source"),
        "{notice}"
    );
    assert_eq!(store.project_count().unwrap(), 5);
    assert!(
        dir.path().join("c.sqlite.damaged").exists(),
        "the damaged file is kept aside"
    );
}

#[test]
fn a_foreign_sqlite_file_is_not_taken_for_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("CREATE TABLE cats (name TEXT); INSERT INTO cats VALUES ('Måns');")
        .unwrap();
    drop(conn);
    sources::record(&db, &[sources::SAMPLE.to_string()]).unwrap();
    let (store, notice) = esf_browser::import::open(&db).unwrap();
    assert!(notice.unwrap().contains("not an esf-browser cache"));
    assert_eq!(
        store.project_count().unwrap(),
        5,
        "sample re-imported from the list"
    );
}

#[test]
fn an_importer_and_a_reader_at_the_same_time_both_succeed() {
    let many = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(corpus().join("000_3baf275082b782be.txt")).unwrap();
    for i in 0..400 {
        let id = format!("2016/{i:05}");
        let text = seed.replace("2015/00730", &id);
        std::fs::write(many.path().join(format!("p{i:04}.txt")), text).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let mut first = open(&db);
    import(
        &mut first,
        &[corpus().to_path_buf()],
        ImportOptions::default(),
    );
    let folder = many.path().to_path_buf();
    let db2 = db.clone();
    let importer = std::thread::spawn(move || {
        let mut store = open(&db2);
        import(&mut store, &[folder], ImportOptions::default())
    });
    let reader = open(&db);
    let mut reads = 0;
    while !importer.is_finished() {
        let n = reader.summaries().expect("reading during an import").len();
        assert!(n == 5 || n == 405, "never half an import: {n}");
        reads += 1;
    }
    let report = importer.join().unwrap();
    assert_eq!(report.projects, 405);
    assert!(reads > 0);
    assert_eq!(reader.project_count().unwrap(), 405);
}

#[test]
fn a_cache_of_the_previous_schema_is_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        schema::migrate_to(&mut conn, schema::LATEST - 1).unwrap();
        conn.execute(
            "INSERT INTO documents (path, content_hash, format, size, imported_at)
             VALUES ('/old/doc.txt', 'abc', 'unknown', 3, 0)",
            [],
        )
        .unwrap();
    }
    let opened = Store::open(&db).unwrap();
    assert!(opened.rebuild.is_none(), "migrated, not rebuilt");
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::LATEST);
    assert!(
        !opened.store.never_imported().unwrap(),
        "documents from before are still there"
    );
}

#[test]
fn search_orgs_and_unclassified() {
    let corpus = corpus_copy();
    std::fs::write(
        corpus.path().join("memo.txt"),
        "Minnesanteckningar\n\nVi träffades i tisdags.\n",
    )
    .unwrap();
    std::fs::write(corpus.path().join("empty.txt"), "").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("c.sqlite"));
    let r = import(
        &mut store,
        &[corpus.path().to_path_buf()],
        ImportOptions::default(),
    );
    assert_eq!((r.seen, r.new, r.unclassified, r.skipped), (7, 6, 1, 1));
    assert!(r.skipped_files[0].path.ends_with("empty.txt"));
    assert_eq!(r.skipped_files[0].reason, "empty file");
    let memo = store.unclassified().unwrap();
    assert_eq!(memo[0].title.as_deref(), Some("Minnesanteckningar"));
    // A word from a description, diacritics ignored.
    let hits = store.search("vardagsbalans", 10).unwrap();
    assert_eq!(hits.len(), 1, "the article's text belongs to its project");
    assert_eq!(
        hits[0].owner.as_deref(),
        Some("Samordningsförbundet Hisingen")
    );
    // effektbutiken (owner), Arbetsliv och hälsa Nordost (text), and the
    // pre-study (partner "Göteborgs Stad Centrum").
    assert_eq!(store.search("goteborgs stad", 10).unwrap().len(), 3);
    let orgs = store.organisations().unwrap();
    let count = |name: &str| orgs.iter().find(|o| o.name == name).map(|o| o.projects);
    assert_eq!(
        count("Arbetsförmedlingen"),
        Some(3),
        "effektbutiken and Nya Vägar mention it; the pre-study has ten of its offices"
    );
    assert_eq!(count("Försäkringskassan"), Some(2));
    // effektbutiken (owner), Arbetsliv och hälsa Nordost (mentioned), and the
    // pre-study, whose Kommun list names Göteborg.
    assert_eq!(count("Göteborgs Stad"), Some(3));
    assert_eq!(
        count("Tjörns kommun"),
        Some(1),
        "a municipality from a Kommun list"
    );
    assert_eq!(
        count("Samordningsförbund"),
        None,
        "a kind of actor links no project"
    );
    let af = orgs
        .iter()
        .find(|o| o.name == "Arbetsförmedlingen Angered")
        .unwrap();
    assert_eq!(
        (af.parent.as_deref(), af.kind.as_str()),
        (Some("Arbetsförmedlingen"), "unit")
    );
}

#[test]
fn a_rebuild_of_unchanged_duplicates_records_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seed = std::fs::read(corpus().join("000_3baf275082b782be.txt")).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(docs.join(name), &seed).unwrap();
    }
    let mut store = open(&dir.path().join("c.sqlite"));
    import(
        &mut store,
        std::slice::from_ref(&docs),
        ImportOptions::default(),
    );
    let options = ImportOptions {
        rebuild: true,
        ..Default::default()
    };
    let r = import(&mut store, &[docs], options);
    assert_eq!((r.unchanged, r.projects), (3, 1));
    assert!(store.changes().unwrap().is_empty(), "{:?}", store.changes());
}
