//! Locking seals the words held open in memory: it needs no file, so a journal file that
//! cannot be read just then never leaves the words open behind "who is here".

use crate::locked::{encrypted_file, locked_window, wait_until_locked};
use mend::journal::Opened;
use mend::store::seal::all_sealed;
use mend::tui::app::Popup;

const SAM_SAYS: &str = "tea before nine";

#[test]
fn mend_locks_with_every_word_sealed_even_when_the_file_cannot_be_read_then() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::SharedAndPrivateOf(crate::harness::SAM))
    );
    // Another program leaves the file unreadable just as mend locks itself.
    std::fs::write(&path, "{ half a journal").expect("spoil the file");
    wait_until_locked(&mut h, &mut store);
    let held = h
        .app
        .journal
        .clone()
        .expect("the journal is still held, sealed");
    assert_eq!(held.opened(), Opened::Nothing, "the keys are gone");
    assert!(all_sealed(&held), "no word is held open after locking");
    // Choosing Sam again ("who is here" opens on Sam) asks for the passphrase: the evening is not open without it.
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "{}",
        h.render(80, 24)
    );
    // And the passphrase opens what was held, though the file is still unreadable.
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>"));
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::SharedAndPrivateOf(crate::harness::SAM))
    );
}
