//! A list's cells as text: a header row and the rows under it, each with
//! its row number in the sheet (the header's own number included), read
//! from CSV (comma or semicolon), XLSX or ODS within fixed bounds.

use calamine::{Data, DataRef, DataType, ExcelDateTime, Reader};
use std::io::Cursor;
use unicode_normalization::UnicodeNormalization;

/// More columns than any list has (Kohesio's export has about 45).
pub const MOST_COLUMNS: usize = 1_000;
/// Excel's own row limit.
pub const MOST_ROWS: usize = 1_048_576;
/// Non-empty cells kept from one sheet (100,000 rows of 45 columns is 4.5 M).
pub const MOST_CELLS: usize = 20_000_000;

/// One row under the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The sheet's row number (the header's is 1 when it is the first row).
    pub line: usize,
    pub cells: Vec<String>,
}

/// The header and the non-empty rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// A cell as it is kept: trimmed, NFC.
fn tidy(s: &str) -> String {
    let s = s.trim();
    let quick = || unicode_normalization::is_nfc_quick(s.chars());
    match s.is_ascii() || quick() == unicode_normalization::IsNormalized::Yes {
        true => s.to_string(),
        false => s.nfc().collect(),
    }
}

/// The delimiter of a CSV: whichever of `,`, `;` and tab the first line
/// (outside quotes) holds most of.
pub fn delimiter(text: &str) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The first record of a CSV: its header row, if it has one.
pub fn csv_header(text: &str, delimiter: u8) -> Option<Vec<String>> {
    let mut reader = csv_reader(text, delimiter);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => Some(record.iter().map(tidy).collect()),
        _ => None,
    }
}

/// Every record of a CSV. The row number is the record's first line, as a
/// spreadsheet program shows it.
pub fn read_csv(text: &str, delimiter: u8) -> Result<Table, String> {
    let mut reader = csv_reader(text, delimiter);
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut cells = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => return Err(format!("the CSV cannot be read: {err}")),
        }
        if record.len() > MOST_COLUMNS {
            return Err(too_many_columns(record.len()));
        }
        let line = record.position().map_or(0, |p| p.record() as usize + 1);
        let row: Vec<String> = record.iter().map(tidy).collect();
        if row.iter().all(String::is_empty) {
            continue;
        }
        if header.is_none() {
            header = Some(row);
            continue;
        }
        cells += row.len();
        if rows.len() >= MOST_ROWS || cells > MOST_CELLS {
            return Err(too_many_rows());
        }
        rows.push(Row { line, cells: row });
    }
    Ok(Table {
        header: header.unwrap_or_default(),
        rows,
    })
}

pub fn too_many_columns(n: usize) -> String {
    format!("a row of {n} columns (more than {MOST_COLUMNS}, more than any list has)")
}

fn too_many_rows() -> String {
    format!("more than {MOST_ROWS} rows or {MOST_CELLS} cells, more than a list is read with")
}

/// The first sheet of an XLSX, read cell by cell: a cell beyond the
/// bounds is refused as soon as it is seen, never allocated for.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, String> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("the spreadsheet cannot be read: {e}"))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| "the spreadsheet has no sheet".to_string())?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| format!("the spreadsheet cannot be read: {e}"))?;
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Err(format!("the spreadsheet cannot be read: {e}")),
        };
        let Some(text) = ref_text(cell.get_value()) else {
            continue;
        };
        let (row, col) = cell.get_position();
        check_place(row as usize, col as usize, cells.len())?;
        cells.push((row, col, text));
    }
    Ok(from_cells(cells))
}

/// A non-empty cell at `row`, `col` (from 0), the `n`th kept.
fn check_place(row: usize, col: usize, n: usize) -> Result<(), String> {
    if col >= MOST_COLUMNS {
        return Err(format!(
            "a cell in column {} (more than {MOST_COLUMNS} columns, more than any list has)",
            col + 1
        ));
    }
    if row >= MOST_ROWS || n >= MOST_CELLS {
        return Err(too_many_rows());
    }
    Ok(())
}

