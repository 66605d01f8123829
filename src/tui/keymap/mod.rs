//! Actions and the keys bound to them, one key map per context (the list,
//! the search box, the facet picker, the note editor, the export prompt,
//! help). The action and context names (snake_case, derived from the
//! enums) are the names in the config file and in the help screen, so help
//! is always generated from the key maps in force.

mod defaults;
mod key;

use defaults::defaults;
pub use key::Key;
use std::collections::HashMap;
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

/// Where keys are read: each has its own key map.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Context {
    /// The list, the detail, the graph, organisations and stats.
    Normal,
    /// The detail while a search is on: its hits; other keys as in normal.
    Reading,
    /// Typing in the search box.
    Filter,
    /// The facet picker.
    Picker,
    /// Writing a note.
    Note,
    /// Choosing an export format.
    Export,
    /// Naming the export's file.
    ExportFile,
    /// The help screen.
    Help,
    /// Where a project's dossier goes.
    Dossier,
}

impl Context {
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Contexts where printable characters not bound to an action are typed.
    /// Where a line of text is edited at a cursor (help's filter is typed
    /// only: its Home and End scroll).
    pub fn edits_a_line(self) -> bool {
        self.takes_text() && self != Context::Help
    }

    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Filter | Context::Picker | Context::Note | Context::ExportFile | Context::Help
        )
    }

    pub fn describe(self) -> &'static str {
        match self {
            Context::Normal => "list, detail, graph, organisations, stats",
            Context::Reading => "the detail while a search is on (other keys as in normal)",
            Context::Filter => "search box (other keys type)",
            Context::Picker => "facet picker (other keys narrow the values)",
            Context::Note => "note editor (other keys type)",
            Context::Export => "export prompt",
            Context::ExportFile => "export file name (other keys type)",
            Context::Help => "this help (other keys filter it)",
            Context::Dossier => "dossier prompt",
        }
    }
}

/// Everything a key can do in the browser.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    First,
    Last,
    NextPane,
    PreviousPane,
    Open,
    Back,
    Filter,
    Sort,
    ReverseSort,
    ToggleUnclassified,
    OpenGraph,
    Organisations,
    ToggleBranches,
    CopyId,
    CopySummary,
    EditNote,
    ToggleBookmark,
    CycleReview,
    Facets,
    ClearFacets,
    Export,
    Stats,
    Help,
    Quit,
    /// Stop the browser for the shell (`fg` brings it back).
    Suspend,
    /// Keep what was typed or chosen (the search, a facet, the note).
    Confirm,
    /// Leave without keeping it.
    Cancel,
    DeleteBack,
    /// The text's cursor a character left, right, to the start or end
    /// of its line.
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    DeleteForward,
    DeleteWordBack,
    ClearText,
    /// The search box: an earlier search of this session, or a later one.
    HistoryOlder,
    HistoryNewer,
    NewLine,
    ExportCsv,
    ExportExcel,
    ExportJson,
    ExportMarkdown,
    ToggleExportNotes,
    Overlaps,
    Coverage,
    Timeline,
    Dossier,
    MoveLeft,
    MoveRight,
    CoverageColumns,
    NextRegion,
    DossierFile,
    DossierCopy,
    ToggleContacts,
    /// English or Swedish, every screen redrawn.
    SwitchLanguage,
    /// The detail at the search's next hit.
    NextHit,
    PreviousHit,
}

