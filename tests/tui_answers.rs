//! The browser's overlaps, coverage and timeline screens and its dossier
//! key, over the hand-made records of `tests/fixtures/overlaps`,
//! `coverage` and `contacts` (see tests/overlaps.rs, coverage.rs and
//! timeline.rs for what each holds): the answers are known by hand.
//! Overlapping pairs: Göteborgs Stad's two units' Nordost i arbete and
//! Örgryte i arbete (182 days, area A, objective A2A, Göteborg), and
//! Stiftelsen Brobyggarna's Brobygget Norr and Syd (30 days, area A).
//! Near misses: Brobygget Väst starts the day after Syd ends; Kustlänken
//! and Kustvägen share only a partner or a mention; Stödet 108 and 109
//! are owned by "Samordningsförbundet" written alone.

mod common;

use common::{app_over, key, screen, store_of, type_text};
use crossterm::event::KeyCode;
use esf_browser::i18n::{self, Lang};
use esf_browser::import::Input;
use esf_browser::tui::app::{App, Pane, Screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn fixtures() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    ["overlaps", "coverage", "contacts"]
        .iter()
        .map(|d| root.join(d))
        .collect()
}

fn app(width: u16, height: u16) -> App {
    app_over(store_of(&Input::from_paths(&fixtures())), width, height)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle(key(KeyCode::Char(c)));
    }
}

/// The key of the project the list has selected.
fn selected(app: &App) -> String {
    app.state.selected_key().unwrap().to_string()
}

/// Filters the list (anew) and keeps the filter.
fn filter(app: &mut App, text: &str) {
    app.handle(key(KeyCode::Char('/')));
    app.handle(common::ctrl('u'));
    type_text(app, text);
    app.handle(key(KeyCode::Enter));
}

/// The keys the list marks as in a pair, sorted.
fn marked(app: &App) -> Vec<String> {
    let marks = app.state.overlapping.marks.clone().unwrap();
    let mut marked: Vec<String> = marks.iter().map(str::to_string).collect();
    marked.sort();
    marked
}

#[test]
fn the_list_marks_exactly_the_projects_in_a_pair() {
    let app = app(80, 24);
    assert_eq!(
        marked(&app),
        ["23-101-S01", "23-102-S01", "23-106-S01", "23-107-S01"]
    );
}

#[test]
fn a_browser_loading_in_the_background_marks_the_same_projects_once_every_one_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = esf_browser::store::Store::open(&dir.path().join("cache.sqlite"))
        .unwrap()
        .store;
    let input = Input::from_paths(&fixtures());
    esf_browser::import::import(&mut store, &input, &Default::default(), &mut |_, _| {}).unwrap();
    let mut app = App::starting(store, Default::default()).unwrap();
    app.handle(crossterm::event::Event::Resize(80, 24));
    assert!(app.state.is_loading());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.state.is_loading() || app.state.overlapping.marks.is_none() {
        assert!(std::time::Instant::now() < deadline, "nothing arrived");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.receive();
    }
    assert_eq!(
        marked(&app),
        ["23-101-S01", "23-102-S01", "23-106-S01", "23-107-S01"]
    );
}

#[test]
fn the_detail_names_the_other_project_and_what_they_share() {
    let mut app = app(120, 40);
    filter(&mut app, "brobygget norr");
    assert_eq!(selected(&app), "23-101-S01");
    let shown = screen(&mut app);
    assert!(
        shown.contains("⇄ Overlaps with: 1 project (below)"),
        "{shown}"
    );
    // The pair itself is named after the fields.
    let shown = detail_text(&app);
    let heading = shown.find("\n⇄ Overlaps with\n").expect(&shown);
    assert!(shown.find("\nIdentity\n").is_some_and(|at| at < heading));
    assert!(shown.contains("23-102-S01 Brobygget Syd"), "{shown}");
    assert!(
        shown.contains("days together: 30 (2023-12-02 – 2023-12-31)"),
        "{shown}"
    );
    assert!(shown.contains("shares: programme area A"), "{shown}");
    filter(&mut app, "brobygget väst");
    assert_eq!(selected(&app), "24-103-S01");
    assert!(
        !screen(&mut app).contains("Overlaps with"),
        "adjacent periods"
    );
}

/// Every line of the detail, however far down.
fn detail_text(app: &App) -> String {
    let lines = &app.state.detail.lines;
    let all: Vec<String> = (0..lines.len())
        .map(|i| lines.line(i).to_string())
        .collect();
    all.join("\n")
}

