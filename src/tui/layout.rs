//! Where each pane goes for a terminal size: side by side when wide,
//! one pane at a time when narrow, a note when too small.

use super::state::list::Pane;
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Narrower than this, list and detail take turns.
pub const SIDE_BY_SIDE: u16 = 110;
/// Smaller than this, only a note is shown.
pub const MIN_SIZE: (u16, u16) = (30, 6);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The list with its border; empty when hidden.
    pub list: Rect,
    /// The list's data rows (inside the border, below the column header).
    pub list_rows: Rect,
    /// The detail pane with its border; empty when hidden.
    pub detail: Rect,
    /// The filter line; empty when no filter is shown.
    pub filter: Rect,
    pub status: Rect,
    /// The whole screen when it is too small for anything but a note.
    pub note: Rect,
    /// The graph screen's path, and its drawing.
    pub breadcrumb: Rect,
    pub canvas: Rect,
}

/// Narrower than this, the graph screen shows its list without a drawing.
pub const GRAPH_DRAWING: u16 = 60;

/// What decides the layout: the screen, the search line, the pane with
/// the keys (on a narrow screen the only one shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub screen: ScreenKind,
    pub filter_shown: bool,
    pub focus: Pane,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Browse,
    Organisations,
    Graph,
    Stats,
    /// A project's detail over the whole screen (opened from the graph).
    Detail,
}

pub fn areas(size: (u16, u16), shape: Shape) -> Areas {
    let screen = Rect::new(0, 0, size.0, size.1);
    if size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1 {
        return Areas {
            note: screen,
            ..Areas::default()
        };
    }
    let status = Rect::new(0, size.1 - 1, size.0, 1);
    let filter_height = u16::from(shape.filter_shown);
    let filter = Rect::new(0, size.1 - 1 - filter_height, size.0, filter_height);
    let main = Rect::new(0, 0, size.0, size.1 - 1 - filter_height);
    match shape.screen {
        ScreenKind::Browse => {
            let (list, detail) = split(main, shape.focus);
            Areas {
                list,
                list_rows: inside(list, 1),
                detail,
                filter,
                status,
                ..Areas::default()
            }
        }
        ScreenKind::Organisations => Areas {
            list: main,
            list_rows: inside(main, 1),
            filter,
            status,
            ..Areas::default()
        },
        ScreenKind::Graph => graph_areas(main, status),
        ScreenKind::Detail => Areas {
            detail: main,
            status,
            ..Areas::default()
        },
        ScreenKind::Stats => Areas {
            canvas: main,
            filter,
            status,
            ..Areas::default()
        },
    }
}

/// Breadcrumb on top; the list of neighbours beside the drawing.
fn graph_areas(main: Rect, status: Rect) -> Areas {
    let breadcrumb = Rect { height: 1, ..main };
    let body = Rect {
        y: main.y + 1,
        height: main.height.saturating_sub(1),
        ..main
    };
    let list_width = if body.width >= GRAPH_DRAWING {
        (body.width * 2 / 5).max(30)
    } else {
        body.width
    };
    let (list, canvas) = columns(body, list_width);
    let list_rows = inside(list, 0);
    Areas {
        list,
        list_rows,
        breadcrumb,
        canvas,
        status,
        ..Areas::default()
    }
}

fn split(main: Rect, focus: Pane) -> (Rect, Rect) {
    if main.width >= SIDE_BY_SIDE {
        // Wide screens give the list more: its columns are many.
        let list = if main.width >= 180 { 62 } else { 55 };
        return columns(main, main.width * list / 100);
    }
    match focus {
        Pane::List => (main, Rect::default()),
        Pane::Detail => (Rect::default(), main),
    }
}

/// A box of at most `width` × `height` in the middle of `screen` (help,
/// the note editor, the facet picker).
pub fn centred(screen: Rect, width: u16, height: u16) -> Rect {
    // A margin of one or two columns reads as a stray sliver: the whole
    // width instead.
    let width = match screen.width.saturating_sub(width) {
        0..4 => screen.width,
        _ => width,
    };
    screen.centered(Constraint::Length(width), Constraint::Length(height))
}

/// Two columns: the first `left` cells wide, the second the rest.
fn columns(area: Rect, left: u16) -> (Rect, Rect) {
    let [first, second] =
        Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(area);
    (first, second)
}

/// Inside the border, below `header` rows.
fn inside(area: Rect, header: u16) -> Rect {
    if area.width < 2 || area.height < 2 + header {
        return Rect::default();
    }
    let inner = area.inner(Margin::new(1, 1));
    let [_, below] =
        Layout::vertical([Constraint::Length(header), Constraint::Fill(1)]).areas(inner);
    below
}
