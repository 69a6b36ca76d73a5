//! How `Progress::compute` files each live record under its evening and week.

use chrono::{DateTime, NaiveDate, Utc};

use super::communication::SharedEntry;
use super::reciprocity::Reciprocity;
use super::records::{DuePromise, EntryRef, RecordRef, WeekKindAct, WeekPromise};
use super::{PartnerWeek, Progress, WeekFigures};
use crate::journal::{Journal, PartnerId, Promise, PromiseStatus, Reader, Week};

impl Progress {
    /// Files live shared entries under their week and marks the evenings they were written.
    /// Tonight's shared words that have not opened to both yet (see [`Journal::can_read`]) are
    /// left out until they do, so "Both of us" and the summary never show them early.
    pub(super) fn file_shared_entries(&mut self, journal: &Journal) {
        for (index, entry) in journal.entries.iter().enumerate() {
            if entry.meta.deleted || !entry.is_shared() {
                continue;
            }
            let Some(slot) = self.slot(entry.meta.author) else {
                continue;
            };
            if !journal.can_read(entry, Reader::Both, self.today) {
                // Written, and closed until the other has written that evening too.
                let communication = &mut self.week_mut(entry.day).by_partner[slot].communication;
                communication.waiting_to_open += 1;
                // Counted by stage too, so the counts agree with the evenings written.
                communication.add_entry(entry.stage);
                self.days.entry(entry.day).or_default()[slot].wrote = true;
                continue;
            }
            let figures = self.week_mut(entry.day);
            figures.by_partner[slot]
                .communication
                .add_entry(entry.stage);
            figures.shared.push(SharedEntry {
                day: entry.day,
                slot,
                entry: EntryRef::new(index, entry.meta.id),
            });
            self.days.entry(entry.day).or_default()[slot].wrote = true;
        }
    }

    /// Adds live check-ins to their week's totals and marks their evenings.
    pub(super) fn file_checkins(&mut self, journal: &Journal) {
        for checkin in journal.live_checkins() {
            let Some(slot) = self.slot(checkin.meta.author) else {
                continue;
            };
            let marks = self.days.entry(checkin.day).or_default();
            if marks[slot].checked_in {
                // Two copies merged can hold two check-ins for one evening: like
                // `Journal::checkin_for`, only the first (by id) counts.
                continue;
            }
            marks[slot].checked_in = true;
            let week = self.clock.week_of(checkin.day);
            self.week_mut(checkin.day).by_partner[slot]
                .checkins
                .add(checkin);
            let first = &mut self.first_checkin_week[slot];
            *first = Some(first.map_or(week, |w| w.min(week)));
        }
    }

    /// Counts each live promise when made, at each status change, and when noticed, and
    /// lists it under every week it was made or changed in.
    pub(super) fn file_promises(
        &mut self,
        journal: &Journal,
        evening: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) {
        for (index, promise) in journal.promises.iter().enumerate() {
            if promise.meta.deleted {
                continue;
            }
            let Some(by) = self.slot(promise.by()) else {
                continue;
            };
            let changes: Vec<(NaiveDate, PromiseStatus)> = promise
                .history
                .iter()
                .map(|change| (evening(change.at), change.status))
                .collect();
            // A renegotiation continues a promise already counted as made.
            if promise.renegotiated_from.is_none() {
                self.reciprocity_mut(by, promise.made).made += 1;
            }
            for (day, status) in &changes {
                self.reciprocity_mut(by, *day).add_status(*status);
            }
            let noticed_on = promise.noticed().map(|ack| evening(ack.at));
            if let Some(ack) = promise.noticed() {
                self.count_acknowledgement(ack.by, by, evening(ack.at));
                self.reciprocity_mut(by, evening(ack.at)).promises_noticed += 1;
            }
            self.list_promise(
                promise,
                RecordRef::new(index, promise.meta.id),
                &changes,
                noticed_on,
            );
        }
    }

