//! What the evening mentions of the plan: hard dates a few days ahead, items due a gentle look, and saying it was looked at.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::clock::Device;
use super::ids::{PartnerId, RecordId};
use super::lookup::live_record_mut;
use super::plan_error::PlanError;
use super::plan_item::PlanItem;

/// How many days ahead a hard date is mentioned: today and the next six, so a weekday's
/// name always means the coming one.
pub const HARD_DAYS_AHEAD: i64 = 6;

/// How many days after an item was last looked at a gentle look is offered: four weeks.
pub const LOOK_AGAIN_AFTER_DAYS: i64 = 28;

/// A date marked as hard that falls in the next few days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HardDayAhead {
    pub item: RecordId,
    pub owner: PartnerId,
    pub day: NaiveDate,
    /// 0 for today, 1 for tomorrow, up to [`HARD_DAYS_AHEAD`].
    pub days_away: i64,
}

/// One partner's plan, last looked at long enough ago to offer a look together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookDue {
    pub owner: PartnerId,
    /// Whole weeks since the item looked at longest ago was last looked at (4 or more).
    pub weeks: i64,
}

impl PlanItem {
    /// The hard date, when it falls today or within [`HARD_DAYS_AHEAD`] days; never for a
    /// retired item.
    pub fn hard_day_ahead(&self, today: NaiveDate) -> Option<HardDayAhead> {
        if self.is_retired() {
            return None;
        }
        let day = self.next_hard_day(today)?;
        let days_away = (day - today).num_days();
        (days_away <= HARD_DAYS_AHEAD).then_some(HardDayAhead {
            item: self.meta.id,
            owner: self.owner(),
            day,
            days_away,
        })
    }

    /// Whole days since the item was last looked at, when that is more than
    /// [`LOOK_AGAIN_AFTER_DAYS`]; never for a retired item.
    pub fn days_since_looked_at(&self, now: DateTime<Utc>) -> Option<i64> {
        if self.is_retired() {
            return None;
        }
        let days = (now - self.last_looked_at).num_days();
        (days > LOOK_AGAIN_AFTER_DAYS).then_some(days)
    }

    /// The couple looked at the item together: it counts as looked at now. Either partner may
    /// say so; it changes neither the words nor an agreement.
    pub fn look_at_together(
        &mut self,
        now: DateTime<Utc>,
        device: &Device,
    ) -> Result<(), PlanError> {
        if self.is_retired() {
            return Err(PlanError::PlanItemRetired);
        }
        self.last_looked_at = now.max(self.last_looked_at);
        self.meta.touch(now, device);
        Ok(())
    }
}

impl Journal {
    /// A partner says the couple looked at an item together.
    pub fn look_at_plan_item(
        &mut self,
        id: RecordId,
        by: PartnerId,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        self.require_partner(by)?;
        let device = self.device().clone();
        live_record_mut(&mut self.plan_items, id)?.look_at_together(now, &device)
    }

    /// Plan items in use (neither deleted nor retired), in the order they were made.
    pub fn plan_items_in_use(&self) -> impl Iterator<Item = &PlanItem> {
        self.live_plan_items().filter(|p| !p.is_retired())
    }

    /// Hard dates of items in use that fall today or in the next few days, soonest first.
    pub fn hard_days_ahead(&self, today: NaiveDate) -> Vec<HardDayAhead> {
        let mut ahead: Vec<HardDayAhead> = self
            .plan_items_in_use()
            .filter_map(|p| p.hard_day_ahead(today))
            .collect();
        ahead.sort_by_key(|a| (a.day, a.item));
        ahead
    }

    /// For each partner with an item in use not looked at for more than four weeks, how many
    /// weeks since the oldest look; in the order the partners are listed.
    pub fn plan_looks_due(&self, now: DateTime<Utc>) -> Vec<LookDue> {
        self.partners
            .iter()
            .filter_map(|partner| {
                let days = self
                    .plan_items_in_use()
                    .filter(|p| p.owner() == partner.id)
                    .filter_map(|p| p.days_since_looked_at(now))
                    .max()?;
                Some(LookDue {
                    owner: partner.id,
                    weeks: days / 7,
                })
            })
            .collect()
    }
}
