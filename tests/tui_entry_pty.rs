//! Typing in the real binary in a pseudo-terminal: the facet picker's
//! Enter takes what was typed, the organisations' box shows what is typed
//! and matches whole words, the arrows, Home, Delete and Ctrl-w edit at a
//! cursor shown where it is, and Ctrl-p brings back a search Esc cleared.

mod common;

use common::pty::{start, wait_exit, Session};
use std::io::Write;
use std::time::Duration;

const DOWN: &str = "\x1b[B";
const LEFT: &str = "\x1b[D";
const HOME: &str = "\x1b[H";
const CTRL_P: &str = "\x10";
const CTRL_W: &str = "\x17";

/// Writes keys, then waits a little: an Esc alone must not run into the
/// next key (it would read as Alt and that key).
fn send(s: &mut Session, keys: &str) {
    s.keys.write_all(keys.as_bytes()).unwrap();
    s.keys.flush().unwrap();
    std::thread::sleep(Duration::from_millis(150));
}

fn quit(mut s: Session) {
    send(&mut s, "q");
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
    s.assert_restored();
}

#[test]
fn the_facet_pickers_enter_takes_the_municipality_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    send(&mut s, "f");
    s.screen.wait_for("Facets");
    send(&mut s, &DOWN.repeat(6));
    send(&mut s, "\r");
    s.screen.wait_for("Municipality · type to narrow");
    send(&mut s, "göteb");
    s.screen.wait_for("› göteb█");
    assert!(!s.screen.text().contains("(any)"), "{}", s.screen.text());
    send(&mut s, "\r");
    s.screen.wait_for("Municipality: Göteborg");
    s.screen.wait_for("3/5 projects");
    quit(s);
}

#[test]
fn the_organisations_box_shows_what_is_typed_and_never_matches_scattered_letters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/org_search");
    let out = common::run_checked(common::esf_beside(&db).args(["import", fixtures]));
    assert!(out.status.success());
    let mut s = start(&db, &[]);
    s.screen.wait_for("2/2 projects");
    send(&mut s, "o");
    s.screen.wait_for("Organisations 3/3");
    send(&mut s, "/försäk");
    s.screen.wait_for(" / försäk█");
    s.screen.wait_for("1/3 organisations");
    let shown = s.screen.text();
    assert!(shown.contains("Försäkringskassan"), "{shown}");
    assert!(!shown.contains("Kiruna"), "scattered letters: {shown}");
    send(&mut s, "\r");
    s.screen.wait_for("filter: försäk");
    quit(s);
}

#[test]
fn the_search_box_edits_at_its_cursor_and_brings_back_a_cleared_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("5/5 projects");
    send(&mut s, "/vellnge");
    s.screen.wait_for(" / vellnge█");
    send(&mut s, &LEFT.repeat(3));
    send(&mut s, "i");
    s.screen.wait_for(" / vellinge ");
    s.screen.wait_for("1/5 projects");
    {
        // The cursor is on the "n" after the "i" typed: shown reversed.
        let parser = s.screen.parser.lock().unwrap();
        let row = parser
            .screen()
            .rows(0, 80)
            .position(|text| text.starts_with(" / vellinge"))
            .expect("the search box") as u16;
        let cell = parser.screen().cell(row, 8).unwrap();
        assert_eq!(cell.contents(), "n");
        assert!(cell.inverse(), "the cursor shows where it is");
    }
    send(&mut s, HOME);
    send(&mut s, "\x1b[3~");
    s.screen.wait_for(" / ellinge ");
    send(&mut s, "\x1b");
    s.screen.wait_for(" 5/5 projects · sort: name");
    send(&mut s, "/");
    send(&mut s, CTRL_P);
    s.screen.wait_for(" / ellinge█");
    s.screen.wait_for("1/5 projects");
    send(&mut s, CTRL_W);
    s.screen.wait_for("5/5 projects");
    send(&mut s, "\r");
    quit(s);
}

#[test]
fn the_note_is_edited_at_its_cursor_and_saved_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let mut s = start(&db, &[]);
    s.screen.wait_for("5/5 projects");
    send(&mut s, "n");
    s.screen.wait_for("Enter saves");
    send(&mut s, "Ring Ana om");
    send(&mut s, &LEFT.repeat(4));
    send(&mut s, "n");
    send(&mut s, HOME);
    send(&mut s, "Idag: ");
    s.screen.wait_for("Idag: Ring Anna om");
    send(&mut s, "\r");
    s.screen.wait_for("note saved");
    quit(s);
    let out = common::run_checked(common::esf_beside(&db).args(["note", "2020/00551"]));
    let note = String::from_utf8(out.stdout).unwrap();
    assert_eq!(note.trim(), "Idag: Ring Anna om");
}
