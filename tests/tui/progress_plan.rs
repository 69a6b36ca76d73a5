//! The progress view's sixth section, "The plan": hard moments shared, pauses asked for and the plan's changes, never a private moment.

use crate::harness::{ALEX, Harness, SAM, lived_in_journal};
use chrono::{TimeZone, Utc};
use mend::journal::{Journal, MomentOutcome, PlanParts, ReviewKind, Visibility};

const SECRET: &str = "SECRET only Sam knows";

fn at(d: u32, h: u32, m: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap()
}

/// The lived-in journal plus Sam's plan item (made and agreed to in week 46), and in this
/// week (48): Sam's shared moment met with it, said to have helped; Alex's shared moment;
/// a pause Sam asked for; and a private moment of Sam's.
fn journal_with_a_plan(private: bool) -> Journal {
    let mut j = lived_in_journal();
    let item = j
        .add_plan_item(
            SAM,
            PlanParts {
                brings_it_on: "A late message from an unknown number".into(),
                helps_me: "A walk and a slow breath".into(),
                i_ask_of_you: "Tell me who it is from".into(),
            },
            None,
            at(10, 20, 0),
        )
        .unwrap();
    j.review_plan_item(
        item,
        ALEX,
        ReviewKind::Agreed,
        Some("Yes, always".into()),
        at(11, 20, 0),
    )
    .unwrap();
    let moment = j
        .add_hard_moment(
            SAM,
            "The song came on in the shop.",
            Some(item),
            Visibility::Shared,
            at(23, 18, 0),
        )
        .unwrap();
    j.set_moment_outcome(moment, SAM, MomentOutcome::Helped, at(24, 21, 0))
        .unwrap();
    j.add_hard_moment(
        ALEX,
        "I felt the old fear, and it passed.",
        None,
        Visibility::Shared,
        at(24, 19, 0),
    )
    .unwrap();
    j.ask_for_pause_until(
        SAM,
        at(24, 20, 30),
        Some("I need an hour".into()),
        at(24, 19, 5),
    )
    .unwrap();
    if private {
        j.add_hard_moment(SAM, SECRET, Some(item), Visibility::Private, at(24, 22, 0))
            .unwrap();
    }
    j
}

fn the_plan(journal: Journal) -> Harness {
    let mut h = Harness::new(Some(journal));
    h.keys("<Down><Down><Enter>6");
    h
}

#[test]
fn the_plan_section_shows_what_was_shared_asked_for_and_agreed() {
    let h = the_plan(journal_with_a_plan(true));
    let screen = h.render(80, 24);
    assert!(screen.contains("6 The plan"), "{screen}");
    assert!(screen.contains("Hard moments shared"), "{screen}");
    assert!(screen.contains("Sam noted a hard moment."), "{screen}");
    assert!(screen.contains("it helped."), "{screen}");
    assert!(screen.contains("The song came on in the shop."), "{screen}");
    assert!(screen.contains("Alex noted a hard moment."), "{screen}");
    assert!(
        screen.contains("Sam asked for a pause at 19:05, until 20:30"),
        "{screen}"
    );
    assert!(screen.contains("not a failure"), "{screen}");
    assert!(!screen.contains("SECRET"), "{screen}");
    let lower = screen.to_lowercase();
    for harsh in ["kept", "failed", "caused", "fault", "%"] {
        assert!(!lower.contains(harsh), "{harsh:?}: {screen}");
    }
    insta::assert_snapshot!("progress_plan_80x24", screen);
    insta::assert_snapshot!("progress_plan_120x40", h.render(120, 40));
}

#[test]
fn an_earlier_week_shows_the_plan_item_made_and_agreed() {
    let mut h = the_plan(journal_with_a_plan(true));
    h.keys("<Left><Left>");
    let screen = h.render(120, 40);
    assert!(screen.contains("Week 2026-W46"), "{screen}");
    assert!(
        screen.contains("Sam added a plan for “A late message from an unknown number”."),
        "{screen}"
    );
    assert!(
        screen.contains(
            "Alex agreed to Sam's plan for “A late message from an unknown number”: “Yes, always”"
        ),
        "{screen}"
    );
    assert!(!screen.contains("Hard moments shared"), "{screen}");
}

#[test]
fn a_week_without_the_plan_says_so_calmly() {
    let mut h = the_plan(journal_with_a_plan(true));
    h.keys("<Left>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W47"), "{screen}");
    assert!(!screen.contains("Nothing was recorded"), "{screen}");
    assert!(
        screen.contains("Nothing from the plan for hard moments this week"),
        "{screen}"
    );
    assert!(
        screen.contains("Hard moments noted privately never show here."),
        "{screen}"
    );
    insta::assert_snapshot!("progress_plan_empty_week_80x24", screen);
}

#[test]
fn a_private_moment_changes_nothing_in_any_section_of_any_week() {
    let (mut with, mut without) = (
        the_plan(journal_with_a_plan(true)),
        the_plan(journal_with_a_plan(false)),
    );
    for _week in 0..5 {
        for section in ["1", "2", "3", "4", "5", "6"] {
            with.keys(section);
            without.keys(section);
            for (w, h) in [(80, 24), (120, 40)] {
                assert_eq!(with.render(w, h), without.render(w, h));
            }
        }
        with.keys("<Left>");
        without.keys("<Left>");
    }
}

#[test]
fn a_week_with_only_a_private_moment_is_a_quiet_week() {
    // Week 45 (2 to 8 November) holds nothing else.
    let mut j = lived_in_journal();
    j.add_hard_moment(SAM, SECRET, None, Visibility::Private, at(4, 20, 0))
        .unwrap();
    let mut h = the_plan(j);
    h.keys("<Left><Left><Left>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W45"), "{screen}");
    assert!(
        screen.contains("Nothing was recorded this week"),
        "{screen}"
    );
    assert!(!screen.contains("SECRET"), "{screen}");
}
