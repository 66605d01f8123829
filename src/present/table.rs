//! Aligned plain-text tables for the command line. Cells are sanitised;
//! on a terminal, flexible columns shrink (with "…") to fit its width.

use crate::present::sanitize;
use unicode_width::UnicodeWidthStr;

pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns that may be cut to fit; the first is the one a person
    /// reads, cut last.
    flexible: Vec<usize>,
    /// Columns aligned to the right (numbers).
    right: Vec<usize>,
}

const GAP: &str = "  ";

/// The name keeps this much (or its widest cell) before the other text
/// columns give up theirs.
const READ_KEEPS: usize = 30;

/// A streamed table is aligned to this many first rows.
const STREAM_WIDTHS_FROM: usize = 500;

/// The widest a column is padded to when the table goes to a file or a
/// pipe: a longer cell is written whole, but never widens the other rows.
const PIPED_COLUMN_WIDTH: usize = 80;

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
        let aligned = Aligned::new(self.fit(width), self.right.clone(), width.is_some());
        self.render_with(&aligned, bold_header)
    }

    fn render_with(&self, aligned: &Aligned, bold_header: bool) -> String {
        let mut out = String::new();
        let mut header = String::new();
        aligned.push_clean_line(&mut header, &self.headers);
        if bold_header {
            out.push_str(&format!(
                "\u{1b}[1m{}\u{1b}[0m\n",
                header.trim_end_matches('\n')
            ));
        } else {
            out.push_str(&header);
        }
        for row in &self.rows {
            aligned.push_clean_line(&mut out, row);
        }
        out
    }

    /// Writes the rows given so far and then each of `more` as it comes,
    /// aligned to the widths of the first ones (a later, longer cell is cut
    /// on a terminal and written whole elsewhere). Returns the rows written.
    pub fn stream<E>(
        self,
        width: Option<usize>,
        bold_header: bool,
        more: impl Iterator<Item = Result<Vec<String>, E>>,
        out: &mut dyn std::io::Write,
    ) -> Result<usize, E>
    where
        E: From<std::io::Error>,
    {
        let mut more = more.peekable();
        let (aligned, mut written) = self.aligned_to_first(width, bold_header, &mut more, out)?;
        let mut line = String::new();
        for cells in more {
            line.clear();
            aligned.push_line(&mut line, &cells?);
            out.write_all(line.as_bytes())?;
            written += 1;
        }
        Ok(written)
    }

    /// Writes the header and the rows given so far and then the first of
    /// `more`, up to the number a streamed table is aligned to; gives the
    /// columns as aligned, for the rows after, and the rows written.
    pub fn aligned_to_first<E>(
        mut self,
        width: Option<usize>,
        bold_header: bool,
        more: &mut impl Iterator<Item = Result<Vec<String>, E>>,
        out: &mut dyn std::io::Write,
    ) -> Result<(Aligned, usize), E>
    where
        E: From<std::io::Error>,
    {
        while self.rows.len() < STREAM_WIDTHS_FROM {
            match more.next() {
                Some(cells) => self.row(cells?),
                None => break,
            }
        }
        let widths = self.fit(width);
        let aligned = Aligned::new(widths, self.right.clone(), width.is_some());
        out.write_all(self.render_with(&aligned, bold_header).as_bytes())?;
        Ok((aligned, self.rows.len()))
    }

    /// Each column's widest cell, but at most `cap`.
    fn natural_widths(&self, cap: usize) -> Vec<usize> {
        (0..self.headers.len())
            .map(|c| {
                std::iter::once(&self.headers[c])
                    .chain(self.rows.iter().filter_map(|r| r.get(c)))
                    .map(|s| s.width().min(cap))
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Shrinks columns until the line fits; with no terminal, columns are
    /// at most [`PIPED_COLUMN_WIDTH`] wide. The first flexible column is
    /// the one a person reads (the name): it gets the room first. Columns
    /// with nothing in them (left out), then the other flexible columns (to
    /// 8) give up their room before it goes below [`READ_KEEPS`] (or its
    /// widest cell); then the other flexible columns are left out, the last
    /// first, and the fixed ones give some of theirs; only then is it cut
    /// further.
    fn fit(&self, width: Option<usize>) -> Vec<usize> {
        let mut widths = self.natural_widths(width.unwrap_or(PIPED_COLUMN_WIDTH));
        let Some(limit) = width else { return widths };
        let (read, others) = match self.flexible.split_first() {
            Some((&read, others)) => (Some(read), others.to_vec()),
            None => (None, Vec::new()),
        };
        let empty: Vec<usize> = (0..widths.len())
            .filter(|&c| {
                Some(c) != read
                    && self
                        .rows
                        .iter()
                        .all(|r| r.get(c).is_none_or(|s| s.is_empty()))
            })
            .collect();
        let read: Vec<usize> = read.into_iter().collect();
        let keeps = read.iter().map(|&c| widths[c].min(READ_KEEPS)).max();
        // An empty column cut to a letter says nothing: left out whole.
        if total_width(&widths) > limit {
            for &c in &empty {
                widths[c] = 0;
            }
        }
        shrink(&mut widths, &others, 8, limit);
        shrink(&mut widths, &read, keeps.unwrap_or(8), limit);
        // A column cut to a few letters says nothing: the last flexible
        // ones are left out, before the name is cut further.
        for &c in others.iter().rev() {
            if total_width(&widths) <= limit {
                break;
            }
            widths[c] = 0;
        }
        // Then the fixed columns of text give some of theirs ("owner, mun…"
        // before the name is cut further), never below what an
        // organisationsnummer needs.
        let fixed: Vec<usize> = (0..widths.len())
            .filter(|c| !self.flexible.contains(c) && !self.right.contains(c))
            .collect();
        shrink(&mut widths, &fixed, 12, limit);
        shrink(&mut widths, &read, 8, limit);
        // What a column left out frees goes back to the name.
        let natural = self.natural_widths(limit);
        for &c in &read {
            let spare = limit.saturating_sub(total_width(&widths));
            widths[c] = natural[c].min(widths[c] + spare);
        }
        widths
    }
}

/// A table's columns once aligned: each line is made a cell at a time,
/// so rows written after the first need no table (and may be made on
/// several threads).
pub struct Aligned {
    widths: Vec<usize>,
    right: Vec<usize>,
    /// Cells are cut to their column's width (on a terminal); a column
    /// of no width is left out, its gap too.
    cutting: bool,
    first: usize,
    last: usize,
}

impl Aligned {
    fn new(widths: Vec<usize>, right: Vec<usize>, cutting: bool) -> Aligned {
        let shown = |&w: &usize| w > 0 || !cutting;
        Aligned {
            first: widths.iter().position(shown).unwrap_or(0),
            last: widths.iter().rposition(shown).unwrap_or(0),
            widths,
            right,
            cutting,
        }
    }

    /// Appends a row's line, its cells made safe, and a newline.
    pub fn push_line(&self, line: &mut String, cells: &[String]) {
        for c in 0..self.widths.len() {
            self.push_cell(line, c, cells.get(c).map_or("", String::as_str));
        }
        line.push('\n');
    }

    /// [`Aligned::push_line`] of cells made safe already.
    fn push_clean_line(&self, line: &mut String, cells: &[String]) {
        for c in 0..self.widths.len() {
            self.push_clean(line, c, cells.get(c).map_or("", String::as_str));
        }
        line.push('\n');
    }

    /// Appends column `c`'s part of a line: the gap before it (none
    /// before the first column shown) and `cell` made safe, cut to the
    /// column on a terminal and padded to it (the last column is not).
    pub fn push_cell(&self, line: &mut String, c: usize, cell: &str) {
        self.push_clean(line, c, &sanitize::line(cell));
    }

    fn push_clean(&self, line: &mut String, c: usize, cell: &str) {
        let w = self.widths.get(c).copied().unwrap_or(0);
        if self.cutting && w == 0 || c >= self.widths.len() {
            return;
        }
        if c != self.first {
            line.push_str(GAP);
        }
        let whole = width(cell);
        let (cell, width) = match self.cutting && whole > w {
            true => {
                let cut = cut(cell, w);
                let width = cut.width();
                (std::borrow::Cow::Owned(cut), width)
            }
            false => (std::borrow::Cow::Borrowed(cell), whole),
        };
        let padding = std::iter::repeat_n(' ', w.saturating_sub(width));
        match (self.right.contains(&c), c == self.last) {
            (true, _) => {
                line.extend(padding);
                line.push_str(&cell);
            }
            (false, true) => line.push_str(&cell),
            (false, false) => {
                line.push_str(&cell);
                line.extend(padding);
            }
        }
    }
}

/// A cell's width in columns: its length for printable ASCII, counted
/// otherwise (a million rows are measured).
fn width(cell: &str) -> usize {
    match cell.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        true => cell.len(),
        false => cell.width(),
    }
}

/// A line's width: the columns shown and the gaps between them.
fn total_width(widths: &[usize]) -> usize {
    let shown = widths.iter().filter(|&&w| w > 0).count();
    widths.iter().sum::<usize>() + GAP.len() * shown.saturating_sub(1)
}

/// Narrows `columns`, the widest first, one at a time, none below
/// `floor`, until the line fits in `limit` or none can give more.
fn shrink(widths: &mut [usize], columns: &[usize], floor: usize, limit: usize) {
    while total_width(widths) > limit {
        let widest = columns
            .iter()
            .filter(|&&c| widths.get(c).is_some_and(|&w| w > floor))
            .max_by_key(|&&c| widths[c]);
        let Some(&col) = widest else { return };
        widths[col] -= 1;
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
    fn at_80_columns_the_name_keeps_a_readable_width_before_the_fixed_columns_do() {
        let headers = [
            "PROJECTS",
            "ORGANISATION",
            "ORG. NUMBER",
            "KIND",
            "ROLES",
            "PART OF",
        ];
        let mut table = Table::new(&headers).flexible(&[1, 5]).right_aligned(&[0]);
        table.row(
            [
                "3",
                "Samordningsförbundet Göteborg Nordost",
                "222000-1234",
                "municipality",
                "owner, municipality",
                "Göteborgs Stad",
            ]
            .map(String::from)
            .to_vec(),
        );
        let text = table.render(Some(80), false);
        let row = text.lines().nth(1).unwrap();
        assert!(row.width() <= 80, "{row}");
        assert!(row.contains("Samordningsförbundet Götebor"), "{row}");
        assert!(row.contains("222000-1234"), "the number whole: {row}");
    }

    #[test]
    fn a_streamed_table_keeps_the_first_rows_widths() {
        let rows = (0..STREAM_WIDTHS_FROM + 1).map(|i| {
            let name = match i {
                STREAM_WIDTHS_FROM => "a name much longer than the others".to_string(),
                _ => format!("n{}", i % 10),
            };
            Ok::<_, std::io::Error>(vec![name, "x".to_string()])
        });
        let mut out = Vec::new();
        let table = Table::new(&["NAME", "KIND"]).flexible(&[0]);
        assert_eq!(
            table.stream(None, false, rows.clone(), &mut out).unwrap(),
            501
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("NAME  KIND\nn0    x\n"), "{text:.40}");
        assert!(
            text.ends_with("a name much longer than the others  x\n"),
            "whole when piped"
        );
        let mut out = Vec::new();
        let table = Table::new(&["NAME", "KIND"]).flexible(&[0]);
        table.stream(Some(80), false, rows, &mut out).unwrap();
        assert!(
            String::from_utf8(out).unwrap().ends_with("a n…  x\n"),
            "cut on a terminal"
        );
    }

    #[test]
    fn one_huge_cell_widens_no_other_row() {
        let mut t = Table::new(&["ID", "NAME", "OWNER"]).flexible(&[1, 2]);
        t.row(vec!["1".into(), "x".repeat(100_000), "Ale kommun".into()]);
        for i in 0..1000 {
            t.row(vec![i.to_string(), "Kort namn".into(), "Ale kommun".into()]);
        }
        let piped = t.render(None, false);
        assert!(piped.len() < 100_000 + 1001 * 120, "{} bytes", piped.len());
        assert!(piped.contains(&"x".repeat(100_000)), "written whole");
        let row = piped.lines().nth(2).unwrap();
        let id_width = "999".len();
        assert_eq!(
            row.width(),
            id_width + 2 + PIPED_COLUMN_WIDTH + 2 + "Ale kommun".len()
        );
        let on_screen = t.render(Some(80), false);
        assert!(
            on_screen.lines().all(|l| l.width() <= 80),
            "cut to the terminal"
        );
    }

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

    #[test]
    fn the_name_keeps_its_room_and_an_empty_column_is_left_out() {
        let headers = [
            "PROJECTS",
            "ORGANISATION",
            "ORG. NUMBER",
            "KIND",
            "ROLES",
            "PART OF",
        ];
        let mut t = Table::new(&headers)
            .flexible(&[1, 4, 5])
            .right_aligned(&[0]);
        for (name, roles) in [
            ("Arbetsmarknadsenheten i Vellinge kommun", "partner"),
            ("Vellinge kommun", "owner, partner, municipality"),
        ] {
            let cells = ["2", name, "", "unit", roles, "Vellinge kommun"];
            t.row(cells.map(String::from).to_vec());
        }
        let shown = t.render(Some(80), false);
        assert!(shown.lines().all(|l| l.width() <= 80), "{shown}");
        assert!(
            !shown.contains("ORG. NUMBER") && !shown.contains("OR…"),
            "left out: {shown}"
        );
        assert!(
            shown.contains("Arbetsmarknadsenheten i Vellinge kommun"),
            "{shown}"
        );
        let narrow = t.render(Some(60), false);
        assert!(
            narrow.contains("Arbetsmarknadsenheten i Vellinge …"),
            "{narrow}"
        );
        assert!(
            !narrow.contains("PART OF"),
            "the last flexible column left out: {narrow}"
        );
        assert!(narrow.lines().all(|l| !l.ends_with(' ')), "{narrow}");
    }
}
