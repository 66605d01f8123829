//! The real binary in a pseudo-terminal over a cache of the hand-made
//! overlaps and coverage records: the list marks the overlapping
//! projects once every organisation is compared on its own thread, `O`
//! opens the overlaps screen, `Enter` a project, `C` the coverage screen,
//! and `q` leaves the terminal as it found it.

mod common;

use common::pty::{start, wait_exit};
use std::io::Write;

#[test]
fn overlaps_and_coverage_screens_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut import = common::esf_beside(&db);
    import
        .args(["import"])
        .arg(root.join("overlaps"))
        .arg(root.join("coverage"));
    assert!(common::run_checked(&mut import).status.success());

    let mut s = start(&db, &[]);
    s.screen.wait_for("16/16 projects");
    s.screen.wait_for("⇄ Brobygget Norr");
    s.keys.write_all(b"O").unwrap();
    s.screen.wait_for("Overlaps · every organisation");
    s.screen
        .wait_for("days together: 30 (2023-12-02 – 2023-12-31)");
    let shown = s.screen.text();
    assert!(
        shown.contains("overlapping pairs: 2 · projects compared: 14"),
        "{shown}"
    );
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("⇄ Overlaps with: 1 project (below)");
    // The pair itself comes after the fields: scrolled to, a line a key.
    for _ in 0..80 {
        if s.screen.text().contains("23-107-S01 Örgryte i arbete") {
            break;
        }
        s.keys.write_all(b"j").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    s.screen.wait_for("23-107-S01 Örgryte i arbete");
    s.keys.write_all(b"C").unwrap();
    s.screen.wait_for("Coverage · Sweden · programme area");
    s.screen.wait_for("290 municipalities");
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
    s.assert_restored();
}
