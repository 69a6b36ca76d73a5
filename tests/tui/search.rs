//! Search in the journal (`/`): as you type, ignoring case and accents, newest first with the
//! words marked, Enter to open, and never the other partner's private words.

use crate::harness::{ALEX, Harness, SAM, day, lived_in_journal};
use mend::journal::{Journal, NewEntry, Stage, Visibility};
use mend::tui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

/// The lived-in journal with a shared entry of Sam's that has an accent in it.
fn journal() -> Journal {
    let mut j = lived_in_journal();
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 21, 21, 0, 0).unwrap();
    let new = NewEntry {
        author: SAM,
        day: day(11, 21),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: None,
        text: "We sat in the Café and talked about the call.".into(),
        visibility: Visibility::Shared,
    };
    j.add_entry(new, at, day(11, 25)).unwrap();
    j
}

/// Alex in the journal, searching.
fn searching(keys: &str) -> Harness {
    let mut h = Harness::new(Some(journal()));
    h.keys("<Enter>j/");
    h.keys(keys);
    h
}

#[test]
fn search_finds_as_you_type_ignoring_case_and_accents_newest_first() {
    let h = searching("CAFE");
    let screen = h.render(80, 24);
    assert!(screen.contains("We sat in the Café"), "{screen}");
    assert!(screen.contains("1 found"), "{screen}");

    let h = searching("the");
    let screen = h.render(80, 24);
    let newest = screen.find("I kept the Tuesday call").unwrap();
    let older = screen.find("Noticed the dishes").unwrap();
    assert!(newest < older, "newest first: {screen}");
    assert!(
        screen.contains("kind act"),
        "kind acts are searched: {screen}"
    );
    snapshot("journal_search_results", &h);
}

#[test]
fn the_matched_words_are_marked_on_screen() {
    let h = searching("café");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| draw(&h.app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let screen = h.render(80, 24);
    let row = screen
        .lines()
        .position(|l| l.contains("We sat in the"))
        .unwrap() as u16;
    let marked: String = (0..80)
        .map(|x| &buffer[(x, row)])
        .filter(|cell| cell.modifier.contains(Modifier::UNDERLINED))
        .map(|cell| cell.symbol())
        .collect();
    assert_eq!(marked, "Café");
}

#[test]
fn the_other_partners_private_entry_is_never_a_hit() {
    let h = searching("thoughts");
    let screen = h.render(80, 24);
    assert!(!screen.contains("Private thoughts"), "{screen}");
    assert!(screen.contains("Nothing found for “thoughts”."), "{screen}");
    snapshot("journal_search_nothing_found", &h);
    let h = searching("only for me");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Something only for me"),
        "Alex finds her own private entry: {screen}"
    );

    // Sam finds his own private words, and not Alex's.
    let mut h = Harness::new(Some(journal()));
    h.keys("<Down><Enter>j/thoughts");
    let screen = h.render(80, 24);
    assert!(screen.contains("Private thoughts"), "{screen}");
    h.keys("<C-u>only for me");
    let screen = h.render(80, 24);
    assert!(screen.contains("Nothing found"), "{screen}");
    assert_eq!(h.app.partner, Some(SAM));
}

#[test]
fn letters_are_text_enter_opens_and_esc_goes_back_step_by_step() {
    let mut h = searching("q?sjf");
    let screen = h.render(80, 24);
    assert!(screen.contains("Search    q?sjf"), "{screen}");
    assert!(!screen.contains("Keys"), "? is a letter here: {screen}");

    h.keys("<Esc>tuesday<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Alex · Tuesday 24 November 2026"),
        "{screen}"
    );
    h.keys("<Esc>");
    assert!(h.render(80, 24).contains("Search    tuesday"));
    h.keys("<Esc>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Type to look through"), "{screen}");
    h.keys("<Esc>");
    let screen = h.render(80, 24);
    assert!(screen.contains("entries · by both of you"), "{screen}");
    assert_eq!(h.app.partner, Some(ALEX));
}

#[test]
fn a_hit_that_is_not_an_entry_opens_whole() {
    let mut h = searching("lovely");
    let screen = h.render(80, 24);
    assert!(screen.contains("kind act note"), "{screen}");
    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Sam · Saturday 21 November 2026 · kind act note"),
        "{screen}"
    );
    assert!(screen.contains("It was lovely"), "{screen}");
    h.keys("<Esc>");
    assert!(h.render(80, 24).contains("Search    lovely"));
}
