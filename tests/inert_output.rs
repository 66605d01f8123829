//! What esf writes for a file or a renderer runs and loads nothing, and
//! what it echoes of an argument sends the terminal no command.

mod common;

use common::Cli;

/// An argument that would set the window title and clear the screen.
const EVIL: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J";

/// A name a Markdown renderer would make a script link, a tracking image,
/// a script and a table cell, with a title-setting escape.
const HOSTILE_NAME: &str = "effekt [x](javascript:alert(1)) ![](http://tracker.example/p.png) \
                            <script>alert(1)</script> a|b \u{1b}]0;pwned\u{7}";

/// The sample project 2015/00730 under the hostile name, imported alone.
fn hostile(cli: &Cli) {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/corpus/000_3baf275082b782be.txt"
    ))
    .unwrap();
    let docs = cli.dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let doc = seed
        .replace("effektbutiken", HOSTILE_NAME)
        .replace("Social resursförvaltning", "<img src=x onerror=alert(1)>");
    std::fs::write(docs.join("evil.txt"), doc).unwrap();
    cli.ok(&["import", docs.to_str().unwrap()]);
}

/// Every Markdown syntax character in `text` (after its title line) is
/// escaped with a backslash, and no control character is left.
fn assert_inert_markdown(what: &str, text: &str) {
    assert!(!text.contains(['\u{1b}', '\u{7}']), "{what}: {text}");
    for line in text.lines().skip(1) {
        let mut escaped = false;
        for c in line.chars() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else {
                assert!(
                    !"[]()!<>|`*_~&".contains(c),
                    "{what}: {c} unescaped in {line}"
                );
            }
        }
    }
}

#[test]
fn the_markdown_export_links_loads_and_runs_nothing() {
    let cli = Cli::new();
    hostile(&cli);
    let md = cli.ok(&["export", "--format", "markdown"]);
    assert_inert_markdown("export", &md);
    // The text is all there, to be read as written.
    assert!(
        md.contains(r"\[x\]\(javascript:alert\(1\)\)"),
        "the link shown as text: {md}"
    );
    assert!(md.contains(r"\!\[\]\(http://tracker.example/p.png\)"));
    assert!(md.contains(r"\<script\>alert\(1\)\</script\>"));
    assert!(md.contains(r"a\|b ␛\]0;pwned␇"), "{md}");
    assert!(md.contains(r"- Owner: \<img src=x onerror=alert\(1\)\>"));
}

#[test]
fn the_notes_markdown_carries_no_control_character_and_no_live_markdown() {
    let cli = Cli::new();
    hostile(&cli);
    cli.ok(&["note", "2015/00730", "ring Anna"]);
    cli.ok(&["bookmark", "2015/00730"]);
    // Into a pipe, as into a file.
    let md = cli.ok(&["notes", "--markdown"]);
    assert!(!md.contains(['\u{1b}', '\u{7}']), "{md}");
    let heading = md.lines().find(|l| l.starts_with("## ")).unwrap();
    assert_inert_markdown("notes", &format!("title\n{heading}"));
    assert!(
        heading.contains(r"\[x\]\(javascript:alert\(1\)\)"),
        "{heading}"
    );
    assert!(md.contains("> ring Anna"), "the note as written: {md}");
}

#[test]
fn argument_errors_show_control_characters_as_markers() {
    let cli = Cli::new();
    let unknown_flag = format!("--{EVIL}");
    let cases: &[&[&str]] = &[
        &["--lang", EVIL, "list"],
        &["list", "--sort", EVIL],
        &["review", "2015/00730", EVIL],
        &[EVIL],
        &["list", &unknown_flag],
        &["graph", "--depth", EVIL, "2015/00730"],
        &["list", "--facet", EVIL],
    ];
    for args in cases {
        let out = cli.run(args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(!out.stderr.contains(&0x1b), "{args:?}: {said:?}");
        assert!(!out.stderr.contains(&0x07), "{args:?}: {said:?}");
        assert!(said.contains("x␛]0;pwned␇␛[2J"), "{args:?}: {said}");
    }
    // Help is still clap's own, and a success.
    let help = cli.run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage"));
}
