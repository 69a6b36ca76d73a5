//! The TUI with days at the ends of the calendar, and week navigation within the journal.

use crate::harness as tui_support;

use chrono::NaiveDate;
use mend::journal::{Journal, Week};
use mend::tui::app::Screen;
use tui_support::{Harness, day, lived_in_journal};

/// The lived-in journal plus a copy of each kind of record on the first and the last day
/// the calendar holds, and a promise due on each, as a hand-edited file might have them.
fn far_journal() -> Journal {
    let mut j = lived_in_journal();
    let mut n = 0xfa00u128;
    let mut fresh = || {
        n += 1;
        uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0000 | n)
    };
    for far in [NaiveDate::MIN, NaiveDate::MAX] {
        let mut entry = j.entries[0].clone();
        entry.meta.id = fresh();
        entry.day = far;
        j.entries.push(entry);
        let mut checkin = j.checkins[0].clone();
        checkin.meta.id = fresh();
        checkin.day = far;
        j.checkins.push(checkin);
        for p in 0..j.promises.len().min(2) {
            let mut made_far = j.promises[p].clone();
            made_far.meta.id = fresh();
            made_far.made = far;
            made_far.due = Some(far);
            j.promises.push(made_far);
            let mut due_far = j.promises[p].clone();
            due_far.meta.id = fresh();
            due_far.due = Some(far);
            j.promises.push(due_far);
        }
        let mut act = j.kind_acts[0].clone();
        act.meta.id = fresh();
        act.day = far;
        j.kind_acts.push(act);
    }
    j.normalize();
    j
}

#[test]
fn every_screen_draws_days_at_the_ends_of_the_calendar_without_panicking() {
    // As Alex, as Sam, and both together; every screen and section, at two sizes.
    for who in ["<Enter>", "<Down><Enter>"] {
        for screen in [
            "",
            "w<Esc>",
            "c<Esc>",
            "j",
            "j<Enter>",
            "o",
            "o<Down><Enter>",
            "s",
            "n",
        ] {
            let mut h = Harness::new(Some(far_journal()));
            h.keys(who).keys(screen);
            h.render(80, 24);
            h.render(120, 40);
        }
    }
    let mut h = Harness::new(Some(far_journal()));
    h.keys("<Down><Down><Enter>");
    for section in ["1", "2", "3", "4", "5"] {
        h.keys(section);
        for _ in 0..6 {
            h.render(80, 24);
            h.render(120, 40);
            h.keys("<Left>");
        }
        h.keys("<Home>");
    }
}

fn shown_week(h: &Harness) -> Week {
    let Screen::Progress(state) = &h.app.screen else {
        panic!("on the progress view")
    };
    state.week
}

#[test]
fn week_navigation_stops_at_the_journals_first_and_last_week() {
    // The journal started on Sunday 1 November (ISO week 44); tonight is in week 48.
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Down><Down><Enter>");
    let this_week = shown_week(&h);
    assert_eq!(this_week.to_string(), "2026-W48");
    h.keys("<Right>");
    assert_eq!(shown_week(&h), this_week, "no week after this one");
    for _ in 0..10 {
        h.keys("<Left>");
    }
    let first = shown_week(&h);
    assert_eq!(first.to_string(), "2026-W44");
    assert!(first.contains(day(11, 1)));
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W44"), "{screen}");
    assert!(
        screen.contains("This is the week you started; there is nothing before it."),
        "{screen}"
    );
    h.keys("<Right>");
    assert_eq!(shown_week(&h).to_string(), "2026-W45");
}
