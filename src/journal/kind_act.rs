//! A kind act: something one partner did for the other without being asked.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::clock::Device;
use super::error::DomainError;
use super::ids::PartnerId;
use super::meta::{Extra, Meta, Record};
use super::moment::Day;
use super::promise::Acknowledgement;
use super::wire::deserialize_keeping_unknown;

/// Something kind one partner did, expecting nothing back. Usually logged by the one who did
/// it (the record's author); a kindness received is logged by the one it was done for, and
/// then `done_by` names the other partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindAct {
    #[serde(flatten)]
    pub meta: Meta,
    pub day: NaiveDate,
    pub text: String,
    /// Who did it, when that is not the author: the author received it and logged it. Missing
    /// (as in every file written before kindness received) means the author did it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_by: Option<PartnerId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(KindAct, meta: meta {
    day: NaiveDate [via Day] => required,
    text: String => required,
    done_by: Option<PartnerId> => default,
    acknowledged: Option<Acknowledgement> => default,
});

impl KindAct {
    /// The partner who did the kind thing. Every count of "kind acts by X" asks this.
    pub fn doer(&self) -> PartnerId {
        self.done_by.unwrap_or(self.meta.author)
    }

    /// The partner who logged it as done for them ("you did this for me"), if it was logged
    /// that way rather than by the one who did it.
    pub fn received_by(&self) -> Option<PartnerId> {
        (self.doer() != self.meta.author).then_some(self.meta.author)
    }

    /// Whether the one it was done for has said they noticed it; a kindness received counts
    /// as noticed from the moment it is logged.
    pub fn is_noticed(&self) -> bool {
        self.acknowledged.is_some()
    }

    /// Whether `by` may say they noticed: only once, never the one who did it, and not the
    /// one who logged it as received (that already counts as noticing).
    pub fn check_can_acknowledge(&self, by: PartnerId) -> Result<(), DomainError> {
        if by == self.doer() {
            return Err(DomainError::AckOwnKindAct);
        }
        if self.received_by() == Some(by) && self.acknowledged.is_some() {
            return Err(DomainError::ReceivedAlreadyNoticed);
        }
        if self.acknowledged.is_some() {
            return Err(DomainError::AlreadyAcknowledged);
        }
        Ok(())
    }

    /// The other partner says they noticed.
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

impl Record for KindAct {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
