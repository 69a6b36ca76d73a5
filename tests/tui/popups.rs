//! The one popup stack: the top popup gets the keys and the pastes, a form waits for its save,
//! and Ctrl-C and `?` mean what they meant before the stack.

use crate::harness::{ALEX, Harness, lived_in_journal};
use mend::tui::app::{Popup, Screen};
use mend::tui::popups::dialog::Dialog;

/// The lived-in journal, on Alex's promises screen.
fn alex_promises() -> Harness {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>o");
    h
}

#[test]
fn a_paste_goes_into_the_form_on_top_and_the_form_closes_once_saved() {
    let mut h = alex_promises();
    h.keys("n");
    assert!(matches!(h.app.popup(), Some(Popup::Form(_))));
    h.paste("Cook on Friday");
    h.keys("<Enter>");
    let saved = h.saved.as_ref().expect("a saved journal");
    let promise = saved.promises.iter().find(|p| p.text == "Cook on Friday");
    assert_eq!(
        promise.map(|p| p.by()),
        Some(ALEX),
        "the pasted words were saved"
    );
    assert!(h.app.popups.is_empty(), "the form closed once saved");
    let screen = h.render(80, 24);
    assert!(screen.contains("Promise made."), "{screen}");
}

#[test]
fn a_form_that_could_not_be_saved_stays_open_with_its_words() {
    let mut h = alex_promises();
    h.fail_saves = true;
    h.keys("nBring flowers<Enter>");
    let Some(Popup::Form(form)) = h.app.popup() else {
        panic!("the form is still open")
    };
    assert_eq!(form.saving, None, "it no longer waits for a save");
    let screen = h.render(80, 24);
    assert!(screen.contains("Bring flowers"), "{screen}");
    assert!(screen.contains("Not saved:"), "{screen}");
    h.fail_saves = false;
    h.keys("<Enter>");
    assert!(h.app.popups.is_empty());
}

#[test]
fn ctrl_c_waits_behind_a_question_but_quits_from_a_form() {
    let mut h = Harness::new(Some(lived_in_journal()));
    // Both of us, looking back; `e` asks which format to export in.
    h.keys("<Down><Down><Enter>e");
    assert!(matches!(h.app.popup(), Some(Popup::Export(_))));
    h.keys("<C-c>");
    assert!(h.app.running, "a question is answered first");
    assert!(matches!(h.app.popup(), Some(Popup::Export(_))));
    h.keys("<Esc>");
    assert!(h.app.popups.is_empty());

    let mut h = alex_promises();
    h.keys("n<C-c>");
    assert!(!h.app.running, "nothing on the form is kept, so mend quits");
}

#[test]
fn ctrl_c_over_words_typed_in_a_form_asks_first_and_keeps_them() {
    let mut h = alex_promises();
    h.keys("nCook on Friday<C-c>");
    assert!(
        h.app.running,
        "the words on the form are not saved anywhere"
    );
    assert!(matches!(h.app.popup(), Some(Popup::Confirm(_))));
    let screen = h.render(80, 24);
    assert!(screen.contains("Quitting lets it go"), "{screen}");
    h.keys("n");
    assert!(matches!(h.app.popup(), Some(Popup::Form(_))));
    assert!(h.render(80, 24).contains("Cook on Friday"));
}

#[test]
fn question_mark_opens_the_help_only_where_it_is_not_typed() {
    let mut h = alex_promises();
    h.keys("?");
    assert!(matches!(h.app.popup(), Some(Popup::Help(_))));
    h.keys("x");
    assert!(h.app.popups.is_empty(), "any key closes the help");
    h.keys("nWhy not?");
    assert_eq!(h.app.popups.len(), 1, "no help over a form");
    assert!(h.render(80, 24).contains("Why not?"));
}

#[test]
fn the_plan_forms_are_on_the_same_stack_and_a_new_item_is_chosen_once_saved() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>hn");
    let Some(Popup::Form(form)) = h.app.popup() else {
        panic!("the new-item form is a popup on the stack")
    };
    assert!(matches!(form.dialog, Dialog::Plan(_)));
    // Ctrl-G opens a hard moment over the form; Esc closes it and the form is still there.
    h.keys("<C-g>");
    assert!(matches!(h.app.popup(), Some(Popup::HardMoment(_))));
    h.keys("<Esc>");
    assert!(matches!(h.app.popup(), Some(Popup::Form(_))));
    h.paste("A song on the radio");
    h.keys("<Tab>");
    h.paste("A walk");
    h.keys("<Tab>");
    h.paste("Sit with me");
    h.keys("<Enter>");
    assert!(h.app.popups.is_empty(), "the form closed once saved");
    let saved = h.saved.as_ref().expect("a saved journal");
    let item = saved
        .live_plan_items()
        .find(|p| p.brings_it_on == "A song on the radio")
        .expect("the item");
    assert_eq!(item.owner(), ALEX);
    let Screen::Plan(plan) = &h.app.screen else {
        panic!("still on the plan screen")
    };
    assert_eq!(plan.chosen(), Some(item.meta.id), "the new item is chosen");
}

/// The screen's words in one line, without the window's borders.
fn flat(screen: &str) -> String {
    screen
        .replace(['│', '"'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_help_on_a_shared_folder_says_it_is_copied_and_who_else_can_read_it() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.app.on_shared_folder = true;
    h.app.journal_path = "/home/you/Sync/mend".into();
    h.keys("<Enter>?");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("help_shared_folder_80x24", screen);
    let words = flat(&screen);
    assert!(!words.contains("stays on this computer"), "{screen}");
    assert!(
        words.contains("Your journal is in the shared folder that syncs to the other laptop: /home/you/Sync/mend"),
        "{screen}"
    );
    assert!(
        words.contains("It is not encrypted: whoever runs the engine's servers can read everything in it, private entries and notes included."),
        "{screen}"
    );
    assert!(words.contains("Press any key to close this."), "{screen}");
}

#[test]
fn the_help_on_an_encrypted_shared_folder_says_its_words_are_encrypted() {
    let (_dir, path) = crate::locked::encrypted_file();
    let (_store, mut h) = crate::locked::locked_window(&path);
    h.app.on_shared_folder = true;
    h.app.journal_path = "/home/you/Sync/mend".into();
    h.keys("?");
    let words = flat(&h.render(80, 24));
    assert!(
        words.contains("Your journal is in the shared folder that syncs to the other laptop: /home/you/Sync/mend Its words are encrypted: whoever runs the engine's servers cannot read them."),
        "{words}"
    );
}

#[test]
fn the_help_on_a_single_file_says_it_stays_on_this_computer() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("?");
    let words = flat(&h.render(80, 24));
    assert!(
        words.contains(
            "Your journal stays on this computer: /home/you/.local/share/mend/journal.json"
        ),
        "{words}"
    );
    assert!(!words.contains("shared folder"), "{words}");
}
