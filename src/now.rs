//! What time it is: the real clock, or `MEND_NOW` (RFC 3339) for tests and demos.

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};

/// The name of the variable that fixes "now".
pub const MEND_NOW: &str = "MEND_NOW";

/// Now, in local time (or as given by `MEND_NOW`, with its offset).
pub fn now() -> Result<DateTime<FixedOffset>> {
    match std::env::var(MEND_NOW) {
        Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
            .map_err(|err| {
                crate::cli::usage(format!(
                    "MEND_NOW is \"{}\", which is not an RFC 3339 time like 2026-11-25T21:30:00+01:00 ({err}).",
                    text.trim()
                ))
            }),
        _ => Ok(Local::now().fixed_offset()),
    }
}
