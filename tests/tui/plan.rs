//! The plan screen at 80x24: both partners' items, adding, agreeing and kind refusals.

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{HardDate, Journal, PlanItem, PlanParts, ReviewKind};
use tui_support::{ALEX, Harness, SAM, day, empty_journal, lived_in_journal};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

fn parts(brings: &str, helps: &str, ask: &str) -> PlanParts {
    PlanParts {
        brings_it_on: brings.into(),
        helps_me: helps.into(),
        i_ask_of_you: ask.into(),
    }
}

/// Alex's item with a suggestion from Sam; Sam's item agreed by Alex; Sam's item with a
/// yearly hard date that waits for Alex to read it.
pub fn plan_journal() -> Journal {
    let mut j = lived_in_journal();
    let at = |d| Utc.with_ymd_and_hms(2026, 11, d, 20, 0, 0).unwrap();
    let alex = j
        .add_plan_item(
            ALEX,
            parts(
                "When Sam goes quiet for a long time",
                "Breathing slowly, and writing it down",
                "Tell me you need space, so I do not guess",
            ),
            None,
            at(10),
        )
        .unwrap();
    j.review_plan_item(
        alex,
        SAM,
        ReviewKind::SuggestedChange,
        Some("Could it be a text when we are apart?".into()),
        at(22),
    )
    .unwrap();
    let sam = j
        .add_plan_item(
            SAM,
            parts(
                "A late message from a number I do not know",
                "A walk, then tea",
                "Tell me who it is from without my asking",
            ),
            None,
            at(12),
        )
        .unwrap();
    j.review_plan_item(sam, ALEX, ReviewKind::Agreed, None, at(24))
        .unwrap();
    j.add_plan_item(
        SAM,
        parts(
            "The day I found out",
            "A quiet morning",
            "Stay close that evening",
        ),
        Some(HardDate {
            day: day(3, 14),
            yearly: true,
        }),
        at(23),
    )
    .unwrap();
    j
}

fn saved(h: &Harness) -> &Journal {
    h.saved.as_ref().expect("a saved journal")
}

fn item<'a>(j: &'a Journal, brings: &str) -> &'a PlanItem {
    j.plan_items
        .iter()
        .find(|p| p.brings_it_on == brings)
        .unwrap_or_else(|| panic!("no plan item {brings:?}"))
}

#[test]
fn the_plan_is_reached_with_h_and_says_kindly_when_it_is_empty() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>");
    assert!(
        h.render(80, 24).contains("h plan"),
        "the hint line offers it"
    );
    h.keys("h");
    let screen = h.render(80, 24);
    assert!(screen.contains("Nothing here yet."), "{screen}");
    assert!(screen.contains("Sam has no plan items yet."), "{screen}");
    snapshot("plan_empty", &h);
    h.keys("<Esc>");
    assert!(h.render(80, 24).contains("Tonight with Alex"));
}

#[test]
fn the_plan_shows_this_partners_items_first_with_where_each_stands() {
    let mut h = Harness::new(Some(plan_journal()));
    h.keys("<Enter>h");
    let screen = h.render(80, 24);
    let at = |text: &str| {
        screen
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} missing: {screen}"))
    };
    assert!(at("Your plan") < at("When Sam goes quiet"));
    assert!(at("When Sam goes quiet") < at("Sam's plan"));
    assert!(at("Sam's plan") < at("A late message"));
    assert!(screen.contains("Sam suggested a change"), "{screen}");
    assert!(
        screen.contains("“Could it be a text when we are apart?”"),
        "{screen}"
    );
    assert!(screen.contains("you agreed"), "{screen}");
    assert!(screen.contains("for you to read"), "{screen}");
    assert!(
        screen.contains("hard date: 14 March, every year"),
        "{screen}"
    );
    assert!(screen.contains("last looked at 3 days ago"), "{screen}");
    snapshot("plan_both_partners", &h);
}

#[test]
fn agreeing_to_the_other_partners_item_saves_it_as_agreed() {
    let mut h = Harness::new(Some(plan_journal()));
    h.keys("<Enter>h<Down><Down>a");
    assert!(h.render(80, 24).contains("Agree to Sam's plan item"));
    h.keys("Yes, I will<Enter>");
    let it = item(saved(&h), "The day I found out");
    assert!(it.is_agreed());
    let last = it.reviews.last().expect("a review");
    assert_eq!((last.by, last.note.as_deref()), (ALEX, Some("Yes, I will")));
    let screen = h.render(80, 24);
    assert!(
        screen.contains("You agreed to this part of the plan."),
        "{screen}"
    );
}

#[test]
fn the_owner_cannot_agree_to_their_own_item_and_is_told_kindly() {
    let mut h = Harness::new(Some(plan_journal()));
    let before = h.saved.clone();
    h.keys("<Down><Enter>ha");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("This is your own plan item, so Alex is the one to agree"),
        "{screen}"
    );
    assert!(!screen.contains("Agree to"), "no form opens: {screen}");
    assert_eq!(h.saved, before, "nothing was written");
    snapshot("plan_refusal_own_item", &h);
}

