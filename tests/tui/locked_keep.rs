//! Locking an encrypted journal in the app never leaves an evening open without its
//! passphrase, and never loses what was typed: each partner's held words come back to them,
//! and writing whose draft could not be written is held rather than said to be kept.

use crate::harness::{ALEX, SAM, now};
use crate::locked::{ALEX_SAYS, SAM_SAYS, encrypted_file, locked_window, tick, wait_until_locked};
use mend::tui::app::{Popup, Screen};
use mend::tui::effects::Event;

/// a save tried while the journal file is away (a sync engine replacing it, a moved
/// folder) leaves the store holding nothing; locking then gives the app no sealed journal
/// and the app keeps the opened one behind "who is here": the evening opens with no passphrase.
#[test]
fn locking_after_a_save_failed_on_a_missing_file_leaves_no_evening_open() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM));
    let away = path.with_extension("away");
    std::fs::rename(&path, &away).expect("file away");
    h.keys_saving_to(&mut store, "wA few words<C-s>");
    // The save failed; Sam leaves (or mend locks itself after 15 minutes).
    let failed = h.render(80, 24);
    assert!(failed.contains("no journal"), "the save failed:\n{failed}");
    wait_until_locked(&mut h, &mut store);
    std::fs::rename(&away, &path).expect("file back");
    let who = h.render(80, 24);
    assert!(who.contains("mend locked itself"), "{who}");
    h.keys_saving_to(&mut store, "<Enter>");
    let opened = h.app.journal.as_ref().map(|j| j.opened());
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "Sam's evening must need Sam's passphrase again (journal held {opened:?}):\n{}",
        h.render(80, 24)
    );
}

/// words held for Sam when mend locked itself are replaced by Alex's when mend locks
/// itself again on Alex's evening: Sam's check-in note is gone, though mend said it was held.
#[test]
fn one_partners_held_words_survive_the_other_partners_lock() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "c<Down><Down><Down>a hard evening");
    wait_until_locked(&mut h, &mut store);
    let locked = h.render(120, 24);
    assert!(locked.contains("held, unseen"), "{locked}");
    // Alex opens his evening meanwhile and starts a note of his own.
    h.keys_saving_to(&mut store, &format!("<Up><Enter>{ALEX_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(ALEX));
    h.keys_saving_to(&mut store, "onCook on Friday");
    assert!(matches!(h.app.popup(), Some(Popup::Form(_))));
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::minutes(40)));
    h.run_saving_to(&mut store, effects);
    assert!(matches!(h.app.screen, Screen::Who(_)));
    // Sam comes back: her note should be there.
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM));
    let back = h.render(80, 24);
    assert!(
        back.contains("a hard evening"),
        "Sam's held note is lost:\n{back}"
    );
}

/// mend locks itself while Sam writes, and the draft cannot be written (a full disk, a
/// drafts folder it may not write): the notice says the writing "is kept as a draft, sealed",
/// and the words are gone: neither on disk nor held in memory for Sam.
#[test]
fn writing_whose_draft_cannot_be_written_at_lock_is_held_not_lost() {
    let (dir, path) = encrypted_file();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a file where the drafts folder should be").expect("blocker");
    let (mut store, mut h) = locked_window(&path);
    h.real_drafts = Some(mend::tui::draft::Drafts::new(blocker.join("drafts")));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "wThe quiet hour by the lake");
    let writing = h.render(120, 24);
    assert!(writing.contains("could not be written"), "{writing}");
    wait_until_locked(&mut h, &mut store);
    let notice = h.render(200, 24);
    assert!(
        notice.contains("held, unseen") && !notice.contains("kept as a draft"),
        "the notice says where the writing truly is:\n{notice}"
    );
    h.keys_saving_to(&mut store, &format!("<Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM));
    let mut back = h.render(80, 24);
    if matches!(h.app.popup(), Some(Popup::RestoreDraft(_))) {
        h.keys_saving_to(&mut store, "r");
        back = h.render(80, 24);
    }
    assert!(
        back.contains("The quiet hour"),
        "the writing is lost; at lock mend said:\n{notice}\nafter unlocking:\n{back}"
    );
}

/// `mend decrypt --yes` as it runs in another terminal: the journal and Sam's draft unsealed.
fn decrypt_journal_and_drafts(path: &std::path::Path, drafts: &mend::tui::draft::Drafts) {
    let sealer = crate::locked::sams_keys(path);
    if let Some(draft) = drafts.load_for(SAM, sealer.drafts_of(SAM).as_ref()) {
        drafts.save(&draft, None).expect("draft unsealed");
    }
    crate::locked::decrypt_file(path);
}

/// mend locked itself while Sam wrote (her draft is kept sealed, to be "offered back once
/// she opens her evening again"); `mend decrypt --yes` runs meanwhile. Sam's evening then
/// opens without a passphrase, and the draft is never offered back: the first key she types
/// on a new page writes over it.
#[test]
fn a_draft_kept_at_lock_is_offered_back_after_a_decrypt_meanwhile() {
    let (dir, path) = encrypted_file();
    let drafts_dir = dir.path().join("drafts");
    let drafts = mend::tui::draft::Drafts::new(&drafts_dir);
    let (mut store, mut h) = locked_window(&path);
    h.real_drafts = Some(drafts.clone());
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "wThe quiet hour by the lake");
    wait_until_locked(&mut h, &mut store);
    decrypt_journal_and_drafts(&path, &drafts);
    tick(&mut store, &mut h);
    assert_eq!(h.app.journal.as_ref().map(|j| j.is_sealed()), Some(false));
    h.keys_saving_to(&mut store, "<Enter>");
    assert_eq!(h.app.partner, Some(SAM));
    let offered = matches!(h.app.popup(), Some(Popup::RestoreDraft(_)));
    let screen = h.render(80, 24);
    h.keys_saving_to(&mut store, "wA");
    let on_disk =
        std::fs::read_to_string(drafts_dir.join(format!("{SAM}.json"))).unwrap_or_default();
    assert!(
        offered,
        "the draft is not offered back; after one key the draft file holds:\n{on_disk}\n{screen}"
    );
}

/// the same with words held in memory (a check-in note) when mend locked itself: after a
/// decrypt meanwhile, Sam's evening opens without a passphrase and the note is never given
/// back, though mend keeps asking before it quits because it still holds them.
#[test]
fn held_words_come_back_after_a_decrypt_meanwhile() {
    let (dir, path) = encrypted_file();
    let drafts = mend::tui::draft::Drafts::new(dir.path().join("drafts"));
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "c<Down><Down><Down>a hard evening");
    wait_until_locked(&mut h, &mut store);
    decrypt_journal_and_drafts(&path, &drafts);
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, "<Enter>");
    assert_eq!(h.app.partner, Some(SAM));
    let back = h.render(80, 24);
    assert!(
        back.contains("a hard evening"),
        "Sam's note is not given back:\n{back}"
    );
}
