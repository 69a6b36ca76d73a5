//! "A hard moment, now" (Ctrl-G): each step drawn, what it saves, what it keeps private, and
//! the screen below left exactly as it was.

use crate::harness::{ALEX, Harness, SAM, empty_journal, lived_in_journal};
use chrono::{TimeZone, Utc};
use mend::journal::{Journal, MomentOutcome, PlanParts, Visibility};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

/// Sam has two plan items, one of them retired, and Alex has one of their own.
pub fn journal_with_plan() -> Journal {
    let mut j = lived_in_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 10, 20, 0, 0).unwrap();
    let mut add = |owner, brings: &str, helps: &str, ask: &str| {
        let parts = PlanParts {
            brings_it_on: brings.into(),
            helps_me: helps.into(),
            i_ask_of_you: ask.into(),
        };
        j.add_plan_item(owner, parts, None, at).unwrap()
    };
    add(
        SAM,
        "A late message with no name",
        "A walk around the block",
        "Tell me who it is, without my asking",
    );
    let old = add(SAM, "Old words", "Old help", "Old ask");
    add(
        ALEX,
        "Sam going quiet",
        "Writing it down",
        "Let me know you need time",
    );
    j.retire_plan_item(old, SAM, at).unwrap();
    j
}

fn sam_on(journal: Journal) -> Harness {
    let mut h = Harness::new(Some(journal));
    h.keys("<Down><Enter>");
    h
}

#[test]
fn each_step_from_the_writing_screen_and_back_with_the_words_intact() {
    let mut h = sam_on(journal_with_plan());
    h.keys("wI was writing when it came back.");
    h.keys("<C-g>");
    snapshot("hard_moment_breathe", &h);
    h.keys("  ");
    let screen = h.render(80, 24);
    assert!(screen.contains("› Breathe out, slower still"), "{screen}");
    h.keys("<Enter>");
    snapshot("hard_moment_plan", &h);
    let screen = h.render(80, 24);
    assert!(screen.contains("A walk around the block"), "{screen}");
    assert!(
        !screen.contains("Old help"),
        "a retired item is not shown: {screen}"
    );
    assert!(
        !screen.contains("Writing it down"),
        "only Sam's plan: {screen}"
    );
    h.keys("<Enter>");
    snapshot("hard_moment_choices", &h);
    h.keys("p");
    snapshot("hard_moment_pause", &h);
    h.keys("<Esc>n");
    h.keys("My chest is tight.<Right>");
    snapshot("hard_moment_note", &h);
    h.keys("<Esc>");
    assert!(
        h.render(80, 24)
            .contains("What you typed here is not saved."),
        "a note typed is not let go at the first Esc"
    );
    h.keys("<Esc><Esc>");
    assert!(h.app.hard_moment().is_none());
    let screen = h.render(80, 24);
    assert!(
        screen.contains("I was writing when it came back."),
        "{screen}"
    );
    assert!(
        !screen.contains("came back.g"),
        "Ctrl-G typed nothing: {screen}"
    );
    assert!(!screen.contains("tight"), "{screen}");
}

#[test]
fn noting_a_moment_is_private_by_default_and_can_meet_a_plan_item() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g><Enter><Enter>n  It came back at the shop.  <Right><Enter>");
    let saved = h.saved.clone().unwrap();
    let moment = saved.live_hard_moments().next().expect("a moment saved");
    assert_eq!(moment.text, "It came back at the shop.");
    assert_eq!(moment.meta.author, SAM);
    assert_eq!(moment.visibility, Visibility::Private);
    let item = saved.plan_item_by_prefix(&moment.plan_item.unwrap().to_string());
    assert_eq!(item.unwrap().helps_me, "A walk around the block");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Noted, hidden from your partner's screens."),
        "{screen}"
    );
    assert!(
        h.app.hard_moment().is_some(),
        "the popup stays for what comes next"
    );
}

#[test]
fn a_shared_moment_says_so() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g><Enter><Enter>nI need a minute.<C-t>");
    assert!(
        h.render(80, 24)
            .contains("Shared with Alex: not hidden from their screens.")
    );
    h.keys("<Enter>");
    let saved = h.saved.clone().unwrap();
    let moment = saved.live_hard_moments().next().expect("saved");
    assert_eq!(moment.visibility, Visibility::Shared);
    assert_eq!(moment.plan_item, None);
}

#[test]
fn a_refused_note_keeps_its_words_and_says_why() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g><Enter><Enter>n   <Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Not saved: The hard moment is empty; nothing was saved."),
        "{screen}"
    );
    assert!(h.app.hard_moment().is_some());
    h.fail_saves = true;
    h.keys("Still here.<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Still here."), "the words stay: {screen}");
    assert!(screen.contains("Not saved: Could not save"), "{screen}");
    assert_eq!(h.saved.clone().unwrap().live_hard_moments().count(), 0);
}

