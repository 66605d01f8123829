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
        let height = self
            .last_filled
            .saturating_sub(self.first_filled.unwrap_or(self.last_filled));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lists::parse_list;
    use std::io::Write;

    /// A zip of stored entries, written with the zip crate.
    fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// A one-sheet XLSX whose sheet data and shared strings are given.
    fn xlsx(sheet_data: &str, shared: Option<&str>) -> Vec<u8> {
        let workbook = format!(
            r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        );
        let rels = format!(
            r#"<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
        );
        let root = format!(
            r#"<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        );
        let sheet = format!(r#"<worksheet xmlns="{MAIN}">{sheet_data}</worksheet>"#);
        let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
        let mut entries = vec![
            ("[Content_Types].xml", types.to_string()),
            ("_rels/.rels", root),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        if let Some(s) = shared {
            entries.push(("xl/sharedStrings.xml", s.to_string()));
        }
        let borrowed: Vec<(&str, &str)> = entries.iter().map(|(n, t)| (*n, t.as_str())).collect();
        zip_of(&borrowed)
    }

    fn inline(cell: &str, text: &str) -> String {
        format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    fn refused(bytes: &[u8]) -> String {
        match parse_list("f.xlsx", bytes) {
            Some(Err(reason)) => reason,
            Some(Ok(list)) => panic!("read as a list of {} rows", list.rows.len()),
            None => panic!("not taken for a list"),
        }
    }

    #[test]
    fn a_small_xlsx_list_is_read() {
        let header = ["A1", "B1", "C1", "D1"]
            .iter()
            .zip([
                "Diarienummer",
                "Namn på insatsen",
                "Stödmottagare",
                "EU-fond",
            ])
            .map(|(c, t)| inline(c, t))
            .collect::<String>();
        let row = [("A2", "22-1"), ("B2", "Namn"), ("C2", "X"), ("D2", "ESF+")]
            .iter()
            .map(|(c, t)| inline(c, t))
            .collect::<String>();
        let bytes = xlsx(
            &format!(r#"<sheetData><row r="1">{header}</row><row r="2">{row}</row></sheetData>"#),
            None,
        );
        let list = parse_list("f.xlsx", &bytes).unwrap().unwrap();
        assert_eq!(list.rows.len(), 1);
        assert_eq!(list.rows[0].key, "22-1");
        assert_eq!(list.rows[0].line, 2);
        assert_eq!(list.rows[0].doc.source, "f.xlsx#22-1");
    }

    #[test]
    fn a_cell_far_away_under_a_dimension_to_xfd1048576_is_refused() {
        let data = format!(
            r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1">{}</row><row r="1048576">{}</row></sheetData>"#,
            inline("A1", "Diarienummer"),
            inline("XFD1048576", "x")
        );
        let reason = refused(&xlsx(&data, None));
        assert!(reason.contains("column 16384"), "{reason}");
    }

    #[test]
    fn a_shared_string_count_of_two_to_the_31st_is_refused_before_opening() {
        let shared = format!(
            r#"<sst xmlns="{MAIN}" count="1" uniqueCount="2147483648"><si><t>a</t></si></sst>"#
        );
        let reason = refused(&xlsx("<sheetData/>", Some(&shared)));
        assert!(reason.contains("2147483648 shared strings"), "{reason}");
    }

    /// A zip whose one stored entry claims `claimed` bytes unpacked (a
    /// zip64 size), written by hand: nothing is ever that large.
    fn zip_claiming(name: &str, claimed: u64) -> Vec<u8> {
        let data = b"<x/>";
        let mut extra = Vec::new();
        extra.extend(1u16.to_le_bytes());
        extra.extend(16u16.to_le_bytes());
        extra.extend(claimed.to_le_bytes());
        extra.extend((data.len() as u64).to_le_bytes());
        let mut out = Vec::new();
        let head = |sig: u32, out: &mut Vec<u8>, central: bool| {
            out.extend(sig.to_le_bytes());
            if central {
                out.extend(45u16.to_le_bytes());
            }
            out.extend(45u16.to_le_bytes()); // version needed
            out.extend(0u16.to_le_bytes()); // flags
            out.extend(0u16.to_le_bytes()); // stored
            out.extend(0u32.to_le_bytes()); // time, date
            out.extend(0u32.to_le_bytes()); // crc
            out.extend(u32::MAX.to_le_bytes()); // compressed: in zip64
            out.extend(u32::MAX.to_le_bytes()); // uncompressed: in zip64
            out.extend((name.len() as u16).to_le_bytes());
            out.extend((extra.len() as u16).to_le_bytes());
        };
        head(0x0403_4b50, &mut out, false);
        out.extend(name.as_bytes());
        out.extend(&extra);
        out.extend(data);
        let directory = out.len();
        head(0x0201_4b50, &mut out, true);
        out.extend([0u8; 6]); // comment length, disk, internal attributes
        out.extend(0u32.to_le_bytes()); // external attributes
        out.extend(0u32.to_le_bytes()); // local header at 0
        out.extend(name.as_bytes());
        out.extend(&extra);
        let size = out.len() - directory;
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend(1u16.to_le_bytes());
        out.extend(1u16.to_le_bytes());
        out.extend((size as u32).to_le_bytes());
        out.extend((directory as u32).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_part_that_claims_ten_gigabytes_unpacked_is_refused() {
        let bytes = zip_claiming("content.xml", 10 << 30);
        let reason = check(&bytes, SheetKind::Ods).unwrap_err();
        assert!(reason.contains("unpacks to 10240 MB"), "{reason}");
        let bytes = zip_claiming("xl/workbook.xml", 10 << 30);
        assert_eq!(kind(&bytes), Some(SheetKind::Xlsx));
        assert!(refused(&bytes).contains("10240 MB"));
    }

    fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", &content),
        ])
    }

    #[test]
    fn an_ods_whose_repeated_cells_expand_past_the_bound_is_refused() {
        let filled = r#"<table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell>"#;
        // One stored row repeated a million times: the box it makes.
        let tall = ods(&format!(
            r#"<table:table-row table:number-rows-repeated="1000000">{filled}</table:table-row>"#
        ));
        assert_eq!(kind(&tall), Some(SheetKind::Ods));
        let reason = refused(&tall);
        assert!(reason.contains("repeated cells"), "{reason}");
        // A thousand rows, each repeating its cell across the sheet.
        let wide = ods(&format!("<table:table-row>{filled}</table:table-row>").repeat(1_000));
        assert!(refused(&wide).contains("repeated cells"));
        // Empty repeats to the sheet's edge, as LibreOffice writes, are no
        // expansion.
        let edge = ods(
            r#"<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert_eq!(check(&edge, SheetKind::Ods), Ok(()));
    }
}
