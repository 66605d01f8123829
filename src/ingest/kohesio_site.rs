//! The lines kohesio.eu puts around a project's page: the site's name
//! (`Kohesio: discover EU projects in your region`), the EU's banner, the
//! menu and the page's own buttons. None of them is ever a project's title
//! or a value.

/// Menu words and the EU's banner, as whole lines.
const HEADER: &[&str] = &[
    "projects",
    "project",
    "beneficiaries",
    "map",
    "services",
    "home",
    "english",
    "en",
    "search",
    "advanced search",
    "menu",
    "european commission",
    "european union",
    "regional policy",
    "how do you know?",
];

/// The page's buttons, which may stand below a project's title.
const ACTIONS: &[&str] = &[
    "share",
    "print",
    "back",
    "back to results",
    "back to search results",
];

/// How the site's name and the banner's sentences begin.
const STARTS: &[&str] = &[
    "kohesio",
    "discover eu projects",
    "an official website of the european union",
    "an official eu website",
    "all official european union website addresses",
    "the eu's cohesion",
    "european commission -",
];

/// Any line of the site's own: its name, the banner, the menu, a button.
pub fn is_site_line(line: &str) -> bool {
    let key = super::gazetteer::pattern_key(line.trim());
    is_header_key(&key) || ACTIONS.contains(&key.as_str())
}

/// A line of the site's header: its name, the banner or the menu.
fn is_header_key(key: &str) -> bool {
    let starts = |s: &&str| {
        key.strip_prefix(*s)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    };
    HEADER.contains(&key) || STARTS.iter().any(starts) || key.contains("eu projects in your region")
}

/// The first line after the site's header: past the last of the site's
/// own lines above the first labelled fact (lines of a header esf does not
/// know, above the site's name or its menu, are passed over too).
pub fn after_site_header(lines: &[String], is_label: impl Fn(&str) -> bool) -> usize {
    let first_fact = lines
        .iter()
        .position(|l| is_label(l))
        .unwrap_or(lines.len());
    lines[..first_fact]
        .iter()
        .rposition(|l| is_header_key(&super::gazetteer::pattern_key(l.trim())))
        .map_or(0, |i| i + 1)
}

/// `Framtidens Arbetsplats | Kohesio` → `Framtidens Arbetsplats`.
pub fn without_site_name(line: &str) -> &str {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((name, site)) = line.rsplit_once(sep) {
            if is_site_line(site) {
                return name.trim_end();
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn the_sites_name_in_any_form_is_no_title() {
        assert!(is_site_line("Kohesio: discover EU projects in your region"));
        assert!(is_site_line(
            "KOHESIO - Discover EU projects in your region"
        ));
        assert!(is_site_line("Kohesio.eu"));
        assert!(!is_site_line("Kohesionspolitik i Norr"));
        assert_eq!(
            without_site_name("Lärande i Lag | Kohesio"),
            "Lärande i Lag"
        );
        assert_eq!(without_site_name("Nord - Syd"), "Nord - Syd");
    }

    #[test]
    fn the_header_ends_after_its_last_line_above_the_facts() {
        let page = lines("Unknown banner\nKohesio\nProjects\nTitel\nShare\nFund: ESF\nMap");
        let label = |l: &str| l.starts_with("Fund");
        assert_eq!(
            after_site_header(&page, label),
            3,
            "a button below the title is passed"
        );
    }
}
