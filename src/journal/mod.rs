//! The journal domain: plain data and its rules, with no I/O and no terminal.

mod change;
mod checkin;
mod day;
mod entry;
mod error;
mod kind_act;
mod meta;
mod moment;
mod partner;
mod promise;
mod range;
mod renumber;
pub mod text;
mod wire;

pub use change::Change;
pub use checkin::{Checkin, Rating, RatingName};
pub use day::{EveningClock, Week, WeekStart, local_time, shift};
pub use entry::{Entry, Stage, Visibility};
pub use error::DomainError;
pub use kind_act::KindAct;
pub use meta::{Extra, Meta, RawJson, Record, RecordId};
pub use partner::{Partner, PartnerId, Role, check_name};
pub use promise::{
    Acknowledgement, Promise, PromiseAction, PromiseSize, PromiseStatus, StatusChange,
};
pub use range::MOST_MONTHS_AHEAD;

use chrono::{DateTime, NaiveDate, Utc};
use moment::Day;
use serde::Serialize;
use wire::deserialize_keeping_unknown;

/// The value of the `format` header field.
pub const FORMAT: &str = "mend-journal";
/// The newest journal format version this build reads and writes.
pub const VERSION: u32 = 1;
/// The largest entry or note text accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// A couple's whole journal: the header, the two partners and every record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Journal {
    pub format: String,
    pub version: u32,
    /// The evening the couple started using mend.
    pub started: NaiveDate,
    pub settings: Settings,
    pub partners: Vec<Partner>,
    pub entries: Vec<Entry>,
    pub checkins: Vec<Checkin>,
    pub promises: Vec<Promise>,
    pub kind_acts: Vec<KindAct>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Journal {
    format: String => required,
    version: u32 => required,
    started: NaiveDate [via Day] => required,
    settings: Settings => default,
    partners: Vec<Partner> => required,
    entries: Vec<Entry> => default,
    checkins: Vec<Checkin> => default,
    promises: Vec<Promise> => default,
    kind_acts: Vec<KindAct> => default,
});

/// Choices the couple makes for their journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// The hour (0-23, local time) at which one evening ends and the next day begins.
    pub day_ends_at: u8,
    pub week_starts: WeekStart,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Settings {
    day_ends_at: u8 => (default = Settings::default_day_ends_at()),
    week_starts: WeekStart => default,
});

impl Settings {
    fn default_day_ends_at() -> u8 {
        4
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            day_ends_at: Self::default_day_ends_at(),
            week_starts: WeekStart::default(),
            extra: Extra::new(),
        }
    }
}

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

/// What a check-in needs before it is given an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCheckin {
    pub author: PartnerId,
    pub day: NaiveDate,
    pub safety: Rating,
    pub trust: Rating,
    pub connection: Rating,
    pub note: Option<String>,
}

/// What a new promise needs before it is given an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPromise {
    pub by: PartnerId,
    pub to: PartnerId,
    pub text: String,
    pub made: NaiveDate,
    pub due: Option<NaiveDate>,
    pub size: Option<PromiseSize>,
}

