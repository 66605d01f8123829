//! Who runs esf: the files it trusts and the notes it keeps are this
//! user's own.

/// The effective user id.
pub fn current_user() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}
