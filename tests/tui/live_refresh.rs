//! The open app picks up a save made elsewhere (another window, the other laptop) on its next
//! tick, without disturbing what is typed, an open form, or the chosen row.

use crate::harness as tui_support;

use mend::journal::{Change, NewEntry, Stage, Visibility};
use mend::store::Store;
use mend::tui::effects::{Event, Reply};
use mend::tui::{look_for_changes, save_change};
use tui_support::{ALEX, Harness, SAM, day, empty_journal, now};

/// A journal file holding one shared entry by Alex tonight.
pub fn journal_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut journal = empty_journal();
    journal
        .add_entry(entry(ALEX, "The walk helped."), now().to_utc(), day(11, 25))
        .expect("an entry");
    Store::new(&path, None).create(journal).expect("created");
    (dir, path)
}

fn entry(author: mend::journal::PartnerId, text: &str) -> NewEntry {
    NewEntry {
        author,
        day: day(11, 25),
        stage: Stage::Healing,
        prompt_id: None,
        prompt: Some("What helped today?".into()),
        text: text.into(),
        visibility: Visibility::Shared,
    }
}

/// One window (harness and its store) opened on the file.
pub fn window(path: &std::path::Path) -> (Store, Harness) {
    let mut store = Store::new(path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let mut harness = Harness::new(Some(mend::journal::Journal::clone(&journal)));
    harness.app.journal = Some(journal);
    harness.app.refresh();
    (store, harness)
}

/// Sam, in another window or on the other laptop, saves a new shared entry.
fn sam_writes_elsewhere(path: &std::path::Path, text: &str) {
    let mut other = Store::new(path, None);
    other.load().expect("loads");
    let reply = save_change(&mut other, &Change::AddEntry(entry(SAM, text)), now());
    assert!(matches!(reply, Reply::Saved(Ok(_))), "{reply:?}");
}

/// What the real loop does once a second: look at the file, hand any news to the app, tick.
pub fn tick(store: &mut Store, h: &mut Harness) {
    if let Some(reply) = look_for_changes(store) {
        let effects = h.app.on_reply(reply);
        h.run(effects);
    }
    let effects = h.app.update(Event::Tick(now()));
    h.run(effects);
}

fn flat(h: &Harness) -> String {
    h.render(100, 30)
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn sams_new_entry_shows_in_the_journal_after_a_tick_and_the_chosen_entry_stays_chosen() {
    let (_dir, path) = journal_file();
    let (mut store, mut h) = window(&path);
    h.keys("<Enter>j");
    tick(&mut store, &mut h);
    assert!(!flat(&h).contains("Sam's words from the other laptop"));

    sam_writes_elsewhere(&path, "Sam's words from the other laptop.");
    tick(&mut store, &mut h);
    assert!(
        flat(&h).contains("Sam's words from the other laptop"),
        "{}",
        flat(&h)
    );
    // Sam's entry is newer, so it is listed first; the chosen entry is still Alex's.
    h.keys("<Enter>");
    let reading = flat(&h);
    assert!(reading.contains("The walk helped."), "{reading}");
    assert!(
        !reading.contains("Sam's words from the other laptop"),
        "the entry opened is the one that was chosen, not the one now at its place: {reading}"
    );
    // Looking again finds nothing new and changes nothing.
    assert_eq!(look_for_changes(&mut store), None);
}

#[test]
fn writing_keeps_its_text_when_sams_entry_arrives_and_both_are_saved() {
    let (_dir, path) = journal_file();
    let (mut store, mut h) = window(&path);
    h.keys("<Enter>w");
    h.keys_saving_to(&mut store, "Half a thought");
    sam_writes_elsewhere(&path, "Sam arrived while Alex wrote.");
    tick(&mut store, &mut h);
    assert!(
        flat(&h).contains("Half a thought"),
        "the typed text stays: {}",
        flat(&h)
    );
    assert!(h.app.journal.as_ref().is_some_and(|j| {
        j.live_entries()
            .any(|e| e.text == "Sam arrived while Alex wrote.")
    }));
    h.keys_saving_to(&mut store, ", finished.<C-s>");

    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    let texts: Vec<&str> = on_disk.live_entries().map(|e| e.text.as_str()).collect();
    assert!(
        texts.contains(&"Half a thought, finished."),
        "typing went on where it was: {texts:?}"
    );
    assert!(
        texts.contains(&"Sam arrived while Alex wrote."),
        "{texts:?}"
    );
}

#[test]
fn an_open_promise_form_keeps_its_words_when_the_journal_changes_underneath() {
    let (_dir, path) = journal_file();
    let (mut store, mut h) = window(&path);
    h.keys("<Enter>o");
    h.keys_saving_to(&mut store, "nPut my phone away at dinner");
    sam_writes_elsewhere(&path, "Sam wrote during the promise.");
    tick(&mut store, &mut h);
    assert!(
        flat(&h).contains("Put my phone away at dinner"),
        "{}",
        flat(&h)
    );
    assert!(
        h.app.journal.as_ref().is_some_and(|j| j
            .live_entries()
            .any(|e| e.text == "Sam wrote during the promise.")),
        "the journal behind the form is the new one"
    );
    h.keys_saving_to(&mut store, "<Enter>");

    let on_disk = Store::new(&path, None).load().unwrap().unwrap();
    assert!(
        on_disk
            .live_promises()
            .any(|p| p.text == "Put my phone away at dinner")
    );
    assert!(
        on_disk
            .live_entries()
            .any(|e| e.text == "Sam wrote during the promise.")
    );
}

#[test]
fn a_corrupt_file_is_reported_once_calmly_and_the_last_good_journal_stays() {
    let (_dir, path) = journal_file();
    let (mut store, mut h) = window(&path);
    h.keys("<Enter>j");
    std::fs::write(&path, b"{\"format\": \"mend-journal\", \"entr").expect("written by hand");

    tick(&mut store, &mut h);
    let screen = flat(&h);
    assert!(
        screen.contains("keeps showing it as it was"),
        "a calm notice: {screen}"
    );
    assert!(screen.contains("The walk helped."), "still shown: {screen}");
    assert_eq!(
        look_for_changes(&mut store),
        None,
        "told once, not every second"
    );
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        b"{\"format\": \"mend-journal\", \"entr",
        "nothing was written over the bad file"
    );

    // Once the file is good again (a sync engine finishes delivering it), it shows.
    sam_writes_elsewhere_after_repair(&path);
    tick(&mut store, &mut h);
    assert!(flat(&h).contains("Mended file."), "{}", flat(&h));
}

/// The good journal put back, with one more entry by Sam.
fn sam_writes_elsewhere_after_repair(path: &std::path::Path) {
    let mut journal = empty_journal();
    journal
        .add_entry(entry(ALEX, "The walk helped."), now().to_utc(), day(11, 25))
        .expect("an entry");
    journal
        .add_entry(entry(SAM, "Mended file."), now().to_utc(), day(11, 25))
        .expect("an entry");
    std::fs::remove_file(path).expect("removed");
    Store::new(path, None).create(journal).expect("created");
}

#[test]
fn an_entry_deleted_elsewhere_while_chosen_gives_the_choice_to_its_neighbour() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut journal = empty_journal();
    let mut ids = Vec::new();
    for (d, text) in [
        (23, "Monday's words."),
        (24, "Tuesday's words."),
        (25, "Tonight's words."),
    ] {
        let new = NewEntry {
            day: day(11, d),
            ..entry(ALEX, text)
        };
        ids.push(
            journal
                .add_entry(new, now().to_utc(), day(11, 25))
                .expect("an entry"),
        );
    }
    Store::new(&path, None).create(journal).expect("created");
    let (mut store, mut h) = window(&path);
    // Newest first: tonight, Tuesday, Monday. Tuesday is chosen.
    h.keys("<Enter>j<Down>");

    let mut other = Store::new(&path, None);
    other.load().expect("loads");
    let delete = Change::SetEntryDeleted {
        id: ids[1],
        by: ALEX,
        deleted: true,
    };
    assert!(matches!(
        save_change(&mut other, &delete, now()),
        Reply::Saved(Ok(_))
    ));
    tick(&mut store, &mut h);
    let list = flat(&h);
    assert!(!list.contains("Tuesday's words"), "{list}");

    h.keys("<Enter>");
    let reading = flat(&h);
    assert!(
        reading.contains("Monday's words."),
        "the entry next to the deleted one is chosen: {reading}"
    );
}

