//! The progress view ("both of us") at 80x24 and 120x40: every section, with data and empty.

use crate::harness as tui_support;

use chrono::{Duration, TimeZone, Utc};
use mend::journal::{Journal, NewCheckin, Rating};
use mend::tui::app::Screen;
use tui_support::{ALEX, Harness, SAM, day, empty_journal, lived_in_journal};

/// The lived-in journal plus six weeks of check-ins from both partners: Alex slowly up,
/// Sam steadier with one hard evening last week.
fn journal_with_weeks() -> Journal {
    let mut j = lived_in_journal();
    let today = day(11, 25);
    j.started = day(10, 12);
    for back in 1..=42i64 {
        let evening = today - Duration::days(back);
        let at = Utc
            .from_utc_datetime(&evening.and_hms_opt(21, 30, 0).unwrap())
            .with_timezone(&Utc);
        let step = u8::try_from((42 - back) / 7).unwrap();
        for (author, base) in [(ALEX, 3u8), (SAM, 5u8)] {
            if back % 3 == 0 && author == SAM {
                continue; // Sam skips some evenings; nothing is lost by it.
            }
            let low = author == SAM && back == 6;
            let value = |plus: u8| Rating::saturating(if low { 1 } else { base + step + plus });
            let checkin = NewCheckin {
                author,
                day: evening,
                safety: value(1),
                trust: value(0),
                connection: value(2),
                note: None,
                note_visibility: mend::journal::Visibility::Shared,
            };
            j.upsert_checkin(checkin, at, today).unwrap();
        }
    }
    j
}

fn both_of_us(journal: Journal) -> Harness {
    let mut h = Harness::new(Some(journal));
    h.keys("<Down><Down><Enter>");
    h
}

#[test]
fn the_overview_tells_each_partners_week_in_words() {
    let h = both_of_us(journal_with_weeks());
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W48"), "{screen}");
    assert!(screen.contains("Day 45 with mend"), "{screen}");
    assert!(
        !screen.contains("0 times"),
        "a zero count is left out: {screen}"
    );
    assert!(screen.contains("How each of you feels"), "{screen}");
    assert!(screen.contains("Promises and kindness"), "{screen}");
    let lower = screen.to_lowercase();
    for harsh in ["streak", "failed", "missed", "broke"] {
        assert!(!lower.contains(harsh), "{harsh:?}: {screen}");
    }
    insta::assert_snapshot!("progress_overview_80x24", screen);
    insta::assert_snapshot!("progress_overview_120x40", h.render(120, 40));
}

#[test]
fn the_overview_names_only_the_promise_figures_that_happened() {
    let mut j = journal_with_weeks();
    let today = day(11, 25);
    let at = Utc.from_utc_datetime(&today.and_hms_opt(20, 0, 0).unwrap());
    let new = mend::journal::NewPromise {
        by: ALEX,
        to: SAM,
        text: "Walk together after dinner".into(),
        made: today,
        due: None,
        size: None,
    };
    let id = j.add_promise(new, at, today).unwrap();
    let keep = mend::journal::PromiseAction::Keep;
    j.change_promise(id, ALEX, keep, None, at, today).unwrap();
    let flat = both_of_us(j)
        .render(80, 24)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("Alex made 1, kept 1"), "{flat}");
    assert!(
        !flat.contains("renegotiated 0") && !flat.contains("not kept 0"),
        "{flat}"
    );
    assert!(flat.contains("Sam no promises this week"), "{flat}");
}

#[test]
fn moving_back_a_week_shows_that_weeks_figures() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("<Left>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W47"), "{screen}");
    assert!(screen.contains("Mon 16 Nov – Sun 22 Nov 2026"), "{screen}");
    let Screen::Progress(state) = &h.app.screen else {
        panic!("on the progress view")
    };
    assert_eq!(state.week.start(), day(11, 16));
    // Last week Alex's trust was 8 on five evenings and 7 on two: a mean of 54 / 7 = 7.7,
    // up from the four weeks before.
    assert!(screen.contains("trust 7.7 (up"), "{screen}");
    h.keys("<Right><Right>");
    assert!(h.render(80, 24).contains("nothing after it yet"));
}

