//! Shell completions and the manual page come from the argument
//! definitions `--help` gives: every command and option is in each.

mod common;

use clap::CommandFactory;
use esf_browser::cli::Cli;
use std::io::Read;
use std::process::{Command, Stdio};

fn esf(args: &[&str]) -> String {
    let cli = common::Cli::new();
    String::from_utf8(cli.ok(args).into_bytes()).unwrap()
}

/// Every command a user may type (the hidden benchmark generator aside).
fn commands() -> Vec<String> {
    let cli = Cli::command();
    let shown = cli.get_subcommands().filter(|c| !c.is_hide_set());
    shown.map(|c| c.get_name().to_string()).collect()
}

/// Runs `shell -n` over the script where that shell is installed: it parses.
fn parses_in(shell: &str, script: &str) {
    let Ok(mut child) = Command::new(shell)
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{shell} -n: {said}");
}

#[test]
fn completions_for_bash_zsh_and_fish_name_every_command_and_option() {
    for shell in ["bash", "zsh", "fish"] {
        let script = esf(&["completions", shell]);
        for command in commands() {
            assert!(script.contains(&command), "{shell}: {command}");
        }
        for option in [
            "--filter",
            "--json",
            "--with-contacts",
            "--municipality",
            "--lang",
        ] {
            // fish writes `--json` as `-l json`.
            let fish = format!("-l {}", &option[2..]);
            assert!(
                script.contains(option) || script.contains(&fish),
                "{shell}: {option}"
            );
        }
        parses_in(shell, &script);
    }
    let out = common::Cli::new().run(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a bad argument"
    );
}

#[test]
fn the_manual_page_has_every_command_and_the_exit_statuses() {
    let page = esf(&["man"]);
    assert!(page.contains(".TH esf 1"), "a roff page of section 1");
    for command in commands() {
        assert!(
            page.contains(&format!("esf\\-{command}")) || page.contains(&command),
            "{command}"
        );
    }
    assert!(page.contains("Exit status: 0 when something was found or done"));
    assert!(page.contains("\\-\\-db") && page.contains("ESF_DB"));
}

#[test]
fn completions_and_the_manual_into_a_closed_pipe_end_quietly() {
    for args in [["completions", "bash"].as_slice(), ["man"].as_slice()] {
        let cli = common::Cli::new();
        let dir = cli.dir.path();
        let mut child = common::esf_over(&dir.join("c.sqlite"), &dir.join("n.sqlite"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
