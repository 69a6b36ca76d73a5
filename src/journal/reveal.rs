//! Answers revealed once both have written: which entries a reader may read, and which wait.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use super::book::Journal;
use super::day::local_time;
use super::entry::Entry;
use super::ids::PartnerId;

/// When a partner's shared words for an evening open to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reveal {
    /// Once the other has written their own entry that evening, or when the evening is over.
    #[default]
    AfterBoth,
    /// As soon as they are saved.
    AtOnce,
}

impl Reveal {
    pub fn as_str(self) -> &'static str {
        match self {
            Reveal::AfterBoth => "after-both",
            Reveal::AtOnce => "at-once",
        }
    }

    /// Reads `after-both` or `at-once` (with `_` or `-`, any case).
    pub fn parse(text: &str) -> Option<Reveal> {
        match text.trim().to_lowercase().replace('_', "-").as_str() {
            "after-both" => Some(Reveal::AfterBoth),
            "at-once" => Some(Reveal::AtOnce),
            _ => None,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Reveal::default()
    }
}

/// Who is reading: one partner on their own, or both at one screen (and every export).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Partner(PartnerId),
    Both,
}

/// What a reader may see of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// The reader may read it. `edited` is when its author last changed it, if that was after
    /// the reader could first read it.
    Open { edited: Option<DateTime<Utc>> },
    /// A shared entry of tonight that opens once the reader has written their own (with two
    /// readers, once both have), or when the evening is over. Its words are not shown.
    Waiting,
    /// A private entry of the other partner: it is not shown, not counted, not mentioned.
    Hidden,
}

impl Sight {
    pub fn is_open(self) -> bool {
        matches!(self, Sight::Open { .. })
    }
}

impl Journal {
    /// What `reader` may see of `entry` at `now`.
    ///
    /// Its author always reads it. A private entry is hidden from everyone else. A shared entry
    /// of an evening that is over is open; one of tonight is open once the reader has written an
    /// entry of their own that evening, or at once if the couple chose so. An entry changed
    /// after it opened to the reader says when.
    pub fn sight(&self, entry: &Entry, reader: Reader, now: DateTime<FixedOffset>) -> Sight {
        if reader == Reader::Partner(entry.meta.author) {
            return Sight::Open { edited: None };
        }
        if !entry.is_shared() {
            return Sight::Hidden;
        }
        let clock = self.clock();
        let evening_of = |at: DateTime<Utc>| clock.evening_of(local_time(at, now.offset()));
        let opened = match self.settings.reveal {
            Reveal::AtOnce => Some(entry.meta.created),
            Reveal::AfterBoth => self
                .first_written_by_reader(entry, reader)
                .map(|at| at.max(entry.meta.created)),
        };
        if opened.is_none() && entry.day >= evening_of(now.to_utc()) {
            return Sight::Waiting;
        }
        let updated = entry.meta.updated;
        let edited = match opened {
            Some(at) => updated > at,
            // It opened when its evening ended.
            None => evening_of(updated) > entry.day,
        };
        Sight::Open {
            edited: edited.then_some(updated),
        }
    }

    /// Who wrote the shared entries `reader` cannot read yet tonight, for a kind line ("Sam has
    /// written; their words open when you write yours"). Never their words.
    pub fn waiting_authors(&self, reader: Reader, now: DateTime<FixedOffset>) -> Vec<PartnerId> {
        let mut authors: Vec<PartnerId> = self
            .live_entries()
            .filter(|e| self.sight(e, reader, now) == Sight::Waiting)
            .map(|e| e.meta.author)
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// When the reader first wrote on the entry's evening; with both reading, when the later of
    /// the partners other than its author did. None if a reader has not written that evening.
    fn first_written_by_reader(&self, entry: &Entry, reader: Reader) -> Option<DateTime<Utc>> {
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
            let first = self
                .live_entries()
                .filter(|e| e.meta.author == id && e.day == entry.day)
                .filter(|e| e.is_shared() || !only_shared)
                .map(|e| e.meta.created)
                .min()?;
            latest = Some(latest.map_or(first, |l| l.max(first)));
        }
        latest
    }
}
