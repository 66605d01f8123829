//! Every project's summary kept compactly, column by column: a million
//! summaries as separate structs took ~580 bytes each (nine strings on
//! the heap), here about a hundred. Keys and names sit in one buffer each;
//! owners, regions, funds and periods, which many projects share, are
//! numbers into a table of the values; dates are numbers where written
//! `YYYY-MM-DD`; the written ID is kept only where it is not the key.
//! Every summary comes back exactly as it went in.

use crate::catalogue::column::Column;
use crate::dates;
use crate::model::ProjectSummary;
use std::cmp::Ordering;
use std::collections::HashMap;

/// No value (a missing owner, region, date…).
const NONE: u32 = u32::MAX;

/// A date written otherwise than `YYYY-MM-DD`: the rest of the number is
/// its place among the odd dates.
const ODD: u32 = 1 << 31;

/// Strings in one buffer, each found by where it ends.
#[derive(Debug, Default)]
struct Arena {
    bytes: String,
    ends: Vec<u32>,
}

impl Arena {
    fn push(&mut self, text: &str) {
        self.bytes.push_str(text);
        // Past 4 GB of text the ends no longer fit: never met (a million
        // names are 60 MB); the texts then read as empty, nothing panics.
        self.ends
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
    }

    fn get(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            _ => self.ends.get(index - 1).copied().unwrap_or(0) as usize,
        };
        let end = self.ends.get(index).copied().unwrap_or(0) as usize;
        self.bytes.get(start..end).unwrap_or_default()
    }

    fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Values many projects share, each kept once and named by a number.
#[derive(Debug, Default)]
struct Table {
    values: Vec<Box<str>>,
    numbers: HashMap<Box<str>, u32>,
}

impl Table {
    fn number(&mut self, value: Option<&str>) -> u32 {
        let Some(value) = value else {
            return NONE;
        };
        if let Some(&n) = self.numbers.get(value) {
            return n;
        }
        let n = self.values.len() as u32;
        self.values.push(value.into());
        self.numbers.insert(value.into(), n);
        n
    }

    fn value(&self, number: u32) -> Option<&str> {
        self.values.get(number as usize).map(|v| &**v)
    }
}

/// One bit per project.
#[derive(Debug, Default)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(64) {
            self.words.push(0);
        }
        if bit {
            if let Some(word) = self.words.last_mut() {
                *word |= 1 << (self.len % 64);
            }
        }
        self.len += 1;
    }

    fn get(&self, index: usize) -> bool {
        let word = self.words.get(index / 64).copied().unwrap_or(0);
        word >> (index % 64) & 1 == 1
    }
}

/// Sums of money: four bytes a project for sums from 0 to some four
/// billion kronor, the rest (negative, larger) kept apart by project.
#[derive(Debug, Default)]
struct Money {
    values: Vec<u32>,
    others: Vec<(u32, i64)>,
}

impl Money {
    /// Not given.
    const NONE: u32 = u32::MAX;
    /// Among the others.
    const OTHER: u32 = u32::MAX - 1;

    fn push(&mut self, value: Option<i64>) {
        let small = value.map(u32::try_from);
        let kept = match small {
            None => Money::NONE,
            Some(Ok(v)) if v < Money::OTHER => v,
            Some(_) => {
                let index = self.values.len() as u32;
                self.others.push((index, value.unwrap_or_default()));
                Money::OTHER
            }
        };
        self.values.push(kept);
    }

    fn get(&self, index: usize) -> Option<i64> {
        match *self.values.get(index)? {
            Money::NONE => None,
            Money::OTHER => {
                let at = self.others.binary_search_by_key(&(index as u32), |o| o.0);
                at.ok().map(|at| self.others[at].1)
            }
            v => Some(i64::from(v)),
        }
    }
}

/// Every project's summary, in the order they were added.
#[derive(Debug, Default)]
pub struct Summaries {
    keys: Arena,
    names: Arena,
    named: Bits,
    /// Projects without an ID (their key is derived).
    no_id: Bits,
    /// IDs as written where they are not the key: (project, ID).
    other_ids: Vec<(u32, Box<str>)>,
    owners: Column,
    owner_table: Table,
    /// Region, fund and programme period of each project.
    regions: Column,
    funds: Column,
    periods: Column,
    shared: Table,
    starts: Column,
    ends: Column,
    odd_dates: Vec<Box<str>>,
    budgets: Money,
    grants: Money,
}

/// A date as written, without the heap: ISO dates are rebuilt from their
/// number, others borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateText<'a> {
    Iso([u8; 10]),
    Written(&'a str),
}

