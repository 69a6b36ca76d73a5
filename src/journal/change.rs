//! A change to the journal as a value: made by a screen, applied by the store to the freshest copy.

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    DomainError, Edited, Journal, NewCheckin, NewEntry, NewPromise, PartnerId, PromiseAction,
    RecordId, Visibility,
};

/// A change to the journal, applied under the lock to the freshest copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    AddEntry(NewEntry),
    EditEntry {
        id: RecordId,
        by: PartnerId,
        text: String,
        visibility: Visibility,
        /// The entry's revision when this window opened it.
        seen_rev: u32,
    },
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
    Checkin(NewCheckin),
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
}

impl Change {
    pub fn apply(
        &self,
        journal: &mut Journal,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        self.apply_telling(journal, now, today).map(drop)
    }

    /// Applies the change, and says whether an edit had to be kept beside a changed entry.
    pub fn apply_telling(
        &self,
        journal: &mut Journal,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Edited, DomainError> {
        let done = match self.clone() {
            Change::EditEntry {
                id,
                by,
                text,
                visibility,
                seen_rev,
            } => return journal.edit_entry_seen_at(id, by, &text, visibility, seen_rev, now),
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
            Change::Checkin(new) => journal.upsert_checkin(new, now, today).map(drop),
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
        };
        done.map(|()| Edited::InPlace)
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
            Change::AddKindAct { by, .. } => newest_not_in(
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
            | Change::EditEntry { id, .. }
            | Change::SetEntryDeleted { id, .. }
            | Change::RestoreEntry { id, .. } => Some(*id),
            Change::AddEntry(_) | Change::Checkin(_) => None,
        }
    }
}
