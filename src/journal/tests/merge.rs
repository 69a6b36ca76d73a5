//! The merge of two copies of one journal, case by case.

use super::fixture::*;
use super::merge_support::*;
use crate::journal::*;

#[test]
fn entries_written_on_two_laptops_are_all_kept_and_the_report_counts_them() {
    let (j, a, s) = couple();
    let (mut alex, mut sam) = (laptop(&j, "alex1"), laptop(&j, "sam1"));
    write(&mut alex, a, "From Alex's laptop", later(1));
    write(&mut sam, s, "From Sam's laptop", later(2));
    write(&mut sam, s, "And another", later(3));
    let (both, report) = alex.merge(&sam);
    assert_eq!(both.live_entries().count(), 3);
    assert_eq!(report.added.get("entries"), Some(&2));
    assert_eq!(bytes(&both), bytes(&merged(&sam, &alex)));
}

#[test]
fn a_text_changed_on_both_laptops_keeps_the_other_text_as_an_earlier_version() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "First words", later(1));
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    one.edit_entry(id, a, "Written on one", Visibility::Shared, later(5))
        .unwrap();
    two.edit_entry(id, a, "Written on two", Visibility::Shared, later(6))
        .unwrap();
    let (both, report) = one.merge(&two);
    let e = entry(&both, id);
    assert_eq!(e.text, "Written on two", "the later change wins");
    let earlier: Vec<&str> = e.earlier_versions.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(
        earlier,
        ["Written on one"],
        "the other text is never dropped"
    );
    assert_eq!(report.earlier_versions, 1);
    assert_eq!(bytes(&both), bytes(&merged(&two, &one)));
    assert_eq!(
        bytes(&merged(&both, &one)),
        bytes(&both),
        "merging again adds nothing"
    );
}

#[test]
fn edits_made_one_after_another_on_one_laptop_keep_no_earlier_version() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "First words", later(1));
    let mut one = laptop(&j, "one");
    let stale = one.clone();
    one.edit_entry(id, a, "Second", Visibility::Shared, later(2))
        .unwrap();
    one.edit_entry(id, a, "Third", Visibility::Shared, later(3))
        .unwrap();
    let both = merged(&stale, &one);
    assert_eq!(entry(&both, id).text, "Third");
    assert!(entry(&both, id).earlier_versions.is_empty());
}

#[test]
fn a_deletion_wins_over_an_older_edit_but_not_over_a_newer_one() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "Words", later(1));
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    two.edit_entry(id, a, "Edited", Visibility::Shared, later(2))
        .unwrap();
    one.set_entry_deleted(id, a, true, later(3)).unwrap();
    let gone = merged(&one, &two);
    assert!(entry(&gone, id).meta.deleted);
    assert!(entry(&gone, id).text.is_empty() && entry(&gone, id).earlier_versions.is_empty());

    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    one.set_entry_deleted(id, a, true, later(2)).unwrap();
    two.edit_entry(id, a, "Edited after", Visibility::Shared, later(3))
        .unwrap();
    let kept = merged(&one, &two);
    assert!(!entry(&kept, id).meta.deleted);
    assert_eq!(entry(&kept, id).text, "Edited after");
}

#[test]
fn words_older_than_a_deletion_stay_gone_after_the_entry_is_written_again_elsewhere() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "Words", later(1));
    let (mut one, mut two, mut three) = (laptop(&j, "one"), laptop(&j, "two"), laptop(&j, "three"));
    two.edit_entry(
        id,
        a,
        "Edited before the deletion",
        Visibility::Shared,
        later(2),
    )
    .unwrap();
    one.set_entry_deleted(id, a, true, later(3)).unwrap();
    three
        .edit_entry(
            id,
            a,
            "Written again after it",
            Visibility::Shared,
            later(4),
        )
        .unwrap();
    // Whichever laptops meet first, the words from before the deletion stay gone.
    let first = merged(&merged(&one, &two), &three);
    let second = merged(&one, &merged(&two, &three));
    assert_eq!(entry(&first, id).text, "Written again after it");
    assert!(entry(&first, id).earlier_versions.is_empty());
    assert_eq!(bytes(&first), bytes(&second));
    assert_eq!(
        bytes(&merged(&first, &two)),
        bytes(&first),
        "the old copy brings nothing back"
    );
}

