//! Reading the list and a project: names that can be read, the row's
//! place, the sort both ways, help on where it was asked for, and the
//! detail at the search's hits.

mod common;

use common::{app_over, key, sample_app, screen, type_text};
use crossterm::event::KeyCode;
use esf_browser::i18n::{self, Lang};
use esf_browser::import::Input;
use esf_browser::tui::app::App;
use esf_browser::tui::keymap::Context;

/// Two projects whose names differ only at their end, with a long owner.
const ALIKE: [(&str, &str); 3] = [
    (
        "2020/00101",
        "Kompetensutveckling inom vård och omsorg för kommunerna i Skåne",
    ),
    (
        "2020/00102",
        "Kompetensutveckling inom vård och omsorg för kommunerna i Halland",
    ),
    ("2020/00103", "Ny start"),
];

fn alike_app(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (i, (id, name)) in ALIKE.iter().enumerate() {
        let doc = format!(
            "{id} - {name}\n\nDiarienummer:\n{id}\nNamn:\n{name}\nRegion:\nSydsverige\n\
             Projektägare:\nRegionförbundet för kompetensförsörjning i södra Sverige\n\
             Projektperiod:\n2020-01-01 - 2021-01-01\n\nEtt projekt om vård.\n"
        );
        std::fs::write(dir.path().join(format!("{i}.txt")), doc).unwrap();
    }
    let store = common::store_of(&Input::from_paths(&[dir.path().to_path_buf()]));
    (app_over(store, width, height), dir)
}

/// The list's width on a screen of `width` (beside the detail from 110).
fn list_width(width: usize) -> usize {
    match width {
        0..110 => width,
        110..180 => width * 55 / 100,
        _ => width * 62 / 100,
    }
}

#[test]
fn names_get_the_room_first_and_every_cut_shows_an_ellipsis() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        for search in ["", "kompetens"] {
            let (mut app, _dir) = alike_app(w, h);
            if !search.is_empty() {
                app.handle(key(KeyCode::Char('/')));
                type_text(&mut app, search);
                app.handle(key(KeyCode::Enter));
            }
            let shown = screen(&mut app);
            let at = format!("{w}×{h} {search:?}:\n{shown}");
            // The list's part of each row that shows one of the two names.
            let rows: Vec<String> = shown
                .lines()
                .map(|l| l.chars().take(list_width(w as usize)).collect::<String>())
                .filter(|l| l.contains("Kompetensutveckling"))
                .collect();
            assert_eq!(rows.len(), 2, "{at}");
            assert!(rows.iter().any(|r| r.contains("i Sk")), "{at}");
            assert!(rows.iter().any(|r| r.contains("i Ha")), "{at}");
            for row in &rows {
                let whole = row.contains("Skåne ") || row.contains("Halland ");
                assert!(whole || row.contains('…'), "a cut shows …: {at}");
            }
            if w == 200 {
                assert!(rows.iter().any(|r| r.contains("i Skåne ")), "whole: {at}");
            }
        }
    }
}

#[test]
fn help_is_on_the_status_bar_at_80_columns_wherever_the_keys_are() {
    let mut app = sample_app(80, 24);
    let status = |app: &mut App| screen(app).lines().last().unwrap_or("").to_string();
    assert!(status(&mut app).contains("? help"), "{}", status(&mut app));
    app.handle(key(KeyCode::Enter));
    assert!(status(&mut app).contains("? help"), "the detail");
    app.handle(key(KeyCode::Esc));
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "försäkringskassan | vellinge | göteborg");
    assert!(status(&mut app).contains("F1 help"), "{}", status(&mut app));
    app.handle(key(KeyCode::Esc));
    app.handle(key(KeyCode::Char('f')));
    assert!(status(&mut app).contains("F1 help"), "the picker");
}

