//! Overlaps: two projects of one organisation (their owner, units rolled
//! up to it) that ran at the same time, by at least one day, and share a
//! programme area, a specific objective or a municipality a document gives
//! as such. Pure: projects in, pairs out; the cache finds the projects.

use serde::Serialize;
use std::sync::Arc;

mod cross_fund;
mod within;
pub use cross_fund::{
    cross_fund_headline, cross_fund_pair, cross_fund_tie, CrossFundPair, OfProject, OtherSide,
};
pub use within::{keys_in_pairs, pairs_within};

/// A project as overlaps compare it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidate {
    pub key: String,
    /// The diarienummer as written (`None` for a made key).
    pub id: Option<String>,
    pub name: Option<String>,
    /// The owner as the project's record names it (a unit, maybe).
    pub owner: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub programme_period: Option<String>,
    pub programme_area: Option<String>,
    pub specific_objective: Option<String>,
    /// Municipalities a document gives as such (list, owner, partner,
    /// place), never one only its text names.
    pub municipalities: Vec<String>,
}

impl Candidate {
    /// The period in days since 1970, when both dates are known and in
    /// order.
    fn days(&self) -> Option<(i64, i64)> {
        let start = crate::dates::days_from_iso(self.start_date.as_deref()?)?;
        let end = crate::dates::days_from_iso(self.end_date.as_deref()?)?;
        (end >= start).then_some((start, end))
    }

    /// Whether the period can be compared at all.
    pub fn has_period(&self) -> bool {
        self.days().is_some()
    }
}

/// One project of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub owner: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

impl Side {
    /// "2015/00730 effektbutiken · Göteborgs Stad · 2016-02-01 – 2019-01-31"
    /// (raw: sanitise where written).
    pub fn text(&self) -> String {
        let period = crate::present::format::period_text(
            self.start_date.as_deref(),
            self.end_date.as_deref(),
        );
        let rest: Vec<String> = [self.name.clone(), self.owner.clone(), period]
            .into_iter()
            .flatten()
            .collect();
        format!("{} {}", self.key, rest.join(" · "))
    }
}

impl From<&Candidate> for Side {
    fn from(c: &Candidate) -> Side {
        Side {
            key: c.key.clone(),
            id: c.id.clone(),
            name: c.name.clone(),
            owner: c.owner.clone(),
            start_date: c.start_date.clone(),
            end_date: c.end_date.clone(),
        }
    }
}

/// What two projects share: `programme_area`, `specific_objective` or
/// `municipality`, and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shared {
    pub what: &'static str,
    pub value: String,
}

/// Two projects of one organisation whose periods overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// The organisation both belong to (units rolled up unless asked not to).
    pub organisation: String,
    /// Its organisationsnummer, where documents give one (shared by the
    /// organisation's pairs).
    pub org_numbers: Arc<[String]>,
    /// The one that starts first (the one asked about, for a project's own);
    /// a project's side is shared by every pair it is in.
    pub projects: [Arc<Side>; 2],
    pub shared: Vec<Shared>,
    /// Days both ran, the first and last of them counted.
    pub days: i64,
    /// The first and the last day both ran.
    pub from: String,
    pub to: String,
}

/// What `a` and `b` share. A programme area or an objective is shared only
/// within one programme period (area 2 of 2007–2013 is not 2014–2020's).
pub fn shared(a: &Candidate, b: &Candidate) -> Vec<Shared> {
    let mut found = Vec::new();
    let same_period = match (&a.programme_period, &b.programme_period) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let fields = [
        ("programme_area", &a.programme_area, &b.programme_area),
        (
            "specific_objective",
            &a.specific_objective,
            &b.specific_objective,
        ),
    ];
    for (what, x, y) in fields {
        if let (Some(x), Some(y), true) = (x, y, same_period) {
            if !x.trim().is_empty() && x.trim().eq_ignore_ascii_case(y.trim()) {
                found.push(Shared {
                    what,
                    value: x.trim().to_string(),
                });
            }
        }
    }
    for m in &a.municipalities {
        let again = b.municipalities.iter().any(|n| same_name(m, n));
        let seen = found.iter().any(|s| s.value == *m);
        if again && !seen && !m.trim().is_empty() {
            found.push(Shared {
                what: "municipality",
                value: m.clone(),
            });
        }
    }
    found
}

/// The same name in any case, compared without allocating (pairs are
/// compared by the ten thousand for one organisation).
fn same_name(a: &str, b: &str) -> bool {
    let a = a.trim().chars().flat_map(char::to_lowercase);
    a.eq(b.trim().chars().flat_map(char::to_lowercase))
}

/// The pair `a` and `b` make, if they overlap by a day or more and share
/// something; `a` is given first.
pub fn pair_of(organisation: &str, a: &Candidate, b: &Candidate) -> Option<Pair> {
    pair_in_days(organisation, (a, a.days()?), (b, b.days()?))
}

