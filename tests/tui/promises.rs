//! The promises screen and its dialogs at 80x24: making, marking, renegotiating and noticing.

use crate::harness as tui_support;

use mend::journal::{Journal, PromiseStatus};
use mend::tui::app::Screen;
use tui_support::{ALEX, Harness, SAM, day, lived_in_journal};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

/// The lived-in journal, on the promises screen of Alex (`<Enter>`) or Sam (`<Down><Enter>`).
fn promises_of(who: &str) -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys(who).keys("o");
    h
}

fn saved(h: &Harness) -> &Journal {
    h.saved.as_ref().expect("a saved journal")
}

fn promise_named<'a>(j: &'a Journal, text: &str) -> &'a mend::journal::Promise {
    j.promises
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no promise {text:?}"))
}

#[test]
fn promises_screen_lists_open_ones_by_due_day_then_closed_ones_by_outcome() {
    let h = promises_of("<Enter>");
    let screen = h.render(80, 24);
    let at = |text: &str| {
        screen
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} missing: {screen}"))
    };
    assert!(at("Your promises to Sam") < at("Call when I'm running late"));
    assert!(at("Call when I'm running late") < at("Plan a walk on Sunday"));
    assert!(at("Plan a walk on Sunday") < at("Sam's promises to you"));
    assert!(at("Sam's promises to you") < at("Share one worry a day"));
    assert!(at("Share one worry a day") < at("Kept (1)"));
    assert!(at("Kept (1)") < at("Sam: Tell you when I need space"));
    assert!(
        screen.contains("was due Mon 23 Nov; still open"),
        "{screen}"
    );
    assert!(screen.contains("due Sunday"), "{screen}");
    let lower = screen.to_lowercase();
    for harsh in ["overdue", "late!", "failed", "streak"] {
        assert!(!lower.contains(harsh), "{harsh:?} on screen: {screen}");
    }
    // Noticing is the heart of reciprocity: its key shows on an 80-column hint line.
    let hints = screen.lines().last().unwrap_or_default().to_owned();
    assert!(hints.contains("a I noticed"), "{hints}");
    snapshot("promises_alex", &h);
}

#[test]
fn making_a_promise_due_tomorrow_saves_it_from_this_partner_to_the_other() {
    let mut h = promises_of("<Enter>");
    h.keys("n");
    snapshot("promise_form_empty", &h);
    h.keys("Put my phone away at dinner<Tab><Right><Right><Tab><Right><Right>");
    snapshot("promise_form_filled", &h);
    h.keys("<Enter>");
    let p = promise_named(saved(&h), "Put my phone away at dinner");
    assert_eq!((p.by(), p.to), (ALEX, SAM));
    assert_eq!(p.made, day(11, 25));
    assert_eq!(p.due, Some(day(11, 26)), "tomorrow");
    assert_eq!(p.size, Some(mend::journal::PromiseSize::Big));
    let screen = h.render(80, 24);
    assert!(screen.contains("Promise made. Sam will see it"), "{screen}");
    assert!(screen.contains("Put my phone away at dinner"), "{screen}");
}

#[test]
fn the_quick_due_choices_give_tonight_and_the_end_of_this_week() {
    for (rights, due) in [(1, day(11, 25)), (3, day(11, 29))] {
        let mut h = promises_of("<Enter>");
        h.keys("nText back soon<Tab>");
        for _ in 0..rights {
            h.keys("<Right>");
        }
        h.keys("<Enter>");
        assert_eq!(promise_named(saved(&h), "Text back soon").due, Some(due));
    }
}

#[test]
fn an_empty_promise_or_a_bad_or_passed_date_is_refused_and_nothing_is_written() {
    let mut h = promises_of("<Enter>");
    let before = h.saved.clone().expect("a journal");
    h.keys("n<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Please write what you promise first."),
        "{screen}"
    );
    h.keys("Walk<Tab><Left><Tab>2026-02-30<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("\"2026-02-30\" is not a date; please write it as YYYY-MM-DD."),
        "{screen}"
    );
    snapshot("promise_form_bad_date", &h);
    h.keys("<BS><BS><BS><BS><BS>11-20<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Fri 20 Nov 2026 has passed"), "{screen}");
    assert_eq!(saved(&h), &before, "nothing was written");
    h.keys("<Esc><Esc>");
    assert!(!h.render(80, 24).contains("A promise to Sam"));
}

