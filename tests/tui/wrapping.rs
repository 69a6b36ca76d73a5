//! Words that wrap keep to their block's edge: the role line on "who is here" reads whole at
//! 80 columns, and a line that must wrap on a narrower screen starts where its first line did.

use crate::harness as tui_support;

use tui_support::{Harness, empty_journal};

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
