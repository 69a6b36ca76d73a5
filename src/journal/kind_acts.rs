//! The journal's kind acts: logging one (by the one who did it, or by the one it was done
//! for), and the other partner noticing it.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::kind_act::KindAct;
use super::limits::{check_short_text, optional_note};
use super::lookup::live_record_mut;
use super::meta::{Extra, insert_sorted, live};
use super::promise::Acknowledgement;

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
        self.insert_kind_act(by, None, text, day, now, today)
    }

    /// Logs, as `receiver`, something kind the other partner (`doer`) did for them: "you did
    /// this for me". It is the doer's kind act, and it counts as noticed by the receiver.
    pub fn add_kind_act_received(
        &mut self,
        receiver: PartnerId,
        doer: PartnerId,
        text: &str,
        day: NaiveDate,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.check_can_receive(receiver, doer)?;
        self.insert_kind_act(receiver, Some(doer), text, day, now, today)
    }

    /// Whether `receiver` may log a kindness done for them by `doer`: both partners of this
    /// journal, and not the same one.
    pub fn check_can_receive(
        &self,
        receiver: PartnerId,
        doer: PartnerId,
    ) -> Result<(), DomainError> {
        self.require_partner(receiver)?;
        self.require_partner(doer)?;
        if doer == receiver {
            return Err(DomainError::KindnessFromSelf);
        }
        Ok(())
    }

    fn insert_kind_act(
        &mut self,
        author: PartnerId,
        done_by: Option<PartnerId>,
        text: &str,
        day: NaiveDate,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.check_day(day, today)?;
        let text = check_short_text("kind act", text)?;
        let act = KindAct {
            meta: self.new_meta(author, now),
            day,
            text,
            done_by,
            // The one it was done for wrote it down: that is noticing it.
            acknowledged: done_by.map(|_| Acknowledgement::new(author, now, None)),
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
        let device = self.device().clone();
        live_record_mut(&mut self.kind_acts, id)?.acknowledge(by, note, now, &device)
    }
}
