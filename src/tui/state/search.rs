//! The search part of the state: what the search box holds, what the
//! texts hold for it (found on another thread, arriving later) and the
//! facets in force. Its update reads nothing: it asks for the texts.

use super::status::Notice;
use crate::catalogue::facets::Filters;
use crate::search::fields::{Reason, TextHits};
use crate::search::query::{cut_to_bound, Query, MAX_QUERY_CHARS};
use crate::tui::effect::Effect;
use crate::tui::history::History;
use crate::tui::keymap::Action;
use crate::tui::line_edit::{LineEdit, LineOp};
use crate::tui::msg::TextAnswer;
use std::collections::HashMap;

/// The search box, its text matches and the facets.
#[derive(Debug, Default)]
pub struct Search {
    /// What the search box holds, with its cursor.
    pub query: LineEdit,
    /// What the texts hold for the query (arriving after the field matches).
    pub texts: Texts,
    /// The facet filters in force.
    pub facets: Filters,
    /// The searches left this session (the projects' and the
    /// organisations'), for the box to bring back.
    pub history: History,
}

/// Text matches of the search box, for the query they were found for.
#[derive(Debug, Default)]
pub struct Texts {
    pub query: String,
    pub hits: TextHits,
    /// A few words around the match, by project key.
    pub snippets: HashMap<String, Reason>,
    /// The query the texts are being searched for, while they are.
    pub asked: Option<String>,
}

/// A change to the text in the search box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Type(char),
    /// Pasted text, already one line without controls.
    Paste(String),
    /// A move or a deletion at the cursor.
    Line(LineOp),
    /// The whole text replaced (a search from the history).
    Set(String),
}

/// What a key does while the search box has the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterStep {
    /// Keep the search and leave the box.
    Keep,
    /// Clear the search and leave the box.
    Clear,
    /// Move the cursor of the list searched by this many rows.
    Step(isize),
    Edit(Edit),
    /// An earlier search (true) or a later one (false) from the history.
    Recall(bool),
    Ignored,
}

/// The search box's update: an action while it has the keys, `page` rows
/// a page.
pub fn filter_update(action: Action, page: usize) -> FilterStep {
    let page = page.max(1) as isize;
    match action {
        Action::Confirm => FilterStep::Keep,
        Action::Cancel => FilterStep::Clear,
        Action::MoveDown => FilterStep::Step(1),
        Action::MoveUp => FilterStep::Step(-1),
        Action::PageDown => FilterStep::Step(page),
        Action::PageUp => FilterStep::Step(-page),
        Action::HistoryOlder => FilterStep::Recall(true),
        Action::HistoryNewer => FilterStep::Recall(false),
        other => match LineOp::of(other) {
            Some(op) => FilterStep::Edit(Edit::Line(op)),
            None => FilterStep::Ignored,
        },
    }
}

/// Edits a search text (the projects' or the organisations'), kept within
/// what the search box holds: whether the text changed (not only the
/// cursor), and a word when the rest was cut.
pub fn edit_text(text: &mut LineEdit, edit: Edit) -> (bool, Option<Notice>) {
    let before = text.len();
    let changed = match edit {
        Edit::Type(c) => {
            text.insert(c);
            true
        }
        Edit::Paste(line) => {
            text.insert_str(&line);
            text.len() != before
        }
        Edit::Line(op) => text.apply(op),
        Edit::Set(search) => {
            text.set(search);
            true
        }
    };
    let cut = text.with_text(cut_to_bound);
    (changed, cut.then_some(Notice::QueryCut(MAX_QUERY_CHARS)))
}

