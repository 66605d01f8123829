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
    (Action::SwitchLanguage, &["L"]),
    (Action::Help, &["?", "F1"]),
    (Action::Quit, &["q"]),
    (Action::Suspend, &["Ctrl-z"]),
    (Action::Overlaps, &["O"]),
    (Action::Coverage, &["C"]),
    (Action::Timeline, &["T"]),
    (Action::Dossier, &["D"]),
    (Action::MoveLeft, &["h", "Left"]),
    (Action::MoveRight, &["l", "Right"]),
    (Action::CoverageColumns, &["c"]),
    (Action::NextRegion, &["a"]),
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
    (Action::HistoryOlder, &["Ctrl-p"]),
    (Action::HistoryNewer, &["Ctrl-n"]),
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

/// Typing a file name: every printable key types.
const EXPORT_FILE: Defaults = &[
    (Action::Confirm, &["Enter"]),
    (Action::Cancel, &["Esc"]),
    (Action::DeleteBack, &["Backspace"]),
    (Action::ClearText, &["Ctrl-u"]),
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

const DOSSIER: Defaults = &[
    (Action::DossierFile, &["f"]),
    (Action::DossierCopy, &["y"]),
    (Action::ToggleContacts, &["c"]),
    (Action::Cancel, &["Esc", "q"]),
    (Action::Suspend, &["Ctrl-z"]),
];

/// Editing the text where text is typed (the search box, the picker, the
/// note): the same keys in each.
const TEXT: Defaults = &[
    (Action::CursorLeft, &["Left"]),
    (Action::CursorRight, &["Right"]),
    (Action::LineStart, &["Home", "Ctrl-a"]),
    (Action::LineEnd, &["End", "Ctrl-e"]),
    (Action::DeleteForward, &["Delete"]),
    (Action::DeleteWordBack, &["Ctrl-w"]),
];

/// A context's keys: its own, and the text-editing ones where text is typed.
pub(super) fn defaults(
    context: Context,
) -> impl Iterator<Item = &'static (Action, &'static [&'static str])> {
    let text = if context.edits_a_line() { TEXT } else { &[] };
    own(context).iter().chain(text)
}

fn own(context: Context) -> Defaults {
    match context {
        Context::Normal => NORMAL,
        Context::Reading => READING,
        Context::Filter => FILTER,
        Context::Picker => PICKER,
        Context::Note => NOTE,
        Context::Export => EXPORT,
        Context::ExportFile => EXPORT_FILE,
        Context::Help => HELP,
        Context::Dossier => DOSSIER,
    }
}
