//! The summary's hard moments and plan as plain data: the moments shared, the pauses asked for, the plan's changes.
//!
//! Everything comes from `Progress`, which never files a private hard moment, so none can
//! reach a summary, not even as a count.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::journal::text::printable;
use crate::journal::{Journal, MomentOutcome, Week};
use crate::progress::{PlanChange, Progress};

/// The week's part of the plan for hard moments; every list empty when there was nothing.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HardMomentsPart {
    /// Hard moments their owner shared, by evening.
    pub moments: Vec<MomentLine>,
    /// Pauses asked for, in the order asked.
    pub pauses: Vec<PauseLine>,
    /// Plan items made, agreed to, changed or retired, in order.
    pub plan: Vec<PlanLine>,
}

impl HardMomentsPart {
    pub fn is_empty(&self) -> bool {
        self.moments.is_empty() && self.pauses.is_empty() && self.plan.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MomentLine {
    pub day: NaiveDate,
    pub partner: String,
    pub text: String,
    /// What brings on the plan item it was met with, if any.
    pub plan_item: Option<String>,
    /// `helped`, `partly` or `not-this-time`, as its owner said; `null` until they do.
    pub outcome: Option<MomentOutcome>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PauseLine {
    pub day: NaiveDate,
    pub partner: String,
    /// When it was asked for, in local time.
    pub asked_at: NaiveDateTime,
    /// Until when, in local time.
    pub until: NaiveDateTime,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanLine {
    pub day: NaiveDate,
    /// Who made the change.
    pub partner: String,
    /// Whose plan the item is in.
    pub owner: String,
    pub change: PlanChange,
    /// The item's "what brings it on", as it stands.
    pub brings_it_on: String,
    /// The note given with an agreement or a suggested change.
    pub note: Option<String>,
}

/// A partner's words as the summary shows them (see `summary::words`).
fn words(text: &str) -> String {
    printable(text).into_owned()
}

/// The plan's part of the summary of `week`.
pub fn hard_moments(journal: &Journal, progress: &Progress, week: Week) -> HardMomentsPart {
    let name = |id| words(journal.name_of(id));
    let moments = progress
        .hard_moments_in(week)
        .iter()
        .filter_map(|m| {
            let moment = m.moment.get(journal)?;
            Some(MomentLine {
                day: m.day,
                partner: name(m.by),
                text: words(&moment.text),
                plan_item: m
                    .plan_item
                    .and_then(|item| item.get(journal))
                    .map(|item| words(&item.brings_it_on)),
                outcome: m.outcome,
            })
        })
        .collect();
    let pauses = progress
        .pauses_in(week)
        .iter()
        .filter_map(|p| {
            let pause = p.pause.get(journal)?;
            Some(PauseLine {
                day: p.day,
                partner: name(p.by),
                asked_at: p.asked_at,
                until: p.until,
                note: pause.note.as_deref().map(words),
            })
        })
        .collect();
    let plan = progress
        .plan_changes_in(week)
        .iter()
        .filter_map(|c| {
            let item = c.item.get(journal)?;
            let note = c
                .review
                .and_then(|at| item.reviews.get(at))
                .and_then(|r| r.note.as_deref())
                .map(words);
            Some(PlanLine {
                day: c.day,
                partner: name(c.by),
                owner: name(c.owner),
                change: c.change,
                brings_it_on: words(&item.brings_it_on),
                note,
            })
        })
        .collect();
    HardMomentsPart {
        moments,
        pauses,
        plan,
    }
}
