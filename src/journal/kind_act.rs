//! A kind act: something one partner did for the other without being asked.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::error::DomainError;
use super::ids::PartnerId;
use super::meta::{Extra, Meta, Record};
use super::moment::Day;
use super::promise::Acknowledgement;
use super::wire::deserialize_keeping_unknown;

/// Something kind one partner did, expecting nothing back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindAct {
    #[serde(flatten)]
    pub meta: Meta,
    pub day: NaiveDate,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(KindAct, meta: meta {
    day: NaiveDate [via Day] => required,
    text: String => required,
    acknowledged: Option<Acknowledgement> => default,
});

impl KindAct {
    /// Whether `by` may say they noticed: only once, and never the one who did it.
    pub fn check_can_acknowledge(&self, by: PartnerId) -> Result<(), DomainError> {
        if by == self.meta.author {
            return Err(DomainError::AckOwnKindAct);
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
    ) -> Result<(), DomainError> {
        self.check_can_acknowledge(by)?;
        self.acknowledged = Some(Acknowledgement::new(by, now, note));
        self.meta.touch(now);
        Ok(())
    }
}

impl Record for KindAct {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}
