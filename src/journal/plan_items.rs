//! The journal's plan for hard moments: adding an item, agreeing to it, editing and retiring it.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::lookup::{live_record_mut, resolve_prefix};
use super::meta::{Extra, Record, insert_sorted, live};
use super::plan_error::{PlanError, check_words, optional_words};
use super::plan_item::{MOST_PLAN_PART_CHARS, PlanItem, PlanParts, ReviewKind};
use super::range::latest_due;

/// The most characters in a note that goes with an agreement or a suggested change.
pub const MOST_PLAN_NOTE_CHARS: usize = 500;

/// A date known to be hard, as given for a new plan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HardDate {
    pub day: NaiveDate,
    /// Comes back every year on that day, rather than once.
    pub yearly: bool,
}

impl Journal {
    /// Plan items that have not been deleted, retired ones included.
    pub fn live_plan_items(&self) -> impl Iterator<Item = &PlanItem> {
        live(&self.plan_items)
    }

    /// Finds the one live plan item whose id starts with `prefix`.
    pub fn plan_item_by_prefix(&self, prefix: &str) -> Result<&PlanItem, PlanError> {
        live_by_prefix(&self.plan_items, prefix)
    }

    /// Adds an item to `owner`'s plan, waiting for the other partner to read it.
    pub fn add_plan_item(
        &mut self,
        owner: PartnerId,
        parts: PlanParts,
        hard_date: Option<HardDate>,
        now: DateTime<Utc>,
    ) -> Result<RecordId, PlanError> {
        self.require_partner(owner)?;
        let parts = checked_parts(parts)?;
        if let Some(date) = hard_date {
            check_hard_date(date.day, now.date_naive())?;
        }
        let item = PlanItem {
            meta: self.new_meta(owner, now),
            brings_it_on: parts.brings_it_on,
            helps_me: parts.helps_me,
            i_ask_of_you: parts.i_ask_of_you,
            hard_date: hard_date.map(|d| d.day),
            yearly: hard_date.is_some_and(|d| d.yearly),
            last_looked_at: now,
            reviews: Vec::new(),
            retired_at: None,
            extra: Extra::new(),
        };
        let id = item.meta.id;
        insert_sorted(&mut self.plan_items, item);
        Ok(id)
    }

    /// The other partner agrees to an item, or suggests a change (the note says which).
    pub fn review_plan_item(
        &mut self,
        id: RecordId,
        by: PartnerId,
        kind: ReviewKind,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        self.require_partner(by)?;
        let note = match kind {
            ReviewKind::SuggestedChange => Some(check_words(
                "suggestion",
                note.as_deref().unwrap_or_default(),
                MOST_PLAN_NOTE_CHARS,
            )?),
            _ => optional_words("note", note, MOST_PLAN_NOTE_CHARS)?,
        };
        live_record_mut(&mut self.plan_items, id)?.review(by, kind, note, now)
    }

    /// The owner gives an item new words.
    pub fn edit_plan_item(
        &mut self,
        id: RecordId,
        by: PartnerId,
        parts: PlanParts,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        let parts = checked_parts(parts)?;
        let device = self.device().clone();
        live_record_mut(&mut self.plan_items, id)?.edit(by, parts, now, &device)
    }

    /// The owner retires an item.
    pub fn retire_plan_item(
        &mut self,
        id: RecordId,
        by: PartnerId,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        let device = self.device().clone();
        live_record_mut(&mut self.plan_items, id)?.retire(by, now, &device)
    }
}

/// The first day a hard date may be on: anything earlier is a typing slip.
const EARLIEST_HARD_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// Refuses a hard date before 1900 or more than ten years after `today`, as for a due day.
fn check_hard_date(day: NaiveDate, today: NaiveDate) -> Result<(), PlanError> {
    let latest = latest_due(today);
    if day < EARLIEST_HARD_DATE || day > latest {
        return Err(PlanError::HardDateOutOfRange {
            day,
            earliest: EARLIEST_HARD_DATE,
            latest,
        });
    }
    Ok(())
}

/// The three parts, each checked: not blank and not too long.
fn checked_parts(parts: PlanParts) -> Result<PlanParts, PlanError> {
    Ok(PlanParts {
        brings_it_on: check_words(
            "\"what brings it on\" part",
            &parts.brings_it_on,
            MOST_PLAN_PART_CHARS,
        )?,
        helps_me: check_words(
            "\"what helps me\" part",
            &parts.helps_me,
            MOST_PLAN_PART_CHARS,
        )?,
        i_ask_of_you: check_words(
            "\"what I ask of you\" part",
            &parts.i_ask_of_you,
            MOST_PLAN_PART_CHARS,
        )?,
    })
}

/// The one live record whose id starts with `prefix`, for the plan's record kinds.
pub(crate) fn live_by_prefix<'a, T: Record>(
    records: &'a [T],
    prefix: &str,
) -> Result<&'a T, PlanError> {
    let id = resolve_prefix(prefix, live(records).map(Record::id))?;
    live(records)
        .find(|r| r.id() == id)
        .ok_or(PlanError::Domain(DomainError::UnknownRecord(id)))
}
