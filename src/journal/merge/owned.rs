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
    /// [`Journal::check_can_merge`] first.
    pub fn merge_owned(self, other: Journal) -> Journal {
        let mut merged = self.header_only();
        header::merge_header(&mut merged, &other, &mut MergeReport::default());
        merged.entries = join_owned(self.entries, other.entries, entries::join_entry);
        let checkins = join_owned(self.checkins, other.checkins, |a, b| latest(a, b).clone());
        merged.checkins = checkins::one_per_evening(checkins);
        merged.promises = join_owned(self.promises, other.promises, promises::join_promise);
        merged.kind_acts = join_owned(self.kind_acts, other.kind_acts, |a, b| latest(a, b).clone());
        merged.plan_items = join_owned(self.plan_items, other.plan_items, |a, b| {
            latest(a, b).clone()
        });
        merged.hard_moments = join_owned(self.hard_moments, other.hard_moments, |a, b| {
            latest(a, b).clone()
        });
        merged.pauses = join_owned(self.pauses, other.pauses, |a, b| latest(a, b).clone());
        merged.replies = join_owned(self.replies, other.replies, |a, b| latest(a, b).clone());
        merged.talks = join_owned(self.talks, other.talks, |a, b| latest(a, b).clone());
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
