//! A reply: the other partner's "I read this" on a shared entry, with a few words if they like.

use serde::Serialize;

use super::ids::RecordId;
use super::meta::{Extra, Meta, Record};
use super::wire::deserialize_keeping_unknown;

/// The most characters a reply may have: a few lines, not a letter.
pub const MOST_REPLY_CHARS: usize = 600;

/// One partner's answer (its `meta.author`) to the other's shared entry. Without words it
/// says "I read this".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    #[serde(flatten)]
    pub meta: Meta,
    /// The entry it answers.
    pub entry: RecordId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Reply, meta: meta {
    entry: RecordId => required,
    text: Option<String> => default,
});

impl Reply {
    /// The words of the reply, or the plain "I read this" when there are none.
    pub fn words(&self) -> &str {
        self.text.as_deref().unwrap_or("I read this.")
    }
}

impl Record for Reply {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
