//! Journal rules: check-ins and kind acts.

use super::fixture::*;
use crate::journal::*;

#[test]
fn a_second_checkin_the_same_evening_replaces_the_first() {
    let (mut j, a, _) = couple();
    let checkin = |n: u8| NewCheckin {
        author: a,
        day: today(),
        safety: Rating::new(n).unwrap(),
        trust: Rating::new(n).unwrap(),
        connection: Rating::new(n).unwrap(),
        note: Some(" ".into()),
        note_visibility: Visibility::Shared,
    };
    let (first, replaced) = j.upsert_checkin(checkin(3), now(), today()).unwrap();
    assert!(!replaced);
    let (second, replaced) = j.upsert_checkin(checkin(6), now(), today()).unwrap();
    assert!(replaced);
    assert_eq!(first, second);
    assert_eq!(j.checkins.len(), 1);
    assert_eq!(j.checkins[0].trust.value(), 6);
    assert_eq!(j.checkins[0].note, None, "a blank note is no note");
    assert!(Rating::new(11).is_err());
}

fn checkin_with_note(author: PartnerId, visibility: Visibility) -> NewCheckin {
    NewCheckin {
        author,
        day: today(),
        safety: Rating::new(6).unwrap(),
        trust: Rating::new(5).unwrap(),
        connection: Rating::new(7).unwrap(),
        note: Some("slept badly".into()),
        note_visibility: visibility,
    }
}

#[test]
fn a_private_checkin_note_is_read_only_by_its_author_and_the_ratings_stay_shared() {
    let (mut j, a, s) = couple();
    j.upsert_checkin(checkin_with_note(a, Visibility::Private), now(), today())
        .unwrap();
    let c = j.checkin_for(a, today()).unwrap();
    assert_eq!(c.note_for(a), Some("slept badly"), "its author reads it");
    assert_eq!(c.note_for(s), None, "the other partner does not");
    assert_eq!(c.shared_note(), None, "nor does the weekly summary");
    assert_eq!(c.trust.value(), 5, "the ratings are kept as given");
}

#[test]
fn a_shared_checkin_note_is_read_by_both_and_by_the_summary() {
    let (mut j, a, s) = couple();
    j.upsert_checkin(checkin_with_note(a, Visibility::Shared), now(), today())
        .unwrap();
    let c = j.checkin_for(a, today()).unwrap();
    assert_eq!(c.note_for(a), Some("slept badly"));
    assert_eq!(c.note_for(s), Some("slept badly"));
    assert_eq!(c.shared_note(), Some("slept badly"));
}

#[test]
fn checking_in_again_can_make_the_note_private_and_counts_as_a_change() {
    let (mut j, a, s) = couple();
    j.upsert_checkin(checkin_with_note(a, Visibility::Shared), now(), today())
        .unwrap();
    let rev = j.checkin_for(a, today()).unwrap().meta.rev;
    j.upsert_checkin(checkin_with_note(a, Visibility::Private), now(), today())
        .unwrap();
    let c = j.checkin_for(a, today()).unwrap();
    assert_eq!(c.note_for(s), None);
    assert!(c.meta.rev > rev, "a merge sees the later revision");
}

#[test]
fn kind_acts_are_acknowledged_once_by_the_other_partner() {
    let (mut j, a, s) = couple();
    let id = j
        .add_kind_act(a, "Made tea", today(), now(), today())
        .unwrap();
    assert_eq!(
        j.acknowledge_kind_act(id, a, None, now()),
        Err(DomainError::AckOwnKindAct)
    );
    j.acknowledge_kind_act(id, s, None, now()).unwrap();
    assert_eq!(
        j.acknowledge_kind_act(id, s, None, now()),
        Err(DomainError::AlreadyAcknowledged)
    );
}