/// The pairs the overlaps screen shows: organisation, keys, days.
fn pairs(app: &App) -> Vec<(String, String, String, i64)> {
    let Screen::Overlaps(view) = &app.state.screen else {
        panic!("the overlaps screen is shown");
    };
    let side = |p: &esf_browser::overlaps::Pair, i: usize| p.projects[i].key.clone();
    view.found
        .pairs
        .iter()
        .map(|p| (p.organisation.clone(), side(p, 0), side(p, 1), p.days))
        .collect()
}

#[test]
fn the_overlaps_screen_lists_every_pair_and_opens_a_project() {
    let mut app = app(80, 24);
    press(&mut app, "O");
    let both = vec![
        (
            "Göteborgs Stad".into(),
            "23-106-S01".into(),
            "23-107-S01".into(),
            182,
        ),
        (
            "Stiftelsen Brobyggarna".into(),
            "23-101-S01".into(),
            "23-102-S01".into(),
            30,
        ),
    ];
    assert_eq!(pairs(&app), both);
    let shown = screen(&mut app);
    assert!(
        shown.contains("overlapping pairs: 2 · projects compared: 15"),
        "what it counts: {shown}"
    );
    press(&mut app, "jj");
    app.handle(key(KeyCode::Enter));
    assert!(app.state.screen.is_browse());
    assert_eq!(selected(&app), "23-101-S01");
    assert_eq!(app.state.list.focus, Pane::Detail);
}

#[test]
fn from_the_organisations_the_overlaps_are_that_organisations() {
    let mut app = app(80, 24);
    press(&mut app, "o");
    filter(&mut app, "brobyggarna");
    press(&mut app, "O");
    let one = vec![(
        "Stiftelsen Brobyggarna".into(),
        "23-101-S01".into(),
        "23-102-S01".into(),
        30,
    )];
    assert_eq!(pairs(&app), one);
    press(&mut app, "O");
    assert_eq!(pairs(&app).len(), 2, "every organisation's");
    press(&mut app, "O");
    assert_eq!(pairs(&app), one, "and back");
    app.handle(key(KeyCode::Esc));
    assert!(
        app.state.screen.orgs().is_some(),
        "back where it was opened"
    );
}

/// Moves the coverage cursor to the row of `municipality`.
fn to_row(app: &mut App, municipality: &str) {
    let Screen::Coverage(view) = &app.state.screen else {
        panic!("the coverage screen is shown");
    };
    let at = view
        .coverage
        .rows
        .iter()
        .position(|r| r.municipality == municipality)
        .unwrap();
    for _ in 0..at {
        press(app, "j");
    }
}

#[test]
fn a_coverage_cell_opens_as_the_list_of_its_projects() {
    let mut app = app(80, 24);
    press(&mut app, "C");
    let shown = screen(&mut app);
    assert!(
        shown.contains("Coverage · Sweden · programme area"),
        "{shown}"
    );
    press(&mut app, "aaaaa");
    let shown = screen(&mut app);
    assert!(shown.contains("Coverage · Sydsverige"), "{shown}");
    to_row(&mut app, "Karlshamn");
    press(&mut app, "l");
    let shown = screen(&mut app);
    assert!(
        shown.contains("Karlshamn × 2 ") && shown.contains(": 3 projects, ESF grant"),
        "the cell under the cursor: {shown}"
    );
    app.handle(key(KeyCode::Enter));
    assert!(app.state.screen.is_browse());
    let projects = &app.state.catalogue.projects;
    let mut listed: Vec<&str> = app
        .state
        .list
        .rows
        .iter()
        .map(|&i| projects.key(i))
        .collect();
    listed.sort();
    assert_eq!(listed, ["2015/90001", "2015/90002", "2015/90004"]);
}

#[test]
fn an_empty_cell_says_so_and_opens_nothing() {
    let mut app = app(80, 24);
    press(&mut app, "Caaaaa");
    to_row(&mut app, "Sölvesborg");
    let shown = screen(&mut app);
    assert!(shown.contains("Sölvesborg × 1 "), "{shown}");
    assert!(shown.contains(": no project"), "{shown}");
    app.handle(key(KeyCode::Enter));
    assert!(matches!(app.state.screen, Screen::Coverage(_)));
}

