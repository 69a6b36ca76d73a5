//! Journal rules: the plan for hard moments, hard moments and pauses.

use super::fixture::*;
use crate::journal::*;
use chrono::{Duration, FixedOffset, NaiveTime, TimeZone};

fn parts(helps: &str) -> PlanParts {
    PlanParts {
        brings_it_on: "A late message".into(),
        helps_me: helps.into(),
        i_ask_of_you: "Tell me who it is from".into(),
    }
}

fn item(j: &mut Journal, owner: PartnerId) -> RecordId {
    j.add_plan_item(owner, parts("A walk"), None, now())
        .unwrap()
}

fn plan_item(j: &Journal, id: RecordId) -> &PlanItem {
    j.plan_items.iter().find(|p| p.meta.id == id).unwrap()
}

#[test]
fn only_the_other_partner_agrees_or_suggests() {
    let (mut j, a, s) = couple();
    let id = item(&mut j, s);
    assert_eq!(
        j.review_plan_item(id, s, ReviewKind::Agreed, None, now()),
        Err(PlanError::ReviewOwnPlanItem)
    );
    j.review_plan_item(id, a, ReviewKind::Agreed, Some("Yes".into()), now())
        .unwrap();
    assert!(plan_item(&j, id).is_agreed());
    assert_eq!(
        j.review_plan_item(id, a, ReviewKind::Agreed, None, now()),
        Err(PlanError::AlreadyAgreed)
    );
    let later = now() + Duration::hours(1);
    j.review_plan_item(
        id,
        a,
        ReviewKind::SuggestedChange,
        Some("Text me".into()),
        later,
    )
    .unwrap();
    let it = plan_item(&j, id);
    assert!(!it.is_agreed());
    assert_eq!(it.reviews.len(), 2);
    assert_eq!(it.reviews[1].note.as_deref(), Some("Text me"));
    assert_eq!(it.last_looked_at, later);
}

#[test]
fn a_suggestion_needs_words() {
    let (mut j, a, s) = couple();
    let id = item(&mut j, s);
    assert_eq!(
        j.review_plan_item(id, a, ReviewKind::SuggestedChange, Some("  ".into()), now()),
        Err(PlanError::Domain(DomainError::EmptyText("suggestion")))
    );
}

#[test]
fn only_the_owner_edits_and_an_edit_asks_for_agreement_again() {
    let (mut j, a, s) = couple();
    let id = item(&mut j, s);
    j.review_plan_item(id, a, ReviewKind::Agreed, None, now())
        .unwrap();
    assert_eq!(
        j.edit_plan_item(id, a, parts("Tea"), now()),
        Err(PlanError::NotYourPlanItem)
    );
    assert_eq!(
        j.edit_plan_item(id, s, parts("A walk"), now()),
        Err(PlanError::NothingEdited)
    );
    j.edit_plan_item(id, s, parts("Tea"), now()).unwrap();
    let it = plan_item(&j, id);
    assert_eq!(it.helps_me, "Tea");
    assert!(!it.is_agreed(), "an edit asks for agreement again");
    j.review_plan_item(id, a, ReviewKind::Agreed, None, now())
        .unwrap();
    assert!(plan_item(&j, id).is_agreed());
}

#[test]
fn only_the_owner_retires_and_a_retired_item_cannot_change() {
    let (mut j, a, s) = couple();
    let id = item(&mut j, s);
    assert_eq!(
        j.retire_plan_item(id, a, now()),
        Err(PlanError::NotYourPlanItem)
    );
    j.retire_plan_item(id, s, now()).unwrap();
    assert_eq!(
        j.review_plan_item(id, a, ReviewKind::Agreed, None, now()),
        Err(PlanError::PlanItemRetired)
    );
    assert_eq!(
        j.edit_plan_item(id, s, parts("Tea"), now()),
        Err(PlanError::PlanItemRetired)
    );
    assert_eq!(
        j.retire_plan_item(id, s, now()),
        Err(PlanError::PlanItemRetired)
    );
}

#[test]
fn every_part_must_have_words_and_not_too_many() {
    let (mut j, _, s) = couple();
    let mut empty = parts("A walk");
    empty.i_ask_of_you = " ".into();
    assert!(matches!(
        j.add_plan_item(s, empty, None, now()),
        Err(PlanError::Domain(DomainError::EmptyText(_)))
    ));
    let long = parts(&"a".repeat(MOST_PLAN_PART_CHARS + 1));
    assert!(matches!(
        j.add_plan_item(s, long, None, now()),
        Err(PlanError::TooLong { .. })
    ));
    assert!(j.plan_items.is_empty());
}

