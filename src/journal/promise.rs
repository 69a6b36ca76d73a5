//! Promises: made by one partner to the other, and how each one ends.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::clock::Device;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::meta::{Extra, Meta, Record};
use super::moment::{Day, MaybeDay, Moment};
use super::promise_status::PromiseStatus;
use super::wire::deserialize_keeping_unknown;

/// An everyday promise or a bigger commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PromiseSize {
    Small,
    Big,
}

/// What the promiser does to an open promise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromiseAction {
    Keep,
    Break,
    /// Replace it with a new promise; `None` keeps the old text or due day.
    Renegotiate {
        text: Option<String>,
        due: Option<NaiveDate>,
    },
    Withdraw,
}

impl PromiseAction {
    pub fn status(&self) -> PromiseStatus {
        match self {
            PromiseAction::Keep => PromiseStatus::Kept,
            PromiseAction::Break => PromiseStatus::Broken,
            PromiseAction::Renegotiate { .. } => PromiseStatus::Renegotiated,
            PromiseAction::Withdraw => PromiseStatus::Withdrawn,
        }
    }
}

/// One change of a promise's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub by: PartnerId,
    pub status: PromiseStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The other partner saying "I noticed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acknowledgement {
    pub by: PartnerId,
    pub at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(StatusChange {
    at: DateTime<Utc> [via Moment] => required,
    by: PartnerId => required,
    status: PromiseStatus => required,
    note: Option<String> => default,
});

deserialize_keeping_unknown!(Acknowledgement {
    by: PartnerId => required,
    at: DateTime<Utc> [via Moment] => required,
    note: Option<String> => default,
});

impl Acknowledgement {
    pub fn new(by: PartnerId, at: DateTime<Utc>, note: Option<String>) -> Self {
        Self {
            by,
            at,
            note,
            extra: Extra::new(),
        }
    }
}

/// A promise from one partner (`meta.author`) to the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Promise {
    #[serde(flatten)]
    pub meta: Meta,
    pub to: PartnerId,
    pub text: String,
    /// The evening it was made.
    pub made: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<PromiseSize>,
    pub status: PromiseStatus,
    pub history: Vec<StatusChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
    /// The promise this one replaced, when it came from a renegotiation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renegotiated_from: Option<RecordId>,
    /// The promise that replaced this one, when it was renegotiated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<RecordId>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Promise, meta: meta {
    to: PartnerId => required,
    text: String => required,
    made: NaiveDate [via Day] => required,
    due: Option<NaiveDate> [via MaybeDay] => default,
    size: Option<PromiseSize> => default,
    status: PromiseStatus => required,
    history: Vec<StatusChange> => default,
    acknowledged: Option<Acknowledgement> => default,
    renegotiated_from: Option<RecordId> => default,
    replaced_by: Option<RecordId> => default,
});

impl Promise {
    pub fn new(
        meta: Meta,
        to: PartnerId,
        text: String,
        made: NaiveDate,
        due: Option<NaiveDate>,
        size: Option<PromiseSize>,
    ) -> Self {
        Self {
            meta,
            to,
            text,
            made,
            due,
            size,
            status: PromiseStatus::Open,
            history: Vec::new(),
            acknowledged: None,
            renegotiated_from: None,
            replaced_by: None,
            extra: Extra::new(),
        }
    }

    pub fn by(&self) -> PartnerId {
        self.meta.author
    }

    /// Whether an open promise's due day has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// The day the promise closed, if it has.
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.history
            .iter()
            .rev()
            .find(|c| c.status != PromiseStatus::Open)
            .map(|c| c.at)
    }

    /// Whether `actor` may change this promise's status now.
    pub fn check_can_change(&self, actor: PartnerId) -> Result<(), DomainError> {
        if actor != self.by() {
            return Err(DomainError::NotYourPromise);
        }
        if !self.status.is_open() {
            return Err(DomainError::PromiseClosed(self.status));
        }
        Ok(())
    }

    /// Moves an open promise to a closed status, keeping the change in its history.
    pub fn apply(
        &mut self,
        status: PromiseStatus,
        actor: PartnerId,
        note: Option<String>,
        now: DateTime<Utc>,
        device: &Device,
        replaced_by: Option<RecordId>,
    ) -> Result<(), DomainError> {
        self.check_can_change(actor)?;
        if status == PromiseStatus::Open {
            return Err(DomainError::PromiseClosed(self.status));
        }
        self.status = status;
        self.replaced_by = replaced_by;
        self.history.push(StatusChange {
            at: now,
            by: actor,
            status,
            note,
            extra: Extra::new(),
        });
        self.meta.touch(now, device);
        Ok(())
    }

    /// Whether `by` may say they noticed this promise now: only the partner it was made to,
    /// only once, and only once it is kept or openly renegotiated.
    pub fn check_can_acknowledge(&self, by: PartnerId) -> Result<(), DomainError> {
        if by == self.by() {
            return Err(DomainError::AckOwnPromise);
        }
        if by != self.to {
            return Err(DomainError::NotYourPromise);
        }
        if !self.status.can_be_acknowledged() {
            return Err(DomainError::NotYetKept(self.status));
        }
        if self.acknowledged.is_some() {
            return Err(DomainError::AlreadyAcknowledged);
        }
        Ok(())
    }

    /// The receiver's "I noticed", while the promise stands kept or renegotiated: a merge
    /// can bring a withdrawal or a "not kept" made apart on the other laptop after it, and a
    /// promise that was not kept is never shown as noticed (the words stay in the file).
    pub fn noticed(&self) -> Option<&Acknowledgement> {
        self.acknowledged
            .as_ref()
            .filter(|_| self.status.can_be_acknowledged())
    }

    /// The receiver says they noticed a kept or renegotiated promise. Only once.
    pub fn acknowledge(
        &mut self,
        by: PartnerId,
        note: Option<String>,
        now: DateTime<Utc>,
        device: &Device,
    ) -> Result<(), DomainError> {
        self.check_can_acknowledge(by)?;
        self.acknowledged = Some(Acknowledgement::new(by, now, note));
        self.meta.touch(now, device);
        Ok(())
    }
}

impl Record for Promise {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
