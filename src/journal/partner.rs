//! The two people who share a journal.

use chrono::{DateTime, Utc};
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

    /// What a role changes, in one plain line: only the prompts, and never for good.
    pub const EXPLAINED: &'static str = "A role only chooses which evening prompts that partner is offered; nothing else changes, and it can be changed later.";

    /// Every choice a partner has, not saying first, in the order a screen cycles through.
    pub const CHOICES: [Option<Role>; 4] = [
        None,
        Some(Role::Hurt),
        Some(Role::Repairing),
        Some(Role::Both),
    ];

    /// The choice after (or before, for a negative `step`) `role` in [`Role::CHOICES`].
    pub fn cycle(role: Option<Role>, step: isize) -> Option<Role> {
        let len = Self::CHOICES.len() as isize;
        let at = Self::CHOICES.iter().position(|r| *r == role).unwrap_or(0) as isize;
        Self::CHOICES[(at + step).rem_euclid(len) as usize]
    }

    /// Plain words for a choice, not saying included.
    pub fn describe_choice(role: Option<Role>) -> &'static str {
        role.map_or("not said", Role::describe)
    }

    /// Plain words for the role, as shown on screen.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Hurt => "the one who was hurt",
            Role::Repairing => "the one repairing",
            Role::Both => "a bit of both",
        }
    }

    /// A role as typed (`hurt`, `repairing`, `both`), or `none` for not saying; `None` when
    /// the text is neither.
    pub fn parse_choice(text: &str) -> Option<Option<Role>> {
        match text.trim().to_lowercase().as_str() {
            "none" => Some(None),
            other => Role::parse(other).map(Some),
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
    /// When the role was last changed after the journal was made, so that two copies of the
    /// journal can keep the later choice. Missing when it never was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_updated: Option<DateTime<Utc>>,
    /// When the name was last changed after the journal was made, so that two copies of the
    /// journal can keep the later name. Missing when it never was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_updated: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Partner {
    id: PartnerId => required,
    name: String => required,
    role: Option<Role> => default,
    role_updated: Option<DateTime<Utc>> => default,
    name_updated: Option<DateTime<Utc>> => default,
});

impl Partner {
    /// A partner called `name` (checked by [`check_name`]) with the given id.
    pub fn new(id: PartnerId, name: &str, role: Option<Role>) -> Result<Self, DomainError> {
        Ok(Self {
            id,
            name: check_name(name)?,
            role,
            role_updated: None,
            name_updated: None,
            extra: Extra::new(),
        })
    }

    /// Changes the role (or to not saying), stamping when; says whether anything changed.
    pub fn set_role(&mut self, role: Option<Role>, now: DateTime<Utc>) -> bool {
        if self.role == role {
            return false;
        }
        self.role = role;
        self.role_updated = Some(self.role_updated.map_or(now, |at| at.max(now)));
        true
    }
}

impl Partner {
    /// Gives the partner a name already checked by [`check_name`], stamping when; says
    /// whether anything changed.
    pub(crate) fn set_name(&mut self, name: String, now: DateTime<Utc>) -> bool {
        if self.name == name {
            return false;
        }
        self.name = name;
        self.name_updated = Some(self.name_updated.map_or(now, |at| at.max(now)));
        true
    }
}

/// Whether `c` shows as nothing, or breaks a line, where a name is shown: a format
/// character (a zero-width space or joiner, a direction mark, a byte order mark) or a line
/// or paragraph separator. A name holding one could look like the other partner's, or
/// like no name at all.
fn is_invisible(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    matches!(
        get_general_category(c),
        GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// A partner's name: trimmed, not empty, printable, and not too long.
///
/// A name goes into every heading and list, so it is refused at input when it holds a
/// control character (a line break or tab too) or an invisible one, rather than only
/// cleaned at output like the rest of the journal's text (see `journal::text`).
pub fn check_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DomainError::EmptyName);
    }
    if name
        .chars()
        .any(|c| c.is_control() || text::is_unsafe(c) || is_invisible(c))
    {
        return Err(DomainError::NameNotPlain);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DomainError::BadName(
            name.chars().take(MAX_NAME_CHARS).collect(),
        ));
    }
    Ok(name.to_owned())
}
