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

/// The most elements a page may make the HTML5 parser build. A saved
/// project page makes a few thousand; one made to make millions (open
/// formatting elements opened again for every paragraph: 148 KB took
/// 5.2 GB) is read as plain text instead.
pub const MOST_ELEMENTS: usize = 500_000;

/// Formatting elements: the HTML5 parser opens those left open again
/// ("reconstructs the active formatting elements") before each element
/// or text that follows them, once they were closed by another element.
const FORMATTING: &[&[u8]] = &[
    b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike",
    b"strong", b"tt", b"u",
];

/// At most how many elements the HTML5 parser builds for a page (a quick
/// look at its tags, not a parse): one for each start tag, and for each
/// start tag or run of text every formatting element still open, which
/// it may have to open again. The parser keeps at most three identical
/// ones (same tag and attributes), and so does the count; a new `<a>` or
/// `<nobr>` ends the one before. Linear in the page's length.
pub fn elements_at_most(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut open = OpenFormatting::default();
    let (mut elements, mut text_from) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        if at < text_from {
            continue; // inside the tag before
        }
        if !bytes[text_from..at].iter().all(u8::is_ascii_whitespace) {
            elements = elements.saturating_add(open.count);
        }
        let end = tag_end(bytes, at);
        text_from = end;
        let tag = &bytes[at + 1..end.max(at + 1)];
        let closing = tag.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name_len = tag[name_at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(tag.len() - name_at);
        let name = tag[name_at..name_at + name_len].to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let formatting = FORMATTING.contains(&name.as_slice());
        match (closing, formatting) {
            (true, true) => open.close(&name),
            (true, false) => {}
            (false, _) => {
                if matches!(name.as_slice(), b"a" | b"nobr") {
                    open.close_all(&name);
                }
                elements = elements.saturating_add(1 + open.count);
                if formatting {
                    // Attribute values keep their case: the parser
                    // tells `title=a` from `title=A`.
                    let mut same = name.clone();
                    same.extend_from_slice(&tag[name_len..]);
                    open.open(name, same);
                }
            }
        }
    }
    elements
}

/// Where the tag starting at `at` ends (just past its `>`), as the
/// parser's tokenizer finds it: a `>` inside a quoted attribute value
/// (`<b x=">">`) is part of the value.
fn tag_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    match memchr::memchr(quote, &bytes[i + 1..]) {
                        Some(e) => i += e + 2,
                        None => return bytes.len(),
                    }
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The formatting elements a page leaves open, as the parser keeps them.
#[derive(Default)]
struct OpenFormatting {
    /// The tags of each element name, last opened last.
    by_name: std::collections::HashMap<Vec<u8>, Vec<Vec<u8>>>,
    /// How many of each identical tag are open.
    same: std::collections::HashMap<Vec<u8>, usize>,
    /// How many the parser would open again: at most three identical.
    count: usize,
}

impl OpenFormatting {
    fn open(&mut self, name: Vec<u8>, tag: Vec<u8>) {
        let same = self.same.entry(tag.clone()).or_default();
        *same += 1;
        if *same <= 3 {
            self.count += 1;
        }
        self.by_name.entry(name).or_default().push(tag);
    }

    fn close(&mut self, name: &[u8]) {
        let Some(tag) = self.by_name.get_mut(name).and_then(Vec::pop) else {
            return;
        };
        if let Some(same) = self.same.get_mut(&tag) {
            if *same <= 3 {
                self.count -= 1;
            }
            *same -= 1;
        }
    }

    fn close_all(&mut self, name: &[u8]) {
        while self.by_name.get(name).is_some_and(|tags| !tags.is_empty()) {
            self.close(name);
        }
    }
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
    to_text_and_site(html).0
}

/// The page's text, and the lines of its head, header and footer that
/// name the site (its title, `og:site_name`, the logo's and the footer's
/// words): left out of the text, they still tell whose page it is.
pub fn to_text_and_site(html: &str) -> (String, Vec<String>) {
    let page = Html::parse_document(html);
    let mut out = String::new();
    let mut site = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    // Whether the element skipped is the head, a header or a footer.
    let mut site_part = false;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skipping.is_some() => {
                if site_part {
                    site_line(&mut site, node);
                }
            }
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => push_words(&mut out, text),
                Node::Element(e) if DROPPED.contains(&e.name()) => {
                    skipping = Some(node.id());
                    site_part = matches!(e.name(), "head" | "header" | "footer");
                }
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
    (out, site)
}

