//! Copying through OSC 52: the terminal puts the text on the clipboard of
//! the machine the caseworker sits at, over SSH too. Inside tmux the
//! sequence is passed through to the outer terminal.

use crate::model::StoredProject;
use crate::present::format::{money, or_missing, period_text};

/// The escape sequence that asks the terminal to copy `text`.
pub fn osc52(text: &str) -> String {
    // What is pasted later goes to a shell or an editor: no control
    // character from a document may ride along.
    let safe = crate::present::sanitize::text(text);
    let sequence = format!("\u{1b}]52;c;{}\u{7}", base64(safe.as_bytes()));
    if std::env::var_os("TMUX").is_some() {
        // tmux passes a DCS "tmux;" payload (escapes doubled) to its terminal.
        format!(
            "\u{1b}Ptmux;{}\u{1b}\\",
            sequence.replace('\u{1b}', "\u{1b}\u{1b}")
        )
    } else {
        sequence
    }
}

/// A few lines a caseworker can paste into a note or a mail.
pub fn summary(s: &StoredProject) -> String {
    let p = &s.project;
    let or = |v: &Option<String>| or_missing(v.clone());
    let period = or_missing(period_text(p.start_date.as_deref(), p.end_date.as_deref()));
    format!(
        "{} {}\nOwner: {}\nRegion: {}\nPeriod: {}\nBudget: {}, ESF grant: {}\n",
        p.id.as_deref().unwrap_or(&s.key),
        or(&p.name),
        or(&p.owner),
        or(&p.region),
        period,
        or_missing(money(p.total_budget_sek)),
        or_missing(money(p.esf_grant_sek)),
    )
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("2015/00730".as_bytes()), "MjAxNS8wMDczMA==");
        assert_eq!(base64("Vä".as_bytes()), "VsOk");
    }
}
