//! A change to the journal as a value: made by a screen, applied by the store to the freshest copy.

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    Clock, Edited, EntryEdit, HardDate, Journal, MomentOutcome, NewCheckin, NewEntry, NewPromise,
    PartnerId, PlanError, PlanParts, PromiseAction, RecordId, Reveal, ReviewKind, Role, TalkPart,
    Visibility, Week, WeekStart,
};

/// A change to the journal, applied under the lock to the freshest copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    AddEntry(NewEntry),
    /// New words for an entry, as a window opened it.
    EditEntry(EntryEdit),
    SetEntryDeleted {
        id: RecordId,
        by: PartnerId,
        deleted: bool,
    },
    /// Undo a delete made in this session: the words come back from memory, since the
    /// tombstone in the journal keeps none.
    RestoreEntry {
        id: RecordId,
        by: PartnerId,
        text: String,
        prompt: Option<String>,
    },
    /// The author keeps an entry's words and lets go of the earlier versions they saw,
    /// named by their clocks (one that arrived since stays).
    LetEarlierVersionsGo {
        id: RecordId,
        by: PartnerId,
        seen: Vec<Clock>,
    },
    /// A partner's check-in for an evening, as the form opened it: `seen` is the clock of
    /// the check-in it showed, none when there was none, so one saved elsewhere meanwhile is
    /// never written over.
    Checkin {
        checkin: NewCheckin,
        seen: Option<Clock>,
    },
    AddPromise(NewPromise),
    /// Keep, break, withdraw or renegotiate an open promise.
    ChangePromise {
        id: RecordId,
        by: PartnerId,
        action: PromiseAction,
        note: Option<String>,
    },
    AcknowledgePromise {
        id: RecordId,
        by: PartnerId,
        note: Option<String>,
    },
    AddKindAct {
        by: PartnerId,
        day: NaiveDate,
        text: String,
    },
    AcknowledgeKindAct {
        id: RecordId,
        by: PartnerId,
        note: Option<String>,
    },
    /// "You did this for me": `by` logs a kind act `from` did for them; it counts as noticed.
    ReceiveKindAct {
        by: PartnerId,
        from: PartnerId,
        day: NaiveDate,
        text: String,
    },
    /// A new item in `owner`'s plan for hard moments.
    AddPlanItem {
        owner: PartnerId,
        parts: PlanParts,
        hard_date: Option<HardDate>,
    },
    /// The other partner agrees to a plan item or suggests a change.
    ReviewPlanItem {
        id: RecordId,
        by: PartnerId,
        kind: ReviewKind,
        note: Option<String>,
    },
    /// The owner gives a plan item new words.
    EditPlanItem {
        id: RecordId,
        by: PartnerId,
        parts: PlanParts,
    },
    RetirePlanItem {
        id: RecordId,
        by: PartnerId,
    },
    /// The couple looked at a plan item together; either partner says so.
    LookedAtPlanItem {
        id: RecordId,
        by: PartnerId,
    },
    /// A hard moment, noted in a line or two, met with a plan item or not.
    AddHardMoment {
        by: PartnerId,
        text: String,
        plan_item: Option<RecordId>,
        visibility: Visibility,
    },
    /// How a hard moment went, said later by the partner who noted it.
    SetMomentOutcome {
        id: RecordId,
        by: PartnerId,
        outcome: MomentOutcome,
    },
    /// "I read this" on the other partner's shared entry, with a few words or none.
    ReplyToEntry {
        entry: RecordId,
        by: PartnerId,
        text: Option<String>,
        /// The clock of the partner's reply when the form opened, none when there was none:
        /// a reply saved elsewhere meanwhile is never written over.
        seen: Option<Clock>,
    },
    /// One part of the week's talk, saved as it is written (starting the talk if need be).
    SaveTalkPart {
        week: Week,
        by: PartnerId,
        part: TalkPart,
    },
    /// A pause the other partner will see, holding until `until`.
    AskForPause {
        by: PartnerId,
        until: DateTime<Utc>,
        note: Option<String>,
    },
    /// A partner's role (or not saying), which only chooses the prompts they are offered.
    SetRole {
        partner: PartnerId,
        role: Option<Role>,
    },
    /// A partner's new name; records name partners by id, so they stay theirs.
    RenamePartner {
        partner: PartnerId,
        name: String,
    },
    /// The hour (0-23) at which one evening ends and the next day begins.
    SetDayEndsAt {
        hour: u8,
    },
    /// The first day of the couple's week.
    SetWeekStart {
        week_starts: WeekStart,
    },
    /// When one partner's shared words for an evening open to the other.
    SetReveal {
        reveal: Reveal,
    },
    /// Minutes without a key after which an encrypted journal locks itself (1-240).
    SetLockAfter {
        minutes: u16,
    },
}

