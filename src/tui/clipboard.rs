//! Copying through OSC 52: the terminal puts the text on the clipboard of
//! the machine the caseworker sits at, over SSH too. Inside tmux the
//! sequence goes the way tmux's options let it through, and a copy tmux
//! would drop is said, never claimed.

use crate::i18n::t;
use crate::model::StoredProject;
use crate::present::format::{money, or_missing, period_text};

/// How a copy can reach the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// No tmux: the terminal reads OSC 52 itself.
    Direct,
    /// tmux takes a plain OSC 52 (`set-clipboard on`; `external` sets the
    /// terminal's clipboard from tmux's own copies only).
    Tmux,
    /// tmux passes a DCS payload through (`allow-passthrough on`).
    Passthrough,
    /// tmux could not be asked: both, one of them arrives.
    Either,
    /// tmux drops both: nothing can be copied this way.
    Blocked,
}

/// Where the browser runs: tmux's own answer about its options, asked at
/// each copy (a user may change them meanwhile).
pub fn route() -> Route {
    if std::env::var_os("TMUX").is_none() {
        return Route::Direct;
    }
    let option = |name: &str| -> Option<String> {
        let out = std::process::Command::new("tmux")
            .args(["show-options", "-gv", name])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    route_for(
        option("set-clipboard").as_deref(),
        option("allow-passthrough").as_deref(),
    )
}

/// The route tmux's `set-clipboard` and `allow-passthrough` leave.
pub fn route_for(set_clipboard: Option<&str>, passthrough: Option<&str>) -> Route {
    match (set_clipboard, passthrough) {
        (Some("on"), _) => Route::Tmux,
        (_, Some("on" | "all")) => Route::Passthrough,
        (Some(_), Some(_)) => Route::Blocked,
        _ => Route::Either,
    }
}

/// The escape sequence that asks the terminal to copy `text` by `route`;
/// None when nothing would reach the clipboard.
pub fn osc52(text: &str, route: Route) -> Option<String> {
    // What is pasted later goes to a shell or an editor: no control
    // character from a document may ride along.
    let safe = crate::present::sanitize::text(text);
    let plain = format!("\u{1b}]52;c;{}\u{7}", base64(safe.as_bytes()));
    // tmux passes a DCS "tmux;" payload (escapes doubled) to its terminal.
    let passed = || {
        format!(
            "\u{1b}Ptmux;{}\u{1b}\\",
            plain.replace('\u{1b}', "\u{1b}\u{1b}")
        )
    };
    match route {
        Route::Direct | Route::Tmux => Some(plain),
        Route::Passthrough => Some(passed()),
        Route::Either => Some(format!("{}{plain}", passed())),
        Route::Blocked => None,
    }
}

/// A few lines a caseworker can paste into a note or a mail, in the
/// language the browser speaks.
pub fn summary(s: &StoredProject) -> String {
    let p = &s.project;
    let or = |v: &Option<String>| or_missing(v.clone());
    let period = or_missing(period_text(p.start_date.as_deref(), p.end_date.as_deref()));
    format!(
        "{} {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}, {}: {}\n",
        p.id.as_deref().unwrap_or(&s.key),
        or(&p.name),
        t("Owner"),
        or(&p.owner),
        t("Region"),
        or(&p.region),
        t("Period"),
        period,
        t("Total budget"),
        or_missing(money(p.total_budget_sek)),
        t("ESF grant"),
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

    #[test]
    fn tmux_gets_the_copy_the_way_its_options_let_through() {
        assert_eq!(route_for(Some("on"), Some("off")), Route::Tmux);
        assert_eq!(route_for(Some("external"), Some("on")), Route::Passthrough);
        assert_eq!(route_for(Some("external"), Some("off")), Route::Blocked);
        assert_eq!(route_for(Some("off"), Some("on")), Route::Passthrough);
        assert_eq!(route_for(Some("off"), Some("off")), Route::Blocked);
        assert_eq!(route_for(None, None), Route::Either);
        let plain = osc52("x", Route::Tmux).unwrap();
        assert_eq!(plain, "\u{1b}]52;c;eA==\u{7}");
        let passed = osc52("x", Route::Passthrough).unwrap();
        assert!(
            passed.starts_with("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;eA=="),
            "{passed:?}"
        );
        assert_eq!(osc52("x", Route::Blocked), None, "never claimed");
    }

    #[test]
    fn the_summary_speaks_the_browsers_language() {
        let stored = StoredProject {
            key: "2015/00730".into(),
            project: crate::model::Project {
                name: Some("effektbutiken".into()),
                esf_grant_sek: Some(5_927_642),
                ..Default::default()
            },
            ..Default::default()
        };
        crate::i18n::set(crate::i18n::Lang::Sv);
        let swedish = summary(&stored);
        crate::i18n::set(crate::i18n::Lang::En);
        let english = summary(&stored);
        assert!(swedish.contains("Ägare: —"), "{swedish}");
        assert!(swedish.contains("ESF-stöd: 5 927 642 kr"), "{swedish}");
        assert!(english.contains("Owner: —"), "{english}");
        assert!(english.contains("Total budget: —, ESF grant:"), "{english}");
    }
}