impl Action {
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveDown => "next row, or scroll down",
            Action::MoveUp => "previous row, or scroll up",
            Action::PageDown => "one page down",
            Action::PageUp => "one page up",
            Action::First => "first row, or top",
            Action::Last => "last row, or bottom",
            Action::NextPane => "next pane",
            Action::PreviousPane => "previous pane",
            Action::Open => "open the project or organisation",
            Action::Back => "back (help, detail, filter, graph path)",
            Action::Filter => "search (Enter keeps, Esc clears)",
            Action::Sort => "next sort order",
            Action::ReverseSort => "the sort order the other way round",
            Action::ToggleUnclassified => "projects / calls and other documents",
            Action::OpenGraph => "partner graph of the selected project",
            Action::Organisations => "all organisations (Enter: their graph)",
            Action::ToggleBranches => "graph: branch offices rolled up / apart",
            Action::CopyId => "copy the diarienummer (OSC 52)",
            Action::CopySummary => "copy a short summary (OSC 52)",
            Action::EditNote => "your note (Enter saves, Esc cancels)",
            Action::ToggleBookmark => "bookmark on / off",
            Action::CycleReview => "review: unread → in review → done",
            Action::Facets => "facets: region, period, org, dates…",
            Action::ClearFacets => "clear every facet",
            Action::Export => "the list to a file: CSV, JSON, Markdown",
            Action::Stats => "charts of the filtered projects",
            Action::Help => "this help",
            Action::Quit => "quit",
            Action::Suspend => "suspend to the shell (fg returns)",
            Action::Overlaps => "overlaps: an organisation's projects at one time",
            Action::Coverage => "coverage: municipalities × programme areas",
            Action::Timeline => "timeline of the list, organisation or municipality",
            Action::Dossier => "the project's dossier (Markdown): file or clipboard",
            Action::MoveLeft => "previous column (coverage)",
            Action::MoveRight => "next column (coverage)",
            Action::CoverageColumns => "coverage by programme area, objective or year",
            Action::NextRegion => "coverage: next region, or the whole country",
            Action::SwitchLanguage => "English / Swedish, every screen redrawn",
            Action::NextHit => "the search's next hit in the detail (as in less)",
            Action::PreviousHit => "the search's previous hit in the detail",
            _ => self.describe_in_prompts(),
        }
    }

    /// What the keys of typing and of the prompts do.
    fn describe_in_prompts(self) -> &'static str {
        match self {
            Action::Confirm => "keep it: the search, the choice, the note",
            Action::Cancel => "leave without keeping it",
            Action::DeleteBack => "delete the character before the cursor",
            Action::CursorLeft => "cursor one character left",
            Action::CursorRight => "cursor one character right",
            Action::LineStart => "cursor to the start of the text (first row of the facets)",
            Action::LineEnd => "cursor to the end of the text (last row of the facets)",
            Action::DeleteForward => "delete the character at the cursor",
            Action::DeleteWordBack => "delete the word before the cursor",
            Action::HistoryOlder => "an earlier search of this session",
            Action::HistoryNewer => "a later search, then what was typed",
            Action::ClearText => "clear the text",
            Action::NewLine => "start a new line",
            Action::ExportCsv => "write CSV",
            Action::ExportExcel => "write CSV for Swedish Excel (semicolons, decimal commas)",
            Action::ExportJson => "write JSON",
            Action::ExportMarkdown => "write Markdown",
            Action::ToggleExportNotes => "your notes in the export: on / off",
            Action::DossierFile => "write the dossier to a new file",
            Action::DossierCopy => "copy the dossier (OSC 52)",
            Action::ToggleContacts => "contact persons in the dossier: on / off",
            _ => "",
        }
    }
}

/// Keys bound to actions, per context.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<(Context, Key), Action>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        let mut bindings = HashMap::new();
        for context in Context::iter() {
            for (action, keys) in defaults(context) {
                for key in keys.iter().filter_map(|k| Key::parse(k)) {
                    bindings.insert((context, key), *action);
                }
            }
        }
        KeyMap { bindings }
    }
}

/// One line of the help screen: an action with its keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, as labels, separated by spaces.
    pub keys: String,
    /// The action's name in the config file.
    pub name: &'static str,
    /// What the action does (English; translated where shown).
    pub what: &'static str,
}

/// A key a rebinding took from another action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub key: Key,
    pub from: Action,
}

