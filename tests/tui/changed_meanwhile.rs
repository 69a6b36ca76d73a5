//! A form open in the app while the same record changes elsewhere (the other laptop's words
//! merged in, another window, a command): saving the form never writes over what it never
//! showed.

use crate::harness as tui_support;
use crate::live_refresh::{tick, window};

use chrono::{TimeZone, Utc};
use mend::journal::{Device, Journal, NewEntry, Stage, Visibility};
use mend::store::Store;
use tui_support::{ALEX, day, empty_journal, flat, with_alexs_walk};

/// Alex's entry of 24 November, edited apart on two laptops: laptop one's copy and laptop
/// two's (the later edit).
fn edited_apart() -> (Journal, Journal) {
    let mut j = empty_journal();
    let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0).unwrap();
    let first = NewEntry {
        author: ALEX,
        day: day(11, 24),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: Some("What did you notice today?".into()),
        text: "First words.".into(),
        visibility: Visibility::Shared,
    };
    let id = j.add_entry(first, at(21, 0), day(11, 24)).unwrap();
    let (mut one, mut two) = (j.clone(), j);
    one.set_device(Device("one".into()));
    two.set_device(Device("two".into()));
    one.edit_entry(
        id,
        ALEX,
        "Laptop one's words.",
        Visibility::Shared,
        at(21, 40),
    )
    .unwrap();
    two.edit_entry(
        id,
        ALEX,
        "Laptop two's words, kestrel.",
        Visibility::Shared,
        at(22, 5),
    )
    .unwrap();
    (one, two)
}

/// Every text the file holds for live entries, their earlier versions included.
fn every_text(path: &std::path::Path) -> Vec<String> {
    let on_disk = Store::new(path, None).load().unwrap().unwrap();
    on_disk
        .live_entries()
        .flat_map(|e| {
            std::iter::once(e.text.clone()).chain(e.earlier_versions.iter().map(|v| v.text.clone()))
        })
        .collect()
}

/// The window's edit went in place over laptop two's words, which the merge had just
/// brought and the window never showed (a merge keeps the winner's revision number).
#[test]
fn an_edit_saved_after_the_other_laptops_words_arrived_keeps_them() {
    let (one, two) = edited_apart();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    Store::new(&path, None).create(one).unwrap();
    let (mut store, mut h) = window(&path);
    h.keys_saving_to(&mut store, "<Enter>je");
    let mut other = Store::new(&path, None);
    other.load().unwrap();
    other
        .update(|j| {
            *j = j.merge(&two).0;
            Ok(())
        })
        .unwrap();
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, " And more.<C-s>");
    let texts = every_text(&path);
    assert!(texts.iter().any(|t| t.ends_with("And more.")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t == "Laptop two's words, kestrel."),
        "laptop two's words were written over by a window that never showed them: {texts:?}"
    );
    let screen = h.render(80, 24);
    assert!(
        screen.contains("beside"),
        "the screen says where the words went: {screen}"
    );
}

fn file_of(journal: Journal) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    Store::new(&path, None).create(journal).unwrap();
    (dir, path)
}

fn saved_elsewhere(path: &std::path::Path, change: &mend::journal::Change) {
    let mut other = Store::new(path, None);
    other.load().unwrap();
    let reply = mend::tui::save_change(&mut other, change, tui_support::now());
    assert!(
        matches!(reply, mend::tui::effects::Reply::Saved(Ok(_))),
        "{reply:?}"
    );
}

/// The form sent no note and its own ratings over a check-in saved elsewhere meanwhile,
/// and said "Check-in saved".
#[test]
fn a_check_in_saved_elsewhere_while_the_form_was_open_is_not_written_over() {
    use mend::journal::{Change, NewCheckin, Rating};
    let (_dir, path) = file_of(empty_journal());
    let (mut store, mut h) = window(&path);
    h.keys_saving_to(&mut store, "<Down><Enter>c");
    let theirs = NewCheckin {
        author: tui_support::SAM,
        day: day(11, 25),
        safety: Rating::new(6).unwrap(),
        trust: Rating::new(4).unwrap(),
        connection: Rating::new(7).unwrap(),
        note: Some("Slept badly, the heron dream again.".into()),
        note_visibility: Visibility::Private,
    };
    saved_elsewhere(
        &path,
        &Change::Checkin {
            checkin: theirs,
            seen: None,
        },
    );
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, "<Enter>");
    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    let notes: Vec<_> = on_disk.checkins.iter().map(|c| c.note.clone()).collect();
    assert_eq!(
        notes,
        [Some("Slept badly, the heron dream again.".to_owned())]
    );
    let screen = flat(&h.render(80, 24));
    assert!(screen.contains("was changed elsewhere"), "{screen}");
    assert!(!screen.contains("Thank you"), "{screen}");
    // Opened again, the form shows the check-in as it is, and saves over it.
    h.keys_saving_to(&mut store, "<Esc>");
    h.keys_saving_to(&mut store, "c");
    assert!(flat(&h.render(80, 24)).contains("heron dream"));
    h.keys_saving_to(&mut store, "<Enter>");
    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    assert_eq!(on_disk.live_checkins().count(), 1);
}

/// "I read this" replaced a reply with words saved elsewhere meanwhile.
#[test]
fn a_reply_saved_elsewhere_while_the_form_was_open_is_not_written_over() {
    use mend::journal::Change;
    let (j, entry) = with_alexs_walk();
    let (_dir, path) = file_of(j);
    let (mut store, mut h) = window(&path);
    h.keys_saving_to(&mut store, "<Down><Enter>j<Enter>r");
    let words = Some("Thank you for the walk, it mattered.".to_owned());
    let reply = Change::ReplyToEntry {
        entry,
        by: tui_support::SAM,
        text: words.clone(),
        seen: None,
    };
    saved_elsewhere(&path, &reply);
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, "<Enter>");
    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    let texts: Vec<_> = on_disk.live_replies().map(|r| r.text.clone()).collect();
    assert_eq!(texts, [words]);
    assert!(flat(&h.render(80, 24)).contains("was changed elsewhere"));
}

/// An entry saved beside one deleted elsewhere lost the prompt it was written to.
#[test]
fn an_edit_of_an_entry_deleted_elsewhere_is_saved_beside_it_with_its_prompt() {
    use mend::journal::Change;
    let (_dir, path) = crate::live_refresh::journal_file();
    let (mut store, mut h) = window(&path);
    let id = Store::new(&path, None).load().unwrap().unwrap().entries[0]
        .meta
        .id;
    h.keys_saving_to(&mut store, "<Enter>je");
    saved_elsewhere(
        &path,
        &Change::SetEntryDeleted {
            id,
            by: ALEX,
            deleted: true,
        },
    );
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, " And the tea.<C-s>");
    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    let live: Vec<_> = on_disk.live_entries().collect();
    assert_eq!(live.len(), 1, "{live:?}");
    assert_eq!(live[0].text, "The walk helped. And the tea.");
    assert_eq!(live[0].prompt.as_deref(), Some("What helped today?"));
}