/// Sparse cells to rows: the first row with a cell is the header.
fn from_cells(mut cells: Vec<(u32, u32, String)>) -> Table {
    cells.sort_by_key(|(r, c, _)| (*r, *c));
    let mut rows: Vec<Row> = Vec::new();
    for (r, c, text) in cells {
        let line = r as usize + 1;
        if rows.last().is_none_or(|last| last.line != line) {
            rows.push(Row {
                line,
                cells: Vec::new(),
            });
        }
        if let Some(row) = rows.last_mut() {
            if row.cells.len() <= c as usize {
                row.cells.resize(c as usize + 1, String::new());
            }
            row.cells[c as usize] = text;
        }
    }
    let mut rows = rows.into_iter();
    let header = rows.next().map(|r| r.cells).unwrap_or_default();
    Table {
        header,
        rows: rows.collect(),
    }
}

/// The first sheet of an ODS (after [`super::sheet_guard`] has bounded
/// what opening it expands).
pub fn read_ods(bytes: &[u8]) -> Result<Table, String> {
    let mut book: calamine::Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("the spreadsheet cannot be read: {e}"))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(format!("the spreadsheet cannot be read: {e}")),
        None => return Err("the spreadsheet has no sheet".to_string()),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (i, row) in range.rows().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            if let Some(text) = data_text(cell) {
                let (r, c) = (top as usize + i, left as usize + j);
                check_place(r, c, cells.len())?;
                cells.push((r as u32, c as u32, text));
            }
        }
    }
    Ok(from_cells(cells))
}

fn ref_text(d: &DataRef) -> Option<String> {
    let text = match d {
        DataRef::SharedString(s) => tidy(s),
        DataRef::String(s) => tidy(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => date_text(dt),
        DataRef::DateTimeIso(s) => iso_day(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn data_text(d: &Data) -> Option<String> {
    if d.is_empty() {
        return None;
    }
    let text = match d {
        Data::String(s) => tidy(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => date_text(dt),
        Data::DateTimeIso(s) => iso_day(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A date cell as `YYYY-MM-DD` (its time of day dropped); a duration as
/// its number.
fn date_text(dt: &ExcelDateTime) -> String {
    if !dt.is_datetime() {
        return dt.as_f64().to_string();
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2023-09-04T00:00:00` → `2023-09-04`.
fn iso_day(s: &str) -> String {
    match s.split_once('T') {
        Some((day, _)) => day.to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_what_the_first_line_holds_most_of() {
        assert_eq!(delimiter("a;b;\"c,d,e\"\n1,2,3,4"), b';');
        assert_eq!(delimiter("a,b,c\n"), b',');
        assert_eq!(delimiter("just words"), b',');
    }

    #[test]
    fn quoted_line_breaks_stay_in_their_cell_and_rows_keep_their_number() {
        let t = read_csv("Id;Text\n1;\"two\nlines\"\n\n2;x\n", b';').unwrap();
        assert_eq!(t.header, ["Id", "Text"]);
        assert_eq!(t.rows[0].cells, ["1", "two\nlines"]);
        assert_eq!((t.rows[0].line, t.rows[1].line), (2, 3));
    }

    #[test]
    fn a_row_of_a_million_columns_is_refused() {
        let wide = format!("Id{}\n", ",x".repeat(1_000_000));
        let err = read_csv(&wide, b',').unwrap_err();
        assert!(err.contains("1000001 columns"), "{err}");
    }

    #[test]
    fn sparse_cells_become_rows_under_the_first() {
        let t = from_cells(vec![
            (4, 1, "b".into()),
            (1, 0, "H1".into()),
            (1, 2, "H3".into()),
            (4, 0, "a".into()),
        ]);
        assert_eq!(t.header, ["H1", "", "H3"]);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 5);
        assert_eq!(t.rows[0].cells, ["a", "b"]);
    }
}
