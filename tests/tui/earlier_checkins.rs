//! Earlier evenings' check-ins: looked at and changed from the check-in screen, from the
//! journal's first evening up to tonight, with a private note kept private.

use crate::harness::{ALEX, Harness, SAM, day, lived_in_journal};
use chrono::{TimeZone, Utc};
use mend::journal::{NewCheckin, Rating, Visibility};
use mend::tui::app::Screen;

/// The screen at 80x24 as one line of words, single-spaced.
fn flat(h: &Harness) -> String {
    h.render(80, 24)
        .lines()
        .flat_map(|row| row.trim_matches('"').split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

fn shown_day(h: &Harness) -> chrono::NaiveDate {
    match &h.app.screen {
        Screen::Checkin(form) => form.day,
        _ => panic!("the check-in shows"),
    }
}

/// Sam checked in on Friday 20 November with a note kept private.
fn with_sams_private_note() -> Harness {
    let mut j = lived_in_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 22, 0, 0).unwrap();
    let rating = |v| Rating::new(v).unwrap();
    let checkin = NewCheckin {
        author: SAM,
        day: day(11, 20),
        safety: rating(3),
        trust: rating(2),
        connection: rating(4),
        note: Some("Only for me: a hard talk at work.".into()),
        note_visibility: Visibility::Private,
    };
    j.upsert_checkin(checkin, at, day(11, 25)).unwrap();
    Harness::new(Some(j))
}

#[test]
fn an_earlier_evening_is_checked_in_and_tonight_stays_as_it_was() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<PgUp>");
    assert_eq!(shown_day(&h), day(11, 24));
    let screen = flat(&h);
    assert!(
        screen.contains("Tuesday 24 November: no check-in that evening."),
        "{screen}"
    );
    assert!(screen.contains("Check-in · Alex · Tue 24 Nov"), "{screen}");
    h.keys("7<Enter>");
    let journal = h.saved.clone().unwrap();
    let saved = journal
        .checkin_for(ALEX, day(11, 24))
        .expect("saved that evening");
    assert_eq!(saved.safety.value(), 7);
    assert!(
        journal.checkin_for(ALEX, day(11, 25)).is_none(),
        "not tonight"
    );
    assert_eq!(shown_day(&h), day(11, 24), "it stays on that evening");
    let screen = flat(&h);
    assert!(
        screen.contains("The check-in for Tuesday 24 November is saved."),
        "{screen}"
    );
    assert!(screen.contains("you checked in that evening; saving replaces it"));
}

#[test]
fn evenings_go_back_to_the_journals_start_and_never_past_tonight() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<PgDn>");
    assert_eq!(shown_day(&h), day(11, 25));
    assert!(flat(&h).contains("This is tonight; later evenings have not come yet."));
    for _ in 0..24 {
        h.keys("[");
    }
    assert_eq!(shown_day(&h), day(11, 1), "the journal's first evening");
    h.keys("<PgUp>");
    assert_eq!(shown_day(&h), day(11, 1));
    assert!(flat(&h).contains("This is the evening you started; there is none before it."));
    h.keys("]]");
    assert_eq!(shown_day(&h), day(11, 3));
}

#[test]
fn an_earlier_private_note_stays_private_and_is_only_its_authors() {
    let mut sam = with_sams_private_note();
    sam.keys("<Down><Enter>c<PgUp><PgUp><PgUp><PgUp><PgUp>");
    assert_eq!(shown_day(&sam), day(11, 20));
    let screen = flat(&sam);
    assert!(
        screen.contains("A note for that evening (private): Only for me"),
        "{screen}"
    );
    assert!(
        screen.contains("The note is private: hidden from Alex's screens"),
        "{screen}"
    );
    insta::assert_snapshot!("checkin_earlier_private", sam.render(80, 24));
    // A rating changes; the note keeps its words and stays private.
    sam.keys("<Right><Enter>");
    let saved = sam.saved.clone().unwrap();
    let checkin = saved.checkin_for(SAM, day(11, 20)).unwrap();
    assert_eq!(checkin.safety.value(), 4);
    assert_eq!(checkin.note_visibility, Visibility::Private);
    assert_eq!(
        checkin.note.as_deref(),
        Some("Only for me: a hard talk at work.")
    );

    // Alex's check-in screen on that evening is Alex's own: Sam's note never shows.
    let mut alex = with_sams_private_note();
    alex.keys("<Enter>c<PgUp><PgUp><PgUp><PgUp><PgUp>");
    assert_eq!(shown_day(&alex), day(11, 20));
    let screen = flat(&alex);
    assert!(!screen.contains("hard talk"), "{screen}");
    assert!(screen.contains("no check-in that evening"), "{screen}");
}

#[test]
fn a_note_not_saved_keeps_the_form_on_its_evening() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<Down><Down><Down>a thought[<PgUp>");
    assert_eq!(shown_day(&h), day(11, 25), "it stays on tonight");
    let screen = flat(&h);
    assert!(
        screen.contains("a thought["),
        "[ is text in the note: {screen}"
    );
    assert!(
        screen.contains("The note on screen is not saved"),
        "{screen}"
    );
}

#[test]
fn ctrl_chords_in_a_check_in_note_type_no_letters() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<Down><Down><Down>calm<C-u><C-a><C-w> night");
    let screen = flat(&h);
    assert!(screen.contains("calm night"), "{screen}");
    assert!(!screen.contains("calmuaw"), "{screen}");
}

#[test]
fn changed_ratings_are_not_dropped_by_moving_to_another_evening_unasked() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c9");
    h.keys("<PgUp>");
    assert_eq!(shown_day(&h), day(11, 25), "still tonight");
    let asked = flat(&h);
    assert!(
        asked.contains("The ratings on screen are not saved"),
        "{asked}"
    );
    match &h.app.screen {
        Screen::Checkin(form) => assert_eq!(form.values[0], 9, "the rating is kept"),
        _ => panic!("the check-in shows"),
    }
    // Another key first: the next PgUp asks again.
    h.keys("<Down><PgUp>");
    assert_eq!(shown_day(&h), day(11, 25));
    // The same key again moves on without them.
    h.keys("<PgUp>");
    assert_eq!(shown_day(&h), day(11, 24));
    // Unchanged ratings move at once.
    h.keys("<PgUp>");
    assert_eq!(shown_day(&h), day(11, 23));
}

/// Found by a review helper: after PgUp asked, PgDn moved without asking.
#[test]
fn the_other_direction_asks_for_itself_before_dropping_changed_ratings() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<PgUp>");
    assert_eq!(shown_day(&h), day(11, 24));
    h.keys("9<PgUp><PgDn>");
    assert_eq!(shown_day(&h), day(11, 24), "PgDn asks too");
    assert!(
        flat(&h).contains("PgDn again moves to the later evening without them"),
        "{}",
        flat(&h)
    );
    h.keys("<PgDn>");
    assert_eq!(shown_day(&h), day(11, 25));
}
