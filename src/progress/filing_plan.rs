//! How `Progress::compute` files the plan for hard moments: shared moments, pauses and plan changes, by evening.
//!
//! A private hard moment is never filed: not its words, not its day, not a count, so no week
//! holds anything (not even `Progress::has_data`) because of one.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::Progress;
use super::hard_moments::{PlanChange, WeekMoment, WeekPause, WeekPlanChange};
use super::records::RecordRef;
use crate::journal::{Journal, PlanItem, RecordId, ReviewKind};

impl Progress {
    /// Files every live hard moment that is shared (and only those) under its evening.
    pub(super) fn file_hard_moments(
        &mut self,
        journal: &Journal,
        evening: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) {
        for (index, moment) in journal.hard_moments.iter().enumerate() {
            if moment.meta.deleted || !moment.is_shared() {
                continue;
            }
            if self.slot(moment.meta.author).is_none() {
                continue;
            }
            let day = evening(moment.meta.created);
            let plan_item = moment.plan_item.and_then(|id| plan_item_ref(journal, id));
            let figures = self.week_mut(day);
            figures.moments.push(WeekMoment {
                moment: RecordRef::new(index, moment.meta.id),
                by: moment.meta.author,
                day,
                plan_item,
                outcome: moment.outcome,
            });
        }
        for figures in self.weeks.values_mut() {
            figures.moments.sort_by_key(|m| (m.day, m.moment.index));
        }
    }

    /// Files every live pause under the evening it was asked; times are read in `local`.
    pub(super) fn file_pauses(
        &mut self,
        journal: &Journal,
        evening: impl Fn(DateTime<Utc>) -> NaiveDate,
        local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
    ) {
        for (index, pause) in journal.pauses.iter().enumerate() {
            if pause.meta.deleted || self.slot(pause.meta.author).is_none() {
                continue;
            }
            let day = evening(pause.meta.created);
            self.week_mut(day).pauses.push(WeekPause {
                pause: RecordRef::new(index, pause.meta.id),
                by: pause.meta.author,
                day,
                asked_at: local(pause.meta.created),
                until: local(pause.until),
            });
        }
        for figures in self.weeks.values_mut() {
            figures.pauses.sort_by_key(|p| (p.asked_at, p.pause.index));
        }
    }

    /// Files each live plan item when made, at each agreement, suggestion or edit, and
    /// when retired.
    pub(super) fn file_plan_items(
        &mut self,
        journal: &Journal,
        evening: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) {
        for (index, item) in journal.plan_items.iter().enumerate() {
            if item.meta.deleted || self.slot(item.owner()).is_none() {
                continue;
            }
            let reference = RecordRef::new(index, item.meta.id);
            let owner = item.owner();
            let change = |by, at, change, review| WeekPlanChange {
                item: reference,
                owner,
                by,
                day: evening(at),
                change,
                review,
                at,
            };
            let mut changes = vec![change(owner, item.meta.created, PlanChange::Made, None)];
            for (at, review) in item.reviews.iter().enumerate() {
                let kind = match review.kind {
                    ReviewKind::Agreed => PlanChange::Agreed,
                    ReviewKind::SuggestedChange => PlanChange::SuggestedChange,
                    ReviewKind::Edited => PlanChange::Edited,
                };
                changes.push(change(review.by, review.at, kind, Some(at)));
            }
            if let Some(retired) = item.retired_at {
                changes.push(change(owner, retired, PlanChange::Retired, None));
            }
            for change in changes {
                self.week_mut(change.day).plan_changes.push(change);
            }
        }
        for figures in self.weeks.values_mut() {
            figures.plan_changes.sort_by_key(|c| (c.at, c.item.index));
        }
    }
}

/// The live plan item with this id, if there is one.
fn plan_item_ref(journal: &Journal, id: RecordId) -> Option<RecordRef<PlanItem>> {
    journal
        .plan_items
        .iter()
        .position(|item| item.meta.id == id && !item.meta.deleted)
        .map(|index| RecordRef::new(index, id))
}