/// The keys of the timeline shown, in its order, and its gaps.
fn timeline(app: &App) -> (Vec<String>, Vec<(String, String, i64)>) {
    let Screen::Timeline(view) = &app.state.screen else {
        panic!("the timeline is shown");
    };
    let keys = view.rows().map(|b| b.key.clone()).collect();
    let gaps = view.timeline.gaps.iter();
    let gaps = gaps
        .map(|g| (g.from.clone(), g.to.clone(), g.days))
        .collect();
    (keys, gaps)
}

#[test]
fn an_organisations_timeline_shows_its_follow_ups_and_the_gap() {
    let mut app = app(80, 24);
    press(&mut app, "o");
    filter(&mut app, "ljusglimten");
    press(&mut app, "T");
    let (keys, gaps) = timeline(&app);
    assert_eq!(
        keys,
        ["2015/90001", "2015/90002", "23-900-S03", "2015/90004"],
        "by start, the undated last"
    );
    assert_eq!(
        gaps,
        [("2018-01-01".into(), "2019-02-28".into(), 424)],
        "nothing from 2018 to February 2019"
    );
    let shown = screen(&mut app);
    assert!(shown.contains("500 000 kr"), "each bar's grant: {shown}");
    assert!(
        shown.contains("1 without a start or an end date"),
        "{shown}"
    );
    press(&mut app, "G");
    app.handle(key(KeyCode::Enter));
    assert_eq!(selected(&app), "2015/90004");
}

#[test]
fn the_lists_timeline_is_its_projects() {
    let mut app = app(80, 24);
    filter(&mut app, "brobygget");
    press(&mut app, "T");
    let (keys, gaps) = timeline(&app);
    assert_eq!(keys, ["23-101-S01", "23-102-S01", "24-103-S01"]);
    assert!(gaps.is_empty(), "Väst starts the day after Syd ends");
}

#[test]
fn a_dossier_goes_to_a_new_file_and_has_contact_persons_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("esf-dossier-2016-00123.md");
    std::fs::write(&taken, "not esf's").unwrap();
    let mut app = app(120, 40);
    app.state.export_dir = dir.path().to_path_buf();
    filter(&mut app, "två kontakter");
    press(&mut app, "Df");
    let plain = dir.path().join("esf-dossier-2016-00123-2.md");
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(
        text.starts_with("# Dossier: 2016/00123 Två kontakter"),
        "{text}"
    );
    assert!(!text.contains("anna.forsta"), "no contact persons unasked");
    let said = screen(&mut app);
    let absolute = std::fs::canonicalize(&plain).unwrap();
    assert!(
        said.contains(&format!("dossier written to {}", absolute.display())),
        "{said}"
    );
    press(&mut app, "Dcf");
    let asked = dir.path().join("esf-dossier-2016-00123-3.md");
    let text = std::fs::read_to_string(asked).unwrap();
    assert!(text.contains("anna.forsta@vellinge.se"), "{text}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "not esf's");
}

#[test]
fn a_dossier_of_an_overlapping_project_names_the_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(80, 24);
    app.state.export_dir = dir.path().to_path_buf();
    filter(&mut app, "brobygget syd");
    press(&mut app, "Df");
    let text = std::fs::read_to_string(dir.path().join("esf-dossier-23-102-S01.md")).unwrap();
    assert!(
        text.contains("23-101-S01 Brobygget Norr") && text.contains("days together: 30"),
        "{text}"
    );
    press(&mut app, "D");
    app.handle(key(KeyCode::Esc));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "Esc writes nothing"
    );
}

/// Each screen at both sizes in both languages; each read before it was
/// accepted.
fn shots(name: &str, setup: impl Fn(&mut App)) -> Vec<String> {
    let mut seen = Vec::new();
    for lang in [Lang::En, Lang::Sv] {
        i18n::set(lang);
        let tag = match lang {
            Lang::En => "en",
            Lang::Sv => "sv",
        };
        for (w, h) in SIZES {
            let mut app = app(w, h);
            setup(&mut app);
            let text = screen(&mut app);
            insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), text.clone());
            seen.push(text);
        }
    }
    i18n::set(Lang::En);
    seen
}

#[test]
fn overlaps_screen() {
    let seen = shots("overlaps", |app| press(app, "O"));
    assert!(
        seen[2].contains("Överlapp · alla organisationer"),
        "{}",
        seen[2]
    );
    assert!(seen[2].contains("dagar samtidigt: 182"), "{}", seen[2]);
}

