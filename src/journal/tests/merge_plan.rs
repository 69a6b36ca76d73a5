//! The merge of a plan item looked at on two laptops apart: the owner's edit and the other
//! partner's agreement are both kept, and the agreement counts only for the words it saw.

use super::fixture::*;
use super::merge_support::*;
use crate::journal::*;

fn parts(helps: &str) -> PlanParts {
    PlanParts {
        brings_it_on: "A late message".into(),
        helps_me: helps.into(),
        i_ask_of_you: "Tell me who it is from".into(),
    }
}

fn item(j: &Journal, id: RecordId) -> &PlanItem {
    j.plan_items.iter().find(|p| p.meta.id == id).unwrap()
}

/// Sam's plan item, then on one laptop Sam edits its words while on the other Alex agrees
/// to the words as they were. Returns both copies and the item's id.
fn looked_at_apart() -> (Journal, Journal, RecordId, PartnerId) {
    let (mut j, a, s) = couple();
    let id = j.add_plan_item(s, parts("A walk"), None, later(1)).unwrap();
    let (mut sams, mut alexs) = (laptop(&j, "sam1"), laptop(&j, "alex1"));
    sams.edit_plan_item(id, s, parts("A walk, then tea"), later(5))
        .unwrap();
    alexs
        .review_plan_item(id, a, ReviewKind::Agreed, None, later(6))
        .unwrap();
    assert!(item(&alexs, id).is_agreed(), "agreed, on Alex's laptop");
    (sams, alexs, id, a)
}

#[test]
fn an_edit_and_an_agreement_made_apart_are_both_kept_and_the_agreement_is_not_taken_for_the_new_words()
 {
    let (sams, alexs, id, a) = looked_at_apart();
    for (one, two) in [(&sams, &alexs), (&alexs, &sams)] {
        let (both, _) = one.merge(two);
        let joined = item(&both, id);
        assert_eq!(
            joined.helps_me, "A walk, then tea",
            "the owner's edit stays"
        );
        let kinds: Vec<ReviewKind> = joined.reviews.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [ReviewKind::Edited, ReviewKind::Agreed],
            "both looks stay"
        );
        assert!(
            !joined.is_agreed(),
            "Alex agreed to the words before the edit, not to these"
        );
        assert_eq!(bytes(&both), bytes(&merged(two, one)));
    }
    let (mut both, _) = sams.merge(&alexs);
    both.review_plan_item(id, a, ReviewKind::Agreed, None, later(9))
        .unwrap();
    assert!(
        item(&both, id).is_agreed(),
        "agreeing to the new words counts"
    );
}

#[test]
fn an_agreement_written_before_mend_kept_its_words_counts_as_it_stands() {
    let (mut j, a, s) = couple();
    let id = j.add_plan_item(s, parts("A walk"), None, later(1)).unwrap();
    j.edit_plan_item(id, s, parts("A walk, then tea"), later(2))
        .unwrap();
    j.review_plan_item(id, a, ReviewKind::Agreed, None, later(3))
        .unwrap();
    let mut older = j.clone();
    for item in &mut older.plan_items {
        for review in &mut item.reviews {
            review.words_from = None;
        }
    }
    assert!(item(&older, id).is_agreed());
}

#[test]
fn agreeing_leaves_the_items_clock_to_its_words() {
    let (mut j, a, s) = couple();
    let id = j.add_plan_item(s, parts("A walk"), None, later(1)).unwrap();
    let clock = item(&j, id).meta.clock.clone();
    j.review_plan_item(id, a, ReviewKind::Agreed, None, later(3))
        .unwrap();
    assert_eq!(item(&j, id).meta.clock, clock);
    j.edit_plan_item(id, s, parts("A walk, then tea"), later(4))
        .unwrap();
    assert_ne!(item(&j, id).meta.clock, clock, "an edit moves it");
}