/// Longest line of a header or footer kept as naming the site.
const SITE_LINE_CHARS: usize = 100;

/// A text or `og:site_name` inside a dropped head, header or footer.
fn site_line(site: &mut Vec<String>, node: ego_tree::NodeRef<'_, Node>) {
    let in_code = node.parent().is_some_and(|p| {
        p.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "svg"))
    });
    let text = match node.value() {
        Node::Text(t) if !in_code => t.split_whitespace().collect::<Vec<_>>(),
        Node::Element(e) if e.name() == "meta" && e.attr("property") == Some("og:site_name") => {
            e.attr("content").unwrap_or("").split_whitespace().collect()
        }
        _ => return,
    };
    let line = text.join(" ");
    if !line.is_empty() && line.chars().count() <= SITE_LINE_CHARS {
        site.push(line);
    }
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
    fn the_site_is_named_by_its_title_header_and_footer_left_out_of_the_text() {
        let page = "<html><head><title>Nyheter | Svenska ESF-rådet</title>\
                    <meta property=\"og:site_name\" content=\"esf.se\">\
                    <script>var x = 'Svenska ESF-rådet';</script></head><body>\
                    <header><a>Svenska ESF-rådet</a><nav>Meny</nav></header>\
                    <p>Text</p><form>Sök på esf.se</form><footer>Kontakta oss</footer></body></html>";
        let (text, site) = to_text_and_site(page);
        assert_eq!(text.trim(), "Text");
        assert_eq!(
            site,
            [
                "Nyheter | Svenska ESF-rådet",
                "esf.se",
                "Svenska ESF-rådet",
                "Meny",
                "Kontakta oss"
            ]
        );
    }

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

    #[test]
    fn formatting_left_open_counts_for_what_follows() {
        // Three start tags, and the text inside <b> (which may need it).
        assert_eq!(elements_at_most("<p>a<b>b</b></p><p>c</p>"), 4);
        // Two bold elements left open, opened again for two paragraphs
        // and their texts: b, b (+1), then p (+2), x (+2), p (+2), y (+2).
        assert_eq!(elements_at_most("<b id=1><b id=2><p>x</p><p>y</p>"), 13);
        // Identical ones count three at most: 10 tags, 0+1+2+3×7 again,
        // and the paragraph with 3.
        assert_eq!(
            elements_at_most(&format!("{}<p>", "<b>".repeat(10))),
            10 + 24 + 4
        );
        // A new link ends the one before: a, a, then p (+1).
        assert_eq!(elements_at_most("<a href=1><a href=2><p>"), 4);
        let trap = |b: usize, p: usize| {
            let open: String = (0..b).map(|i| format!("<b id={i}>")).collect();
            format!(
                "<html><body><p>{open}{}</body></html>",
                "<p>x</p>".repeat(p)
            )
        };
        assert!(elements_at_most(&trap(1_900, 16_000)) > MOST_ELEMENTS);
        assert!(elements_at_most(&trap(3, 16_000)) < MOST_ELEMENTS);
    }

    #[test]
    fn a_quoted_angle_bracket_does_not_end_the_tag() {
        // `>` inside a quoted value is part of it: two bold tags (no text
        // between them), then a paragraph with both open.
        assert_eq!(
            elements_at_most(r#"<b x=">" id=1><b x='>' id=2><p>"#),
            1 + 2 + 3
        );
        // An unquoted value ends at `>`; a quote inside it opens nothing.
        assert_eq!(elements_at_most(r#"<b x=y"><p>"#), 1 + 2);
        let open: String = (0..1_900).map(|i| format!(r#"<b x=">" id={i}>"#)).collect();
        let page = format!("<p>{open}{}", "<p>x</p>".repeat(16_000));
        assert!(elements_at_most(&page) > MOST_ELEMENTS);
    }

    #[test]
    fn values_differing_in_case_are_different_elements() {
        // The parser compares attribute values as written: four different
        // bold elements, all four opened again for the paragraph.
        let open = "<b title=aa><b title=aA><b title=Aa><b title=AA>";
        assert_eq!(elements_at_most(&format!("{open}<p>")), 4 + 6 + 5);
        // The tag name's case does not matter: `<B>` and `<b>` are the same.
        assert_eq!(elements_at_most("<B><b><b><b><p>"), 4 + 6 + 4);
    }
}
