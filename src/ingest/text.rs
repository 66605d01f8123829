//! Bytes to clean text: encodings, line endings, blanks, Unicode normalisation.

use unicode_normalization::UnicodeNormalization;

/// Text ready for the format parsers, plus what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanText {
    /// Normalised lines: no line terminators, no trailing blanks, NFC.
    pub lines: Vec<String>,
    pub warnings: Vec<String>,
    /// A saved page's lines naming its site, from the head, header and
    /// footer its text leaves out (empty for text files).
    pub site_lines: Vec<String>,
}

/// Why a file holds no document at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    /// An HTML page that shows no text (only scripts, styles, markup).
    EmptyPage,
    Binary(&'static str),
}

impl NotText {
    pub fn reason(&self) -> String {
        match self {
            NotText::Empty => "empty file".to_string(),
            NotText::EmptyPage => "an HTML page with no text to show".to_string(),
            NotText::Binary(kind) => format!("binary file ({kind}), not a text document"),
        }
    }
}

/// Decodes and normalises a file's bytes.
pub fn clean(bytes: &[u8]) -> Result<CleanText, NotText> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(NotText::Binary(kind));
    }
    let mut warnings = Vec::new();
    let mut decoded = decode(bytes, &mut warnings);
    let mut site_lines = Vec::new();
    let page = super::html::looks_like_html(&decoded);
    if page {
        match super::html::nesting_depth(&decoded) {
            depth if depth > super::html::DEEPEST => warnings.push(format!(
                "an HTML page nested {depth} elements deep (more than {}): read as plain text",
                super::html::DEEPEST
            )),
            _ => match super::html::elements_at_most(&decoded) {
                n if n > super::html::MOST_ELEMENTS => warnings.push(format!(
                    "an HTML page that may make {n} elements (more than {}): read as plain text",
                    super::html::MOST_ELEMENTS
                )),
                _ => (decoded, site_lines) = super::html::to_text_and_site(&decoded),
            },
        }
    }
    let lines = normalise_lines(&decoded);
    if lines.iter().all(|l| l.is_empty()) {
        return Err(if page {
            NotText::EmptyPage
        } else {
            NotText::Empty
        });
    }
    let controls = lines
        .iter()
        .filter(|l| !l.bytes().all(|b| (0x20..0x7f).contains(&b)))
        .map(|l| count_controls(l))
        .sum::<usize>();
    if controls > 0 {
        warnings.push(format!(
            "{controls} control or invisible formatting character(s) in the text"
        ));
    }
    Ok(CleanText {
        lines,
        warnings,
        site_lines,
    })
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"SQLite format 3\0", "SQLite database"),
];

fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if utf16_order(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then_some("contains NUL bytes")
}

#[derive(Clone, Copy)]
enum Utf16 {
    Le,
    Be,
}

fn utf16_order(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xff, 0xfe, ..] => Some(Utf16::Le),
        [0xfe, 0xff, ..] => Some(Utf16::Be),
        _ => None,
    }
}

/// UTF-8 (BOM optional), UTF-16 with BOM, and Windows-1252 for whatever is
/// not valid UTF-8 (a whole cp1252 file, or a few stray bytes in UTF-8).
pub(crate) fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    if let Some(order) = utf16_order(bytes) {
        return decode_utf16(&bytes[2..], order, warnings);
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut out = String::with_capacity(body.len());
    let mut foreign = 0usize;
    for chunk in body.utf8_chunks() {
        out.push_str(chunk.valid());
        foreign += chunk.invalid().len();
        out.extend(chunk.invalid().iter().map(|&b| cp1252(b)));
    }
    if foreign > 0 {
        warnings.push(format!(
            "not valid UTF-8: {foreign} byte(s) read as Windows-1252"
        ));
    }
    out
}

fn decode_utf16(body: &[u8], order: Utf16, warnings: &mut Vec<String>) -> String {
    let units = body.chunks(2).map(|pair| {
        let (a, b) = (pair[0], *pair.get(1).unwrap_or(&0));
        match order {
            Utf16::Le => u16::from_le_bytes([a, b]),
            Utf16::Be => u16::from_be_bytes([a, b]),
        }
    });
    let mut bad = 0usize;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad > 0 || body.len() % 2 == 1 {
        warnings.push("damaged UTF-16: some characters replaced".to_string());
    }
    text
}