#[test]
fn a_yearly_hard_date_comes_back_and_a_once_date_passes() {
    let (mut j, _, s) = couple();
    let date = |yearly| HardDate {
        day: day(2025, 3, 14),
        yearly,
    };
    let yearly = j
        .add_plan_item(s, parts("A walk"), Some(date(true)), now())
        .unwrap();
    let once = j
        .add_plan_item(s, parts("Tea"), Some(date(false)), now())
        .unwrap();
    assert_eq!(
        plan_item(&j, yearly).next_hard_day(today()),
        Some(day(2027, 3, 14))
    );
    assert_eq!(plan_item(&j, once).next_hard_day(today()), None);
}

#[test]
fn only_the_partner_who_noted_a_moment_says_how_it_went() {
    let (mut j, a, s) = couple();
    let id = j
        .add_hard_moment(s, "The song came on", None, Visibility::Private, now())
        .unwrap();
    let moment = &j.hard_moments[0];
    assert!(moment.is_visible_to(s) && !moment.is_visible_to(a));
    assert_eq!(
        j.set_moment_outcome(id, a, MomentOutcome::Helped, now()),
        Err(PlanError::NotYourMoment)
    );
    j.set_moment_outcome(id, s, MomentOutcome::Partly, now())
        .unwrap();
    assert_eq!(j.hard_moments[0].outcome, Some(MomentOutcome::Partly));
}

#[test]
fn a_moment_is_a_line_or_two_and_its_plan_item_must_exist() {
    let (mut j, _, s) = couple();
    let long = "a".repeat(MOST_MOMENT_CHARS + 1);
    assert!(matches!(
        j.add_hard_moment(s, &long, None, Visibility::Private, now()),
        Err(PlanError::TooLong { .. })
    ));
    let stranger = RecordId::nil();
    assert!(matches!(
        j.add_hard_moment(s, "Hard", Some(stranger), Visibility::Private, now()),
        Err(PlanError::Domain(DomainError::UnknownRecord(_)))
    ));
    assert!(j.hard_moments.is_empty());
}

#[test]
fn a_pause_ends_this_evening_or_tomorrow_when_the_time_has_passed() {
    let zone = FixedOffset::east_opt(3600).unwrap();
    let at_eight = zone.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    let half_nine = NaiveTime::from_hms_opt(21, 30, 0).unwrap();
    assert_eq!(
        pause_ends(at_eight, half_nine),
        zone.with_ymd_and_hms(2026, 11, 25, 21, 30, 0).unwrap()
    );
    let seven = NaiveTime::from_hms_opt(19, 0, 0).unwrap();
    assert_eq!(
        pause_ends(at_eight, seven),
        zone.with_ymd_and_hms(2026, 11, 26, 19, 0, 0).unwrap()
    );
    assert_eq!(parse_clock_time("21:30"), Ok(half_nine));
    for bad in ["25:00", "9:30", "21.30", "tonight", ""] {
        assert!(matches!(parse_clock_time(bad), Err(PlanError::BadTime(_))));
    }
}

#[test]
fn a_pause_holds_until_its_time() {
    let (mut j, _, s) = couple();
    let zone = FixedOffset::east_opt(0).unwrap();
    let asked = now().with_timezone(&zone);
    let until = NaiveTime::from_hms_opt(21, 0, 0).unwrap();
    j.ask_for_pause(s, until, Some("I'll come back".into()), asked)
        .unwrap();
    assert_eq!(j.active_pauses(now()).len(), 1);
    assert!(j.active_pauses(now() + Duration::hours(1)).is_empty());
}

