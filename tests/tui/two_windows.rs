//! Two windows editing the same entry of one journal file: neither text is lost, and the
//! window whose entry changed underneath it is told.

use crate::harness as tui_support;

use mend::journal::{NewEntry, Stage, Visibility};
use mend::store::Store;
use tui_support::{ALEX, Harness, day, empty_journal, now};

/// A journal file holding one shared entry by Alex, and a window (harness) opened on it.
fn journal_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut journal = empty_journal();
    journal
        .add_entry(
            NewEntry {
                author: ALEX,
                day: day(11, 25),
                stage: Stage::Healing,
                prompt_id: None,
                prompt: Some("What helped today?".into()),
                text: "The walk helped.".into(),
                visibility: Visibility::Shared,
            },
            now().to_utc(),
            day(11, 25),
        )
        .expect("an entry");
    Store::new(&path, None).create(journal).expect("created");
    (dir, path)
}

fn window(path: &std::path::Path) -> (Store, Harness) {
    let mut store = Store::new(path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let mut harness = Harness::new(Some(mend::journal::Journal::clone(&journal)));
    harness.app.journal = Some(journal);
    (store, harness)
}

#[test]
fn two_windows_editing_one_entry_keep_both_texts_and_the_second_is_told() {
    let (_dir, path) = journal_file();
    let (mut store_one, mut one) = window(&path);
    let (mut store_two, mut two) = window(&path);

    // Both open the same entry for editing before either saves.
    one.keys_saving_to(&mut store_one, "<Enter>je");
    two.keys_saving_to(&mut store_two, "<Enter>je");
    one.keys_saving_to(&mut store_one, " And the tea.<C-s>");
    let told_one = one.render(80, 24);
    assert!(told_one.contains("Your changes are saved."), "{told_one}");

    two.keys_saving_to(&mut store_two, " And the call.<C-s>");
    let told_two = two
        .render(80, 24)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        told_two.contains("changed in another window while you wrote"),
        "the second window is told: {told_two}"
    );

    let on_disk = Store::new(&path, None)
        .load()
        .expect("loads")
        .expect("a journal");
    let texts: Vec<&str> = on_disk.live_entries().map(|e| e.text.as_str()).collect();
    assert!(
        texts.contains(&"The walk helped. And the tea."),
        "the first window's change survives: {texts:?}"
    );
    assert!(
        texts.contains(&"The walk helped. And the call."),
        "the second window's change survives: {texts:?}"
    );
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        on_disk.live_entries().all(|e| e.day == day(11, 25)
            && e.stage == Stage::Healing
            && e.prompt.as_deref() == Some("What helped today?")),
        "the kept text answers the same prompt on the same evening"
    );
}

#[test]
fn one_window_editing_alone_changes_the_entry_in_place() {
    let (_dir, path) = journal_file();
    let (mut store, mut one) = window(&path);
    one.keys_saving_to(&mut store, "<Enter>je And the tea.<C-s>");
    one.keys_saving_to(&mut store, "je Twice.<C-s>");
    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    let texts: Vec<&str> = on_disk.live_entries().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["The walk helped. And the tea. Twice."]);
}
