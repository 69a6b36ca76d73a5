//! Pasted words longer than a field holds: what does not fit is left out, and the field says
//! so until the next change, so no one saves words cut short without knowing.

use crate::harness as tui_support;

use tui_support::{ALEX, Harness, flat, lived_in_journal};

const NOTICE: &str = "did not fit and were left out";

#[test]
fn a_check_in_note_pasted_past_its_limit_says_what_was_left_out_before_it_is_saved() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>c<Down><Down><Down>");
    let note = format!(
        "{}and that is all.",
        "I was tired but we talked it through. ".repeat(10)
    );
    h.paste(&note);
    let screen = flat(&h.render(80, 24));
    let left_out = note.chars().count() - 280;
    assert!(
        screen.contains(&format!("{left_out} characters {NOTICE}: at most 280 here")),
        "{screen}"
    );
    insta::assert_snapshot!("checkin_note_paste_left_out", h.render(80, 24));
    h.keys("<BS>");
    assert!(
        !flat(&h.render(80, 24)).contains(NOTICE),
        "gone at the next change"
    );
    h.keys("<Enter>");
    let saved = h.saved.as_ref().expect("saved");
    let kept = saved
        .checkins
        .iter()
        .find(|c| c.meta.author == ALEX && !c.meta.deleted)
        .and_then(|c| c.note.clone())
        .unwrap_or_default();
    assert_eq!(
        kept.chars().count(),
        279,
        "what the screen showed, and no more"
    );
}

#[test]
fn a_promise_pasted_past_its_limit_says_what_was_left_out() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>on");
    let text = format!(
        "{}then call before nine",
        "Cook dinner on Thursday and wash up after, ".repeat(5)
    );
    h.paste(&text);
    let screen = flat(&h.render(80, 24));
    let left_out = text.chars().count() - 200;
    assert!(
        screen.contains(&format!("{left_out} characters {NOTICE}: at most 200 here")),
        "{screen}"
    );
    insta::assert_snapshot!("promise_paste_left_out", h.render(80, 24));
}

#[test]
fn a_key_typed_into_a_full_field_says_the_field_is_full() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>on");
    h.paste(&"a".repeat(200));
    assert!(
        !flat(&h.render(80, 24)).contains("did not fit"),
        "it all fit"
    );
    h.keys("bcd");
    let screen = flat(&h.render(80, 24));
    assert!(
        screen.contains("this is full: at most 200 characters here"),
        "a key typed into a full field is not counted as a paste: {screen}"
    );
    h.keys("<BS>");
    h.paste("xy");
    let screen = flat(&h.render(80, 24));
    assert!(
        screen.contains("1 character did not fit and was left out: at most 200 here"),
        "{screen}"
    );
}

#[test]
fn a_name_pasted_past_its_limit_at_first_run_says_what_was_left_out() {
    let mut h = Harness::new(None);
    h.paste(&"Alexandra ".repeat(6));
    let screen = flat(&h.render(80, 24));
    assert!(
        screen.contains("20 characters did not fit and were left out: a name holds at most 40."),
        "{screen}"
    );
    h.keys("<BS>");
    let screen = flat(&h.render(80, 24));
    assert!(
        !screen.contains("did not fit"),
        "gone at the next key: {screen}"
    );
}