impl Journal {
    /// A new journal for two partners, started on the evening of `now`.
    pub fn new(
        first: (&str, Option<Role>),
        second: (&str, Option<Role>),
        now: DateTime<Utc>,
        started: NaiveDate,
    ) -> Result<Self, DomainError> {
        let first = Partner::new(first.0, first.1, now)?;
        let second = Partner::new(second.0, second.1, now)?;
        if first.name.to_lowercase() == second.name.to_lowercase() {
            return Err(DomainError::SamePartnerNames(first.name));
        }
        Ok(Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            started,
            settings: Settings::default(),
            partners: vec![first, second],
            entries: Vec::new(),
            checkins: Vec::new(),
            promises: Vec::new(),
            kind_acts: Vec::new(),
            extra: Extra::new(),
        })
    }

    /// The clock that turns a moment into this couple's evening and week.
    pub fn clock(&self) -> EveningClock {
        EveningClock::new(self.settings.day_ends_at, self.settings.week_starts)
    }

    /// Finds a partner by name, ignoring case and surrounding spaces.
    pub fn partner_named(&self, name: &str) -> Result<&Partner, DomainError> {
        let wanted = name.trim().to_lowercase();
        self.partners
            .iter()
            .find(|p| p.name.to_lowercase() == wanted)
            .ok_or_else(|| DomainError::UnknownPartner {
                name: name.trim().to_owned(),
                known: self.partners.iter().map(|p| p.name.clone()).collect(),
            })
    }

    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    /// The partner's display name, or a placeholder for an id this journal does not know.
    pub fn name_of(&self, id: PartnerId) -> &str {
        self.partner(id).map_or("someone", |p| p.name.as_str())
    }

    /// The other partner of the couple.
    pub fn other_partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id != id)
    }

    /// Entries that have not been deleted.
    pub fn live_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.meta.deleted)
    }

    /// Check-ins that have not been deleted.
    pub fn live_checkins(&self) -> impl Iterator<Item = &Checkin> {
        self.checkins.iter().filter(|c| !c.meta.deleted)
    }

    /// Promises that have not been deleted.
    pub fn live_promises(&self) -> impl Iterator<Item = &Promise> {
        self.promises.iter().filter(|p| !p.meta.deleted)
    }

    /// Kind acts that have not been deleted.
    pub fn live_kind_acts(&self) -> impl Iterator<Item = &KindAct> {
        self.kind_acts.iter().filter(|k| !k.meta.deleted)
    }

    fn require_partner(&self, id: PartnerId) -> Result<(), DomainError> {
        match self.partner(id) {
            Some(_) => Ok(()),
            None => Err(DomainError::UnknownPartnerId(id)),
        }
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
            meta: Meta::new(new.author, now),
            day: new.day,
            stage: new.stage,
            prompt_id: new.prompt_id,
            prompt: new.prompt,
            text,
            visibility: new.visibility,
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
        let entry = self.own_entry_mut(id, by)?;
        entry.text = text;
        entry.visibility = visibility;
        entry.meta.touch(now);
        Ok(())
    }

    /// Changes an entry as one window saw it, at revision `seen_rev`. If the entry changed
    /// since (another window or laptop saved it, or deleted it), nothing is overwritten: the
    /// new text becomes a new entry beside it, on the same evening, and the outcome says so.
    pub fn edit_entry_seen_at(
        &mut self,
        id: RecordId,
        by: PartnerId,
        text: &str,
        visibility: Visibility,
        seen_rev: u32,
        now: DateTime<Utc>,
    ) -> Result<Edited, DomainError> {
        let text = check_text("entry", text)?;
        let entry = self
            .entries
            .iter()
            .find(|e| e.meta.id == id)
            .ok_or(DomainError::UnknownRecord(id))?;
        if entry.meta.author != by {
            return Err(DomainError::NotYourEntry);
        }
        if entry.meta.rev == seen_rev && !entry.meta.deleted {
            self.edit_entry(id, by, &text, visibility, now)?;
            return Ok(Edited::InPlace);
        }
        let beside = Entry {
            meta: Meta::new(by, now),
            day: entry.day,
            stage: entry.stage,
            prompt_id: entry.prompt_id.clone(),
            prompt: entry.prompt.clone(),
            text,
            visibility,
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
        let entry = self.authored_entry_mut(id, by)?;
        if deleted {
            entry.text.clear();
            entry.prompt = None;
        } else if entry.text.trim().is_empty() {
            return Err(DomainError::EmptyText("entry"));
        }
        entry.meta.deleted = deleted;
        entry.meta.touch(now);
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
        let entry = self.authored_entry_mut(id, by)?;
        entry.text = text;
        entry.prompt = prompt;
        entry.meta.deleted = false;
        entry.meta.touch(now);
        Ok(())
    }

    /// The entry `by` wrote, deleted or not.
    fn authored_entry_mut(
        &mut self,
        id: RecordId,
        by: PartnerId,
    ) -> Result<&mut Entry, DomainError> {
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.meta.id == id)
            .ok_or(DomainError::UnknownRecord(id))?;
        if entry.meta.author != by {
            return Err(DomainError::NotYourEntry);
        }
        Ok(entry)
    }

    fn own_entry_mut(&mut self, id: RecordId, by: PartnerId) -> Result<&mut Entry, DomainError> {
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.meta.id == id && !e.meta.deleted)
            .ok_or(DomainError::UnknownRecord(id))?;
        if entry.meta.author != by {
            return Err(DomainError::NotYourEntry);
        }
        Ok(entry)
    }

    /// The partner's check-in for an evening, if there is one.
    pub fn checkin_for(&self, author: PartnerId, day: NaiveDate) -> Option<&Checkin> {
        self.live_checkins()
            .find(|c| c.meta.author == author && c.day == day)
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
        if let Some(existing) = self
            .checkins
            .iter_mut()
            .find(|c| !c.meta.deleted && c.meta.author == new.author && c.day == new.day)
        {
            existing.safety = new.safety;
            existing.trust = new.trust;
            existing.connection = new.connection;
            existing.note = note;
            existing.meta.touch(now);
            return Ok((existing.meta.id, true));
        }
        let checkin = Checkin {
            meta: Meta::new(new.author, now),
            day: new.day,
            safety: new.safety,
            trust: new.trust,
            connection: new.connection,
            note,
            extra: Extra::new(),
        };
        let id = checkin.meta.id;
        insert_sorted(&mut self.checkins, checkin);
        Ok((id, false))
    }

    /// Makes a new promise from one partner to the other.
    pub fn add_promise(
        &mut self,
        new: NewPromise,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordId, DomainError> {
        self.require_partner(new.by)?;
        self.require_partner(new.to)?;
        if new.by == new.to {
            return Err(DomainError::PromiseToSelf);
        }
        self.check_day(new.made, today)?;
        let text = check_short_text("promise", &new.text)?;
        if let Some(due) = new.due {
            // Due on or after the evening it was made (tonight, from the CLI and TUI).
            self.check_due(due, new.made)?;
        }
        let promise = Promise::new(
            Meta::new(new.by, now),
            new.to,
            text,
            new.made,
            new.due,
            new.size,
        );
        let id = promise.meta.id;
        insert_sorted(&mut self.promises, promise);
        Ok(id)
    }

    /// Finds the one live promise whose id starts with `prefix` (like a git hash).
    pub fn promise_by_prefix(&self, prefix: &str) -> Result<&Promise, DomainError> {
        find_by_prefix(&self.promises, prefix)
    }

    /// Changes a promise's status. Renegotiating also makes the new promise that replaces it.
    pub fn change_promise(
        &mut self,
        id: RecordId,
        actor: PartnerId,
        action: PromiseAction,
        note: Option<String>,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Option<RecordId>, DomainError> {
        let note = optional_note(note)?;
        let index = self
            .promises
            .iter()
            .position(|p| p.meta.id == id && !p.meta.deleted)
            .ok_or(DomainError::UnknownRecord(id))?;
        let old = &self.promises[index];
        old.check_can_change(actor)?;
        let replacement = match &action {
            PromiseAction::Renegotiate { text, due } => {
                let text = match text {
                    Some(t) => check_short_text("promise", t)?,
                    None => old.text.clone(),
                };
                // A due day that has already passed is not carried into the new promise.
                let due = due.or(old.due.filter(|old_due| *old_due >= today));
                if let Some(due) = due {
                    self.check_due(due, today)?;
                }
                if text == old.text && due == old.due {
                    return Err(DomainError::NothingRenegotiated);
                }
                let mut new =
                    Promise::new(Meta::new(actor, now), old.to, text, today, due, old.size);
                new.renegotiated_from = Some(old.meta.id);
                Some(new)
            }
            _ => None,
        };
        let new_id = replacement.as_ref().map(|p| p.meta.id);
        self.promises[index].apply(action.status(), actor, note, now, new_id)?;
        if let Some(new) = replacement {
            insert_sorted(&mut self.promises, new);
        }
        Ok(new_id)
    }

    /// The receiver notices a kept (or renegotiated) promise.
    pub fn acknowledge_promise(
        &mut self,
        id: RecordId,
        by: PartnerId,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let note = optional_note(note)?;
        let promise = self
            .promises
            .iter_mut()
            .find(|p| p.meta.id == id && !p.meta.deleted)
            .ok_or(DomainError::UnknownRecord(id))?;
        promise.acknowledge(by, note, now)
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
            meta: Meta::new(by, now),
            day,
            text,
            acknowledged: None,
            extra: Extra::new(),
        };
        let id = act.meta.id;
        insert_sorted(&mut self.kind_acts, act);
        Ok(id)
    }

    /// Finds the one live kind act whose id starts with `prefix`.
    pub fn kind_act_by_prefix(&self, prefix: &str) -> Result<&KindAct, DomainError> {
        find_by_prefix(&self.kind_acts, prefix)
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
        let act = self
            .kind_acts
            .iter_mut()
            .find(|k| k.meta.id == id && !k.meta.deleted)
            .ok_or(DomainError::UnknownRecord(id))?;
        act.acknowledge(by, note, now)
    }

    /// Checks the rules a loaded file must follow, returning every problem found; `today`
    /// is tonight, the last evening a record may belong to.
    pub fn problems(&self, today: NaiveDate) -> Vec<String> {
        let mut problems = self.day_problems(today);
        if self.partners.len() != 2 {
            problems.push(format!(
                "the journal has {}; it needs exactly two",
                crate::words::count(self.partners.len(), "partner", "partners")
            ));
        }
        let known = |id: PartnerId| self.partner(id).is_some();
        let metas = self
            .entries
            .iter()
            .map(|e| ("entry", &e.meta))
            .chain(self.checkins.iter().map(|c| ("check-in", &c.meta)))
            .chain(self.promises.iter().map(|p| ("promise", &p.meta)))
            .chain(self.kind_acts.iter().map(|k| ("kind act", &k.meta)));
        let mut seen = std::collections::HashSet::new();
        for (kind, meta) in metas {
            if !known(meta.author) {
                problems.push(format!(
                    "{kind} {} has an unknown author {}",
                    meta.id, meta.author
                ));
            }
            if !seen.insert(meta.id) {
                problems.push(format!("{kind} {} appears more than once", meta.id));
            }
        }
        for c in &self.checkins {
            for (name, rating) in c.ratings() {
                if rating.value() > 10 {
                    problems.push(format!(
                        "check-in {} has {name} {}, outside 0-10",
                        c.meta.id,
                        rating.value()
                    ));
                }
            }
        }
        for p in &self.promises {
            if !known(p.to) {
                problems.push(format!(
                    "promise {} is made to an unknown partner {}",
                    p.meta.id, p.to
                ));
            }
        }
        problems
    }
}

