//! The kind acts tab: "you did this for me", logged by the one a kindness was done for.

use crate::harness as tui_support;

use mend::journal::KindAct;
use tui_support::{ALEX, Harness, SAM, day, lived_in_journal};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

/// Sam (`<Down><Enter>`) on the kind acts tab of the lived-in journal.
fn sams_kind_acts() -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Down><Enter>o<Tab>");
    h
}

fn saved_act(h: &Harness, text: &str) -> KindAct {
    h.saved
        .as_ref()
        .and_then(|j| j.kind_acts.iter().find(|k| k.text == text))
        .cloned()
        .unwrap_or_else(|| panic!("{text:?} was not saved"))
}

#[test]
fn sam_logs_what_alex_did_for_them_and_it_counts_as_noticed() {
    let mut h = sams_kind_acts();
    assert!(h.render(80, 24).contains("y done for me"));
    h.keys("y");
    snapshot("received_kind_act_form", &h);
    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Please write what Alex did first."),
        "{screen}"
    );
    h.keys("Warmed up the car for me<Enter>");
    let act = saved_act(&h, "Warmed up the car for me");
    assert_eq!(
        (act.meta.author, act.doer(), act.day),
        (SAM, ALEX, day(11, 25))
    );
    assert_eq!(act.acknowledged.as_ref().map(|a| a.by), Some(SAM));

    let screen = h.render(80, 24);
    assert!(
        screen.contains("Alex did this for Sam: Warmed up the car for me"),
        "{screen}"
    );
    assert!(screen.contains("Sam noted it"), "{screen}");
    assert!(
        screen.contains("Saved as Alex's kind act, noticed by you."),
        "{screen}"
    );
    snapshot("kind_acts_received", &h);

    // It is chosen after saving; Sam cannot notice it a second time.
    h.keys("a");
    let screen = h.render(80, 24);
    assert!(screen.contains("already counts as noticed"), "{screen}");
    assert_eq!(saved_act(&h, "Warmed up the car for me").meta.rev, 1);

    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Alex did this for Sam, Wednesday"),
        "{screen}"
    );
    assert!(
        screen.contains("Sam wrote it down as done for them"),
        "{screen}"
    );
}

#[test]
fn alex_sees_the_kindness_sam_received_as_alexs_own_already_noticed() {
    let mut h = sams_kind_acts();
    h.keys("yWarmed up the car for me<Enter>");
    let mut alex = Harness::new(h.saved.clone());
    alex.keys("<Enter>o<Tab>");
    let screen = alex.render(80, 24);
    let at = |text: &str| {
        screen
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} missing: {screen}"))
    };
    // Only Sam's own kind act waits for Alex; the one done by Alex is listed as noted.
    assert!(at("Waiting for you to notice") < at("Sam: Left a note on the mirror"));
    assert!(at("Sam: Left a note on the mirror") < at("Kind acts, newest first"));
    assert!(at("Kind acts, newest first") < at("Alex did this for Sam: Warmed up the car"));
    // Alex chooses it and cannot notice their own kindness.
    alex.keys("<Down>");
    let screen = alex.render(80, 24);
    let chosen = screen.lines().find(|l| l.contains('›')).unwrap_or_default();
    assert!(chosen.contains("Warmed up the car"), "{screen}");
    alex.keys("a");
    let screen = alex.render(80, 24);
    assert!(
        screen.contains("You did this, so Sam is the one to say they noticed."),
        "{screen}"
    );
}

#[test]
fn with_no_kind_acts_the_tab_says_so_whole_at_80_columns() {
    let mut h = Harness::new(Some(tui_support::empty_journal()));
    h.keys("<Enter>o<Tab>");
    let screen = h.render(80, 24);
    let flat = tui_support::flat(&screen);
    assert!(flat.contains("None yet."), "{screen}");
    assert!(flat.contains("Press n to add one."), "said whole: {screen}");
}
