//! Words that wrap keep to their block's edge: the role line on "who is here" reads whole at
//! 80 columns, each partner's week in "Both of us" wraps under its own first words, and a
//! line that must wrap on a narrower screen starts where its first line did.

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{NewCheckin, Rating, Visibility};
use tui_support::{ALEX, Harness, SAM, day, empty_journal};

/// The screen's rows, without the quotes the test backend prints around each.
fn rows(screen: &str) -> Vec<&str> {
    screen.lines().map(|row| row.trim_matches('"')).collect()
}

/// Columns before a row's first letter.
fn indent(row: &str) -> usize {
    row.chars().take_while(|c| *c == ' ').count()
}

/// The rows from the first one holding `first` down to the next blank row.
fn block<'a>(screen: &'a str, first: &str) -> Vec<&'a str> {
    rows(screen)
        .into_iter()
        .skip_while(|row| !row.contains(first))
        .take_while(|row| !row.trim().is_empty())
        .collect()
}

#[test]
fn the_role_on_who_is_here_reads_whole_at_80_columns_and_keeps_its_edge_when_narrow() {
    let mut j = empty_journal();
    j.partners[1].name = "Samantha-Jo".into();
    let mut h = Harness::new(Some(j));
    // Samantha-Jo was hurt: the longest role words there are.
    h.keys("<Down>");
    let screen = h.render(80, 24);
    let role = block(&screen, "Samantha-Jo's role");
    assert_eq!(
        role.iter().map(|row| row.trim()).collect::<Vec<_>>(),
        [
            "Samantha-Jo's role: the one who was hurt.",
            "Press r to change it."
        ],
        "{screen}"
    );
    insta::assert_snapshot!("who_role_hurt_80x24", screen);
    // Below MIN_WIDTH mend asks for a larger window instead of any screen.
    for width in mend::tui::draw::MIN_WIDTH..80 {
        let screen = h.render(width, 24);
        let role = block(&screen, "Samantha-Jo's");
        assert!(role.len() >= 2, "at {width} columns:\n{screen}");
        assert!(
            role.iter().all(|row| indent(row) == indent(role[0])),
            "at {width} columns every role row starts where the first does:\n{screen}"
        );
        assert!(
            role.iter().any(|row| row.contains("Press r to change it.")),
            "at {width} columns:\n{screen}"
        );
    }
    // Down to the smallest window, nothing breaks.
    for (width, height) in [(20, 5), (24, 8), (30, 10), (1, 1)] {
        h.render(width, height);
    }
}

#[test]
fn a_partners_first_week_wraps_under_their_own_figures_in_both_of_us() {
    let mut j = empty_journal();
    // This week is the first with check-ins for both: every rating says "(first week)".
    for (author, d) in [(ALEX, 23), (SAM, 24)] {
        let checkin = NewCheckin {
            author,
            day: day(11, d),
            safety: Rating::saturating(4),
            trust: Rating::saturating(5),
            connection: Rating::saturating(6),
            note: None,
            note_visibility: Visibility::Shared,
        };
        let at = Utc.with_ymd_and_hms(2026, 11, d, 21, 30, 0).unwrap();
        j.upsert_checkin(checkin, at, day(11, 25)).unwrap();
    }
    let mut h = Harness::new(Some(j));
    h.keys("<Down><Down><Enter>");
    let screen = h.render(80, 24);
    let alex = block(&screen, "  Alex  safety 4.0 (first week)");
    assert_eq!(
        alex,
        [
            "   Alex  safety 4.0 (first week) · trust 5.0 (first week)                       ",
            "         connection 6.0 (first week)                                            ",
            "   Sam   safety 4.0 (first week) · trust 5.0 (first week)                       ",
            "         connection 6.0 (first week)                                            ",
        ],
        "{screen}"
    );
    insta::assert_snapshot!("both_of_us_first_week_80x24", screen);
    // Narrower, each wrapped row of the week still starts under the figures.
    for width in mend::tui::draw::MIN_WIDTH..80 {
        let screen = h.render(width, 24);
        let feels = block(&screen, "  Alex  ");
        let under = feels
            .iter()
            .filter(|row| !row.contains("Alex") && !row.contains("Sam"));
        for row in under {
            assert_eq!(indent(row), 9, "at {width} columns:\n{screen}");
        }
    }
}
