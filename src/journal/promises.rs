//! The journal's promises: making one, changing how it stands, and noticing it was kept.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::limits::{check_short_text, optional_note};
use super::lookup::live_record_mut;
use super::meta::{insert_sorted, live};
use super::promise::{Promise, PromiseAction, PromiseSize};

/// What a new promise needs before it is given an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPromise {
    pub by: PartnerId,
    pub to: PartnerId,
    pub text: String,
    pub made: NaiveDate,
    pub due: Option<NaiveDate>,
    pub size: Option<PromiseSize>,
}

impl Journal {
    /// Promises that have not been deleted.
    pub fn live_promises(&self) -> impl Iterator<Item = &Promise> {
        live(&self.promises)
    }

    /// Makes a new promise from one partner to the other.
    pub fn add_promise(
        &mut self,
        new: NewPromise,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.require_partner(new.by)?;
        self.require_partner(new.to)?;
        if new.by == new.to {
            return Err(DomainError::PromiseToSelf);
        }
        self.check_day(new.made, today)?;
        let text = check_short_text("promise", &new.text)?;
        if let Some(due) = new.due {
            // Due on or after the evening it was made (tonight, from the CLI and TUI).
            self.check_due(due, new.made)?;
        }
        let promise = Promise::new(
            self.new_meta(new.by, now),
            new.to,
            text,
            new.made,
            new.due,
            new.size,
        );
        let id = promise.meta.id;
        insert_sorted(&mut self.promises, promise);
        Ok(id)
    }

    /// Changes a promise's status. Renegotiating also makes the new promise that replaces it.
    pub fn change_promise(
        &mut self,
        id: RecordId,
        actor: PartnerId,
        action: PromiseAction,
        note: Option<String>,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Option<RecordId>, DomainError> {
        let note = optional_note(note)?;
        let index = self
            .promises
            .iter()
            .position(|p| p.meta.id == id && !p.meta.deleted)
            .ok_or(DomainError::UnknownRecord(id))?;
        let old = &self.promises[index];
        old.check_can_change(actor)?;
        let replacement = match &action {
            PromiseAction::Renegotiate { text, due } => {
                let text = match text {
                    Some(t) => check_short_text("promise", t)?,
                    None => old.text.clone(),
                };
                // A due day that has already passed is not carried into the new promise.
                let due = due.or(old.due.filter(|old_due| *old_due >= today));
                if let Some(due) = due {
                    self.check_due(due, today)?;
                }
                if text == old.text && due == old.due {
                    return Err(DomainError::NothingRenegotiated);
                }
                let mut new = Promise::new(
                    self.new_meta(actor, now),
                    old.to,
                    text,
                    today,
                    due,
                    old.size,
                );
                new.renegotiated_from = Some(old.meta.id);
                Some(new)
            }
            _ => None,
        };
        let new_id = replacement.as_ref().map(|p| p.meta.id);
        let device = self.device().clone();
        self.promises[index].apply(action.status(), actor, note, now, &device, new_id)?;
        if let Some(new) = replacement {
            insert_sorted(&mut self.promises, new);
        }
        Ok(new_id)
    }

    /// The receiver notices a kept (or renegotiated) promise.
    pub fn acknowledge_promise(
        &mut self,
        id: RecordId,
        by: PartnerId,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let note = optional_note(note)?;
        let device = self.device().clone();
        live_record_mut(&mut self.promises, id)?.acknowledge(by, note, now, &device)
    }
}
