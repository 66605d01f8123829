//! The Swedish of every label and message, by its English text, in three
//! tables: the record's labels, the browser's, and the messages.

mod browser;
mod labels;
mod messages;
mod reading;

/// English → Swedish, every table.
pub(super) fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        labels::LABELS,
        browser::BROWSER,
        messages::MESSAGES,
        reading::READING,
    ]
    .into_iter()
    .flat_map(|table| table.iter().copied())
}
