//! Unit tests of the journal's rules.

use super::*;
use chrono::{NaiveDateTime, TimeZone};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 25)
}

fn couple() -> (Journal, PartnerId, PartnerId) {
    let j = Journal::new(
        ("Alex", Some(Role::Repairing)),
        ("Sam", Some(Role::Hurt)),
        now(),
        today(),
    )
    .unwrap();
    let (a, s) = (j.partners[0].id, j.partners[1].id);
    (j, a, s)
}

fn promise(j: &mut Journal, by: PartnerId, to: PartnerId) -> RecordId {
    j.add_promise(
        NewPromise {
            by,
            to,
            text: "Call if I'm late".into(),
            made: today(),
            due: None,
            size: None,
        },
        now(),
        today(),
    )
    .unwrap()
}

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

#[test]
fn entries_refuse_empty_text_future_days_and_huge_text() {
    let (mut j, a, _) = couple();
    let entry = |text: &str, d: NaiveDate| NewEntry {
        author: a,
        day: d,
        stage: Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: text.into(),
        visibility: Visibility::Shared,
    };
    assert_eq!(
        j.add_entry(entry("  \n ", today()), now(), today()),
        Err(DomainError::EmptyText("entry"))
    );
    assert!(matches!(
        j.add_entry(entry("hi", day(2026, 11, 26)), now(), today()),
        Err(DomainError::FutureDay { .. })
    ));
    let huge = "x".repeat(MAX_TEXT_BYTES + 1);
    assert!(matches!(
        j.add_entry(entry(&huge, today()), now(), today()),
        Err(DomainError::TextTooLong { .. })
    ));
    assert!(j.entries.is_empty(), "a refused entry writes nothing");
    j.add_entry(entry("I felt heard tonight\n", today()), now(), today())
        .unwrap();
    assert_eq!(j.entries[0].text, "I felt heard tonight");
}

