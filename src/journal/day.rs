//! The evening's day (late nights count as the evening before) and the week it falls in.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc,
    Weekday,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The day a couple's week begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    /// ISO 8601 weeks.
    #[default]
    Monday,
    Sunday,
}

/// Turns local times into evenings, and evenings into weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EveningClock {
    day_ends_at: u8,
    week_starts: WeekStart,
}

impl EveningClock {
    pub fn new(day_ends_at: u8, week_starts: WeekStart) -> Self {
        Self {
            day_ends_at: day_ends_at.min(23),
            week_starts,
        }
    }

    /// The evening a local moment belongs to: before the day's end hour, it is still the evening before.
    pub fn evening_of(&self, local: NaiveDateTime) -> NaiveDate {
        let date = local.date();
        if local.hour() < u32::from(self.day_ends_at) {
            date.pred_opt().unwrap_or(date)
        } else {
            date
        }
    }

    /// The evening a stored moment (UTC) belongs to, read as local time in `zone`.
    ///
    /// The app passes `chrono::Local` (or the offset `MEND_NOW` fixes); tests pass `Utc`.
    pub fn evening_at<Tz: TimeZone>(&self, at: DateTime<Utc>, zone: &Tz) -> NaiveDate {
        self.evening_of(local_time(at, zone))
    }

    /// The week an evening falls in.
    pub fn week_of(&self, day: NaiveDate) -> Week {
        let back = match self.week_starts {
            WeekStart::Monday => day.weekday().num_days_from_monday(),
            WeekStart::Sunday => day.weekday().num_days_from_sunday(),
        };
        Week {
            start: shift(day, -i64::from(back)),
        }
    }
}

/// The wall-clock time in `zone` of a stored moment. A moment at the very ends of the
/// calendar (from a hand-edited file) whose local time would fall outside it is read in
/// UTC instead, where `with_timezone` would panic.
pub fn local_time<Tz: TimeZone>(at: DateTime<Utc>, zone: &Tz) -> NaiveDateTime {
    let utc = at.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc).fix();
    utc.checked_add_offset(offset).unwrap_or(utc)
}

/// `day` moved by `days`, stopping at the first or last day the calendar holds.
///
/// Every day and week sum goes through here, so a day from a hand-edited file (year
/// -262143, say) can be shown and summed without overflowing.
pub fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    let moved = Duration::try_days(days).and_then(|d| day.checked_add_signed(d));
    moved.unwrap_or(if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Seven evenings, named by the ISO week of their Thursday (e.g. 2026-W48).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Week {
    start: NaiveDate,
}

impl Week {
    /// The ISO week (Monday first) with this label, like `2026-W05`.
    pub fn parse_iso(text: &str) -> Option<Week> {
        let (year, week) = text.trim().split_once(['-'])?;
        let week = week.strip_prefix(['W', 'w'])?;
        if week.len() != 2 {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let week: u32 = week.parse().ok()?;
        let start = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        Some(Week { start })
    }

    /// The ISO week holding `day`.
    pub fn iso_containing(day: NaiveDate) -> Week {
        EveningClock::new(0, WeekStart::Monday).week_of(day)
    }

    pub fn start(self) -> NaiveDate {
        self.start
    }

    pub fn end(self) -> NaiveDate {
        shift(self.start, 6)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        day >= self.start && day <= self.end()
    }

    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        (0..7).map(move |i| shift(self.start, i))
    }

    pub fn previous(self) -> Week {
        Week {
            start: shift(self.start, -7),
        }
    }

    /// The week `count` weeks before this one.
    pub fn weeks_back(self, count: u32) -> Week {
        Week {
            start: shift(self.start, -7 * i64::from(count)),
        }
    }

    pub fn next(self) -> Week {
        Week {
            start: shift(self.start, 7),
        }
    }

    /// The ISO label of the week, named by its Thursday (or the Thursday after a Sunday start).
    fn iso_week(self) -> chrono::IsoWeek {
        let monday_based = if self.start.weekday() == Weekday::Sun {
            shift(self.start, 1)
        } else {
            self.start
        };
        shift(monday_based, 3).iso_week()
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let iso = self.iso_week();
        write!(f, "{}-W{:02}", iso.year(), iso.week())
    }
}
