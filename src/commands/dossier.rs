//! `esf dossier ID`: one project as Markdown for a case file, to standard
//! output or to a new file.

use super::Context;
use crate::i18n::tf;
use crate::model::{Role, StoredProject};
use crate::present::dossier::{self, Dossier, Named};
use crate::present::sanitize;
use crate::store::{Store, StoreError};
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Related projects a dossier names.
const RELATED: usize = 10;

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
    let text = dossier::render(&gather(ctx, &store, &project, a.with_contacts)?);
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

/// What the dossier holds besides the record: organisations with their
/// numbers, related projects, overlaps and the user's marks.
fn gather<'a>(
    ctx: &Context,
    store: &Store,
    project: &'a StoredProject,
    contacts: bool,
) -> anyhow::Result<Dossier<'a>> {
    let key = &project.key;
    let (_, nb) = store.neighbourhood_of_project(key, true)?;
    Ok(Dossier {
        project,
        organisations: named(store, project)?,
        related: crate::graph::related(&nb, key, RELATED),
        overlaps: store.overlaps_of_project(key, true)?,
        yours: super::show::your_marks(ctx, key),
        contacts,
    })
}

/// The owner and partners, each with the organisationsnummer the cache
/// knows for it (a unit: its organisation's), the owner's from its record
/// where the cache has none.
fn named(store: &Store, s: &StoredProject) -> anyhow::Result<Vec<Named>> {
    let mut out = Vec::new();
    for link in &s.project.organisations {
        if !matches!(link.role, Role::Owner | Role::Partner) {
            continue;
        }
        let of = link.parent.as_deref().unwrap_or(&link.name);
        let mut numbers = store.numbers_of(of)?;
        if numbers.is_empty() && link.role == Role::Owner {
            let written = s.project.owner_org_number.as_deref();
            numbers.extend(written.and_then(crate::model::org_number::normalise));
        }
        out.push(Named {
            name: link.name.clone(),
            role: link.role,
            parent: link.parent.clone(),
            numbers,
        });
    }
    Ok(out)
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