#[test]
fn only_the_author_edits_or_deletes_an_entry_and_delete_is_a_tombstone() {
    let (mut j, a, s) = couple();
    let id = j
        .add_entry(
            NewEntry {
                author: a,
                day: today(),
                stage: Stage::Communication,
                prompt_id: None,
                prompt: None,
                text: "one".into(),
                visibility: Visibility::Shared,
            },
            now(),
            today(),
        )
        .unwrap();
    assert_eq!(
        j.edit_entry(id, s, "two", Visibility::Shared, now()),
        Err(DomainError::NotYourEntry)
    );
    assert_eq!(
        j.set_entry_deleted(id, s, true, now()),
        Err(DomainError::NotYourEntry)
    );
    j.edit_entry(id, a, "two", Visibility::Private, now())
        .unwrap();
    assert_eq!(j.entries[0].meta.rev, 2);
    j.set_entry_deleted(id, a, true, now()).unwrap();
    assert_eq!(j.entries.len(), 1, "deleting keeps a tombstone");
    assert_eq!(j.live_entries().count(), 0);
    assert_eq!(j.entries[0].text, "", "the tombstone keeps no words");
    assert_eq!(
        j.set_entry_deleted(id, a, false, now()),
        Err(DomainError::EmptyText("entry")),
        "an entry without its words does not come back empty"
    );
    j.restore_entry(id, a, "two", None, now()).unwrap();
    assert_eq!(j.live_entries().count(), 1, "undo brings it back");
    assert_eq!(j.entries[0].text, "two");
}

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
fn id_prefixes_must_be_unique_and_hex() {
    let ids = [
        uuid::Uuid::parse_str("019abc00-0000-7000-8000-000000000001").unwrap(),
        uuid::Uuid::parse_str("019abc00-0000-7000-8000-000000000002").unwrap(),
    ];
    assert_eq!(
        resolve_prefix("019abc", ids.into_iter()),
        Err(DomainError::AmbiguousId("019abc".into()))
    );
    assert_eq!(
        resolve_prefix("019abc00-0000-7000-8000-0000000000", ids.into_iter()),
        Err(DomainError::AmbiguousId(
            "019abc00-0000-7000-8000-0000000000".into()
        ))
    );
    assert_eq!(
        resolve_prefix(
            "019ABC0000007000800000000000000 2"
                .replace(' ', "")
                .as_str(),
            ids.into_iter()
        ),
        Ok(ids[1])
    );
    assert_eq!(
        resolve_prefix("ffff", ids.into_iter()),
        Err(DomainError::NoSuchId("ffff".into()))
    );
    assert_eq!(
        resolve_prefix("xyz", ids.into_iter()),
        Err(DomainError::BadId("xyz".into()))
    );
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

#[test]
fn records_stay_sorted_by_id_and_ids_are_unique_at_a_fixed_now() {
    let (mut j, a, _) = couple();
    for i in 0..50 {
        j.add_kind_act(a, &format!("act {i}"), today(), now(), today())
            .unwrap();
    }
    let ids: Vec<_> = j.kind_acts.iter().map(|k| k.meta.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted);
    assert!(j.problems(today()).is_empty());
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
fn an_entry_without_a_visibility_field_is_read_as_private() {
    let (mut j, a, _) = couple();
    j.add_entry(
        NewEntry {
            author: a,
            day: today(),
            stage: Stage::Healing,
            prompt_id: None,
            prompt: None,
            text: "only mine".into(),
            visibility: Visibility::Private,
        },
        now(),
        today(),
    )
    .unwrap();
    let mut value = serde_json::to_value(&j).unwrap();
    value["entries"][0]
        .as_object_mut()
        .unwrap()
        .remove("visibility");
    let read: Journal = serde_json::from_value(value).unwrap();
    assert!(!read.entries[0].is_shared());
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

#[test]
fn an_edit_from_an_older_revision_keeps_both_texts() {
    let (mut j, a, s) = couple();
    let id = j
        .add_entry(
            NewEntry {
                author: a,
                day: today(),
                stage: Stage::Healing,
                prompt_id: Some("p1".into()),
                prompt: Some("A prompt".into()),
                text: "first".into(),
                visibility: Visibility::Shared,
            },
            now(),
            today(),
        )
        .unwrap();
    let seen = j.entries[0].meta.rev;
    assert_eq!(
        j.edit_entry_seen_at(id, a, "window one", Visibility::Shared, seen, now()),
        Ok(Edited::InPlace)
    );
    assert_eq!(
        j.edit_entry_seen_at(id, s, "not mine", Visibility::Shared, seen + 1, now()),
        Err(DomainError::NotYourEntry)
    );
    let Ok(Edited::BesideAChangedEntry(new_id)) =
        j.edit_entry_seen_at(id, a, "window two", Visibility::Private, seen, now())
    else {
        panic!("the second window's edit must keep both texts");
    };
    let first = j.entries.iter().find(|e| e.meta.id == id).unwrap();
    assert_eq!(first.text, "window one", "the first window's change stays");
    let second = j.entries.iter().find(|e| e.meta.id == new_id).unwrap();
    assert_eq!(second.text, "window two");
    assert_eq!(second.visibility, Visibility::Private);
    assert_eq!((second.day, second.stage), (first.day, first.stage));
    assert_eq!(second.prompt, first.prompt);

    // A deleted entry is not brought back by an edit from before the deletion.
    j.set_entry_deleted(id, a, true, now()).unwrap();
    let rev = j.entries.iter().find(|e| e.meta.id == id).unwrap().meta.rev;
    assert!(matches!(
        j.edit_entry_seen_at(id, a, "after delete", Visibility::Shared, rev - 1, now()),
        Ok(Edited::BesideAChangedEntry(_))
    ));
    assert!(
        j.entries
            .iter()
            .find(|e| e.meta.id == id)
            .unwrap()
            .meta
            .deleted
    );
}
