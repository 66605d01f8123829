//! Lists of projects in bulk: the fund's project list (the project bank's
//! export, bilingual headers) and Kohesio's exports (the country export
//! and the search page's shorter one), as CSV, XLSX or ODS. A list is
//! known by its header row; each row of an ESF or ESF+ project in Sweden
//! becomes a record under the same contract as a saved page.

pub mod columns;
pub mod fund_list;
pub mod kohesio_export;
pub mod other_fund;
pub mod sheet_guard;
pub mod table;
pub mod values;

use crate::ingest::{gazetteer, text};
use crate::model::{Format, ParsedDocument, Project};
use other_fund::OtherFundRow;
use std::collections::BTreeMap;
use table::{Row, Table};

/// The largest list read (Kohesio's country export of every fund is a
/// few tens of MB; a list is read once, a row at a time after that).
pub const LIST_LIMIT: u64 = 256 << 20;

/// A spreadsheet of projects, one record per row it keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedList {
    pub format: Format,
    /// `project list, 1 234 rows`: the file's title.
    pub title: String,
    /// Rows that became ESF/ESF+ project records.
    pub rows: Vec<ListRow>,
    /// Rows not kept, counted by reason, sorted by reason.
    pub skipped: Vec<(String, usize)>,
    /// Rows of another fund's projects, kept apart (counted in `skipped`
    /// too: they are no ESF project).
    pub other_funds: Vec<OtherFundRow>,
    /// File-level warnings (unknown columns kept in extra, …).
    pub warnings: Vec<String>,
}

/// One kept row.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    /// The diarienummer as written when the row has one, else `row N`.
    pub key: String,
    /// The sheet's row number (the header's is 1).
    pub line: usize,
    /// xxh3_128 of the row's cells, 32 hex digits.
    pub hash: String,
    /// Source `FILE#KEY`, the list's format, the project's name as title.
    pub doc: ParsedDocument,
}

/// A list's rows as the import is given them: kept rows in order, a
/// chunk at a time, then the rows not kept.
pub enum ListPart {
    Rows(Vec<ListRow>),
    End(ListEnd),
}

/// What a list's reading leaves once its projects' rows are given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListEnd {
    /// Rows not kept as projects, counted by reason, sorted by reason.
    pub skipped: Vec<(String, usize)>,
    /// Another fund's rows, in order.
    pub other_funds: Vec<OtherFundRow>,
}

/// What a list's reader makes of one row.
pub enum RowOutcome {
    Keep(Box<Project>, Vec<String>),
    Skip(String),
    /// Another fund's project, and the reason it is no ESF project.
    OtherFund(Box<OtherFundRow>, String),
}

/// The list a header row is, with its columns.
enum Kind {
    Fund(Vec<Option<fund_list::Col>>),
    Kohesio(Vec<Option<kohesio_export::Col>>),
}

impl Kind {
    /// The list the header is, if any: the one that knows most columns.
    fn of(header: &[String]) -> Option<Kind> {
        let fund = columns::map(header, fund_list::COLUMNS, &[]);
        let kohesio = columns::map(header, kohesio_export::COLUMNS, kohesio_export::REPEATABLE);
        let fund_ok = fund_list::recognised(&fund);
        let kohesio_ok = kohesio_export::recognised(&kohesio);
        match (fund_ok, kohesio_ok) {
            (true, true) if columns::known(&kohesio) > columns::known(&fund) => {
                Some(Kind::Kohesio(kohesio))
            }
            (true, _) => Some(Kind::Fund(fund)),
            (false, true) => Some(Kind::Kohesio(kohesio)),
            (false, false) => None,
        }
    }

    /// Known columns of either list the header has.
    fn known_anywhere(header: &[String]) -> usize {
        let fund = columns::map(header, fund_list::COLUMNS, &[]);
        let kohesio = columns::map(header, kohesio_export::COLUMNS, kohesio_export::REPEATABLE);
        columns::known(&fund).max(columns::known(&kohesio))
    }

    fn format(&self) -> Format {
        match self {
            Kind::Fund(_) => Format::ProjectList,
            Kind::Kohesio(_) => Format::KohesioList,
        }
    }

    fn noun(&self) -> &'static str {
        match self {
            Kind::Fund(_) => "project list",
            Kind::Kohesio(_) => "Kohesio list",
        }
    }

    fn is_known(&self, i: usize) -> bool {
        match self {
            Kind::Fund(cols) => cols.get(i).is_some_and(Option::is_some),
            Kind::Kohesio(cols) => cols.get(i).is_some_and(Option::is_some),
        }
    }

    fn read(&self, header: &[String], row: &Row) -> RowOutcome {
        let g = gazetteer::gazetteer();
        match self {
            Kind::Fund(cols) => fund_list::read_row(cols, header, row, g),
            Kind::Kohesio(cols) => kohesio_export::read_row(cols, header, row, g),
        }
    }
}

