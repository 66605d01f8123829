//! What the browser says in its status bar: one typed message at a time,
//! each a whole sentence with its values, translated whole (see `i18n`).
//! A leaf: plain data.

use crate::i18n::{t, tf};
use crate::model::ReviewState;

/// Everything the browser says in its status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A sentence already said in whole elsewhere (the command that
    /// started the browser, a parse error of a date, the notes file).
    Said(String),
    CopiedId(String),
    CopiedSummary(String),
    /// tmux drops OSC 52 and its passthrough alike.
    CannotCopy,
    CannotReadProject(String),
    CannotReadGraph(String),
    CannotReadOrganisations(String),
    CannotReadEveryProject(String),
    CannotFindRelated(String),
    CannotSearchTexts(String),
    CannotExport(String),
    /// `count` projects written to the file at `path`.
    Wrote {
        count: usize,
        path: String,
    },
    NothingToExport,
    /// The file name prompt left: nothing written.
    NothingExported,
    /// The language switched to (said in it).
    LanguageSwitched,
    Bookmarked,
    BookmarkRemoved,
    Review(ReviewState),
    NoteSaved,
    NoteSavedAfterTheirs,
    NoteRemoved,
    NoteNotSaved,
    NoteNotChanged,
    /// Notes for projects that are no longer in the cache.
    Orphans(usize),
    RolledUp,
    ShownApart,
    NotInCache,
    FacetsCleared,
    FacetsWait,
    StatsWait,
    PasteWhere,
    /// The search box holds this many characters at most.
    QueryCut(usize),
}

impl Notice {
    /// The sentence in the language in force.
    pub fn text(&self) -> String {
        match self {
            Notice::Said(text) => text.clone(),
            Notice::CopiedId(first) => tf("copied ID: {}", &[first]),
            Notice::CopiedSummary(first) => tf("copied summary: {}", &[first]),
            Notice::CannotReadProject(e) => tf("cannot read the project: {}", &[e]),
            Notice::CannotReadGraph(e) => tf("cannot read the graph: {}", &[e]),
            Notice::CannotReadOrganisations(e) => tf("cannot read organisations: {}", &[e]),
            Notice::CannotReadEveryProject(e) => tf("cannot read every project: {}", &[e]),
            Notice::CannotFindRelated(e) => tf("cannot find related projects: {}", &[e]),
            Notice::CannotSearchTexts(e) => tf("cannot search the texts: {}", &[e]),
            Notice::CannotExport(e) => tf("cannot export: {}", &[e]),
            Notice::Wrote { count, path } => tf("wrote {} projects to {}", &[count, path]),
            Notice::Orphans(n) => tf(
                "{} of your notes are for projects no longer in the cache (esf notes)",
                &[n],
            ),
            Notice::Review(state) => t(match state {
                ReviewState::Unread => "review: unread",
                ReviewState::InReview => "review: in-review",
                ReviewState::Done => "review: done",
            })
            .to_string(),
            Notice::QueryCut(max) => tf(
                "the search box holds {} characters; the rest was cut",
                &[max],
            ),
            plain => t(plain.sentence()).to_string(),
        }
    }

    /// The sentence of a message without values.
    fn sentence(&self) -> &'static str {
        match self {
            Notice::NothingToExport => "nothing to export yet",
            Notice::NothingExported => "nothing written",
            Notice::LanguageSwitched => "in English (L: på svenska)",
            Notice::Bookmarked => "bookmarked",
            Notice::BookmarkRemoved => "bookmark removed",
            Notice::NoteSaved => "note saved",
            Notice::NoteSavedAfterTheirs => "note saved after the one written meanwhile elsewhere",
            Notice::NoteRemoved => "note removed",
            Notice::NoteNotSaved => "the note was not saved; it is still here",
            Notice::NoteNotChanged => "note not changed",
            Notice::RolledUp => "branch offices and units rolled up into their parent",
            Notice::ShownApart => "branch offices and units shown apart",
            Notice::NotInCache => "not in the cache",
            Notice::FacetsCleared => "facets cleared",
            Notice::FacetsWait => "facets wait until every project is in",
            Notice::StatsWait => "the stats wait until every project is in",
            Notice::PasteWhere => "a paste goes into the search box (/) or a note (n)",
            Notice::CannotCopy => {
                "not copied: tmux lets no copy through (set -g set-clipboard on, or allow-passthrough on)"
            }
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Lang};

    #[test]
    fn a_message_is_one_sentence_with_its_values_in_either_language() {
        let wrote = Notice::Wrote {
            count: 3,
            path: "./esf-export.csv".into(),
        };
        assert_eq!(wrote.text(), "wrote 3 projects to ./esf-export.csv");
        set(Lang::Sv);
        assert_eq!(wrote.text(), "skrev 3 projekt till ./esf-export.csv");
        assert_eq!(Notice::Review(ReviewState::Done).text(), "granskning: klar");
        set(Lang::En);
    }

    #[test]
    fn every_message_has_a_sentence() {
        let plain = [
            Notice::NothingToExport,
            Notice::NothingExported,
            Notice::LanguageSwitched,
            Notice::Bookmarked,
            Notice::BookmarkRemoved,
            Notice::NoteSaved,
            Notice::NoteSavedAfterTheirs,
            Notice::NoteRemoved,
            Notice::NoteNotSaved,
            Notice::NoteNotChanged,
            Notice::RolledUp,
            Notice::ShownApart,
            Notice::NotInCache,
            Notice::FacetsCleared,
            Notice::FacetsWait,
            Notice::StatsWait,
            Notice::PasteWhere,
            Notice::CannotCopy,
        ];
        for notice in plain {
            assert!(!notice.text().is_empty(), "{notice:?}");
            assert!(crate::i18n::has_swedish(notice.sentence()), "{notice:?}");
        }
    }
}
