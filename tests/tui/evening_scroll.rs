//! The evening screen at 80×24 with more than fits: what does not fit is reachable by scrolling,
//! a heading never stands alone at the foot, and a calm line says how much is below.

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{HardDate, Journal, NewPromise, PlanParts, PromiseAction};
use ratatui::layout::Rect;
use tui_support::{ALEX, Harness, SAM, day, lived_in_journal};

/// The lived-in journal, with a pause and a plan item (a hard date on Friday) for Alex, and
/// six promises Alex kept for Sam, waiting to be noticed.
pub fn full_evening() -> Journal {
    let mut j = lived_in_journal();
    let today = day(11, 25);
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 20, 30, 0).unwrap();
    let until = Utc.with_ymd_and_hms(2026, 11, 25, 22, 0, 0).unwrap();
    j.ask_for_pause_until(ALEX, until, Some("A quiet hour, please".into()), at)
        .unwrap();
    let parts = PlanParts {
        brings_it_on: "The day it came out".into(),
        helps_me: "A long walk".into(),
        i_ask_of_you: "Check in with me that evening".into(),
    };
    let friday = HardDate {
        day: day(11, 27),
        yearly: false,
    };
    j.add_plan_item(ALEX, parts, Some(friday), at).unwrap();
    for text in [
        "Text when I leave work",
        "Put my phone away at dinner",
        "Ask how your day was, and listen",
        "Be home by seven on Thursday",
        "Tell you when I feel defensive",
        "Cook on Wednesday",
    ] {
        let new = NewPromise {
            by: ALEX,
            to: SAM,
            text: text.into(),
            made: day(11, 21),
            due: None,
            size: None,
        };
        let id = j.add_promise(new, at, today).unwrap();
        j.change_promise(id, ALEX, PromiseAction::Keep, None, at, today)
            .unwrap();
    }
    j
}

fn sams_evening() -> Harness {
    sams_evening_of(full_evening())
}

/// Sam's evening on `journal`.
fn sams_evening_of(journal: Journal) -> Harness {
    let mut h = Harness::new(Some(journal));
    h.keys("<Down><Enter>");
    h
}

/// The headings of Sam's evening.
const HEADINGS: &[&str] = &[
    "This evening",
    "Your open promises",
    "Alex's promises to you",
    "Kept by Alex; notice it if you like",
];

const KEPT: &[&str] = &[
    "♡ Text when I leave work",
    "♡ Put my phone away at dinner",
    "♡ Ask how your day was, and listen",
    "♡ Be home by seven on Thursday",
    "♡ Tell you when I feel defensive",
    "♡ Cook on Wednesday",
];

/// The screen's rows, without the quotes the test backend puts around them.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_owned())
        .collect()
}

/// A heading shown with nothing of its own under it, if there is one.
fn dangling(screen: &str) -> Option<String> {
    let rows = rows(screen);
    rows.iter().enumerate().find_map(|(at, row)| {
        let heading = HEADINGS.iter().any(|h| row.trim() == *h);
        let next = rows.get(at + 1).map_or("", |r| r.trim());
        let alone = next.is_empty() || next.starts_with('↓') || next.starts_with("w write");
        (heading && alone).then(|| row.clone())
    })
}

