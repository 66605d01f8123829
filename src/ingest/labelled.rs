//! Blocks of `Label:` lines each followed by its value, as the project bank
//! writes them, and the prose that follows.

/// One label and its value (value lines joined by a space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

/// Longest line taken for a label: longer lines ending in `:` are prose.
const MAX_LABEL_CHARS: usize = 60;

/// `Region:` → `Some("Region")`.
pub fn label_of(line: &str) -> Option<&str> {
    let label = line.trim().strip_suffix(':')?.trim_end();
    let ok = !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && !label.ends_with(':')
        && label.chars().next().is_some_and(char::is_alphabetic);
    ok.then_some(label)
}

/// `12345: värde`, `2019: 2020`, `0:`: a number or a date before a colon.
/// Neither a label nor a value: it ends a block of pairs rather than being
/// folded into the value above it.
pub fn is_numbered_line(line: &str) -> bool {
    let Some((head, _)) = line.trim().split_once(':') else {
        return false;
    };
    let head = head.trim();
    head.starts_with(|c: char| c.is_ascii_digit())
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ' '))
}

/// Reads pairs from `start` until a blank line, a numbered line or the
/// end. Returns the pairs and the index of the first line after the block.
pub fn read_pairs(lines: &[String], start: usize) -> (Vec<Pair>, usize) {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut i = start;
    while i < lines.len() && !lines[i].trim().is_empty() {
        let line = lines[i].trim();
        if is_numbered_line(line) {
            break;
        }
        match (label_of(line), pairs.last_mut()) {
            (Some(label), _) => pairs.push(Pair {
                label: label.to_string(),
                value: String::new(),
            }),
            (None, Some(pair)) => {
                if !pair.value.is_empty() {
                    pair.value.push(' ');
                }
                pair.value.push_str(line);
            }
            (None, None) => break,
        }
        i += 1;
    }
    (pairs, i)
}

/// Like `read_pairs`, for a record whose page was saved as HTML: the blank
/// lines its conversion leaves between a label and its value, or between
/// pairs, do not end the block. Past blank lines the block goes on with a
/// label `is_record_label` knows, or with the value of a label still
/// waiting for one when that value is followed by such a label, or is
/// short and no sentence and ends the text or follows values that stood
/// apart from their labels before. Returns the pairs and the index of the first line
/// after them.
pub fn read_record_pairs(
    lines: &[String],
    start: usize,
    is_record_label: impl Fn(&str) -> bool,
) -> (Vec<Pair>, usize) {
    let mut pairs: Vec<Pair> = Vec::new();
    let (mut i, mut spaced) = (start, false);
    loop {
        let (mut block, end) = read_pairs(lines, i);
        pairs.append(&mut block);
        i = end;
        let Some(next) = (i..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
            break;
        };
        let line = lines[next].trim();
        if next == i || is_numbered_line(line) {
            break;
        }
        if let Some(label) = label_of(line) {
            if !is_record_label(label) {
                break;
            }
            i = next;
            continue;
        }
        let waiting = pairs.last().is_some_and(|p| p.value.is_empty());
        let end = value_end(lines, next);
        let then = (end..lines.len()).find(|&j| !lines[j].trim().is_empty());
        let before_label = then.is_some_and(|j| label_of(&lines[j]).is_some_and(&is_record_label));
        let short = line.chars().count() <= 150 && !line.ends_with(['.', '!', '?']);
        if !waiting || !(before_label || ((spaced || then.is_none()) && short)) {
            break;
        }
        if let Some(pair) = pairs.last_mut() {
            pair.value = lines[next..end]
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" ");
        }
        spaced = true;
        i = end;
    }
    (pairs, i)
}

/// The end of a value's lines from `from`: the first blank, label or
/// numbered line.
fn value_end(lines: &[String], from: usize) -> usize {
    (from..lines.len())
        .find(|&j| {
            let l = lines[j].trim();
            l.is_empty() || label_of(l).is_some() || is_numbered_line(l)
        })
        .unwrap_or(lines.len())
}

