//! Typing in the browser: the facet picker takes the best match of what
//! was typed, the organisations' search box shows what is typed and
//! matches whole words, and every text (the search box, the picker, the
//! note) is edited at a cursor with the same keys; the search box brings
//! back the session's searches. Driven by keys on the sample corpus.

mod common;

use common::{app_over, ctrl, key, sample_app, screen, type_text};
use crossterm::event::KeyCode;
use esf_browser::catalogue::facets::Facet;
use esf_browser::import::Input;
use esf_browser::tui::app::App;
use esf_browser::tui::keymap::Context;

/// `f`, then the values of `facet`.
fn open_values(app: &mut App, facet: Facet) {
    app.handle(key(KeyCode::Char('f')));
    let row = Facet::ALL.iter().position(|f| *f == facet).unwrap();
    for _ in 0..row {
        app.handle(key(KeyCode::Down));
    }
    app.handle(key(KeyCode::Enter));
}

fn listed(app: &App) -> usize {
    app.state.list.rows.len()
}

#[test]
fn the_picker_takes_the_best_match_of_what_was_typed_never_any() {
    let mut app = sample_app(80, 24);
    open_values(&mut app, Facet::Municipality);
    type_text(&mut app, "göteb");
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.context(), Context::Normal, "the picker closed");
    let chosen = app.state.search.facets.chosen.get(&Facet::Municipality);
    assert_eq!(chosen.map(String::as_str), Some("Göteborg"));
    assert_eq!(listed(&app), 3, "the three projects in Göteborg");

    // Starting with it first: "al" is Ale, not Malmö.
    open_values(&mut app, Facet::Municipality);
    type_text(&mut app, "al");
    app.handle(key(KeyCode::Enter));
    let chosen = app.state.search.facets.chosen.get(&Facet::Municipality);
    assert_eq!(chosen.map(String::as_str), Some("Ale"));
}

#[test]
fn a_text_nothing_matches_takes_nothing_and_says_so() {
    let mut app = sample_app(80, 24);
    open_values(&mut app, Facet::Municipality);
    type_text(&mut app, "zzz");
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.context(), Context::Picker, "still choosing");
    assert!(app.state.search.facets.is_empty(), "no facet set");
    let shown = screen(&mut app);
    let (y, line) = (shown.lines().enumerate())
        .find(|(_, l)| l.contains("no value matches"))
        .expect("no value matches, said");
    let x = line.chars().take_while(|&c| c != 'n').count();
    let terminal = common::draw(&mut app);
    let cell = &terminal.backend().buffer()[(x as u16, y as u16)];
    assert_eq!(cell.symbol(), "n");
    let reversed = ratatui::style::Modifier::REVERSED;
    assert!(!cell.modifier.contains(reversed), "nothing highlighted");
    // Cleared, "(any)" is offered again, first.
    app.handle(ctrl('u'));
    assert!(screen(&mut app).contains("(any)"));
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.context(), Context::Normal);
    assert!(app.state.search.facets.is_empty());
}

/// Every facet's values narrow the same way: the start of a value typed,
/// Enter takes a value holding it.
#[test]
fn every_facet_takes_the_value_typed() {
    for facet in Facet::ALL {
        let mut app = sample_app(80, 24);
        open_values(&mut app, facet);
        let Some(value) = first_value(&app) else {
            continue;
        };
        let typed: String = value.chars().take(3).collect();
        type_text(&mut app, &typed);
        app.handle(key(KeyCode::Enter));
        let chosen = app.state.search.facets.chosen.get(&facet);
        let chosen = chosen.unwrap_or_else(|| panic!("{facet:?}: nothing for {typed:?}"));
        let lower = |s: &str| s.to_lowercase();
        assert!(
            lower(chosen).contains(&lower(&typed)),
            "{facet:?}: {chosen} for {typed:?}"
        );
    }
}

/// The first value the picker lists, as stored.
fn first_value(app: &App) -> Option<String> {
    use esf_browser::tui::facet_picker::Stage;
    let picker = app.state.overlay.picker()?;
    match &picker.stage {
        Stage::Values { values, shown, .. } => shown.first().map(|&i| values[i].0.clone()),
        _ => None,
    }
}

#[test]
fn the_organisations_box_shows_what_is_typed_and_matches_whole_words() {
    let mut inputs = Input::sample();
    inputs.extend(org_search_fixtures());
    let mut app = app_over(common::store_of(&inputs), 80, 24);
    app.handle(key(KeyCode::Char('o')));
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "vellinge");
    let shown = screen(&mut app);
    assert!(shown.contains(" / vellinge█"), "{shown}");
    let orgs = app.state.screen.orgs().unwrap();
    let names: Vec<&str> = orgs
        .rows
        .iter()
        .map(|&i| orgs.all[i].name.as_str())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| n.contains("Vellinge")), "{names:?}");

    app.handle(ctrl('u'));
    type_text(&mut app, "försäk");
    let orgs = app.state.screen.orgs().unwrap();
    let names: Vec<&str> = orgs
        .rows
        .iter()
        .map(|&i| orgs.all[i].name.as_str())
        .collect();
    assert_eq!(names, ["Försäkringskassan"], "never scattered letters");
    assert!(screen(&mut app).contains(" / försäk█"));
}

