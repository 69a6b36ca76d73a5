//! Folding two copies of one journal into one, deciding from the records' metadata alone.
//!
//! Every record kind is joined by id: the union of both lists, and for a record on both
//! sides the one with the later clock (`journal::clock`). A few kinds add a rule of their
//! own: an entry keeps the text another computer wrote apart (`entries.rs`), a promise
//! keeps every step of its history (`promises.rs`), and one partner's evening keeps one
//! check-in (`checkins.rs`). The result depends only on the two copies, never on their
//! order: the join is commutative, associative and idempotent, and so is every rule here.

mod checkins;
mod covered;
mod entries;
mod header;
mod owned;
mod plan_items;
mod promises;

use serde::Serialize;
use std::collections::BTreeMap;

use super::book::Journal;
use super::error::DomainError;
use super::ids::RecordId;
use super::meta::Record;

/// What a merge brought into this copy from the other one, for the person to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records this copy did not have, by kind (`"entries"`, `"promises"`, …).
    pub added: BTreeMap<&'static str, usize>,
    /// Records this copy had that the other copy changed later, by kind.
    pub changed: BTreeMap<&'static str, usize>,
    /// Steps of promises (kept, broken, noticed …) this copy did not have.
    pub promise_changes: usize,
    /// Entry texts written apart on two computers, kept as earlier versions.
    pub earlier_versions: usize,
    /// Entries one copy deleted after the other copy's last change to them: they stay
    /// deleted, and that change's words go with them.
    pub deletions_kept: usize,
    /// Check-ins set aside because the partner's evening had a newer one.
    pub checkins_set_aside: usize,
    /// Whether the partners' names, roles or the settings changed.
    pub header_changed: bool,
}

impl MergeReport {
    /// Whether the other copy brought nothing new.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.promise_changes == 0
            && self.earlier_versions == 0
            && self.deletions_kept == 0
            && self.checkins_set_aside == 0
            && !self.header_changed
    }

    fn count(map: &mut BTreeMap<&'static str, usize>, kind: &'static str, n: usize) {
        if n > 0 {
            *map.entry(kind).or_default() += n;
        }
    }
}

impl Journal {
    /// Whether `other` is a copy of this same journal: the same two partners (by id). Two
    /// different couples' journals are never merged.
    pub fn check_can_merge(&self, other: &Journal) -> Result<(), DomainError> {
        if !self.same_couple(other) {
            return Err(DomainError::NotTheSameJournal);
        }
        // Plain words are never folded into an encrypted journal, nor sealed words into a
        // plain one: the first would leave them unsealed, the second unreadable.
        if self.is_sealed() != other.is_sealed() {
            return Err(DomainError::SealedAndPlain);
        }
        // Words sealed with other keys would open with neither copy's passphrases.
        if let (Some(ours), Some(theirs)) = (&self.sealing, &other.sealing)
            && ours.seals_apart_from(theirs)
        {
            return Err(DomainError::SealedWithOtherKeys);
        }
        Ok(())
    }

    /// Whether `other` is a copy of this couple's journal: the same two partners, by id.
    pub fn same_couple(&self, other: &Journal) -> bool {
        let ids = |j: &Journal| {
            let mut ids: Vec<_> = j.partners.iter().map(|p| p.id).collect();
            ids.sort();
            ids
        };
        ids(self) == ids(other)
    }

