//! The journal's kind acts: logging one, and the other partner noticing it.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::kind_act::KindAct;
use super::limits::{check_short_text, optional_note};
use super::lookup::live_record_mut;
use super::meta::{Extra, insert_sorted, live};

impl Journal {
    /// Kind acts that have not been deleted.
    pub fn live_kind_acts(&self) -> impl Iterator<Item = &KindAct> {
        live(&self.kind_acts)
    }

    /// Logs something kind a partner did without being asked.
    pub fn add_kind_act(
        &mut self,
        by: PartnerId,
        text: &str,
        day: NaiveDate,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.require_partner(by)?;
        self.check_day(day, today)?;
        let text = check_short_text("kind act", text)?;
        let act = KindAct {
            meta: self.new_meta(by, now),
            day,
            text,
            acknowledged: None,
            extra: Extra::new(),
        };
        let id = act.meta.id;
        insert_sorted(&mut self.kind_acts, act);
        Ok(id)
    }

    /// The other partner notices a kind act.
    pub fn acknowledge_kind_act(
        &mut self,
        id: RecordId,
        by: PartnerId,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let note = optional_note(note)?;
        live_record_mut(&mut self.kind_acts, id)?.acknowledge(by, note, now)
    }
}
