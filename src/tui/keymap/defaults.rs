//! The default key map: for each context, each action's keys.

use super::{Action, Context};

type Defaults = &'static [(Action, &'static [&'static str])];

/// The defaults: none needs AltGr on a Swedish keyboard.
const NORMAL: Defaults = &[
    (Action::MoveDown, &["j", "Down"]),
    (Action::MoveUp, &["k", "Up"]),
    (Action::PageDown, &["PageDown", "Ctrl-d"]),
    (Action::PageUp, &["PageUp", "Ctrl-u"]),
    (Action::First, &["g", "Home"]),
    (Action::Last, &["G", "End"]),
    (Action::NextPane, &["Tab"]),
    (Action::PreviousPane, &["BackTab"]),
    (Action::Open, &["Enter"]),
    (Action::Back, &["Esc", "Backspace"]),
    (Action::Filter, &["/"]),
    (Action::Sort, &["s"]),
    (Action::ReverseSort, &["R"]),
    (Action::ToggleUnclassified, &["u"]),
    (Action::OpenGraph, &["p"]),
    (Action::Organisations, &["o"]),
    (Action::ToggleBranches, &["B"]),
    (Action::CopyId, &["y"]),
    (Action::CopySummary, &["Y"]),
    (Action::EditNote, &["n"]),
    (Action::ToggleBookmark, &["b"]),
    (Action::CycleReview, &["r"]),
    (Action::Facets, &["f"]),
    (Action::ClearFacets, &["F"]),
    (Action::Export, &["e"]),
    (Action::Stats, &["S"]),
    (Action::Help, &["?", "F1"]),
    (Action::Quit, &["q"]),
    (Action::Suspend, &["Ctrl-z"]),
];

/// The detail while a search is on; other keys are the normal ones.
const READING: Defaults = &[(Action::NextHit, &["n"]), (Action::PreviousHit, &["N"])];

/// Moving through a list that is typed into: no printable keys.
const FILTER: Defaults = &[
    (Action::Confirm, &["Enter"]),
    (Action::Cancel, &["Esc"]),
    (Action::MoveDown, &["Down"]),
    (Action::MoveUp, &["Up"]),
    (Action::PageDown, &["PageDown"]),
    (Action::PageUp, &["PageUp"]),
    (Action::DeleteBack, &["Backspace"]),
    (Action::ClearText, &["Ctrl-u"]),
    (Action::Help, &["F1"]),
    (Action::Suspend, &["Ctrl-z"]),
];

const PICKER: Defaults = &[
    (Action::Confirm, &["Enter"]),
    (Action::Cancel, &["Esc"]),
    (Action::MoveDown, &["Down"]),
    (Action::MoveUp, &["Up"]),
    (Action::PageDown, &["PageDown"]),
    (Action::PageUp, &["PageUp"]),
    (Action::First, &["Home"]),
    (Action::Last, &["End"]),
    (Action::DeleteBack, &["Backspace"]),
    (Action::ClearText, &["Ctrl-u"]),
    (Action::Help, &["F1"]),
    (Action::Suspend, &["Ctrl-z"]),
];

const NOTE: Defaults = &[
    (Action::Confirm, &["Enter"]),
    (Action::Cancel, &["Esc"]),
    (Action::NewLine, &["Alt-Enter", "Ctrl-j"]),
    (Action::DeleteBack, &["Backspace"]),
    (Action::ClearText, &["Ctrl-u"]),
    (Action::Help, &["F1"]),
    (Action::Suspend, &["Ctrl-z"]),
];

const EXPORT: Defaults = &[
    (Action::ExportCsv, &["c"]),
    (Action::ExportExcel, &["x"]),
    (Action::ExportJson, &["j"]),
    (Action::ExportMarkdown, &["m"]),
    (Action::ToggleExportNotes, &["n"]),
    (Action::Cancel, &["Esc", "q"]),
    (Action::Help, &["F1"]),
    (Action::Suspend, &["Ctrl-z"]),
];

/// Typing filters help: no printable keys but `?`, which closes it.
const HELP: Defaults = &[
    (Action::MoveDown, &["Down"]),
    (Action::MoveUp, &["Up"]),
    (Action::PageDown, &["PageDown", "Ctrl-d"]),
    (Action::PageUp, &["PageUp", "Ctrl-u"]),
    (Action::First, &["Home"]),
    (Action::Last, &["End"]),
    (Action::DeleteBack, &["Backspace"]),
    (Action::Cancel, &["Esc", "?", "F1"]),
    (Action::Suspend, &["Ctrl-z"]),
];

pub(super) fn defaults(context: Context) -> Defaults {
    match context {
        Context::Normal => NORMAL,
        Context::Reading => READING,
        Context::Filter => FILTER,
        Context::Picker => PICKER,
        Context::Note => NOTE,
        Context::Export => EXPORT,
        Context::Help => HELP,
    }
}