/// Two projects: one owned by Föreningen Stjärnan Kiruna (whose letters
/// hold f, ö, r, s, ä, k scattered), one by Försäkringskassan.
fn org_search_fixtures() -> Vec<Input> {
    let docs: [(&str, &'static [u8]); 2] = [
        (
            "2016-00101.txt",
            include_bytes!("fixtures/org_search/2016-00101.txt"),
        ),
        (
            "2016-00102.txt",
            include_bytes!("fixtures/org_search/2016-00102.txt"),
        ),
    ];
    docs.map(|(name, bytes)| Input::Embedded {
        name: name.into(),
        bytes,
    })
    .into()
}

#[test]
fn the_search_box_is_edited_at_its_cursor() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "vellnge");
    for _ in 0..3 {
        app.handle(key(KeyCode::Left));
    }
    type_text(&mut app, "i");
    assert_eq!(app.state.search.query, "vellinge");
    assert_eq!(listed(&app), 1, "filtered as edited");
    app.handle(key(KeyCode::Home));
    app.handle(key(KeyCode::Delete));
    assert_eq!(app.state.search.query, "ellinge");
    app.handle(ctrl('e'));
    type_text(&mut app, " kommun");
    app.handle(ctrl('w'));
    assert_eq!(app.state.search.query, "ellinge ");
    app.handle(ctrl('a'));
    type_text(&mut app, "v");
    app.handle(key(KeyCode::End));
    app.handle(key(KeyCode::Backspace));
    assert_eq!(app.state.search.query, "vellinge");
    assert_eq!(app.state.search.query.cursor(), 8);
    // Moving the cursor keeps the list and its selection.
    app.handle(key(KeyCode::Right));
    app.handle(key(KeyCode::Left));
    assert_eq!(listed(&app), 1);
}

#[test]
fn a_search_cleared_by_one_esc_too_many_comes_back() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "vellinge");
    app.handle(key(KeyCode::Enter));
    app.handle(key(KeyCode::Char('/')));
    app.handle(ctrl('u'));
    type_text(&mut app, "göteborg");
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.search.query, "");
    assert_eq!(listed(&app), 5);

    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "ny");
    app.handle(ctrl('p'));
    assert_eq!(app.state.search.query, "göteborg", "the newest first");
    assert_eq!(listed(&app), 3, "and filtered");
    app.handle(ctrl('p'));
    assert_eq!(app.state.search.query, "vellinge");
    assert_eq!(listed(&app), 1);
    app.handle(ctrl('p'));
    assert_eq!(app.state.search.query, "vellinge", "none older");
    app.handle(ctrl('n'));
    app.handle(ctrl('n'));
    assert_eq!(app.state.search.query, "ny", "what was typed, back");
    app.handle(key(KeyCode::Enter));

    // Esc in the list clears a kept search: it comes back too.
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.search.query, "");
    app.handle(key(KeyCode::Char('/')));
    app.handle(ctrl('p'));
    assert_eq!(app.state.search.query, "ny");
}

#[test]
fn the_note_is_written_at_its_cursor() {
    let mut app = sample_app(80, 24);
    let key_of = app.state.selected_key().unwrap().to_string();
    app.handle(key(KeyCode::Char('n')));
    type_text(&mut app, "Ring Ana om budgeten");
    app.handle(ctrl('w'));
    type_text(&mut app, "uppföljningen!");
    app.handle(key(KeyCode::Left));
    app.handle(key(KeyCode::Delete));
    app.handle(key(KeyCode::Home));
    type_text(&mut app, "Idag: ");
    for _ in 0.."Ring An".len() {
        app.handle(key(KeyCode::Right));
    }
    type_text(&mut app, "n");
    let shown = screen(&mut app);
    assert!(
        shown.contains("Idag: Ring Anna om uppföljningen"),
        "{shown}"
    );
    app.handle(key(KeyCode::Enter));
    let note = &app.state.annotations.get(&key_of).unwrap().note;
    assert_eq!(note, "Idag: Ring Anna om uppföljningen");
}

/// A screen at 80×24 and 120×40, in English and in Swedish.
fn snapshots(name: &str, app_of: impl Fn(u16, u16) -> App, setup: impl Fn(&mut App)) {
    use esf_browser::i18n::{self, Lang};
    for (lang, code) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        i18n::set(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = app_of(w, h);
            setup(&mut app);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), screen(&mut app));
        }
    }
    i18n::set(Lang::En);
}

#[test]
fn screens_of_a_narrowed_picker_and_the_organisations_box() {
    snapshots("picker_narrowed", sample_app, |app| {
        open_values(app, Facet::Municipality);
        type_text(app, "al");
    });
    let with_fixtures = |w, h| {
        let mut inputs = Input::sample();
        inputs.extend(org_search_fixtures());
        app_over(common::store_of(&inputs), w, h)
    };
    snapshots("organisations_box", with_fixtures, |app| {
        app.handle(key(KeyCode::Char('o')));
        app.handle(key(KeyCode::Char('/')));
        type_text(app, "försäk");
    });
}
