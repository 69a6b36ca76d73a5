//! Progress tests: the hard moments shared, the pauses asked for and the plan's changes, by week.

use super::fixture::*;
use crate::journal::*;
use crate::progress::*;
use chrono::{FixedOffset, NaiveTime, Utc};

fn parts(brings_it_on: &str) -> PlanParts {
    PlanParts {
        brings_it_on: brings_it_on.into(),
        helps_me: "A walk".into(),
        i_ask_of_you: "Stay near".into(),
    }
}

#[test]
fn a_shared_moment_is_filed_with_its_plan_item_and_how_it_went() {
    let mut j = empty().j;
    let s = sam(&j);
    let item = j
        .add_plan_item(s, parts("A late message"), None, at(2025, 12, 15, 20, 0))
        .unwrap();
    // Tuesday 23 December at 01:30 UTC is still Monday 22 December's evening.
    let moment = j
        .add_hard_moment(
            s,
            "The song came on",
            Some(item),
            Visibility::Shared,
            at(2025, 12, 23, 1, 30),
        )
        .unwrap();
    j.set_moment_outcome(moment, s, MomentOutcome::Helped, at(2025, 12, 30, 20, 0))
        .unwrap();
    let p = Progress::compute(&j, today(), &Utc);
    let moments = p.hard_moments_in(w52());
    assert_eq!(moments.len(), 1);
    let m = moments[0];
    assert_eq!((m.by, m.day), (s, day(2025, 12, 22)));
    assert_eq!(m.moment.get(&j).unwrap().text, "The song came on");
    assert_eq!(m.plan_item.unwrap().get(&j).unwrap().meta.id, item);
    // How it went is said later, and shown with the moment's own week.
    assert_eq!(m.outcome, Some(MomentOutcome::Helped));
    assert!(p.hard_moments_in(w01()).is_empty());
    assert!(p.has_plan_news(w52()));
}

#[test]
fn a_private_moment_is_nowhere_not_even_a_week_with_data() {
    let mut j = empty().j;
    let s = sam(&j);
    let item = j
        .add_plan_item(s, parts("A late message"), None, at(2025, 12, 1, 20, 0))
        .unwrap();
    let before = Progress::compute(&j, today(), &Utc);
    let moment = j
        .add_hard_moment(
            s,
            "only mine",
            Some(item),
            Visibility::Private,
            at(2025, 12, 23, 21, 0),
        )
        .unwrap();
    j.set_moment_outcome(
        moment,
        s,
        MomentOutcome::NotThisTime,
        at(2025, 12, 24, 21, 0),
    )
    .unwrap();
    let after = Progress::compute(&j, today(), &Utc);
    for week in [w49(), w50(), w51(), w52(), w01(), w02()] {
        assert!(after.hard_moments_in(week).is_empty());
        assert_eq!(after.has_data(week), before.has_data(week), "{week}");
        assert_eq!(after.has_plan_news(week), before.has_plan_news(week));
    }
    assert!(!after.has_data(w52()), "a private moment makes no week");
    assert_eq!(
        after.weeks_with_data().collect::<Vec<_>>(),
        before.weeks_with_data().collect::<Vec<_>>()
    );
}

#[test]
fn deleted_moments_and_pauses_are_left_out() {
    let mut j = empty().j;
    let s = sam(&j);
    j.add_hard_moment(s, "gone", None, Visibility::Shared, at(2025, 12, 23, 21, 0))
        .unwrap();
    j.ask_for_pause_until(s, at(2025, 12, 23, 22, 0), None, at(2025, 12, 23, 21, 0))
        .unwrap();
    j.hard_moments[0].meta.deleted = true;
    j.pauses[0].meta.deleted = true;
    let p = Progress::compute(&j, today(), &Utc);
    assert!(p.hard_moments_in(w52()).is_empty());
    assert!(p.pauses_in(w52()).is_empty());
    assert!(!p.has_data(w52()));
}

#[test]
fn a_pause_is_filed_in_local_time_on_the_evening_it_was_asked() {
    let mut j = empty().j;
    let a = alex(&j);
    // 23:30 UTC on Sunday 28 December is 00:30 on Monday 29 December in UTC+1, still
    // Sunday's evening (evenings end at 04:00), so it belongs to 2025-W52.
    let asked = at(2025, 12, 28, 23, 30);
    let zone = FixedOffset::east_opt(3600).unwrap();
    let now = asked.with_timezone(&zone);
    j.ask_for_pause(
        a,
        NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
        Some("I need an hour".into()),
        now,
    )
    .unwrap();
    let p = Progress::compute(&j, today(), &zone);
    let pauses = p.pauses_in(w52());
    assert_eq!(pauses.len(), 1);
    let pause = pauses[0];
    assert_eq!((pause.by, pause.day), (a, day(2025, 12, 28)));
    assert_eq!(
        pause.asked_at,
        day(2025, 12, 29).and_hms_opt(0, 30, 0).unwrap()
    );
    assert_eq!(
        pause.until,
        day(2025, 12, 29).and_hms_opt(1, 30, 0).unwrap()
    );
    assert_eq!(
        pause.pause.get(&j).unwrap().note.as_deref(),
        Some("I need an hour")
    );
    assert!(p.pauses_in(w01()).is_empty());
}

#[test]
fn plan_changes_are_filed_by_week_and_by_who_made_them() {
    let mut j = empty().j;
    let (a, s) = (alex(&j), sam(&j));
    let item = j
        .add_plan_item(s, parts("A late message"), None, at(2025, 12, 15, 20, 0))
        .unwrap();
    j.review_plan_item(item, a, ReviewKind::Agreed, None, at(2025, 12, 16, 20, 0))
        .unwrap();
    j.edit_plan_item(item, s, parts("A late call"), at(2025, 12, 22, 20, 0))
        .unwrap();
    j.review_plan_item(
        item,
        a,
        ReviewKind::SuggestedChange,
        Some("Text first?".into()),
        at(2025, 12, 23, 20, 0),
    )
    .unwrap();
    j.retire_plan_item(item, s, at(2025, 12, 30, 20, 0))
        .unwrap();
    let p = Progress::compute(&j, today(), &Utc);
    let seen = |week| -> Vec<(PlanChange, PartnerId, chrono::NaiveDate)> {
        p.plan_changes_in(week)
            .iter()
            .map(|c| (c.change, c.by, c.day))
            .collect()
    };
    assert_eq!(
        seen(w51()),
        [
            (PlanChange::Made, s, day(2025, 12, 15)),
            (PlanChange::Agreed, a, day(2025, 12, 16)),
        ]
    );
    assert_eq!(
        seen(w52()),
        [
            (PlanChange::Edited, s, day(2025, 12, 22)),
            (PlanChange::SuggestedChange, a, day(2025, 12, 23)),
        ]
    );
    assert_eq!(seen(w01()), [(PlanChange::Retired, s, day(2025, 12, 30))]);
    let suggestion = p.plan_changes_in(w52())[1];
    assert_eq!(suggestion.owner, s);
    let review = suggestion.review.unwrap();
    assert_eq!(
        suggestion.item.get(&j).unwrap().reviews[review]
            .note
            .as_deref(),
        Some("Text first?")
    );
    assert!(
        p.has_data(w01()),
        "a retired item is something to look back on"
    );
}
