//! One check-in per partner per evening: when two copies each made one, the newer stays.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::super::checkin::Checkin;
use super::super::ids::PartnerId;
use super::MergeReport;

/// Marks deleted every live check-in of a partner's evening but the one with the latest
/// clock: set aside, with its ratings and note still in the file. Its clock is left as it
/// was, so joining again gives the same list.
pub(super) fn one_per_evening(mut checkins: Vec<Checkin>) -> Vec<Checkin> {
    // The newest of each evening, by its place in the list (no clock is copied).
    let mut newest: BTreeMap<(PartnerId, NaiveDate), usize> = BTreeMap::new();
    for (at, c) in checkins.iter().enumerate().filter(|(_, c)| !c.meta.deleted) {
        let key = (c.meta.author, c.day);
        if newest
            .get(&key)
            .is_none_or(|&held| checkins[held].meta.clock < c.meta.clock)
        {
            newest.insert(key, at);
        }
    }
    let set_aside: Vec<bool> = checkins
        .iter()
        .map(|c| {
            !c.meta.deleted
                && newest
                    .get(&(c.meta.author, c.day))
                    .is_some_and(|&at| checkins[at].meta.clock != c.meta.clock)
        })
        .collect();
    for (c, aside) in checkins.iter_mut().zip(set_aside) {
        if aside {
            c.meta.deleted = true;
        }
    }
    checkins
}

/// Counts the check-ins the other copy added or changed, and those this copy showed that
/// are now set aside (or were deleted on the other computer).
pub(super) fn report(ours: &[Checkin], merged: &[Checkin], report: &mut MergeReport) {
    super::count_changes(ours, merged, "check-ins", report);
    report.checkins_set_aside += merged
        .iter()
        .filter(|c| {
            c.meta.deleted
                && ours
                    .iter()
                    .any(|o| o.meta.id == c.meta.id && !o.meta.deleted)
        })
        .count();
}
