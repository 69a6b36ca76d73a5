//! Journal rules: partners and the evening's day and week.

use super::fixture::*;
use crate::journal::*;
use chrono::NaiveDateTime;

#[test]
fn partners_are_found_by_name_ignoring_case_and_spaces() {
    let (j, a, _) = couple();
    assert_eq!(j.partner_named("  aLeX ").unwrap().id, a);
    let err = j.partner_named("Jo").unwrap_err();
    assert_eq!(
        err.to_string(),
        "There is no partner called \"Jo\" in this journal; the partners are Alex and Sam."
    );
}

#[test]
fn a_name_both_partners_hold_chooses_neither() {
    let (mut j, _, _) = couple();
    // As only a hand-edited file can have it.
    j.partners[1].name = "alex".into();
    assert_eq!(
        j.partner_named("Alex").map(|p| p.id),
        Err(DomainError::NameOfBoth("Alex".into()))
    );
}

#[test]
fn a_role_can_be_changed_later_and_the_change_is_stamped_for_the_merge() {
    let (mut j, a, s) = couple();
    assert_eq!(j.partner(a).unwrap().role_updated, None);
    let later = now() + chrono::Duration::hours(1);
    assert_eq!(j.set_role(a, Some(Role::Both), later), Ok(true));
    let alex = j.partner(a).unwrap();
    assert_eq!(
        (alex.role, alex.role_updated),
        (Some(Role::Both), Some(later))
    );
    assert_eq!(j.partner(s).unwrap().role, Some(Role::Hurt), "only Alex's");
    assert_eq!(
        j.set_role(a, Some(Role::Both), now()),
        Ok(false),
        "no change"
    );
    assert_eq!(
        j.set_role(a, None, now()),
        Ok(true),
        "not saying is a choice"
    );
    let alex = j.partner(a).unwrap();
    assert_eq!(alex.role, None);
    assert_eq!(alex.role_updated, Some(later), "the stamp never goes back");
    let stranger = PartnerId(uuid::Uuid::from_u128(7));
    assert_eq!(
        j.set_role(stranger, None, now()),
        Err(DomainError::UnknownPartnerId(stranger))
    );
}

#[test]
fn a_role_choice_reads_none_as_not_saying_and_refuses_other_words() {
    assert_eq!(Role::parse_choice(" Hurt "), Some(Some(Role::Hurt)));
    assert_eq!(Role::parse_choice("none"), Some(None));
    assert_eq!(Role::parse_choice("angry"), None);
    assert_eq!(Role::cycle(None, 1), Some(Role::Hurt));
    assert_eq!(Role::cycle(None, -1), Some(Role::Both));
    assert_eq!(Role::describe_choice(Some(Role::Both)), "a bit of both");
}

#[test]
fn two_partners_with_the_same_name_are_refused() {
    let err = Journal::new(("Alex", None), ("alex", None), now(), today()).unwrap_err();
    assert!(matches!(err, DomainError::SamePartnerNames(_)));
}

#[test]
fn after_midnight_still_belongs_to_the_evening_before() {
    let clock = EveningClock::new(4, WeekStart::Monday);
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(clock.evening_of(at("2026-11-26 00:40")), day(2026, 11, 25));
    assert_eq!(clock.evening_of(at("2026-11-26 03:59")), day(2026, 11, 25));
    assert_eq!(clock.evening_of(at("2026-11-26 04:00")), day(2026, 11, 26));
    assert_eq!(clock.evening_of(at("2026-11-25 21:00")), day(2026, 11, 25));
    let midnight = EveningClock::new(0, WeekStart::Monday);
    assert_eq!(
        midnight.evening_of(at("2026-11-26 00:40")),
        day(2026, 11, 26)
    );
}

#[test]
fn weeks_follow_iso_8601_across_a_year_boundary() {
    let week = Week::iso_containing(day(2027, 1, 1));
    assert_eq!(week.to_string(), "2026-W53");
    assert_eq!(week.start(), day(2026, 12, 28));
    assert_eq!(week.end(), day(2027, 1, 3));
    assert_eq!(Week::parse_iso("2026-W53"), Some(week));
    assert_eq!(
        Week::parse_iso("2025-W53"),
        None,
        "2025 has only 52 ISO weeks"
    );
    assert_eq!(Week::parse_iso("2026-W54"), None);
    assert_eq!(Week::parse_iso("2026-5"), None);
    assert_eq!(week.next().to_string(), "2027-W01");
    assert_eq!(week.previous().to_string(), "2026-W52");
}

#[test]
fn sunday_weeks_start_on_sunday() {
    let clock = EveningClock::new(4, WeekStart::Sunday);
    let week = clock.week_of(day(2026, 11, 25));
    assert_eq!(week.start(), day(2026, 11, 22));
    assert_eq!(week.to_string(), "2026-W48");
}