/// The one live record whose id starts with `prefix`.
fn find_by_prefix<'a, T: Record>(records: &'a [T], prefix: &str) -> Result<&'a T, DomainError> {
    let live = || records.iter().filter(|r| r.is_live());
    let id = resolve_prefix(prefix, live().map(Record::id))?;
    live()
        .find(|r| r.id() == id)
        .ok_or(DomainError::UnknownRecord(id))
}

/// Resolves an id prefix (with or without dashes) to exactly one id.
pub fn resolve_prefix(
    prefix: &str,
    ids: impl Iterator<Item = RecordId>,
) -> Result<RecordId, DomainError> {
    let wanted: String = prefix
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_lowercase();
    if wanted.is_empty() || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(DomainError::BadId(prefix.trim().to_owned()));
    }
    let mut found: Vec<RecordId> = ids
        .filter(|id| id.simple().to_string().starts_with(&wanted))
        .collect();
    let copies = found.len();
    found.sort();
    found.dedup();
    match (found.as_slice(), copies) {
        ([id], 1) => Ok(*id),
        // A hand-edited file can hold one id twice; no prefix could ever pick one of them.
        ([id], _) => Err(DomainError::DuplicateId(*id)),
        ([], _) => Err(DomainError::NoSuchId(prefix.trim().to_owned())),
        _ => Err(DomainError::AmbiguousId(prefix.trim().to_owned())),
    }
}

