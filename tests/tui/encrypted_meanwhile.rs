//! A journal encrypted while the app has it open (by `mend encrypt` in another terminal):
//! the passphrase is asked where the partner is, and what they were writing waits for it.

use crate::harness::{Harness, SAM, lived_in_journal, now};
use crate::locked::{
    ALEX_SAYS, SAM_SAYS, decrypt_file, encrypt_file, encrypted_file, locked_window, tick,
};
use mend::journal::{Journal, Opened};
use mend::store::Store;
use mend::tui::app::{Popup, Screen};
use mend::tui::effects::Event;

const WRITING: &str = "The quiet hour by the lake";

/// The app opened on a plain lived-in journal, and its store.
fn plain_window() -> (tempfile::TempDir, std::path::PathBuf, Store, Harness) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    Store::new(&path, None)
        .create(lived_in_journal())
        .expect("created");
    let mut store = Store::new(&path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let mut h = Harness::new(Some(Journal::clone(&journal)));
    h.app.journal = Some(journal);
    h.app.refresh();
    (dir, path, store, h)
}

/// What the real loop does once a second: look at the file and hand any news to the app.

#[test]
fn writing_in_progress_waits_for_the_passphrase_and_is_saved_sealed_once_it_is_typed() {
    let (_dir, path, mut store, mut h) = plain_window();
    h.keys_saving_to(&mut store, "<Enter>w");
    h.keys_saving_to(&mut store, WRITING);
    assert!(matches!(h.app.screen, Screen::Write(_)));
    encrypt_file(&path);
    tick(&mut store, &mut h);
    // Asked where Alex is, the writing still on screen behind the question.
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
    assert!(matches!(h.app.screen, Screen::Write(_)));
    let asked = h.render(80, 24);
    assert!(asked.contains("encrypted while it was open"), "{asked}");
    insta::assert_snapshot!("encrypted_meanwhile_80x24", asked);
    // Not now: the writing stays; saving it asks again, and waits for the passphrase.
    h.keys_saving_to(&mut store, "<Esc>");
    assert!(h.app.popup().is_none());
    assert!(h.render(80, 24).contains(WRITING));
    h.keys_saving_to(&mut store, "<C-s>");
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "{}",
        h.render(80, 24)
    );
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(!on_disk.contains("quiet hour"), "nothing saved yet");
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>"));
    assert!(h.app.popup().is_none(), "{}", h.render(80, 24));
    let journal = h.app.journal.clone().expect("a journal");
    assert_eq!(
        journal.opened(),
        Opened::SharedAndPrivateOf(crate::harness::ALEX)
    );
    assert!(
        journal.entries.iter().any(|e| e.text == WRITING),
        "the entry was saved once the passphrase opened the journal"
    );
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(!on_disk.contains("quiet hour"), "saved sealed");
    assert!(on_disk.contains("mend-sealed:"));
}

#[test]
fn both_of_us_on_a_journal_encrypted_meanwhile_goes_back_to_who_is_here_saying_why() {
    let (_dir, path, mut store, mut h) = plain_window();
    h.keys_saving_to(&mut store, "<Down><Down><Enter>");
    assert!(matches!(h.app.screen, Screen::Progress(_)));
    encrypt_file(&path);
    tick(&mut store, &mut h);
    assert!(matches!(h.app.screen, Screen::Who(_)));
    let screen = h.render(80, 24);
    assert!(screen.contains("encrypted while it was open"), "{screen}");
    // Choosing "both of us" again asks for a passphrase.
    h.keys_saving_to(&mut store, "<Down><Down><Enter>");
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
}

#[test]
fn a_journal_decrypted_and_encrypted_again_elsewhere_asks_for_the_passphrase_and_never_drafts_in_plain()
 {
    let (dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    let drafts_dir = dir.path().join("drafts");
    h.real_drafts = Some(mend::tui::draft::Drafts::new(&drafts_dir));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    decrypt_file(&path);
    tick(&mut store, &mut h);
    assert_eq!(h.app.journal.as_ref().map(|j| j.is_sealed()), Some(false));
    encrypt_file(&path);
    tick(&mut store, &mut h);
    // New keys: the ones from before open nothing, so Sam is asked where she is.
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "{}",
        h.render(80, 24)
    );
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>"));
    assert!(h.app.popup().is_none(), "{}", h.render(80, 24));
    h.keys_saving_to(&mut store, "w");
    h.keys_saving_to(&mut store, "Stale keys never seal this");
    h.keys_saving_to(&mut store, "<C-s>");
    let journal = h.app.journal.clone().expect("a journal");
    assert!(
        journal
            .entries
            .iter()
            .any(|e| e.text == "Stale keys never seal this")
    );
    for file in std::fs::read_dir(dir.path()).expect("dir").flatten() {
        let text = std::fs::read_to_string(file.path()).unwrap_or_default();
        assert!(
            !text.contains("Stale keys"),
            "{} holds the words plain",
            file.path().display()
        );
    }
    for file in std::fs::read_dir(&drafts_dir)
        .into_iter()
        .flatten()
        .flatten()
    {
        let text = std::fs::read_to_string(file.path()).unwrap_or_default();
        assert!(
            !text.contains("Stale keys"),
            "a draft holds the words plain"
        );
    }
}

