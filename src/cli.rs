//! Command-line arguments.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Browse Swedish European Social Fund (ESF, ESF+) projects.
#[derive(Debug, Parser)]
#[command(name = "esf", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read documents and print their normalised project records.
    Parse {
        /// Files or folders (folders are read recursively).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON array instead of readable text.
        #[arg(long)]
        json: bool,
    },
}
