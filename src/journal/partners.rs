//! The journal's operations on its two partners: changing a name or a role after the journal is made.

use chrono::{DateTime, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::PartnerId;
use super::partner::{Role, check_name};

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

    /// Renames a partner: the name must pass [`check_name`] and differ from the other
    /// partner's (ignoring case), since both are found by name. Records keep the partner's
    /// id, so nothing else changes. Says whether anything changed.
    pub fn rename_partner(
        &mut self,
        partner: PartnerId,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DomainError> {
        self.require_partner(partner)?;
        let name = check_name(name)?;
        let taken = self
            .partners
            .iter()
            .any(|p| p.id != partner && p.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(DomainError::SamePartnerNames(name));
        }
        let found = self
            .partners
            .iter_mut()
            .find(|p| p.id == partner)
            .ok_or(DomainError::UnknownPartnerId(partner))?;
        Ok(found.set_name(name, now))
    }
}