/// `None`: the bytes are no list esf knows (the file is then read as a
/// document as before). `Some(Err(reason))`: a spreadsheet or CSV that
/// looks like a list but cannot be read, refused with why.
pub fn parse_list(source: &str, bytes: &[u8]) -> Option<Result<ParsedList, String>> {
    Some(open_list(source, bytes)?.map(ListReader::into_parsed))
}

/// A list's file as a whole: what is known of it before its rows are read.
#[derive(Debug, Clone, PartialEq)]
pub struct ListHead {
    pub format: Format,
    /// `project list, 1 234 rows`: the file's title.
    pub title: String,
    /// File-level warnings (unknown columns kept in extra, …).
    pub warnings: Vec<String>,
}

/// A list whose cells are read and whose rows are still to be: they are
/// given in order, a chunk at a time, so they can be written while the
/// next ones are read.
pub struct ListReader {
    pub head: ListHead,
    source: String,
    kind: Kind,
    table: Table,
}

/// As [`parse_list`], but the rows are left to [`ListReader::read`].
pub fn open_list(source: &str, bytes: &[u8]) -> Option<Result<ListReader, String>> {
    if let Some(kind) = sheet_guard::kind(bytes) {
        return Some(parse_sheet(source, bytes, kind));
    }
    let decoded = csv_text(bytes)?;
    let delimiter = table::delimiter(&decoded);
    let header = table::csv_header(&decoded, delimiter)?;
    if header.len() > table::MOST_COLUMNS {
        // A header this wide is refused only when it names list columns.
        return (Kind::known_anywhere(&header) >= 2)
            .then(|| Err(table::too_many_columns(header.len())));
    }
    if Kind::of(&header).is_none() {
        // A few list columns in a row of several: a list whose header esf
        // cannot place. Anything else is an ordinary document.
        let looks = header.len() >= 3 && Kind::known_anywhere(&header) >= 2;
        return looks.then(|| Err(no_known_header(&header)));
    }
    Some(table::read_csv(&decoded, delimiter).and_then(|t| from_table(source, t)))
}

/// The text of bytes that may be a CSV: not binary, not an HTML page.
fn csv_text(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) && !head.starts_with(&[0xff, 0xfe]) && !head.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"%PDF") {
        return None;
    }
    let mut ignored = Vec::new();
    let decoded = text::decode(bytes, &mut ignored);
    (!crate::ingest::html::looks_like_html(&decoded)).then_some(decoded)
}

fn parse_sheet(
    source: &str,
    bytes: &[u8],
    kind: sheet_guard::SheetKind,
) -> Result<ListReader, String> {
    sheet_guard::check(bytes, kind)?;
    // The sheet reader computes cell references with arithmetic that a
    // damaged file can overflow (a panic where overflow is checked): such a
    // file is refused like any other unreadable one.
    let read = std::panic::catch_unwind(|| match kind {
        sheet_guard::SheetKind::Xlsx => table::read_xlsx(bytes),
        sheet_guard::SheetKind::Ods => table::read_ods(bytes),
    });
    let table =
        read.unwrap_or_else(|_| Err("the spreadsheet cannot be read: it is damaged".to_string()))?;
    from_table(source, table)
}

/// The reason a header row is refused: the headers each list expects.
fn no_known_header(header: &[String]) -> String {
    let shown: Vec<String> = header
        .iter()
        .take(6)
        .map(|h| format!("\"{}\"", crate::ingest::truncate_chars(h, 40)))
        .collect();
    format!(
        "a header row esf does not know ({}): a project list has columns such as {}; a Kohesio export {}",
        shown.join(", "),
        fund_list::EXPECTED,
        kohesio_export::EXPECTED
    )
}

fn from_table(source: &str, table: Table) -> Result<ListReader, String> {
    let kind = Kind::of(&table.header).ok_or_else(|| no_known_header(&table.header))?;
    let mut warnings = Vec::new();
    let unknown: Vec<usize> = (0..table.header.len())
        .filter(|&i| !kind.is_known(i))
        .collect();
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(|&i| label(&table.header, i)).collect();
        warnings.push(format!(
            "columns esf does not know, kept in extra: {}",
            names.join(", ")
        ));
    }
    if let Kind::Kohesio(cols) = &kind {
        if !kohesio_export::names_fund(cols) {
            warnings.push(
                "the list names no fund (Kohesio's search page export): its rows are kept without one"
                    .to_string(),
            );
        }
    }
    let total = crate::present::format::thousands(table.rows.len() as i64);
    let head = ListHead {
        format: kind.format(),
        title: format!("{}, {total} rows", kind.noun()),
        warnings,
    };
    Ok(ListReader {
        head,
        source: source.to_string(),
        kind,
        table,
    })
}

