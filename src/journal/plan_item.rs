//! A plan item: one partner's plan for one hard situation, and who may agree, edit or retire it.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::clock::Device;
use super::ids::PartnerId;
use super::meta::{Extra, Meta, Record};
use super::moment::{MaybeDay, Moment};
use super::plan_error::PlanError;
use super::wire::deserialize_keeping_unknown;

/// The most characters in each of a plan item's three parts.
pub const MOST_PLAN_PART_CHARS: usize = 500;

/// The three parts of a plan item, in the owner's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanParts {
    /// What brings it on: a place, a date, a song, a late message.
    pub brings_it_on: String,
    pub helps_me: String,
    pub i_ask_of_you: String,
}

/// What the other partner (or, for an edit, the owner) did when they looked at an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    Agreed,
    SuggestedChange,
    /// The owner changed the words; an earlier agreement no longer holds.
    Edited,
}

/// One look at a plan item, kept as its history: who, when, what, and their note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanReview {
    pub at: DateTime<Utc>,
    pub by: PartnerId,
    pub kind: ReviewKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For an agreement, when the words agreed to were written (the owner's last edit, or
    /// the item's making): an agreement given on another laptop to words since edited there
    /// does not count. Absent from agreements written before mend kept it, which count as
    /// they stand in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_from: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(PlanReview {
    at: DateTime<Utc> [via Moment] => required,
    by: PartnerId => required,
    kind: ReviewKind => required,
    note: Option<String> => default,
    words_from: Option<DateTime<Utc>> => default,
});

/// One situation in a partner's plan for hard moments; the owner is `meta.author`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    #[serde(flatten)]
    pub meta: Meta,
    pub brings_it_on: String,
    pub helps_me: String,
    pub i_ask_of_you: String,
    /// A date known to be hard: once, or every year on that day when `yearly`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hard_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub yearly: bool,
    pub last_looked_at: DateTime<Utc>,
    pub reviews: Vec<PlanReview>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(PlanItem, meta: meta {
    brings_it_on: String => required,
    helps_me: String => required,
    i_ask_of_you: String => required,
    hard_date: Option<NaiveDate> [via MaybeDay] => default,
    yearly: bool => default,
    last_looked_at: DateTime<Utc> [via Moment] => required,
    reviews: Vec<PlanReview> => default,
    retired_at: Option<DateTime<Utc>> => default,
});

impl PlanItem {
    pub fn owner(&self) -> PartnerId {
        self.meta.author
    }

    pub fn is_retired(&self) -> bool {
        self.retired_at.is_some()
    }

    /// Agreed by the other partner, to the words as they stand, with no edit or suggestion
    /// since.
    pub fn is_agreed(&self) -> bool {
        self.reviews.last().is_some_and(|r| {
            r.kind == ReviewKind::Agreed
                && r.words_from.is_none_or(|from| from == self.words_written())
        })
    }

    /// When the words as they stand were written: the owner's last edit, or the making.
    pub fn words_written(&self) -> DateTime<Utc> {
        let edits = self.reviews.iter().filter(|r| r.kind == ReviewKind::Edited);
        edits.map(|r| r.at).max().unwrap_or(self.meta.created)
    }

    /// The three parts as they stand.
    pub fn parts(&self) -> PlanParts {
        PlanParts {
            brings_it_on: self.brings_it_on.clone(),
            helps_me: self.helps_me.clone(),
            i_ask_of_you: self.i_ask_of_you.clone(),
        }
    }

    /// The next day on or after `today` that the hard date falls on, if it still comes.
    pub fn next_hard_day(&self, today: NaiveDate) -> Option<NaiveDate> {
        let date = self.hard_date?;
        if !self.yearly {
            return (date >= today).then_some(date);
        }
        (today.year()..=today.year() + 1)
            .filter_map(|year| on_year(date, year))
            .find(|d| *d >= today)
    }

    /// Whether `by` may agree to this item or suggest a change: only the other partner, and
    /// only while it is not retired.
    pub fn check_can_review(&self, by: PartnerId) -> Result<(), PlanError> {
        if by == self.owner() {
            return Err(PlanError::ReviewOwnPlanItem);
        }
        if self.is_retired() {
            return Err(PlanError::PlanItemRetired);
        }
        Ok(())
    }

    /// Whether `by` may edit or retire this item: only the owner, and only while it is not
    /// retired.
    pub fn check_can_change(&self, by: PartnerId) -> Result<(), PlanError> {
        if by != self.owner() {
            return Err(PlanError::NotYourPlanItem);
        }
        if self.is_retired() {
            return Err(PlanError::PlanItemRetired);
        }
        Ok(())
    }

    /// The other partner agrees to the item as it stands, or suggests a change.
    pub fn review(
        &mut self,
        by: PartnerId,
        kind: ReviewKind,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        self.check_can_review(by)?;
        if kind == ReviewKind::Agreed && self.is_agreed() {
            return Err(PlanError::AlreadyAgreed);
        }
        let words_from = (kind == ReviewKind::Agreed).then(|| self.words_written());
        // A look at the words leaves them as they are: the record's clock, which the words
        // are sealed with and two laptops' copies are joined by, stays the words' own.
        self.push_review(by, kind, note, words_from, now);
        Ok(())
    }

    /// The owner changes the words; an agreement given before asks to be given again.
    pub fn edit(
        &mut self,
        by: PartnerId,
        parts: PlanParts,
        now: DateTime<Utc>,
        device: &Device,
    ) -> Result<(), PlanError> {
        self.check_can_change(by)?;
        if parts == self.parts() {
            return Err(PlanError::NothingEdited);
        }
        self.brings_it_on = parts.brings_it_on;
        self.helps_me = parts.helps_me;
        self.i_ask_of_you = parts.i_ask_of_you;
        self.push_review(by, ReviewKind::Edited, None, None, now);
        self.meta.touch(now, device);
        Ok(())
    }

    /// The owner retires the item: it stays in the history, no longer part of the plan.
    pub fn retire(
        &mut self,
        by: PartnerId,
        now: DateTime<Utc>,
        device: &Device,
    ) -> Result<(), PlanError> {
        self.check_can_change(by)?;
        self.retired_at = Some(now);
        self.meta.touch(now, device);
        Ok(())
    }

    fn push_review(
        &mut self,
        by: PartnerId,
        kind: ReviewKind,
        note: Option<String>,
        words_from: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) {
        self.reviews.push(PlanReview {
            at: now,
            by,
            kind,
            note,
            words_from,
            extra: Extra::new(),
        });
        self.last_looked_at = now.max(self.last_looked_at);
    }
}

/// `date`'s month and day in `year`; 29 February falls on 28 February in other years.
fn on_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

impl Record for PlanItem {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
