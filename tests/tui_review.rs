//! The browser as a working tool: notes, bookmarks and review states,
//! facets, and exports, driven by keys on the sample corpus.

mod common;

use common::{key, sample_app, screen, type_text};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use esf_browser::model::ReviewState;
use esf_browser::tui::app::App;
use esf_browser::tui::keymap::Context;

/// Selects the project whose name starts with `name`.
fn select(app: &mut App, name: &str) -> String {
    for _ in 0..app.state.list.rows.len() {
        let index = app.state.list.rows[app.state.list.selection.index];
        let p = &app.state.catalogue.projects.get(index);
        if p.name.as_deref().is_some_and(|n| n.starts_with(name)) {
            return p.key.clone();
        }
        app.handle(key(KeyCode::Char('j')));
    }
    panic!("no project called {name}");
}

#[test]
fn bookmark_review_and_note_are_kept_and_marked_in_the_list() {
    let mut app = sample_app(140, 40);
    let key_of = select(&mut app, "effektbutiken");
    app.handle(key(KeyCode::Char('b')));
    app.handle(key(KeyCode::Char('r')));
    app.handle(key(KeyCode::Char('r')));
    let a = app.state.annotations.get(&key_of).unwrap();
    assert!(a.bookmarked);
    assert_eq!(a.review, ReviewState::Done);
    app.handle(key(KeyCode::Char('n')));
    assert_eq!(app.state.context(), Context::Note);
    type_text(&mut app, "Ring Anna");
    app.handle(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)));
    type_text(&mut app, "om budgeten");
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.context(), Context::Normal);
    assert_eq!(
        app.state.annotations.get(&key_of).unwrap().note,
        "Ring Anna\nom budgeten"
    );
    let shown = screen(&mut app);
    assert!(
        shown.contains("★✓✎  effektbutiken"),
        "every mark stays: {shown}"
    );
    assert!(
        shown.contains("Your notes") && shown.contains("om budgeten"),
        "{shown}"
    );
    app.handle(key(KeyCode::Char('n')));
    type_text(&mut app, " och mer");
    app.handle(key(KeyCode::Esc));
    assert_eq!(
        app.state.annotations.get(&key_of).unwrap().note,
        "Ring Anna\nom budgeten"
    );
}

#[test]
fn the_facet_picker_narrows_the_list_and_one_key_clears_it() {
    let mut app = sample_app(100, 30);
    app.handle(key(KeyCode::Char('f')));
    app.handle(key(KeyCode::Enter)); // Region
    let shown = screen(&mut app);
    assert!(shown.contains("4  Västsverige"), "{shown}");
    assert!(shown.contains("1  Sydsverige"), "{shown}");
    type_text(&mut app, "syd");
    app.handle(key(KeyCode::Down));
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.list.rows.len(), 1);
    assert!(screen(&mut app).contains("Region: Sydsverige"));
    app.handle(key(KeyCode::Char('F')));
    assert_eq!(app.state.list.rows.len(), 5);
}

#[test]
fn active_during_combines_with_the_fuzzy_filter() {
    let mut app = sample_app(100, 30);
    app.handle(key(KeyCode::Char('f')));
    for _ in 0..10 {
        app.handle(key(KeyCode::Char('j')));
    }
    app.handle(key(KeyCode::Enter));
    type_text(&mut app, "2022..2023");
    app.handle(key(KeyCode::Enter));
    let active: Vec<usize> = app.state.list.rows.clone();
    assert_eq!(active.len(), 2, "Arbetsliv och hälsa Nordost, Nya Vägar");
    // The Hisingen article gives no dates: whether it ran then cannot be
    // said, and the status bar says it was left out.
    let shown = screen(&mut app);
    assert!(
        shown.contains("Active during: 2022..2023 (1 without a start date left out)"),
        "{shown}"
    );
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "Arbetsliv och");
    app.handle(key(KeyCode::Enter));
    // Both are active then: Arbetsliv has the words in its name, Nya
    // Vägar in its text ("en del av arbetslivet och …").
    let mut rows = app.state.list.rows.clone();
    rows.sort();
    let mut expected = active.clone();
    expected.sort();
    assert_eq!(rows, expected);
    let first = &app.state.catalogue.projects.get(app.state.list.rows[0]);
    assert_eq!(first.key, "2020/00551", "the best match first");
}

#[test]
fn the_bookmarked_facet_counts_from_the_notes() {
    let mut app = sample_app(100, 30);
    select(&mut app, "Nya Vägar");
    app.handle(key(KeyCode::Char('b')));
    app.handle(key(KeyCode::Char('f')));
    for _ in 0..8 {
        app.handle(key(KeyCode::Char('j')));
    }
    app.handle(key(KeyCode::Enter)); // Bookmarks
    let shown = screen(&mut app);
    assert!(
        shown.contains("1  bookmarked") && shown.contains("4  not bookmarked"),
        "{shown}"
    );
    // What is typed is what Enter takes: the value starting with it.
    type_text(&mut app, "bookmarked");
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.list.rows.len(), 1);
}

