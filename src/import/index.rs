//! The search index an import hands the store: the same catalogue the
//! browser loads, built from every project, written as the index's bytes
//! with each facet's counts over every project.

use crate::catalogue::facets::{Facet, Filters, Notes};
use crate::catalogue::Catalogue;
use crate::model::{FacetRow, ProjectSummary};
use crate::search::columns::Columns;
use crate::search::field::Field;
use crate::search::index::SearchIndex;
use crate::store::{counted, BuiltIndex, IndexBuilder};

/// Builds the index from the projects as the store gives them.
#[derive(Default)]
pub struct CatalogueIndex {
    catalogue: Catalogue,
    rowids: Vec<i64>,
}

/// A new, empty builder: what [`crate::store::NewIndex`] asks for.
pub fn new_index() -> Box<dyn IndexBuilder> {
    Box::<CatalogueIndex>::default()
}

impl IndexBuilder for CatalogueIndex {
    fn add(
        &mut self,
        rowid: i64,
        summary: ProjectSummary,
        fields: &[(Field, &str)],
        facets: &FacetRow,
    ) {
        self.rowids.push(rowid);
        self.catalogue.push_faceted(summary, fields, facets);
    }

    fn build(self: Box<Self>) -> std::io::Result<BuiltIndex> {
        let catalogue = &self.catalogue;
        let keys: Vec<&str> = catalogue.projects.keys().collect();
        let columns = Columns::of(&catalogue.projects, &catalogue.fields);
        let fields = &catalogue.fields;
        let data = SearchIndex::write_parts(fields, &keys, &self.rowids, &columns, Vec::new())?;
        Ok(BuiltIndex {
            data,
            projects: catalogue.projects.len(),
            facet_counts: facet_counts(catalogue),
        })
    }

    fn counts(&self) -> Vec<(Facet, String, usize)> {
        facet_counts(&self.catalogue)
    }
}

/// Each counted facet's values over every project, no filter set.
fn facet_counts(catalogue: &Catalogue) -> Vec<(Facet, String, usize)> {
    let every: Vec<usize> = (0..catalogue.projects.len()).collect();
    let no_notes: Notes = &|_| None;
    let mut counts = Vec::new();
    for facet in Facet::ALL.into_iter().filter(|&f| counted(f)) {
        let these = catalogue.facet_counts(facet, &every, &Filters::default(), no_notes);
        counts.extend(these.into_iter().map(|(value, n)| (facet, value, n)));
    }
    counts
}
