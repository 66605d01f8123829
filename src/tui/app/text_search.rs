//! The search box's text matches, found on a thread of its own: at a
//! million projects a common word takes the full-text index a while, and
//! typing must not wait for it. Only the latest query is answered, in two
//! steps: the best matches with their snippets first, then every match
//! (the answers are the commands' own, `catalogue::texts`).

use super::worker::Latest;
pub use crate::catalogue::texts::answer;
use crate::catalogue::texts::{every_match, first_page};
use crate::store::Store;
pub use crate::tui::msg::TextAnswer;

/// The first page, then (unless a newer query came meanwhile) the rest.
fn in_steps(store: &Store, query: &str, reply: &mut dyn FnMut(TextAnswer) -> bool) {
    let page = first_page(store, query);
    if page.complete {
        reply(page);
        return;
    }
    let snippets = page.snippets.clone();
    if reply(page) {
        let page = TextAnswer {
            query: query.to_string(),
            snippets,
            ..TextAnswer::default()
        };
        reply(every_match(store, page));
    }
}

/// Starts the thread that searches the texts (see [`Latest`]); its
/// answers are handed to `deliver` (false once nobody listens).
pub fn start(reader: Store, deliver: impl Fn(TextAnswer) -> bool + Send + 'static) -> Latest {
    Latest::start_in_steps(reader, in_steps, deliver)
}
