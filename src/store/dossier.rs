//! What a project's dossier holds besides its record, read from the
//! cache: its organisations with their numbers, related projects and
//! overlaps, also with other funds (`esf dossier` and the browser's dossier key alike).

use super::{Result, Store};
use crate::model::{Annotation, Role, StoredProject};
use crate::present::dossier::{Dossier, Named};

/// Related projects a dossier names.
const RELATED: usize = 10;

impl Store {
    /// The dossier of `project` (read by the caller, its contact persons
    /// already dropped unless `contacts`), with the user's marks `yours`.
    pub fn dossier_of<'a>(
        &self,
        project: &'a StoredProject,
        yours: Option<Annotation>,
        contacts: bool,
    ) -> Result<Dossier<'a>> {
        let key = &project.key;
        let (_, nb) = self.neighbourhood_of_project(key, true)?;
        Ok(Dossier {
            project,
            organisations: self.named(project)?,
            related: crate::graph::related(&nb, key, RELATED),
            overlaps: self.overlaps_of_project(key, true)?,
            cross_fund: self.cross_fund_of_project(key, true)?,
            yours,
            contacts,
        })
    }

    /// The owner and partners, each with the organisationsnummer the cache
    /// knows for it (a unit: its organisation's), the owner's from its
    /// record where the cache has none.
    fn named(&self, s: &StoredProject) -> Result<Vec<Named>> {
        let mut out = Vec::new();
        for link in &s.project.organisations {
            if !matches!(link.role, Role::Owner | Role::Partner) {
                continue;
            }
            let of = link.parent.as_deref().unwrap_or(&link.name);
            let mut numbers = self.numbers_of(of)?;
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
}