/// Like `read_pairs`, but blank lines between pairs are allowed (the side
/// panel of an article separates its pairs with blank lines), and between
/// a label and its value as a saved page's panel leaves them (see
/// `read_record_pairs`). Returns the pairs and the index of the first line
/// after them.
pub fn read_spaced_pairs(lines: &[String], start: usize) -> (Vec<Pair>, usize) {
    read_record_pairs(lines, start, |_| true)
}

/// Lines as paragraphs: blank-line runs fold to one blank line, the ends
/// are trimmed. `None` when nothing is left.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a String>) -> Option<String> {
    let mut out = String::new();
    let mut blank_pending = false;
    for line in lines {
        if line.trim().is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line.trim_start());
        blank_pending = false;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn pairs_with_empty_and_multi_line_values() {
        let l =
            lines("Kontaktperson:\nE-post:\na@b.se\nProgramområde:\n2.1 Öka\ntill arbete\n\nText");
        let (pairs, end) = read_pairs(&l, 0);
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|p| (p.label.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Kontaktperson", ""),
                ("E-post", "a@b.se"),
                ("Programområde", "2.1 Öka till arbete")
            ]
        );
        assert_eq!(end, 6);
    }

    #[test]
    fn prose_is_not_a_label() {
        assert_eq!(
            label_of("Områden som hittills identifierats att göra förstudie kring är:"),
            None
        );
        assert_eq!(label_of("Detta är en mycket lång mening som slutar med ett kolon men är ingen etikett alls:"), None);
        assert_eq!(label_of("12:"), None);
        assert_eq!(label_of("Ärende:"), Some("Ärende"));
    }

    #[test]
    fn a_number_before_a_colon_ends_the_block_and_joins_no_value() {
        let l = lines("Namn:\nX\nSpecifikt mål:\n2.1\n12345: värde\n2019: 2020\nRegion:\nY");
        let (pairs, end) = read_pairs(&l, 0);
        assert_eq!(pairs[1].value, "2.1");
        assert_eq!((pairs.len(), end), (2, 4));
        assert!(is_numbered_line("0: -1") && is_numbered_line("2019-01-01: x"));
        assert!(!is_numbered_line("Region: 2") && !is_numbered_line("2.1 Öka"));
    }

    #[test]
    fn a_saved_pages_blank_lines_do_not_end_a_record() {
        let known = |l: &str| ["Diarienummer", "Namn", "Region", "E-post"].contains(&l);
        let l = lines(
            "Diarienummer:\n\n2015/1\n\nNamn:\n\n\nEtt namn\nE-post:\n\nRegion:\n\nVäst\n\nProsa.",
        );
        let (pairs, end) = read_record_pairs(&l, 0, known);
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|p| (p.label.as_str(), p.value.as_str()))
            .collect();
        let want = [
            ("Diarienummer", "2015/1"),
            ("Namn", "Ett namn"),
            ("E-post", ""),
            ("Region", "Väst"),
        ];
        assert_eq!(got, want);
        assert_eq!(end, 13, "the prose is no value");
        let l = lines("Namn:\nX\nRegion:\n\nEn mening som är prosa.\n");
        assert_eq!(read_record_pairs(&l, 0, known).0[1].value, "");
        let l = lines("Namn:\nX\n\nMålgrupp:\nunga");
        assert_eq!(read_record_pairs(&l, 0, known), read_pairs(&l, 0));
    }

    #[test]
    fn paragraphs_fold_blank_runs() {
        let l = lines("\n\nEtt\ntvå\n\n\n\nTre\n\n");
        assert_eq!(paragraphs(&l).as_deref(), Some("Ett\ntvå\n\nTre"));
        assert_eq!(paragraphs(&lines("\n \n")), None);
    }
}