/// A promise by Alex to Sam, saved through another window.
fn promise_elsewhere(path: &std::path::Path, text: &str, due: u32) {
    let mut other = Store::new(path, None);
    other.load().expect("loads");
    let promise = mend::journal::NewPromise {
        by: ALEX,
        to: SAM,
        text: text.into(),
        made: day(11, 25),
        due: Some(day(11, due)),
        size: None,
    };
    let reply = save_change(&mut other, &Change::AddPromise(promise), now());
    assert!(matches!(reply, Reply::Saved(Ok(_))), "{reply:?}");
}

#[test]
fn the_chosen_promise_stays_chosen_when_one_made_elsewhere_lands_above_it() {
    let (_dir, path) = journal_file();
    promise_elsewhere(&path, "Call at lunch", 26);
    promise_elsewhere(&path, "Cook on Friday", 28);
    let (mut store, mut h) = window(&path);
    h.keys("<Enter>o<Down>");

    promise_elsewhere(&path, "Walk tonight", 25);
    tick(&mut store, &mut h);
    let list = flat(&h);
    assert!(list.contains("Walk tonight"), "{list}");
    let chosen_line = h
        .render(100, 30)
        .lines()
        .find(|line| line.contains('›'))
        .map(str::to_owned);
    assert!(
        chosen_line
            .as_deref()
            .is_some_and(|l| l.contains("Cook on Friday")),
        "{chosen_line:?}"
    );
    h.keys("<Enter>");
    let details = flat(&h);
    assert!(
        details.contains("\"Cook on Friday\"") && !details.contains("\"Walk tonight\""),
        "the details are of the promise that was chosen: {details}"
    );
}