#[test]
fn the_healing_chart_draws_both_partners_over_twelve_weeks() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("2");
    let screen = h.render(80, 24);
    assert!(screen.contains("Trust · weekly mean"), "{screen}");
    assert!(
        screen.contains("Alex") && screen.contains("Sam"),
        "{screen}"
    );
    insta::assert_snapshot!("progress_healing_80x24", screen);
    h.keys("r");
    assert!(h.render(80, 24).contains("Connection · weekly mean"));
    insta::assert_snapshot!("progress_healing_120x40", h.render(120, 40));
}

#[test]
fn reciprocity_shows_bars_and_the_weeks_kindness_without_a_score() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("3<Left>");
    let screen = h.render(80, 24);
    // Week 47: Sam kept "Tell you when I need space" and Alex's kind act was noticed.
    assert!(
        screen.contains("Alex: 1 kind act · was noticed once"),
        "{screen}"
    );
    assert!(!screen.contains('%'), "no percentage: {screen}");
    assert!(!screen.contains(" 0 "), "no zero counts in words: {screen}");
    insta::assert_snapshot!("progress_reciprocity_80x24", screen);
}

#[test]
fn shared_words_sit_side_by_side_and_private_entries_never_show() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("4<Left>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Noticed the dishes were done"), "{screen}");
    assert!(!screen.contains("Something only for me"), "{screen}");
    insta::assert_snapshot!("progress_shared_80x24", screen);
    h.keys("<Right>");
    let screen = h.render(80, 24);
    assert!(screen.contains("I kept the Tuesday call."), "{screen}");
    assert!(!screen.contains("Private thoughts"), "{screen}");
}

#[test]
fn the_calendar_marks_evenings_without_counting_a_streak() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("5");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("a quiet evening, which is fine"),
        "{screen}"
    );
    assert!(!screen.to_lowercase().contains("streak"));
    insta::assert_snapshot!("progress_calendar_80x24", screen);
    insta::assert_snapshot!("progress_calendar_120x40", h.render(120, 40));
}

#[test]
fn an_empty_journal_says_what_to_do_first() {
    let mut h = both_of_us(empty_journal());
    let screen = h.render(80, 24);
    assert!(screen.contains("Nothing to look back on yet."), "{screen}");
    insta::assert_snapshot!("progress_empty_80x24", screen);
    insta::assert_snapshot!("progress_empty_120x40", h.render(120, 40));
    for key in ["1", "2", "3", "4", "5", "<Left>", "<Right>", "r"] {
        h.keys(key);
        assert!(h.render(80, 24).contains("Nothing to look back on yet."));
    }
}

#[test]
fn a_quiet_week_is_named_kindly() {
    // The lived-in journal started on 1 November (week 44); nothing was recorded that week.
    let mut h = both_of_us(lived_in_journal());
    for _ in 0..4 {
        h.keys("<Left>");
    }
    let screen = h.render(80, 24);
    assert!(screen.contains("Week 2026-W44"), "{screen}");
    assert!(
        screen.contains("Nothing was recorded this week. That is all right"),
        "{screen}"
    );
}

#[test]
fn help_lists_the_progress_keys_and_p_goes_back_to_who_is_here() {
    let mut h = both_of_us(journal_with_weeks());
    let before = h.render(80, 24);
    assert!(!before.contains("┌ Keys"), "{before}");
    h.keys("?");
    let screen = h.render(80, 24);
    // Only the overlay has a title, the closing line and keys in its "key  what" form:
    // the hint bar always holds "week" and "section".
    assert!(screen.contains("┌ Keys"), "{screen}");
    assert!(screen.contains("Press any key to close this."), "{screen}");
    assert!(screen.contains("←/→  week"), "{screen}");
    assert!(screen.contains("Tab/1-6  section"), "{screen}");
    h.keys("x");
    assert!(!h.render(80, 24).contains("┌ Keys"), "any key closes it");
    h.keys("p");
    assert!(h.render(80, 24).contains("Who is here tonight?"));
}