#[test]
fn a_promise_kept_on_one_laptop_and_noticed_on_the_other_keeps_both_steps() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let mut alex = laptop(&j, "alex1");
    alex.change_promise(id, a, PromiseAction::Keep, None, later(1), today())
        .unwrap();
    let mut sam = laptop(&alex, "sam1");
    sam.acknowledge_promise(id, s, None, later(2)).unwrap();
    alex.change_promise(id, a, PromiseAction::Keep, None, later(3), today())
        .ok();
    let (both, report) = alex.merge(&sam);
    let p = promise_in(&both, id);
    assert_eq!(p.status, PromiseStatus::Kept);
    assert_eq!(p.acknowledged.as_ref().map(|ack| ack.by), Some(s));
    assert!(report.promise_changes >= 1);
    assert_eq!(bytes(&both), bytes(&merged(&sam, &alex)));
}

#[test]
fn a_promise_changed_apart_on_two_laptops_keeps_every_step_and_follows_the_latest() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    one.change_promise(id, a, PromiseAction::Break, None, later(5), today())
        .unwrap();
    two.change_promise(id, a, PromiseAction::Keep, None, later(4), today())
        .unwrap();
    let both = merged(&one, &two);
    let p = promise_in(&both, id);
    assert_eq!(p.history.len(), 2);
    assert_eq!(p.status, PromiseStatus::Broken, "the latest step decides");
    assert_eq!(bytes(&both), bytes(&merged(&two, &one)));
}

#[test]
fn an_acknowledgement_by_anyone_but_the_receiver_does_not_count() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    j.change_promise(id, a, PromiseAction::Keep, None, later(1), today())
        .unwrap();
    let mut forged = laptop(&j, "two");
    forged.promises[0].acknowledged = Some(Acknowledgement::new(a, later(2), None));
    forged.promises[0]
        .meta
        .touch(later(2), &Device("two".into()));
    let both = merged(&j, &forged);
    assert_eq!(promise_in(&both, id).acknowledged, None);
}

#[test]
fn two_check_ins_for_one_evening_keep_the_newest() {
    let (j, a, _) = couple();
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    check_in(&mut one, a, 3, later(1));
    let newer = check_in(&mut two, a, 8, later(2));
    let (both, report) = one.merge(&two);
    let live: Vec<_> = both.live_checkins().collect();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].meta.id, newer);
    assert_eq!(report.checkins_set_aside, 1);
    assert_eq!(bytes(&both), bytes(&merged(&two, &one)));
}

#[test]
fn a_partner_renamed_on_two_laptops_keeps_the_later_name() {
    let (j, a, _) = couple();
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    two.rename_partner(a, "Lex", later(2)).unwrap();
    one.rename_partner(a, "Al", later(1)).unwrap();
    let both = merged(&one, &two);
    assert_eq!(both.name_of(a), "Lex");
    assert_eq!(bytes(&both), bytes(&merged(&two, &one)));
}

#[test]
fn two_different_couples_journals_are_never_merged() {
    let (one, ..) = couple();
    let (two, ..) = couple();
    assert_eq!(
        one.check_can_merge(&two),
        Err(DomainError::NotTheSameJournal)
    );
    assert_eq!(one.check_can_merge(&laptop(&one, "x")), Ok(()));
}

#[test]
fn the_clock_never_runs_backwards_and_a_device_breaks_a_tie() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "Words", later(10));
    let before = entry(&j, id).meta.clock.clone();
    j.edit_entry(
        id,
        a,
        "Changed with the clock set back",
        Visibility::Shared,
        later(1),
    )
    .unwrap();
    let after = entry(&j, id).meta.clock.clone();
    assert!(after > before, "{after:?} after {before:?}");
    let x = Clock::start(later(1), &Device("a".into()));
    let y = Clock::start(later(1), &Device("b".into()));
    assert!(x < y && x != y);
}

#[test]
fn a_record_without_a_clock_reads_one_made_of_its_update_time_and_revision() {
    let (mut j, a, _) = couple();
    let id = write(&mut j, a, "Words", later(1));
    let mut value: serde_json::Value = serde_json::to_value(&j).unwrap();
    let saved = value["entries"][0].as_object_mut().unwrap();
    assert!(
        saved.contains_key("clock"),
        "a clock from this mend is written"
    );
    saved.remove("clock");
    value["future_field"] = serde_json::json!({"kept": [1, 2]});
    let read: Journal = serde_json::from_value(value).unwrap();
    let meta = &entry(&read, id).meta;
    assert_eq!(meta.clock, Clock::derived(meta.updated));
    let text = String::from_utf8(bytes(&read)).unwrap();
    assert!(
        !text.contains("\"clock\""),
        "a derived clock is not written back"
    );
    let both = merged(&read, &j);
    assert!(
        String::from_utf8(bytes(&both))
            .unwrap()
            .contains("future_field")
    );
}