#[test]
fn keeping_a_promise_with_a_note_keeps_the_note_in_its_history() {
    let mut h = promises_of("<Enter>");
    h.keys("k");
    snapshot("close_kept", &h);
    h.keys("Called from the train<Enter>");
    let p = promise_named(saved(&h), "Call when I'm running late");
    assert_eq!(p.status, PromiseStatus::Kept);
    assert_eq!(p.history[0].note.as_deref(), Some("Called from the train"));
    assert_eq!(p.history[0].by, ALEX);
    let screen = h.render(80, 24);
    assert!(screen.contains("Marked kept. Sam can say they noticed."));
    assert!(screen.contains("Kept (2)"), "{screen}");
    let Screen::Promises(state) = &h.app.screen else {
        panic!("still on the promises screen")
    };
    let alex_this_week = &state.card[0];
    assert_eq!(
        (alex_this_week.name.as_str(), alex_this_week.period),
        ("Alex", "this week")
    );
    assert_eq!((alex_this_week.kept, alex_this_week.not_kept), (1, 0));
    assert_eq!(
        state.card[1].made, 2,
        "Alex made two promises in the last four weeks"
    );
}

#[test]
fn not_kept_and_withdrawn_close_the_promise_without_a_note() {
    for (key, status) in [
        ("b", PromiseStatus::Broken),
        ("x", PromiseStatus::Withdrawn),
    ] {
        let mut h = promises_of("<Enter>");
        h.keys(key).keys("<Enter>");
        let p = promise_named(saved(&h), "Call when I'm running late");
        assert_eq!(p.status, status);
        assert_eq!(p.history[0].note, None);
    }
}

#[test]
fn only_the_promiser_marks_a_promise_and_a_closed_one_stays_closed() {
    // Sam's list starts on Sam's own promise; Alex's promises to Sam come next.
    let mut h = promises_of("<Down><Enter>");
    let before = h.saved.clone().expect("a journal");
    h.keys("<Down>k");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Only Alex can change this promise"),
        "{screen}"
    );
    // Sam's own kept promise is at the end: it cannot be closed again.
    h.keys("<End>k");
    let screen = h.render(80, 24);
    assert!(screen.contains("This promise is already kept"), "{screen}");
    assert_eq!(saved(&h), &before);
}

#[test]
fn renegotiating_replaces_the_promise_with_a_linked_new_one() {
    let mut h = promises_of("<Enter>");
    h.keys("r");
    snapshot("renegotiate", &h);
    let screen = h.render(80, 24);
    assert!(screen.contains("Call when I'm running late"), "{screen}");
    h.keys("<C-u>Text when I'm running late<Tab><Right><Tab>Calls are hard at work<Enter>");
    let j = saved(&h);
    let old = promise_named(j, "Call when I'm running late");
    let new = promise_named(j, "Text when I'm running late");
    assert_eq!(old.status, PromiseStatus::Renegotiated);
    assert_eq!(old.replaced_by, Some(new.meta.id));
    assert_eq!(new.renegotiated_from, Some(old.meta.id));
    assert_eq!(new.due, Some(day(11, 25)), "tonight");
    assert_eq!(
        old.history[0].note.as_deref(),
        Some("Calls are hard at work")
    );
    assert!(h.render(80, 24).contains("Renegotiated (1)"));
}

#[test]
fn the_receiver_notices_a_kept_promise_once_and_the_promiser_cannot() {
    let mut h = promises_of("<Enter>");
    h.keys("<End>a");
    snapshot("notice_promise", &h);
    h.keys("It meant a lot<Enter>");
    let p = promise_named(saved(&h), "Tell you when I need space");
    let ack = p.acknowledged.as_ref().expect("noticed");
    assert_eq!(
        (ack.by, ack.note.as_deref()),
        (ALEX, Some("It meant a lot"))
    );
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Sam will see that you noticed."),
        "{screen}"
    );
    assert!(
        screen.contains("♡ Sam: Tell you when I need space"),
        "{screen}"
    );
    assert!(screen.contains("Alex noticed"), "{screen}");
    h.keys("<End>a");
    assert!(
        h.render(80, 24)
            .contains("You already said you noticed this one.")
    );
    // Alex's own open promise: not Alex's to notice, and not kept yet.
    h.keys("<Home>a");
    assert!(
        h.render(80, 24)
            .contains("You made this promise, so Sam is the one to say they noticed.")
    );
}

#[test]
fn details_show_the_whole_story_of_a_promise() {
    let mut h = promises_of("<Enter>");
    h.keys("<End><Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Sam to Alex, made Fri 20 Nov 2026"),
        "{screen}"
    );
    assert!(screen.contains("Sam marked it kept"), "{screen}");
    snapshot("promise_details", &h);
    h.keys("x");
    assert!(!h.render(80, 24).contains("What happened"));
}

