//! A cursor over a list of rows that keeps itself visible in a window of
//! a given height.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Index of the selected row (0 when the list is empty).
    pub index: usize,
    /// First row shown.
    pub offset: usize,
}

impl Selection {
    /// Moves by `delta` rows within `len`, keeping the row visible in a
    /// window of `height` rows. Returns true when anything changed.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) -> bool {
        let before = self.clone();
        let last = len.saturating_sub(1) as isize;
        self.index = (self.index as isize + delta).clamp(0, last.max(0)) as usize;
        self.follow(height);
        *self != before
    }

    pub fn to_first(&mut self, height: usize) -> bool {
        let before = self.clone();
        self.index = 0;
        self.follow(height);
        *self != before
    }

    pub fn to_last(&mut self, len: usize, height: usize) -> bool {
        let before = self.clone();
        self.index = len.saturating_sub(1);
        self.follow(height);
        *self != before
    }

    /// Puts row `index` under the cursor (a mouse click).
    pub fn select(&mut self, index: usize, len: usize, height: usize) -> bool {
        let before = self.clone();
        self.index = index.min(len.saturating_sub(1));
        self.follow(height);
        *self != before
    }

    pub fn reset(&mut self) {
        *self = Selection::default();
    }

    /// Scrolls just enough to show the selected row.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.index < self.offset {
            self.offset = self.index;
        } else if self.index >= self.offset + height {
            self.offset = self.index + 1 - height;
        }
    }
}

/// How far a moving action moves a cursor on a list of `page` rows; None
/// for other actions.
pub fn motion(action: super::keymap::Action, page: usize) -> Option<isize> {
    use super::keymap::Action;
    let page = page.max(1) as isize;
    Some(match action {
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::First => isize::MIN / 2,
        Action::Last => isize::MAX / 2,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_and_scroll() {
        let mut s = Selection::default();
        assert!(!s.move_by(-1, 10, 3), "already at the top");
        assert!(s.move_by(5, 10, 3));
        assert_eq!((s.index, s.offset), (5, 3));
        assert!(s.move_by(100, 10, 3));
        assert_eq!((s.index, s.offset), (9, 7));
        s.to_first(3);
        assert_eq!((s.index, s.offset), (0, 0));
        assert!(!s.move_by(1, 0, 3), "empty list");
    }
}
