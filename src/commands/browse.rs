//! `esf` with no arguments: the browser, or the list where there is no
//! terminal to browse in.

use super::changes;
use super::Context;
use crate::i18n::t;
use crate::tui::{self, review::Reviews};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    let dumb = super::dumb_terminal();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() || dumb {
        let said =
            t("the browser needs a terminal; printing the project list instead (see esf --help)");
        crate::say!("esf: {said}");
        return super::list::run(ctx, &Default::default(), None, None, false);
    }
    crate::store::profile::mark("browser: started");
    let (store, sample_notice) = ctx.open_with_sample()?;
    crate::store::profile::mark("browser: cache opened");
    let (config, problems) = tui::config::load(tui::config::default_path().as_deref());
    for problem in &problems {
        crate::say!(
            "esf: {}: {}",
            t("config"),
            crate::present::sanitize::line(problem)
        );
    }
    // Damaged notes do not keep anyone from browsing; they are left as
    // they are and the status bar says why they cannot be used.
    let (reviews, unseen, notes_problem) = match ctx.open_notes() {
        Ok(notes) => {
            let unseen = changes::unseen(&store, &notes)?;
            (Reviews::over(notes), Some(unseen), None)
        }
        Err(e) => {
            let why = format!("{e:#}");
            (Reviews::unavailable(why.clone()), None, Some(why))
        }
    };
    crate::store::profile::mark("browser: notes read, changes since the last look found");
    let changed = unseen.as_ref().and_then(changes::summary).map(|s| {
        let (new, changed) = (t("new"), t("changed"));
        format!(
            "{}: {s} (+ {new}, ~ {changed}; esf changes)",
            t("since you last looked")
        )
    });
    let notice = (!problems.is_empty())
        .then(|| {
            let n = problems.len();
            let word = t(if n == 1 { "problem" } else { "problems" });
            format!("config: {n} {word} ({})", t("listed in the help, ?"))
        })
        .or(notes_problem)
        .or(sample_notice)
        .or(changed);
    let config = tui::config::Config { problems, ..config };
    tui::run(store, config, reviews, unseen, notice)
}
