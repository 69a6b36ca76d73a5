//! The plan for hard moments as a week lists it: the moments their owner shared, the pauses asked for, the plan's changes.
//!
//! A private hard moment is never listed (see `filing_plan.rs`): not its words, not its day,
//! not a count. A pause is only ever "asked for": mend records no evidence of whether it was
//! kept, so nothing here says so.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::records::{Listed, RecordRef};
use crate::journal::{HardMoment, Journal, MomentOutcome, PartnerId, Pause, PlanItem};

impl Listed for HardMoment {
    fn all(journal: &Journal) -> &[Self] {
        &journal.hard_moments
    }
}

impl Listed for PlanItem {
    fn all(journal: &Journal) -> &[Self] {
        &journal.plan_items
    }
}

impl Listed for Pause {
    fn all(journal: &Journal) -> &[Self] {
        &journal.pauses
    }
}

/// A hard moment its owner shared, filed under the evening it was noted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekMoment {
    pub moment: RecordRef<HardMoment>,
    /// Who noted it (and shared it).
    pub by: PartnerId,
    pub day: NaiveDate,
    /// The plan item it was met with, when that item is still in the journal.
    pub plan_item: Option<RecordRef<PlanItem>>,
    /// How it went, as its owner said (at any time since).
    pub outcome: Option<MomentOutcome>,
}

/// A pause asked for, filed under the evening it was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPause {
    pub pause: RecordRef<Pause>,
    pub by: PartnerId,
    pub day: NaiveDate,
    /// When it was asked, in local time.
    pub asked_at: NaiveDateTime,
    /// Until when, in local time.
    pub until: NaiveDateTime,
}

/// What happened to a plan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanChange {
    /// Its owner added it to their plan.
    Made,
    /// The other partner agreed to it.
    Agreed,
    /// The other partner suggested a change.
    SuggestedChange,
    /// Its owner changed the words.
    Edited,
    /// Its owner retired it: it stays in the history, no longer part of the plan.
    Retired,
}

/// One change to a plan item, filed under the evening it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPlanChange {
    pub item: RecordRef<PlanItem>,
    /// Whose plan the item is in.
    pub owner: PartnerId,
    /// Who made the change: the owner, or for an agreement or a suggestion the other partner.
    pub by: PartnerId,
    pub day: NaiveDate,
    pub change: PlanChange,
    /// Which of the item's reviews, for a change that came with a note (agreed, suggested).
    pub review: Option<usize>,
    /// When, to keep a week's changes in order.
    pub at: DateTime<Utc>,
}
