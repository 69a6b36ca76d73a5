//! The screens never tell the other partner something untrue about a promise: renegotiated is
//! not kept, an overdue promise is "still open", a refused change shows what is on disk, and
//! the choice follows the promise that changed.

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{Journal, PromiseAction, PromiseStatus, RecordId};
use mend::tui::app::Screen;
use mend::tui::screens::promises::rows::Item;
use tui_support::{ALEX, Harness, SAM, day, lived_in_journal};

fn promise_id(j: &Journal, text: &str) -> RecordId {
    j.live_promises()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no promise {text:?}"))
        .meta
        .id
}

/// The lived-in journal after Alex renegotiated "Plan a walk on Sunday" twice.
fn renegotiated_twice() -> Journal {
    let mut j = lived_in_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    let first = promise_id(&j, "Plan a walk on Sunday");
    let second = j
        .change_promise(
            first,
            ALEX,
            PromiseAction::Renegotiate {
                text: None,
                due: Some(day(11, 28)),
            },
            None,
            at,
            day(11, 25),
        )
        .unwrap()
        .unwrap();
    j.change_promise(
        second,
        ALEX,
        PromiseAction::Renegotiate {
            text: None,
            due: Some(day(11, 27)),
        },
        None,
        at,
        day(11, 25),
    )
    .unwrap();
    j
}

fn chosen(h: &Harness) -> Option<Item> {
    match &h.app.screen {
        Screen::Promises(state) => state.chosen(),
        _ => panic!("not on the promises screen"),
    }
}

#[test]
fn a_renegotiated_promise_is_never_shown_as_kept_on_the_evening_screen() {
    let mut h = Harness::new(Some(renegotiated_twice()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 24);
    assert!(
        !screen.contains("Kept by Alex"),
        "nothing of Alex's was kept: {screen}"
    );
    assert_eq!(
        screen.matches("Plan a walk on Sunday").count(),
        1,
        "shown once, as the open promise it now is: {screen}"
    );
    assert!(
        screen.contains("Plan a walk on Sunday  (due Friday)"),
        "{screen}"
    );
}

#[test]
fn a_kept_promise_still_invites_the_other_to_notice_it() {
    // Sam's promise to Alex in the lived-in journal is kept and not yet noticed.
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Kept by Sam"), "{screen}");
    assert!(screen.contains("Tell you when I need space"), "{screen}");
}

#[test]
fn the_promises_screen_files_renegotiated_promises_under_renegotiated_not_kept() {
    let mut h = Harness::new(Some(renegotiated_twice()));
    h.keys("<Down><Enter>o");
    let screen = h.render(80, 24);
    assert!(screen.contains("Renegotiated (2)"), "{screen}");
    assert!(screen.contains("Kept (1)"), "only Sam's own: {screen}");
}

#[test]
fn an_overdue_promise_on_the_receivers_evening_screen_reads_still_open() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Call when I'm running late  (was due Mon 23 Nov; still open)"),
        "{screen}"
    );
    assert!(!screen.contains("still time"), "{screen}");
}

#[test]
fn a_refused_change_leaves_the_screen_showing_what_is_on_disk() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>o");
    // Another window keeps the promise first; this window still shows it open.
    let mut other_window = h.saved.clone().expect("a journal");
    let call = promise_id(&other_window, "Call when I'm running late");
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 20, 30, 0).unwrap();
    other_window
        .change_promise(call, ALEX, PromiseAction::Keep, None, at, day(11, 25))
        .unwrap();
    h.saved = Some(other_window.clone());
    h.keys("k<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Not saved"), "{screen}");
    assert_eq!(
        h.saved.as_ref(),
        Some(&other_window),
        "nothing more written"
    );
    h.keys("<Esc>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Kept (2)"),
        "the promise kept in the other window shows as kept: {screen}"
    );
    assert!(
        !screen.contains("Call when I'm running late                  was due"),
        "and no longer as open: {screen}"
    );
    let shown = h.app.journal.as_ref().expect("a journal");
    let status = shown.live_promises().find(|p| p.meta.id == call).unwrap();
    assert_eq!(status.status, PromiseStatus::Kept);
}

#[test]
fn the_choice_follows_a_promise_just_made() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>o");
    h.keys("nPut my phone away at dinner<Enter>");
    let made = promise_id(h.saved.as_ref().unwrap(), "Put my phone away at dinner");
    assert_eq!(chosen(&h), Some(Item::Promise(made)));
    h.keys("b");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Put my phone away at dinner"),
        "b opens the form for the promise just made: {screen}"
    );
    h.keys("<Enter>");
    let j = h.saved.as_ref().unwrap();
    let p = j.live_promises().find(|p| p.meta.id == made).unwrap();
    assert_eq!(p.status, PromiseStatus::Broken);
}

#[test]
fn the_choice_follows_a_renegotiated_promise_to_the_one_that_replaced_it() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>o");
    h.keys("<Down>r<C-u>Plan a walk on Saturday<Enter>");
    let j = h.saved.as_ref().unwrap();
    let new = promise_id(j, "Plan a walk on Saturday");
    assert_eq!(chosen(&h), Some(Item::Promise(new)));
}

#[test]
fn renegotiating_with_nothing_changed_is_refused_in_the_form() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>o");
    let before = h.saved.clone();
    h.keys("<Down>r<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("needs new words or a new due day"),
        "{screen}"
    );
    assert_eq!(h.saved, before, "nothing written");
}

#[test]
fn the_receiver_may_notice_a_renegotiation_on_the_promises_screen() {
    let mut h = Harness::new(Some(renegotiated_twice()));
    h.keys("<Down><Enter>o<End>");
    // The last line is the older renegotiated promise, which Sam may notice.
    let Some(Item::Promise(id)) = chosen(&h) else {
        panic!("a promise chosen")
    };
    h.keys("a<Enter>");
    let j = h.saved.as_ref().unwrap();
    let p = j.live_promises().find(|p| p.meta.id == id).unwrap();
    assert_eq!(p.status, PromiseStatus::Renegotiated);
    assert_eq!(p.acknowledged.as_ref().map(|a| a.by), Some(SAM));
}