/// Pasted text as it may be typed: line breaks kept only where a note
/// can hold them (else spaces), tabs as spaces, other controls dropped.
pub fn pasted(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' if multiline => Some('\n'),
            '\n' | '\r' | '\t' => Some(' '),
            c if crate::present::sanitize::is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

impl Search {
    /// The text matches found for the query in the box, if they are in.
    pub fn hits(&self) -> Option<&TextHits> {
        (self.query == self.texts.query).then_some(&self.texts.hits)
    }

    /// Texts are searched for the query that stood (once the fields are
    /// filtered), not each key typed: the search to ask for, if any.
    pub fn texts_wanted(&mut self, parsed: &Query) -> Option<Effect> {
        let wanted = self.hits().is_none()
            && !parsed.text_terms().is_empty()
            && self.texts.asked.as_deref() != Some(self.query.as_str());
        if !wanted {
            return None;
        }
        self.texts.asked = Some(self.query.to_string());
        Some(Effect::SearchTexts(self.query.to_string()))
    }

    /// Text matches for a query: taken in if the query is still the one
    /// typed (a newer one has been asked for otherwise); true when taken.
    /// `indices_of` finds the listed projects of keys.
    pub fn texts_arrived(
        &mut self,
        answer: TextAnswer,
        indices_of: impl Fn(&[String]) -> Vec<usize>,
    ) -> (bool, Option<Notice>) {
        if self.query != answer.query {
            return (false, None);
        }
        let notice = answer.problem.map(Notice::CannotSearchTexts);
        let mut hits = TextHits::default();
        for found in &answer.found {
            hits.insert(found.group, found.term, &indices_of(&found.keys));
        }
        // After a first page the rest is still being searched.
        let asked = (!answer.complete).then(|| answer.query.clone());
        self.texts = Texts {
            query: answer.query,
            hits,
            snippets: answer.snippets,
            asked,
        };
        (true, notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::msg::TermMatches;

    fn answer(query: &str, complete: bool) -> TextAnswer {
        TextAnswer {
            query: query.into(),
            found: vec![TermMatches {
                group: 0,
                term: 0,
                keys: vec!["p1".into()],
            }],
            complete,
            ..TextAnswer::default()
        }
    }

    #[test]
    fn the_texts_are_asked_for_once_per_query_that_stood() {
        let mut search = Search {
            query: "IPS".into(),
            ..Search::default()
        };
        let parsed = Query::parse("IPS");
        let asked = search.texts_wanted(&parsed);
        assert!(matches!(asked, Some(Effect::SearchTexts(q)) if q == "IPS"));
        assert!(search.texts_wanted(&parsed).is_none(), "asked already");
        let (taken, said) = search.texts_arrived(answer("IPS", false), |_| vec![3]);
        assert!(taken && said.is_none());
        assert!(search.hits().is_some());
        assert_eq!(
            search.texts.asked.as_deref(),
            Some("IPS"),
            "the rest to come"
        );
        search.texts_arrived(answer("IPS", true), |_| vec![3]);
        assert_eq!(search.texts.asked, None);
    }

    #[test]
    fn texts_for_an_older_query_are_passed_over() {
        let mut search = Search {
            query: "IPS-metoden".into(),
            ..Search::default()
        };
        let (taken, _) = search.texts_arrived(answer("IPS", true), |_| vec![3]);
        assert!(!taken);
        assert!(search.hits().is_none());
        let mut failed = answer("IPS-metoden", true);
        failed.problem = Some("locked".into());
        let (_, said) = search.texts_arrived(failed, |_| Vec::new());
        assert_eq!(said, Some(Notice::CannotSearchTexts("locked".into())));
    }

    #[test]
    fn the_box_keeps_clears_moves_and_edits() {
        assert_eq!(filter_update(Action::Confirm, 10), FilterStep::Keep);
        assert_eq!(filter_update(Action::Cancel, 10), FilterStep::Clear);
        assert_eq!(filter_update(Action::PageUp, 10), FilterStep::Step(-10));
        assert_eq!(
            filter_update(Action::DeleteBack, 10),
            FilterStep::Edit(Edit::Line(LineOp::DeleteBack))
        );
        assert_eq!(
            filter_update(Action::HistoryOlder, 10),
            FilterStep::Recall(true)
        );
        assert_eq!(filter_update(Action::Sort, 10), FilterStep::Ignored);
        let mut text = LineEdit::new("ab");
        let back = Edit::Line(LineOp::DeleteBack);
        assert_eq!(edit_text(&mut text, back), (true, None));
        assert_eq!(edit_text(&mut text, Edit::Type('c')), (true, None));
        assert_eq!(text, "ac");
        let left = Edit::Line(LineOp::Left);
        assert_eq!(edit_text(&mut text, left), (false, None), "moved only");
        let long = "x".repeat(MAX_QUERY_CHARS + 5);
        let (_, said) = edit_text(&mut text, Edit::Paste(long));
        assert_eq!(said, Some(Notice::QueryCut(MAX_QUERY_CHARS)));
        assert_eq!(text.chars().count(), MAX_QUERY_CHARS);
        assert!(text.starts_with("ax"), "pasted at the cursor: {text}");
    }
}