impl Change {
    pub fn apply(
        &self,
        journal: &mut Journal,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(), PlanError> {
        self.apply_telling(journal, now, today).map(drop)
    }

    /// Applies the change, and says whether an edit had to be kept beside a changed entry.
    pub fn apply_telling(
        &self,
        journal: &mut Journal,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Edited, PlanError> {
        let done = match self.clone() {
            Change::EditEntry(edit) => {
                return Ok(journal.edit_entry_seen_at(edit, now)?);
            }
            Change::AddEntry(new) => journal.add_entry(new, now, today).map(drop),
            Change::SetEntryDeleted { id, by, deleted } => {
                journal.set_entry_deleted(id, by, deleted, now)
            }
            Change::RestoreEntry {
                id,
                by,
                text,
                prompt,
            } => journal.restore_entry(id, by, &text, prompt, now),
            Change::LetEarlierVersionsGo { id, by, seen } => {
                journal.let_earlier_versions_go(id, by, &seen, now)
            }
            Change::Checkin { checkin, seen } => {
                journal.check_checkin_seen(checkin.author, checkin.day, seen.as_ref())?;
                journal.upsert_checkin(checkin, now, today).map(drop)
            }
            Change::AddPromise(new) => journal.add_promise(new, now, today).map(drop),
            Change::ChangePromise {
                id,
                by,
                action,
                note,
            } => journal
                .change_promise(id, by, action, note, now, today)
                .map(drop),
            Change::AcknowledgePromise { id, by, note } => {
                journal.acknowledge_promise(id, by, note, now)
            }
            Change::AddKindAct { by, day, text } => {
                journal.add_kind_act(by, &text, day, now, today).map(drop)
            }
            Change::AcknowledgeKindAct { id, by, note } => {
                journal.acknowledge_kind_act(id, by, note, now)
            }
            Change::ReceiveKindAct {
                by,
                from,
                day,
                text,
            } => journal
                .add_kind_act_received(by, from, &text, day, now, today)
                .map(drop),
            Change::ReplyToEntry {
                entry,
                by,
                text,
                seen,
            } => {
                journal.check_reply_seen(entry, by, seen.as_ref())?;
                journal.reply_to_entry(entry, by, text, now, today)?;
                return Ok(Edited::InPlace);
            }
            Change::SaveTalkPart { week, by, part } => {
                journal.save_talk_part(week, by, part, now)?;
                return Ok(Edited::InPlace);
            }
            Change::SetRole { partner, role } => journal.set_role(partner, role, now).map(drop),
            Change::RenamePartner { partner, name } => {
                journal.rename_partner(partner, &name, now).map(drop)
            }
            Change::SetDayEndsAt { hour } => journal.set_day_ends_at(hour),
            Change::SetWeekStart { week_starts } => {
                journal.set_week_starts(week_starts);
                Ok(())
            }
            Change::SetReveal { reveal } => {
                journal.set_reveal(reveal, today);
                Ok(())
            }
            Change::SetLockAfter { minutes } => journal.set_lock_after_minutes(minutes),
            // Listed by name, not caught by `_`: a new kind of change must say where it is
            // applied, or this does not compile.
            plan @ (Change::AddPlanItem { .. }
            | Change::ReviewPlanItem { .. }
            | Change::EditPlanItem { .. }
            | Change::RetirePlanItem { .. }
            | Change::LookedAtPlanItem { .. }
            | Change::AddHardMoment { .. }
            | Change::SetMomentOutcome { .. }
            | Change::AskForPause { .. }) => {
                return apply_plan_change(plan, journal, now).map(|()| Edited::InPlace);
            }
        };
        Ok(done.map(|()| Edited::InPlace)?)
    }

    /// The record that stands for this change once it is saved: the promise or kind act it
    /// changed, the promise that replaced a renegotiated one, or the one it added (found as
    /// the new record by this partner that `before` did not have).
    pub fn changed_record(&self, before: &Journal, after: &Journal) -> Option<RecordId> {
        let newest_not_in = |old: Vec<RecordId>, now: Vec<(RecordId, PartnerId)>, by| {
            now.into_iter()
                .filter(|(id, author)| *author == by && !old.contains(id))
                .map(|(id, _)| id)
                .max()
        };
        match self {
            Change::AddPromise(new) => newest_not_in(
                before.promises.iter().map(|p| p.meta.id).collect(),
                after.live_promises().map(|p| (p.meta.id, p.by())).collect(),
                new.by,
            ),
            Change::AddKindAct { by, .. } | Change::ReceiveKindAct { by, .. } => newest_not_in(
                before.kind_acts.iter().map(|k| k.meta.id).collect(),
                after
                    .live_kind_acts()
                    .map(|k| (k.meta.id, k.meta.author))
                    .collect(),
                *by,
            ),
            Change::ChangePromise {
                id,
                action: PromiseAction::Renegotiate { .. },
                ..
            } => after
                .live_promises()
                .find(|p| p.meta.id == *id)
                .and_then(|p| p.replaced_by),
            Change::ChangePromise { id, .. }
            | Change::AcknowledgePromise { id, .. }
            | Change::AcknowledgeKindAct { id, .. }
            | Change::EditEntry(EntryEdit { id, .. })
            | Change::SetEntryDeleted { id, .. }
            | Change::RestoreEntry { id, .. }
            | Change::LetEarlierVersionsGo { id, .. } => Some(*id),
            Change::ReviewPlanItem { id, .. }
            | Change::EditPlanItem { id, .. }
            | Change::RetirePlanItem { id, .. }
            | Change::LookedAtPlanItem { id, .. }
            | Change::SetMomentOutcome { id, .. } => Some(*id),
            Change::AddPlanItem { owner, .. } => newest_not_in(
                before.plan_items.iter().map(|p| p.meta.id).collect(),
                after
                    .live_plan_items()
                    .map(|p| (p.meta.id, p.owner()))
                    .collect(),
                *owner,
            ),
            Change::AddHardMoment { by, .. } => newest_not_in(
                before.hard_moments.iter().map(|m| m.meta.id).collect(),
                after
                    .live_hard_moments()
                    .map(|m| (m.meta.id, m.meta.author))
                    .collect(),
                *by,
            ),
            Change::ReplyToEntry { entry, by, .. } => after
                .live_replies()
                .find(|r| r.entry == *entry && r.meta.author == *by)
                .map(|r| r.meta.id),
            Change::AskForPause { by, .. } => newest_not_in(
                before.pauses.iter().map(|p| p.meta.id).collect(),
                after
                    .live_pauses()
                    .map(|p| (p.meta.id, p.meta.author))
                    .collect(),
                *by,
            ),
            Change::SaveTalkPart { week, .. } => after.talk_for(*week).map(|t| t.meta.id),
            Change::AddEntry(_)
            | Change::Checkin { .. }
            | Change::SetRole { .. }
            | Change::RenamePartner { .. }
            | Change::SetDayEndsAt { .. }
            | Change::SetWeekStart { .. }
            | Change::SetReveal { .. }
            | Change::SetLockAfter { .. } => None,
        }
    }
}

/// Applies a change to the plan for hard moments, a hard moment or a pause.
fn apply_plan_change(
    change: Change,
    journal: &mut Journal,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    match change {
        Change::AddPlanItem {
            owner,
            parts,
            hard_date,
        } => journal
            .add_plan_item(owner, parts, hard_date, now)
            .map(drop),
        Change::ReviewPlanItem { id, by, kind, note } => {
            journal.review_plan_item(id, by, kind, note, now)
        }
        Change::EditPlanItem { id, by, parts } => journal.edit_plan_item(id, by, parts, now),
        Change::RetirePlanItem { id, by } => journal.retire_plan_item(id, by, now),
        Change::LookedAtPlanItem { id, by } => journal.look_at_plan_item(id, by, now),
        Change::AddHardMoment {
            by,
            text,
            plan_item,
            visibility,
        } => journal
            .add_hard_moment(by, &text, plan_item, visibility, now)
            .map(drop),
        Change::SetMomentOutcome { id, by, outcome } => {
            journal.set_moment_outcome(id, by, outcome, now)
        }
        Change::AskForPause { by, until, note } => {
            journal.ask_for_pause_until(by, until, note, now).map(drop)
        }
        // `apply_telling` passes only the changes above, by name.
        _ => Ok(()),
    }
}