#[test]
fn asking_for_a_pause_defaults_to_an_hour_from_now() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g><Enter><Enter>p");
    assert!(h.render(80, 24).contains("I'll come back at 22:00"));
    h.keys("<Tab>Back soon, I promise.<Enter>");
    let saved = h.saved.clone().unwrap();
    let pause = saved.live_pauses().next().expect("a pause");
    assert_eq!(pause.meta.author, SAM);
    assert_eq!(
        pause.until,
        Utc.with_ymd_and_hms(2026, 11, 25, 22, 0, 0).unwrap()
    );
    assert_eq!(pause.note.as_deref(), Some("Back soon, I promise."));
    assert!(
        h.render(80, 24)
            .contains("Alex will see your pause on their screen.")
    );
}

#[test]
fn a_pause_with_a_time_that_is_not_a_time_is_not_asked() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g><Enter><Enter>p<C-u>25:99<Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("\"25:99\" is not a time"), "{screen}");
    assert_eq!(h.saved.clone().unwrap().live_pauses().count(), 0);
    h.keys("<C-u>20:30");
    assert!(
        h.render(80, 24)
            .contains("That is tomorrow, as that time has passed today.")
    );
    h.keys("<C-u>21:30");
    assert!(!h.render(80, 24).contains("That is tomorrow"));
    h.keys("<Enter>");
    let saved = h.saved.clone().unwrap();
    let pause = saved.live_pauses().next().expect("a pause");
    assert_eq!(
        pause.until,
        Utc.with_ymd_and_hms(2026, 11, 25, 21, 30, 0).unwrap()
    );
}

#[test]
fn saying_how_an_earlier_moment_went() {
    let mut j = journal_with_plan();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 20, 0, 0).unwrap();
    j.add_hard_moment(SAM, "The car park again.", None, Visibility::Private, at)
        .unwrap();
    j.add_hard_moment(ALEX, "Alex's own moment.", None, Visibility::Shared, at)
        .unwrap();
    let mut h = sam_on(j);
    h.keys("<C-g><Enter><Enter>l");
    snapshot("hard_moment_look_back", &h);
    assert!(!h.render(80, 24).contains("Alex's own moment."));
    h.keys("2");
    let saved = h.saved.clone().unwrap();
    let moment = saved
        .live_hard_moments()
        .find(|m| m.meta.author == SAM)
        .unwrap();
    assert_eq!(moment.outcome, Some(MomentOutcome::Partly));
    assert!(h.render(80, 24).contains("Saved how it went."));
    assert!(
        !h.render(80, 24).contains("Say how an earlier moment went"),
        "none waits any more"
    );
}

#[test]
fn with_no_one_chosen_it_asks_whose_moment_it_is() {
    let mut h = Harness::new(Some(journal_with_plan()));
    h.keys("<C-g><Enter>");
    snapshot("hard_moment_who", &h);
    h.keys("<Down><Enter>");
    assert!(h.render(80, 24).contains("A walk around the block"));
    h.keys("<Enter>nNot tonight.<Enter>");
    let saved = h.saved.clone().unwrap();
    assert_eq!(saved.live_hard_moments().next().unwrap().meta.author, SAM);
    h.keys("<Esc>");
    assert!(h.render(80, 24).contains("Who is here tonight?"));
}

#[test]
fn back_on_who_is_here_it_asks_whose_moment_it_is_whoever_was_open_before() {
    // Alex's evening was open; back on "who is here", Sam is highlighted.
    let mut h = Harness::new(Some(journal_with_plan()));
    h.keys("<Enter><Esc><Down><C-g><Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Whose moment is it?"), "{screen}");
    assert!(!screen.contains("A hard moment · Alex"), "{screen}");
    h.keys("<Down><Enter>");
    assert!(h.render(80, 24).contains("A hard moment · Sam"));
    h.keys("<Enter>p<Enter>");
    let saved = h.saved.clone().expect("saved");
    let pause = saved.live_pauses().next().expect("a pause");
    assert_eq!(pause.meta.author, SAM, "the pause is Sam's, as chosen");
    // The settings opened from "who is here" have no one chosen either.
    h.keys("<Esc>");
    h.keys("<Enter><Esc>,<C-g><Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Whose moment is it?"), "{screen}");
}

#[test]
fn on_setup_only_the_breathing() {
    let mut h = Harness::new(None);
    h.keys("Al<C-g>");
    snapshot("hard_moment_setup", &h);
    h.keys("<Enter>");
    assert!(h.app.hard_moment().is_none());
    h.keys("ex");
    assert!(h.render(80, 24).contains("Alex"), "the name typed goes on");
}

