//! A header row to the columns a list knows, in any order: a header
//! matches a known name whole, or by either half of a bilingual
//! `Svenska / English` header, whatever its case and spacing.

/// A header's key: lower case, spaces folded.
pub fn key(header: &str) -> String {
    crate::ingest::text::fold_spaces(header).to_lowercase()
}

/// The known column each header names (`None` for unknown ones and for a
/// column named a second time, which is then kept in `extra`; columns of
/// `repeatable` may stand more than once).
pub fn map<C: Copy + PartialEq>(
    header: &[String],
    known: &[(&str, C)],
    repeatable: &[C],
) -> Vec<Option<C>> {
    let mut used: Vec<C> = Vec::new();
    header
        .iter()
        .map(|h| {
            let col = find(&key(h), known)?;
            match used.contains(&col) && !repeatable.contains(&col) {
                true => None,
                false => {
                    used.push(col);
                    Some(col)
                }
            }
        })
        .collect()
}

fn find<C: Copy>(key: &str, known: &[(&str, C)]) -> Option<C> {
    let exact = |k: &str| known.iter().find(|(n, _)| *n == k).map(|(_, c)| *c);
    exact(key).or_else(|| {
        let (sv, en) = key.split_once(" / ")?;
        exact(sv.trim()).or_else(|| exact(en.trim()))
    })
}

/// How many of `wanted` the mapped header has.
pub fn count<C: Copy + PartialEq>(cols: &[Option<C>], wanted: &[C]) -> usize {
    wanted
        .iter()
        .filter(|w| cols.iter().any(|c| c.as_ref() == Some(w)))
        .count()
}

/// Known columns the header has, all told.
pub fn known(cols: &[Option<impl Copy>]) -> usize {
    cols.iter().filter(|c| c.is_some()).count()
}

/// A header is a list's when it has one of `ids` (an id or a name) and
/// two more of the list's own columns (`general` ones not counted).
pub fn recognised<C: Copy + PartialEq>(cols: &[Option<C>], ids: &[C], general: &[C]) -> bool {
    let own = cols
        .iter()
        .filter(|c| c.is_some_and(|c| !general.contains(&c)))
        .count();
    count(cols, ids) >= 1 && own >= 3
}

/// The cell of the first column that is `col`, if it is not empty.
pub fn cell<'a, C: Copy + PartialEq>(
    cols: &[Option<C>],
    cells: &'a [String],
    col: C,
) -> Option<&'a str> {
    let i = cols.iter().position(|c| *c == Some(col))?;
    cells.get(i).map(String::as_str).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilingual_headers_match_by_either_half_in_any_case() {
        let known = [
            ("diarienummer", 1),
            ("operation name", 2),
            ("start date", 3),
        ];
        let header: Vec<String> = [
            "Startdatum / START DATE",
            "Diarienummer / Operation ID",
            "Namn på insatsen /  Operation Name",
            "Okänd",
            "Diarienummer",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            map(&header, &known, &[]),
            [Some(3), Some(1), Some(2), None, None]
        );
    }
}
