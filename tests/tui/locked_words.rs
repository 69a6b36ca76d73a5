//! True words on an encrypted journal: what is private says it is sealed with the writer's own
//! passphrase, where a plain journal says it is only hidden.

use crate::harness::Harness;
use crate::locked::{encrypted_file, locked_window};
use mend::store::Store;

const SAM_SAYS: &str = "tea before nine";

/// Sam's evening, opened with Sam's passphrase.
fn sam_unlocked() -> (tempfile::TempDir, Store, Harness) {
    let (dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    (dir, store, h)
}

#[test]
fn private_writing_says_it_is_sealed_with_your_own_passphrase() {
    let (_dir, mut store, mut h) = sam_unlocked();
    h.keys_saving_to(&mut store, "wOnly mine.<C-t>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("private: sealed with your own passphrase"),
        "{screen}"
    );
    assert!(!screen.contains("not encrypted"), "{screen}");
    insta::assert_snapshot!("sealed_write_private_80x24", screen);
    insta::assert_snapshot!("sealed_write_private_50x16", h.render(50, 16));
}

#[test]
fn a_private_entry_read_in_the_journal_says_it_is_sealed() {
    let (_dir, mut store, mut h) = sam_unlocked();
    h.keys_saving_to(&mut store, "j");
    let mut found = None;
    for _ in 0..8 {
        h.keys_saving_to(&mut store, "<Enter>");
        let screen = h.render(100, 30);
        if screen.contains("Private thoughts") {
            found = Some(screen);
            break;
        }
        h.keys_saving_to(&mut store, "<Esc><Down>");
    }
    let screen = found.expect("Sam's private entry is in Sam's journal");
    assert!(
        screen.contains("private (sealed with your passphrase)"),
        "{screen}"
    );
    insta::assert_snapshot!("sealed_journal_private_100x30", screen);
}

#[test]
fn a_private_check_in_note_says_it_is_sealed() {
    let (_dir, mut store, mut h) = sam_unlocked();
    h.keys_saving_to(&mut store, "c<Down><Down><Down><C-t>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("note is private: sealed with your own passphrase"),
        "{screen}"
    );
    assert!(!screen.contains("not locked or encrypted"), "{screen}");
    insta::assert_snapshot!("sealed_checkin_private_note_80x24", screen);
}

#[test]
fn a_private_hard_moment_says_it_is_sealed() {
    let (_dir, mut store, mut h) = sam_unlocked();
    h.keys_saving_to(&mut store, "<C-g><Enter><Enter>n");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Private: sealed with your own passphrase"),
        "{screen}"
    );
    insta::assert_snapshot!("sealed_hard_moment_private_80x24", screen);
}
