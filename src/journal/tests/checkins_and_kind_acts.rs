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
