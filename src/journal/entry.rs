//! A journal entry: one partner's answer to an evening's prompt.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::meta::{Extra, Meta, Record};
use super::moment::Day;
use super::wire::deserialize_keeping_unknown;

/// The three parts of rebuilding trust that mend's prompts follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Communication,
    Reciprocity,
    Healing,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Communication, Stage::Reciprocity, Stage::Healing];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Communication => "communication",
            Stage::Reciprocity => "reciprocity",
            Stage::Healing => "healing",
        }
    }

    /// The stage's name as a heading.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Communication => "Honest communication",
            Stage::Reciprocity => "Reciprocity",
            Stage::Healing => "Healing",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL
            .into_iter()
            .find(|s| s.as_str() == text.trim().to_lowercase())
    }

    /// The next stage in the evening rotation.
    pub fn next(self) -> Stage {
        match self {
            Stage::Communication => Stage::Reciprocity,
            Stage::Reciprocity => Stage::Healing,
            Stage::Healing => Stage::Communication,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may read an entry. An entry whose file lost this field is read as private: a damaged
/// or hand-merged journal must never show someone's private words to their partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Both partners, reviews and exports.
    Shared,
    /// Only its author. Not encrypted: anyone with the file can read it.
    #[default]
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Shared => "shared",
            Visibility::Private => "private",
        }
    }
}

/// One partner's writing for one evening.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub meta: Meta,
    /// The evening this entry belongs to (after midnight still counts as the evening before).
    pub day: NaiveDate,
    pub stage: Stage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The prompt as it was shown, so the entry reads right even if the prompt changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    pub text: String,
    pub visibility: Visibility,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Entry, meta: meta {
    day: NaiveDate [via Day] => required,
    stage: Stage => required,
    prompt_id: Option<String> => default,
    prompt: Option<String> => default,
    text: String => required,
    visibility: Visibility => default,
});

impl Entry {
    pub fn is_shared(&self) -> bool {
        self.visibility == Visibility::Shared
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

impl Record for Entry {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