impl KeyMap {
    /// What `key` does in `context`; in `reading`, a key of its own map,
    /// else what it does in `normal`.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        let own = self.bindings.get(&(context, key)).copied();
        match context {
            Context::Reading => own.or_else(|| self.action(Context::Normal, key)),
            _ => own,
        }
    }

    /// Rebinds an action to exactly these keys in one context; returns the
    /// keys it took from other actions there.
    pub fn bind(&mut self, context: Context, action: Action, keys: &[Key]) -> Vec<Taken> {
        self.bindings
            .retain(|(c, _), a| *c != context || *a != action);
        let mut taken = Vec::new();
        for key in keys {
            if let Some(from) = self.bindings.insert((context, *key), action) {
                taken.push(Taken { key: *key, from });
            }
        }
        taken
    }

    /// Keys of an action in a context, as labels: single characters first.
    pub fn keys_of(&self, context: Context, action: Action) -> Vec<String> {
        let mut labels: Vec<String> = self
            .bindings
            .iter()
            .filter(|((c, _), a)| *c == context && **a == action)
            .map(|((_, k), _)| k.label())
            .collect();
        labels.sort_by_key(|l| (l.chars().count(), l.clone()));
        labels
    }

    /// The first key of an action in a context, for a hint (in
    /// `reading`, the normal key of an action it has none for).
    pub fn first_key(&self, context: Context, action: Action) -> String {
        let first = |context| self.keys_of(context, action).into_iter().next();
        match (first(context), context) {
            (Some(key), _) => key,
            (None, Context::Reading) => first(Context::Normal).unwrap_or_default(),
            (None, _) => String::new(),
        }
    }

    /// Every bound action in a context, in the enum's order: the help
    /// screen.
    pub fn help_rows(&self, context: Context) -> Vec<HelpRow> {
        Action::iter()
            .map(|action| HelpRow {
                keys: self.keys_of(context, action).join(" "),
                name: action.name(),
                what: action.describe(),
            })
            .filter(|row| !row.keys.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn every_line_of_the_help_has_its_swedish() {
        let contexts = Context::iter().map(Context::describe);
        let actions = Action::iter().map(Action::describe);
        let missing: Vec<&str> = contexts
            .chain(actions)
            .filter(|en| !crate::i18n::has_swedish(en))
            .collect();
        assert!(missing.is_empty(), "no Swedish for {missing:?}");
    }

    #[test]
    fn keys_parse_and_label() {
        for text in [
            "j",
            "G",
            "Ctrl-d",
            "PageDown",
            "F1",
            "Enter",
            "?",
            "/",
            "BackTab",
            "Space",
            "Alt-Enter",
        ] {
            assert_eq!(Key::parse(text).unwrap().label(), text);
        }
        assert_eq!(Key::parse("Nope"), None);
        assert_eq!(Key::parse("Shift-Tab"), Key::parse("BackTab"));
    }

    #[test]
    fn defaults_need_no_altgr_on_a_swedish_keyboard() {
        const ALTGR: &[char] = &['[', ']', '{', '}', '\\', '|', '~', '@', '$', '€', '£'];
        let map = KeyMap::default();
        for (_, key) in map.bindings.keys() {
            if let KeyCode::Char(c) = key.code {
                assert!(!ALTGR.contains(&c), "{c} needs AltGr");
            }
        }
    }

    #[test]
    fn every_action_has_a_key_and_a_unique_name() {
        let map = KeyMap::default();
        for a in Action::iter() {
            let bound = Context::iter().any(|c| !map.keys_of(c, a).is_empty());
            assert!(bound, "{}", a.name());
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("move_down"), Some(Action::MoveDown));
    }

    #[test]
    fn rebinding_moves_keys() {
        let mut map = KeyMap::default();
        let n = Key::parse("n").unwrap();
        let taken = map.bind(Context::Normal, Action::MoveDown, &[n]);
        assert_eq!(
            taken,
            vec![Taken {
                key: n,
                from: Action::EditNote
            }]
        );
        assert_eq!(map.keys_of(Context::Normal, Action::MoveDown), vec!["n"]);
        assert_eq!(map.action(Context::Normal, Key::parse("j").unwrap()), None);
        assert_eq!(
            map.action(Context::Export, n),
            Some(Action::ToggleExportNotes)
        );
    }
}
