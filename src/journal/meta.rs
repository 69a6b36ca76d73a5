//! The fields every record carries so two copies of a journal can merge record by record.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::clock::{Clock, Device};
use super::ids::{PartnerId, RecordId};

/// Fields this build does not know, kept as they were so a save loses nothing.
pub type Extra = std::collections::BTreeMap<String, RawJson>;

/// The value of a field this build does not know, kept as the exact JSON text it was read
/// from: `123456789012345678901234567890` and `1.0` are written back as they were, not as
/// `1.2345678901234568e+29` and `1`.
#[derive(Debug, Clone)]
pub struct RawJson(Box<serde_json::value::RawValue>);

impl RawJson {
    /// The value's JSON text, as read.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The value read as a JSON tree (numbers as serde_json reads them).
    pub fn to_value(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::from_str(self.get())
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl Serialize for RawJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for RawJson {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<serde_json::value::RawValue>::deserialize(deserializer).map(RawJson)
    }
}

/// Identity, authorship, revision, clock and tombstone of one record. Read by
/// `wire::MetaFields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub id: RecordId,
    pub author: PartnerId,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Counts the changes to this record.
    pub rev: u32,
    /// When the record last changed, by the clock the merge decides with (see `clock`).
    pub clock: Clock,
    pub deleted: bool,
}

/// How `Meta` is written: the clock is left out while it is the one a file without clocks
/// reads as, so a journal from an older mend saved again unchanged stays byte for byte.
#[derive(Serialize)]
struct MetaOut<'a> {
    id: &'a RecordId,
    author: &'a PartnerId,
    created: &'a DateTime<Utc>,
    updated: &'a DateTime<Utc>,
    rev: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    clock: Option<&'a Clock>,
    deleted: bool,
}

impl Serialize for Meta {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let derived = Clock::derived(self.updated);
        MetaOut {
            id: &self.id,
            author: &self.author,
            created: &self.created,
            updated: &self.updated,
            rev: self.rev,
            clock: (self.clock != derived).then_some(&self.clock),
            deleted: self.deleted,
        }
        .serialize(serializer)
    }
}

impl Meta {
    /// A record's first metadata: made by `author` on `device` now, at revision 1.
    pub fn new(id: RecordId, author: PartnerId, now: DateTime<Utc>, device: &Device) -> Self {
        Self {
            id,
            author,
            created: now,
            updated: now,
            rev: 1,
            clock: Clock::start(now, device),
            deleted: false,
        }
    }

    /// Records a change made on `device`: bumps the revision, the update time and the clock
    /// (which never runs backwards, whatever `now` says).
    pub fn touch(&mut self, now: DateTime<Utc>, device: &Device) {
        self.rev = self.rev.saturating_add(1);
        self.updated = now.max(self.updated);
        self.clock = self.clock.next(now, device);
    }
}

/// Anything kept in one of the journal's record lists.
pub trait Record {
    fn meta(&self) -> &Meta;

    fn id(&self) -> RecordId {
        self.meta().id
    }

    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
}

/// Inserts a record keeping the list sorted by id (UUIDv7 ids sort by creation time).
pub(crate) fn insert_sorted<T: Record>(list: &mut Vec<T>, item: T) {
    let key = item.id();
    let at = list.partition_point(|x| x.id() < key);
    list.insert(at, item);
}

/// The records of a list that have not been deleted.
pub(crate) fn live<T: Record>(records: &[T]) -> impl Iterator<Item = &T> {
    records.iter().filter(|r| r.is_live())
}