#[test]
fn kind_acts_are_logged_and_noticed_by_the_other_partner() {
    let mut h = promises_of("<Enter>");
    h.keys("<Tab>");
    snapshot("kind_acts_alex", &h);
    let screen = h.render(80, 24);
    assert!(
        screen.find("Waiting for you to notice") < screen.find("Left a note on the mirror"),
        "{screen}"
    );
    h.keys("n<Enter>");
    assert!(
        h.render(80, 24)
            .contains("Please write what you did first.")
    );
    h.keys("Booked the restaurant she likes<Enter>");
    let act = saved(&h)
        .kind_acts
        .iter()
        .find(|k| k.text == "Booked the restaurant she likes")
        .expect("saved");
    assert_eq!((act.meta.author, act.day), (ALEX, day(11, 25)));
    h.keys("<Home>a");
    snapshot("notice_kind_act", &h);
    h.keys("<Enter>");
    let mirror = saved(&h)
        .kind_acts
        .iter()
        .find(|k| k.text == "Left a note on the mirror")
        .expect("there");
    assert_eq!(mirror.acknowledged.as_ref().map(|a| a.by), Some(ALEX));
    // Alex's own kind act is Sam's to notice.
    let own = h
        .app
        .journal
        .as_ref()
        .and_then(|j| j.kind_acts.iter().position(|k| k.meta.author == ALEX));
    assert!(own.is_some());
    h.keys("<Home>a");
    assert!(
        h.render(80, 24)
            .contains("You did this, so Sam is the one to say they noticed.")
    );
}

#[test]
fn a_refused_save_keeps_the_dialog_and_what_was_typed() {
    let mut h = promises_of("<Enter>");
    h.fail_saves = true;
    h.keys("nWash the car<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Not saved:"), "{screen}");
    assert!(screen.contains("Wash the car"), "{screen}");
    h.fail_saves = false;
    h.keys("<Enter>");
    assert!(saved(&h).promises.iter().any(|p| p.text == "Wash the car"));
}

#[test]
fn the_promises_screen_fits_small_windows_without_losing_the_list() {
    let h = promises_of("<Enter>");
    let screen = h.render(50, 14);
    assert!(screen.contains("Call when I…"), "{screen}");
    assert!(screen.contains("was due Mon 23 Nov"), "{screen}");
    assert!(!screen.contains("Following through"), "{screen}");
}

/// The figures on a partner's line of the "Following through" card, from "made" to "noticed".
fn card_figures(screen: &str, name: &str, period: &str) -> Vec<u32> {
    let mut lines = screen
        .lines()
        .skip_while(|l| !l.contains("Following through"));
    let mut named = lines
        .by_ref()
        .skip_while(|l| !l.contains(&format!("│ {name} ")));
    let line = if period == "this week" {
        named.next()
    } else {
        named.nth(1)
    };
    let line = line.unwrap_or_else(|| panic!("no {name} {period} line: {screen}"));
    assert!(line.contains(period), "{line}");
    let after_period = &line[line.find(period).unwrap() + period.len()..];
    after_period
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

#[test]
fn the_card_counts_as_noticed_only_promises_kept_and_noticed_not_kind_acts() {
    // Sam noticed Alex's tea (a kind act); none of Alex's promises was kept or noticed.
    let h = promises_of("<Enter>");
    let screen = h.render(80, 24);
    let alex = card_figures(&screen, "Alex", "4 weeks");
    assert_eq!(
        alex,
        [2, 0, 0, 0, 0],
        "made, kept, renegotiated, not kept, noticed"
    );
    let sam = card_figures(&screen, "Sam", "4 weeks");
    assert_eq!(
        sam,
        [2, 1, 0, 0, 0],
        "Sam's kept promise is not noticed yet"
    );
    // Alex notices Sam's kept promise: Sam's line counts it, Alex's does not.
    let mut j = lived_in_journal();
    let kept = promise_named(&j, "Tell you when I need space").meta.id;
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 20, 0, 0).unwrap();
    j.acknowledge_promise(kept, ALEX, None, at).unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>o");
    let screen = h.render(80, 24);
    assert_eq!(card_figures(&screen, "Sam", "this week")[4], 1, "{screen}");
    assert_eq!(card_figures(&screen, "Alex", "4 weeks")[4], 0, "{screen}");
}
