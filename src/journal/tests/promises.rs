//! Journal rules: promises: every transition, who may change or notice, and renegotiation.

use super::fixture::*;
use crate::journal::*;
use chrono::NaiveDate;

#[test]
fn every_legal_promise_transition_from_open() {
    for action in [
        PromiseAction::Keep,
        PromiseAction::Break,
        PromiseAction::Withdraw,
        PromiseAction::Renegotiate {
            text: Some("Text if I'm late".into()),
            due: None,
        },
    ] {
        let (mut j, a, s) = couple();
        let id = promise(&mut j, a, s);
        let status = action.status();
        let replacement = j
            .change_promise(id, a, action, Some("ok".into()), now(), today())
            .unwrap();
        let p = j.promises.iter().find(|p| p.meta.id == id).unwrap();
        assert_eq!(p.status, status);
        assert_eq!(p.history.len(), 1);
        assert_eq!(p.history[0].note.as_deref(), Some("ok"));
        assert_eq!(replacement.is_some(), status == PromiseStatus::Renegotiated);
        if let Some(new_id) = replacement {
            let new = j.promises.iter().find(|p| p.meta.id == new_id).unwrap();
            assert_eq!(new.text, "Text if I'm late");
            assert_eq!(new.status, PromiseStatus::Open);
            assert_eq!(new.renegotiated_from, Some(id));
            assert_eq!(p.replaced_by, Some(new_id));
        }
    }
}

#[test]
fn closed_promises_cannot_change_again() {
    for first in [
        PromiseAction::Keep,
        PromiseAction::Break,
        PromiseAction::Withdraw,
    ] {
        for second in [
            PromiseAction::Keep,
            PromiseAction::Break,
            PromiseAction::Withdraw,
        ] {
            let (mut j, a, s) = couple();
            let id = promise(&mut j, a, s);
            let status = first.status();
            j.change_promise(id, a, first.clone(), None, now(), today())
                .unwrap();
            let before = j.clone();
            assert_eq!(
                j.change_promise(id, a, second, None, now(), today()),
                Err(DomainError::PromiseClosed(status))
            );
            assert_eq!(j, before, "a refused change writes nothing");
        }
    }
}

#[test]
fn only_the_promiser_changes_and_only_the_receiver_acknowledges() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    assert_eq!(
        j.change_promise(id, s, PromiseAction::Keep, None, now(), today()),
        Err(DomainError::NotYourPromise)
    );
    assert_eq!(
        j.acknowledge_promise(id, s, None, now()),
        Err(DomainError::NotYetKept(PromiseStatus::Open))
    );
    j.change_promise(id, a, PromiseAction::Keep, None, now(), today())
        .unwrap();
    assert_eq!(
        j.acknowledge_promise(id, a, None, now()),
        Err(DomainError::AckOwnPromise)
    );
    j.acknowledge_promise(id, s, Some("I noticed".into()), now())
        .unwrap();
    assert_eq!(
        j.acknowledge_promise(id, s, None, now()),
        Err(DomainError::AlreadyAcknowledged)
    );
    let ack = j.promises[0].acknowledged.as_ref().unwrap();
    assert_eq!((ack.by, ack.note.as_deref()), (s, Some("I noticed")));
}

#[test]
fn broken_and_withdrawn_promises_cannot_be_acknowledged() {
    for action in [PromiseAction::Break, PromiseAction::Withdraw] {
        let (mut j, a, s) = couple();
        let id = promise(&mut j, a, s);
        let status = action.status();
        j.change_promise(id, a, action, None, now(), today())
            .unwrap();
        assert_eq!(
            j.acknowledge_promise(id, s, None, now()),
            Err(DomainError::NotYetKept(status))
        );
    }
}

