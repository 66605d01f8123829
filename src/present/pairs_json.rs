//! Overlapping pairs as `esf overlaps --json` writes them: each pair
//! pretty-printed on its own, as [`super::safe_json`] writes it. A project
//! in a thousand pairs is written once per organisation: its object, made
//! at the depth it stands at in a pair, is reused for every pair it is in.

use crate::overlaps::{Pair, Shared, Side};
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::io::{self, Write};

/// A pair as its JSON gives it, the sides already made.
#[derive(Serialize)]
struct Made<'a> {
    organisation: &'a str,
    org_numbers: &'a [String],
    projects: [&'a RawValue; 2],
    shared: &'a [Shared],
    days: i64,
    from: &'a str,
    to: &'a str,
}

/// Writes `pairs` as objects of an array `before` objects of which are
/// written already: each after `[` and a newline (the first) or a comma
/// and a newline.
pub fn write_pairs(out: &mut dyn Write, pairs: &[Pair], before: usize) -> io::Result<()> {
    let mut sides: HashMap<&str, Box<RawValue>> = HashMap::new();
    for (i, pair) in pairs.iter().enumerate() {
        for side in &pair.projects {
            if !sides.contains_key(side.key.as_str()) {
                sides.insert(&side.key, side_at_depth(side)?);
            }
        }
        let made = Made {
            organisation: &pair.organisation,
            org_numbers: &pair.org_numbers,
            projects: [
                &sides[pair.projects[0].key.as_str()],
                &sides[pair.projects[1].key.as_str()],
            ],
            shared: &pair.shared,
            days: pair.days,
            from: &pair.from,
            to: &pair.to,
        };
        let lead = if before + i == 0 { "[\n" } else { ",\n" };
        out.write_all(lead.as_bytes())?;
        super::safe_json::to_writer(&mut *out, &made)?;
    }
    Ok(())
}

/// A side's object indented as it stands in a pair's `projects`.
fn side_at_depth(side: &Side) -> io::Result<Box<RawValue>> {
    let text = super::safe_json::to_string(side).replace('\n', "\n    ");
    Ok(RawValue::from_string(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn side(key: &str, name: Option<&str>) -> Arc<Side> {
        Arc::new(Side {
            key: key.into(),
            id: Some(key.into()),
            name: name.map(str::to_string),
            owner: None,
            start_date: Some("2016-01-01".into()),
            end_date: None,
        })
    }

    fn pair(a: &Arc<Side>, b: &Arc<Side>, numbers: &[&str], shared: Vec<Shared>) -> Pair {
        Pair {
            organisation: "Göteborgs \"Stad\"\u{9b}".into(),
            org_numbers: numbers.iter().map(|n| n.to_string()).collect(),
            projects: [Arc::clone(a), Arc::clone(b)],
            shared,
            days: 30,
            from: "2016-01-01".into(),
            to: "2016-01-30".into(),
        }
    }

    #[test]
    fn each_pair_is_written_as_the_pair_itself_serialises() {
        let (a, b) = (side("A", Some("Ett\u{202e}\n\"två\"")), side("B", None));
        let area = Shared {
            what: "programme_area",
            value: "2".into(),
        };
        let pairs = [
            pair(&a, &b, &[], Vec::new()),
            pair(&a, &b, &["212000-1033", "212000-1034"], vec![area]),
            pair(&b, &a, &["x"], Vec::new()),
        ];
        let mut written = Vec::new();
        write_pairs(&mut written, &pairs[..1], 0).unwrap();
        write_pairs(&mut written, &pairs[1..], 1).unwrap();
        let each: Vec<String> = pairs
            .iter()
            .map(super::super::safe_json::to_string)
            .collect();
        let expected = format!("[\n{}", each.join(",\n"));
        assert_eq!(String::from_utf8(written).unwrap(), expected);
    }
}
