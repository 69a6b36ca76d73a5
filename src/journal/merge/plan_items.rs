//! Joining two copies of a plan item: its words from the later copy, every look at it from
//! either.
//!
//! Only the owner's edits (and retiring) move the item's clock, so the later copy by clock
//! holds the newer words, sealed as they were. The reviews (an agreement, a suggestion, an
//! edit) are the union of both lists in time order: an agreement given on one laptop while
//! the words were edited on the other is kept, and counts only for the words it was given
//! to (`PlanReview::words_from`).

use std::collections::BTreeMap;

use super::super::plan_item::{PlanItem, PlanReview};
use super::{MergeReport, count_changes, join_lists, latest, written};

/// The union of both lists of plan items, each item joined as this file describes.
pub(super) fn merge_plan_items(
    ours: &[PlanItem],
    theirs: &[PlanItem],
    report: &mut MergeReport,
) -> Vec<PlanItem> {
    let merged = join_lists(ours, theirs, join_plan_item);
    count_changes(ours, &merged, "plan items", report);
    merged
}

/// One plan item as both copies hold it, joined.
pub(super) fn join_plan_item(a: &PlanItem, b: &PlanItem) -> PlanItem {
    if a == b {
        return a.clone();
    }
    let mut joined = latest(a, b).clone();
    // One look is one moment by one partner of one kind; of two copies of it (its note
    // sealed apart, say), the one that writes last is kept, whichever copy came first.
    let mut reviews: BTreeMap<_, (Vec<u8>, PlanReview)> = BTreeMap::new();
    for review in a.reviews.iter().chain(&b.reviews) {
        let key = (review.at, review.by, written(&review.kind));
        let text = written(review);
        match reviews.get(&key) {
            Some((held, _)) if *held >= text => {}
            _ => {
                reviews.insert(key, (text, review.clone()));
            }
        }
    }
    joined.reviews = reviews.into_values().map(|(_, review)| review).collect();
    joined.last_looked_at = a.last_looked_at.max(b.last_looked_at);
    joined
}
