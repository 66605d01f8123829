//! esf-browser: import, search and browse Swedish ESF and ESF+ project
//! documents. The `esf` binary is a thin layer over this library.

/// A line to standard error that never panics: a closed stderr (`esf …
/// 2>&1 | head -1`) is not an error of the command.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod catalogue;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod files;
pub mod gen;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod ingest;
pub mod model;
pub mod overlaps;
pub mod present;
pub mod search;
pub mod store;
pub mod tui;
