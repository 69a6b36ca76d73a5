//! The evening screen's lines about the plan: a pause to respect, a hard date ahead, a gentle look.

use crate::harness as tui_support;

use chrono::{Duration, TimeZone, Utc};
use mend::journal::{HardDate, Journal, PlanParts, ReviewKind};
use mend::tui::effects::Event;
use tui_support::{ALEX, Harness, SAM, day, empty_journal, now};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 30));
}

fn parts() -> PlanParts {
    PlanParts {
        brings_it_on: "The day I found out".into(),
        helps_me: "A quiet morning".into(),
        i_ask_of_you: "Stay close that evening".into(),
    }
}

/// Sam asked at 20:50 for a pause until 21:30, with a note.
fn with_sams_pause() -> Journal {
    let mut j = empty_journal();
    let asked = Utc.with_ymd_and_hms(2026, 11, 25, 20, 50, 0).unwrap();
    let until = Utc.with_ymd_and_hms(2026, 11, 25, 21, 30, 0).unwrap();
    j.ask_for_pause_until(SAM, until, Some("I need a little while".into()), asked)
        .unwrap();
    j
}

#[test]
fn the_partners_pause_is_shown_as_a_request_to_respect_until_it_ends() {
    let mut h = Harness::new(Some(with_sams_pause()));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Sam asked for some time, until 21:30."),
        "{screen}"
    );
    assert!(
        screen.contains("Their note: “I need a little while”"),
        "{screen}"
    );
    let lower = screen.to_lowercase();
    for harsh in ["fail", "missed", "ignore"] {
        assert!(!lower.contains(harsh), "{harsh:?} on screen: {screen}");
    }
    snapshot("evening_partners_pause", &h);
    let after = now() + Duration::minutes(31);
    h.app.update(Event::Tick(after));
    let screen = h.render(80, 30);
    assert!(!screen.contains("asked for some time"), "{screen}");
}

#[test]
fn your_own_pause_is_shown_to_you_plainly() {
    let mut h = Harness::new(Some(with_sams_pause()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("You asked for time until 21:30."),
        "{screen}"
    );
    assert!(!screen.contains("Sam asked"), "{screen}");
}

#[test]
fn a_hard_date_ahead_is_mentioned_to_both_with_the_way_to_the_plan() {
    let mut j = empty_journal();
    let made = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap();
    let id = j
        .add_plan_item(
            SAM,
            parts(),
            Some(HardDate {
                day: day(11, 27),
                yearly: false,
            }),
            made,
        )
        .unwrap();
    j.review_plan_item(id, ALEX, ReviewKind::Agreed, None, made)
        .unwrap();
    let mut h = Harness::new(Some(j.clone()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Friday is a date you marked as hard. Your plan is here (h)."),
        "{screen}"
    );
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Friday is a date Sam marked as hard. Their plan is here (h)."),
        "{screen}"
    );
    snapshot("evening_hard_date_ahead", &h);
    h.keys("h");
    assert!(h.render(80, 30).contains("The day I found out"));
}

#[test]
fn a_hard_date_today_says_today() {
    let mut j = empty_journal();
    let day_of = HardDate {
        day: day(11, 25),
        yearly: false,
    };
    let made = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap();
    j.add_plan_item(ALEX, parts(), Some(day_of), made).unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Today is a date you marked as hard."),
        "{screen}"
    );
}

#[test]
fn a_plan_not_looked_at_for_five_weeks_is_offered_a_gentle_look() {
    let mut j = empty_journal();
    let made = Utc.with_ymd_and_hms(2026, 10, 20, 20, 0, 0).unwrap();
    j.add_plan_item(SAM, parts(), None, made).unwrap();
    let mut h = Harness::new(Some(j.clone()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Your plan was last looked at 5 weeks ago; look at it together"),
        "{screen}"
    );
    snapshot("evening_plan_look_offer", &h);
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Sam's plan was last looked at 5 weeks ago"),
        "{screen}"
    );
}

#[test]
fn a_plan_looked_at_lately_offers_nothing() {
    let mut j = empty_journal();
    let made = Utc.with_ymd_and_hms(2026, 11, 1, 20, 0, 0).unwrap();
    j.add_plan_item(SAM, parts(), None, made).unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 30);
    assert!(!screen.contains("last looked at"), "{screen}");
}

#[test]
fn a_pause_past_midnight_says_tomorrow_until_midnight_comes() {
    let mut j = empty_journal();
    let until = Utc.with_ymd_and_hms(2026, 11, 26, 7, 0, 0).unwrap();
    j.ask_for_pause_until(SAM, until, None, now().to_utc())
        .unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Sam asked for some time, until 07:00 tomorrow."),
        "{screen}"
    );
    assert!(
        !screen.contains("Their note"),
        "no note was given: {screen}"
    );
    h.app.update(Event::Tick(now() + Duration::hours(4)));
    let screen = h.render(80, 30);
    assert!(
        screen.contains("Sam asked for some time, until 07:00."),
        "after midnight it is today: {screen}"
    );
}

#[test]
fn several_items_on_one_day_give_one_line_per_partner() {
    let mut j = empty_journal();
    let made = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap();
    let friday = Some(HardDate {
        day: day(11, 27),
        yearly: false,
    });
    for owner in [SAM, ALEX, SAM] {
        j.add_plan_item(owner, parts(), friday, made).unwrap();
    }
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = h.render(80, 30);
    assert_eq!(screen.matches("Friday is a date").count(), 2, "{screen}");
    let mine = screen.find("Friday is a date you marked");
    let theirs = screen.find("Friday is a date Sam marked");
    assert!(mine.is_some() && mine < theirs, "{screen}");
}