#[test]
fn on_a_tiny_terminal_nothing_breaks() {
    let mut h = sam_on(journal_with_plan());
    h.keys("<C-g>");
    insta::assert_snapshot!("hard_moment_tiny_20x5", h.render(20, 5));
    for keys in ["<Enter>", "<Enter>", "n", "x", "<Esc>", "p", "<Esc>"] {
        h.keys(keys);
        h.render(20, 5);
        h.render(1, 1);
    }
}

#[test]
fn a_private_moment_is_nowhere_on_the_other_partners_screens() {
    let secret = "Shaking after the phone call";
    let mut h = sam_on(journal_with_plan());
    h.keys(&format!("<C-g><Enter><Enter>n{secret}<Enter><Esc>"));
    assert!(h.saved.clone().unwrap().live_hard_moments().count() == 1);
    h.keys("p1<Enter>");
    assert!(h.render(80, 24).contains("Tonight with Alex"));
    let mut seen = Vec::new();
    let mut look = |h: &mut Harness, keys: &str| {
        h.keys(keys);
        for (w, hgt) in [(80, 24), (120, 40)] {
            seen.push((keys.to_owned(), h.render(w, hgt)));
        }
    };
    look(&mut h, "");
    look(&mut h, "<C-g>");
    look(&mut h, "<Enter>");
    look(&mut h, "<Enter>");
    look(&mut h, "n");
    // Saying how an earlier moment went is offered for Alex's own moments only: none here.
    look(&mut h, "<Esc>l");
    look(&mut h, "<Esc>j");
    look(&mut h, "<Enter>");
    look(&mut h, "<Esc><Esc>o");
    look(&mut h, "<Tab>");
    look(&mut h, "<Esc>p3<Enter>");
    for section in ["2", "3", "4", "5"] {
        look(&mut h, section);
    }
    let titles: Vec<&str> = seen
        .iter()
        .filter_map(|(_, screen)| screen.lines().next())
        .collect();
    for title in [
        "Tonight with Alex",
        "Journal · Alex",
        "Promises · Alex",
        "Both of us",
    ] {
        assert!(
            titles.iter().any(|t| t.contains(title)),
            "{title}: {titles:#?}"
        );
    }
    for (keys, screen) in &seen {
        assert!(!screen.contains("Shaking"), "after {keys:?}:\n{screen}");
    }
    assert!(
        Harness::new(Some(empty_journal()))
            .app
            .hard_moment()
            .is_none(),
        "a new session opens with no popup"
    );
}

#[test]
fn every_screen_shows_the_key_in_its_hint_line_and_help() {
    let mut h = Harness::new(Some(lived_in_journal()));
    let last_line = |h: &Harness| h.render(80, 24).lines().last().unwrap_or("").to_owned();
    assert!(last_line(&h).contains("Ctrl-G hard moment"), "who");
    for keys in [
        "<Enter>",
        "w",
        "<Esc>c",
        "<Esc>j",
        "<Esc>o",
        "<Esc>p<Down><Down><Enter>",
    ] {
        h.keys(keys);
        assert!(
            last_line(&h).contains("Ctrl-G hard moment"),
            "after {keys}: {}",
            last_line(&h)
        );
    }
    h.keys("?");
    assert!(h.render(80, 40).contains("a hard moment, now"));
}

#[test]
fn an_empty_plan_says_how_to_add_one_kindly() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter><C-g><Enter>");
    snapshot("hard_moment_plan_empty", &h);
    let screen = h.render(80, 24);
    assert!(
        screen.contains("There is nothing in your plan yet"),
        "{screen}"
    );
    assert!(screen.contains("mend plan add"), "{screen}");
}

#[test]
fn a_moment_saved_over_the_writing_leaves_the_entry_unsaved_and_its_draft_kept() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>wNot finished yet<C-g><Enter><Enter>nA wave of it.<Enter><Esc>");
    let saved = h.saved.clone().unwrap();
    assert_eq!(saved.live_hard_moments().count(), 1);
    assert_eq!(saved.live_entries().count(), 0, "the entry was not saved");
    assert_eq!(
        h.drafts.values().next().map(|d| d.text.as_str()),
        Some("Not finished yet"),
        "the draft still holds the writing"
    );
    let screen = h.render(80, 24);
    assert!(screen.contains("Not finished yet"), "{screen}");
    assert!(
        screen.contains("Writing"),
        "still on the writing screen: {screen}"
    );
    h.keys("<C-s>");
    let saved = h.saved.clone().unwrap();
    assert_eq!(
        saved.live_entries().next().unwrap().text,
        "Not finished yet"
    );
}

#[test]
fn ctrl_c_closes_the_popup_first_then_quits_as_everywhere() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter><C-g><C-c>");
    assert!(h.app.hard_moment().is_none());
    assert!(h.app.running, "the first Ctrl-C only closed the popup");
    h.keys("<C-c>");
    assert!(!h.app.running);
}
