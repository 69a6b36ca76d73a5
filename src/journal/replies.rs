//! The journal's replies: who may answer which entry, and the replies an entry has.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::clock::Clock;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::lookup::resolve_prefix;
use super::meta::{Extra, insert_sorted, live};
use super::plan_error::{PlanError, optional_words};
use super::reply::{MOST_REPLY_CHARS, Reply};
use super::sight::Reader;

impl Journal {
    /// Replies that have not been deleted.
    pub fn live_replies(&self) -> impl Iterator<Item = &Reply> {
        live(&self.replies)
    }

    /// The replies to one entry, oldest first.
    pub fn replies_to(&self, entry: RecordId) -> Vec<&Reply> {
        let mut replies: Vec<&Reply> = self.live_replies().filter(|r| r.entry == entry).collect();
        replies.sort_by_key(|r| (r.meta.created, r.meta.id));
        replies
    }

    /// Whether `by` may answer the entry `entry` on the evening `today`: only the other
    /// partner, only a shared entry, and only once its words have opened to them.
    pub fn check_can_reply(
        &self,
        entry: RecordId,
        by: PartnerId,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        self.require_partner(by)?;
        let entry = self
            .live_entries()
            .find(|e| e.meta.id == entry)
            .ok_or(DomainError::UnknownRecord(entry))?;
        if entry.meta.author == by {
            return Err(DomainError::ReplyToOwnEntry);
        }
        if !entry.is_shared() {
            // Said as "not in the journal": a private entry's existence is not told.
            return Err(DomainError::UnknownRecord(entry.meta.id));
        }
        if !self.can_read(entry, Reader::Partner(by), today) {
            return Err(DomainError::ReplyBeforeReveal);
        }
        Ok(())
    }

    /// Answers the other partner's shared entry: "I read this", with a few words or none.
    /// Answering the same entry again replaces the earlier words.
    /// Refuses a reply form's save when the partner's reply to `entry` is not the one the
    /// form opened (`seen`, its clock then; none when there was none).
    pub fn check_reply_seen(
        &self,
        entry: RecordId,
        by: PartnerId,
        seen: Option<&Clock>,
    ) -> Result<(), DomainError> {
        let now = (self.live_replies())
            .find(|r| r.entry == entry && r.meta.author == by)
            .map(|r| &r.meta.clock);
        match now == seen {
            true => Ok(()),
            false => Err(DomainError::ChangedMeanwhile("Your reply to this entry")),
        }
    }

    pub fn reply_to_entry(
        &mut self,
        entry: RecordId,
        by: PartnerId,
        text: Option<String>,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, PlanError> {
        self.check_can_reply(entry, by, today)?;
        let text = optional_words("reply", text, MOST_REPLY_CHARS)?;
        let device = self.device().clone();
        if let Some(earlier) = self
            .replies
            .iter_mut()
            .find(|r| r.entry == entry && r.meta.author == by && !r.meta.deleted)
        {
            earlier.text = text;
            earlier.meta.touch(now, &device);
            return Ok(earlier.meta.id);
        }
        let reply = Reply {
            meta: self.new_meta(by, now),
            entry,
            text,
            extra: Extra::new(),
        };
        let id = reply.meta.id;
        insert_sorted(&mut self.replies, reply);
        Ok(id)
    }

    /// Finds the one entry whose id starts with `prefix` among those `reader` may know of:
    /// their own and every shared one (tonight's waiting ones are announced anyway). Another's
    /// private entry is not found, so its existence is not told.
    pub fn known_entry_by_prefix(
        &self,
        prefix: &str,
        reader: PartnerId,
    ) -> Result<RecordId, DomainError> {
        let known = self
            .live_entries()
            .filter(|e| e.is_shared() || e.meta.author == reader)
            .map(|e| e.meta.id);
        resolve_prefix(prefix, known)
    }
}