#[test]
fn coverage_screen() {
    let seen = shots("coverage", |app| {
        press(app, "Caaaaa");
        to_row(app, "Karlshamn");
        press(app, "l");
    });
    assert!(
        seen[2].contains("Täckning · Sydsverige · programområde"),
        "{}",
        seen[2]
    );
    assert!(
        seen[2].contains("Utelämnade") || seen[2].contains("utelämnade"),
        "{}",
        seen[2]
    );
}

#[test]
fn timeline_screen() {
    let seen = shots("timeline", |app| {
        press(app, "o");
        filter(app, "ljusglimten");
        press(app, "T");
    });
    assert!(seen[2].contains("Glapp utan projekt (1)"), "{}", seen[2]);
}

#[test]
fn detail_with_its_overlaps() {
    let seen = shots("detail_overlaps", |app| {
        filter(app, "nordost i arbete");
        app.handle(key(KeyCode::Enter));
    });
    assert!(seen[2].contains("⇄ Överlappar med"), "{}", seen[2]);
}

#[test]
fn from_the_graph_the_timeline_is_the_organisations_and_back_is_the_graph() {
    let mut app = app(80, 24);
    filter(&mut app, "nordost i arbete");
    press(&mut app, "p");
    assert!(app.state.screen.graph().is_some());
    press(&mut app, "T");
    let (keys, _) = timeline(&app);
    assert_eq!(
        keys,
        ["23-106-S01", "23-107-S01"],
        "Göteborgs Stad's two units'"
    );
    assert!(screen(&mut app).contains("Timeline of organisation Göteborgs Stad"));
    app.handle(key(KeyCode::Esc));
    assert!(app.state.screen.graph().is_some(), "back to the graph");
}

#[test]
fn the_dossier_prompt_says_its_keys_in_both_languages() {
    for (lang, said) in [
        (Lang::En, "f file  y clipboard  c contact persons: off"),
        (Lang::Sv, "f fil  y urklipp  c kontaktpersoner: av"),
    ] {
        i18n::set(lang);
        let mut app = app(80, 24);
        press(&mut app, "D");
        let shown = screen(&mut app);
        assert!(shown.contains(said), "{shown}");
        press(&mut app, "c");
        assert!(screen(&mut app).contains(&said.replace("off", "on").replace(": av", ": på")));
    }
    i18n::set(Lang::En);
}

#[test]
fn a_year_cell_lists_the_projects_that_started_that_year() {
    let mut app = app(120, 40);
    press(&mut app, "Cccaaaaa");
    assert!(screen(&mut app).contains("Coverage · Sydsverige · start year"));
    to_row(&mut app, "Karlshamn");
    press(&mut app, "l");
    app.handle(key(KeyCode::Enter));
    let projects = &app.state.catalogue.projects;
    let listed: Vec<&str> = app
        .state
        .list
        .rows
        .iter()
        .map(|&i| projects.key(i))
        .collect();
    assert_eq!(
        listed,
        ["2015/90002"],
        "started in 2016, not only active then"
    );
    assert!(screen(&mut app).contains("Started: 2016"));
}

#[test]
fn the_mouse_wheel_moves_the_cursor_of_these_screens() {
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let mut app = app(80, 24);
    press(&mut app, "C");
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    let Screen::Coverage(view) = &app.state.screen else {
        panic!("the coverage screen is shown");
    };
    assert_eq!(view.selection.index, 3);
}

#[test]
fn the_screens_draw_at_the_smallest_sizes_without_a_panic() {
    let setups: [&dyn Fn(&mut App); 4] = [
        &|app| press(app, "O"),
        &|app| press(app, "Ccca"),
        &|app| press(app, "T"),
        &|app| press(app, "D"),
    ];
    for (w, h) in [(30, 6), (31, 7), (45, 12), (200, 50)] {
        for setup in setups {
            let mut app = app(w, h);
            setup(&mut app);
            for step in ["j", "l", "G", "l"] {
                press(&mut app, step);
                let shown = screen(&mut app);
                assert_eq!(shown.lines().count(), h as usize);
            }
        }
    }
}

#[test]
fn reading_every_organisations_overlaps_can_stop_after_one_and_says_so() {
    let store = store_of(&Input::from_paths(&fixtures()));
    let mut seen = Vec::new();
    let found = store
        .overlaps_until(None, None, true, &mut |pairs| {
            seen.extend(pairs.into_iter().map(|p| p.organisation));
            false
        })
        .unwrap();
    assert_eq!(seen, ["Göteborgs Stad"], "the first by name");
    assert!(found.stopped && found.count == 1);
    let all = store.overlaps(None, None, true).unwrap();
    assert!(!all.stopped && all.count == 2);
}
