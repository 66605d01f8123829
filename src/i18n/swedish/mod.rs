//! The Swedish of every label and message, by its English text, in five
//! tables: the record's labels, the browser's, the messages, the answers'
//! screens (overlaps, coverage, timeline, dossier) and the small screens'
//! (stats, graph, an empty list, the export prompt, the language switch).

mod browser;
mod labels;
mod messages;
mod reading;
mod screens;
mod small_screens;

/// English → Swedish, every table.
pub(super) fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        labels::LABELS,
        browser::BROWSER,
        messages::MESSAGES,
        screens::SCREENS,
        small_screens::SMALL_SCREENS,
        reading::READING,
    ]
    .into_iter()
    .flat_map(|table| table.iter().copied())
}