#[test]
fn the_sort_turns_round_and_the_selection_stays_on_its_project() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    let selected = |app: &App| app.state.selected_key().map(str::to_string);
    let effekt = selected(&app);
    assert!(screen(&mut app).contains("Projects 5/5 · 2 of 5 · sort: name"));
    for (key_pressed, said) in [('s', "sort: id"), ('R', "sort: id, reversed")] {
        app.handle(key(KeyCode::Char(key_pressed)));
        assert_eq!(selected(&app), effekt, "after {key_pressed}");
        let shown = screen(&mut app);
        assert!(shown.contains(said), "{shown}");
    }
    // Ids the other way round: 2015/00730 is the last of the real ids, the
    // listed-as keys (x-…) come first.
    let shown = screen(&mut app);
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains('│')).collect();
    let at = |id| rows.iter().position(|l| l.contains(id)).unwrap();
    assert!(at("22-002-S07") < at("2020/00551") && at("2020/00551") < at("2015/00730"));
    let place = app.state.list.selection.index + 1;
    assert!(shown.contains(&format!("· {place} of 5 ·")), "{shown}");
    // Budget: largest first, turned round smallest first, the unknown last.
    for _ in 0..3 {
        app.handle(key(KeyCode::Char('s')));
    }
    let budgets = |app: &mut App| -> Vec<Option<i64>> {
        assert!(screen(app).contains("sort: budget"));
        let projects = &app.state.catalogue.projects;
        let rows = app.state.list.rows.iter();
        rows.map(|&i| projects.get(i).total_budget_sek).collect()
    };
    // Still turned round from the ids: smallest first.
    let smallest_first = budgets(&mut app);
    app.handle(key(KeyCode::Char('R')));
    let largest_first = budgets(&mut app);
    let known = |order: &[Option<i64>]| order.iter().flatten().copied().collect::<Vec<_>>();
    let mut turned = known(&largest_first);
    turned.reverse();
    assert_eq!(known(&smallest_first), turned);
    assert!(turned.len() >= 2 && turned[0] < turned[turned.len() - 1]);
    for order in [&smallest_first, &largest_first] {
        let unknown = order
            .iter()
            .position(Option::is_none)
            .unwrap_or(order.len());
        assert!(order[unknown..].iter().all(Option::is_none), "unknown last");
    }
}

#[test]
fn help_opens_on_where_it_was_asked_for_and_filters_as_you_type() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    app.handle(key(KeyCode::Char('p')));
    app.handle(key(KeyCode::Char('?')));
    let shown = screen(&mut app);
    assert!(shown.contains("here: the graph"), "{shown}");
    type_text(&mut app, "branch");
    let shown = screen(&mut app);
    assert!(shown.contains("toggle_branches"), "{shown}");
    assert!(!shown.contains("move_down"), "{shown}");
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.context(), Context::Normal);
    // From the note editor: help on its keys, and the note is still there.
    app.handle(key(KeyCode::Esc));
    app.handle(key(KeyCode::Char('n')));
    type_text(&mut app, "Ring Anna");
    app.handle(key(KeyCode::F(1)));
    let shown = screen(&mut app);
    assert!(shown.contains("[note]"), "{shown}");
    app.handle(key(KeyCode::F(1)));
    assert_eq!(app.state.context(), Context::Note);
    let note = app.state.overlay.note_editor().map(|e| e.text.clone());
    assert_eq!(note.as_deref(), Some("Ring Anna"));
}

#[test]
fn help_wraps_long_lines_and_config_problems_instead_of_cutting_them() {
    let mut app = sample_app(80, 24);
    app.state.config_problems = vec![
        "config.toml: no action called \"jump_around_the_list_quickly\" (the names are in help)"
            .into(),
    ];
    app.handle(key(KeyCode::Char('?')));
    type_text(&mut app, "o");
    let shown = screen(&mut app);
    assert!(shown.contains("jump_around_the_list_quickly"), "{shown}");
    assert!(shown.contains("help)"), "the problem whole: {shown}");
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('?')));
    type_text(&mut app, "field");
    let shown = screen(&mut app);
    assert!(
        shown.contains("org: kommun:") && shown.contains("namn:"),
        "{shown}"
    );
    assert!(!shown.contains("kommun: nam "), "{shown}");
}

/// `/hisingen`: effektbutiken names Hisingen only in its description.
fn at_hisingen(app: &mut App) {
    app.handle(key(KeyCode::Char('/')));
    type_text(app, "hisingen");
    app.handle(key(KeyCode::Enter));
    let at = app.state.list.rows.iter().position(|&i| {
        app.state.catalogue.projects.get(i).name.as_deref() == Some("effektbutiken")
    });
    for _ in 0..at.expect("effektbutiken found by its text") {
        app.handle(key(KeyCode::Char('j')));
    }
    app.handle(key(KeyCode::Enter));
}