#[test]
fn what_does_not_fit_at_80x24_is_reachable_by_scrolling() {
    let mut h = sams_evening();
    let tall = h.render(80, 40);
    for kept in KEPT {
        assert!(tall.contains(kept), "{kept} at 80×40:\n{tall}");
    }
    assert!(!tall.contains(" more "), "all fits at 80×40:\n{tall}");

    let top = h.render(80, 24);
    assert!(
        top.contains("  ↓ 9 more"),
        "a calm sign of what is below:\n{top}"
    );
    assert!(!top.contains('↑'), "nothing above yet:\n{top}");
    assert_eq!(dangling(&top), None, "{top}");
    // The heading whose first promise does not fit waits below with it.
    assert!(!top.contains("Alex's promises to you"), "{top}");
    insta::assert_snapshot!("evening_scroll_top_80x24", top);

    h.keys("<End>");
    let end = h.render(80, 24);
    for kept in KEPT {
        assert!(end.contains(kept), "{kept} after End:\n{end}");
    }
    assert!(end.contains("Kept by Alex; notice it if you like"), "{end}");
    assert!(
        end.contains("Evening 25 since you started with mend."),
        "{end}"
    );
    assert!(end.contains("  ↑ "), "a sign of what is above:\n{end}");
    assert!(!end.contains('↓'), "nothing is below the end:\n{end}");
    assert_eq!(dangling(&end), None, "{end}");
    insta::assert_snapshot!("evening_scroll_end_80x24", end);
    h.keys("<Down><Down>");
    assert_eq!(h.render(80, 24), end, "↓ at the end stays there");

    h.keys("<Home>");
    assert_eq!(h.render(80, 24), top, "Home goes back to the top");
    h.keys("<Up>");
    assert_eq!(h.render(80, 24), top, "↑ at the top stays there");

    h.keys("<Down>");
    let one = h.render(80, 24);
    assert!(one.contains("  ↑ 1 more"), "{one}");
    assert!(!one.contains("Alex asked for some time"), "{one}");
    assert!(one.contains("Their note: “A quiet hour, please”"), "{one}");
    h.keys("<Up>");
    assert_eq!(h.render(80, 24), top, "↑ comes back a line");

    // A page on begins where the page before ended: with the heading that went down.
    h.keys("<PgDn>");
    let page = rows(&h.render(80, 24));
    let heading = page
        .iter()
        .position(|r| r.trim() == "Alex's promises to you");
    assert_eq!(
        heading,
        Some(9),
        "the page begins with it, under ↑:\n{page:#?}"
    );
    assert!(page[8].trim().starts_with("↑ "), "{page:#?}");
    h.keys("<PgUp>");
    assert_eq!(h.render(80, 24), top, "a page back is the top again");
}

#[test]
fn a_taller_window_shows_as_much_as_fits_even_after_scrolling() {
    // One journal for both windows: records made apart get ids of their own, and records
    // made in the same moment are ordered by id.
    let journal = full_evening();
    let mut h = sams_evening_of(journal.clone());
    h.keys("<End>");
    let tall = h.render(80, 40);
    assert_eq!(tall, sams_evening_of(journal).render(80, 40), "{tall}");
}

#[test]
fn scrolling_follows_the_window_last_drawn() {
    let mut h = sams_evening();
    h.app.window = Some(Rect::new(0, 0, 80, 40));
    h.keys("<Down><PgDn><End>");
    assert_eq!(h.app.screen.view().title("Sam"), "Tonight with Sam");
    let tall = h.render(80, 40);
    assert!(!tall.contains('↑') && !tall.contains('↓'), "{tall}");
    // All fitted, so nothing moved: at 80×24 the screen is at its top.
    assert_eq!(h.render(80, 24), sams_evening().render(80, 24));
}

#[test]
fn no_heading_is_left_alone_at_any_height_or_scroll() {
    for (width, height) in [
        (80, 18),
        (80, 20),
        (80, 22),
        (80, 24),
        (80, 26),
        (60, 24),
        (44, 16),
    ] {
        let mut h = sams_evening();
        h.app.window = Some(Rect::new(0, 0, width, height));
        for step in 0..40 {
            let screen = h.render(width, height);
            assert_eq!(
                dangling(&screen),
                None,
                "{width}×{height}, {step}:\n{screen}"
            );
            h.keys("<Down>");
        }
        for step in 0..10 {
            let screen = h.render(width, height);
            assert_eq!(
                dangling(&screen),
                None,
                "{width}×{height}, page {step}:\n{screen}"
            );
            h.keys("<PgUp>");
        }
    }
}

#[test]
fn the_evening_scrolls_without_panicking_in_small_windows() {
    for (width, height) in [(20, 5), (40, 12), (44, 12), (44, 13), (1, 1), (80, 14)] {
        let mut h = sams_evening();
        h.app.window = Some(Rect::new(0, 0, width, height));
        for keys in [
            "<Down>",
            "<PgDn>",
            "<End>",
            "<Up>",
            "<PgUp>",
            "<Home>",
            "<End><Down>",
        ] {
            h.keys(keys);
            let screen = h.render(width, height);
            assert!(!screen.is_empty(), "{width}×{height} {keys}");
        }
    }
}