/// [`pair_of`] with each project's period in days worked out already.
fn pair_in_days(
    organisation: &str,
    (a, (a_start, a_end)): (&Candidate, (i64, i64)),
    (b, (b_start, b_end)): (&Candidate, (i64, i64)),
) -> Option<Pair> {
    let (from, to) = (a_start.max(b_start), a_end.min(b_end));
    if to < from || a.key == b.key {
        return None;
    }
    let shared = shared(a, b);
    if shared.is_empty() {
        return None;
    }
    Some(Pair {
        organisation: organisation.to_string(),
        org_numbers: Arc::from([]),
        projects: [Arc::new(Side::from(a)), Arc::new(Side::from(b))],
        shared,
        days: to - from + 1,
        from: crate::dates::iso_from_days(from),
        to: crate::dates::iso_from_days(to),
    })
}

/// "days together: 30 (2016-01-01 – 2016-01-30) · shares: programme area 2".
pub fn headline(pair: &Pair) -> String {
    let mut out = String::new();
    write_headline(&mut out, pair);
    out
}

/// [`headline`] added to `out` (raw: sanitise where written), with no
/// text made on the way: pairs are written by the hundred thousand.
pub fn write_headline(out: &mut String, pair: &Pair) {
    use std::fmt::Write as _;
    let mut parts = crate::i18n::t("days together: {} ({} – {}) · shares: {}").split("{}");
    out.push_str(parts.next().unwrap_or_default());
    for (i, part) in parts.enumerate() {
        match i {
            0 => {
                let _ = write!(out, "{}", pair.days);
            }
            1 => out.push_str(&pair.from),
            2 => out.push_str(&pair.to),
            3 => write_shared(out, &pair.shared),
            _ => {}
        }
        out.push_str(part);
    }
}

/// What a run compared and left out, on one line.
pub fn counted(pairs: usize, compared: usize, without_dates: usize) -> String {
    crate::i18n::tf(
        "overlapping pairs: {} · projects compared: {} · left out (no start or end date): {}",
        &[&pairs, &compared, &without_dates],
    )
}

/// The pairs `focus` makes with the others of its organisation.
pub fn pairs_with(organisation: &str, focus: &Candidate, others: &[Candidate]) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = others
        .iter()
        .filter_map(|other| pair_of(organisation, focus, other))
        .collect();
    sort(&mut pairs);
    pairs
}

/// Organisation by name, then most days first, then by keys.
pub fn sort(pairs: &mut [Pair]) {
    pairs.sort_by(|a, b| {
        // Lower case only where the names differ: one organisation's
        // pairs are sorted by the ten thousand.
        let org = match a.organisation == b.organisation {
            true => std::cmp::Ordering::Equal,
            false => a
                .organisation
                .to_lowercase()
                .cmp(&b.organisation.to_lowercase()),
        };
        org.then(b.days.cmp(&a.days))
            .then(a.projects[0].key.cmp(&b.projects[0].key))
            .then(a.projects[1].key.cmp(&b.projects[1].key))
    });
}

/// "programme area 2; municipality Vellinge", in the language in force.
pub fn shared_text(shared: &[Shared]) -> String {
    let mut out = String::new();
    write_shared(&mut out, shared);
    out
}

/// [`shared_text`] added to `out`.
fn write_shared(out: &mut String, shared: &[Shared]) {
    for (i, s) in shared.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(crate::i18n::word(label(s.what)));
        out.push(' ');
        out.push_str(&s.value);
    }
}

fn label(what: &str) -> &str {
    match what {
        "programme_area" => "programme area",
        "specific_objective" => "specific objective",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(key: &str, start: &str, end: &str) -> Candidate {
        Candidate {
            key: key.into(),
            start_date: Some(start.into()),
            end_date: Some(end.into()),
            programme_period: Some("2014-2020".into()),
            programme_area: Some("2".into()),
            ..Candidate::default()
        }
    }

    #[test]
    fn thirty_days_of_january_overlap() {
        let a = project("A", "2016-01-01", "2016-01-30");
        let b = project("B", "2015-06-01", "2016-12-31");
        let pairs = pairs_within("X", &[a, b]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].days, 30);
        assert_eq!(
            (pairs[0].from.as_str(), pairs[0].to.as_str()),
            ("2016-01-01", "2016-01-30")
        );
        assert_eq!(pairs[0].projects[0].key, "B", "the first to start first");
    }

    #[test]
    fn adjacent_periods_and_one_shared_day() {
        let a = project("A", "2016-01-01", "2016-06-30");
        let next = project("B", "2016-07-01", "2016-12-31");
        assert!(pairs_within("X", &[a.clone(), next]).is_empty());
        let touching = project("C", "2016-06-30", "2016-12-31");
        assert_eq!(pairs_within("X", &[a, touching])[0].days, 1);
    }

    #[test]
    fn an_area_of_another_programme_period_is_not_shared() {
        let a = project("A", "2016-01-01", "2016-06-30");
        let mut b = project("B", "2016-01-01", "2016-06-30");
        b.programme_period = Some("2007-2013".into());
        assert!(pair_of("X", &a, &b).is_none());
        b.municipalities = vec!["Vellinge".into()];
        let mut a = a;
        a.municipalities = vec!["vellinge".into()];
        let pair = pair_of("X", &a, &b).unwrap();
        assert_eq!(shared_text(&pair.shared), "municipality vellinge");
    }

    #[test]
    fn no_dates_no_pair() {
        let a = project("A", "2016-01-01", "2016-06-30");
        let mut b = a.clone();
        b.key = "B".into();
        b.end_date = None;
        assert!(pair_of("X", &a, &b).is_none());
    }
}
