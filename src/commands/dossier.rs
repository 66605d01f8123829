//! `esf dossier ID`: one project as Markdown for a case file, to standard
//! output or to a new file.

use super::Context;
use crate::i18n::tf;
use crate::present::dossier;
use crate::present::sanitize;
use crate::store::StoreError;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Context, a: &crate::cli::DossierArgs) -> anyhow::Result<ExitCode> {
    super::show::bounded_id(&a.id)?;
    if let Some(out) = &a.out {
        if out.symlink_metadata().is_ok() {
            return refuse(out);
        }
    }
    let store = ctx.open_for_reading()?;
    let mut project = match store.project(&a.id) {
        Ok(p) => p,
        Err(StoreError::NotFound(_)) => {
            crate::say!(
                "esf: {}",
                sanitize::line(&super::show::not_found(&store, &a.id)?)
            );
            return Ok(super::found(false));
        }
        Err(e) => return Err(e.into()),
    };
    if !a.with_contacts {
        crate::ingest::fields::forget_contacts(&mut project.project);
    }
    let yours = super::show::your_marks(ctx, &project.key);
    let text = dossier::render(&store.dossier_of(&project, yours, a.with_contacts)?);
    match &a.out {
        None => super::print_data(&text)?,
        Some(out) => match write_new(out, &text) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return refuse(out),
            Err(e) => {
                let said = tf("cannot write {}: {}", &[&out.display(), &e]);
                crate::say!("esf: {}", sanitize::line(&said));
                return Ok(super::failed());
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// A file that exists is never written over.
fn refuse(out: &Path) -> anyhow::Result<ExitCode> {
    let said = tf(
        "{} exists; esf writes a dossier only to a new file (give another name, or remove it first)",
        &[&out.display()],
    );
    crate::say!("esf: {}", sanitize::line(&said));
    Ok(super::failed())
}

/// Writes a new file, readable by its owner only (a dossier may hold a
/// note and contact persons); fails if the name is taken meanwhile.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