impl DateText<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            // Only ASCII digits and dashes are ever written here.
            DateText::Iso(bytes) => std::str::from_utf8(bytes).unwrap_or_default(),
            DateText::Written(text) => text,
        }
    }
}

impl Summaries {
    pub fn len(&self) -> usize {
        self.owners.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a project after those in.
    pub fn push(&mut self, p: &ProjectSummary) {
        let index = self.len() as u32;
        self.keys.push(&p.key);
        self.names.push(p.name.as_deref().unwrap_or_default());
        self.named.push(p.name.is_some());
        self.no_id.push(p.id.is_none());
        match p.id.as_deref() {
            Some(id) if id != p.key => self.other_ids.push((index, id.into())),
            _ => {}
        }
        self.owners
            .push(self.owner_table.number(p.owner.as_deref()));
        self.regions.push(self.shared.number(p.region.as_deref()));
        self.funds.push(self.shared.number(p.fund.as_deref()));
        self.periods
            .push(self.shared.number(p.programme_period.as_deref()));
        let start = self.date_number(p.start_date.as_deref());
        let end = self.date_number(p.end_date.as_deref());
        self.starts.push(start);
        self.ends.push(end);
        self.budgets.push(p.total_budget_sek);
        self.grants.push(p.esf_grant_sek);
    }

    fn date_number(&mut self, text: Option<&str>) -> u32 {
        let Some(text) = text else {
            return NONE;
        };
        if let Some(n) = iso_number(text) {
            return n;
        }
        self.odd_dates.push(text.into());
        ODD | (self.odd_dates.len() as u32 - 1)
    }

    pub fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
        self.names.shrink_to_fit();
        self.other_ids.shrink_to_fit();
        for column in [
            &mut self.owners,
            &mut self.regions,
            &mut self.funds,
            &mut self.periods,
            &mut self.starts,
            &mut self.ends,
        ] {
            column.shrink_to_fit();
        }
        self.budgets.values.shrink_to_fit();
        self.grants.values.shrink_to_fit();
    }

    pub fn key(&self, index: usize) -> &str {
        self.keys.get(index)
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.key(i))
    }

    pub fn name(&self, index: usize) -> Option<&str> {
        self.named.get(index).then(|| self.names.get(index))
    }

    /// The ID as written.
    pub fn id(&self, index: usize) -> Option<&str> {
        if self.no_id.get(index) {
            return None;
        }
        let at = self
            .other_ids
            .binary_search_by_key(&(index as u32), |(i, _)| *i);
        match at {
            Ok(at) => Some(&self.other_ids[at].1),
            Err(_) => Some(self.key(index)),
        }
    }

    pub fn owner(&self, index: usize) -> Option<&str> {
        self.owners
            .get(index)
            .and_then(|n| self.owner_table.value(n))
    }

    pub fn region(&self, index: usize) -> Option<&str> {
        self.regions.get(index).and_then(|n| self.shared.value(n))
    }

    pub fn fund(&self, index: usize) -> Option<&str> {
        self.funds.get(index).and_then(|n| self.shared.value(n))
    }

    pub fn programme_period(&self, index: usize) -> Option<&str> {
        self.periods.get(index).and_then(|n| self.shared.value(n))
    }

    pub fn start_date(&self, index: usize) -> Option<DateText<'_>> {
        self.date(self.starts.get(index).unwrap_or(NONE))
    }

    pub fn end_date(&self, index: usize) -> Option<DateText<'_>> {
        self.date(self.ends.get(index).unwrap_or(NONE))
    }

    fn date(&self, n: u32) -> Option<DateText<'_>> {
        match n {
            NONE => None,
            n if n & ODD != 0 => {
                let odd = self.odd_dates.get((n & !ODD) as usize)?;
                Some(DateText::Written(odd))
            }
            n => Some(DateText::Iso(iso_bytes(n))),
        }
    }

    /// Days since 1970 of the start date, if it is a date.
    pub fn start_days(&self, index: usize) -> Option<i64> {
        days(self.start_date(index)?.as_str())
    }

    pub fn end_days(&self, index: usize) -> Option<i64> {
        days(self.end_date(index)?.as_str())
    }

    pub fn total_budget_sek(&self, index: usize) -> Option<i64> {
        self.budgets.get(index)
    }

    pub fn esf_grant_sek(&self, index: usize) -> Option<i64> {
        self.grants.get(index)
    }

    /// Every summary in order (made whole one at a time).
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            summaries: self,
            at: 0,
        }
    }

    /// Project `index`'s summary as it was added.
    pub fn get(&self, index: usize) -> ProjectSummary {
        let text = |t: Option<&str>| t.map(str::to_string);
        let date = |d: Option<DateText>| d.map(|d| d.as_str().to_string());
        ProjectSummary {
            key: self.key(index).to_string(),
            id: text(self.id(index)),
            name: text(self.name(index)),
            owner: text(self.owner(index)),
            region: text(self.region(index)),
            fund: text(self.fund(index)),
            programme_period: text(self.programme_period(index)),
            start_date: date(self.start_date(index)),
            end_date: date(self.end_date(index)),
            total_budget_sek: self.total_budget_sek(index),
            esf_grant_sek: self.esf_grant_sek(index),
        }
    }

    /// Two projects' start (or end) dates in the order of their texts.
    pub fn compare_dates(&self, a: usize, b: usize, end: bool) -> Option<Ordering> {
        let column = if end { &self.ends } else { &self.starts };
        let (x, y) = (column.get(a)?, column.get(b)?);
        match (x, y) {
            (NONE, _) | (_, NONE) => None,
            // Digits in the same places: the numbers sort as the texts.
            (x, y) if x & ODD == 0 && y & ODD == 0 => Some(x.cmp(&y)),
            (x, y) => Some(self.date(x)?.as_str().cmp(self.date(y)?.as_str())),
        }
    }
}

