//! The consistency calendar: which evenings each partner checked in or shared writing.
//!
//! It marks days, nothing more: no runs of days are counted, so a missed evening costs nothing.

use chrono::NaiveDate;

/// What one partner did on one evening.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayMark {
    pub checked_in: bool,
    /// Wrote at least one shared entry (private entries are never marked).
    pub wrote: bool,
}

impl DayMark {
    /// Whether the partner did anything that evening.
    pub fn any(&self) -> bool {
        self.checked_in || self.wrote
    }
}

/// One evening of the calendar for both partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// In the order of `Progress::partners`.
    pub by_partner: [DayMark; 2],
}
