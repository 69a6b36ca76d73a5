//! One check-in per partner per evening: when two copies each made one, the newer stays.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::super::checkin::Checkin;
use super::super::clock::Clock;
use super::super::ids::PartnerId;
use super::MergeReport;

/// Marks deleted every live check-in of a partner's evening but the one with the latest
/// clock: set aside, with its ratings and note still in the file. Its clock is left as it
/// was, so joining again gives the same list.
pub(super) fn one_per_evening(mut checkins: Vec<Checkin>) -> Vec<Checkin> {
    let mut newest: BTreeMap<(PartnerId, NaiveDate), Clock> = BTreeMap::new();
    for c in checkins.iter().filter(|c| !c.meta.deleted) {
        let key = (c.meta.author, c.day);
        if newest.get(&key).is_none_or(|held| *held < c.meta.clock) {
            newest.insert(key, c.meta.clock.clone());
        }
    }
    for c in checkins.iter_mut().filter(|c| !c.meta.deleted) {
        if newest.get(&(c.meta.author, c.day)) != Some(&c.meta.clock) {
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
