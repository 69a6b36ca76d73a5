//! Settings inside the app: names, roles, the evening's end, the week's first day and the
//! reveal, each saved as a change the journal may refuse, with the refusal shown kindly.

use crate::harness::{ALEX, Harness, SAM, lived_in_journal};
use mend::journal::{Reveal, Role, WeekStart};
use mend::tui::app::Screen;

/// The screen at 80x24 as one line of words, single-spaced.
fn flat(h: &Harness) -> String {
    h.render(80, 24)
        .lines()
        .flat_map(|row| row.trim_matches('"').split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

fn settings() -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys(",");
    h
}

#[test]
fn who_is_here_opens_the_settings_and_lists_the_key() {
    let mut h = Harness::new(Some(lived_in_journal()));
    assert!(flat(&h).contains(", settings"), "{}", flat(&h));
    h.keys("S");
    assert!(matches!(h.app.screen, Screen::Settings(_)));
    insta::assert_snapshot!("settings", h.render(80, 24));
    h.keys("<Esc>");
    assert!(matches!(h.app.screen, Screen::Who(_)), "Esc goes back");
}

#[test]
fn a_name_is_typed_and_saved_with_enter() {
    let mut h = settings();
    h.keys("<C-u>Alexandra");
    assert!(
        flat(&h).contains("(not saved; Enter saves)"),
        "{}",
        flat(&h)
    );
    assert_eq!(h.saved.as_ref().unwrap().name_of(ALEX), "Alex", "not yet");
    h.keys("<Enter>");
    let journal = h.saved.clone().unwrap();
    assert_eq!(journal.name_of(ALEX), "Alexandra");
    assert!(journal.partner(ALEX).unwrap().name_updated.is_some());
    let screen = flat(&h);
    assert!(screen.contains("Name saved: Alexandra."), "{screen}");
    assert!(screen.contains("Alexandra's name"), "{screen}");
    assert!(!screen.contains("not saved"), "{screen}");
}

#[test]
fn a_refused_name_is_shown_kindly_and_nothing_is_saved() {
    let mut h = settings();
    let before = h.saved.clone();
    h.keys("<C-u>sam<Enter>");
    assert_eq!(h.saved, before, "nothing written");
    let screen = flat(&h);
    assert!(
        screen.contains(
            "The name was not changed. Both partners are called \"sam\"; please give two different names."
        ),
        "{screen}"
    );
    insta::assert_snapshot!("settings_name_refused", h.render(80, 24));
    // The typed name stays, so it can be mended; an empty one is refused too.
    h.keys("<C-u><Enter>");
    assert_eq!(h.saved, before);
    assert!(flat(&h).contains("A partner's name cannot be empty."));
    // Esc puts the name back as it was before leaving.
    h.keys("<Esc>");
    assert!(matches!(h.app.screen, Screen::Settings(_)));
    assert!(flat(&h).contains("Alex's name Alex"), "{}", flat(&h));
    h.keys("<Esc>");
    assert!(matches!(h.app.screen, Screen::Who(_)));
}

#[test]
fn roles_the_evenings_end_the_week_and_the_reveal_change_with_arrows() {
    let mut h = settings();
    h.keys("<Down><Down>");
    assert!(flat(&h).contains(Role::EXPLAINED), "{}", flat(&h));
    h.keys("<Right>");
    assert_eq!(
        h.saved.as_ref().unwrap().partner(ALEX).unwrap().role,
        Some(Role::Both)
    );
    assert!(flat(&h).contains("This only changes which prompts Alex is offered."));
    h.keys("<Down><Left>");
    assert_eq!(h.saved.as_ref().unwrap().partner(SAM).unwrap().role, None);
    h.keys("<Down><Left><Left>");
    let journal = h.saved.clone().unwrap();
    assert_eq!(journal.settings.day_ends_at, 2);
    assert!(
        flat(&h).contains("An evening now ends at 02:00"),
        "{}",
        flat(&h)
    );
    h.keys("<Down><Right>");
    assert_eq!(
        h.saved.as_ref().unwrap().settings.week_starts,
        WeekStart::Sunday
    );
    assert!(flat(&h).contains("Weeks now start on Sunday."));
    h.keys("<Down><Right>");
    assert_eq!(h.saved.as_ref().unwrap().settings.reveal, Reveal::AtOnce);
    // Chosen tonight, it starts tomorrow: tonight's words keep waiting, and the screen says so.
    assert!(
        flat(&h).contains("open as soon as saved, from tomorrow"),
        "{}",
        flat(&h)
    );
    assert!(
        flat(&h).contains("From tomorrow evening, shared words open to the other partner as soon as they are saved."),
        "{}",
        flat(&h)
    );
}

#[test]
fn the_hour_wraps_round_the_clock_and_never_leaves_0_to_23() {
    let mut h = settings();
    h.keys("<Down><Down><Down><Down>");
    for _ in 0..4 {
        h.keys("<Left>");
    }
    assert_eq!(h.saved.as_ref().unwrap().settings.day_ends_at, 0);
    h.keys("<Left>");
    assert_eq!(h.saved.as_ref().unwrap().settings.day_ends_at, 23);
    h.keys("<Right>");
    assert_eq!(h.saved.as_ref().unwrap().settings.day_ends_at, 0);
}

#[test]
fn a_question_mark_is_part_of_a_name_but_opens_the_help_on_a_choice() {
    let mut h = settings();
    h.keys("?");
    assert!(h.app.popup().is_none());
    assert!(flat(&h).contains("Alex?"));
    h.keys("<BS><Down><Down>?");
    assert!(h.app.popup().is_some(), "the help");
}
