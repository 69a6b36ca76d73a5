//! The weekly talk at one screen: each step, saved as it is written, resumed, and a promise.

use crate::harness::{ALEX, Harness, SAM, lived_in_journal};
use chrono::{FixedOffset, NaiveDate, TimeZone};
use mend::journal::talk_flow::{IssueTurn, Step};
use mend::journal::{Journal, TalkStep, Week};
use mend::tui::app::Screen;

/// "Both of us" at 21:00 on Monday 30 November 2026: it opens on last week, 2026-W48.
fn both_of_us() -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.app.now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 30, 21, 0, 0)
        .unwrap();
    h.keys("<Down><Down><Enter>");
    h
}

fn week() -> Week {
    Week::parse_iso("2026-W48").unwrap()
}

fn saved(h: &Harness) -> &Journal {
    h.saved.as_ref().unwrap()
}

fn step(h: &Harness) -> Step {
    match &h.app.screen {
        Screen::Talk(talk) => talk.step,
        _ => panic!("the talk shows"),
    }
}

/// Through arriving, appreciations and what went well, to the first issue.
fn to_the_issue(h: &mut Harness) {
    h.keys("wyy");
    h.keys("Dinner<Enter>The call<Enter>The walk<Enter>");
    h.keys("Listening<Enter>Tea<Enter>Patience<Enter>");
    h.keys("<Enter>");
}

#[test]
fn w_on_both_of_us_starts_the_talk_for_the_week_shown() {
    let mut h = both_of_us();
    h.keys("w");
    assert_eq!(step(&h), Step::Arriving { asking: ALEX });
    let screen = h.render(80, 24);
    insta::assert_snapshot!("talk_1_arriving", screen);
    assert!(screen.contains("Week 2026-W48"), "{screen}");
    assert!(screen.contains("Alex, do you feel safe enough"), "{screen}");
    // Nothing is written until someone answers.
    assert!(saved(&h).talks.is_empty());
}

#[test]
fn a_whole_talk_step_by_step() {
    let mut h = both_of_us();
    h.keys("wyy");
    assert_eq!(step(&h), Step::Appreciations);
    h.keys("Dinner<Enter>The call<Enter>The wa");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("talk_2_appreciations", screen);
    // Starters from the week: Sam's kind act, for Alex to name if they like.
    assert!(screen.contains("Perhaps:"), "{screen}");
    h.keys("lk<Enter>Listening<Enter>Tea<Enter>Pat");
    // Every keystroke is kept on disk, even half a word.
    let talk = saved(&h).talk_for(week()).unwrap();
    assert_eq!(
        talk.side(SAM).unwrap().appreciations,
        ["Listening", "Tea", "Pat"]
    );
    h.keys("ience<Enter>");
    assert_eq!(step(&h), Step::WentWell);
    let screen = h.render(80, 24);
    insta::assert_snapshot!("talk_3_went_well", screen);
    // What went well lists what each did, never what did not happen.
    for absence in ["did not", "no kind acts", "quiet week"] {
        assert!(!screen.contains(absence), "{absence:?}: {screen}");
    }
    assert!(screen.contains("Sam checked in on 1 evening."), "{screen}");
    assert!(!screen.contains('%'), "no percentages: {screen}");
    h.keys("<Enter>");
    assert_eq!(
        step(&h),
        Step::Issue {
            speaker: ALEX,
            listener: SAM,
            turn: IssueTurn::Speak
        }
    );
    h.keys("I feel alone when plans change. I need a message.");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("talk_4_issue_speak", screen);
    assert!(screen.contains("I feel … when … I need …"), "{screen}");
    h.keys("<Enter>You feel alone; you need a message.<Enter>");
    assert_eq!(
        step(&h),
        Step::Issue {
            speaker: ALEX,
            listener: SAM,
            turn: IssueTurn::Confirm
        }
    );
    insta::assert_snapshot!("talk_4_issue_confirm", h.render(80, 24));
    h.keys("y");
    // Sam skips, with nothing written.
    h.keys("<Enter>");
    assert_eq!(
        step(&h),
        Step::NextWeek {
            answering: Some(ALEX)
        }
    );
    h.keys("A walk on Sunday<Enter>Dinner together<Enter>");
    assert_eq!(step(&h), Step::NextWeek { answering: None });
    insta::assert_snapshot!("talk_5_next_week", h.render(80, 24));
    // Sam turns Alex's answer into a promise: the form comes filled in, due this coming week.
    h.keys("1");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("talk_5_promise_form", screen);
    assert!(screen.contains("A walk on Sunday"), "{screen}");
    h.keys("<Enter>");
    let j = saved(&h);
    let promise = j
        .live_promises()
        .find(|p| p.text == "A walk on Sunday")
        .unwrap();
    assert_eq!((promise.by(), promise.to), (SAM, ALEX));
    let due = promise.due.unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert!(
        due > today && due <= today + chrono::Duration::days(7),
        "{due}"
    );
    assert_eq!(j.talk_for(week()).unwrap().promises, [promise.meta.id]);
    h.keys("<Enter>");
    assert_eq!(step(&h), Step::Closing);
    insta::assert_snapshot!("talk_6_closing", h.render(80, 24));
    h.keys("<Enter>");
    assert_eq!(step(&h), Step::Closed);
    let talk = saved(&h).talk_for(week()).unwrap();
    assert_eq!(talk.reached, TalkStep::Closed);
    let alex = talk.side(ALEX).unwrap();
    assert_eq!(
        alex.issue.as_deref(),
        Some("I feel alone when plans change. I need a message.")
    );
    assert!(alex.understood);
    assert_eq!(
        talk.side(SAM).unwrap().heard.as_deref(),
        Some("You feel alone; you need a message.")
    );
    assert!(talk.side(SAM).unwrap().issue_skipped);
}

