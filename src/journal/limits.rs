//! How much text a record may hold, and what counts as empty.

use super::error::DomainError;

/// The largest entry or note text accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// Checks a piece of free text: not blank, not over the size limit. Keeps it as written.
pub(crate) fn check_text(what: &'static str, text: &str) -> Result<String, DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::EmptyText(what));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(DomainError::TextTooLong {
            what,
            bytes: text.len(),
        });
    }
    Ok(text.trim_end().to_owned())
}

/// Like `check_text`, for one-line texts such as promises: surrounding space trimmed.
pub(crate) fn check_short_text(what: &'static str, text: &str) -> Result<String, DomainError> {
    check_text(what, text.trim())
}

/// A note as given, or `None` when it is blank; refused when it is over the size limit.
pub(crate) fn optional_note(note: Option<String>) -> Result<Option<String>, DomainError> {
    match note {
        Some(n) if !n.trim().is_empty() => Ok(Some(check_short_text("note", &n)?)),
        _ => Ok(None),
    }
}
