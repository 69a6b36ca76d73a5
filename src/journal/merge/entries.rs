//! Joining two copies of an entry: the later change wins, and text written apart is kept.
//!
//! Each computer's last version of an entry is kept: the latest of all is the entry, and
//! every other computer's latest version whose words it did not write over becomes an
//! earlier version beside it. One computer's own changes follow one another, so an older
//! version from the same computer was seen and rewritten there and is not kept again.
//! A version another computer's text was written over, directly or in turn
//! (`Entry::written_over`), was seen there, so it is not kept either. Versions from before mend kept clocks (no device) give
//! way to any later change. A
//! deletion newer than every other version leaves a tombstone with no words at all, and a
//! deletion an entry outlived (written again later elsewhere) is remembered on it
//! (`deleted_before`), so words older than the deletion stay gone whichever copy brings them.

use std::collections::BTreeMap;

use super::super::clock::{Clock, Device};
use super::super::entry::{EarlierVersion, Entry};
use super::super::meta::Extra;
use super::{MergeReport, count_changes, join_lists, latest};

/// The union of both lists of entries, each entry joined as this file describes.
pub(super) fn merge_entries(
    ours: &[Entry],
    theirs: &[Entry],
    report: &mut MergeReport,
) -> Vec<Entry> {
    let merged = join_lists(ours, theirs, join_entry);
    count_changes(ours, &merged, "entries", report);
    let kept = |list: &[Entry]| -> usize { list.iter().map(|e| e.earlier_versions.len()).sum() };
    report.earlier_versions += kept(&merged).saturating_sub(kept(ours));
    report.deletions_kept += ours
        .iter()
        .chain(theirs)
        .filter(|e| !e.meta.deleted)
        .filter(|e| {
            merged
                .binary_search_by_key(&e.meta.id, |m| m.meta.id)
                .is_ok_and(|at| merged[at].meta.deleted)
        })
        .count();
    merged
}

/// One entry as both copies hold it, joined.
pub(super) fn join_entry(a: &Entry, b: &Entry) -> Entry {
    if a == b {
        return a.clone();
    }
    let winner = latest(a, b);
    let loser = if std::ptr::eq(winner, a) { b } else { a };
    let mut joined = winner.clone();
    if winner.meta.deleted {
        // A tombstone is the latest deletion itself: every older word is gone.
        joined.earlier_versions.clear();
        joined.deleted_before = None;
        return joined;
    }
    // The latest deletion either copy knows of, which every older word gives way to.
    let deletion = [a, b]
        .into_iter()
        .flat_map(|e| {
            let own = e.meta.deleted.then(|| e.meta.clock.clone());
            own.into_iter().chain(e.deleted_before.clone())
        })
        .max();
    joined.deleted_before.clone_from(&deletion);
    // Each device's newest version; a deleted one (`None`) still hides that device's older
    // words, since the deletion came after them.
    let mut newest: BTreeMap<Device, (Clock, Option<EarlierVersion>)> = BTreeMap::new();
    let stored = a.earlier_versions.iter().chain(&b.earlier_versions);
    let candidates = stored
        .map(|v| (v.clock.clone(), Some(v.clone())))
        .chain(std::iter::once((
            loser.meta.clock.clone(),
            (!loser.meta.deleted).then(|| as_version(loser)),
        )));
    for (clock, version) in candidates {
        if clock >= winner.meta.clock {
            continue;
        }
        match newest.get(&clock.device) {
            Some((held, _)) if *held >= clock => {}
            _ => {
                newest.insert(clock.device.clone(), (clock, version));
            }
        }
    }
    newest.remove(&winner.meta.clock.device);
    let latest_known = newest
        .values()
        .map(|(clock, _)| clock)
        .chain(std::iter::once(&winner.meta.clock))
        .filter(|c| !c.device.is_legacy())
        .max()
        .cloned();
    if let Some(known) = latest_known
        && newest
            .get(&Device::legacy())
            .is_some_and(|(old, _)| *old < known)
    {
        newest.remove(&Device::legacy());
    }
    let mut versions: Vec<EarlierVersion> = newest.into_values().filter_map(|(_, v)| v).collect();
    let bases: Vec<Vec<Clock>> = std::iter::once(winner.written_over.clone())
        .chain(versions.iter().map(|v| v.written_over.clone()))
        .collect();
    versions.retain(|v| {
        !bases
            .iter()
            .any(|over| Entry::was_written_over(over, &v.clock))
            && deletion.as_ref().is_none_or(|deleted| v.clock > *deleted)
    });
    versions.sort_by(|x, y| x.clock.cmp(&y.clock));
    joined.earlier_versions = versions;
    joined
}

/// An entry's current words as an earlier version.
fn as_version(entry: &Entry) -> EarlierVersion {
    EarlierVersion {
        clock: entry.meta.clock.clone(),
        updated: entry.meta.updated,
        text: entry.text.clone(),
        visibility: entry.visibility,
        written_over: entry.written_over.clone(),
        extra: Extra::new(),
    }
}
