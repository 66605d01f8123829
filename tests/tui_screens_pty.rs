//! The small screens' keys through the real binary in a pseudo-terminal:
//! the export's file name prompt, the language switched while running,
//! a project opened from the graph, a search with no hits.

mod common;

use common::pty::{start_command, wait_exit, Session};
use portable_pty::CommandBuilder;
use std::io::Write;
use std::path::Path;

/// The browser over the sample corpus in `dir`, with `dir/home` as home.
fn browser(dir: &Path, lang: &str) -> Session {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_esf"));
    cmd.cwd(dir);
    let home = home.to_str().unwrap();
    start_command(
        cmd,
        &dir.join("cache.sqlite"),
        &[("HOME", home), ("ESF_LANG", lang)],
    )
}

fn quit(mut s: Session) {
    s.keys.write_all(b"q").unwrap();
    assert_eq!(wait_exit(&mut *s.child).exit_code(), 0);
    s.assert_restored();
}

#[test]
fn an_export_asks_for_the_name_and_says_the_absolute_path_with_swedish_headings() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = browser(dir.path(), "sv");
    s.screen.wait_for("5/5 projekt");
    s.keys.write_all(b"ex").unwrap();
    s.screen.wait_for("Exportera till filen");
    let home = dir.path().join("home");
    let shown = s.screen.text();
    assert!(shown.contains("CSV för svenska Excel"), "{shown}");
    assert!(shown.contains("home/esf-export-"), "the default: {shown}");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("skrev 5 projekt till /");
    let written: Vec<_> = std::fs::read_dir(&home).unwrap().collect();
    assert_eq!(written.len(), 1, "one file, in the home folder");
    let path = written[0].as_ref().unwrap().path();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("\u{feff}nyckel;diarienummer;namn;projektägare"),
        "Swedish headings: {}",
        &text[..80]
    );
    // A name that is taken is replaced only after a second Enter.
    let theirs = home.join("deras.csv");
    std::fs::write(&theirs, "deras").unwrap();
    s.keys.write_all(b"ex\x15~/deras.csv\r").unwrap();
    s.screen.wait_for("finns redan");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "deras");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("skrev 5 projekt till");
    assert!(std::fs::read_to_string(&theirs)
        .unwrap()
        .contains("nyckel;"));
    // A relative name is from the folder esf was started in.
    s.keys.write_all(b"ej\x15lista.json\r").unwrap();
    s.screen.wait_for("lista.json");
    assert!(dir.path().join("lista.json").is_file());
    quit(s);
}

#[test]
fn l_switches_every_screen_between_english_and_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = browser(dir.path(), "en");
    s.screen.wait_for("5/5 projects");
    s.keys.write_all(b"L").unwrap();
    s.screen.wait_for("5/5 projekt");
    s.screen.wait_for("på svenska");
    s.keys.write_all(b"S").unwrap();
    s.screen.wait_for("Tidslinje");
    s.keys.write_all(b"L").unwrap();
    s.screen.wait_for("Timeline");
    s.keys.write_all(b"\x1b").unwrap();
    s.screen.wait_for("Projects 5/5");
    s.keys.write_all(b"jpL").unwrap();
    s.screen.wait_for("Graf:");
    s.keys.write_all(b"\x1b").unwrap();
    s.screen.wait_for("Projekt 5/5");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("Identitet");
    s.keys.write_all(b"L").unwrap();
    s.screen.wait_for("Identity");
    quit(s);
}

#[test]
fn enter_on_a_project_in_the_graph_opens_its_detail_and_esc_returns_to_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = browser(dir.path(), "en");
    s.screen.wait_for("5/5 projects");
    s.keys.write_all(b"jp").unwrap();
    s.screen.wait_for("Graph: 2015/00730");
    // Göteborgs Stad, the owner, is first: its projects.
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("› Göteborgs Stad");
    s.keys.write_all(b"\r").unwrap();
    s.screen.wait_for("back to the graph");
    let shown = s.screen.text();
    assert!(
        shown.contains("Details") && shown.contains("Diarienummer"),
        "{shown}"
    );
    s.keys.write_all(b"\x1b").unwrap();
    s.screen.wait_for("Graph: 2015/00730 › Göteborgs Stad");
    quit(s);
}
