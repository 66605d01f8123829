//! Where each pane goes for a terminal size: side by side when wide,
//! one pane at a time when narrow, a note when too small.

use super::app::{App, Mode, Pane};
use ratatui::layout::Rect;

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
}

pub fn areas(size: (u16, u16), app: &App) -> Areas {
    let screen = Rect::new(0, 0, size.0, size.1);
    if size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1 {
        return Areas {
            note: screen,
            ..Areas::default()
        };
    }
    let status = Rect::new(0, size.1 - 1, size.0, 1);
    let show_filter = app.mode == Mode::Filtering || !app.query.is_empty();
    let filter_height = u16::from(show_filter);
    let filter = Rect::new(0, size.1 - 1 - filter_height, size.0, filter_height);
    let main = Rect::new(0, 0, size.0, size.1 - 1 - filter_height);
    let (list, detail) = split(main, app.focus);
    Areas {
        list,
        list_rows: rows_of(list),
        detail,
        filter,
        status,
        note: Rect::default(),
    }
}

fn split(main: Rect, focus: Pane) -> (Rect, Rect) {
    if main.width >= SIDE_BY_SIDE {
        let list_width = main.width * 55 / 100;
        let list = Rect {
            width: list_width,
            ..main
        };
        let detail = Rect {
            x: main.x + list_width,
            width: main.width - list_width,
            ..main
        };
        return (list, detail);
    }
    match focus {
        Pane::List => (main, Rect::default()),
        Pane::Detail => (Rect::default(), main),
    }
}

/// Inside the border, below the header row.
fn rows_of(list: Rect) -> Rect {
    if list.width < 2 || list.height < 3 {
        return Rect::default();
    }
    Rect::new(list.x + 1, list.y + 2, list.width - 2, list.height - 3)
}
