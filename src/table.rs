//! Aligned plain-text tables for the command line. Cells are sanitised;
//! on a terminal, flexible columns shrink (with "…") to fit its width.

use crate::sanitize;
use unicode_width::UnicodeWidthStr;

pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns that may be cut to fit, most cuttable first.
    flexible: Vec<usize>,
    /// Columns aligned to the right (numbers).
    right: Vec<usize>,
}

const GAP: &str = "  ";

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            flexible: Vec::new(),
            right: Vec::new(),
        }
    }

    pub fn flexible(mut self, columns: &[usize]) -> Table {
        self.flexible = columns.to_vec();
        self
    }

    pub fn right_aligned(mut self, columns: &[usize]) -> Table {
        self.right = columns.to_vec();
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .iter()
                .map(|c| sanitize::line(c).into_owned())
                .collect(),
        );
    }

    /// The table as text; `width` limits each line (a terminal's width).
    pub fn render(&self, width: Option<usize>, bold_header: bool) -> String {
        let widths = self.fit(width);
        let mut out = String::new();
        let header = self.line(&self.headers, &widths);
        if bold_header {
            out.push_str(&format!("\u{1b}[1m{header}\u{1b}[0m\n"));
        } else {
            out.push_str(&header);
            out.push('\n');
        }
        for row in &self.rows {
            out.push_str(&self.line(row, &widths));
            out.push('\n');
        }
        out
    }

    fn natural_widths(&self) -> Vec<usize> {
        (0..self.headers.len())
            .map(|c| {
                std::iter::once(&self.headers[c])
                    .chain(self.rows.iter().filter_map(|r| r.get(c)))
                    .map(|s| s.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Shrinks flexible columns, widest first, until the line fits.
    fn fit(&self, width: Option<usize>) -> Vec<usize> {
        let mut widths = self.natural_widths();
        let Some(limit) = width else { return widths };
        let total = |w: &[usize]| w.iter().sum::<usize>() + GAP.len() * w.len().saturating_sub(1);
        while total(&widths) > limit {
            let Some(&col) = self
                .flexible
                .iter()
                .filter(|&&c| widths.get(c).is_some_and(|&w| w > 8))
                .max_by_key(|&&c| widths[c])
            else {
                break;
            };
            widths[col] -= 1;
        }
        widths
    }

    fn line(&self, cells: &[String], widths: &[usize]) -> String {
        let last = widths.len().saturating_sub(1);
        let parts: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(c, &w)| {
                let cell = cut(cells.get(c).map_or("", String::as_str), w);
                let pad = " ".repeat(w.saturating_sub(cell.width()));
                match (self.right.contains(&c), c == last) {
                    (true, _) => format!("{pad}{cell}"),
                    (false, true) => cell,
                    (false, false) => format!("{cell}{pad}"),
                }
            })
            .collect();
        parts.join(GAP)
    }
}

/// At most `width` columns, ending in "…" when cut.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if out.width() + w + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_fits() {
        let mut t = Table::new(&["ID", "NAME", "SEK"])
            .flexible(&[1])
            .right_aligned(&[2]);
        t.row(vec![
            "1".into(),
            "Inkluderande rehabilitering".into(),
            "500".into(),
        ]);
        t.row(vec!["22".into(), "Ny\u{1b}[2J".into(), "8 866 642".into()]);
        let wide = t.render(None, false);
        assert_eq!(
            wide,
            "ID  NAME                               SEK\n\
             1   Inkluderande rehabilitering        500\n\
             22  Ny␛[2J                       8 866 642\n"
        );
        let narrow = t.render(Some(30), false);
        assert!(narrow.lines().all(|l| l.width() <= 30), "{narrow}");
        assert!(narrow.contains("Inkluderande r…"), "{narrow}");
    }
}
