//! The list's columns for a width: the name gets the room first (enough to
//! show the names on screen whole, or at least to tell them apart), then
//! the other columns in the order they matter, each only where the name
//! keeps its room. Every width is exact, so a cell cut here shows "…".

use crate::catalogue::SortKey;
use unicode_width::UnicodeWidthStr;

/// The marks before the name (bookmark, review, note, change).
pub const MARK: u16 = 4;
/// The selection's "▶ " before every row.
pub const SYMBOL: u16 = 2;
/// A name is given at least this much before another column is added,
/// unless the names on screen are shorter.
const NAME_ROOM: u16 = 32;
/// The owner is worth a column from this wide.
const OWNER_MIN: u16 = 18;
/// Why a project matched ("partner: Försäkringskassan") from this wide.
const MATCHED_MIN: u16 = 24;

/// What the names on screen need: the widest of them, and the width that
/// tells apart any two that differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameNeeds {
    pub widest: u16,
    pub distinct: u16,
}

impl NameNeeds {
    /// From the names shown.
    pub fn of<'a>(names: impl Iterator<Item = &'a str>) -> NameNeeds {
        let mut names: Vec<&str> = names.collect();
        // Never narrower than its heading ("NAME", "NAMN").
        let widest = names.iter().map(|n| n.width()).max().unwrap_or(0).max(4);
        names.sort_unstable();
        names.dedup();
        let distinct = names
            .windows(2)
            .map(|pair| telling_apart(pair[0], pair[1]))
            .max()
            .unwrap_or(0);
        NameNeeds {
            widest: clamp(widest),
            distinct: clamp(distinct),
        }
    }

    /// The least the name column is given before other columns.
    fn room(self) -> u16 {
        self.widest.min(NAME_ROOM).max(self.distinct)
    }
}

fn clamp(n: usize) -> u16 {
    n.min(u16::MAX as usize) as u16
}

/// The width at which two names cut with "…" still differ: their common
/// start, the first letter that differs, and the "…" (or the shorter name
/// whole, when that is all there is).
fn telling_apart(a: &str, b: &str) -> usize {
    let common: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .sum();
    (common + 2).min(a.width().max(b.width()))
}

/// The columns of a list `width` wide (with its border), each with its
/// width; the first is the marks, the second the name.
pub fn columns(
    width: u16,
    sort: SortKey,
    filtered: bool,
    names: NameNeeds,
) -> Vec<(&'static str, u16)> {
    let inner = width.saturating_sub(2 + SYMBOL);
    let wanted = match filtered {
        true => filtered_wanted(),
        false => plain_wanted(sort),
    };
    let mut cols = vec![("", MARK), ("NAME", 0)];
    // The room left for the name once the marks and the columns are in.
    let mut left = inner.saturating_sub(MARK + 1);
    // What a flexible column wants beyond its least, before the next comes.
    let mut reserve = 0;
    for (name, w) in wanted {
        if left >= w + 1 + names.room() + reserve {
            left -= w + 1;
            cols.push((name, w));
            reserve += wants_beyond(name);
        }
    }
    // What the name keeps here is its room, not its widest: the columns
    // stay as they are while the list scrolls past longer names.
    widen(&mut cols, &mut left, names.room());
    // The name up to its widest; the rest to the flexible column.
    match cols.iter().position(|(n, _)| is_flexible(n)) {
        Some(at) => {
            let name = left.min(names.widest);
            cols[1].1 = name;
            cols[at].1 += left - name;
        }
        None => cols[1].1 = left,
    }
    cols
}

/// Why a project matched is read beside the name: the columns after it
/// come only where it keeps this much more than its least.
fn wants_beyond(column: &str) -> u16 {
    match column {
        "MATCHED" => 16,
        _ => 0,
    }
}

/// The owner and why a project matched take what the name leaves.
fn is_flexible(column: &str) -> bool {
    matches!(column, "OWNER" | "MATCHED")
}