#[test]
fn the_week_shown_exports_in_the_chosen_format_and_says_where() {
    let mut h = both_of_us(journal_with_weeks());
    h.keys("<Left>e");
    let screen = h.render(80, 24);
    assert!(screen.contains("Export this week"), "{screen}");
    insta::assert_snapshot!("progress_export_80x24", screen);
    h.keys("h");
    let (name, text) = h.exports.last().expect("a summary was written");
    assert_eq!(name, "mend-2026-W47.html");
    assert!(text.contains("Alex") && text.contains("Sam"), "{text}");
    assert!(
        !text.contains("Something only for me"),
        "private words never leave"
    );
    let screen = h.render(80, 24);
    assert!(
        screen.contains("The summary is saved to /home/you/mend-2026-W47.html"),
        "{screen}"
    );
    h.keys("e<Esc>");
    assert_eq!(h.exports.len(), 1, "Esc writes nothing");
}

/// Tonight's shared entry of Alex's, closed until Sam writes too: counted as written, said to
/// be waiting, and never shown.
#[test]
fn an_entry_still_closed_is_said_to_wait_never_shown_and_never_called_nothing() {
    let mut j = journal_with_weeks();
    let today = day(11, 25);
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    let new = mend::journal::NewEntry {
        author: ALEX,
        day: today,
        stage: mend::journal::Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: "Words that wait for Sam".into(),
        visibility: mend::journal::Visibility::Shared,
    };
    j.add_entry(new, at, today).unwrap();
    let mut h = both_of_us(j);
    h.keys("4");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("One entry of Alex's opens once Sam has shared an entry on that evening"),
        "{screen}"
    );
    assert!(!screen.contains("Words that wait"), "closed: {screen}");
    insta::assert_snapshot!("progress_shared_waiting_80x24", screen);
    // The overview's counts agree: the evening and its stage are counted, the words closed.
    h.keys("1");
    let overview = h.render(120, 40);
    let alex = overview
        .lines()
        .find(|l| l.contains("Alex") && l.contains("wrote on"))
        .unwrap_or_default();
    assert!(alex.contains("healing 1"), "{overview}");
    assert!(!overview.contains("Words that wait"), "{overview}");
}

#[test]
fn an_overview_taller_than_the_window_says_what_is_below_and_above() {
    let mut h = both_of_us(journal_with_weeks());
    // The window the keys scroll in, as the running app keeps the one it drew last.
    h.app.window = Some(ratatui::layout::Rect::new(0, 0, 80, 16));
    let top = h.render(80, 16);
    assert!(top.contains("↓ "), "{top}");
    assert!(!top.contains("↑ "), "{top}");
    assert!(!top.contains("The weekly talk"), "{top}");
    for _ in 0..40 {
        h.keys("<Down>");
    }
    let end = h.render(80, 16);
    assert!(end.contains("↑ "), "{end}");
    assert!(!end.contains("↓ "), "{end}");
    assert!(
        end.contains("The weekly talk"),
        "scrolled to the end: {end}"
    );
    // Keys past the end are not counted: the first ↑ goes back up at once.
    h.keys("<Up>");
    let back = h.render(80, 16);
    assert!(back != end && back.contains("↓ "), "a row back up: {back}");
}

#[test]
fn the_plan_section_scrolled_past_its_end_keeps_its_words_in_sight() {
    let mut h = both_of_us(journal_with_weeks());
    h.app.window = Some(ratatui::layout::Rect::new(0, 0, 80, 16));
    h.keys("6");
    let plan = h.render(80, 16);
    assert!(
        plan.contains("Hard moments noted privately never show here."),
        "{plan}"
    );
    for _ in 0..10 {
        h.keys("<Down>");
    }
    assert_eq!(h.render(80, 16), plan, "it all fits, so nothing scrolls");
}
