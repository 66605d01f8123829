//! Facets: filtering projects by region, fund, programme period,
//! programme area, specific objective, phase, municipality, organisation,
//! the user's bookmarks and review states, and "active during" a period.
//! Pure: the values of every project are handed in, interned once.

use crate::catalogue::column::Column;
use crate::catalogue::facet_links::{Linked, LinkedFacets};
use crate::catalogue::summaries::Summaries;
use crate::dates;
use crate::i18n::t;
use crate::model::{Annotation, ReviewState};
use crate::model::{FacetRow, ProjectSummary};
use crate::search::fields::FieldIndex;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Region,
    Fund,
    Period,
    Area,
    Objective,
    Phase,
    Municipality,
    Organisation,
    Bookmark,
    Review,
}

impl Facet {
    pub const ALL: [Facet; 10] = [
        Facet::Region,
        Facet::Fund,
        Facet::Period,
        Facet::Area,
        Facet::Objective,
        Facet::Phase,
        Facet::Municipality,
        Facet::Organisation,
        Facet::Bookmark,
        Facet::Review,
    ];

    /// The name on the command line (`--region`) and in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Fund => "fund",
            Facet::Period => "period",
            Facet::Area => "area",
            Facet::Objective => "objective",
            Facet::Phase => "phase",
            Facet::Municipality => "municipality",
            Facet::Organisation => "org",
            Facet::Bookmark => "bookmark",
            Facet::Review => "review",
        }
    }

    /// What the facet is, for the picker.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Region => "Region",
            Facet::Fund => "Fund",
            Facet::Period => "Programme period",
            Facet::Area => "Programme area",
            Facet::Objective => "Specific objective",
            Facet::Phase => "Phase",
            Facet::Municipality => "Municipality",
            Facet::Organisation => "Organisation",
            Facet::Bookmark => "Bookmarks",
            Facet::Review => "Review state",
        }
    }

    /// Where the facet is in [`Facet::ALL`].
    fn index(self) -> usize {
        Facet::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The first six facets have one value per project, read from the
    /// cache's columns in this order.
    fn single_column(self) -> Option<usize> {
        Some(self.index()).filter(|&i| i < SINGLE)
    }
}

const NONE: u32 = u32::MAX;

/// How many facets have one value per project (the first of ALL).
const SINGLE: usize = 6;

/// Every project's facet values as numbers into one table of names.
#[derive(Default)]
pub struct FacetIndex {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
    /// The values each facet has (by the index of the facet in ALL).
    values: [std::collections::HashSet<u32>; 8],
    single: [Column; SINGLE],
    /// Municipalities and organisations, read from the search box's links.
    linked: LinkedFacets,
    /// Organisations that are units or branches of another.
    units: std::collections::HashSet<u32>,
}

impl FacetIndex {
    /// Adds the next project's values (`summary` gives region, fund,
    /// period); its search fields are in `fields` already, last.
    pub fn push(&mut self, summary: &ProjectSummary, row: &FacetRow, fields: &FieldIndex) {
        let singles = [
            summary.region.as_deref(),
            summary.fund.as_deref(),
            summary.programme_period.as_deref(),
            row.area,
            row.objective,
            row.phase,
        ];
        for (column, value) in singles.into_iter().enumerate() {
            let id = value.map_or(NONE, |v| self.intern(v));
            if id != NONE {
                self.values[column].insert(id);
            }
            self.single[column].push(id);
        }
        let project = fields.len().saturating_sub(1);
        let linked = [
            (Linked::Municipality, &row.municipalities),
            (Linked::Organisation, &row.organisations),
        ];
        for (facet, names) in linked {
            for name in names {
                let id = self.intern(name);
                self.values[SINGLE + facet as usize].insert(id);
                self.linked.add(facet, project, (name, id), fields);
            }
        }
        for &(unit, parent) in &row.parents {
            let (unit, parent) = (self.intern(unit), self.intern(parent));
            self.units.insert(unit);
            self.values[SINGLE + Linked::Organisation as usize].insert(parent);
            self.linked.add_parent(project, unit, parent);
        }
    }