    /// Lists a promise under each week it was made or changed in, as it stood at that
    /// week's end, and keeps its due day for `open_promises_due`.
    pub(super) fn list_promise(
        &mut self,
        promise: &Promise,
        reference: RecordRef<Promise>,
        changes: &[(NaiveDate, PromiseStatus)],
        noticed_on: Option<NaiveDate>,
    ) {
        let mut weeks: Vec<Week> = std::iter::once(promise.made)
            .chain(changes.iter().map(|(day, _)| *day))
            .map(|day| self.clock.week_of(day))
            .collect();
        weeks.sort();
        weeks.dedup();
        for week in weeks {
            let last_evening = week.end();
            let status = changes
                .iter()
                .rev()
                .find(|(day, _)| *day <= last_evening)
                .map_or(PromiseStatus::Open, |(_, status)| *status);
            self.week_mut(week.start()).promises.push(WeekPromise {
                promise: reference,
                by: promise.by(),
                made_this_week: week.contains(promise.made),
                status,
                noticed: noticed_on.is_some_and(|day| day <= last_evening),
            });
        }
        if let Some(due) = promise.due {
            let closed = changes
                .iter()
                .find(|(_, status)| !status.is_open())
                .map(|(day, _)| *day);
            self.due.push(DuePromise {
                promise: reference,
                made: promise.made,
                due,
                closed,
            });
        }
    }

    /// Counts each live kind act on its day, and when it was noticed.
    pub(super) fn file_kind_acts(
        &mut self,
        journal: &Journal,
        evening: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) {
        for (index, act) in journal.kind_acts.iter().enumerate() {
            if act.meta.deleted {
                continue;
            }
            // A kindness received counts as the doer's kind act, noticed by the receiver.
            let Some(by) = self.slot(act.doer()) else {
                continue;
            };
            self.reciprocity_mut(by, act.day).kind_acts += 1;
            let noticed_on = act.acknowledged.as_ref().map(|ack| evening(ack.at));
            if let Some(ack) = &act.acknowledged {
                self.count_acknowledgement(ack.by, by, evening(ack.at));
            }
            let last_evening = self.clock.week_of(act.day).end();
            self.week_mut(act.day).kind_acts.push(WeekKindAct {
                act: RecordRef::new(index, act.meta.id),
                by: act.doer(),
                day: act.day,
                noticed: noticed_on.is_some_and(|day| day <= last_evening),
            });
        }
    }

    /// Counts, per week, the evenings each partner wrote something shared.
    pub(super) fn count_evenings_written(&mut self) {
        let written: Vec<(NaiveDate, usize)> = self
            .days
            .iter()
            .flat_map(|(day, marks)| {
                (0..2)
                    .filter(|&slot| marks[slot].wrote)
                    .map(move |slot| (*day, slot))
            })
            .collect();
        for (day, slot) in written {
            self.week_mut(day).by_partner[slot]
                .communication
                .evenings_written += 1;
        }
    }

    pub(super) fn slot(&self, partner: PartnerId) -> Option<usize> {
        self.partners.iter().position(|p| *p == partner)
    }

    pub(super) fn partner_week(&self, partner: PartnerId, week: Week) -> Option<&PartnerWeek> {
        let slot = self.slot(partner)?;
        Some(&self.weeks.get(&week)?.by_partner[slot])
    }

    pub(super) fn week_mut(&mut self, day: NaiveDate) -> &mut WeekFigures {
        self.weeks.entry(self.clock.week_of(day)).or_default()
    }

    pub(super) fn reciprocity_mut(&mut self, slot: usize, day: NaiveDate) -> &mut Reciprocity {
        &mut self.week_mut(day).by_partner[slot].reciprocity
    }

    /// Counts `giver` noticing something `receiver_slot` did, on the evening `day`.
    pub(super) fn count_acknowledgement(
        &mut self,
        giver: PartnerId,
        receiver_slot: usize,
        day: NaiveDate,
    ) {
        self.reciprocity_mut(receiver_slot, day)
            .acknowledgements_received += 1;
        if let Some(giver) = self.slot(giver) {
            self.reciprocity_mut(giver, day).acknowledgements_given += 1;
        }
    }
}