#[test]
fn e_writes_the_filtered_list_with_notes_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(100, 30);
    app.state.export_dir = dir.path().to_path_buf();
    select(&mut app, "effektbutiken");
    app.handle(key(KeyCode::Char('n')));
    type_text(&mut app, "viktig");
    app.handle(key(KeyCode::Enter));
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "effektbutiken");
    app.handle(key(KeyCode::Enter));
    app.handle(key(KeyCode::Char('e')));
    app.handle(key(KeyCode::Char('n')));
    app.handle(key(KeyCode::Char('j')));
    // The name prompt opens on a default in the export folder: accepted.
    app.handle(key(KeyCode::Enter));
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    let path = files[0].as_ref().unwrap().path();
    let said = app.state.status.text().unwrap_or_default();
    let listed = app.state.list.rows.len();
    assert!(listed < 5, "the filter narrowed the list");
    assert!(said.contains(&format!("wrote {listed} projects")), "{said}");
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(records.len(), listed);
    assert_eq!(records[0]["key"], "2015/00730", "in the list's order");
    assert_eq!(records[0]["your_notes"]["note"], "viktig");
    assert!(
        records.iter().all(|r| r["contact_name"].is_null()),
        "no contact persons"
    );
}

#[test]
fn changed_projects_are_marked_until_opened() {
    use esf_browser::model::{Change, ChangeKind};
    let mut app = sample_app(100, 30);
    let change = |key: &str, kind| Change {
        key: key.into(),
        kind,
        import_id: 2,
        name: None,
        fields: Vec::new(),
    };
    app.state.set_changes(
        "cache".into(),
        vec![
            change("2015/00730", ChangeKind::New),
            change("2020/00551", ChangeKind::Changed),
        ],
    );
    let shown = screen(&mut app);
    assert!(shown.contains("  + effektbutiken"), "{shown}");
    assert!(shown.contains("  ~ Arbetsliv och hälsa Nordost"), "{shown}");
    select(&mut app, "effektbutiken");
    app.handle(key(KeyCode::Enter));
    assert!(!app.state.changes.contains_key("2015/00730"));
    assert!(
        app.state.changes.contains_key("2020/00551"),
        "only the one opened"
    );
    app.handle(key(KeyCode::Esc));
    assert!(!screen(&mut app).contains("  + effektbutiken"));
}

#[test]
fn the_stats_follow_the_filter_and_facets() {
    let mut app = sample_app(120, 40);
    app.handle(key(KeyCode::Char('S')));
    let all = app.state.screen.stats().unwrap().stats.clone();
    assert_eq!(all.projects, 5);
    // Start years from the documents: 2014, 2016, 2021, 2023, the years
    // between with none; the article project has no dates.
    let years: Vec<(i32, usize)> = (2014..=2023)
        .map(|y| (y, usize::from(matches!(y, 2014 | 2016 | 2021 | 2023))))
        .collect();
    assert_eq!(all.per_year, years);
    assert_eq!((all.undated, all.off_timeline), (1, 1));
    assert_eq!(all.timeline.len(), 4);
    // Most connected: Arbetsförmedlingen in three (named by two, ten of its
    // offices in the pre-study), its offices counted for it, never beside
    // it, and no kind of actor (socialtjänsten, samordningsförbund).
    assert_eq!(all.top_orgs[0], ("Arbetsförmedlingen".to_string(), 3));
    let names: Vec<&str> = all.top_orgs.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.starts_with("Arbetsförmedlingen ")),
        "{names:?}"
    );
    assert!(!names.contains(&"Socialtjänsten") && !names.contains(&"Samordningsförbund"));
    let regions: Vec<&str> = all.per_region.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(
        regions,
        ["Västsverige", "Sydsverige"],
        "largest budget first"
    );
    app.handle(key(KeyCode::Char('f')));
    app.handle(key(KeyCode::Enter));
    type_text(&mut app, "syd");
    app.handle(key(KeyCode::Down));
    app.handle(key(KeyCode::Enter));
    let syd = &app.state.screen.stats().unwrap().stats;
    assert_eq!(syd.projects, 1);
    assert_eq!(syd.per_year, [(2023, 1)]);
    assert!(screen(&mut app).contains("Timeline (1"));
    app.handle(key(KeyCode::Esc));
    assert!(app.state.screen.stats().is_none(), "back to the list");
}

#[test]
fn notes_of_projects_gone_from_the_cache_are_counted_when_the_list_is_in() {
    use esf_browser::import::{ImportOptions, Input};
    use esf_browser::store::{Notes, Store};
    use esf_browser::tui::review::Reviews;
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    for name in ["000_3baf275082b782be.txt", "002_b2246aa585e43b84.txt"] {
        std::fs::copy(corpus.join(name), docs.join(name)).unwrap();
    }
    let mut store = Store::open(&dir.path().join("cache.sqlite")).unwrap().store;
    let import = |store: &mut Store| {
        let options = ImportOptions {
            prune: true,
            ..Default::default()
        };
        let inputs = Input::from_paths(std::slice::from_ref(&docs));
        esf_browser::import::import(store, &inputs, &options, &mut |_, _| {}).unwrap();
    };
    import(&mut store);
    // effektbutiken leaves this cache; 2019/99999 was never in it (a
    // note of another cache's project is not lost).
    std::fs::remove_file(docs.join("000_3baf275082b782be.txt")).unwrap();
    import(&mut store);
    let mut notes = Notes::in_memory().unwrap();
    notes
        .update("2015/00730", None, |a| a.bookmarked = true)
        .unwrap();
    notes
        .update("2019/99999", None, |a| a.note = "elsewhere".into())
        .unwrap();
    let mut app = App::starting(store, Default::default()).unwrap();
    app.set_reviews(Reviews::over(notes));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while {
        app.receive();
        app.state.is_loading()
    } {
        assert!(std::time::Instant::now() < deadline, "the list never came");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let said = app.state.status.text().unwrap_or_default();
    assert!(said.starts_with("1 of your notes"), "{said}");
}