#[test]
fn promise_rules_on_text_due_day_and_receiver() {
    let (mut j, a, s) = couple();
    let new = |text: &str, due: Option<NaiveDate>, to: PartnerId| NewPromise {
        by: a,
        to,
        text: text.into(),
        made: today(),
        due,
        size: None,
    };
    assert_eq!(
        j.add_promise(new(" ", None, s), now(), today()),
        Err(DomainError::EmptyText("promise"))
    );
    assert!(matches!(
        j.add_promise(new("x", Some(day(2026, 11, 24)), s), now(), today()),
        Err(DomainError::DueBeforeMade { .. })
    ));
    assert_eq!(
        j.add_promise(new("x", None, a), now(), today()),
        Err(DomainError::PromiseToSelf)
    );
    assert!(j.promises.is_empty());
    let id = j
        .add_promise(new("x", Some(day(2026, 11, 27)), s), now(), today())
        .unwrap();
    assert!(!j.promises[0].is_overdue(day(2026, 11, 27)));
    assert!(j.promises[0].is_overdue(day(2026, 11, 28)));
    assert_eq!(
        j.promise_by_prefix(&id.simple().to_string()[..12])
            .unwrap()
            .meta
            .id,
        id
    );
}

#[test]
fn renegotiating_keeps_a_due_day_ahead_and_lets_a_passed_one_go() {
    let (mut j, a, s) = couple();
    let made = |due: NaiveDate| NewPromise {
        by: a,
        to: s,
        text: "Walk on Sunday".into(),
        made: today(),
        due: Some(due),
        size: None,
    };
    let ahead = j
        .add_promise(made(day(2026, 11, 29)), now(), today())
        .unwrap();
    let passing = j
        .add_promise(made(day(2026, 11, 26)), now(), today())
        .unwrap();
    let later = today() + chrono::Duration::days(3);
    let keep_text = PromiseAction::Renegotiate {
        text: None,
        due: None,
    };
    let new_words = PromiseAction::Renegotiate {
        text: Some("Walk on Sunday morning".into()),
        due: None,
    };
    let from_ahead = j
        .change_promise(ahead, a, new_words, None, now(), later)
        .unwrap()
        .unwrap();
    let from_passed = j
        .change_promise(passing, a, keep_text, None, now(), later)
        .unwrap()
        .unwrap();
    let due_of = |id| j.promises.iter().find(|p| p.meta.id == id).unwrap().due;
    assert_eq!(due_of(from_ahead), Some(day(2026, 11, 29)));
    assert_eq!(
        due_of(from_passed),
        None,
        "a passed due day is not carried over"
    );
}

#[test]
fn renegotiating_with_nothing_changed_is_refused_and_writes_nothing() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let before = j.clone();
    for action in [
        PromiseAction::Renegotiate {
            text: None,
            due: None,
        },
        PromiseAction::Renegotiate {
            text: Some("Call if I'm late".into()),
            due: None,
        },
    ] {
        assert_eq!(
            j.change_promise(id, a, action, None, now(), today()),
            Err(DomainError::NothingRenegotiated)
        );
        assert_eq!(j, before, "a refused renegotiation writes nothing");
    }
    let later = today() + chrono::Days::new(3);
    j.change_promise(
        id,
        a,
        PromiseAction::Renegotiate {
            text: None,
            due: Some(later),
        },
        None,
        now(),
        today(),
    )
    .expect("a new due day is a real renegotiation");
}

#[test]
fn a_renegotiated_promise_is_noticed_by_its_receiver_but_is_never_kept() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let new_id = j
        .change_promise(
            id,
            a,
            PromiseAction::Renegotiate {
                text: Some("Call before six".into()),
                due: None,
            },
            None,
            now(),
            today(),
        )
        .unwrap()
        .unwrap();
    let old = j.promises.iter().find(|p| p.meta.id == id).unwrap();
    assert_eq!(old.status, PromiseStatus::Renegotiated);
    assert_eq!(old.check_can_acknowledge(s), Ok(()));
    assert_eq!(
        old.check_can_acknowledge(a),
        Err(DomainError::AckOwnPromise)
    );
    let new = j.promises.iter().find(|p| p.meta.id == new_id).unwrap();
    assert_eq!(
        new.check_can_acknowledge(s),
        Err(DomainError::NotYetKept(PromiseStatus::Open))
    );
    j.acknowledge_promise(id, s, None, now()).unwrap();
    assert_eq!(
        j.promises.iter().find(|p| p.meta.id == id).unwrap().status,
        PromiseStatus::Renegotiated,
        "noticing a renegotiation does not make it kept"
    );
}
