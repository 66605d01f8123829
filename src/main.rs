use clap::Parser;
use esf_browser::cli::Cli;
use esf_browser::commands::{self, Context};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    esf_browser::i18n::set_for_program(cli.lang());
    let ctx = Context {
        db: cli.db(),
        notes: cli.notes(),
    };
    let result = match cli.command {
        None => commands::browse(&ctx),
        Some(command) => commands::run(&ctx, command),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            esf_browser::say!("esf: {}", esf_browser::sanitize::line(&format!("{err:#}")));
            commands::failed()
        }
    }
}

/// `esf list | head` closes the pipe early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == pipe
            || e.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
    })
}
