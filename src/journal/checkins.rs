//! The journal's check-ins: one per partner per evening, replaced when given again.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::checkin::{Checkin, Rating};
use super::clock::Clock;
use super::entry::Visibility;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::limits::check_text;
use super::meta::{Extra, insert_sorted, live};

/// What a check-in needs before it is given an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCheckin {
    pub author: PartnerId,
    pub day: NaiveDate,
    pub safety: Rating,
    pub trust: Rating,
    pub connection: Rating,
    pub note: Option<String>,
    /// Who may read the note; the ratings are always shared.
    pub note_visibility: Visibility,
}

impl Journal {
    /// Check-ins that have not been deleted.
    pub fn live_checkins(&self) -> impl Iterator<Item = &Checkin> {
        live(&self.checkins)
    }

    /// The partner's check-in for an evening, if there is one.
    pub fn checkin_for(&self, author: PartnerId, day: NaiveDate) -> Option<&Checkin> {
        self.live_checkins()
            .find(|c| c.meta.author == author && c.day == day)
    }

    /// Refuses a check-in form's save when the evening's check-in is not the one the form
    /// opened (`seen`, its clock then; none when there was none): it was saved elsewhere
    /// meanwhile, and the form never showed that.
    pub fn check_checkin_seen(
        &self,
        author: PartnerId,
        day: NaiveDate,
        seen: Option<&Clock>,
    ) -> Result<(), DomainError> {
        let now = self.checkin_for(author, day).map(|c| &c.meta.clock);
        match now == seen {
            true => Ok(()),
            false => Err(DomainError::ChangedMeanwhile("This evening's check-in")),
        }
    }

    /// Adds the partner's check-in for the evening, or replaces the one already there.
    pub fn upsert_checkin(
        &mut self,
        new: NewCheckin,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(RecordId, bool), DomainError> {
        self.require_partner(new.author)?;
        self.check_day(new.day, today)?;
        let note = match new.note.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(note) => Some(check_text("check-in note", note)?),
        };
        let device = self.device().clone();
        if let Some(existing) = self
            .checkins
            .iter_mut()
            .find(|c| !c.meta.deleted && c.meta.author == new.author && c.day == new.day)
        {
            existing.safety = new.safety;
            existing.trust = new.trust;
            existing.connection = new.connection;
            existing.note = note;
            existing.note_visibility = new.note_visibility;
            existing.meta.touch(now, &device);
            return Ok((existing.meta.id, true));
        }
        let checkin = Checkin {
            meta: self.new_meta(new.author, now),
            day: new.day,
            safety: new.safety,
            trust: new.trust,
            connection: new.connection,
            sealed_ratings: None,
            note,
            note_visibility: new.note_visibility,
            extra: Extra::new(),
        };
        let id = checkin.meta.id;
        insert_sorted(&mut self.checkins, checkin);
        Ok((id, false))
    }
}
