//! The facets with many values a project, its municipalities and its
//! organisations, read from the search box's links to shared values
//! rather than kept a second time: a bit per link says whether the
//! link's value is one of the project's values in the facet (a million
//! projects have some thirteen million links: 1.6 MB a facet, where a
//! list of values took 44 MB for the organisations alone).
//!
//! A value no link of the project holds as written (spaces around it,
//! or empty: the links keep values trimmed) is kept apart, by project.

use crate::search::fields::FieldIndex;
use std::collections::HashMap;

const NONE: u32 = u32::MAX;

/// Which of the project's links hold one of its values in a facet.
#[derive(Default)]
struct Marks {
    bits: Vec<u64>,
    /// Values no link holds as written: (project, value), by project.
    apart: Vec<(u32, u32)>,
}

impl Marks {
    fn mark(&mut self, at: usize) {
        let word = at / 64;
        if self.bits.len() <= word {
            self.bits.resize(word + 1, 0);
        }
        self.bits[word] |= 1 << (at % 64);
    }

    fn marked(&self, at: usize) -> bool {
        let word = self.bits.get(at / 64).copied().unwrap_or(0);
        word >> (at % 64) & 1 == 1
    }

    /// The values kept apart for `project`.
    fn apart_of(&self, project: u32) -> impl Iterator<Item = u32> + '_ {
        let from = self.apart.partition_point(|&(p, _)| p < project);
        let rest = &self.apart[from..];
        rest.iter()
            .take_while(move |&&(p, _)| p == project)
            .map(|&(_, v)| v)
    }
}

/// The two facets read from links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Linked {
    Municipality = 0,
    Organisation = 1,
}

/// Every project's municipalities and organisations, as facet values.
#[derive(Default)]
pub(super) struct LinkedFacets {
    marks: [Marks; 2],
    /// The facet value of each shared value of the field index that is one.
    value_of: Vec<u32>,
    /// The organisation each unit or branch belongs to (counted for it).
    parent_of: HashMap<u32, u32>,
    /// Parents of a project's units the table above does not give: an
    /// organisation of the same name with another parent (never met).
    other_parents: Vec<(u32, u32)>,
}

impl LinkedFacets {
    /// Notes that `project` (the last one `fields` holds) has `value`
    /// (named `name`) in a facet.
    pub fn add(
        &mut self,
        facet: Linked,
        project: usize,
        (name, value): (&str, u32),
        fields: &FieldIndex,
    ) {
        let at = fields.shared_number(name).and_then(|shared| {
            let place = fields.linked_values(project).position(|v| v == shared)?;
            self.is_value(shared, value).then_some(place)
        });
        let marks = &mut self.marks[facet as usize];
        match at {
            Some(place) => marks.mark(fields.link_start(project) + place),
            None => marks.apart.push((project as u32, value)),
        }
    }

    /// Whether shared value `shared` is facet value `value` (it becomes
    /// it if it was none yet).
    fn is_value(&mut self, shared: u32, value: u32) -> bool {
        let at = shared as usize;
        if self.value_of.len() <= at {
            self.value_of.resize(at + 1, NONE);
        }
        if self.value_of[at] == NONE {
            self.value_of[at] = value;
        }
        self.value_of[at] == value
    }

    /// Notes that unit `unit`, an organisation of `project`, belongs to
    /// `parent`.
    pub fn add_parent(&mut self, project: usize, unit: u32, parent: u32) {
        match *self.parent_of.entry(unit).or_insert(parent) == parent {
            true => {}
            false => self.other_parents.push((project as u32, parent)),
        }
    }

    /// Hands `each` the project's values in a facet, each at least once.
    pub fn each(
        &self,
        facet: Linked,
        project: usize,
        fields: &FieldIndex,
        each: &mut dyn FnMut(u32),
    ) {
        let marks = &self.marks[facet as usize];
        let mut own = |value: u32| {
            each(value);
            if facet == Linked::Organisation {
                if let Some(&parent) = self.parent_of.get(&value) {
                    each(parent);
                }
            }
        };
        let start = fields.link_start(project);
        for (place, shared) in fields.linked_values(project).enumerate() {
            if marks.marked(start + place) {
                own(self.value_of[shared as usize]);
            }
        }
        marks.apart_of(project as u32).for_each(&mut own);
        if facet == Linked::Organisation {
            let from = self
                .other_parents
                .partition_point(|&(p, _)| p < project as u32);
            let rest = self.other_parents[from..].iter();
            rest.take_while(|&&(p, _)| p == project as u32)
                .for_each(|&(_, parent)| each(parent));
        }
    }

    pub fn shrink_to_fit(&mut self) {
        for marks in &mut self.marks {
            marks.bits.shrink_to_fit();
            marks.apart.shrink_to_fit();
        }
        self.value_of.shrink_to_fit();
    }
}
