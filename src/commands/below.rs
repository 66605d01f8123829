//! The matches of `esf list --filter` after those listed above every text
//! match: for a query of one word, made from what the fields' search
//! found and what the texts hold, in the order a search of both gives
//! them, rather than by searching every project again.

use crate::catalogue::Searchable;
use crate::search::fields::{TextHits, BEST_TEXT};
use crate::search::query::Query;
use crate::search::Match;
use crate::store::Store;

/// What the fields' search found, split where text matches begin.
pub struct Split {
    /// Scored above every text match: listed first, whatever the texts
    /// hold.
    pub above: Vec<Match>,
    /// What is needed to list the rest.
    pub rest: Rest,
}

/// The matches after those above every text match, as far as the fields
/// tell them.
pub struct Rest {
    /// How many are above.
    above: usize,
    /// For a query of one word: the matches the fields score as low as a
    /// text match at most (an organisation only mentioned), and whether
    /// each project is found in its fields at all.
    low: Option<(Vec<Match>, Vec<bool>)>,
}

/// The fields' matches of a query of one group with no excluded term,
/// split (see [`Split`]); None for any other query.
pub fn split(index: &dyn Searchable, query: &Query) -> Option<Split> {
    let [group] = &query.groups[..] else {
        return None;
    };
    if group.iter().any(|t| t.negated) {
        return None;
    }
    let mut found = index.fields().filter(query, &TextHits::default());
    let at = found.partition_point(|m| m.score > BEST_TEXT);
    let low = (group.len() == 1).then(|| {
        let mut in_fields = vec![false; index.fields().len()];
        for m in &found {
            if let Some(found) = in_fields.get_mut(m.index) {
                *found = true;
            }
        }
        (found.split_off(at), in_fields)
    });
    found.truncate(at);
    crate::store::profile::mark("searched the fields");
    let rest = Rest {
        above: found.len(),
        low,
    };
    Some(Split { above: found, rest })
}

/// The matches after those above every text match, once the texts are
/// searched: those the fields score low and those only texts hold, best
/// first (ties in index order), as a search of both gives them. A text
/// match raises no field match of a one-word query (its fields' score
/// stands), so only the projects no field holds are scored by their
/// texts. `rows`: the texts' rows found already, if any.
pub fn after_above(
    index: &dyn Searchable,
    store: &Store,
    query: &Query,
    filter: &str,
    rest: Rest,
    rows: Option<Vec<Vec<i64>>>,
) -> crate::store::Result<Vec<Match>> {
    let Some((low, mut in_fields)) = rest.low else {
        let mut all = index.search_with(filter, store, rows)?;
        all.drain(..rest.above.min(all.len()));
        return Ok(all);
    };
    let mut only_texts = Vec::new();
    if let Some(&(group, term, words)) = query.text_terms().first() {
        let at_rows = rows.and_then(|r| r.into_iter().next());
        let found = match at_rows.and_then(|r| index.at_rows(&r)) {
            Some(found) => found,
            None => index.text_found(words, store)?,
        };
        let mut texts = TextHits::default();
        texts.insert(group, term, &found);
        for index in found {
            let Some(seen) = in_fields.get_mut(index) else {
                continue;
            };
            if !std::mem::replace(seen, true) {
                let score = texts.score(group, term, index).unwrap_or_default();
                only_texts.push(Match { index, score });
            }
        }
    }
    crate::store::profile::mark("texts found");
    only_texts.sort_unstable_by(best_first);
    Ok(merged(low, only_texts))
}

fn best_first(a: &Match, b: &Match) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.index.cmp(&b.index))
}

/// Two lists best first made one.
fn merged(a: Vec<Match>, b: Vec<Match>) -> Vec<Match> {
    let mut all = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if best_first(x, y).is_le() => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(m) => all.push(m),
            None => return all,
        }
    }
}