/// Checks a piece of free text: not blank, not over the size limit. Keeps it as written.
fn check_text(what: &'static str, text: &str) -> Result<String, DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::EmptyText(what));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(DomainError::TextTooLong {
            what,
            bytes: text.len(),
        });
    }
    Ok(text.trim_end().to_owned())
}

/// Like `check_text`, for one-line texts such as promises: surrounding space trimmed.
fn check_short_text(what: &'static str, text: &str) -> Result<String, DomainError> {
    check_text(what, text.trim())
}

fn optional_note(note: Option<String>) -> Result<Option<String>, DomainError> {
    match note {
        Some(n) if !n.trim().is_empty() => Ok(Some(check_short_text("note", &n)?)),
        _ => Ok(None),
    }
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

/// Inserts a record keeping the list sorted by id (UUIDv7 ids sort by creation time).
fn insert_sorted<T: Record>(list: &mut Vec<T>, item: T) {
    let key = item.id();
    let at = list.partition_point(|x| x.id() < key);
    list.insert(at, item);
}

/// Sorts every record list by id, as the file format asks.
pub(crate) fn sort_records(journal: &mut Journal) {
    journal.entries.sort_by_key(|e| e.meta.id);
    journal.checkins.sort_by_key(|c| c.meta.id);
    journal.promises.sort_by_key(|p| p.meta.id);
    journal.kind_acts.sort_by_key(|k| k.meta.id);
}

impl Journal {
    /// Puts records in the file's canonical order (by id).
    pub fn normalize(&mut self) {
        sort_records(self);
    }
}

#[cfg(test)]
mod tests;
