//! Healing figures: check-in means for a week, against the four weeks before.

use crate::journal::{Checkin, RatingName, Week};

/// How many weeks before the chosen one a trend compares against.
pub const COMPARISON_WEEKS: u32 = 4;

/// The sums of one partner's check-ins over some weeks, from which means are taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckinTotals {
    /// How many check-ins were summed.
    pub count: u32,
    safety: u32,
    trust: u32,
    connection: u32,
}

impl CheckinTotals {
    pub(super) fn add(&mut self, checkin: &Checkin) {
        self.count += 1;
        self.safety += u32::from(checkin.safety.value());
        self.trust += u32::from(checkin.trust.value());
        self.connection += u32::from(checkin.connection.value());
    }

    pub(super) fn merge(&mut self, other: &CheckinTotals) {
        self.count += other.count;
        self.safety += other.safety;
        self.trust += other.trust;
        self.connection += other.connection;
    }

    /// The mean of one rating over these check-ins, or `None` when there were none.
    pub fn mean(&self, name: RatingName) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        let sum = match name {
            RatingName::Safety => self.safety,
            RatingName::Trust => self.trust,
            RatingName::Connection => self.connection,
        };
        Some(f64::from(sum) / f64::from(self.count))
    }
}

/// One partner's check-ins in a week and in the four weeks before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Healing {
    pub week: Week,
    pub this_week: CheckinTotals,
    /// All check-ins of the four weeks before `week`, pooled: their means are the mean of
    /// every check-in in those weeks, not the mean of four weekly means, so a week with
    /// seven check-ins weighs more than a week with one.
    pub last_four_weeks: CheckinTotals,
    /// Whether this partner checked in at all before `week` (even more than four weeks back).
    pub checked_in_before: bool,
}

impl Healing {
    /// How one rating moved this week.
    pub fn trend(&self, name: RatingName) -> RatingTrend {
        RatingTrend {
            name,
            this_week: self.this_week.mean(name),
            last_four_weeks: self.last_four_weeks.mean(name),
            checked_in_before: self.checked_in_before,
        }
    }

    /// Safety, trust and connection, in that order.
    pub fn trends(&self) -> [RatingTrend; 3] {
        RatingName::ALL.map(|name| self.trend(name))
    }
}

/// One rating this week next to the four weeks before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatingTrend {
    pub name: RatingName,
    /// This week's mean, `None` without a check-in this week.
    pub this_week: Option<f64>,
    /// The mean of every check-in in the four weeks before, `None` without any.
    pub last_four_weeks: Option<f64>,
    /// Whether there were check-ins in any week before this one.
    pub checked_in_before: bool,
}

/// The trend in words (`describe`, `change_in_words`, `describe_briefly`) is in `words.rs`.
impl RatingTrend {
    /// This week's mean minus the last four weeks' mean, when both exist.
    pub fn change(&self) -> Option<f64> {
        Some(self.this_week? - self.last_four_weeks?)
    }
}

/// One week's mean of one rating, for a chart or a sparkline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekMean {
    pub week: Week,
    /// `None` when the partner did not check in that week.
    pub mean: Option<f64>,
}
