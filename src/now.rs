//! What time it is: the real clock, or `MEND_NOW` (RFC 3339) for tests and demos.

use chrono::{DateTime, FixedOffset, Local, Utc};

/// The name of the variable that fixes "now".
pub const MEND_NOW: &str = "MEND_NOW";

/// `MEND_NOW` holds something that is not an RFC 3339 time: a mistake in how mend was
/// started, which the command line reports as a usage error (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "MEND_NOW is \"{value}\", which is not an RFC 3339 time like 2026-11-25T21:30:00+01:00 ({reason})."
)]
pub struct BadNow {
    /// What the variable held, trimmed.
    pub value: String,
    /// Why it could not be read.
    pub reason: String,
}

/// Now, in local time (or as given by `MEND_NOW`, with its offset). A bad `MEND_NOW` is a
/// [`BadNow`] inside the error, for the command line to find and word.
pub fn now() -> anyhow::Result<DateTime<FixedOffset>> {
    match std::env::var(MEND_NOW) {
        Ok(text) if !text.trim().is_empty() => {
            DateTime::parse_from_rfc3339(text.trim()).map_err(|err| {
                anyhow::Error::new(BadNow {
                    value: text.trim().to_owned(),
                    reason: err.to_string(),
                })
            })
        }
        _ => Ok(Local::now().fixed_offset()),
    }
}

/// Now in UTC, for stamping backups: `MEND_NOW` when it is set and readable, else the real
/// clock (a backup is never refused over the variable; the command that reads it is).
pub fn now_utc() -> DateTime<Utc> {
    now().map_or_else(|_| Utc::now(), |now| now.with_timezone(&Utc))
}
