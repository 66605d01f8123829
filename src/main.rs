use clap::Parser;
use esf_browser::cli::Cli;
use esf_browser::commands::{self, Context};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return argument_error(err),
    };
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
            esf_browser::say!(
                "esf: {}",
                esf_browser::present::sanitize::line(&format!("{err:#}"))
            );
            commands::failed()
        }
    }
}

/// Help and the version as clap prints them; an error about an argument,
/// which quotes the argument, with every control character in it shown as
/// a marker: an argument is data, never a command to the terminal.
fn argument_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    // The same error again, rendered without clap's styles: the only
    // escapes left in it are the argument's own, which become markers.
    use clap::CommandFactory;
    let plain = Cli::command().styles(clap::builder::Styles::plain());
    let message = match plain.try_get_matches() {
        Err(again) if again.kind() == err.kind() => again.render().ansi().to_string(),
        _ => err.render().to_string(),
    };
    let message = esf_browser::present::sanitize::text(message.trim_end());
    esf_browser::say!("{message}");
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
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
