//! The state's router through its one update: messages in, what the
//! parts did and the effects asked out; no terminal, no cache.

use super::{Exit, Notice, State};
use crate::catalogue::Catalogue;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Context, KeyMap};
use crate::tui::msg::Msg;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use crossterm::event::{KeyEventKind, KeyEventState};

fn key(code: KeyCode, modifiers: KeyModifiers) -> Msg {
    Msg::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn typed(c: char) -> Msg {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// A state over no projects: no terminal, no cache.
fn state() -> State {
    let mut state = State::new(Catalogue::default(), Vec::new(), KeyMap::default());
    state.update(Msg::Resize(80, 24));
    state
}

#[test]
fn a_key_goes_to_the_part_whose_context_has_the_keys() {
    let mut state = state();
    state.update(typed('/'));
    assert_eq!(state.context(), Context::Filter);
    state.update(typed('q'));
    assert_eq!(state.search.query, "q", "typed, not quit");
    assert_eq!(state.exit, None);
    state.update(key(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(state.context(), Context::Normal);
    state.update(typed('?'));
    assert_eq!(state.context(), Context::Help);
    state.update(typed('q'));
    assert_eq!(state.exit, None, "q filters help, as every letter does");
    assert_eq!(state.overlay.help().map(|h| h.filter.as_str()), Some("q"));
    state.update(typed('?'));
    assert_eq!(state.context(), Context::Normal, "? closes it");
    state.update(typed('q'));
    assert_eq!(state.exit, Some(Exit::Quit));
}

#[test]
fn a_paste_outside_a_text_says_where_it_goes_and_ctrl_c_interrupts() {
    let mut state = state();
    let (changed, effects) = state.update(Msg::Paste("2015/00730".into()));
    assert!(changed && effects.is_empty());
    assert_eq!(state.status.said, Some(Notice::PasteWhere));
    assert_eq!(state.search.query, "");
    state.update(typed('j'));
    assert_eq!(state.status.said, None, "a key clears what was said");
    state.update(key(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(state.exit, Some(Exit::Interrupted));
}

#[test]
fn what_needs_every_project_waits_for_them_and_says_so() {
    let mut state = state();
    state.loading = true;
    state.update(typed('f'));
    assert_eq!(state.status.said, Some(Notice::FacetsWait));
    assert_eq!(state.context(), Context::Normal);
    state.update(typed('S'));
    assert_eq!(state.status.said, Some(Notice::StatsWait));
    assert!(state.screen.is_browse());
    // Once every project is in, and only then, the overlap marks are read.
    let (_, effects) = state.update(Msg::Loaded(Ok(Box::default())));
    assert!(!state.is_loading());
    assert!(matches!(&effects[..], [Effect::FindOverlapMarks]));
}

#[test]
fn the_organisations_are_asked_of_the_shell_and_shown_when_read() {
    let mut state = state();
    let (_, effects) = state.update(typed('o'));
    assert!(matches!(&effects[..], [Effect::LoadOrganisations]));
    assert!(state.screen.is_browse(), "nothing shown before it is read");
    state.update(Msg::OrganisationsRead(Ok(Vec::new())));
    assert!(state.screen.orgs().is_some());
    state.update(Msg::OrganisationsRead(Err("locked".into())));
    assert_eq!(
        state.status.said,
        Some(Notice::CannotReadOrganisations("locked".into()))
    );
}

/// A state over one project, "p1".
fn state_of_one() -> State {
    let summary = crate::model::ProjectSummary {
        key: "p1".into(),
        name: Some("Ett projekt".into()),
        ..Default::default()
    };
    let catalogue = Catalogue::new(vec![(summary, String::new())]);
    let mut state = State::new(catalogue, Vec::new(), KeyMap::default());
    state.update(Msg::Resize(80, 24));
    state.start();
    state
}

#[test]
fn an_export_asks_for_a_name_and_writes_only_the_file_named() {
    use crate::present::export::Format;
    let mut state = state_of_one();
    state.export_dir = "/home/anna".into();
    state.update(typed('e'));
    let (_, asked) = state.update(typed('c'));
    assert!(
        matches!(&asked[..], [Effect::SuggestExportFile { format: Format::Csv, dir }] if dir.ends_with("anna")),
        "{asked:?}"
    );
    let file = "/home/anna/esf-export-2026-12-05.csv".to_string();
    state.update(Msg::ExportSuggested {
        format: Format::Csv,
        file: file.clone(),
    });
    assert_eq!(state.context(), Context::ExportFile);
    let (_, asked) = state.update(key(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(&asked[..], [Effect::Export { file: f, replace: false, keys, .. }] if *f == file && keys == &["p1"]),
        "{asked:?}"
    );
    state.update(Msg::ExportRefused {
        format: Format::Csv,
        file: file.clone(),
        taken: true,
        why: "exists".into(),
    });
    assert_eq!(state.context(), Context::ExportFile, "the name comes back");
    let (_, asked) = state.update(key(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(&asked[..], [Effect::Export { replace: true, .. }]),
        "a second Enter on a taken name replaces it: {asked:?}"
    );
    state.update(typed('e'));
    state.update(typed('j'));
    state.update(Msg::ExportSuggested {
        format: Format::Json,
        file,
    });
    let (_, asked) = state.update(key(KeyCode::Esc, KeyModifiers::NONE));
    assert!(asked.is_empty());
    assert_eq!(state.status.said, Some(Notice::NothingExported));
}

#[test]
fn l_switches_the_language_and_lays_the_detail_out_again() {
    let mut state = state_of_one();
    state.detail.built_for = Some(super::BuiltFor {
        kind: super::ListKind::Projects,
        id: "p1".into(),
        width: 78,
        query: String::new(),
    });
    let (changed, asked) = state.update(typed('L'));
    assert!(changed);
    assert!(matches!(&asked[..], [Effect::SwitchLanguage]), "{asked:?}");
    assert_eq!(state.detail.built_for, None, "laid out in the new words");
    state.update(Msg::Notice(Notice::LanguageSwitched));
    assert_eq!(state.status.said, Some(Notice::LanguageSwitched));
}
