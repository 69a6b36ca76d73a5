//! The journal's pauses: asking for one, and the ones that still hold.

use chrono::{DateTime, FixedOffset, NaiveTime, Utc};

use super::book::Journal;
use super::ids::{PartnerId, RecordId};
use super::meta::{Extra, insert_sorted, live};
use super::pause::{MOST_PAUSE_NOTE_CHARS, Pause, pause_ends};
use super::plan_error::{PlanError, optional_words};

impl Journal {
    /// Pauses that have not been deleted.
    pub fn live_pauses(&self) -> impl Iterator<Item = &Pause> {
        live(&self.pauses)
    }

    /// Pauses that still hold at `now`, soonest to end first.
    pub fn active_pauses(&self, now: DateTime<Utc>) -> Vec<&Pause> {
        let mut active: Vec<&Pause> = self.live_pauses().filter(|p| p.is_active(now)).collect();
        active.sort_by_key(|p| (p.until, p.meta.id));
        active
    }

    /// A partner asks for a pause until `at` this evening (or tomorrow, if `at` has passed).
    pub fn ask_for_pause(
        &mut self,
        by: PartnerId,
        at: NaiveTime,
        note: Option<String>,
        now: DateTime<FixedOffset>,
    ) -> Result<RecordId, PlanError> {
        self.ask_for_pause_until(by, pause_ends(now, at), note, now.with_timezone(&Utc))
    }

    /// A partner asks for a pause that holds until `until`.
    pub fn ask_for_pause_until(
        &mut self,
        by: PartnerId,
        until: DateTime<Utc>,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<RecordId, PlanError> {
        self.require_partner(by)?;
        let note = optional_words("pause note", note, MOST_PAUSE_NOTE_CHARS)?;
        let pause = Pause {
            meta: self.new_meta(by, now),
            until,
            note,
            extra: Extra::new(),
        };
        let id = pause.meta.id;
        insert_sorted(&mut self.pauses, pause);
        Ok(id)
    }
}
