//! SQLite's errors said once, in words a caseworker can act on, instead of
//! "disk I/O error: Error code 266".

use crate::i18n::t;
use rusqlite::ErrorCode;

/// What went wrong, in one sentence.
pub fn said(err: &rusqlite::Error) -> String {
    let words = match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => {
            t("the disk is full; nothing was written, and what was there is as it was")
        }
        Some(ErrorCode::SystemIoFailure) => t(
            "the file cannot be read or written (is it a folder, or on a drive that went away?)",
        ),
        Some(ErrorCode::CannotOpen) => t(
            "the file cannot be opened (is it a folder, or is its folder missing or not writable?)",
        ),
        Some(ErrorCode::PermissionDenied) => t("this user may not read or write the file"),
        Some(ErrorCode::ReadOnly) => t("the file is read-only for this user"),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            t("another program is writing to the file; try again in a moment")
        }
        Some(ErrorCode::DatabaseCorrupt) => t("the file is damaged"),
        Some(ErrorCode::NotADatabase) => t("the file is not a database"),
        Some(ErrorCode::OutOfMemory) => t("there is not enough memory"),
        Some(ErrorCode::TooBig) => t("a value is too big for the cache"),
        _ => return sqlite_text(err),
    };
    words.to_string()
}

/// SQLite's own text, once (without its error code).
fn sqlite_text(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqliteFailure(failure, None) => {
            rusqlite::ffi::code_to_str(failure.extended_code).to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(extended: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(extended),
            Some("disk I/O error".into()),
        )
    }

    #[test]
    fn an_io_error_is_said_once_in_words() {
        let err = anyhow::Error::from(crate::store::StoreError::from(failure(266)))
            .context("cannot open the cache c.sqlite");
        let said = format!("{err:#}");
        assert_eq!(
            said,
            "cannot open the cache c.sqlite: the file cannot be read or written \
             (is it a folder, or on a drive that went away?)"
        );
    }

    #[test]
    fn an_error_without_words_of_ours_is_sqlites_text_once() {
        let err = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(1),
            Some("no such table: x".into()),
        );
        assert_eq!(said(&err), "no such table: x");
    }
}