#[test]
fn one_not_safe_makes_it_appreciations_only() {
    let mut h = both_of_us();
    h.keys("wyn");
    assert_eq!(step(&h), Step::Appreciations);
    h.keys("<Enter><Enter><Enter><Enter><Enter><Enter>");
    assert_eq!(step(&h), Step::Closing);
}

#[test]
fn a_talk_closed_midway_resumes_with_every_word() {
    let mut h = both_of_us();
    to_the_issue(&mut h);
    h.keys("I feel tir");
    // Esc pauses the talk; the words are already on disk.
    h.keys("<Esc>");
    match &h.app.screen {
        Screen::Progress(state) => assert_eq!(state.week, week(), "back on the talk's week"),
        _ => panic!("back on 'Both of us'"),
    }
    let screen = h.render(80, 24);
    assert!(
        screen.contains("The talk is paused, with every word kept."),
        "{screen}"
    );
    let mut again = Harness::new(h.saved.clone());
    again.app.now = h.app.now;
    again.keys("<Down><Down><Enter>w");
    assert_eq!(
        step(&again),
        Step::Issue {
            speaker: ALEX,
            listener: SAM,
            turn: IssueTurn::Speak
        }
    );
    let screen = again.render(80, 24);
    assert!(screen.contains("I feel tir"), "{screen}");
    again.keys("ed<Enter>");
    let talk = saved(&again).talk_for(week()).unwrap();
    assert_eq!(
        talk.side(ALEX).unwrap().issue.as_deref(),
        Some("I feel tired")
    );
    assert_eq!(saved(&again).live_talks().count(), 1, "one talk a week");
}

#[test]
fn the_talk_at_20x5_and_without_colour() {
    let mut h = both_of_us();
    to_the_issue(&mut h);
    h.render(20, 5);
    h.render(1, 1);
    h.app.theme = mend::tui::theme::Theme { color: false };
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| mend::tui::draw::draw(&h.app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset),
        "no colour under NO_COLOR"
    );
    insta::assert_snapshot!("talk_no_color_80x24", terminal.backend().to_string());
}

#[test]
fn the_overview_and_calendar_show_which_weeks_had_a_talk_and_never_a_streak() {
    let mut h = both_of_us();
    let screen = h.render(80, 40);
    assert!(screen.contains("No talk about this week yet"), "{screen}");
    h.keys("wyn<Enter><Enter><Enter><Enter><Enter><Enter><Enter>");
    assert_eq!(step(&h), Step::Closed);
    h.keys("<Esc>");
    let mut again = Harness::new(h.saved.clone());
    again.app.now = h.app.now;
    again.keys("<Down><Down><Enter>");
    let overview = again.render(80, 40);
    assert!(
        overview.contains("You had your weekly talk about this week."),
        "{overview}"
    );
    again.keys("5");
    let calendar = again.render(80, 24);
    insta::assert_snapshot!("talk_calendar_80x24", calendar);
    assert!(calendar.contains("◆ a week you talked"), "{calendar}");
    assert_eq!(
        calendar.matches('◆').count(),
        2,
        "one week's mark and the legend"
    );
    let lower = calendar.to_lowercase();
    assert!(
        !lower.contains("streak") && !lower.contains("in a row"),
        "{calendar}"
    );
}

#[test]
fn a_long_issue_wraps_under_its_words_not_under_the_name() {
    let mut h = both_of_us();
    to_the_issue(&mut h);
    h.keys("I feel alone when plans change at the last minute and nobody tells me why.");
    let screen = h.render(60, 24);
    let rows: Vec<&str> = screen.lines().map(|l| l.trim_matches('"')).collect();
    let first = rows
        .iter()
        .position(|r| r.contains("I feel alone"))
        .unwrap_or_else(|| panic!("{screen}"));
    let label_end = rows[first].find("I feel alone").unwrap();
    let next = rows[first + 1];
    assert!(!next.trim().is_empty(), "the words go on: {screen}");
    let starts = next.len() - next.trim_start().len();
    assert_eq!(starts, label_end, "under the words: {screen}");
}
