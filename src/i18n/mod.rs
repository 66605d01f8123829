//! Labels and messages in English or Swedish. Text is written in English
//! in the code and looked up here; a string without a Swedish entry stays
//! English. The language is chosen once per thread (`--lang`, else the
//! locale), so tests can draw both languages side by side.

#[cfg(test)]
mod coverage;
mod swedish;

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    /// Swedish when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
    /// first one set) is Swedish (`sv_SE.UTF-8`, `sv`), else English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }
}

thread_local! {
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of threads that did not choose one (import workers).
static PROCESS_SWEDISH: AtomicBool = AtomicBool::new(false);

/// Sets the language of this thread's labels and messages.
pub fn set(lang: Lang) {
    LANG.with(|l| l.set(Some(lang)));
}

/// Sets the language of the whole program: this thread and every other
/// that does not set its own.
pub fn set_for_program(lang: Lang) {
    PROCESS_SWEDISH.store(lang == Lang::Sv, Ordering::Relaxed);
    set(lang);
}

pub fn lang() -> Lang {
    LANG.with(Cell::get)
        .unwrap_or_else(|| match PROCESS_SWEDISH.load(Ordering::Relaxed) {
            true => Lang::Sv,
            false => Lang::En,
        })
}

/// The text in the language in force.
pub fn t(en: &'static str) -> &'static str {
    if lang() == Lang::En {
        return en;
    }
    swedish().get(en).copied().unwrap_or(en)
}

fn swedish() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| swedish::entries().collect())
}

/// Whether a text has its Swedish (for tests of texts that are not
/// literals at the lookup, such as the help screen's).
pub fn has_swedish(en: &str) -> bool {
    swedish().contains_key(en)
}

/// A word that comes as data (an organisation's kind, a role) in the
/// language in force, or as it is where it has no Swedish.
pub fn word(value: &str) -> &str {
    match lang() {
        Lang::En => value,
        Lang::Sv => swedish().get(value).copied().unwrap_or(value),
    }
}

/// Words that come as data (roles), each in the language in force, joined
/// by commas.
pub fn words(values: &[String]) -> String {
    let shown: Vec<&str> = values.iter().map(|v| word(v)).collect();
    shown.join(", ")
}

/// A message with values: each `{}` of the text in force takes the next
/// of `values`, in order (a Swedish text keeps the English one's order).
pub fn tf(en: &'static str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut parts = t(en).split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(v) = values.next() {
            out.push_str(&v.to_string());
        }
        out.push_str(part);
    }
    out
}

/// `n` of a word: in Swedish `one` is looked up as "`many`: one"; in
/// English one is `many` without its plural ending.
pub fn t_count(n: usize, many: &'static str) -> String {
    if n == 1 && lang() == Lang::Sv {
        let one = format!("{many}: one");
        if let Some(word) = swedish().get(one.as_str()) {
            return format!("{n} {word}");
        }
    }
    if n == 1 && lang() == Lang::En {
        return format!("{n} {}", english_one(many));
    }
    format!("{n} {}", t(many))
}

/// The English singular of a counted noun phrase: its last word without
/// its plural ending ("1 project", "1 municipality", "1 overlapping pair").
fn english_one(many: &str) -> String {
    if let Some(stem) = many.strip_suffix("ies") {
        return format!("{stem}y");
    }
    many.strip_suffix('s').unwrap_or(many).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_count_is_singular_in_english() {
        assert_eq!(english_one("projects"), "project");
        assert_eq!(english_one("municipalities"), "municipality");
        assert_eq!(english_one("overlapping pairs"), "overlapping pair");
    }

    #[test]
    fn each_text_has_one_translation() {
        let mut seen = std::collections::HashSet::new();
        for (en, _) in swedish::entries() {
            assert!(seen.insert(en), "{en} twice");
        }
    }

    #[test]
    fn the_language_is_per_thread() {
        set(Lang::Sv);
        assert_eq!(t("Money"), "Finansiering");
        assert_eq!(t("no such text"), "no such text");
        std::thread::spawn(|| assert_eq!(t("Money"), "Money"))
            .join()
            .unwrap();
        set(Lang::En);
        assert_eq!(t("Money"), "Money");
    }

    #[test]
    fn values_fill_the_message_in_order() {
        set(Lang::Sv);
        let said = tf("no project with ID {}", &[&"\"2015/1\""]);
        assert_eq!(said, "inget projekt med ID \"2015/1\"");
        set(Lang::En);
        assert_eq!(tf("no project with ID {}", &[&"x"]), "no project with ID x");
    }

    #[test]
    fn each_swedish_text_has_the_english_texts_places_for_values() {
        for (en, sv) in swedish::entries() {
            assert_eq!(en.matches("{}").count(), sv.matches("{}").count(), "{en}");
        }
    }
}