/// Columns after the name, in the order they matter, at their least width.
fn plain_wanted(sort: SortKey) -> Vec<(&'static str, u16)> {
    let mut wanted = vec![("ID", 12)];
    match sort {
        SortKey::Budget => wanted.push(("BUDGET", 13)),
        SortKey::Grant => wanted.push(("GRANT", 13)),
        _ => wanted.push(("YEARS", 9)),
    }
    wanted.extend([("REGION", 13), ("OWNER", OWNER_MIN)]);
    wanted
}

fn filtered_wanted() -> Vec<(&'static str, u16)> {
    vec![
        ("MATCHED", MATCHED_MIN),
        ("ID", 12),
        ("REGION", 13),
        ("YEARS", 9),
    ]
}

/// With room to spare beyond the name's: regions whole (up to 19 wide),
/// and full dates instead of years.
fn widen(cols: &mut [(&'static str, u16)], left: &mut u16, room: u16) {
    for (name, w) in cols.iter_mut() {
        let (to, as_name) = match *name {
            "REGION" => (20, "REGION"),
            "YEARS" => (23, "PERIOD"),
            _ => continue,
        };
        if left.saturating_sub(room) >= to - *w {
            *left -= to - *w;
            (*name, *w) = (as_name, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(widest: u16, distinct: u16) -> NameNeeds {
        NameNeeds { widest, distinct }
    }

    fn total(cols: &[(&str, u16)]) -> u16 {
        cols.iter().map(|(_, w)| w).sum::<u16>() + cols.len() as u16 - 1
    }

    #[test]
    fn the_columns_fill_the_width_exactly() {
        for width in [30, 60, 66, 80, 120, 124, 200] {
            for filtered in [false, true] {
                let cols = columns(width, SortKey::Name, filtered, needs(70, 40));
                assert_eq!(total(&cols), width - 4, "{width} {filtered}: {cols:?}");
            }
        }
    }

    #[test]
    fn the_name_keeps_its_room_before_another_column_comes() {
        let name = |cols: &[(&str, u16)]| cols[1].1;
        // 80 columns: the list alone.
        let at_80 = columns(80, SortKey::Name, false, needs(70, 20));
        assert!(name(&at_80) >= 32, "{at_80:?}");
        // 120 columns: the list is 66 wide beside the detail.
        let at_120 = columns(66, SortKey::Name, false, needs(70, 20));
        assert!(name(&at_120) >= 32, "{at_120:?}");
        let searched = columns(66, SortKey::Name, true, needs(70, 20));
        assert!(name(&searched) >= 32, "{searched:?}");
        assert!(
            searched.iter().any(|(n, _)| *n == "MATCHED"),
            "{searched:?}"
        );
        // Two names alike for their first 44 columns are told apart.
        let alike = columns(66, SortKey::Name, false, needs(70, 46));
        assert!(name(&alike) >= 46, "{alike:?}");
    }

    #[test]
    fn short_names_leave_the_room_to_the_other_columns() {
        let cols = columns(124, SortKey::Name, false, needs(27, 14));
        let names: Vec<&str> = cols.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["", "NAME", "ID", "PERIOD", "REGION", "OWNER"]);
        assert_eq!(cols[1].1, 27, "the names whole");
    }

    #[test]
    fn names_that_differ_late_need_the_width_to_their_difference() {
        let a = "Kompetensutveckling inom vård och omsorg i Skåne";
        let b = "Kompetensutveckling inom vård och omsorg i Halland";
        let got = NameNeeds::of([a, b, a].into_iter());
        assert_eq!(got.distinct, 45, "43 alike, the letter that differs, the …");
        assert_eq!(got.widest, 50);
        let same = NameNeeds::of(["Inkluderande", "Inkluderande"].into_iter());
        assert_eq!(same.distinct, 0, "the same name is the same");
    }
}
