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

/// Like `read_pairs`, but blank lines between pairs are allowed (the side
/// panel of an article separates its pairs with blank lines). Returns the
/// pairs and the index of the first line after them.
pub fn read_spaced_pairs(lines: &[String], start: usize) -> (Vec<Pair>, usize) {
    let mut pairs = Vec::new();
    let mut i = start;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        if label_of(&lines[i]).is_none() {
            break;
        }
        let (mut block, next) = read_pairs(lines, i);
        pairs.append(&mut block);
        i = next;
    }
    (pairs, i)
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
    fn paragraphs_fold_blank_runs() {
        let l = lines("\n\nEtt\ntvå\n\n\n\nTre\n\n");
        assert_eq!(paragraphs(&l).as_deref(), Some("Ett\ntvå\n\nTre"));
        assert_eq!(paragraphs(&lines("\n \n")), None);
    }
}
