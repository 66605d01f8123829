//! The command line's help and parsing.

use super::*;
use clap::CommandFactory;

/// Every argument and option of `command` and its subcommands that has
/// no description, as "esf list --json".
fn undescribed(command: &clap::Command, path: &str, found: &mut Vec<String>) {
    for arg in command.get_arguments() {
        let builtin = matches!(arg.get_id().as_str(), "help" | "version");
        if !builtin && arg.get_help().is_none() && arg.get_long_help().is_none() {
            found.push(format!("{path} {}", arg.get_id()));
        }
    }
    for sub in command.get_subcommands() {
        if sub.get_about().is_none() && sub.get_name() != "help" {
            found.push(format!("{path} {}: no description", sub.get_name()));
        }
        undescribed(sub, &format!("{path} {}", sub.get_name()), found);
    }
}

#[test]
fn every_option_and_argument_is_explained_in_help() {
    let mut found = Vec::new();
    undescribed(&Cli::command(), "esf", &mut found);
    assert!(
        found.is_empty(),
        "no --help text for:\n{}",
        found.join("\n")
    );
}

fn help_of(args: &[&str]) -> String {
    let err = Cli::try_parse_from(args).expect_err("--help ends parsing");
    err.render().to_string()
}

#[test]
fn the_help_says_what_plain_esf_does_and_how_it_ends() {
    let help = help_of(&["esf", "--help"]);
    assert!(
        help.contains("Without a command, esf opens the browser"),
        "{help}"
    );
    assert!(help.contains("Exit status"), "{help}");
    assert!(help.contains("CSV, JSON or Markdown"), "{help}");
}

#[test]
fn facet_help_lists_every_facet() {
    let help = help_of(&["esf", "list", "--help"]);
    for facet in crate::catalogue::facets::Facet::ALL {
        assert!(
            help.contains(facet.name()),
            "{} missing:\n{help}",
            facet.name()
        );
    }
    let parsed = Cli::try_parse_from(["esf", "list", "--facet", "region"]).unwrap();
    let Some(Command::List(list)) = parsed.command else {
        panic!("a list command");
    };
    assert_eq!(list.facet, Some(crate::catalogue::facets::Facet::Region));
    assert!(Cli::try_parse_from(["esf", "list", "--facet", "colour"]).is_err());
}
