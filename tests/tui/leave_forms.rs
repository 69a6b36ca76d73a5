//! Esc (or Ctrl-C in the hard-moment window) on a form holding typed words asks before it
//! lets them go: a second press leaves, any other key goes back to them.

use crate::harness as tui_support;

use mend::journal::Journal;
use tui_support::{Harness, empty_journal, flat, with_alexs_walk};

const ASKS: &str = "What you typed here is not saved.";

/// Alex's walk by the river, for Sam to reply to.
fn with_alexs_entry() -> Journal {
    with_alexs_walk().0
}

fn screen(h: &Harness) -> String {
    flat(&h.render(80, 24))
}

#[test]
fn esc_on_a_reply_with_words_asks_and_the_words_stay_until_a_second_esc() {
    let mut h = Harness::new(Some(with_alexs_entry()));
    h.keys("<Down><Enter>j<Enter>r");
    h.keys("A reply I took time to write");
    h.keys("<Esc>");
    let asked = screen(&h);
    assert!(asked.contains(ASKS), "{asked}");
    assert!(
        asked.contains("A reply I took time to write"),
        "still there: {asked}"
    );
    h.keys(" and more");
    let back = screen(&h);
    assert!(
        !back.contains(ASKS),
        "any other key goes back to the words: {back}"
    );
    assert!(
        back.contains("A reply I took time to write and more"),
        "{back}"
    );
    h.keys("<Esc><Esc>");
    assert!(
        !screen(&h).contains("took time"),
        "asked, then left: {}",
        screen(&h)
    );
}

#[test]
fn esc_on_a_form_with_nothing_typed_leaves_at_once() {
    let mut h = Harness::new(Some(with_alexs_entry()));
    h.keys("<Down><Enter>j<Enter>r<Esc>");
    let left = screen(&h);
    assert!(!left.contains(ASKS), "{left}");
    assert!(!left.contains("Reply"), "the form closed: {left}");
}

#[test]
fn a_plan_item_half_written_is_not_let_go_at_the_first_esc() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>hn");
    h.keys("When the house goes quiet at dinner");
    h.keys("<Esc>");
    let asked = screen(&h);
    assert!(asked.contains(ASKS), "{asked}");
    assert!(
        asked.contains("When the house goes quiet at dinner"),
        "{asked}"
    );
}

#[test]
fn a_hard_moment_note_half_written_is_not_let_go_by_esc_or_ctrl_c() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter><C-g><Enter><Enter><Down><Enter>");
    h.keys("It is hard to breathe right now and");
    for key in ["<Esc>", "<C-c>"] {
        h.keys(key);
        let asked = screen(&h);
        assert!(asked.contains(ASKS), "{key}: {asked}");
        assert!(asked.contains("hard to breathe"), "{key}: {asked}");
        h.keys("<Left>");
    }
    h.keys("<Esc><Esc>");
    assert!(!screen(&h).contains("hard to breathe"), "{}", screen(&h));
}

/// Found by a review helper: words changed in a form that opened with words of its own
/// (a renegotiation, a plan item's edit) were dropped at one Esc, and quitting did not ask.
#[test]
fn changed_words_in_a_renegotiation_or_a_plan_items_edit_are_not_let_go_at_one_esc() {
    let mut h = Harness::new(Some(tui_support::lived_in_journal()));
    h.keys("<Enter>or");
    h.keys("<Esc>");
    assert!(!screen(&h).contains(ASKS), "unchanged: it closes at once");
    h.keys("r and text first");
    h.keys("<Esc>");
    let asked = screen(&h);
    assert!(asked.contains(ASKS), "{asked}");
    assert!(asked.contains("and text first"), "{asked}");

    let mut h = Harness::new(Some(crate::plan::plan_journal()));
    h.keys("<Enter>h");
    h.keys("e<Esc>");
    assert!(!screen(&h).contains(ASKS), "unchanged: it closes at once");
    h.keys("e, or late");
    h.keys("<Esc>");
    let asked = screen(&h);
    assert!(asked.contains(ASKS), "{asked}");
    assert!(asked.contains(", or late"), "{asked}");
}

/// Found by a review helper: after Ctrl-C asked, Esc (a leaving key too) dropped the note.
#[test]
fn in_the_hard_moment_window_only_the_key_that_asked_leaves() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter><C-g><Enter><Enter><Down><Enter>");
    h.keys("It is hard to breathe right now and");
    h.keys("<C-c><Esc>");
    let asked = screen(&h);
    assert!(asked.contains(ASKS), "Esc asks for itself: {asked}");
    assert!(asked.contains("hard to breathe"), "{asked}");
    assert!(asked.contains("Esc again leaves"), "{asked}");
}
