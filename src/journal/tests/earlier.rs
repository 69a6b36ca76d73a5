//! An entry's earlier versions: who reads them, and the author letting them go.

use super::fixture::*;
use super::merge_support::*;
use crate::journal::*;

/// Alex's entry changed apart on two laptops: on `one` to `first` (with `first_vis`), then
/// on `two` to "Kept on two" (with `now_vis`). Both copies, and the merged journal.
fn changed_apart(
    first: &str,
    first_vis: Visibility,
    now_vis: Visibility,
) -> (Journal, Journal, Journal, RecordId, PartnerId, PartnerId) {
    let (mut j, a, s) = couple();
    let id = write(&mut j, a, "First words", later(1));
    let (mut one, mut two) = (laptop(&j, "one"), laptop(&j, "two"));
    one.edit_entry(id, a, first, first_vis, later(5)).unwrap();
    two.edit_entry(id, a, "Kept on two", now_vis, later(6))
        .unwrap();
    let both = merged(&one, &two);
    assert_eq!(entry(&both, id).earlier_versions.len(), 1);
    (one, two, both, id, a, s)
}

fn texts(versions: Vec<&EarlierVersion>) -> Vec<&str> {
    versions.into_iter().map(|v| v.text.as_str()).collect()
}

#[test]
fn an_earlier_version_written_private_is_read_by_its_author_alone_even_on_a_shared_entry() {
    let (_, _, both, id, a, s) =
        changed_apart("Only for me", Visibility::Private, Visibility::Shared);
    let e = entry(&both, id);
    assert!(e.is_shared());
    assert_eq!(
        texts(e.earlier_versions_for(Reader::Partner(a))),
        ["Only for me"]
    );
    assert!(e.earlier_versions_for(Reader::Partner(s)).is_empty());
    assert!(e.earlier_versions_for(Reader::Both).is_empty());
}

#[test]
fn a_shared_earlier_version_is_read_by_both_while_the_entry_is_shared() {
    let (_, _, both, id, a, s) =
        changed_apart("Also for you", Visibility::Shared, Visibility::Shared);
    let e = entry(&both, id);
    for reader in [Reader::Partner(a), Reader::Partner(s), Reader::Both] {
        assert_eq!(texts(e.earlier_versions_for(reader)), ["Also for you"]);
    }
}

#[test]
fn a_private_entry_shows_none_of_its_earlier_versions_to_the_other_partner() {
    let (_, _, both, id, a, s) =
        changed_apart("Shared once", Visibility::Shared, Visibility::Private);
    let e = entry(&both, id);
    assert_eq!(
        texts(e.earlier_versions_for(Reader::Partner(a))),
        ["Shared once"]
    );
    assert!(e.earlier_versions_for(Reader::Partner(s)).is_empty());
    assert!(e.earlier_versions_for(Reader::Both).is_empty());
}

/// The clocks of the entry's earlier versions, as the screen that showed them names them.
fn seen(j: &Journal, id: RecordId) -> Vec<Clock> {
    entry(j, id)
        .earlier_versions
        .iter()
        .map(|v| v.clock.clone())
        .collect()
}

#[test]
fn only_the_author_lets_earlier_versions_go_and_the_entry_keeps_its_words() {
    let (_, _, mut both, id, a, s) =
        changed_apart("Written on one", Visibility::Shared, Visibility::Shared);
    let before = entry(&both, id).clone();
    let clocks = seen(&both, id);
    assert!(matches!(
        both.let_earlier_versions_go(id, s, &clocks, later(10)),
        Err(DomainError::NotYourEntry)
    ));
    assert_eq!(
        *entry(&both, id),
        before,
        "nothing changed for the other partner"
    );

    both.set_device(Device("one".into()));
    let change = Change::LetEarlierVersionsGo {
        id,
        by: a,
        seen: clocks,
    };
    change.apply(&mut both, later(10), today()).unwrap();
    let e = entry(&both, id);
    assert!(e.earlier_versions.is_empty());
    assert_eq!(e.text, "Kept on two");
    assert!(e.meta.clock > before.meta.clock, "the clock moves on");
    assert_eq!(e.meta.rev, before.meta.rev + 1);
    assert_eq!(e.meta.updated, later(10));
}

#[test]
fn words_let_go_stay_gone_when_merged_with_copies_that_still_hold_them() {
    // Settled on the laptop whose words were let go, or on the one whose words are kept.
    for settled_on in ["one", "two", "three"] {
        let (one, two, mut both, id, a, _) =
            changed_apart("Written on one", Visibility::Shared, Visibility::Shared);
        let old_merge = both.clone();
        both.set_device(Device(settled_on.into()));
        let clocks = seen(&both, id);
        both.let_earlier_versions_go(id, a, &clocks, later(10))
            .unwrap();
        for old in [&one, &two, &old_merge] {
            let again = merged(&both, old);
            assert!(
                entry(&again, id).earlier_versions.is_empty(),
                "settled on {settled_on}: a copy from before does not bring the words back"
            );
            assert_eq!(entry(&again, id).text, "Kept on two");
            assert_eq!(bytes(&again), bytes(&merged(old, &both)));
        }
    }
}

#[test]
fn words_written_apart_after_the_version_let_go_are_new_and_are_kept() {
    let (_, mut two, mut both, id, a, _) =
        changed_apart("Written on one", Visibility::Shared, Visibility::Shared);
    both.set_device(Device("three".into()));
    let clocks = seen(&both, id);
    // Laptop one settles at 10; meanwhile laptop two, not having met, writes again at 8.
    two.edit_entry(id, a, "Two again", Visibility::Shared, later(8))
        .unwrap();
    both.let_earlier_versions_go(id, a, &clocks, later(10))
        .unwrap();
    let again = merged(&both, &two);
    let e = entry(&again, id);
    assert_eq!(e.text, "Kept on two");
    assert_eq!(texts(e.earlier_versions.iter().collect()), ["Two again"]);
}

#[test]
fn a_version_that_arrived_after_the_author_looked_is_not_let_go() {
    let (_, _, mut both, id, a, _) =
        changed_apart("Written on one", Visibility::Shared, Visibility::Shared);
    let before = entry(&both, id).clone();
    // The screen saw no version at all: nothing is let go, and nothing is touched.
    both.let_earlier_versions_go(id, a, &[], later(10)).unwrap();
    assert_eq!(*entry(&both, id), before);
}