/// Windows-1252: 0x80–0x9F are typographic characters, the rest Latin-1.
/// The five undefined bytes become U+FFFD so no C1 control slips through.
pub fn cp1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// Splits on CRLF, CR or LF; turns tabs and no-break spaces into spaces;
/// drops trailing blanks; normalises to NFC.
fn normalise_lines(text: &str) -> Vec<String> {
    if text.contains('\r') {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        return text.split('\n').map(normalise_line).collect();
    }
    text.split('\n').map(normalise_line).collect()
}

fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    if line.is_ascii() && !line.contains('\t') {
        out.push_str(line.trim_end());
        return out;
    }
    let mut highest = '\0';
    out.extend(line.chars().map(|c| {
        highest = highest.max(c);
        if is_blank(c) {
            ' '
        } else {
            c
        }
    }));
    out.truncate(out.trim_end().len());
    // Below U+0300 (no combining marks) every text is already NFC; above,
    // the quick check still spares rebuilding most lines.
    if highest < '\u{300}' {
        return out;
    }
    match unicode_normalization::is_nfc_quick(out.chars()) {
        unicode_normalization::IsNormalized::Yes => out,
        _ => out.nfc().collect(),
    }
}

/// Characters that are spacing in real exports: tab, no-break spaces, BOMs.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{feff}' | '\u{2000}'..='\u{200a}'
    )
}

/// Controls and invisible formatting characters that must never reach a
/// terminal unmarked (the sanitiser at each output makes them safe).
pub fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}'
        )
}

fn count_controls(line: &str) -> usize {
    line.chars().filter(|&c| is_hazard(c)).count()
}

/// Folds runs of whitespace to single spaces and trims.
pub fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a word begins with a capital letter.
pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let t = clean(b"\xef\xbb\xbfRegion:\r\nV\xc3\xa4stsverige  \r\n").unwrap();
        assert_eq!(t.lines, vec!["Region:", "Västsverige", ""]);
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn windows_1252_fallback() {
        let t = clean(b"G\xf6teborg \x96 \x80").unwrap();
        assert_eq!(t.lines, vec!["Göteborg – €"]);
        assert_eq!(t.warnings.len(), 1);
    }

    #[test]
    fn stray_bytes_inside_utf8() {
        let t = clean("Västra \u{0}".as_bytes()).map(|_| ()).unwrap_err();
        assert_eq!(t, NotText::Binary("contains NUL bytes"));
        let t = clean(b"V\xc3\xa4st \xe4r").unwrap();
        assert_eq!(t.lines, vec!["Väst är"]);
    }

    #[test]
    fn undefined_cp1252_bytes_are_not_c1_controls() {
        let t = clean(b"a\x9db\x9bc").unwrap();
        assert_eq!(t.lines, vec!["a\u{fffd}b›c"]);
    }

    #[test]
    fn utf16_le_and_be() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Öst\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(clean(&le).unwrap().lines, vec!["Öst", ""]);
        let mut be = vec![0xfe, 0xff];
        be.extend("Öst".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(clean(&be).unwrap().lines, vec!["Öst"]);
    }

    #[test]
    fn blanks_tabs_and_nfc() {
        let t = clean("8\u{a0}866\u{202f}642\tkr\t \nA\u{308}\r".as_bytes()).unwrap();
        assert_eq!(t.lines, vec!["8 866 642 kr", "Ä", ""]);
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(clean(b""), Err(NotText::Empty));
        assert_eq!(clean(b" \r\n\t\n"), Err(NotText::Empty));
        assert!(matches!(clean(b"%PDF-1.4"), Err(NotText::Binary("PDF"))));
    }

    #[test]
    fn controls_are_flagged_not_dropped() {
        let t = clean(b"Namn:\nevil\x1b[2Jname\n").unwrap();
        assert_eq!(t.lines[1], "evil\u{1b}[2Jname");
        assert_eq!(t.warnings.len(), 1);
    }
}
