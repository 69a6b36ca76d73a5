//! The two people who share a journal.

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::ids::PartnerId;
use super::meta::Extra;
use super::text;
use super::wire::deserialize_keeping_unknown;

/// The longest partner name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// Where a partner stands in the repair, if they choose to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The one who was hurt.
    Hurt,
    /// The one repairing the trust they broke.
    Repairing,
    /// Both of them were hurt and both are repairing.
    Both,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Hurt, Role::Repairing, Role::Both];

    /// Plain words for the role, as shown on screen.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Hurt => "the one who was hurt",
            Role::Repairing => "the one repairing",
            Role::Both => "a bit of both",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text.trim().to_lowercase().as_str() {
            "hurt" => Some(Role::Hurt),
            "repairing" => Some(Role::Repairing),
            "both" => Some(Role::Both),
            _ => None,
        }
    }
}

/// One of the two people in the couple.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Partner {
    id: PartnerId => required,
    name: String => required,
    role: Option<Role> => default,
});

impl Partner {
    /// A partner called `name` (checked by [`check_name`]) with the given id.
    pub fn new(id: PartnerId, name: &str, role: Option<Role>) -> Result<Self, DomainError> {
        Ok(Self {
            id,
            name: check_name(name)?,
            role,
            extra: Extra::new(),
        })
    }
}

/// A partner's name: trimmed, not empty, printable, and not too long.
///
/// A name goes into every heading and list, so it is refused at input when it holds a
/// control character (a line break or tab too), rather than only cleaned at output like
/// the rest of the journal's text (see `journal::text`).
pub fn check_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DomainError::EmptyName);
    }
    if name.chars().any(|c| c.is_control() || text::is_unsafe(c)) {
        return Err(DomainError::NameNotPlain);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DomainError::BadName(
            name.chars().take(MAX_NAME_CHARS).collect(),
        ));
    }
    Ok(name.to_owned())
}
