//! Projects as bars over the years (a Gantt chart in text), and the
//! periods no project covers. Pure: summaries in, rows and gaps out.

use crate::dates;
use crate::model::ProjectSummary;

/// One project on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Bar {
    pub key: String,
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(rename = "start_date")]
    pub start: Option<String>,
    #[serde(rename = "end_date")]
    pub end: Option<String>,
    pub esf_grant_sek: Option<i64>,
}

/// A period no project covers, both days included.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Gap {
    pub from: String,
    pub to: String,
    pub days: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Timeline {
    /// Projects with both dates, by start (then end, then name).
    pub projects: Vec<Bar>,
    pub gaps: Vec<Gap>,
    /// Projects without a start or an end date: in no bar, no gap.
    pub undated: Vec<Bar>,
}

impl Bar {
    /// Project `i` of a catalogue's summaries.
    pub fn at(p: &crate::catalogue::summaries::Summaries, i: usize) -> Bar {
        let date =
            |d: Option<crate::catalogue::summaries::DateText>| d.map(|d| d.as_str().to_string());
        Bar {
            key: p.key(i).to_string(),
            id: p.id(i).map(str::to_string),
            name: p.name(i).map(str::to_string),
            start: date(p.start_date(i)),
            end: date(p.end_date(i)),
            esf_grant_sek: p.esf_grant_sek(i),
        }
    }

    pub fn of(p: &ProjectSummary) -> Bar {
        Bar {
            key: p.key.clone(),
            id: p.id.clone(),
            name: p.name.clone(),
            start: p.start_date.clone(),
            end: p.end_date.clone(),
            esf_grant_sek: p.esf_grant_sek,
        }
    }

    /// Days since 1970 of its start and end (an end before the start is
    /// taken as the start).
    pub fn days(&self) -> Option<(i64, i64)> {
        let day = |d: &Option<String>| d.as_deref().and_then(dates::days_from_iso);
        let (start, end) = (day(&self.start)?, day(&self.end)?);
        Some((start, end.max(start)))
    }
}

/// The timeline of these projects.
pub fn build(bars: Vec<Bar>) -> Timeline {
    let (mut projects, undated): (Vec<Bar>, Vec<Bar>) =
        bars.into_iter().partition(|b| b.days().is_some());
    projects.sort_by(|a, b| (a.days(), &a.name, &a.key).cmp(&(b.days(), &b.name, &b.key)));
    let gaps = gaps(&projects);
    Timeline {
        projects,
        gaps,
        undated,
    }
}

/// Days between the projects' periods that none of them covers: a project
/// ending the day before the next starts leaves none.
fn gaps(sorted: &[Bar]) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let mut covered_to: Option<i64> = None;
    for (start, end) in sorted.iter().filter_map(Bar::days) {
        if let Some(to) = covered_to {
            if start > to + 1 {
                gaps.push(Gap {
                    from: dates::iso_from_days(to + 1),
                    to: dates::iso_from_days(start - 1),
                    days: start - 1 - to,
                });
            }
        }
        covered_to = Some(covered_to.map_or(end, |to| to.max(end)));
    }
    gaps
}

/// The first day of the year of `day` and of the year after `last`'s:
/// the axis runs over whole years.
pub fn axis(t: &Timeline) -> Option<(i64, i64)> {
    let first = t.projects.iter().filter_map(Bar::days).map(|d| d.0).min()?;
    let last = t.projects.iter().filter_map(Bar::days).map(|d| d.1).max()?;
    let year = |d: i64| dates::year(&dates::iso_from_days(d)).unwrap_or(1970);
    let jan1 = |y: i32| dates::days_from_iso(&format!("{y:04}-01-01")).unwrap_or(0);
    Some((jan1(year(first)), jan1(year(last) + 1)))
}

/// A bar `width` characters wide over the axis `from..to` (days): `█`
/// where the project covers most of a character's days, `▐` where it
/// begins late in one, `▌` where it covers some otherwise (so a short
/// project never vanishes), blank elsewhere.
pub fn bar(period: (i64, i64), (from, to): (i64, i64), width: usize) -> String {
    let span = (to - from).max(1) as f64;
    let per = span / width.max(1) as f64;
    let (start, end) = (period.0 as f64, period.1 as f64 + 1.0);
    (0..width)
        .map(|i| {
            let a = from as f64 + i as f64 * per;
            let b = a + per;
            let covered = (end.min(b) - start.max(a)).max(0.0) / per;
            match covered {
                c if c >= 0.6 => '█',
                c if c > 0.0 && start > a && end >= b => '▐',
                c if c > 0.0 => '▌',
                _ => ' ',
            }
        })
        .collect()
}

/// The year line under the bars: each year's label where its 1 January
/// falls, when there is room for it (`2016`, or `16` when years are
/// narrow).
pub fn year_line((from, to): (i64, i64), width: usize) -> String {
    let mut line = vec![' '; width];
    let first = dates::year(&dates::iso_from_days(from)).unwrap_or(1970);
    let last = dates::year(&dates::iso_from_days(to)).unwrap_or(first);
    let years = (last - first).max(1) as usize;
    let short = width / years < 5;
    let mut free = 0;
    for y in first..last {
        let day = dates::days_from_iso(&format!("{y:04}-01-01")).unwrap_or(from);
        let at = ((day - from) as f64 / (to - from).max(1) as f64 * width as f64) as usize;
        let label = match short {
            true => format!("{:02}", y.rem_euclid(100)),
            false => y.to_string(),
        };
        if at >= free && at + label.len() <= width {
            for (i, c) in label.chars().enumerate() {
                line[at + i] = c;
            }
            free = at + label.len() + 1;
        }
    }
    line.into_iter().collect::<String>().trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar_of(key: &str, start: &str, end: &str) -> Bar {
        Bar {
            key: key.into(),
            id: Some(key.into()),
            name: Some(key.into()),
            start: Some(start.into()),
            end: Some(end.into()),
            esf_grant_sek: None,
        }
    }

    #[test]
    fn adjacent_periods_leave_no_gap_and_a_year_between_is_one() {
        let t = build(vec![
            bar_of("c", "2019-01-01", "2019-06-30"),
            bar_of("a", "2015-01-01", "2016-12-31"),
            bar_of("b", "2017-01-01", "2017-12-31"),
        ]);
        let keys: Vec<&str> = t.projects.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(
            t.gaps,
            [Gap {
                from: "2018-01-01".into(),
                to: "2018-12-31".into(),
                days: 365
            }]
        );
    }

    #[test]
    fn a_bar_fills_its_years_and_a_short_one_still_shows() {
        let axis = (
            dates::days_from_iso("2015-01-01").unwrap(),
            dates::days_from_iso("2017-01-01").unwrap(),
        );
        let whole = (axis.0, axis.1 - 1);
        assert_eq!(bar(whole, axis, 4), "████");
        let a_week = (axis.0 + 10, axis.0 + 17);
        assert_eq!(bar(a_week, axis, 4), "▌   ");
        // 2016-01-01 is day 365 of 731: column 9 of 20.
        assert_eq!(year_line(axis, 20), "2015     2016");
    }
}
