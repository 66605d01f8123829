//! What esf shows and writes: records grouped for reading, tables, money
//! and periods, exports, the notes file, and the one sanitiser every
//! written text goes through. Reads nothing, stores nothing.

pub mod coverage;
pub mod detail;
pub mod dossier;
pub mod export;
pub mod format;
pub mod notes_file;
pub mod pairs_json;
pub mod report;
pub mod safe_json;
pub mod sanitize;
pub mod table;
pub mod timeline;
