//! The hybrid logical clock every record carries: wall time, a counter and the device.
//!
//! A record's clock moves on with every change and never runs backwards, even when the
//! computer's own clock does: a change made at an earlier wall time than the record's last
//! one keeps that wall time and counts up. Two clocks never tie, because the device that
//! made the change breaks the tie. The merge compares records by this clock alone.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The short id of the computer that made a change. Empty for changes made before mend
/// kept clocks (read from a file that has none).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Device(pub String);

impl Device {
    /// The device of changes made before mend kept clocks.
    pub fn legacy() -> Device {
        Device(String::new())
    }

    /// Whether the change came from before mend kept clocks.
    pub fn is_legacy(&self) -> bool {
        self.0.is_empty()
    }

    /// A device id from eight random bytes, as sixteen hex digits.
    pub fn from_random(bytes: [u8; 8]) -> Device {
        Device(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A device id as read from a file, if it is plain: 1 to 32 letters, digits, `-` or `_`.
    pub fn parse(text: &str) -> Option<Device> {
        let text = text.trim();
        let plain = !text.is_empty()
            && text.len() <= 32
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        plain.then(|| Device(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a record last changed, in an order every laptop agrees on: by wall time, then the
/// counter, then the device.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Clock {
    /// Milliseconds since 1970 (UTC).
    pub wall_ms: i64,
    pub counter: u32,
    pub device: Device,
}

impl Clock {
    /// A new record's clock, made by `device` at `now`.
    pub fn start(now: DateTime<Utc>, device: &Device) -> Clock {
        Clock {
            wall_ms: now.timestamp_millis(),
            counter: 0,
            device: device.clone(),
        }
    }

    /// The clock of a record read from a file that has none: its update time and no
    /// device, so any change stamped in the same millisecond comes after it. (The merge
    /// orders two such records by their revision.)
    pub fn derived(updated: DateTime<Utc>) -> Clock {
        Clock {
            wall_ms: updated.timestamp_millis(),
            counter: 0,
            device: Device::legacy(),
        }
    }

    /// The clock of the next change, made by `device` at `now`: always later than `self`.
    pub fn next(&self, now: DateTime<Utc>, device: &Device) -> Clock {
        let wall = now.timestamp_millis();
        if wall > self.wall_ms {
            Clock {
                wall_ms: wall,
                counter: 0,
                device: device.clone(),
            }
        } else {
            Clock {
                wall_ms: self.wall_ms,
                counter: self.counter.saturating_add(1),
                device: device.clone(),
            }
        }
    }
}