#[test]
fn the_detail_opens_at_the_first_hit_and_n_goes_round_saying_so() {
    let mut app = sample_app(80, 24);
    at_hisingen(&mut app);
    let shown = screen(&mut app);
    assert!(shown.contains("Hisingen"), "at the hit: {shown}");
    assert!(shown.contains("Details · hit 1 of 1"), "{shown}");
    assert!(!shown.contains("Identity"), "not at the top: {shown}");
    assert_eq!(app.state.context(), Context::Reading);
    app.handle(key(KeyCode::Char('g')));
    assert!(screen(&mut app).contains("Identity"), "g: the top");
    app.handle(key(KeyCode::Char('n')));
    let shown = screen(&mut app);
    assert!(shown.contains("Hisingen"), "n: the hit again {shown}");
    app.handle(key(KeyCode::Char('n')));
    let shown = screen(&mut app);
    assert!(
        shown.contains("past the last hit: back to the first of 1"),
        "{shown}"
    );
    app.handle(key(KeyCode::Char('N')));
    assert!(screen(&mut app).contains("before the first hit: on to the last of 1"));
    // Back in the list, n is the note again.
    app.handle(key(KeyCode::Esc));
    app.handle(key(KeyCode::Char('n')));
    assert_eq!(app.state.context(), Context::Note);
}

/// The screens of this file, in English and Swedish at both sizes.
#[test]
fn reading_screens() {
    type Setup = fn(&mut App);
    let screens: [(&str, Setup); 3] = [
        ("list_with_a_search", |app| {
            app.handle(key(KeyCode::Char('/')));
            type_text(app, "försäkringskassan | vellinge");
        }),
        ("help_filtered", |app| {
            app.handle(key(KeyCode::Char('?')));
            type_text(app, "sort");
        }),
        ("detail_at_a_hit", at_hisingen),
    ];
    for lang in [Lang::En, Lang::Sv] {
        i18n::set(lang);
        for (name, setup) in screens {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut app = sample_app(w, h);
                setup(&mut app);
                let prefix = if lang == Lang::Sv { "sv_" } else { "" };
                insta::assert_snapshot!(format!("{prefix}{name}_{w}x{h}"), screen(&mut app));
            }
        }
    }
    i18n::set(Lang::En);
}

/// The keys of this file through the real binary in a terminal of 80×24:
/// `R`, help by context and filtered, the detail at a hit and `n`.
#[test]
fn reading_keys_in_a_real_terminal() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    let (screen, keys) = (&s.screen, &mut s.keys);
    let press = |keys: &mut Box<dyn Write + Send>, bytes: &[u8]| {
        keys.write_all(bytes).unwrap();
        keys.flush().unwrap();
    };
    screen.wait_for("Projects 5/5 · 1 of 5 · sort: name");
    screen.wait_for("? help");
    press(keys, b"jR");
    screen.wait_for("Projects 5/5 · 4 of 5 · sort: name, reversed");
    // Help from the search box: its syntax first; typing filters it.
    press(keys, b"/");
    screen.wait_for("F1 help");
    press(keys, b"\x1bOP");
    screen.wait_for("[search]");
    press(keys, b"jump");
    screen.wait_for("nothing in help has \"jump\"");
    press(keys, b"\x1b");
    screen.wait_for("/ █");
    press(keys, b"hisingen\r");
    screen.wait_for("Projects 3/5");
    press(keys, b"G\r");
    screen.wait_for("Details · hit 1 of 1");
    screen.wait_for("ligger på Hisingen");
    press(keys, b"n");
    screen.wait_for("past the last hit: back to the first of 1");
    press(keys, b"?");
    screen.wait_for("[reading]");
    press(keys, b"previous");
    screen.wait_for("previous_hit");
    press(keys, b"\x1b");
    screen.wait_for("n next hit");
    press(keys, b"q");
    let status = common::pty::wait_exit(&mut *s.child);
    assert_eq!(status.exit_code(), 0);
    s.assert_restored();
}

/// `esf orgs` and `esf list` on a terminal of 80 columns: the name keeps
/// its room, a column with nothing in it or cut to a few letters is left
/// out, and a cut ends in "…".
#[test]
fn the_command_line_tables_give_the_name_the_room_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let run = |args: &[&str]| -> String {
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
        cmd.args(args);
        let mut s = common::pty::start_command(cmd, &db, &[]);
        let status = common::pty::wait_exit(&mut *s.child);
        assert_eq!(status.exit_code(), 0, "{args:?}");
        std::thread::sleep(std::time::Duration::from_millis(200));
        s.screen.text()
    };
    let orgs = run(&["orgs", "--filter", "vellinge kommun"]);
    let row = orgs
        .lines()
        .find(|l| l.contains("Arbete och"))
        .unwrap_or("");
    assert!(row.contains("Arbete och etablering myndighet o…"), "{orgs}");
    assert!(
        orgs.lines().all(|l| !l.contains("PART O")),
        "left out: {orgs}"
    );
    let list = run(&["list"]);
    for name in ["Arbetsliv och hälsa Nordost", "Inkluderande rehabilitering"] {
        assert!(list.contains(name), "{list}");
    }
}
