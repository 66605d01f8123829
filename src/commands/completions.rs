//! `esf completions SHELL` and `esf man`: shell completions and the
//! manual page, made from the same argument definitions as `--help`.

use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

/// The completion script for `shell`, to standard output.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "esf", &mut script);
    write_out(&script)
}

/// The manual page in roff, to standard output (`man -l -` shows it).
pub fn man() -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    write_out(&page)
}

/// Written whole; a closed pipe is an error the caller ends quietly on.
fn write_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