#[test]
fn only_the_owner_edits_and_retiring_asks_first() {
    let mut h = Harness::new(Some(plan_journal()));
    let before = h.saved.clone();
    h.keys("<Enter>h<Down>e");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("This is Sam's plan item, so only Sam changes or retires it."),
        "{screen}"
    );
    h.keys("<Up>x");
    assert!(h.render(80, 24).contains("Retire this plan item?"));
    h.keys("n");
    assert_eq!(h.saved, before, "kept");
    h.keys("xy");
    assert!(item(saved(&h), "When Sam goes quiet for a long time").is_retired());
    let screen = h.render(80, 24);
    assert!(screen.contains("The plan item is retired."), "{screen}");
    assert!(!screen.contains("When Sam goes quiet"), "{screen}");
}

#[test]
fn a_new_item_with_a_yearly_hard_date_is_saved_for_this_partner() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Down><Enter>hn");
    h.keys("A song from that summer<Tab>Turn it off, step outside<Tab>");
    h.keys("Sit with me for a minute<Tab>2026-08-02<Tab><Right>");
    snapshot("plan_new_item_form", &h);
    h.keys("<Enter>");
    let it = item(saved(&h), "A song from that summer");
    assert_eq!(it.owner(), SAM);
    assert_eq!(it.i_ask_of_you, "Sit with me for a minute");
    assert_eq!((it.hard_date, it.yearly), (Some(day(8, 2)), true));
    assert!(!it.is_agreed(), "waits for Alex to read it");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Added to your plan. Alex can read it"),
        "{screen}"
    );
    assert!(screen.contains("waiting for Alex to read it"), "{screen}");
}

#[test]
fn a_bad_date_or_a_failed_save_keeps_the_words_in_the_form() {
    let mut h = Harness::new(Some(empty_journal()));
    let before = h.saved.clone();
    h.keys("<Enter>hnLate nights<Tab>Tea<Tab>Text me<Tab>2026-02-30<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("\"2026-02-30\" is not a date; please write it as YYYY-MM-DD."),
        "{screen}"
    );
    h.keys("<BS><BS>28");
    h.fail_saves = true;
    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Not saved"), "{screen}");
    assert!(screen.contains("Late nights"), "the words stay: {screen}");
    assert_eq!(h.saved, before, "nothing was written");
    h.fail_saves = false;
    h.keys("<Enter>");
    assert_eq!(item(saved(&h), "Late nights").hard_date, Some(day(2, 28)));
}

#[test]
fn an_empty_part_is_refused_by_the_journal_and_the_form_stays() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>hnLate nights<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("\"what helps me\" part is empty"),
        "{screen}"
    );
    assert!(screen.contains("Late nights"), "{screen}");
    assert!(saved(&h).plan_items.is_empty());
}

#[test]
fn suggesting_a_change_needs_a_note_and_shows_it_to_the_owner() {
    let mut h = Harness::new(Some(plan_journal()));
    h.keys("<Enter>h<Down><Down>s<Enter>");
    assert!(h.render(80, 24).contains("suggestion is empty"));
    h.keys("Could we add a call?<Enter>");
    let it = item(saved(&h), "The day I found out");
    assert_eq!(
        it.reviews.last().and_then(|r| r.note.as_deref()),
        Some("Could we add a call?")
    );
    h.keys("<Esc>p<Down><Enter>h");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Alex suggested: “Could we add a call?”"),
        "{screen}"
    );
}

#[test]
fn saying_the_plan_was_looked_at_together_ends_the_evening_offer() {
    let mut j = empty_journal();
    let made = Utc.with_ymd_and_hms(2026, 10, 1, 20, 0, 0).unwrap();
    let id = j
        .add_plan_item(SAM, parts("Late nights", "Tea", "Text me"), None, made)
        .unwrap();
    j.review_plan_item(id, ALEX, ReviewKind::Agreed, None, made)
        .unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    assert!(
        h.render(80, 24)
            .contains("Sam's plan was last looked at 7 weeks ago")
    );
    h.keys("hl");
    let it = item(saved(&h), "Late nights");
    assert!(it.is_agreed(), "the agreement stands");
    assert_eq!(it.last_looked_at, tui_support::now().to_utc());
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Noted that you looked at it together"),
        "{screen}"
    );
    assert!(screen.contains("last looked at today"), "{screen}");
    h.keys("<Esc>");
    assert!(!h.render(80, 24).contains("weeks ago"));
}

/// The plan screen and each of its dialogs, at every size.
#[test]
fn the_plan_and_its_dialogs_draw_at_every_size() {
    for tour in [
        "<Enter>h",
        "<Enter>hn",
        "<Enter>hx",
        "<Enter>h<Down>a",
        "<Enter>he",
    ] {
        let mut h = Harness::new(Some(plan_journal()));
        h.keys(tour);
        for width in 1..=100 {
            for height in 1..=30 {
                h.render(width, height);
            }
        }
    }
}

#[test]
fn after_an_edit_the_suggestion_is_shown_as_the_last_one_and_asks_for_a_new_read() {
    let mut h = Harness::new(Some(plan_journal()));
    h.keys("<Enter>he<C-u>When Sam is quiet for an hour or more<Enter>");
    let it = item(saved(&h), "When Sam is quiet for an hour or more");
    assert_eq!(it.reviews.last().map(|r| r.kind), Some(ReviewKind::Edited));
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Plan item changed. Sam can read it again."),
        "{screen}"
    );
    assert!(
        screen.contains("changed; waiting for Sam to read it"),
        "{screen}"
    );
    assert!(
        screen.contains("Sam's last suggestion: “Could it be a text when we are apart?”"),
        "{screen}"
    );
}
