//! Documents in, normalised records out. No SQL, no terminal.
//!
//! Each format has its own parser behind [`FormatParser`]; the format is
//! chosen by content (the parser most certain it recognises the text wins),
//! never by file name.

pub mod article;
pub mod call;
pub mod call_marks;
pub mod districts;
pub mod esf2014;
pub mod esfplus;
pub mod explain;
pub mod fields;
pub mod fund_marks;
pub mod gazetteer;
pub mod html;
pub mod kohesio;
pub mod kohesio_site;
pub mod labelled;
pub mod legacy_page;
pub mod linked_page;
pub mod lists;
pub mod mentions;
pub mod normalise;
pub mod orgs;
pub mod page_fields;
pub mod places;
pub mod project;
pub mod prose;
pub mod prose_article;
pub mod record;
pub mod text;
pub mod written_dates;

use crate::model::{Article, Call, Format, LinkedDoc, ParsedDocument, Project};
use gazetteer::Gazetteer;
use std::path::Path;
use text::CleanText;

/// What a format parser makes of a document.
#[derive(Debug, Default)]
pub struct Parsed {
    pub title: Option<String>,
    pub project: Option<Project>,
    pub article: Option<Article>,
    pub call: Option<Call>,
    pub linked: Option<LinkedDoc>,
    pub warnings: Vec<String>,
}

impl Parsed {
    fn gives_something(&self) -> bool {
        self.project.is_some()
            || self.article.is_some()
            || self.call.is_some()
            || self.linked.is_some()
    }
}

/// One document format.
pub trait FormatParser: Sync {
    fn format(&self) -> Format;
    /// How sure the parser is that the text is in its format; 0 = not at all.
    fn recognise(&self, doc: &CleanText) -> u8;
    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed;
}

const PARSERS: &[&dyn FormatParser] = &[
    &esf2014::Esf2014,
    &esfplus::EsfPlus,
    &legacy_page::LegacyPage,
    &article::ArticlePage,
    &kohesio::Kohesio,
    &call::CallPage,
    &linked_page::FinalReport,
];

/// Tried only when no parser of [`PARSERS`] knows the text: reading the
/// whole prose for a project's name is the costliest test.
const FALLBACK: &[&dyn FormatParser] = &[&prose_article::ProseArticle, &linked_page::ProjectPage];

/// Parses a document's bytes. Never fails: unreadable content becomes a
/// `skipped` record with its reason, unrecognised content an `unknown` one.
pub fn parse_bytes(source: &str, bytes: &[u8]) -> ParsedDocument {
    let doc = match text::clean(bytes) {
        Ok(doc) => doc,
        Err(not_text) => return ParsedDocument::skipped(source, not_text.reason()),
    };
    let g = gazetteer::gazetteer();
    let most_certain = |parsers: &[&'static dyn FormatParser]| {
        parsers
            .iter()
            .map(|p| (p.recognise(&doc), *p))
            .filter(|(score, _)| *score > 0)
            .max_by_key(|(score, _)| *score)
    };
    let best = most_certain(PARSERS).or_else(|| most_certain(FALLBACK));
    let (format, parsed, text) = match best.map(|(_, parser)| (parser, parser.parse(&doc, g))) {
        Some((parser, parsed)) if parsed.gives_something() => (parser.format(), parsed, None),
        // A format's look without its content (a Kohesio page of another
        // fund): kept as a document of no known format, with its warnings.
        other => {
            let mut parsed = parse_unknown(&doc, g);
            parsed.warnings = other.map(|(_, p)| p.warnings).unwrap_or_default();
            (Format::Unknown, parsed, labelled::paragraphs(&doc.lines))
        }
    };
    let mut warnings = doc.warnings;
    warnings.extend(parsed.warnings);
    if let Some(project) = &parsed.project {
        project::check_period(project, &mut warnings);
    }
    ParsedDocument {
        source: source.to_string(),
        format,
        title: parsed.title,
        skipped_reason: None,
        project: parsed.project,
        article: parsed.article,
        call: parsed.call,
        linked: parsed.linked,
        text,
        warnings,
    }
}

/// Reads and parses a file. Errors only when the file cannot be read: it
/// is no regular file (a FIFO is never waited on), or larger than
/// [`DOCUMENT_LIMIT`](crate::files::read_bounded::DOCUMENT_LIMIT).
pub fn parse_file(path: &Path) -> Result<ParsedDocument, crate::files::read_bounded::Refused> {
    use crate::files::read_bounded::{read, Links, DOCUMENT_LIMIT};
    let bytes = read(path, DOCUMENT_LIMIT, Links::Follow)?;
    Ok(parse_bytes(&path.to_string_lossy(), &bytes))
}

/// Anything else keeps a title (its first meaningful line) and its text.
fn parse_unknown(doc: &CleanText, g: &Gazetteer) -> Parsed {
    let title = doc
        .lines
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !g.is_chrome(l))
        .map(|l| truncate_chars(l, 200));
    Parsed {
        title,
        ..Parsed::default()
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
