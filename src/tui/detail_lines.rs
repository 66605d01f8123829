//! The detail pane's lines, laid out for its width. Headings and fields
//! are styled lines; long plain text (descriptions, article bodies, the
//! text of an unclassified document) is kept once, as one string with the
//! byte range of each wrapped line, and made into a line only when it is
//! on screen: a document of a million lines costs a few bytes a line.

use crate::tui::wrap::wrap;
use ratatui::text::Line;

#[derive(Debug, Default)]
pub struct DetailLines {
    rows: Vec<Row>,
    text: String,
    /// The lines where the search's words stand, in order.
    hits: Vec<usize>,
}

#[derive(Debug)]
enum Row {
    Styled(Box<Line<'static>>),
    Plain(u32, u32),
}

impl DetailLines {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn push(&mut self, line: Line<'static>) {
        self.rows.push(Row::Styled(Box::new(line)));
    }

    /// Plain text (already safe to show), wrapped to `width`; paragraphs
    /// keep their blank lines.
    pub fn push_text(&mut self, text: &str, width: usize) {
        for paragraph in text.split('\n') {
            for line in wrap(paragraph, width) {
                let start = self.text.len() as u32;
                self.text.push_str(&line);
                self.rows.push(Row::Plain(start, self.text.len() as u32));
            }
        }
    }

    /// Line `i`, made for drawing.
    pub fn line(&self, i: usize) -> Line<'static> {
        match self.rows.get(i) {
            Some(Row::Styled(line)) => (**line).clone(),
            Some(Row::Plain(start, end)) => {
                Line::from(self.text[*start as usize..*end as usize].to_string())
            }
            None => Line::default(),
        }
    }

    /// Finds the lines where `needles` stand (the search's words).
    pub fn find_hits(&mut self, needles: &crate::tui::hits::Needles) {
        self.hits = match needles.is_empty() {
            true => Vec::new(),
            false => (0..self.len())
                .filter(|&i| !needles.find(&self.line(i).to_string()).is_empty())
                .collect(),
        };
    }

    /// The lines where the search's words stand, in order.
    pub fn hits(&self) -> &[usize] {
        &self.hits
    }

    /// Every line as text (for tests and copying).
    pub fn lines(&self) -> impl Iterator<Item = Line<'static>> + '_ {
        (0..self.len()).map(|i| self.line(i))
    }
}

impl Extend<Line<'static>> for DetailLines {
    fn extend<I: IntoIterator<Item = Line<'static>>>(&mut self, lines: I) {
        for line in lines {
            self.push(line);
        }
    }
}

impl From<Vec<Line<'static>>> for DetailLines {
    fn from(lines: Vec<Line<'static>>) -> DetailLines {
        let mut out = DetailLines::default();
        out.extend(lines);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_costs_a_range_a_line() {
        let text = "rad\n".repeat(100_000);
        let mut lines = DetailLines::default();
        lines.push(Line::from("Description"));
        lines.push_text(&text, 40);
        assert_eq!(
            lines.len(),
            100_002,
            "title, every line, the last empty one"
        );
        assert_eq!(lines.line(1).to_string(), "rad");
        assert_eq!(lines.line(100_001).to_string(), "");
        assert!(lines.text.len() <= text.len());
        assert!(std::mem::size_of::<Row>() <= 16);
    }
}
