//! Answers revealed once both have written: which entries a reader may read, and which wait.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::HashMap;

use super::book::Journal;
use super::day::local_time;
use super::entry::Entry;
use super::ids::PartnerId;
use super::sight::{Reader, Sight};

impl Journal {
    /// What `reader` may see of `entry` at `now`.
    ///
    /// Its author always reads it. A private entry is hidden from everyone else. A shared entry
    /// of an evening that is over is open; one of tonight is open once the reader has written an
    /// entry of their own that evening, or at once if the couple chose so. An entry changed
    /// after it opened to the reader says when.
    pub fn sight(&self, entry: &Entry, reader: Reader, now: DateTime<FixedOffset>) -> Sight {
        self.sight_from(&Scan(self), entry, reader, now)
    }

    /// When each partner first wrote on each evening, worked out once, for
    /// [`Journal::sight_with`]: seeing every entry costs one pass over the journal rather than
    /// one per entry.
    pub fn first_written(&self) -> FirstWritten {
        let mut first = FirstWritten::default();
        for e in self.live_entries() {
            let key = (e.meta.author, e.day);
            let earliest = |at: &mut DateTime<Utc>| *at = (*at).min(e.meta.created);
            first
                .any
                .entry(key)
                .and_modify(earliest)
                .or_insert(e.meta.created);
            if e.is_shared() {
                first
                    .shared
                    .entry(key)
                    .and_modify(earliest)
                    .or_insert(e.meta.created);
            }
        }
        first
    }

    /// [`Journal::sight`], with the evenings' first entries worked out beforehand by
    /// [`Journal::first_written`] on this same journal.
    pub fn sight_with(
        &self,
        first: &FirstWritten,
        entry: &Entry,
        reader: Reader,
        now: DateTime<FixedOffset>,
    ) -> Sight {
        self.sight_from(first, entry, reader, now)
    }

    fn sight_from(
        &self,
        first: &dyn FirstLookup,
        entry: &Entry,
        reader: Reader,
        now: DateTime<FixedOffset>,
    ) -> Sight {
        if reader == Reader::Partner(entry.meta.author) {
            return Sight::Open { edited: None };
        }
        if !entry.is_shared() {
            return Sight::Hidden;
        }
        let clock = self.clock();
        let evening_of = |at: DateTime<Utc>| clock.evening_of(local_time(at, now.offset()));
        if !self.can_read_from(first, entry, reader, evening_of(now.to_utc())) {
            return Sight::Waiting;
        }
        let opened = match self.opens_at_once(entry.day) {
            true => Some(entry.meta.created),
            false => self
                .first_written_by_reader(first, entry, reader)
                .map(|at| at.max(entry.meta.created)),
        };
        let updated = entry.meta.updated;
        // Made shared later, it first showed to the reader then, whatever it was before.
        let since = entry.shared_since;
        let edited = match opened {
            Some(at) => updated > since.map_or(at, |since| at.max(since)),
            // It opened when its evening ended.
            None => evening_of(updated) > entry.day && since.is_none_or(|since| updated > since),
        };
        Sight::Open {
            edited: edited.then_some(updated),
        }
    }

    /// Whether `reader` may read `entry` on the evening `today`: the rule of [`Journal::sight`]
    /// without the edit mark.
    pub fn can_read(&self, entry: &Entry, reader: Reader, today: NaiveDate) -> bool {
        self.can_read_from(&Scan(self), entry, reader, today)
    }

    fn can_read_from(
        &self,
        first: &dyn FirstLookup,
        entry: &Entry,
        reader: Reader,
        today: NaiveDate,
    ) -> bool {
        if reader == Reader::Partner(entry.meta.author) {
            return true;
        }
        entry.is_shared()
            && (self.opens_at_once(entry.day)
                || entry.day < today
                || self.first_written_by_reader(first, entry, reader).is_some())
    }

    /// Who wrote the shared entries `reader` cannot read yet tonight, for a kind line ("Sam has
    /// written; their words open when you write yours"). Never their words.
    pub fn waiting_authors(&self, reader: Reader, now: DateTime<FixedOffset>) -> Vec<PartnerId> {
        let first = self.first_written();
        let mut authors: Vec<PartnerId> = self
            .live_entries()
            .filter(|e| self.sight_with(&first, e, reader, now) == Sight::Waiting)
            .map(|e| e.meta.author)
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// When the reader first wrote on the entry's evening; with both reading, when the later of
    /// the partners other than its author did. None if a reader has not written that evening.
    fn first_written_by_reader(
        &self,
        first_of: &dyn FirstLookup,
        entry: &Entry,
        reader: Reader,
    ) -> Option<DateTime<Utc>> {
        // A partner reading alone knows what they wrote, so any entry of theirs counts. Two
        // reading together count only shared entries: a private one must not open anything,
        // or its existence would show.
        let (readers, only_shared): (Vec<PartnerId>, bool) = match reader {
            Reader::Partner(id) => (vec![id], false),
            Reader::Both => (
                self.partners
                    .iter()
                    .map(|p| p.id)
                    .filter(|id| *id != entry.meta.author)
                    .collect(),
                true,
            ),
        };
        let mut latest: Option<DateTime<Utc>> = None;
        for id in readers {
            let first = first_of.first(id, entry.day, only_shared)?;
            latest = Some(latest.map_or(first, |l| l.max(first)));
        }
        latest
    }
}

/// When each partner first wrote on each evening (see [`Journal::first_written`]).
#[derive(Debug, Clone, Default)]
pub struct FirstWritten {
    any: HashMap<(PartnerId, NaiveDate), DateTime<Utc>>,
    shared: HashMap<(PartnerId, NaiveDate), DateTime<Utc>>,
}

/// When `id` first wrote an entry (a shared one, if `only_shared`) on the evening `day`.
trait FirstLookup {
    fn first(&self, id: PartnerId, day: NaiveDate, only_shared: bool) -> Option<DateTime<Utc>>;
}

impl FirstLookup for FirstWritten {
    fn first(&self, id: PartnerId, day: NaiveDate, only_shared: bool) -> Option<DateTime<Utc>> {
        let map = if only_shared { &self.shared } else { &self.any };
        map.get(&(id, day)).copied()
    }
}

/// The lookup for one entry: a pass over the journal.
struct Scan<'a>(&'a Journal);

impl FirstLookup for Scan<'_> {
    fn first(&self, id: PartnerId, day: NaiveDate, only_shared: bool) -> Option<DateTime<Utc>> {
        self.0
            .live_entries()
            .filter(|e| e.meta.author == id && e.day == day)
            .filter(|e| e.is_shared() || !only_shared)
            .map(|e| e.meta.created)
            .min()
    }
}