#[test]
fn a_plain_draft_from_before_encryption_is_sealed_as_soon_as_its_writer_opens_their_evening() {
    let (dir, path, mut store, mut h) = plain_window();
    let drafts_dir = dir.path().join("drafts");
    h.real_drafts = Some(mend::tui::draft::Drafts::new(&drafts_dir));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>w{WRITING}"));
    let draft_holds = |words: &str| {
        std::fs::read_dir(&drafts_dir)
            .expect("drafts")
            .flatten()
            .any(|f| std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains(words)))
    };
    assert!(draft_holds(WRITING), "the draft is written as Sam types");
    // The app goes away with the writing unsaved, and the journal is encrypted on the other
    // laptop: this laptop's draft from before is plain.
    drop(h);
    encrypt_file(&path);
    let (mut store, mut h) = locked_window(&path);
    h.real_drafts = Some(mend::tui::draft::Drafts::new(&drafts_dir));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert!(
        matches!(h.app.popup(), Some(Popup::RestoreDraft(_))),
        "the writing is offered back:\n{}",
        h.render(80, 24)
    );
    assert!(!draft_holds(WRITING), "the draft is sealed once Sam opens");
    assert!(draft_holds("mend-sealed"));
    h.keys_saving_to(&mut store, "r");
    assert!(h.render(80, 24).contains(WRITING));
}

#[test]
fn a_wrong_passphrase_asked_where_the_partner_is_keeps_the_journal_their_screen_shows() {
    let (_dir, path, mut store, mut h) = plain_window();
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(matches!(h.app.screen, Screen::Home(_)));
    let records = |h: &Harness| h.app.journal.as_ref().map_or(0, |j| j.entries.len());
    let before = records(&h);
    assert!(before > 0);
    encrypt_file(&path);
    tick(&mut store, &mut h);
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
    h.keys_saving_to(&mut store, "not alexs passphrase<Enter>");
    assert!(
        h.render(80, 24).contains("does not open"),
        "{}",
        h.render(80, 24)
    );
    assert_eq!(
        records(&h),
        before,
        "the evening still has its journal behind the refusal"
    );
}

#[test]
fn screens_go_on_showing_words_never_sealed_tokens_while_the_passphrase_waits() {
    let (_dir, path, mut store, mut h) = plain_window();
    h.keys_saving_to(&mut store, "<Enter>");
    encrypt_file(&path);
    tick(&mut store, &mut h);
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
    let mut seen = vec![("behind the question".to_owned(), h.render(100, 40))];
    h.keys_saving_to(&mut store, "<Esc>");
    seen.push(("home".to_owned(), h.render(100, 40)));
    for (name, keys) in [
        ("journal", "j"),
        ("an entry", "<Enter>"),
        ("promises", "<Esc><Esc>o"),
        ("plan", "<Esc>h"),
        ("check-in", "<Esc>c"),
        ("writing", "<Esc>w"),
        ("a hard moment", "<Esc><C-g>"),
    ] {
        h.keys_saving_to(&mut store, keys);
        seen.push((name.to_owned(), h.render(100, 40)));
    }
    for (name, screen) in seen {
        assert!(!screen.contains("mend-sealed"), "{name}:\n{screen}");
    }
}

