//! Journal rules: which hard dates the evening mentions, and which plans are due a gentle look.

use super::fixture::*;
use crate::journal::*;
use chrono::{Duration, NaiveDate};

fn parts() -> PlanParts {
    PlanParts {
        brings_it_on: "The day we found out".into(),
        helps_me: "A slow morning".into(),
        i_ask_of_you: "Stay close that evening".into(),
    }
}

fn with_date(j: &mut Journal, owner: PartnerId, day: NaiveDate, yearly: bool) -> RecordId {
    j.add_plan_item(owner, parts(), Some(HardDate { day, yearly }), now())
        .unwrap()
}

#[test]
fn a_hard_date_is_mentioned_from_six_days_ahead_until_the_day_itself() {
    let (mut j, _, s) = couple();
    let id = with_date(&mut j, s, day(2026, 12, 1), false);
    let ahead = |d: NaiveDate| j.hard_days_ahead(d);
    assert!(
        ahead(day(2026, 11, 24)).is_empty(),
        "seven days ahead is too soon"
    );
    let six = ahead(day(2026, 11, 25));
    assert_eq!(six.len(), 1);
    assert_eq!((six[0].item, six[0].owner, six[0].days_away), (id, s, 6));
    assert_eq!(ahead(day(2026, 12, 1))[0].days_away, 0, "today");
    assert!(ahead(day(2026, 12, 2)).is_empty(), "a date once has passed");
}

#[test]
fn a_yearly_date_comes_round_again_even_across_the_new_year() {
    let (mut j, a, _) = couple();
    with_date(&mut j, a, day(2024, 1, 2), true);
    let ahead = j.hard_days_ahead(day(2026, 12, 29));
    assert_eq!(ahead.len(), 1);
    assert_eq!(ahead[0].day, day(2027, 1, 2));
    assert_eq!(ahead[0].days_away, 4);
    assert!(j.hard_days_ahead(day(2027, 1, 3)).is_empty());
}

#[test]
fn hard_dates_come_soonest_first_and_a_retired_item_is_never_mentioned() {
    let (mut j, a, s) = couple();
    let later = with_date(&mut j, a, day(2026, 11, 29), false);
    let sooner = with_date(&mut j, s, day(2026, 11, 27), false);
    let order: Vec<RecordId> = j.hard_days_ahead(today()).iter().map(|h| h.item).collect();
    assert_eq!(order, vec![sooner, later]);
    j.retire_plan_item(sooner, s, now()).unwrap();
    let order: Vec<RecordId> = j.hard_days_ahead(today()).iter().map(|h| h.item).collect();
    assert_eq!(order, vec![later]);
}

#[test]
fn a_look_is_offered_only_after_more_than_four_weeks_and_counts_whole_weeks() {
    let (mut j, a, s) = couple();
    j.add_plan_item(s, parts(), None, now()).unwrap();
    assert!(j.plan_looks_due(now() + Duration::days(28)).is_empty());
    let due = j.plan_looks_due(now() + Duration::days(29));
    assert_eq!(due, vec![LookDue { owner: s, weeks: 4 }]);
    let due = j.plan_looks_due(now() + Duration::days(36));
    assert_eq!(due, vec![LookDue { owner: s, weeks: 5 }]);
    assert!(due.iter().all(|d| d.owner != a), "Alex has no plan yet");
}

#[test]
fn a_look_together_resets_the_offer_and_a_retired_item_asks_for_none() {
    let (mut j, a, s) = couple();
    let id = j.add_plan_item(s, parts(), None, now()).unwrap();
    let later = now() + Duration::days(30);
    assert_eq!(j.plan_looks_due(later).len(), 1);
    j.review_plan_item(id, a, ReviewKind::Agreed, None, later)
        .unwrap();
    assert!(j.plan_looks_due(later + Duration::days(3)).is_empty());
    j.retire_plan_item(id, s, later).unwrap();
    assert!(j.plan_looks_due(later + Duration::days(90)).is_empty());
}

#[test]
fn looking_together_counts_as_a_look_keeps_the_agreement_and_not_on_a_retired_item() {
    let (mut j, a, s) = couple();
    let id = j.add_plan_item(s, parts(), None, now()).unwrap();
    j.review_plan_item(id, a, ReviewKind::Agreed, None, now())
        .unwrap();
    let later = now() + Duration::days(40);
    assert_eq!(j.plan_looks_due(later).len(), 1);
    j.look_at_plan_item(id, a, later).unwrap();
    assert!(j.plan_looks_due(later + Duration::days(1)).is_empty());
    let it = j.plan_items.iter().find(|p| p.meta.id == id).unwrap();
    assert!(it.is_agreed(), "a look changes no agreement");
    assert_eq!(it.reviews.len(), 1);
    j.retire_plan_item(id, s, later).unwrap();
    assert_eq!(
        j.look_at_plan_item(id, s, later),
        Err(PlanError::PlanItemRetired)
    );
}

#[test]
fn an_old_look_never_moves_the_last_look_back() {
    let (mut j, _, s) = couple();
    let id = j.add_plan_item(s, parts(), None, now()).unwrap();
    j.look_at_plan_item(id, s, now() - Duration::days(3))
        .unwrap();
    let it = j.plan_items.iter().find(|p| p.meta.id == id).unwrap();
    assert_eq!(it.last_looked_at, now());
}
