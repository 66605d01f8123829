//! Labelled values on web pages, in either of the two ways pages set them:
//! `Start date: 1 September 2023` on one line, or the label on a line of
//! its own (a definition list, a table cell) and the value on the next.

/// One labelled value found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageField<T> {
    pub what: T,
    /// The label as the page wrote it.
    pub label: String,
    pub value: String,
    /// The line the label stands on.
    pub line: usize,
    /// The line after the value.
    pub end: usize,
}

/// Every line that is one of `labels` (lower case, without the colon),
/// with its value. A label alone on its line takes the next line that is
/// not blank and not itself a label.
pub fn find<T: Copy>(lines: &[String], labels: &[(&str, T)]) -> Vec<PageField<T>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        match label_at(line, labels) {
            Some((what, label, rest)) if !rest.is_empty() => {
                found.push(field(what, label, rest, i, i + 1));
            }
            Some((what, label, _)) => {
                let next = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
                let value = next
                    .map(|j| lines[j].trim())
                    .filter(|v| label_at(v, labels).is_none());
                if let (Some(j), Some(value)) = (next, value) {
                    found.push(field(what, label, value, i, j + 1));
                    i = j;
                }
            }
            None => {}
        }
        i += 1;
    }
    found
}

fn field<T>(what: T, label: &str, value: &str, line: usize, end: usize) -> PageField<T> {
    PageField {
        what,
        label: label.to_string(),
        value: super::text::fold_spaces(value),
        line,
        end,
    }
}

/// The label a line starts with (`Label: value`) or is (`Label`, `Label:`),
/// and what follows its colon.
fn label_at<'a, T: Copy>(line: &'a str, labels: &[(&str, T)]) -> Option<(T, &'a str, &'a str)> {
    let (head, rest) = match line.split_once(':') {
        Some((head, rest)) => (head.trim_end(), rest.trim()),
        None => (line, ""),
    };
    // Much longer than any label: prose, however it starts. (Checked
    // before folding the head, which every line of every page pays for.)
    let longest = labels.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    if head.len() > 2 * longest + 8 {
        return None;
    }
    let key = super::gazetteer::pattern_key(head);
    labels
        .iter()
        .find(|(label, _)| *label == key)
        .map(|(_, what)| (*what, head, rest))
}

/// Whether the line is one of the labels (with or without a value).
pub fn is_label<T: Copy>(line: &str, labels: &[(&str, T)]) -> bool {
    label_at(line.trim(), labels).is_some()
}

/// The value of the first field of this kind.
pub fn first<T: Copy + PartialEq>(fields: &[PageField<T>], what: T) -> Option<&str> {
    fields
        .iter()
        .find(|f| f.what == what)
        .map(|f| f.value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn values_on_the_line_or_the_next() {
        let labels = [("start date", 1), ("fund", 2), ("end date", 3)];
        let page = lines("Start date: 1 September 2023\nFund\n\nESF+\nEnd date\nFund");
        let found = find(&page, &labels);
        assert_eq!(first(&found, 1), Some("1 September 2023"));
        assert_eq!(first(&found, 2), Some("ESF+"));
        assert_eq!(first(&found, 3), None, "a label is no value");
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
