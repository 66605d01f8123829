//! The Swedish of every label and message, by its English text, in three
//! tables: the record's labels, the browser's, and the messages.

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
