//! The merge taking both copies by value, as opening a shared folder does: a record only one
//! copy holds, or both hold alike, is moved into the result rather than copied. The result
//! is the same as [`Journal::merge`]'s, byte for byte.

use std::cmp::Ordering;

use super::super::book::Journal;
use super::super::meta::Record;
use super::{MergeReport, checkins, entries, header, join_lists, latest, promises};

impl Journal {
    /// `self.merge(&other).0` without the report, taking both copies, so that merging two
    /// laptops' files of five years each costs little more than reading them. Call
    /// [`Journal::check_can_merge`] first. Every field is named, so a record list added to
    /// `Journal` does not compile here until it is merged here too.
    pub fn merge_owned(self, other: Journal) -> Journal {
        let mut merged = self.header_only();
        header::merge_header(&mut merged, &other, &mut MergeReport::default());
        let Journal {
            format: _,
            version: _,
            started: _,
            settings: _,
            sealing: _,
            partners: _,
            entries,
            checkins,
            promises,
            kind_acts,
            plan_items,
            hard_moments,
            pauses,
            replies,
            talks,
            extra: _,
            ids: _,
            opened: _,
        } = self;
        let Journal {
            format: _,
            version: _,
            started: _,
            settings: _,
            sealing: _,
            partners: _,
            entries: their_entries,
            checkins: their_checkins,
            promises: their_promises,
            kind_acts: their_kind_acts,
            plan_items: their_plan_items,
            hard_moments: their_hard_moments,
            pauses: their_pauses,
            replies: their_replies,
            talks: their_talks,
            extra: _,
            ids: _,
            opened: _,
        } = other;
        merged.entries = join_owned(entries, their_entries, entries::join_entry);
        let checkins = join_owned(checkins, their_checkins, |a, b| latest(a, b).clone());
        merged.checkins = checkins::one_per_evening(checkins);
        merged.promises = join_owned(promises, their_promises, promises::join_promise);
        merged.kind_acts = join_owned(kind_acts, their_kind_acts, |a, b| latest(a, b).clone());
        merged.plan_items = join_owned(
            plan_items,
            their_plan_items,
            super::plan_items::join_plan_item,
        );
        merged.hard_moments = join_owned(hard_moments, their_hard_moments, |a, b| {
            latest(a, b).clone()
        });
        merged.pauses = join_owned(pauses, their_pauses, |a, b| latest(a, b).clone());
        merged.replies = join_owned(replies, their_replies, |a, b| latest(a, b).clone());
        merged.talks = join_owned(talks, their_talks, |a, b| latest(a, b).clone());
        merged
    }
}

/// `join_lists` taking both lists: one pass over two lists sorted by id (as saved files
/// are), moving every record but those two different versions of are joined. Every join
/// gives back a record both copies hold alike, so such a record is moved too.
fn join_owned<T: Record + Clone + PartialEq>(
    ours: Vec<T>,
    theirs: Vec<T>,
    join: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let sorted = |list: &[T]| list.windows(2).all(|w| w[0].id() < w[1].id());
    if !sorted(&ours) || !sorted(&theirs) {
        return join_lists(&ours, &theirs, join);
    }
    let mut joined = Vec::with_capacity(ours.len() + theirs.len());
    let (mut ours, mut theirs) = (ours.into_iter().peekable(), theirs.into_iter().peekable());
    loop {
        let order = match (ours.peek(), theirs.peek()) {
            (Some(a), Some(b)) => a.id().cmp(&b.id()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => return joined,
        };
        match order {
            Ordering::Less => joined.extend(ours.next()),
            Ordering::Greater => joined.extend(theirs.next()),
            Ordering::Equal => {
                if let (Some(a), Some(b)) = (ours.next(), theirs.next()) {
                    joined.push(if a == b { a } else { join(&a, &b) });
                }
            }
        }
    }
}
