//! The records behind a week's figures: which promises and kind acts it counted, and where each stood.
//!
//! A week lists what its counts were made from, so a summary that names the promises can
//! never list a different set than the figures beside it.

use std::marker::PhantomData;

use chrono::NaiveDate;

use crate::journal::{
    Entry, Journal, KindAct, PartnerId, Promise, PromiseStatus, Record, RecordId,
};

/// A kind of record a journal keeps in one list.
pub trait Listed: Record + Sized {
    /// Every record of this kind in the journal, deleted ones included.
    fn all(journal: &Journal) -> &[Self];
}

impl Listed for Entry {
    fn all(journal: &Journal) -> &[Self] {
        &journal.entries
    }
}

impl Listed for Promise {
    fn all(journal: &Journal) -> &[Self] {
        &journal.promises
    }
}

impl Listed for KindAct {
    fn all(journal: &Journal) -> &[Self] {
        &journal.kind_acts
    }
}

/// Points at one record of the journal the figures were computed from.
#[derive(Debug)]
pub struct RecordRef<T> {
    /// Its position in the journal's list when the figures were computed.
    pub index: usize,
    pub id: RecordId,
    kind: PhantomData<fn() -> T>,
}

// Derived impls would ask `T` itself to be `Clone`, `Copy` and `PartialEq`.
impl<T> Clone for RecordRef<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RecordRef<T> {}

impl<T> PartialEq for RecordRef<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && self.id == other.id
    }
}

impl<T> Eq for RecordRef<T> {}

impl<T: Listed> RecordRef<T> {
    pub fn new(index: usize, id: RecordId) -> Self {
        Self {
            index,
            id,
            kind: PhantomData,
        }
    }

    /// The record itself, found by position (or by id if the journal has moved on since).
    pub fn get<'a>(&self, journal: &'a Journal) -> Option<&'a T> {
        let all = T::all(journal);
        all.get(self.index)
            .filter(|r| r.id() == self.id)
            .or_else(|| all.iter().find(|r| r.id() == self.id))
    }
}

/// Points at one entry.
pub type EntryRef = RecordRef<Entry>;

impl EntryRef {
    /// The entry itself (see `RecordRef::get`).
    pub fn entry<'a>(&self, journal: &'a Journal) -> Option<&'a Entry> {
        self.get(journal)
    }
}

/// A promise that was made or changed in a week, as it stood on the week's last evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPromise {
    pub promise: RecordRef<Promise>,
    /// Who made it.
    pub by: PartnerId,
    /// Made this week (otherwise made earlier and changed this week).
    pub made_this_week: bool,
    /// Its status on the week's last evening: a promise kept the week after is still open here.
    pub status: PromiseStatus,
    /// The other partner had said they noticed it by the week's last evening.
    pub noticed: bool,
}

/// A kind act done in a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekKindAct {
    pub act: RecordRef<KindAct>,
    pub by: PartnerId,
    pub day: NaiveDate,
    /// The other partner had said they noticed it by the week's last evening.
    pub noticed: bool,
}

/// A promise with a due day, and the evening it stopped being open (if it has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DuePromise {
    pub promise: RecordRef<Promise>,
    pub made: NaiveDate,
    pub due: NaiveDate,
    pub closed: Option<NaiveDate>,
}
