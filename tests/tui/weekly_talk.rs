//! "Both of us" on the evening of the weekly talk: a week with nothing in it yet opens on the
//! last complete week, and says so.

use crate::harness::{Harness, lived_in_journal};
use chrono::{FixedOffset, TimeZone};
use mend::tui::app::Screen;

fn week_shown(h: &Harness) -> String {
    match &h.app.screen {
        Screen::Progress(state) => state.week.to_string(),
        _ => panic!("'Both of us' shows"),
    }
}

/// "Both of us" opened at 21:00 on `day` of November 2026.
fn both_of_us_on(day: u32) -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.app.now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, day, 21, 0, 0)
        .unwrap();
    h.keys("<Down><Down><Enter>");
    h
}

#[test]
fn on_a_monday_with_nothing_yet_it_opens_on_last_week_and_says_so() {
    // Monday 30 November: the journal's last records are from the week of 23 November.
    let mut h = both_of_us_on(30);
    assert_eq!(week_shown(&h), "2026-W48");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("This week has just begun; here is last week."),
        "{screen}"
    );
    assert!(screen.contains("Week 2026-W48"), "{screen}");
    // This week is still one key away, and says it is empty.
    h.keys("<Right>");
    assert_eq!(week_shown(&h), "2026-W49");
}

#[test]
fn a_week_with_something_in_it_opens_on_itself() {
    let h = both_of_us_on(25);
    assert_eq!(week_shown(&h), "2026-W48");
    assert!(!h.render(80, 24).contains("just begun"));
}

#[test]
fn with_nothing_last_week_either_it_stays_on_this_week() {
    // Monday 7 December: neither this week nor the last holds anything.
    let mut h = Harness::new(Some(lived_in_journal()));
    h.app.now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 7, 21, 0, 0)
        .unwrap();
    h.keys("<Down><Down><Enter>");
    assert_eq!(week_shown(&h), "2026-W50");
    assert!(!h.render(80, 24).contains("just begun"));
}
