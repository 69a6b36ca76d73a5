//! A pause: one partner asks for time, until a moment this evening, and the other respects it.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Utc};
use serde::Serialize;

use super::meta::{Extra, Meta, Record};
use super::moment::Moment;
use super::plan_error::PlanError;
use super::wire::deserialize_keeping_unknown;

/// The most characters a pause's note may have.
pub const MOST_PAUSE_NOTE_CHARS: usize = 140;

/// A request for time, asked by `meta.author`, to respect until `until`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pause {
    #[serde(flatten)]
    pub meta: Meta,
    pub until: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Pause, meta: meta {
    until: DateTime<Utc> [via Moment] => required,
    note: Option<String> => default,
});

impl Pause {
    /// Whether the pause still holds at `now`.
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.meta.created <= now && now < self.until
    }
}

/// Reads a time of day typed as `HH:MM` (24-hour clock).
pub fn parse_clock_time(text: &str) -> Result<NaiveTime, PlanError> {
    let trimmed = text.trim();
    let well_formed = trimmed.len() == 5 && trimmed.as_bytes()[2] == b':';
    well_formed
        .then(|| NaiveTime::parse_from_str(trimmed, "%H:%M").ok())
        .flatten()
        .ok_or_else(|| PlanError::BadTime(trimmed.to_owned()))
}

/// When a pause asked at `now` for `at` ends: at that time today, or tomorrow if that time
/// has already passed (or is now).
pub fn pause_ends(now: DateTime<FixedOffset>, at: NaiveTime) -> DateTime<Utc> {
    let local = now.naive_local();
    let mut end = local.date().and_time(at);
    if end <= local {
        end += Duration::days(1);
    }
    let offset = now.offset();
    (end - Duration::seconds(i64::from(offset.local_minus_utc()))).and_utc()
}

impl Record for Pause {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