#[test]
fn the_new_records_keep_unknown_fields_and_read_a_missing_visibility_as_private() {
    let (mut j, a, s) = couple();
    let id = item(&mut j, s);
    j.review_plan_item(id, a, ReviewKind::Agreed, None, now())
        .unwrap();
    j.add_hard_moment(s, "Hard", Some(id), Visibility::Shared, now())
        .unwrap();
    let zone = FixedOffset::east_opt(0).unwrap();
    let until = NaiveTime::from_hms_opt(22, 0, 0).unwrap();
    j.ask_for_pause(s, until, None, now().with_timezone(&zone))
        .unwrap();
    let mut file: serde_json::Value = serde_json::to_value(&j).unwrap();
    file["plan_items"][0]["colour"] = "blue".into();
    file["plan_items"][0]["reviews"][0]["mood"] = 1.into();
    file["hard_moments"][0]["breaths"] = 4.into();
    file["hard_moments"][0]
        .as_object_mut()
        .unwrap()
        .remove("visibility");
    file["pauses"][0]["kept"] = true.into();
    let read: Journal = serde_json::from_str(&file.to_string()).unwrap();
    assert_eq!(read.hard_moments[0].visibility, Visibility::Private);
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(written["plan_items"][0]["colour"], "blue");
    assert_eq!(written["plan_items"][0]["reviews"][0]["mood"], 1);
    assert_eq!(written["hard_moments"][0]["breaths"], 4);
    assert_eq!(written["pauses"][0]["kept"], true);
    assert_eq!(read.plan_items[0].reviews[0].kind, ReviewKind::Agreed);
    assert_eq!(read.pauses[0].until, j.pauses[0].until);
}

#[test]
fn the_other_partners_private_moments_are_not_found_by_id() {
    let (mut j, a, s) = couple();
    let private = j
        .add_hard_moment(s, "Hard", None, Visibility::Private, now())
        .unwrap();
    let prefix = private.simple().to_string();
    assert!(j.hard_moment_by_prefix(s, &prefix).is_ok());
    assert!(matches!(
        j.hard_moment_by_prefix(a, &prefix),
        Err(PlanError::Domain(DomainError::NoSuchId(_)))
    ));
    // A prefix both share finds only the viewer's own, never "more than one".
    let own = j
        .add_hard_moment(a, "Also hard", None, Visibility::Private, now())
        .unwrap();
    assert_eq!(j.hard_moment_by_prefix(a, "0").unwrap().meta.id, own);
}

#[test]
fn plan_changes_apply_as_values_and_name_the_record_they_made() {
    let (mut j, a, s) = couple();
    let today = now().date_naive();
    let before = j.clone();
    let add = Change::AddPlanItem {
        owner: s,
        parts: parts("A walk"),
        hard_date: None,
    };
    add.apply(&mut j, now(), today).unwrap();
    let id = add.changed_record(&before, &j).expect("the new item");
    assert_eq!(plan_item(&j, id).owner(), s);

    let own_review = Change::ReviewPlanItem {
        id,
        by: s,
        kind: ReviewKind::Agreed,
        note: None,
    };
    assert_eq!(
        own_review.apply(&mut j, now(), today),
        Err(PlanError::ReviewOwnPlanItem)
    );

    let before = j.clone();
    let moment = Change::AddHardMoment {
        by: s,
        text: "The song in the shop".into(),
        plan_item: Some(id),
        visibility: Visibility::Private,
    };
    moment.apply(&mut j, now(), today).unwrap();
    let moment_id = moment.changed_record(&before, &j).expect("the new moment");
    assert!(j.hard_moment_by_prefix(a, &moment_id.to_string()).is_err());
    assert!(j.hard_moment_by_prefix(s, &moment_id.to_string()).is_ok());

    let until = now() + Duration::hours(1);
    let pause = Change::AskForPause {
        by: s,
        until,
        note: None,
    };
    pause.apply(&mut j, now(), today).unwrap();
    assert_eq!(j.active_pauses(now())[0].until, until);
    assert!(j.active_pauses(until).is_empty());
}

#[test]
fn an_absurd_hard_date_is_refused_and_nothing_is_added() {
    let (mut j, _, s) = couple();
    for (y, m, d) in [(9999, 12, 31), (1066, 10, 14), (2040, 1, 1)] {
        let date = HardDate {
            day: day(y, m, d),
            yearly: false,
        };
        let refused = j.add_plan_item(s, parts("A walk"), Some(date), now());
        assert!(
            matches!(refused, Err(PlanError::HardDateOutOfRange { day: d2, .. }) if d2 == date.day),
            "{refused:?}"
        );
    }
    assert!(j.plan_items.is_empty());
    let near = HardDate {
        day: day(2030, 6, 1),
        yearly: true,
    };
    assert!(
        j.add_plan_item(s, parts("A walk"), Some(near), now())
            .is_ok()
    );
}
