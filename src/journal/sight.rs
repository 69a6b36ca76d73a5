//! The words of the reveal: when shared words open, who is reading, and what they may see.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::PartnerId;

/// When a partner's shared words for an evening open to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reveal {
    /// Once the other has written their own entry that evening, or when the evening is over.
    #[default]
    AfterBoth,
    /// As soon as they are saved.
    AtOnce,
}

impl Reveal {
    pub fn as_str(self) -> &'static str {
        match self {
            Reveal::AfterBoth => "after-both",
            Reveal::AtOnce => "at-once",
        }
    }

    /// Reads `after-both` or `at-once` (with `_` or `-`, any case).
    pub fn parse(text: &str) -> Option<Reveal> {
        match text.trim().to_lowercase().replace('_', "-").as_str() {
            "after-both" => Some(Reveal::AfterBoth),
            "at-once" => Some(Reveal::AtOnce),
            _ => None,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Reveal::default()
    }
}

/// Who is reading: one partner on their own, or both at one screen (and every export).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Partner(PartnerId),
    Both,
}

/// What a reader may see of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// The reader may read it. `edited` is when its author last changed it, if that was after
    /// the reader could first read it.
    Open { edited: Option<DateTime<Utc>> },
    /// A shared entry of tonight that opens once the reader has written their own (with two
    /// readers, once both have), or when the evening is over. Its words are not shown.
    Waiting,
    /// A private entry of the other partner: it is not shown, not counted, not mentioned.
    Hidden,
}

impl Sight {
    pub fn is_open(self) -> bool {
        matches!(self, Sight::Open { .. })
    }
}
