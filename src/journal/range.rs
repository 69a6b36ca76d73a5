//! The one rule for which days belong to a journal: from the evening it started to tonight,
//! and due days from tonight up to ten years ahead.

use chrono::{Months, NaiveDate};

use super::book::Journal;
use super::day::Week;
use super::error::DomainError;

/// How far ahead a promise may be due.
pub const MOST_MONTHS_AHEAD: u32 = 120;

impl Journal {
    /// The first evening of the journal and tonight. A `started` after tonight (a hand-edited
    /// file, a clock set back) counts from tonight, so the range is never empty.
    pub fn day_range(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        (self.started.min(today), today)
    }

    /// The journal's first and last week: the weeks of its first evening and of tonight.
    pub fn week_range(&self, today: NaiveDate) -> (Week, Week) {
        let (first, last) = self.day_range(today);
        let clock = self.clock();
        (clock.week_of(first), clock.week_of(last))
    }

    /// Refuses an evening before the journal started or after tonight.
    pub fn check_day(&self, day: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        let (first, last) = self.day_range(today);
        if day > last {
            return Err(DomainError::FutureDay { day, today });
        }
        if day < first {
            return Err(DomainError::DayBeforeStart {
                day,
                started: first,
            });
        }
        Ok(())
    }

    /// Refuses a due day before the evening the promise is made (tonight, for the CLI and
    /// the TUI) or more than ten years after it.
    pub fn check_due(&self, due: NaiveDate, made: NaiveDate) -> Result<(), DomainError> {
        if due < made {
            return Err(DomainError::DueBeforeMade { due, made });
        }
        let latest = latest_due(made);
        if due > latest {
            return Err(DomainError::DueTooFar { due, latest });
        }
        Ok(())
    }

    /// Refuses a week that holds none of the journal's evenings.
    pub fn check_week(&self, week: Week, today: NaiveDate) -> Result<(), DomainError> {
        let (first, last) = self.week_range(today);
        if week < first || week > last {
            return Err(DomainError::WeekOutsideJournal {
                week: week.to_string(),
                first: first.to_string(),
                last: last.to_string(),
            });
        }
        Ok(())
    }

    /// Every record day in the file outside the range the CLI and TUI accept, named by the
    /// record's kind, id and field: `"entry 0193… has day 1900-01-01, …"`.
    pub fn day_problems(&self, today: NaiveDate) -> Vec<String> {
        let (first, last) = self.day_range(today);
        let mut problems = Vec::new();
        if self.started > today {
            problems.push(format!(
                "the journal's started day {} is after tonight ({today})",
                self.started
            ));
        }
        let mut evening = |kind: &str, id, field: &str, day: NaiveDate| {
            if day < first || day > last {
                problems.push(format!(
                    "{kind} {id} has {field} {day}, outside the journal ({first} to {last})"
                ));
            }
        };
        for e in &self.entries {
            evening("entry", e.meta.id, "day", e.day);
        }
        for c in &self.checkins {
            evening("check-in", c.meta.id, "day", c.day);
        }
        for k in &self.kind_acts {
            evening("kind act", k.meta.id, "day", k.day);
        }
        for p in &self.promises {
            evening("promise", p.meta.id, "made", p.made);
        }
        let latest = latest_due(today);
        for p in &self.promises {
            if let Some(due) = p.due.filter(|due| *due < p.made || *due > latest) {
                problems.push(format!(
                    "promise {} has due {due}, outside its range ({} to {latest})",
                    p.meta.id, p.made
                ));
            }
        }
        problems
    }
}

/// The latest due day a promise made tonight may have.
pub(crate) fn latest_due(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(Months::new(MOST_MONTHS_AHEAD))
        .unwrap_or(NaiveDate::MAX)
}
