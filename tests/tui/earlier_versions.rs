//! An entry's earlier versions on the read screen: shown calmly below its words to whoever may
//! read them, and let go by its author after a question.

use crate::harness::{ALEX, Harness, day, empty_journal};
use chrono::{TimeZone, Utc};
use mend::journal::{Device, Journal, NewEntry, Stage, Visibility};

/// Alex's entry of 24 November, changed apart on two computers: on "one" to `first` (written
/// with `first_vis`), later on "two" to the words that win. Merged as both computers have it.
pub fn changed_apart(first: &str, first_vis: Visibility) -> Journal {
    let mut j = empty_journal();
    let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0).unwrap();
    let new = NewEntry {
        author: ALEX,
        day: day(11, 24),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: Some("What did you notice about each other today?".into()),
        text: "You made tea without asking.".into(),
        visibility: Visibility::Shared,
    };
    let id = j.add_entry(new, at(21, 0), day(11, 24)).unwrap();
    let (mut one, mut two) = (j.clone(), j);
    one.set_device(Device("one".into()));
    two.set_device(Device("two".into()));
    one.edit_entry(id, ALEX, first, first_vis, at(21, 40))
        .unwrap();
    two.edit_entry(
        id,
        ALEX,
        "You made tea without asking, and sat with me.",
        Visibility::Shared,
        at(22, 5),
    )
    .unwrap();
    one.merge(&two).0
}

/// The screen as plain rows, joined with spaces.
fn flat(h: &Harness, width: u16, height: u16) -> String {
    h.render(width, height)
        .lines()
        .map(|row| row.trim().trim_matches('"').trim())
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry read by Alex (`<Enter>`) or Sam (`<Down><Enter>`).
fn reading(j: Journal, who: &str) -> Harness {
    let mut h = Harness::new(Some(j));
    h.keys(who).keys("j<Enter>");
    h
}

#[test]
fn the_author_reads_an_earlier_version_below_the_entry_calmly() {
    let h = reading(
        changed_apart("You made tea. I was still cross.", Visibility::Private),
        "<Enter>",
    );
    let screen = flat(&h, 80, 24);
    assert!(
        screen.contains("Also written for this, on another computer (Tue 24 Nov, 21:40) · private"),
        "{screen}"
    );
    assert!(screen.contains("I was still cross."), "{screen}");
    assert!(screen.contains("l let earlier words go"), "{screen}");
    assert!(!screen.to_lowercase().contains("conflict"), "{screen}");
    insta::assert_snapshot!("earlier_version_read_80x24", h.render(80, 24));
    insta::assert_snapshot!("earlier_version_read_46x16", h.render(46, 16));
}

#[test]
fn the_other_partner_never_sees_an_earlier_version_written_private() {
    let h = reading(
        changed_apart("You made tea. I was still cross.", Visibility::Private),
        "<Down><Enter>",
    );
    let screen = flat(&h, 80, 24);
    assert!(
        screen.contains("and sat with me."),
        "the entry is shared: {screen}"
    );
    assert!(!screen.contains("still cross"), "{screen}");
    assert!(
        !screen.contains("Also written"),
        "not even mentioned: {screen}"
    );
    assert!(!screen.contains("let earlier words go"), "{screen}");
}

#[test]
fn the_other_partner_reads_a_shared_earlier_version_but_cannot_let_it_go() {
    let mut h = reading(
        changed_apart("You made tea for both of us.", Visibility::Shared),
        "<Down><Enter>",
    );
    let screen = flat(&h, 80, 24);
    assert!(
        screen.contains("Also written for this, on another computer"),
        "{screen}"
    );
    assert!(screen.contains("You made tea for both of us."), "{screen}");
    assert!(!screen.contains("· private"), "{screen}");
    let before = h.saved.clone();
    h.keys("ly");
    assert_eq!(h.saved, before, "only the author settles an entry");
}

#[test]
fn the_author_lets_earlier_words_go_after_saying_yes() {
    let mut h = reading(
        changed_apart("You made tea. I was still cross.", Visibility::Private),
        "<Enter>",
    );
    h.keys("l");
    let asked = flat(&h, 80, 24);
    assert!(asked.contains("Let the earlier words go?"), "{asked}");
    assert!(
        asked.contains("They are not in the journal after this."),
        "{asked}"
    );
    insta::assert_snapshot!("earlier_version_let_go_question", h.render(80, 24));
    h.keys("n");
    let kept = |h: &Harness| h.saved.as_ref().unwrap().entries[0].earlier_versions.len();
    assert_eq!(kept(&h), 1, "no keeps them");

    h.keys("ly");
    assert_eq!(kept(&h), 0);
    let entry = &h.saved.as_ref().unwrap().entries[0];
    assert_eq!(entry.text, "You made tea without asking, and sat with me.");
    let screen = flat(&h, 80, 24);
    assert!(screen.contains("The earlier words are let go."), "{screen}");
    assert!(!screen.contains("still cross"), "{screen}");
    assert!(!screen.contains("let earlier words go"), "{screen}");
}
