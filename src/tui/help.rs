//! Help's text: generated from the key maps in force, so it is never out
//! of date. It opens on where it was asked for (the list, the detail, the
//! graph, the facet picker, the note editor…): those keys first, the rest
//! after. What is typed filters it; every cell wraps at its column, so
//! nothing is cut mid-word. Drawing only lays these lines out.

use crate::i18n::{t, tf};
use crate::search::query::SYNTAX;
use crate::tui::keymap::{Action, Context, HelpRow, KeyMap};
use crate::tui::wrap::wrap;
use strum::IntoEnumIterator;

/// The keys column's width and the action names' (the longest is 19).
pub const KEYS_WIDTH: usize = 16;
pub const NAME_WIDTH: usize = 19;

/// Where help was asked for: the context, and on the normal one the screen
/// and pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub context: Context,
    pub place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    List,
    Detail,
    Graph,
    Organisations,
    Stats,
}

/// Help while it is open: where it was asked for, what is typed, how far
/// it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub topic: Topic,
    pub filter: String,
    pub scroll: usize,
}

impl HelpView {
    pub fn new(topic: Topic) -> HelpView {
        HelpView {
            topic,
            filter: String::new(),
            scroll: 0,
        }
    }
}

/// What a line of help is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "config.toml: not applied", and each problem (across the width).
    ProblemsTitle,
    Problem,
    /// A section's title: `[context]` and what it is.
    Title,
    /// A key binding, or an example of the search syntax.
    Binding,
    /// Nothing matches what was typed.
    Nothing,
}

/// One line of help: its kind and its three cells (keys, action, what it
/// does), each already wrapped to its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub kind: Kind,
    pub cells: [String; 3],
}

/// A section before it is filtered and wrapped.
struct Section {
    head: [String; 3],
    kind: Kind,
    rows: Vec<[String; 3]>,
}

/// The actions that matter on each place of the normal context, in the
/// order help shows them first.
fn here(place: Place) -> &'static [Action] {
    use Action::*;
    match place {
        Place::List => &[
            Filter,
            Facets,
            ClearFacets,
            Sort,
            ReverseSort,
            Open,
            MoveDown,
            MoveUp,
            PageDown,
            PageUp,
            First,
            Last,
            EditNote,
            ToggleBookmark,
            CycleReview,
            CopyId,
            CopySummary,
            OpenGraph,
            Stats,
            Export,
            ToggleUnclassified,
        ],
        Place::Detail => &[
            MoveDown,
            MoveUp,
            PageDown,
            PageUp,
            First,
            Last,
            Back,
            NextPane,
            EditNote,
            ToggleBookmark,
            CycleReview,
            CopyId,
            CopySummary,
            OpenGraph,
        ],
        Place::Graph => &[
            Open,
            Back,
            MoveDown,
            MoveUp,
            PageDown,
            PageUp,
            ToggleBranches,
            Organisations,
        ],
        Place::Organisations => &[Filter, Open, Back, MoveDown, MoveUp, PageDown, PageUp],
        Place::Stats => &[MoveDown, MoveUp, Filter, Facets, ClearFacets, Back],
    }
}

fn place_name(place: Place) -> &'static str {
    match place {
        Place::List => "here: the list",
        Place::Detail => "here: the project's detail",
        Place::Graph => "here: the graph",
        Place::Organisations => "here: the organisations",
        Place::Stats => "here: the stats",
    }
}

