//! The journal's entries: writing, editing as a window saw them, deleting and restoring.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Journal;
use super::clock::Clock;
use super::entry::{Entry, Stage, Visibility};
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::limits::check_text;
use super::lookup::{live_record_mut, record_mut};
use super::meta::{Extra, insert_sorted, live};

/// What a new entry needs before it is given an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub author: PartnerId,
    pub day: NaiveDate,
    pub stage: Stage,
    pub prompt_id: Option<String>,
    pub prompt: Option<String>,
    pub text: String,
    pub visibility: Visibility,
}

/// New words for an entry, as one window opened it: the entry's clock then (`None` for
/// writing kept from before mend kept it, which is never written over), and the prompt the
/// window showed, for an entry saved beside one deleted meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryEdit {
    pub id: RecordId,
    pub by: PartnerId,
    pub text: String,
    pub visibility: Visibility,
    pub seen: Option<Clock>,
    pub prompt: Option<String>,
}

/// What [`Journal::edit_entry_seen_at`] did with the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The entry holds the new text.
    InPlace,
    /// The entry had changed since it was opened, so it was left as it is and the new text
    /// was saved as this new entry: both texts are kept.
    BesideAChangedEntry(RecordId),
}

impl Journal {
    /// Entries that have not been deleted.
    pub fn live_entries(&self) -> impl Iterator<Item = &Entry> {
        live(&self.entries)
    }

    /// Checks who would write a new entry and for which evening: the rules of
    /// [`Journal::add_entry`] that do not need the text, so a command can check them before
    /// anyone types.
    pub fn check_new_entry(
        &self,
        author: PartnerId,
        day: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        self.require_partner(author)?;
        self.check_day(day, today)
    }

    /// Adds an entry after checking its text, author and day.
    pub fn add_entry(
        &mut self,
        new: NewEntry,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.check_new_entry(new.author, new.day, today)?;
        let text = check_text("entry", &new.text)?;
        let entry = Entry {
            meta: self.new_meta(new.author, now),
            day: new.day,
            stage: new.stage,
            prompt_id: new.prompt_id,
            prompt: new.prompt,
            text,
            visibility: new.visibility,
            earlier_versions: Vec::new(),
            written_over: Vec::new(),
            deleted_before: None,
            shared_since: None,
            extra: Extra::new(),
        };
        let id = entry.meta.id;
        insert_sorted(&mut self.entries, entry);
        Ok(id)
    }

    /// Replaces an entry's text (and visibility), if `by` wrote it, whatever it held. A window
    /// that may race another uses [`Journal::edit_entry_seen_at`] instead.
    pub fn edit_entry(
        &mut self,
        id: RecordId,
        by: PartnerId,
        text: &str,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let text = check_text("entry", text)?;
        let device = self.device().clone();
        let entry = self.own_entry_mut(id, by)?;
        entry.shared_since = match (entry.visibility, visibility) {
            (Visibility::Private, Visibility::Shared) => Some(now),
            (_, Visibility::Private) => None,
            _ => entry.shared_since,
        };
        entry.text = text;
        entry.visibility = visibility;
        entry.note_written_over(&device);
        entry.meta.touch(now, &device);
        Ok(())
    }

    /// Changes an entry as one window saw it. If the entry changed since, by its clock
    /// (another window or laptop saved it, deleted it, or a merge brought another laptop's
    /// words), nothing is overwritten: the new text becomes a new entry beside it, on the
    /// same evening with the same prompt, and the outcome says so.
    pub fn edit_entry_seen_at(
        &mut self,
        edit: EntryEdit,
        now: DateTime<Utc>,
    ) -> Result<Edited, DomainError> {
        let EntryEdit {
            id,
            by,
            text,
            visibility,
            seen,
            prompt,
        } = edit;
        let text = check_text("entry", &text)?;
        let entry = self
            .entries
            .iter()
            .find(|e| e.meta.id == id)
            .ok_or(DomainError::UnknownRecord(id))?;
        if entry.meta.author != by {
            return Err(DomainError::NotYourEntry);
        }
        if seen.as_ref() == Some(&entry.meta.clock) && !entry.meta.deleted {
            self.edit_entry(id, by, &text, visibility, now)?;
            return Ok(Edited::InPlace);
        }
        let beside = Entry {
            meta: self.new_meta(by, now),
            day: entry.day,
            stage: entry.stage,
            prompt_id: entry.prompt_id.clone(),
            // A deleted entry keeps no prompt; the window's is the one it was written to.
            prompt: prompt.or_else(|| entry.prompt.clone()),
            text,
            visibility,
            earlier_versions: Vec::new(),
            written_over: Vec::new(),
            deleted_before: None,
            shared_since: None,
            extra: Extra::new(),
        };
        let new_id = beside.meta.id;
        insert_sorted(&mut self.entries, beside);
        Ok(Edited::BesideAChangedEntry(new_id))
    }

    /// Marks an entry deleted, if `by` wrote it. The tombstone keeps the id and the metadata
    /// (so copies can merge) but not the words: the text and the prompt are cleared.
    ///
    /// Un-deleting (`deleted: false`) only brings back an entry that still has its words;
    /// after a delete, [`Journal::restore_entry`] puts them back.
    pub fn set_entry_deleted(
        &mut self,
        id: RecordId,
        by: PartnerId,
        deleted: bool,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let device = self.device().clone();
        let entry = self.authored_entry_mut(id, by)?;
        if deleted {
            entry.text.clear();
            entry.prompt = None;
            entry.earlier_versions.clear();
        } else if entry.text.trim().is_empty() {
            return Err(DomainError::EmptyText("entry"));
        }
        entry.meta.deleted = deleted;
        entry.note_written_over(&device);
        entry.meta.touch(now, &device);
        Ok(())
    }

    /// Brings back an entry deleted in this session, with the words it had before.
    pub fn restore_entry(
        &mut self,
        id: RecordId,
        by: PartnerId,
        text: &str,
        prompt: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let text = check_text("entry", text)?;
        let device = self.device().clone();
        let entry = self.authored_entry_mut(id, by)?;
        entry.text = text;
        entry.prompt = prompt;
        entry.meta.deleted = false;
        entry.note_written_over(&device);
        entry.meta.touch(now, &device);
        Ok(())
    }

    /// The entry `by` wrote, deleted or not.
    fn authored_entry_mut(
        &mut self,
        id: RecordId,
        by: PartnerId,
    ) -> Result<&mut Entry, DomainError> {
        written_by(record_mut(&mut self.entries, id)?, by)
    }

    /// The live entry `by` wrote.
    fn own_entry_mut(&mut self, id: RecordId, by: PartnerId) -> Result<&mut Entry, DomainError> {
        written_by(live_record_mut(&mut self.entries, id)?, by)
    }
}

/// The entry, if `by` wrote it: only its author may change an entry.
fn written_by(entry: &mut Entry, by: PartnerId) -> Result<&mut Entry, DomainError> {
    if entry.meta.author != by {
        return Err(DomainError::NotYourEntry);
    }
    Ok(entry)
}
