//! The browser's words for reading a list and a project: the row's place,
//! the sort's direction, hits in the detail, help by context.

pub(super) const READING: &[(&str, &str)] = &[
    ("{} of {}", "{} av {}"),
    ("reversed", "omvänd"),
    (
        "the sort order the other way round",
        "sorteringsordningen åt andra hållet",
    ),
    ("hit {} of {}", "träff {} av {}"),
    ("{} hits", "{} träffar"),
    ("next hit", "nästa träff"),
    ("previous hit", "förra träffen"),
    (
        "the search's words are not in this project's text",
        "sökningens ord finns inte i projektets text",
    ),
    (
        "past the last hit: back to the first of {}",
        "förbi sista träffen: tillbaka till den första av {}",
    ),
    (
        "before the first hit: on to the last of {}",
        "före första träffen: vidare till den sista av {}",
    ),
    (
        "the detail while a search is on (other keys as in normal)",
        "detaljvyn medan en sökning är på (andra tangenter som i normal)",
    ),
    (
        "the search's next hit in the detail (as in less)",
        "sökningens nästa träff i detaljvyn (som i less)",
    ),
    (
        "the search's previous hit in the detail",
        "sökningens förra träff i detaljvyn",
    ),
    (
        "everywhere else in the list, detail, graph…",
        "överallt annars i listan, detaljvyn, grafen…",
    ),
    ("nothing in help has \"{}\"", "inget i hjälpen har \"{}\""),
    ("type to filter", "skriv för att filtrera"),
    (
        "this help (other keys filter it)",
        "den här hjälpen (andra tangenter filtrerar den)",
    ),
    ("here: the list", "här: listan"),
    ("here: the project's detail", "här: projektets detaljer"),
    ("here: the graph", "här: grafen"),
    ("here: the organisations", "här: organisationerna"),
    ("here: the stats", "här: statistiken"),
    (
        "{} more below: PageDown · Esc closes",
        "{} till nedan: PageDown · Esc stänger",
    ),
];
