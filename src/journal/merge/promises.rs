//! Joining two copies of a promise: every step of its history is kept, from either copy.
//!
//! The record's own fields come from the later copy by clock. Its history is the union of
//! both histories, in time order, and its status follows the latest step the promiser took
//! (a step by anyone else does not move it). The acknowledgement counts only when the
//! partner the promise was made to gave it; of two, the first is kept, since "I noticed"
//! is said once.

use std::collections::BTreeSet;

use super::super::promise::{Acknowledgement, Promise, StatusChange};
use super::super::promise_status::PromiseStatus;
use super::{MergeReport, count_changes, join_lists, latest, written};

/// The union of both lists of promises, each promise joined as this file describes.
pub(super) fn merge_promises(
    ours: &[Promise],
    theirs: &[Promise],
    report: &mut MergeReport,
) -> Vec<Promise> {
    let merged = join_lists(ours, theirs, join_promise);
    count_changes(ours, &merged, "promises", report);
    let steps = |p: &Promise| p.history.len() + usize::from(p.acknowledged.is_some());
    let before: std::collections::HashMap<_, usize> =
        ours.iter().map(|p| (p.meta.id, steps(p))).collect();
    for promise in &merged {
        let had = before.get(&promise.meta.id).copied().unwrap_or(0);
        report.promise_changes += steps(promise).saturating_sub(had);
    }
    merged
}

/// One promise as both copies hold it, joined.
pub(super) fn join_promise(a: &Promise, b: &Promise) -> Promise {
    if a == b {
        return a.clone();
    }
    let mut joined = latest(a, b).clone();
    let mut steps: Vec<(String, StatusChange)> = Vec::new();
    let mut seen = BTreeSet::new();
    for step in a.history.iter().chain(&b.history) {
        let text = String::from_utf8_lossy(&written(step)).into_owned();
        if seen.insert(text.clone()) {
            steps.push((text, step.clone()));
        }
    }
    steps.sort_by(|(x_text, x), (y_text, y)| x.at.cmp(&y.at).then_with(|| x_text.cmp(y_text)));
    joined.history = steps.into_iter().map(|(_, step)| step).collect();
    let promiser = joined.meta.author;
    if let Some(last) = joined.history.iter().rev().find(|s| s.by == promiser) {
        joined.status = last.status;
    }
    joined.replaced_by = a.replaced_by.max(b.replaced_by);
    if joined.replaced_by.is_some() {
        // Renegotiated on one laptop: its new promise stands, so a step taken apart on the
        // other (kept, say) cannot close this one as anything else.
        joined.status = PromiseStatus::Renegotiated;
    }
    joined.acknowledged = first_acknowledgement(&joined, [&a.acknowledged, &b.acknowledged]);
    joined
}

/// The receiver's first acknowledgement of the two copies, if either has one.
fn first_acknowledgement(
    promise: &Promise,
    acks: [&Option<Acknowledgement>; 2],
) -> Option<Acknowledgement> {
    acks.into_iter()
        .flatten()
        .filter(|ack| ack.by == promise.to)
        .min_by(|x, y| x.at.cmp(&y.at).then_with(|| written(*x).cmp(&written(*y))))
        .cloned()
}