    /// Is this organisation a unit or branch of another (counted for it)?
    pub fn is_unit(&self, name: &str) -> bool {
        self.ids.get(name).is_some_and(|id| self.units.contains(id))
    }

    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(value.into());
        self.ids.insert(value.into(), id);
        id
    }

    pub fn shrink_to_fit(&mut self) {
        for column in &mut self.single {
            column.shrink_to_fit();
        }
        self.linked.shrink_to_fit();
    }

    /// Hands `each` the values project `i` has in a facet read from the
    /// cache (a value may come twice).
    fn each_id(&self, facet: Facet, i: usize, fields: &FieldIndex, each: &mut dyn FnMut(u32)) {
        match facet.single_column() {
            Some(c) => {
                if let Some(id) = self.single[c].get(i).filter(|&id| id != NONE) {
                    each(id);
                }
            }
            None if facet == Facet::Municipality => {
                self.linked.each(Linked::Municipality, i, fields, each)
            }
            None => self.linked.each(Linked::Organisation, i, fields, each),
        }
    }

    /// Has project `i` value `id` in a facet read from the cache?
    fn has(&self, facet: Facet, i: usize, fields: &FieldIndex, id: u32) -> bool {
        let mut found = false;
        self.each_id(facet, i, fields, &mut |v| found |= v == id);
        found
    }

    /// The value of `facet` that `value` names, written as in the cache
    /// or in another case.
    pub fn resolve(&self, facet: Facet, value: &str) -> Option<u32> {
        // Facets from the notes have no values here.
        let own = self.values.get(facet.index())?;
        let value = value.trim();
        if let Some(id) = self.ids.get(value).filter(|id| own.contains(id)) {
            return Some(*id);
        }
        // Any case; without å/ä/ö also folded ("vastsverige").
        let typed = crate::search::as_typed(value);
        own.iter()
            .copied()
            .find(|&id| crate::search::same_as_typed(&self.names[id as usize], &typed))
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// A period of days, both ends included, as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Active {
    pub from: i64,
    pub to: i64,
    pub text: String,
}

impl Active {
    /// `2016`, `2016-03`, `2016-03-01`, or two of them joined by `..`.
    pub fn parse(text: &str) -> Result<Active, String> {
        let text = text.trim();
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        let shown = crate::present::format::quoted(text);
        let bad = || {
            crate::i18n::tf(
                "{} is not a year, month, date or range (2016, 2016-03, 2016-03-01, 2015..2017)",
                &[&shown],
            )
        };
        let from = bound(a.trim(), false).ok_or_else(bad)?;
        let to = bound(b.trim(), true).ok_or_else(bad)?;
        if from > to {
            return Err(crate::i18n::tf("{} ends before it starts", &[&shown]));
        }
        Ok(Active {
            from,
            to,
            text: text.to_string(),
        })
    }

    /// Did a project run on any day of this period? A project without an
    /// end date is taken to be still running; one without a start, not.
    pub fn covers(&self, p: &ProjectSummary) -> bool {
        let start = p.start_date.as_deref().and_then(dates::days_from_iso);
        let end = p.end_date.as_deref().and_then(dates::days_from_iso);
        self.covers_days(start, end)
    }

    /// [`Active::covers`] for project `i` of `projects`.
    pub fn covers_at(&self, projects: &Summaries, i: usize) -> bool {
        self.covers_days(projects.start_days(i), projects.end_days(i))
    }

    /// [`Active::covers`] given the days of a project's start and end.
    fn covers_days(&self, start: Option<i64>, end: Option<i64>) -> bool {
        match start {
            Some(start) => start <= self.to && end.is_none_or(|end| end >= self.from),
            None => false,
        }
    }
}

/// The first (or last) day a year, month or date names.
fn bound(text: &str, last: bool) -> Option<i64> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            dates::days_from_iso(&format!("{}-01-01", if last { y + 1 } else { y }))
                .map(|d| d - i64::from(last))
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)?, num(m)?);
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            let first = dates::days_from_iso(&format!("{y:04}-{m:02}-01"))?;
            let next = dates::days_from_iso(&format!("{ny:04}-{nm:02}-01"))?;
            Some(if last { next - 1 } else { first })
        }
        [_, _, _] => dates::days_from_iso(text),
        _ => None,
    }
}

/// The facets in force: at most one value per facet, and a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub chosen: BTreeMap<Facet, String>,
    pub active: Option<Active>,
    /// Projects that started in this year (a coverage cell by year).
    pub started: Option<i32>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty() && self.active.is_none() && self.started.is_none()
    }

    /// `Region: Västsverige · Active during: 2016`, in the language in
    /// force (the status bar, messages).
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .chosen
            .iter()
            .map(|(f, v)| format!("{}: {}", t(f.label()), value_label(v)))
            .collect();
        if let Some(active) = &self.active {
            parts.push(format!("{}: {}", t("Active during"), active.text));
        }
        if let Some(year) = self.started {
            parts.push(format!("{}: {year}", t("Started")));
        }
        parts.join(" · ")
    }
}

/// A facet value as shown: the program's own words (review states,
/// bookmarks) in the language in force, values from documents as they are.
pub fn value_label(value: &str) -> &str {
    let words = ["unread", "in-review", "done", BOOKMARKED, NOT_BOOKMARKED];
    match words.into_iter().find(|v| *v == value) {
        Some(word) => t(word),
        None => value,
    }
}

/// The user's annotation of a project, by key.
pub type Notes<'a> = &'a dyn Fn(&str) -> Option<&'a Annotation>;

/// Values of the facets computed from the user's notes.
const BOOKMARKED: &str = "bookmarked";
const NOT_BOOKMARKED: &str = "not bookmarked";

