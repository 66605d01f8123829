//! The Swedish of every label and message, by its English text, in four
//! tables: the record's labels, the browser's, the messages, and the
//! small screens' (stats, graph, an empty list, the export prompt).

mod browser;
mod labels;
mod messages;
mod screens;

/// English → Swedish, every table.
pub(super) fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        labels::LABELS,
        browser::BROWSER,
        messages::MESSAGES,
        screens::SCREENS,
    ]
    .into_iter()
    .flat_map(|table| table.iter().copied())
}
