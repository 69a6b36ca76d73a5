//! Journal rules: entries: text limits, who may edit or delete, tombstones, and edits that race.

use super::fixture::*;
use crate::journal::*;
use chrono::NaiveDate;

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
    let seen = j.entries[0].meta.clock.clone();
    let edit = |by, text: &str, visibility, seen: &Clock| EntryEdit {
        id,
        by,
        text: text.into(),
        visibility,
        seen: Some(seen.clone()),
        prompt: Some("A prompt".into()),
    };
    assert_eq!(
        j.edit_entry_seen_at(edit(a, "window one", Visibility::Shared, &seen), now()),
        Ok(Edited::InPlace)
    );
    assert_eq!(
        j.edit_entry_seen_at(edit(s, "not mine", Visibility::Shared, &seen), now()),
        Err(DomainError::NotYourEntry)
    );
    let Ok(Edited::BesideAChangedEntry(new_id)) =
        j.edit_entry_seen_at(edit(a, "window two", Visibility::Private, &seen), now())
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
    let before = j
        .entries
        .iter()
        .find(|e| e.meta.id == id)
        .unwrap()
        .meta
        .clock
        .clone();
    j.set_entry_deleted(id, a, true, now()).unwrap();
    let Ok(Edited::BesideAChangedEntry(beside)) =
        j.edit_entry_seen_at(edit(a, "after delete", Visibility::Shared, &before), now())
    else {
        panic!("an edit from before the deletion goes beside it");
    };
    let beside = j.entries.iter().find(|e| e.meta.id == beside).unwrap();
    assert_eq!(
        beside.prompt.as_deref(),
        Some("A prompt"),
        "the prompt it was written to, though the deleted entry keeps none"
    );
    assert!(
        j.entries
            .iter()
            .find(|e| e.meta.id == id)
            .unwrap()
            .meta
            .deleted
    );
}
