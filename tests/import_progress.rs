//! The import's progress bar: on a terminal, on standard error, with the
//! files done, their rate and the time left, cleared at the end; nothing
//! of it into a pipe.

mod common;

use portable_pty::CommandBuilder;
use std::time::{Duration, Instant};

/// A folder of generated documents that takes a debug build more than
/// the half second after which the bar shows.
fn documents(dir: &std::path::Path) -> String {
    let out = dir.join("docs");
    let status = common::esf_beside(&dir.join("gen.sqlite"))
        .args(["gen", "--count", "800", "--seed", "3", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success());
    out.to_string_lossy().into_owned()
}

#[test]
fn the_progress_bar_shows_rate_and_time_left_on_a_terminal_and_nothing_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let docs = documents(dir.path());
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.args(["import", &docs]);
    let db = dir.path().join("cache.sqlite");
    let mut session = common::pty::start_command(cmd, &db, &[]);
    let deadline = Instant::now() + Duration::from_secs(120);
    while session.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the import did not end");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(200));
    let raw = session.screen.raw_text();
    let bar = raw
        .split('\r')
        .find(|l| l.contains("/800 files"))
        .expect(&raw);
    assert!(
        bar.contains('█') && bar.contains("/s · ") && bar.contains("s left"),
        "{bar}"
    );
    let screen = session.screen.text();
    assert!(screen.contains("seen 800, new 800"), "{screen}");
    assert!(!screen.contains("files ·"), "the bar is cleared: {screen}");

    let piped = common::esf_beside(&dir.path().join("piped.sqlite"))
        .args(["import", &docs])
        .output()
        .unwrap();
    assert!(piped.status.success());
    let said = String::from_utf8_lossy(&piped.stderr);
    assert!(!said.contains("files") && !said.contains('\r'), "{said}");
}