#[test]
fn words_shown_after_not_now_are_locked_away_when_unused_and_what_was_typed_is_held() {
    let (_dir, path, mut store, mut h) = plain_window();
    h.keys_saving_to(&mut store, "<Enter>c<Down><Down><Down>a hard evening");
    encrypt_file(&path);
    tick(&mut store, &mut h);
    h.keys_saving_to(&mut store, "<Esc>");
    assert!(h.render(80, 24).contains("a hard evening"));
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::minutes(40)));
    h.run_saving_to(&mut store, effects);
    assert!(
        matches!(h.app.screen, Screen::Who(_)),
        "{}",
        h.render(80, 24)
    );
    let who = h.render(120, 24);
    assert!(
        !who.contains("a hard evening") && who.contains("held, unseen"),
        "{who}"
    );
    h.keys_saving_to(&mut store, &format!("<Enter>{ALEX_SAYS}<Enter>"));
    assert!(h.render(80, 24).contains("a hard evening"), "given back");
}

/// `mend decrypt` runs, and Sam saves within the second before the app looks at the file:
/// the store reads the plain journal inside its save and keeps the old keys. When the journal
/// is encrypted again later (new keys), the app cannot read it and never asks for the
/// passphrase, and writing goes into a plain draft while the journal is encrypted.
#[test]
fn a_save_right_after_a_decrypt_forgets_the_old_keys_and_a_new_encryption_asks_again() {
    let (dir, path) = encrypted_file();
    let drafts_dir = dir.path().join("drafts");
    let (mut store, mut h) = locked_window(&path);
    h.real_drafts = Some(mend::tui::draft::Drafts::new(&drafts_dir));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    crate::locked::decrypt_file(&path);
    // Sam saves before the next tick.
    h.keys_saving_to(&mut store, "wFirst words<C-s>");
    let saved = h.render(80, 24);
    assert!(saved.contains("Saved"), "{saved}");
    tick(&mut store, &mut h);
    crate::locked::encrypt_file(&path);
    tick(&mut store, &mut h);
    let after = h.render(120, 24);
    let asked = matches!(h.app.popup(), Some(Popup::Passphrase(_)));
    if asked {
        h.keys_saving_to(&mut store, "<Esc>");
    }
    h.keys_saving_to(&mut store, "wStale keys never seal this");
    let plain_draft = std::fs::read_dir(&drafts_dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|f| std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains("Stale keys")));
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(on_disk.contains("mend-sealed:"), "the journal is encrypted");
    assert!(
        asked && !plain_draft,
        "asked for the passphrase: {asked}; a plain draft on disk: {plain_draft}\n{after}"
    );
}

/// `mend encrypt` runs in another terminal while Sam writes on a plain journal; it seals
/// her draft. The key she types in the second before the app looks at the file writes the
/// draft plain again, over the sealed one, and it stays plain while the journal is encrypted.
#[test]
fn a_draft_written_just_after_mend_encrypt_is_never_plain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    mend::store::Store::new(&path, None)
        .create(crate::harness::lived_in_journal())
        .expect("created");
    let mut store = mend::store::Store::new(&path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let mut h = crate::harness::Harness::new(Some(mend::journal::Journal::clone(&journal)));
    h.app.journal = Some(journal);
    h.app.refresh();
    let drafts_dir = dir.path().join("drafts");
    let drafts = mend::tui::draft::Drafts::new(&drafts_dir);
    h.real_drafts = Some(drafts.clone());
    h.keys_saving_to(&mut store, "<Down><Enter>wThe quiet hour by the lake");
    // mend encrypt: the journal, then the plain drafts, sealed.
    crate::locked::encrypt_file(&path);
    let sealer = crate::locked::sams_keys(&path);
    let draft = drafts.load_for(SAM, None).expect("a plain draft");
    drafts.save(&draft, sealer.drafts_of(SAM).as_ref()).unwrap();
    let plain = || {
        std::fs::read_to_string(drafts_dir.join(format!("{SAM}.json")))
            .is_ok_and(|t| t.contains("quiet hour"))
    };
    assert!(!plain(), "mend encrypt sealed the draft");
    // One more key before the app's next look at the file.
    h.keys_saving_to(&mut store, ".");
    tick(&mut store, &mut h);
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
    assert!(
        !plain(),
        "the draft is plain on disk while the journal is encrypted"
    );
}

#[test]
fn a_journal_encrypted_again_between_two_looks_asks_for_the_passphrase_and_is_not_called_damaged() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM));
    // Decrypted and encrypted again (new keys) in another terminal, within one second.
    decrypt_file(&path);
    encrypt_file(&path);
    tick(&mut store, &mut h);
    let after = h.render(120, 24);
    assert!(!after.contains("changed outside mend"), "{after}");
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "the new keys need the passphrase:\n{after}"
    );
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>"));
    assert!(h.app.popup().is_none(), "{}", h.render(120, 24));
}
