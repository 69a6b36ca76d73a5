//! `--week 2026-W48`: the couple's own week that carries an ISO week's label, in this journal.

use anyhow::Result;

use super::context::check_flag;
use super::usage_error::usage;
use crate::journal::{Journal, Week};

/// The couple's week labelled `text` (an ISO week such as 2026-W48; on Sunday weeks it
/// starts a day before the ISO one), checked to be within the journal as of `today`.
pub fn couples_week(journal: &Journal, text: &str, today: chrono::NaiveDate) -> Result<Week> {
    let iso = Week::parse_iso(text).ok_or_else(|| {
        usage(format!(
            "\"{text}\" is not an ISO week; use the form 2026-W48 (weeks 01 to 52, or 53 in a long year)."
        ))
    })?;
    let week = journal.clock().week_of(iso.start());
    check_flag("--week", journal.check_week(week, today))?;
    Ok(week)
}

/// The week a command shows when none is asked for: the last complete week, or in a journal
/// begun this week, which has none, this week so far.
pub fn default_week(journal: &Journal, today: chrono::NaiveDate) -> Week {
    let this_week = journal.clock().week_of(today);
    let last = this_week.previous();
    match journal.check_week(last, today) {
        Ok(()) => last,
        Err(_) => this_week,
    }
}