    /// This copy and `other` folded into one, and what `other` brought. Call
    /// [`Journal::check_can_merge`] first: the partners of two different journals would be
    /// joined as they are.
    pub fn merge(&self, other: &Journal) -> (Journal, MergeReport) {
        let mut report = MergeReport::default();
        let mut merged = self.header_only();
        header::merge_header(&mut merged, other, &mut report);
        merged.entries = entries::merge_entries(&self.entries, &other.entries, &mut report);
        let checkins = join_lists(&self.checkins, &other.checkins, |a, b| latest(a, b).clone());
        merged.checkins = checkins::one_per_evening(checkins);
        checkins::report(&self.checkins, &merged.checkins, &mut report);
        merged.promises = promises::merge_promises(&self.promises, &other.promises, &mut report);
        merged.kind_acts = lww(&self.kind_acts, &other.kind_acts, "kind acts", &mut report);
        merged.plan_items =
            plan_items::merge_plan_items(&self.plan_items, &other.plan_items, &mut report);
        merged.hard_moments = lww(
            &self.hard_moments,
            &other.hard_moments,
            "hard moments",
            &mut report,
        );
        merged.pauses = lww(&self.pauses, &other.pauses, "pauses", &mut report);
        merged.replies = lww(&self.replies, &other.replies, "replies", &mut report);
        // A talk is held at one screen together, so its later copy is the whole of it. Two
        // laptops writing parts of one talk at once would need a rule per side (not yet).
        merged.talks = lww(&self.talks, &other.talks, "weekly talks", &mut report);
        (merged, report)
    }
}

/// The union of two lists by id, each id's pair joined by `join`, sorted by id.
pub(super) fn join_lists<T: Record + Clone>(
    ours: &[T],
    theirs: &[T],
    join: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let sorted = |list: &[T]| list.windows(2).all(|w| w[0].id() < w[1].id());
    if sorted(ours) && sorted(theirs) {
        return join_sorted(ours, theirs, join);
    }
    let mut by_id: BTreeMap<RecordId, T> = BTreeMap::new();
    for record in ours.iter().chain(theirs) {
        let joined = match by_id.get(&record.id()) {
            Some(held) => join(held, record),
            None => record.clone(),
        };
        by_id.insert(record.id(), joined);
    }
    by_id.into_values().collect()
}

/// `join_lists` for two lists already sorted by id without repeats (as saved files are):
/// one pass over both.
fn join_sorted<T: Record + Clone>(ours: &[T], theirs: &[T], join: impl Fn(&T, &T) -> T) -> Vec<T> {
    let mut joined = Vec::with_capacity(ours.len().max(theirs.len()));
    let (mut i, mut j) = (0, 0);
    while i < ours.len() && j < theirs.len() {
        let (a, b) = (&ours[i], &theirs[j]);
        match a.id().cmp(&b.id()) {
            std::cmp::Ordering::Less => {
                joined.push(a.clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                joined.push(b.clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                joined.push(join(a, b));
                i += 1;
                j += 1;
            }
        }
    }
    joined.extend_from_slice(&ours[i..]);
    joined.extend_from_slice(&theirs[j..]);
    joined
}

/// Of two versions of one record, the later by clock, then by revision (records from before
/// mend kept clocks can share one). Two versions with one clock and revision are one change
/// and should be equal; if a damaged copy made them differ, the larger written form is
/// taken, so the choice still does not depend on the order.
pub(super) fn latest<'a, T: Record + Serialize + PartialEq>(a: &'a T, b: &'a T) -> &'a T {
    let key = |r: &'a T| (&r.meta().clock, r.meta().rev);
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            if a == b || written(a) >= written(b) {
                a
            } else {
                b
            }
        }
    }
}

/// A value's JSON text, to order two values the metadata cannot.
pub(super) fn written<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Joins a list where the later version of a record simply wins, counting what changed.
fn lww<T: Record + Serialize + Clone + PartialEq>(
    ours: &[T],
    theirs: &[T],
    kind: &'static str,
    report: &mut MergeReport,
) -> Vec<T> {
    let merged = join_lists(ours, theirs, |a, b| latest(a, b).clone());
    count_changes(ours, &merged, kind, report);
    merged
}

/// Counts the records of `merged` that `ours` lacked or held otherwise.
pub(super) fn count_changes<T: Record + PartialEq>(
    ours: &[T],
    merged: &[T],
    kind: &'static str,
    report: &mut MergeReport,
) {
    let held: BTreeMap<RecordId, &T> = ours.iter().map(|r| (r.id(), r)).collect();
    let (mut added, mut changed) = (0, 0);
    for record in merged {
        match held.get(&record.id()) {
            None => added += 1,
            Some(before) if *before != record => changed += 1,
            Some(_) => {}
        }
    }
    MergeReport::count(&mut report.added, kind, added);
    MergeReport::count(&mut report.changed, kind, changed);
}