/// Every summary in order, each made whole as it is reached.
pub struct Iter<'a> {
    summaries: &'a Summaries,
    at: usize,
}

impl Iterator for Iter<'_> {
    type Item = ProjectSummary;

    fn next(&mut self) -> Option<ProjectSummary> {
        let at = self.at;
        (at < self.summaries.len()).then(|| {
            self.at += 1;
            self.summaries.get(at)
        })
    }
}

impl<'a> IntoIterator for &'a Summaries {
    type Item = ProjectSummary;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Days since 1970 of a date's text, as [`dates::days_from_iso`] reads it.
fn days(text: &str) -> Option<i64> {
    dates::days_from_iso(text)
}

/// `2016-02-01` as 20160201; None for any other text.
fn iso_number(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit();
    let iso = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if !(iso && [0, 1, 2, 3, 5, 6, 8, 9].into_iter().all(digit)) {
        return None;
    }
    let n = [0, 1, 2, 3, 5, 6, 8, 9]
        .into_iter()
        .fold(0u32, |n, i| n * 10 + u32::from(b[i] - b'0'));
    Some(n)
}

/// 20160201 as the bytes of `2016-02-01`.
fn iso_bytes(n: u32) -> [u8; 10] {
    let mut out = *b"0000-00-00";
    let places = [9, 8, 6, 5, 3, 2, 1, 0];
    let mut rest = n;
    for at in places {
        out[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sum_of_money_comes_back() {
        let sums = [
            Some(0),
            Some(4_294_967_293),
            Some(4_294_967_294),
            Some(4_294_967_295),
            None,
            Some(-1),
            Some(i64::MAX),
            Some(i64::MIN),
            Some(30_000_992),
        ];
        let mut s = Summaries::default();
        for sum in sums {
            s.push(&ProjectSummary {
                total_budget_sek: sum,
                esf_grant_sek: sum.map(|v| v / 2),
                ..ProjectSummary::default()
            });
        }
        for (i, sum) in sums.into_iter().enumerate() {
            assert_eq!(s.total_budget_sek(i), sum, "{i}");
            assert_eq!(s.esf_grant_sek(i), sum.map(|v| v / 2), "{i}");
        }
    }

    #[test]
    fn dates_keep_their_text_and_order() {
        assert_eq!(iso_number("2016-02-01"), Some(20_160_201));
        assert_eq!(&iso_bytes(20_160_201), b"2016-02-01");
        assert_eq!(iso_number("2016-2-01"), None);
        assert_eq!(iso_number("2016-02-01 "), None);
        assert_eq!(iso_number("२०१६-02-01"), None);
        let mut s = Summaries::default();
        for d in ["2016-02-01", "1 feb 2016", "2015-12-31"] {
            s.push(&ProjectSummary {
                start_date: Some(d.into()),
                ..ProjectSummary::default()
            });
        }
        s.push(&ProjectSummary::default());
        assert_eq!(s.start_date(1).unwrap().as_str(), "1 feb 2016");
        assert_eq!(s.compare_dates(0, 2, false), Some(Ordering::Greater));
        assert_eq!(s.compare_dates(1, 0, false), Some(Ordering::Less));
        assert_eq!(s.compare_dates(0, 3, false), None);
        assert_eq!(s.start_days(0), dates::days_from_iso("2016-02-01"));
        assert_eq!(s.start_days(1), None);
    }
}