fn note_values(facet: Facet, a: Option<&Annotation>) -> &'static str {
    match facet {
        Facet::Bookmark if a.is_some_and(|a| a.bookmarked) => BOOKMARKED,
        Facet::Bookmark => NOT_BOOKMARKED,
        _ => a.map_or(ReviewState::Unread, |a| a.review).as_str(),
    }
}

/// Facet filters with their values looked up once.
pub struct Resolved<'i, 'a> {
    index: &'i FacetIndex,
    fields: &'i FieldIndex,
    cached: Vec<(Facet, Option<u32>)>,
    noted: Vec<(Facet, String)>,
    active: Option<Active>,
    started: Option<i32>,
    notes: Notes<'a>,
}

impl<'i, 'a> Resolved<'i, 'a> {
    pub fn new(
        (index, fields): (&'i FacetIndex, &'i FieldIndex),
        filters: &Filters,
        notes: Notes<'a>,
    ) -> Resolved<'i, 'a> {
        let mut resolved = Resolved {
            index,
            fields,
            cached: Vec::new(),
            noted: Vec::new(),
            active: filters.active.clone(),
            started: filters.started,
            notes,
        };
        for (facet, value) in &filters.chosen {
            match facet {
                Facet::Bookmark | Facet::Review => {
                    resolved.noted.push((*facet, value.to_lowercase()))
                }
                _ => resolved.cached.push((*facet, index.resolve(*facet, value))),
            }
        }
        resolved
    }

    /// Does project `i` of `projects` pass every facet except `skip`?
    pub fn accepts(&self, i: usize, projects: &Summaries, skip: Option<Facet>) -> bool {
        let cached = self.cached.iter().filter(|(f, _)| Some(*f) != skip);
        for (facet, id) in cached {
            match id {
                Some(id) if self.index.has(*facet, i, self.fields, *id) => {}
                _ => return false,
            }
        }
        let noted = self.noted.iter().filter(|(f, _)| Some(*f) != skip);
        for (facet, value) in noted {
            if note_values(*facet, (self.notes)(projects.key(i))) != value {
                return false;
            }
        }
        let start = |i| projects.start_date(i);
        let year = |y: i32| start(i).and_then(|d| dates::year(d.as_str())) == Some(y);
        self.started.is_none_or(year)
            && self
                .active
                .as_ref()
                .is_none_or(|a| a.covers_at(projects, i))
    }

    /// How many of `rows` have each value of `facet`, when every other
    /// facet holds; most first.
    pub fn counts(
        &self,
        facet: Facet,
        rows: &[usize],
        projects: &Summaries,
    ) -> Vec<(String, usize)> {
        let mut by_value: HashMap<&str, usize> = HashMap::new();
        let mut ids = Vec::new();
        for &i in rows {
            if !self.accepts(i, projects, Some(facet)) {
                continue;
            }
            match facet {
                Facet::Bookmark | Facet::Review => {
                    *by_value
                        .entry(note_values(facet, (self.notes)(projects.key(i))))
                        .or_default() += 1;
                }
                _ => {
                    ids.clear();
                    self.index
                        .each_id(facet, i, self.fields, &mut |id| ids.push(id));
                    ids.sort_unstable();
                    ids.dedup();
                    for &id in &ids {
                        *by_value.entry(self.index.name(id)).or_default() += 1;
                    }
                }
            }
        }
        let mut counts: Vec<(String, usize)> = by_value
            .into_iter()
            .map(|(v, n)| (v.to_string(), n))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_as_written() {
        let d = |s| dates::days_from_iso(s).unwrap();
        let year = Active::parse("2016").unwrap();
        assert_eq!((year.from, year.to), (d("2016-01-01"), d("2016-12-31")));
        let feb = Active::parse("2024-02").unwrap();
        assert_eq!((feb.from, feb.to), (d("2024-02-01"), d("2024-02-29")));
        let range = Active::parse("2015..2017-06").unwrap();
        assert_eq!((range.from, range.to), (d("2015-01-01"), d("2017-06-30")));
        assert!(Active::parse("2017..2015")
            .unwrap_err()
            .contains("ends before"));
        assert!(Active::parse("soon").is_err());
    }

    #[test]
    fn a_project_is_active_if_any_of_its_days_fall_in_the_period() {
        let p = |start: Option<&str>, end: Option<&str>| ProjectSummary {
            start_date: start.map(String::from),
            end_date: end.map(String::from),
            ..ProjectSummary::default()
        };
        let y2016 = Active::parse("2016").unwrap();
        assert!(y2016.covers(&p(Some("2016-02-01"), Some("2019-01-31"))));
        assert!(y2016.covers(&p(Some("2014-01-01"), Some("2016-01-01"))));
        assert!(!y2016.covers(&p(Some("2014-01-02"), Some("2014-10-31"))));
        assert!(y2016.covers(&p(Some("2015-01-01"), None)), "still running");
        assert!(!y2016.covers(&p(None, Some("2016-05-01"))), "start unknown");
    }
}
