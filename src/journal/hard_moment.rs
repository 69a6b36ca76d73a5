//! A hard moment: a line or two a partner notes when it is hard, and later how it went.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::clock::Device;
use super::entry::Visibility;
use super::ids::{PartnerId, RecordId};
use super::meta::{Extra, Meta, Record};
use super::plan_error::PlanError;
use super::wire::deserialize_keeping_unknown;

/// The most characters a hard moment's words may have: a line or two.
pub const MOST_MOMENT_CHARS: usize = 280;

/// How a hard moment went, said later by the partner who noted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MomentOutcome {
    Helped,
    Partly,
    NotThisTime,
}

impl MomentOutcome {
    pub fn words(self) -> &'static str {
        match self {
            MomentOutcome::Helped => "it helped",
            MomentOutcome::Partly => "it partly helped",
            MomentOutcome::NotThisTime => "not this time",
        }
    }
}

/// A hard moment noted by a partner (`meta.author`). It holds how it felt in their words,
/// never what happened in the betrayal: there is no field for that.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardMoment {
    #[serde(flatten)]
    pub meta: Meta,
    /// The plan item it was met with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_item: Option<RecordId>,
    /// Private unless the partner shares it; a file that lost this field reads as private.
    pub visibility: Visibility,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<MomentOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(HardMoment, meta: meta {
    plan_item: Option<RecordId> => default,
    visibility: Visibility => default,
    text: String => required,
    outcome: Option<MomentOutcome> => default,
    outcome_at: Option<DateTime<Utc>> => default,
});

impl HardMoment {
    pub fn is_shared(&self) -> bool {
        self.visibility == Visibility::Shared
    }

    /// Whether `viewer` may see this moment: its author always, the other partner only
    /// when it was shared.
    pub fn is_visible_to(&self, viewer: PartnerId) -> bool {
        self.is_shared() || self.meta.author == viewer
    }

    /// The partner who noted the moment says how it went; only they may, and may say it again.
    pub fn set_outcome(
        &mut self,
        by: PartnerId,
        outcome: MomentOutcome,
        now: DateTime<Utc>,
        device: &Device,
    ) -> Result<(), PlanError> {
        if by != self.meta.author {
            return Err(PlanError::NotYourMoment);
        }
        self.outcome = Some(outcome);
        self.outcome_at = Some(now);
        self.meta.touch(now, device);
        Ok(())
    }
}

impl Record for HardMoment {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