/// The lines of help for `topic`, filtered by `filter`, wrapped to a box
/// `width` columns wide inside its border.
pub fn lines(
    keys: &KeyMap,
    topic: Topic,
    problems: &[String],
    filter: &str,
    width: u16,
) -> Vec<HelpLine> {
    let sections = sections(keys, topic, problems);
    let wanted = filter.trim().to_lowercase();
    let mut out = Vec::new();
    for section in sections {
        let rows: Vec<&[String; 3]> = section
            .rows
            .iter()
            .filter(|row| wanted.is_empty() || row.iter().any(|c| has(c, &wanted)))
            .collect();
        if rows.is_empty() && !(wanted.is_empty() && section.kind == Kind::Title) {
            continue;
        }
        lay_out(&mut out, &section.head, section.kind, width);
        let kind = match section.kind {
            Kind::ProblemsTitle => Kind::Problem,
            _ => Kind::Binding,
        };
        for row in rows {
            lay_out(&mut out, row, kind, width);
        }
    }
    if out.is_empty() {
        let said = tf("nothing in help has \"{}\"", &[&filter.trim()]);
        lay_out(
            &mut out,
            &[said, String::new(), String::new()],
            Kind::Nothing,
            width,
        );
    }
    out
}

fn has(cell: &str, wanted: &str) -> bool {
    cell.to_lowercase().contains(wanted)
}

/// A row as lines: each cell wrapped at its column, as many lines as the
/// longest needs. Problems and titles' first cells run across the width.
fn lay_out(out: &mut Vec<HelpLine>, cells: &[String; 3], kind: Kind, width: u16) {
    let width = width as usize;
    if matches!(kind, Kind::ProblemsTitle | Kind::Problem | Kind::Nothing) {
        let indent = if kind == Kind::Problem { "  " } else { "" };
        let text = format!("{indent}{}", cells[0]);
        for piece in wrap(&text, width.max(8)) {
            out.push(HelpLine {
                kind,
                cells: [piece, String::new(), String::new()],
            });
        }
        return;
    }
    let what_width = width.saturating_sub(KEYS_WIDTH + NAME_WIDTH + 2).max(8);
    let columns = [
        fitted(&cells[0], KEYS_WIDTH),
        fitted(&cells[1], NAME_WIDTH),
        fitted(&cells[2], what_width),
    ];
    let height = columns.iter().map(Vec::len).max().unwrap_or(1);
    for i in 0..height {
        let cell = |c: usize| columns[c].get(i).cloned().unwrap_or_default();
        out.push(HelpLine {
            kind,
            cells: [cell(0), cell(1), cell(2)],
        });
    }
}

/// A cell as it is when it fits (an example's spaces are kept), wrapped
/// at words when it does not.
fn fitted(text: &str, width: usize) -> Vec<String> {
    match unicode_width::UnicodeWidthStr::width(text) <= width {
        true => vec![text.to_string()],
        false => wrap(text, width),
    }
}

/// Every section, the one help was asked from first.
fn sections(keys: &KeyMap, topic: Topic, problems: &[String]) -> Vec<Section> {
    let mut out = Vec::new();
    if !problems.is_empty() {
        out.push(Section {
            head: [t("config.toml: not applied").into(), "".into(), "".into()],
            kind: Kind::ProblemsTitle,
            rows: problems
                .iter()
                .map(|p| {
                    let said = crate::present::sanitize::line(p).into_owned();
                    [said, String::new(), String::new()]
                })
                .collect(),
        });
    }
    let first = match topic.context {
        // The detail while a search is on: its keys, then the detail's.
        Context::Reading => vec![Context::Reading, Context::Normal],
        other => vec![other],
    };
    if topic.context == Context::Filter {
        out.push(search_section());
    }
    for context in &first {
        out.extend(context_sections(keys, *context, topic));
    }
    for context in Context::iter().filter(|c| !first.contains(c)) {
        out.extend(context_sections(keys, context, topic));
    }
    if topic.context != Context::Filter {
        out.push(search_section());
    }
    out
}

