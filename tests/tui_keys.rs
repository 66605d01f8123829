//! One key map per context: a key rebound in the config works in every
//! context (the list, the search box, the facet picker, the note editor,
//! the export prompt, help), and help scrolls with the moving keys.

mod common;

use common::{ctrl, key, type_text};
use crossterm::event::KeyCode;
use esf_browser::import::Input;
use esf_browser::store::Notes;
use esf_browser::tui::app::App;
use esf_browser::tui::facet_picker::ACTIVE_ROW;
use esf_browser::tui::keymap::{Action, Context, Key, KeyMap};
use esf_browser::tui::review::Reviews;

/// The browser over the sample corpus with `rebind` applied to the keys.
fn app_with(rebind: &[(Context, Action, &str)]) -> App {
    let mut keys = KeyMap::default();
    for (context, action, key) in rebind {
        keys.bind(*context, *action, &[Key::parse(key).unwrap()]);
    }
    let mut app = App::new(common::store_of(&Input::sample()), keys).unwrap();
    app.set_reviews(Reviews::over(Notes::in_memory().unwrap()));
    app.handle(crossterm::event::Event::Resize(80, 24));
    app
}

#[test]
fn a_rebound_key_moves_in_the_list_and_the_old_one_is_free() {
    let mut app = app_with(&[(Context::Normal, Action::MoveDown, "Ctrl-n")]);
    app.handle(ctrl('n'));
    assert_eq!(app.state.list.selection.index, 1);
    app.handle(key(KeyCode::Char('j')));
    assert_eq!(
        app.state.list.selection.index, 1,
        "j is no longer move_down"
    );
}

#[test]
fn a_rebound_key_works_in_the_search_box_and_letters_still_type() {
    let mut app = app_with(&[
        (Context::Filter, Action::MoveDown, "Ctrl-n"),
        (Context::Filter, Action::Confirm, "Ctrl-s"),
    ]);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "jn");
    assert_eq!(app.state.search.query, "jn", "printable keys type");
    app.handle(key(KeyCode::Backspace));
    app.handle(key(KeyCode::Backspace));
    app.handle(ctrl('n'));
    assert_eq!(app.state.list.selection.index, 1);
    app.handle(key(KeyCode::Enter));
    assert_eq!(
        app.state.context(),
        Context::Filter,
        "Enter is no longer confirm here"
    );
    app.handle(ctrl('s'));
    assert_eq!(app.state.context(), Context::Normal);
}

fn picker_row(app: &App) -> usize {
    app.state
        .overlay
        .picker()
        .expect("the picker is open")
        .selection
        .index
}

#[test]
fn the_picker_follows_its_own_map_and_the_lists_letters() {
    let mut app = app_with(&[
        (Context::Picker, Action::MoveDown, "Ctrl-n"),
        (Context::Normal, Action::MoveDown, "t"),
    ]);
    app.handle(key(KeyCode::Char('f')));
    app.handle(ctrl('n'));
    assert_eq!(picker_row(&app), 1);
    app.handle(key(KeyCode::Char('t')));
    assert_eq!(
        picker_row(&app),
        2,
        "the list's move_down, rebound, moves here too"
    );
    app.handle(key(KeyCode::Char('j')));
    assert_eq!(picker_row(&app), 2, "j was rebound away");
    app.handle(key(KeyCode::End));
    assert_eq!(picker_row(&app), ACTIVE_ROW, "End reaches the last row");
    app.handle(key(KeyCode::Home));
    assert_eq!(picker_row(&app), 0);
    app.handle(key(KeyCode::Char('q')));
    assert_eq!(
        app.state.context(),
        Context::Normal,
        "q closes, as in the list"
    );
}

#[test]
fn a_rebound_key_saves_the_note() {
    let mut app = app_with(&[(Context::Note, Action::Confirm, "Ctrl-s")]);
    app.handle(key(KeyCode::Char('n')));
    type_text(&mut app, "ring");
    app.handle(key(KeyCode::Enter));
    assert_eq!(
        app.state.context(),
        Context::Note,
        "Enter is not bound in the note any more"
    );
    app.handle(ctrl('s'));
    assert_eq!(app.state.context(), Context::Normal);
    let key = app.state.selected_key().unwrap().to_string();
    assert_eq!(app.state.annotations.get(&key).unwrap().note, "ring");
}

#[test]
fn a_rebound_key_works_in_the_export_prompt() {
    let mut app = app_with(&[(Context::Export, Action::ToggleExportNotes, "a")]);
    app.handle(key(KeyCode::Char('e')));
    assert_eq!(app.state.context(), Context::Export);
    app.handle(key(KeyCode::Char('n')));
    assert!(!app.state.export_notes, "n is free now");
    app.handle(key(KeyCode::Char('a')));
    assert!(app.state.export_notes);
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.context(), Context::Normal);
}

#[test]
fn help_scrolls_with_page_keys_and_closes_with_its_own() {
    let mut app = app_with(&[(Context::Help, Action::PageDown, "x")]);
    app.handle(key(KeyCode::Char('?')));
    assert_eq!(app.state.context(), Context::Help);
    app.handle(key(KeyCode::Char('x')));
    assert!(
        app.state.overlay.help_scroll() > 0,
        "the rebound key scrolls"
    );
    app.handle(key(KeyCode::End));
    assert_eq!(
        app.state.context(),
        Context::Help,
        "End scrolls, it does not close"
    );
    let last = app.state.overlay.help_scroll();
    assert!(last > 20, "at the end: {last}");
    app.handle(key(KeyCode::PageDown));
    assert_eq!(app.state.overlay.help_scroll(), last, "not past the end");
    app.handle(key(KeyCode::Home));
    assert_eq!(app.state.overlay.help_scroll(), 0);
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.context(), Context::Normal);
}