impl ListReader {
    /// Every row read at once.
    pub fn into_parsed(self) -> ParsedList {
        let mut rows = Vec::new();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let end = self.read(usize::MAX, cores, &mut |chunk| {
            rows.extend(chunk);
            true
        });
        ParsedList {
            format: self.head.format,
            title: self.head.title,
            rows,
            skipped: end.skipped,
            other_funds: end.other_funds,
            warnings: self.head.warnings,
        }
    }

    /// Reads the rows in order, `chunk` at a time on up to `threads`
    /// threads, handing each chunk's kept rows to `give` (which returns
    /// false to stop); returns the rows not kept, counted by reason, sorted
    /// by reason, and another fund's rows.
    pub fn read(
        &self,
        chunk: usize,
        threads: usize,
        give: &mut dyn FnMut(Vec<ListRow>) -> bool,
    ) -> ListEnd {
        let (kind, table) = (&self.kind, &self.table);
        let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
        let mut other_funds = Vec::new();
        let mut keys = std::collections::HashSet::new();
        for rows_here in table.rows.chunks(chunk.max(1)) {
            let mut kept = Vec::new();
            for (row, outcome) in
                rows_here
                    .iter()
                    .zip(read_rows(kind, &table.header, rows_here, threads))
            {
                match outcome {
                    RowOutcome::Skip(reason) => *skipped.entry(reason).or_default() += 1,
                    RowOutcome::OtherFund(other, reason) => {
                        *skipped.entry(reason).or_default() += 1;
                        other_funds.push(*other);
                    }
                    RowOutcome::Keep(project, row_warnings) => {
                        kept.push(self.keep(row, *project, row_warnings, &mut keys));
                    }
                }
            }
            if !give(kept) {
                break;
            }
        }
        ListEnd {
            skipped: skipped.into_iter().collect(),
            other_funds,
        }
    }

    /// A kept row: its unknown cells in extra, its key made unique.
    fn keep(
        &self,
        row: &Row,
        mut project: Project,
        mut row_warnings: Vec<String>,
        keys: &mut std::collections::HashSet<String>,
    ) -> ListRow {
        let (kind, header) = (&self.kind, &self.table.header);
        for (i, value) in row.cells.iter().enumerate() {
            let unknown_here = !kind.is_known(i) && !value.is_empty();
            if unknown_here {
                crate::ingest::fields::add_extra(&mut project, &label(header, i), value);
            }
        }
        crate::ingest::project::check_period(&project, &mut row_warnings);
        let mut key = project
            .id
            .clone()
            .unwrap_or_else(|| format!("row {}", row.line));
        if !keys.insert(key.clone()) {
            row_warnings.push(format!(
                "{key} is given again on row {}: kept under \"{key} (row {})\"",
                row.line, row.line
            ));
            key = format!("{key} (row {})", row.line);
            keys.insert(key.clone());
        }
        list_row(&self.source, kind.format(), key, row, project, row_warnings)
    }
}

/// Each row read, in order, on `threads` threads: finding the
/// organisations and places in a row's summary is most of a list's reading.
fn read_rows(kind: &Kind, header: &[String], rows: &[Row], threads: usize) -> Vec<RowOutcome> {
    let chunk = rows.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|rows| {
                let read = move || rows.iter().map(|r| kind.read(header, r)).collect();
                (rows.len(), scope.spawn(read))
            })
            .collect();
        let mut all = Vec::with_capacity(rows.len());
        for (len, handle) in handles {
            // A reader that failed still answers for each of its rows.
            let read: Vec<RowOutcome> = handle.join().unwrap_or_else(|_| {
                let why = || RowOutcome::Skip("a row that cannot be read".into());
                (0..len).map(|_| why()).collect()
            });
            all.extend(read);
        }
        all
    })
}

/// A header as an `extra` label: itself, or `column N` when it is empty.
fn label(header: &[String], i: usize) -> String {
    match header.get(i).filter(|h| !h.is_empty()) {
        Some(h) => h.clone(),
        None => format!("column {}", i + 1),
    }
}

fn list_row(
    source: &str,
    format: Format,
    key: String,
    row: &Row,
    project: Project,
    warnings: Vec<String>,
) -> ListRow {
    ListRow {
        hash: row_hash(&row.cells),
        line: row.line,
        doc: ParsedDocument {
            source: format!("{source}#{key}"),
            format,
            title: project.name.clone().or_else(|| project.id.clone()),
            skipped_reason: None,
            project: Some(project),
            article: None,
            call: None,
            linked: None,
            text: None,
            warnings,
        },
        key,
    }
}

/// The cells, each ended by a unit separator, hashed as files are.
pub fn row_hash(cells: &[String]) -> String {
    let mut joined = String::new();
    for c in cells {
        joined.push_str(c);
        joined.push('\u{1f}');
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(joined.as_bytes()))
}
