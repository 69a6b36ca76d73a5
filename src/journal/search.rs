//! Looking back: the words one partner may read that hold a query, newest first.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::book::Journal;
use super::day::local_time;
use super::entry::Entry;
use super::ids::{PartnerId, RecordId};
use super::query::Query;
use super::sight::Reader;

/// What kind of words a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Entry,
    /// A reply under an entry.
    Reply,
    /// A check-in's note.
    CheckinNote,
    /// What a promise says.
    Promise,
    /// A note on a promise: on its change of status, or with "I noticed".
    PromiseNote,
    KindAct,
    /// The note with "I noticed" on a kind act.
    KindActNote,
}

impl HitKind {
    /// A few plain words for a list of hits.
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Entry => "entry",
            HitKind::Reply => "reply",
            HitKind::CheckinNote => "check-in",
            HitKind::Promise => "promise",
            HitKind::PromiseNote => "promise note",
            HitKind::KindAct => "kind act",
            HitKind::KindActNote => "kind act note",
        }
    }
}

/// Words that hold the query, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    /// The record the words are in: the entry, reply, check-in, promise or kind act.
    pub record: RecordId,
    /// The entry they belong to: the entry itself, or the one a reply answers.
    pub entry: Option<RecordId>,
    /// Who wrote the words.
    pub author: PartnerId,
    /// The evening they belong to.
    pub day: NaiveDate,
    /// When they were written, to order hits of one evening.
    pub at: DateTime<Utc>,
    pub text: String,
    /// Where the query is in `text`, as byte ranges, in order.
    pub ranges: Vec<Range<usize>>,
}

/// Collects the hits of one search.
struct Hits<'q> {
    query: &'q Query,
    found: Vec<Hit>,
}

/// Where some words are, besides the words themselves.
struct Place {
    kind: HitKind,
    record: RecordId,
    entry: Option<RecordId>,
    author: PartnerId,
    day: NaiveDate,
    at: DateTime<Utc>,
}

impl Hits<'_> {
    fn look(&mut self, place: Place, text: &str) {
        let ranges = self.query.find(text);
        if ranges.is_empty() {
            return;
        }
        self.found.push(Hit {
            kind: place.kind,
            record: place.record,
            entry: place.entry,
            author: place.author,
            day: place.day,
            at: place.at,
            text: text.to_owned(),
            ranges,
        });
    }
}

impl Journal {
    /// Everything `reader` may read that holds `query`, newest first: the entries they may
    /// read (their own, private ones too, and the other's shared ones once opened to them),
    /// the replies under those, the check-in notes they may read, promises with their notes,
    /// and kind acts with theirs. The other partner's private entries and private notes are
    /// never looked in, so nothing about them shows, not even how many there are.
    pub fn search(&self, query: &Query, reader: PartnerId, now: DateTime<FixedOffset>) -> Vec<Hit> {
        let clock = self.clock();
        let evening = |at: DateTime<Utc>| clock.evening_of(local_time(at, now.offset()));
        let today = evening(now.to_utc());
        let readable: HashMap<RecordId, &Entry> = self
            .live_entries()
            .filter(|e| self.can_read(e, Reader::Partner(reader), today))
            .map(|e| (e.meta.id, e))
            .collect();
        let mut hits = Hits {
            query,
            found: Vec::new(),
        };
        for entry in readable.values() {
            let place = Place {
                kind: HitKind::Entry,
                record: entry.meta.id,
                entry: Some(entry.meta.id),
                author: entry.meta.author,
                day: entry.day,
                at: entry.meta.created,
            };
            hits.look(place, &entry.text);
        }
        for reply in self.live_replies() {
            let (Some(text), Some(entry)) = (&reply.text, readable.get(&reply.entry)) else {
                continue;
            };
            let place = Place {
                kind: HitKind::Reply,
                record: reply.meta.id,
                entry: Some(entry.meta.id),
                author: reply.meta.author,
                day: evening(reply.meta.created).max(entry.day),
                at: reply.meta.created,
            };
            hits.look(place, text);
        }
        for checkin in self.live_checkins() {
            let Some(note) = checkin.note_for(reader) else {
                continue;
            };
            let place = Place {
                kind: HitKind::CheckinNote,
                record: checkin.meta.id,
                entry: None,
                author: checkin.meta.author,
                day: checkin.day,
                at: checkin.meta.created,
            };
            hits.look(place, note);
        }
        for promise in self.live_promises() {
            let record = promise.meta.id;
            let place = |kind, author, day, at| Place {
                kind,
                record,
                entry: None,
                author,
                day,
                at,
            };
            let author = promise.meta.author;
            let made = place(HitKind::Promise, author, promise.made, promise.meta.created);
            hits.look(made, &promise.text);
            let notes = promise
                .history
                .iter()
                .filter_map(|change| Some((change.by, change.at, change.note.as_deref()?)));
            let noticed = promise
                .acknowledged
                .iter()
                .filter_map(|ack| Some((ack.by, ack.at, ack.note.as_deref()?)));
            for (by, at, note) in notes.chain(noticed) {
                hits.look(place(HitKind::PromiseNote, by, evening(at), at), note);
            }
        }
        for act in self.live_kind_acts() {
            let place = |kind, author, at| Place {
                kind,
                record: act.meta.id,
                entry: None,
                author,
                day: act.day,
                at,
            };
            hits.look(
                place(HitKind::KindAct, act.meta.author, act.meta.created),
                &act.text,
            );
            if let Some(ack) = &act.acknowledged
                && let Some(note) = &ack.note
            {
                hits.look(place(HitKind::KindActNote, ack.by, ack.at), note);
            }
        }
        let mut found = hits.found;
        found.sort_by_key(|h| std::cmp::Reverse((h.day, h.at, h.record, h.kind)));
        found
    }

    /// Whether `entry`'s words, or a reply under it, hold `query`: what `mend log --grep`
    /// keeps. Whether the reader may read the entry is asked apart.
    pub fn entry_matches(&self, entry: &Entry, query: &Query) -> bool {
        query.matches(&entry.text)
            || self
                .replies_to(entry.meta.id)
                .iter()
                .filter_map(|r| r.text.as_deref())
                .any(|text| query.matches(text))
    }
}

/// The hits of `query` among `earlier`, the hits of a query it narrows (see
/// [`Query::narrows`]) in the same journal for the same reader: what one more letter
/// typed finds, without looking through the whole journal again.
pub fn narrow(earlier: Vec<Hit>, query: &Query) -> Vec<Hit> {
    earlier
        .into_iter()
        .filter_map(|mut hit| {
            hit.ranges = query.find(&hit.text);
            (!hit.ranges.is_empty()).then_some(hit)
        })
        .collect()
}
