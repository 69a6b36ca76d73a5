//! The journal's hard moments: noting one, and saying later how it went.

use chrono::{DateTime, Utc};

use super::book::Journal;
use super::entry::Visibility;
use super::error::DomainError;
use super::hard_moment::{HardMoment, MOST_MOMENT_CHARS, MomentOutcome};
use super::ids::{PartnerId, RecordId};
use super::lookup::{live_record_mut, resolve_prefix};
use super::meta::{Extra, insert_sorted, live};
use super::plan_error::{PlanError, check_words};

impl Journal {
    /// Hard moments that have not been deleted, private ones included: show them only
    /// through [`HardMoment::is_visible_to`].
    pub fn live_hard_moments(&self) -> impl Iterator<Item = &HardMoment> {
        live(&self.hard_moments)
    }

    /// Finds the one hard moment `viewer` may see whose id starts with `prefix`. The other
    /// partner's private moments are left out of the search, so no answer (not even "more
    /// than one record has that id") tells that one exists.
    pub fn hard_moment_by_prefix(
        &self,
        viewer: PartnerId,
        prefix: &str,
    ) -> Result<&HardMoment, PlanError> {
        let visible = self.live_hard_moments().filter(|m| m.is_visible_to(viewer));
        let id = resolve_prefix(prefix, visible.map(|m| m.meta.id))?;
        self.live_hard_moments()
            .find(|m| m.meta.id == id)
            .ok_or_else(|| DomainError::UnknownRecord(id).into())
    }

    /// Notes a hard moment, optionally met with one of the plan's live items.
    pub fn add_hard_moment(
        &mut self,
        by: PartnerId,
        text: &str,
        plan_item: Option<RecordId>,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> Result<RecordId, PlanError> {
        self.require_partner(by)?;
        if let Some(item) = plan_item
            && !self.live_plan_items().any(|p| p.meta.id == item)
        {
            return Err(DomainError::UnknownRecord(item).into());
        }
        let text = check_words("hard moment", text, MOST_MOMENT_CHARS)?;
        let moment = HardMoment {
            meta: self.new_meta(by, now),
            plan_item,
            visibility,
            text,
            outcome: None,
            outcome_at: None,
            extra: Extra::new(),
        };
        let id = moment.meta.id;
        insert_sorted(&mut self.hard_moments, moment);
        Ok(id)
    }

    /// The partner who noted a moment says how it went.
    pub fn set_moment_outcome(
        &mut self,
        id: RecordId,
        by: PartnerId,
        outcome: MomentOutcome,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        let device = self.device().clone();
        live_record_mut(&mut self.hard_moments, id)?.set_outcome(by, outcome, now, &device)
    }
}
