//! Small screen defects, each drawn the way a person would meet it: shared words that scrolled
//! into emptiness, list columns that shifted, tabs that vanished, a check-in note hidden under
//! the hint, and "1 weeks".

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{Journal, NewCheckin, NewEntry, Rating, Stage, Visibility};
use tui_support::{ALEX, Harness, day, lived_in_journal};

fn add_entry(j: &mut Journal, d: u32, text: &str) {
    let at = Utc.with_ymd_and_hms(2026, 11, d, 21, 0, 0).unwrap();
    let new = NewEntry {
        author: ALEX,
        day: day(11, d),
        stage: Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: text.into(),
        visibility: Visibility::Shared,
    };
    j.add_entry(new, at, day(11, 25)).unwrap();
}

#[test]
fn shared_words_stop_scrolling_at_the_last_evening() {
    let mut h = Harness::new(Some(lived_in_journal()));
    // Last week (W47) has shared words on three evenings: 18, 19 and 20 November.
    h.keys("<Down><Down><Enter>4<Left>");
    h.keys(&"<Down>".repeat(10));
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Friday 20 November") && screen.contains("Noticed the dishes"),
        "the last evening stays in sight:\n{screen}"
    );
    // One step back up shows the evening before it: the scrolling did not run on unseen.
    h.keys("<Up>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Thursday 19 November"), "{screen}");
}

#[test]
fn the_journal_lists_columns_line_up_for_short_days_and_long_names() {
    let mut j = lived_in_journal();
    j.partners[0].name = "Alexandria-Rose".into();
    add_entry(&mut j, 3, "Early days.");
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>j");
    let screen = h.render(80, 24);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" Nov 2026 "))
        .collect();
    assert_eq!(rows.len(), 6, "{screen}");
    let column_of = |row: &str, words: &[&str]| {
        words
            .iter()
            .find_map(|w| row.find(w).map(|at| row[..at].chars().count()))
            .unwrap_or_else(|| panic!("none of {words:?} in {row:?}"))
    };
    let stages = ["communication", "healing", "reciprocity"];
    let names = ["Alexandria-", "Sam"];
    let first = rows[0];
    for row in &rows {
        assert_eq!(
            column_of(row, &names),
            column_of(first, &names),
            "names line up:\n{screen}"
        );
        assert_eq!(
            column_of(row, &stages),
            column_of(first, &stages),
            "stages line up:\n{screen}"
        );
    }
    assert!(screen.contains("Tue  3 Nov 2026"), "{screen}");
    // Names are cut to twelve columns at most, and say so.
    assert!(screen.contains("Alexandria-… reciprocity"), "{screen}");
    insta::assert_snapshot!("journal_list_long_name", screen);
}

#[test]
fn the_reader_shows_tabs_as_spaces_to_the_next_tab_stop() {
    let mut j = lived_in_journal();
    add_entry(&mut j, 25, "ab\tcd\n\tindented");
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>j<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("│ab  cd"), "{screen}");
    assert!(screen.contains("│    indented"), "{screen}");
}

#[test]
fn a_long_check_in_note_stays_above_the_hint_with_its_last_line_in_sight() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<Down><Down><Down>");
    let note = format!("{} the end", "slowly but surely ".repeat(14));
    h.paste(&note);
    let screen = h.render(80, 24);
    assert!(
        screen.contains("the end▏"),
        "the line being typed:\n{screen}"
    );
    assert!(
        screen.contains("Enter saves. Esc goes back without saving."),
        "{screen}"
    );
    // At the smallest full size too.
    let small = h.render(80, 20);
    assert!(small.contains("the end▏"), "{small}");
    assert!(
        small.contains("Enter saves. Esc goes back without saving."),
        "{small}"
    );
}

#[test]
fn one_week_is_one_week() {
    let mut j = lived_in_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 21, 0, 0).unwrap();
    let checkin = NewCheckin {
        author: ALEX,
        day: day(11, 24),
        safety: Rating::new(6).unwrap(),
        trust: Rating::new(5).unwrap(),
        connection: Rating::new(6).unwrap(),
        note: None,
        note_visibility: mend::journal::Visibility::Shared,
    };
    j.upsert_checkin(checkin, at, day(11, 25)).unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Down><Down><Enter>");
    for section in ["1", "5"] {
        h.keys(section);
        let screen = h.render(80, 24);
        assert!(
            screen.contains("1 week with a check-in from each of you"),
            "section {section}:\n{screen}"
        );
    }
}

/// Rows of the editor box that start with a space before a word.
fn rows_starting_with_a_space(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .filter(|l| {
            let inside = l.split('│').nth(1).unwrap_or("");
            inside.starts_with(' ') && !inside.trim().is_empty()
        })
        .collect()
}

#[test]
fn wrapped_and_restored_writing_never_starts_a_row_with_a_space() {
    let text = "one two three four five six seven eight nine ten eleven twelve thirteen \
                fourteen fifteen sixteen seventeen eighteen nineteen twenty";
    let mut h = Harness::new(Some(tui_support::empty_journal()));
    h.keys(&format!("<Enter>w{text}"));
    // At 44 columns "fourteen" ends the second row exactly.
    let typed = h.render(44, 20);
    assert!(typed.contains("│fifteen sixteen"), "{typed}");
    let mut again = Harness::new(Some(tui_support::empty_journal()));
    again.app.drafts = h.drafts.clone();
    again.keys("<Enter>r");
    for width in 20..=90 {
        for screen in [h.render(width, 20), again.render(width, 20)] {
            let rows = rows_starting_with_a_space(&screen);
            assert!(rows.is_empty(), "at {width} columns: {rows:#?}\n{screen}");
        }
    }
    let editor = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .filter(|l| l.contains('│'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        editor(&again.render(44, 20)),
        editor(&typed),
        "restored as typed"
    );
}
