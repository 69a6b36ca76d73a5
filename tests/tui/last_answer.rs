//! "You answered this on …" under tonight's prompt, and one key that opens that answer.

use crate::harness::{ALEX, Harness, SAM, lived_in_journal};
use chrono::{NaiveDate, TimeZone, Utc};
use mend::journal::{Journal, NewEntry, Stage, Visibility};
use mend::tui::app::Screen;

fn flat(h: &Harness) -> String {
    h.render(80, 24)
        .lines()
        .flat_map(|row| row.trim_matches('"').split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tonight's prompt for Alex on the lived-in journal, and its stage.
fn alexs_prompt() -> (String, Stage) {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>");
    let tonight = h.app.tonight.clone().expect("tonight");
    (tonight.prompt_id.expect("a prompt"), tonight.stage)
}

/// The lived-in journal, begun a year earlier, with an answer by `author` to `prompt` on
/// 3 November 2025.
fn answered_by(author: mend::journal::PartnerId, prompt: &str, stage: Stage) -> Journal {
    let mut j = lived_in_journal();
    let then = NaiveDate::from_ymd_opt(2025, 11, 3).unwrap();
    j.started = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    let at = Utc.with_ymd_and_hms(2025, 11, 3, 21, 0, 0).unwrap();
    let new = NewEntry {
        author,
        day: then,
        stage,
        prompt_id: Some(prompt.to_owned()),
        prompt: Some("The same prompt, a year ago".into()),
        text: "What I wrote a year ago.".into(),
        visibility: Visibility::Shared,
    };
    j.add_entry(new, at, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        .unwrap();
    j
}

#[test]
fn under_the_prompt_mend_says_when_you_last_answered_it_and_l_opens_that_answer() {
    let (prompt, stage) = alexs_prompt();
    let mut h = Harness::new(Some(answered_by(ALEX, &prompt, stage)));
    h.keys("<Enter>");
    assert_eq!(
        h.app.tonight.as_ref().unwrap().prompt_id.as_deref(),
        Some(prompt.as_str())
    );
    let screen = flat(&h);
    assert!(
        screen.contains("You answered this on 3 Nov 2025; l reads it again."),
        "{screen}"
    );
    insta::assert_snapshot!("home_last_answered", h.render(80, 24));
    h.keys("l");
    let Screen::Journal(browse) = &h.app.screen else {
        panic!("the journal shows");
    };
    assert!(browse.reading.is_some(), "reading the entry");
    let screen = flat(&h);
    assert!(screen.contains("What I wrote a year ago."), "{screen}");
    assert!(screen.contains("Monday 3 November 2025"), "{screen}");
}

#[test]
fn the_other_partners_answer_is_not_yours() {
    let (prompt, stage) = alexs_prompt();
    let mut h = Harness::new(Some(answered_by(SAM, &prompt, stage)));
    h.keys("<Enter>");
    assert!(!flat(&h).contains("You answered this"), "{}", flat(&h));
    h.keys("l");
    assert!(matches!(h.app.screen, Screen::Home(_)));
    assert!(flat(&h).contains("You have not answered this prompt before."));
}
