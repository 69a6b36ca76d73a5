//! The journal's operations on its two partners: changing a role after the journal is made.

use chrono::{DateTime, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::PartnerId;
use super::partner::Role;

impl Journal {
    /// Sets a partner's role (or to not saying). A role only chooses which prompts that
    /// partner is offered; it changes no record. Says whether anything changed.
    pub fn set_role(
        &mut self,
        partner: PartnerId,
        role: Option<Role>,
        now: DateTime<Utc>,
    ) -> Result<bool, DomainError> {
        let found = self
            .partners
            .iter_mut()
            .find(|p| p.id == partner)
            .ok_or(DomainError::UnknownPartnerId(partner))?;
        Ok(found.set_role(role, now))
    }
}
