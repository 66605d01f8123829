//! Reading prose for what a page states about its project: its name
//! (name.rs; where no cue introduces it, heading.rs), its owner and the
//! partners named with it (owner.rs), with the words they share (words.rs).

pub mod heading;
pub mod name;
pub mod owner;
pub mod words;

pub use name::project_name;
pub use owner::{owner_in_prose, ProseOwner};
