//! What a spreadsheet would unpack to, checked before the sheet reader sees
//! it: the zip's declared sizes (the zip reader stops at a declared size,
//! so they bound what is unpacked), the shared-string count an XLSX makes
//! room for on opening, and the cells an ODS expands its repeats into.

use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Which spreadsheet a zip holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Xlsx,
    Ods,
}

const MOST_ENTRIES: usize = 10_000;
const MOST_ENTRY: u64 = 256 << 20;
const MOST_UNPACKED: u64 = 512 << 20;
/// Packed more tightly than this (and larger than a megabyte), an entry
/// is a bomb, not a sheet: sheet XML packs about 10 to 30 times.
const MOST_RATIO: u64 = 250;
/// Cells an ODS may expand to on opening (the reader holds each twice,
/// as its value and its formula).
pub const MOST_ODS_CELLS: u64 = 8_000_000;

const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// The spreadsheet a zip is, from its directory alone (nothing unpacked
/// but an ODS's short `mimetype`); `None` for other zips and other bytes.
pub fn kind(bytes: &[u8]) -> Option<SheetKind> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.to_string())
        .collect();
    if names.iter().any(|n| n == "xl/workbook.xml") {
        return Some(SheetKind::Xlsx);
    }
    if !names.iter().any(|n| n == "content.xml") {
        return None;
    }
    let mut mime = zip.by_name("mimetype").ok()?;
    if mime.size() > 200 {
        return None;
    }
    let mut text = Vec::new();
    mime.read_to_end(&mut text).ok()?;
    text.starts_with(ODS_MIME).then_some(SheetKind::Ods)
}

/// Refuses, with why, a spreadsheet that would unpack past the bounds.
pub fn check(bytes: &[u8], kind: SheetKind) -> Result<(), String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("the spreadsheet is no readable zip: {e}"))?;
    if zip.len() > MOST_ENTRIES {
        return Err(format!(
            "a spreadsheet of {} parts (more than {MOST_ENTRIES})",
            zip.len()
        ));
    }
    let mut total: u64 = 0;
    let mut strings = None;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_data(i)
            .map_err(|e| format!("the spreadsheet is no readable zip: {e}"))?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        if entry.encrypted() {
            return Err("an encrypted spreadsheet".to_string());
        }
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        if size > MOST_ENTRY || (size > 1 << 20 && size / packed > MOST_RATIO) {
            return Err(format!(
                "a spreadsheet whose part \"{}\" unpacks to {} MB from {} KB (more than a sheet can hold)",
                super::super::truncate_chars(&name, 60),
                size >> 20,
                packed >> 10
            ));
        }
        total = total.saturating_add(size);
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            strings = Some((i, size));
        }
    }
    if total > MOST_UNPACKED {
        return Err(format!(
            "a spreadsheet that unpacks to {} MB (more than {} MB)",
            total >> 20,
            MOST_UNPACKED >> 20
        ));
    }
    match kind {
        SheetKind::Xlsx => match strings {
            Some((i, size)) => check_shared_strings(&mut zip, i, size),
            None => Ok(()),
        },
        SheetKind::Ods => check_ods_repeats(&mut zip),
    }
}

fn unreadable(e: impl std::fmt::Display) -> String {
    format!("the spreadsheet cannot be read: {e}")
}

/// `<sst uniqueCount="N">`: the XLSX reader makes room for N strings on
/// opening, before anything else is read. Each string takes at least 5
/// bytes (`<si/>`), so more than the part's size / 5 is a lie.
fn check_shared_strings(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    size: u64,
) -> Result<(), String> {
    let entry = zip.by_index(index).map_err(unreadable)?;
    let mut head = Vec::new();
    entry
        .take(64 << 10)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let head = String::from_utf8_lossy(&head);
    let Some(count) = attribute_number(&head, "uniqueCount") else {
        return Ok(());
    };
    let most = (size / 5 + 1).min(super::table::MOST_CELLS as u64);
    match count > most {
        true => Err(format!(
            "a spreadsheet that claims {count} shared strings in a part of {size} bytes"
        )),
        false => Ok(()),
    }
}

/// The number in `name="…"` in the `<sst …>` tag of `head`.
fn attribute_number(head: &str, name: &str) -> Option<u64> {
    let sst = head.find("<sst")?;
    let tag = &head[sst..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let digits: String = tag[at..].chars().take_while(char::is_ascii_digit).collect();
    // More digits than a u64 holds is as much a lie as a large number.
    Some(digits.parse().unwrap_or(u64::MAX))
}

/// What opening an ODS expands, per sheet: each row's cells up to its last
/// one (repeats of non-empty cells included), and the box from the first
/// to the last non-empty row, repeats included, as wide as the widest.
#[derive(Default)]
struct OdsCount {
    stored: u64,
    rows: u64,
    first_filled: Option<u64>,
    last_filled: u64,
    widest: u64,
    row_repeat: u64,
    row_width: u64,
    row_trailing_empty: u64,
    row_filled_to: u64,
}

/// A repeat count as calamine reads it (columns up to 16,384, rows up to
/// 1,048,576).
fn repeats(e: &BytesStart, name: &str, most: u64) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, most)
}

fn has_value(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value-type" | "table:formula" | "office:value" | "office:string-value"
        )
    })
}

impl OdsCount {
    fn start_row(&mut self, repeat: u64) {
        self.row_repeat = repeat;
        self.row_width = 0;
        self.row_trailing_empty = 0;
        self.row_filled_to = 0;
    }

    fn cell(&mut self, repeat: u64, filled: bool) {
        self.row_width = (self.row_width + repeat).min(16_384);
        match filled {
            true => {
                self.row_trailing_empty = 0;
                self.row_filled_to = self.row_width;
            }
            false => self.row_trailing_empty = repeat,
        }
    }

    fn end_row(&mut self) {
        let stored = self.row_width.saturating_sub(self.row_trailing_empty);
        self.stored = self.stored.saturating_add(stored);
        if self.row_filled_to > 0 {
            self.first_filled.get_or_insert(self.rows);
            self.last_filled = self.rows + self.row_repeat;
            self.widest = self.widest.max(self.row_filled_to);
        }
        self.rows = (self.rows + self.row_repeat).min(1_048_576);
    }

    /// Cells the sheet's range takes, then starts the next sheet.
    fn end_table(&mut self) -> u64 {
        let height = self.last_filled - self.first_filled.unwrap_or(self.last_filled);
        let boxed = height.saturating_mul(self.widest);
        let stored = self.stored;
        *self = OdsCount::default();
        stored.saturating_add(boxed)
    }
}

/// Pre-reads `content.xml` (its size already checked) for repeated cells.
fn check_ods_repeats(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    let content = zip.by_name("content.xml").map_err(unreadable)?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut count = OdsCount::default();
    let mut total: u64 = 0;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(unreadable)?;
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                count.start_row(repeats(&e, "table:number-rows-repeated", 1_048_576));
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                count.start_row(repeats(&e, "table:number-rows-repeated", 1_048_576));
                count.end_row();
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => count.end_row(),
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                count.cell(repeats(&e, "table:number-columns-repeated", 16_384), true);
            }
            Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let filled = has_value(&e);
                count.cell(repeats(&e, "table:number-columns-repeated", 16_384), filled);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                total = total.saturating_add(count.end_table());
            }
            Event::Eof => break,
            _ => {}
        }
        if total.saturating_add(count.stored) > MOST_ODS_CELLS {
            return Err(format!(
                "a spreadsheet whose repeated cells expand to more than {MOST_ODS_CELLS} cells"
            ));
        }
        buf.clear();
    }
    Ok(())
}