#[test]
fn the_partners_keep_their_order_whatever_their_ids() {
    let (mut j, a, s) = couple();
    j.partners.reverse();
    let copy = laptop(&j, "two");
    let both = merged(&j, &copy);
    assert_eq!(
        both.partners.iter().map(|p| p.id).collect::<Vec<_>>(),
        [s, a]
    );
}

#[test]
fn a_weekly_talk_survives_a_merge() {
    let (j, a, _) = couple();
    let (mut alex, sam) = (laptop(&j, "alex1"), laptop(&j, "sam1"));
    let week = Week::iso_containing(today());
    alex.save_talk_part(week, a, TalkPart::Safe(true), later(1))
        .unwrap();
    let (both, report) = sam.merge(&alex);
    assert_eq!(both.live_talks().count(), 1, "the talk came across");
    assert_eq!(report.added.get("weekly talks"), Some(&1));
    let (again, _) = alex.merge(&sam);
    assert_eq!(bytes(&both), bytes(&again));
}

#[test]
fn a_copy_is_covered_only_while_the_other_holds_every_record_at_its_change_or_later() {
    let (mut journal, alex, sam) = couple();
    promise(&mut journal, alex, sam);
    let before = journal.clone();
    assert!(journal.covers(&before), "the same copy");
    promise(&mut journal, sam, alex);
    assert!(journal.covers(&before), "the other only has more");
    assert!(!before.covers(&journal), "a record the other lacks");
    let mut older = journal.clone();
    if let Some(p) = older.promises.first_mut() {
        p.meta.clock = p.meta.clock.next(now(), &p.meta.clock.device.clone());
    }
    assert!(
        !journal.covers(&older),
        "a record changed later than the other's"
    );
}

#[test]
fn a_copy_whose_words_a_merge_would_keep_is_not_covered_though_every_clock_is() {
    // An entry edited on laptop A, then on laptop B: B's clock is later, but a merge keeps
    // A's words as an earlier version, so B's copy does not cover A's.
    let (journal, alex, _) = couple();
    let mut a = journal.clone();
    let day = now().date_naive();
    let entry = NewEntry {
        author: alex,
        day,
        stage: Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: "first words".into(),
        visibility: Visibility::Shared,
    };
    a.add_entry(entry, now(), day).unwrap();
    let id = a.entries[0].meta.id;
    let mut b = a.clone();
    a.set_device(Device("laptop-a".into()));
    b.set_device(Device("laptop-b".into()));
    a.edit_entry(id, alex, "written on A", Visibility::Shared, later(1))
        .unwrap();
    b.edit_entry(id, alex, "written on B", Visibility::Shared, later(2))
        .unwrap();
    assert!(
        !b.covers(&a),
        "A's words would be kept as an earlier version"
    );
    let (merged, _) = b.merge(&a);
    assert!(merged.covers(&a) && merged.covers(&b));
}

#[test]
fn a_promise_withdrawn_on_one_laptop_after_it_was_kept_and_noticed_on_the_other_is_not_shown_noticed()
 {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    one.change_promise(id, a, PromiseAction::Keep, None, later(1), today())
        .unwrap();
    one.acknowledge_promise(id, s, Some("thank you".into()), later(2))
        .unwrap();
    two.change_promise(id, a, PromiseAction::Withdraw, None, later(3), today())
        .unwrap();
    for both in [merged(&one, &two), merged(&two, &one)] {
        let p = both.promises.iter().find(|p| p.meta.id == id).unwrap();
        assert_eq!(p.status, PromiseStatus::Withdrawn);
        assert_eq!(
            p.noticed(),
            None,
            "a promise not kept is never shown as noticed"
        );
        let note = p.acknowledged.as_ref().and_then(|ack| ack.note.as_deref());
        assert_eq!(note, Some("thank you"), "Sam's words stay in the file");
    }
}

#[test]
fn a_promise_renegotiated_on_one_laptop_and_kept_on_the_other_stays_renegotiated() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    let renegotiate = PromiseAction::Renegotiate {
        text: Some("Call if I'm late, or text".into()),
        due: None,
    };
    two.change_promise(id, a, renegotiate, None, later(1), today())
        .unwrap();
    one.change_promise(id, a, PromiseAction::Keep, None, later(2), today())
        .unwrap();
    for both in [merged(&one, &two), merged(&two, &one)] {
        let p = both.promises.iter().find(|p| p.meta.id == id).unwrap();
        assert_eq!(
            p.status,
            PromiseStatus::Renegotiated,
            "its new promise stands"
        );
        assert!(p.replaced_by.is_some());
    }
}
