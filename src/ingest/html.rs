//! Saved HTML pages (a browser's "Save page as", `.html`): the text the page
//! shows, read with an HTML5 parser (scraper, on html5ever), before the
//! format parsers see it. Scripts, styles, navigation, headers and footers
//! are dropped; block elements and `<br>` end lines.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never part of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "head", "svg", "iframe",
    "form", "button", "select", "dialog",
];

/// Elements that stand on lines of their own.
const LINES: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "figcaption",
    "address",
    "body",
];

/// Elements that are paragraphs of their own: a blank line after them, as
/// between a text copy's label block and its prose.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "ul",
    "ol",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "aside",
    "hr",
    "figure",
];

/// Deepest nesting read as a page: the HTML5 parser takes time that grows
/// with the square of the depth (30,000 nested `<div>` take a second),
/// and no saved page comes near this.
pub const DEEPEST: usize = 2_000;

/// Elements that never hold others.
const VOID: &[&[u8]] = &[
    b"br",
    b"img",
    b"input",
    b"meta",
    b"link",
    b"hr",
    b"area",
    b"base",
    b"col",
    b"embed",
    b"source",
    b"track",
    b"wbr",
    b"!doctype",
];

/// How deep the page's elements nest, roughly (a quick look at its tags,
/// not a parse): enough to tell a page from a trap.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!'))
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_slice()) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

/// Whether decoded text is an HTML page rather than text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

/// The page's text, a line per block; walked without recursion, so a
/// page nested a million deep is read like any other.
pub fn to_text(html: &str) -> String {
    let page = Html::parse_document(html);
    let mut out = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => push_words(&mut out, text),
                Node::Element(e) if DROPPED.contains(&e.name()) => skipping = Some(node.id()),
                Node::Element(e) if e.name() == "br" => out.push('\n'),
                Node::Element(e) if PARAGRAPHS.contains(&e.name()) => end_paragraph(&mut out),
                Node::Element(e) if LINES.contains(&e.name()) => end_line(&mut out),
                _ => {}
            },
            Edge::Close(node) => match (skipping, node.value()) {
                (Some(id), _) if id == node.id() => skipping = None,
                (None, Node::Element(e)) if PARAGRAPHS.contains(&e.name()) => {
                    end_paragraph(&mut out)
                }
                (None, Node::Element(e)) if LINES.contains(&e.name()) => end_line(&mut out),
                _ => {}
            },
            Edge::Open(_) => {}
        }
    }
    out
}

/// Text as a browser shows it: runs of white space are one space.
fn push_words(out: &mut String, text: &str) {
    if text.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    out.push_str(&words.join(" "));
    if !words.is_empty() && text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn end_paragraph(out: &mut String) {
    end_line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_lines_and_scripts_and_menus_go() {
        let page = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>\
            <nav><a>Meny</a></nav><h1>2015/00730 - effektbutiken</h1>\
            <dl><dt>Diarienummer:</dt><dd>2015/00730</dd></dl><script>alert(1)</script>\
            <p>En  <b>fet</b>\n rad<br>och nästa</p><footer>Kontakt</footer></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(
            to_text(page),
            "2015/00730 - effektbutiken\n\nDiarienummer:\n2015/00730\n\nEn fet rad\noch nästa\n\n"
        );
    }

    #[test]
    fn text_is_not_html_and_deep_nesting_is_read() {
        assert!(!looks_like_html(
            "2015/00730 - effektbutiken\n\nDiarienummer:"
        ));
        let deep = |n: usize| {
            format!(
                "<html><body>{}x{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        };
        assert_eq!(to_text(&deep(1_000)).trim(), "x");
        assert!(nesting_depth(&deep(1_000)) < DEEPEST);
        assert!(nesting_depth(&deep(100_000)) > DEEPEST);
        assert!(nesting_depth("<p>a<br>b<img src=x></p><p>c</p>") == 1);
    }
}
