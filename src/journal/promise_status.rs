//! Where a promise stands: open, or how it ended.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PromiseStatus {
    Open,
    Kept,
    Broken,
    /// Replaced by a new promise with a new text or due day.
    Renegotiated,
    Withdrawn,
}

impl PromiseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PromiseStatus::Open => "open",
            PromiseStatus::Kept => "kept",
            PromiseStatus::Broken => "broken",
            PromiseStatus::Renegotiated => "renegotiated",
            PromiseStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn is_open(self) -> bool {
        self == PromiseStatus::Open
    }

    /// Whether the receiver may say they noticed it.
    pub fn can_be_acknowledged(self) -> bool {
        matches!(self, PromiseStatus::Kept | PromiseStatus::Renegotiated)
    }
}

impl PromiseStatus {
    /// The status in the words mend uses with people: "not kept" rather than "broken".
    /// (`as_str` is the word stored in the file and printed by `--json`.)
    pub fn words(self) -> &'static str {
        match self {
            PromiseStatus::Broken => "not kept",
            other => other.as_str(),
        }
    }
}

/// Shown to people, so in their words (see [`PromiseStatus::words`]).
impl fmt::Display for PromiseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}