/// A context's bindings under its title; the normal context's in two: the
/// ones that matter where help was asked for, then the others.
fn context_sections(keys: &KeyMap, context: Context, topic: Topic) -> Vec<Section> {
    let rows = keys.help_rows(context);
    let row = |r: &HelpRow| [r.keys.clone(), r.name.to_string(), t(r.what).to_string()];
    let title = |what: &str| [format!("[{}]", context.name()), String::new(), what.into()];
    if context != Context::Normal {
        return vec![Section {
            head: title(t(context.describe())),
            kind: Kind::Title,
            rows: rows.iter().map(row).collect(),
        }];
    }
    let place = match topic.context {
        Context::Reading => Place::Detail,
        _ => topic.place,
    };
    let near = here(place);
    let named = |a: &Action| rows.iter().find(|r| r.name == a.name());
    let first: Vec<[String; 3]> = near.iter().filter_map(named).map(row).collect();
    let rest = rows
        .iter()
        .filter(|r| !near.iter().any(|a| a.name() == r.name))
        .map(row)
        .collect();
    vec![
        Section {
            head: title(t(place_name(place))),
            kind: Kind::Title,
            rows: first,
        },
        Section {
            head: title(t("everywhere else in the list, detail, graph…")),
            kind: Kind::Title,
            rows: rest,
        },
    ]
}

/// What the search box understands.
fn search_section() -> Section {
    Section {
        head: [
            "[search]".into(),
            String::new(),
            t("the search box (/): every term must be found").into(),
        ],
        kind: Kind::Title,
        rows: SYNTAX
            .iter()
            .map(|(example, what)| [example.to_string(), String::new(), t(what).into()])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(context: Context, place: Place) -> Topic {
        Topic { context, place }
    }

    fn text(lines: &[HelpLine]) -> Vec<String> {
        lines.iter().map(|l| l.cells.join("|")).collect()
    }

    #[test]
    fn help_opens_on_where_it_was_asked_for() {
        let keys = KeyMap::default();
        let graph = lines(&keys, topic(Context::Normal, Place::Graph), &[], "", 78);
        assert_eq!(graph[0].cells[0], "[normal]");
        assert_eq!(graph[0].cells[2], "here: the graph");
        assert_eq!(graph[1].cells[1], "open");
        let picker = lines(&keys, topic(Context::Picker, Place::List), &[], "", 78);
        assert_eq!(picker[0].cells[0], "[picker]");
        let search = lines(&keys, topic(Context::Filter, Place::List), &[], "", 78);
        assert_eq!(search[0].cells[0], "[search]", "the syntax first");
    }

    #[test]
    fn typing_keeps_the_rows_that_have_it_under_their_titles() {
        let keys = KeyMap::default();
        let found = lines(&keys, topic(Context::Normal, Place::List), &[], "SORT", 78);
        let shown = text(&found);
        assert!(shown.iter().any(|l| l.contains("|sort|")), "{shown:?}");
        assert!(
            shown.iter().any(|l| l.contains("reverse_sort")),
            "{shown:?}"
        );
        assert!(!shown.iter().any(|l| l.contains("quit")), "{shown:?}");
        let none = lines(&keys, topic(Context::Normal, Place::List), &[], "zzz", 78);
        assert_eq!(none[0].kind, Kind::Nothing);
    }

    #[test]
    fn long_cells_wrap_at_words_instead_of_being_cut() {
        let keys = KeyMap::default();
        let problem = "config.toml: no action called \"jump_around\"; the names are listed in help"
            .to_string();
        let narrow = lines(
            &keys,
            topic(Context::Normal, Place::List),
            &[problem],
            "",
            40,
        );
        let all = text(&narrow).join("\n");
        assert!(all.contains("org: kommun:"), "{all}");
        assert!(
            all.contains("namn:"),
            "the example whole, on its next line: {all}"
        );
        for line in &narrow {
            for cell in &line.cells {
                assert!(!cell.ends_with("nam"), "{all}");
            }
        }
        assert!(all.contains("jump_around"), "{all}");
    }

    #[test]
    fn every_place_help_names_has_its_swedish() {
        let places = [
            Place::List,
            Place::Detail,
            Place::Graph,
            Place::Organisations,
            Place::Stats,
        ];
        for name in places.map(place_name) {
            assert!(crate::i18n::has_swedish(name), "{name}");
        }
    }
}
